#include "core/diagnostics.h"

#include <doctest/doctest.h>

#include <string>

namespace fazhi {
namespace {

// A collector with `errors`, `warnings` and `notes` of one line each, in that order.
void Fill(Diagnostics* d, int errors, int warnings, int notes) {
  const std::string text = "第一行\n";
  for (int i = 0; i < errors; ++i) d->Error("a.md", 1, 1, Message::Verbatim("错" + std::to_string(i)), text);
  for (int i = 0; i < warnings; ++i)
    d->Warning("a.md", 1, 1, Message::Verbatim("警" + std::to_string(i)), text);
  for (int i = 0; i < notes; ++i) d->Note("a.md", 1, 1, Message::Verbatim("注" + std::to_string(i)), text);
}

size_t Count(const std::string& s, const std::string& what) {
  size_t n = 0;
  for (size_t at = s.find(what); at != std::string::npos; at = s.find(what, at + 1)) ++n;
  return n;
}

TEST_CASE("diagnostics: past the cap each severity's rest is counted in a line of its own") {
  Diagnostics d;  // kShownDiagnostics of each
  Fill(&d, 3, 60, 52);
  CHECK(d.error_count() == 3);
  CHECK(d.warning_count() == 60);
  CHECK(d.note_count() == 52);
  const std::string out = d.Format();
  CHECK(Count(out, "a.md:1:1: 警告：警") == 50);
  CHECK(Count(out, "a.md:1:1: 编辑备注（不公开）：注") == 50);
  // Before, warnings and notes past the cap were dropped without a word.
  CHECK(out.ends_with("  ^\n……另有 10 个警告未列出\n……另有 2 条编辑备注未列出\n"));
  CHECK(d.Format(Lang::kEn).ends_with("  ^\n... and 10 more warnings\n... and 2 more editor notes\n"));
}

TEST_CASE("diagnostics: a collector that keeps everything shows a terminal's share of it") {
  Diagnostics all(SIZE_MAX), capped;
  Fill(&all, 55, 60, 0);
  Fill(&capped, 55, 60, 0);
  CHECK(all.items().size() == 115);
  CHECK(all.Format(Lang::kZh, kShownDiagnostics) == capped.Format());
  CHECK(Count(all.Format(), "……另有") == 0);
}

TEST_CASE("diagnostics: merging counts what the other collector's cap dropped") {
  Diagnostics small(2), into(SIZE_MAX);
  Fill(&small, 3, 4, 5);
  into.Merge(small);
  CHECK(into.items().size() == 6);
  CHECK(into.error_count() == 3);
  CHECK(into.warning_count() == 4);
  CHECK(into.note_count() == 5);
  CHECK(into.Format().ends_with("……另有 1 个错误未列出\n……另有 2 个警告未列出\n……另有 3 条编辑备注未列出\n"));
}

}  // namespace
}  // namespace fazhi
