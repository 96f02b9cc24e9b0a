#include "units/registry.h"

#include <algorithm>
#include <array>

#include "core/suggest.h"
#include "core/utf8.h"
#include "units/messages.h"

namespace fazhi {
namespace {

enum Col { kSlug, kName, kShort, kType, kFrom, kUntil, kNote, kCols };
constexpr std::array<std::array<const char*, 2>, kCols> kHeaders = {{{"slug", "标识"},
                                                                     {"name", "全称"},
                                                                     {"short_names", "简称"},
                                                                     {"type", "类型"},
                                                                     {"report_from", "起报年度"},
                                                                     {"report_until", "止报年度"},
                                                                     {"note", "备注"}}};

// Spaces an editor leaves around a cell: ASCII blanks, U+3000 and NBSP.
std::string_view Trim(std::string_view s) {
  auto starts = [](std::string_view t, std::string_view p) { return t.substr(0, p.size()) == p; };
  auto ends = [](std::string_view t, std::string_view p) {
    return t.size() >= p.size() && t.substr(t.size() - p.size()) == p;
  };
  for (bool more = true; more && !s.empty();) {
    more = false;
    for (std::string_view sp : {" ", "\t", "\u3000", "\u00a0"}) {
      if (starts(s, sp)) s.remove_prefix(sp.size()), more = true;
      if (ends(s, sp)) s.remove_suffix(sp.size()), more = true;
    }
  }
  return s;
}

// 简称 cells list several names separated by 、 or | (also full-width ｜).
std::vector<std::string> SplitNames(std::string_view s) {
  std::vector<std::string> out;
  std::string cur;
  auto flush = [&] {
    std::string_view t = Trim(cur);
    if (!t.empty()) out.emplace_back(t);
    cur.clear();
  };
  for (size_t i = 0; i < s.size();) {
    if (s.substr(i, 3) == "、" || s.substr(i, 3) == "｜") {
      flush();
      i += 3;
    } else if (s[i] == '|') {
      flush();
      ++i;
    } else {
      cur += s[i++];
    }
  }
  flush();
  return out;
}

bool IsSlug(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
  });
}

// "2021" or "2021年"; "" → 0 (no bound). False when it is neither.
bool ParseYear(std::string_view s, int* year) {
  *year = 0;
  if (s.empty()) return true;
  if (s.size() == 7 && s.substr(4) == "年") s = s.substr(0, 4);
  if (s.size() != 4 || !std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return false;
  }
  *year = std::stoi(std::string(s));
  return true;
}

}  // namespace

const Unit* UnitRegistry::Find(std::string_view ref) const {
  auto it = by_name_.find(Trim(ref));
  return it == by_name_.end() ? nullptr : &units_[it->second];
}

const Unit* UnitRegistry::BySlug(std::string_view slug) const {
  for (const Unit& u : units_) {
    if (u.slug == slug) return &u;
  }
  return nullptr;
}

Message UnitRegistry::UnknownUnit(std::string_view ref) const {
  std::string_view r = Trim(ref);
  const size_t len = Utf8Length(r);
  // Close enough to be a slip: at most half the reference's characters
  // differ (two for short references), so "司法局" does not suggest "财政局".
  const size_t limit = std::max<size_t>(1, len / 2);
  const Unit* best = nullptr;
  size_t best_d = limit + 1;
  for (const Unit& u : units_) {  // file order breaks ties
    std::vector<std::string_view> names = {u.slug, u.name};
    for (const std::string& s : u.short_names) names.push_back(s);
    for (std::string_view n : names) {
      size_t d = EditDistance(r, n);
      if (d < best_d) best_d = d, best = &u;
    }
  }
  if (!best) return Message(msg::kUnknownUnit, std::string(r));
  return Message(msg::kUnknownUnitDidYouMean, std::string(r), best->name, best->slug);
}

