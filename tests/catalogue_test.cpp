// The whole message catalogue (every constant of generator/*/messages.h):
// each message has a Chinese and an English text, and the Chinese text is
// Chinese — an English sentence left in the zh slot would reach editors
// unnoticed otherwise, since only a part of the messages can be reached by a
// whole-site test.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "catalogue_entries.h"

namespace fazhi::testing {
namespace {

bool IsAscii(const char* s) {
  for (; *s; ++s) {
    if (static_cast<unsigned char>(*s) >= 0x80) return false;
  }
  return true;
}

// Messages whose Chinese text is rightly ASCII: the same in both languages
// because they hold no words, only arguments and punctuation between them.
bool OnlyPlaceholders(const char* s) {
  for (; *s; ++s) {
    if ((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z')) return false;
  }
  return true;
}

// Every test source (generator/*/*_test.cpp, tests/*.cpp) in one string,
// with adjacent string literals joined ("甲" "乙" → "甲乙"), so a message
// split over two source lines is still found.
std::string AllTestSources() {
  namespace fs = std::filesystem;
  std::vector<fs::path> files;
  for (const auto& dir : fs::directory_iterator(FAZHI_SOURCE_DIR "/generator")) {
    if (!dir.is_directory()) continue;
    for (const auto& f : fs::directory_iterator(dir.path())) {
      if (f.path().filename().string().ends_with("_test.cpp")) files.push_back(f.path());
    }
  }
  for (const auto& f : fs::directory_iterator(FAZHI_SOURCE_DIR "/tests")) {
    const std::string name = f.path().filename().string();
    if (name.ends_with(".cpp") && name != "catalogue_test.cpp") files.push_back(f.path());
  }
  std::sort(files.begin(), files.end());
  std::string all;
  for (const auto& f : files) {
    std::ifstream in(f);
    std::stringstream text;
    text << in.rdbuf();
    const std::string s = text.str();
    for (size_t i = 0; i < s.size(); ++i) {
      if (s[i] == '"') {  // `"` blank* newline blank* `"` joins two literals
        size_t j = i + 1;
        while (j < s.size() && (s[j] == ' ' || s[j] == '\t')) ++j;
        if (j < s.size() && s[j] == '\n') {
          ++j;
          while (j < s.size() && (s[j] == ' ' || s[j] == '\t')) ++j;
          if (j < s.size() && s[j] == '"') {
            i = j;
            continue;
          }
        }
      }
      all += s[i];
    }
    all += '\n';
  }
  return all;
}

// The stretches of a message's Chinese text between placeholders, as they
// would be written in a C++ string literal (quotes and backslashes escaped).
std::vector<std::string> Literals(const char* zh) {
  std::vector<std::string> parts(1);
  for (const char* p = zh; *p; ++p) {
    if (p[0] == '{' && p[1] >= '0' && p[1] <= '9' && p[2] == '}') {
      parts.emplace_back();
      p += 2;
      continue;
    }
    std::string& cur = parts.back();
    if (*p == '"' || *p == '\\') cur += '\\';
    if (*p == '\n') {
      cur += "\\n";
      continue;
    }
    cur += *p;
  }
  return parts;
}

std::string LongestLiteral(const char* zh) {
  std::string best;
  for (const std::string& part : Literals(zh)) {
    if (part.size() > best.size()) best = part;
  }
  return best;
}

// Messages that no test mentions, by name or by their Chinese text: every
// stretch of two Chinese characters or more (six bytes; a bare "，" or
// "{0}（{1}）" is no evidence) must be in a test. The longest stretch alone
// was not enough: "”不是数字" counted three messages as tested while only one was.
std::vector<const CatalogueEntry*> Untested() {
  const std::string tests = AllTestSources();
  std::vector<const CatalogueEntry*> out;
  for (const CatalogueEntry& e : CatalogueEntries()) {
    const std::string name = std::string("msg::") + e.name;
    bool any = false, all = true;
    for (const std::string& part : Literals(e.text->zh)) {
      if (part.size() < 6) continue;
      any = true;
      all = all && tests.find(part) != std::string::npos;
    }
    if (tests.find(name) == std::string::npos && !(any && all)) out.push_back(&e);
  }
  return out;
}

}  // namespace

TEST_CASE("catalogue: the number of messages no test asserts does not grow") {
  // Issue 13: "every message has a Chinese text and a test". A message is
  // counted as tested when a test source names its constant or holds its
  // Chinese text (every part between placeholders). The ceiling is 0: every
  // message has its test, and a new message comes with its test or this
  // fails. `-s` lists the untested ones.
  constexpr size_t kCeiling = 0;
  const std::vector<const CatalogueEntry*> untested = Untested();
  std::map<std::string, int> per_folder;
  std::string list;
  for (const CatalogueEntry* e : untested) {
    ++per_folder[e->folder];
    list += std::string(e->folder) + "/" + e->name + ": " + e->text->zh + "\n";
  }
  std::string counts;
  for (const auto& [folder, n] : per_folder) counts += folder + " " + std::to_string(n) + "  ";
  MESSAGE(untested.size() << " of " << CatalogueEntries().size() << " messages untested: " << counts << "\n"
                          << list);
  CHECK(untested.size() <= kCeiling);
  // The scan itself: a message a test asserts is found, one nobody could is not.
  CHECK(std::none_of(untested.begin(), untested.end(),
                     [](const CatalogueEntry* e) { return std::string(e->name) == "kFullWidthColon"; }));
  CHECK(LongestLiteral("写成 {0}: \"{1}\"，请改") == "\\\"，请改");
}

TEST_CASE("catalogue: every message has a Chinese and an English text, and the Chinese one is Chinese") {
  const std::vector<CatalogueEntry>& entries = CatalogueEntries();
  REQUIRE(entries.size() > 400);
  for (const CatalogueEntry& e : entries) {
    CAPTURE(e.folder);
    CAPTURE(e.name);
    CHECK(std::strlen(e.text->zh) > 0);
    CHECK(std::strlen(e.text->en) > 0);
    if (!OnlyPlaceholders(e.text->zh)) {
      CHECK_MESSAGE(!IsAscii(e.text->zh), e.text->zh);
    }
  }
}

TEST_CASE("catalogue: the generated list holds every MessageText of every messages.h") {
  // Counted from the sources, independently of the CMake regex that made the
  // list, so a constant written in another form is not silently left out.
  std::map<std::string, int> declared, listed;
  for (const auto& f : std::filesystem::directory_iterator(FAZHI_SOURCE_DIR "/generator")) {
    std::ifstream in(f.path() / "messages.h");
    if (!in) continue;
    std::stringstream text;
    text << in.rdbuf();
    std::string s = text.str();
    int n = 0;
    for (size_t at = s.find("MessageText"); at != std::string::npos; at = s.find("MessageText", at + 1)) ++n;
    declared[f.path().filename().string()] = n;
  }
  for (const CatalogueEntry& e : CatalogueEntries()) ++listed[e.folder];
  CHECK(declared == listed);
}

}  // namespace fazhi::testing