bool UnitRegistry::Build(std::string path, std::string_view text, const std::vector<UnitRow>& rows,
                         UnitRegistry* out, Diagnostics* diags) {
  *out = UnitRegistry();
  out->path_ = path;
  const size_t before = diags->error_count();
  auto error = [&](int line, int col, Message m) { diags->Error(path, line, col, std::move(m), text); };
  if (rows.empty()) {
    error(1, 1, Message(msg::kUnitsEmpty));
    return false;
  }
  // Header: English or Chinese names, any order.
  std::array<int, kCols> at;
  at.fill(-1);
  const UnitRow& head = rows.front();
  for (size_t i = 0; i < head.cells.size(); ++i) {
    const UnitCell& c = head.cells[i];
    std::string_view name = Trim(c.text);
    int col = -1;
    for (int k = 0; k < kCols; ++k) {
      if (name == kHeaders[k][0] || name == kHeaders[k][1]) col = k;
    }
    if (col < 0) {
      error(c.line, c.col, Message(msg::kUnitsUnknownColumn, std::string(name)));
    } else if (at[col] >= 0) {
      error(c.line, c.col, Message(msg::kUnitsDuplicateColumn, std::string(name)));
    } else {
      at[col] = static_cast<int>(i);
    }
  }
  for (int k : {kSlug, kName}) {
    if (at[k] < 0) error(head.line, 1, Message(msg::kUnitsMissingColumn, kHeaders[k][0], kHeaders[k][1]));
  }
  if (diags->error_count() != before) return false;

  // Which unit (by row line) first used each name, for the duplicate messages.
  struct Claim {
    size_t unit;
    int line;
  };
  std::map<std::string, Claim, std::less<>> claims;
  for (size_t r = 1; r < rows.size(); ++r) {
    const UnitRow& row = rows[r];
    auto cell = [&](int k) -> UnitCell {
      if (at[k] < 0 || static_cast<size_t>(at[k]) >= row.cells.size()) return {"", row.line, 1};
      UnitCell c = row.cells[at[k]];
      c.text = std::string(Trim(c.text));
      return c;
    };
    Unit u;
    u.line = row.line;
    UnitCell slug = cell(kSlug), name = cell(kName), from = cell(kFrom), until = cell(kUntil);
    u.slug = slug.text;
    u.name = name.text;
    u.short_names = SplitNames(cell(kShort).text);
    u.type = cell(kType).text;
    u.note = cell(kNote).text;
    u.sample = u.name.find("示例") != std::string::npos || u.note.find("示例") != std::string::npos;
    bool ok = true;
    if (u.slug.empty()) {
      error(slug.line, slug.col, Message(msg::kUnitsEmptyCell, row.line, "标识（slug）"));
      ok = false;
    } else if (!IsSlug(u.slug)) {
      error(slug.line, slug.col, Message(msg::kUnitsBadSlug, u.slug));
      ok = false;
    }
    if (u.name.empty()) {
      error(name.line, name.col, Message(msg::kUnitsEmptyCell, row.line, "全称（name）"));
      ok = false;
    }
    if (!ParseYear(from.text, &u.report_from)) {
      error(from.line, from.col, Message(msg::kUnitsBadYear, from.text));
      ok = false;
    }
    if (!ParseYear(until.text, &u.report_until)) {
      error(until.line, until.col, Message(msg::kUnitsBadYear, until.text));
      ok = false;
    } else if (u.report_from && u.report_until && u.report_until < u.report_from) {
      error(until.line, until.col, Message(msg::kUnitsYearsReversed, u.report_until, u.report_from));
      ok = false;
    }
    if (!ok) continue;
    const size_t index = out->units_.size();
    // Slug, full name, then short names: each must point to this unit only.
    auto claim = [&](const std::string& n, const UnitCell& at_cell, int kind) {
      auto it = claims.find(n);
      if (it == claims.end()) {
        claims.emplace(n, Claim{index, row.line});
        out->by_name_.emplace(n, index);
        return;
      }
      if (it->second.unit == index) return;  // a unit may repeat its own name
      const Unit& other = out->units_[it->second.unit];
      if (kind == kSlug && other.slug == n) {
        error(at_cell.line, at_cell.col, Message(msg::kUnitsDuplicateSlug, n, it->second.line, other.name));
      } else if (kind == kName && other.name == n) {
        error(at_cell.line, at_cell.col, Message(msg::kUnitsDuplicateName, n, it->second.line));
      } else {
        error(at_cell.line, at_cell.col, Message(msg::kUnitsNameClaimed, n, it->second.line, other.name));
      }
    };
    out->units_.push_back(u);
    claim(u.slug, slug, kSlug);
    claim(u.name, name, kName);
    UnitCell shorts = cell(kShort);
    for (const std::string& s : u.short_names) claim(s, shorts, kShort);
  }
  return diags->error_count() == before;
}

}  // namespace fazhi
