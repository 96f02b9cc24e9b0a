#include "import/units.h"

#include <algorithm>

#include "import/messages.h"

namespace fazhi {
namespace {

// Spaces inside a name ("白云区 司法局", a title centred with U+3000) are
// layout, not part of the name.
std::u32string WithoutSpaces(const std::string& s) {
  std::u32string out;
  for (char32_t c : ToU32(s)) {
    if (c == U' ' || c == U'\t' || c == U'\n' || c == U'\r' || c == 0x3000 || c == 0xA0) continue;
    out += c;
  }
  return out;
}

// A relative name ("区司法局", "镇政府") starts with the level of the place;
// right after another ideograph it is the tail of some other place's name
// ("海珠区司法局"), not this unit.
bool RelativeNameInsideOther(const std::u32string& text, size_t at, const std::u32string& name) {
  static const std::u32string kLevels = U"省市区县镇乡街";
  if (at == 0 || kLevels.find(name.front()) == std::u32string::npos) return false;
  char32_t before = text[at - 1];
  return (before >= 0x4E00 && before <= 0x9FFF) || (before >= 0x3400 && before <= 0x4DBF);
}

std::string UnitList(const std::vector<ImportUnit>& units, const std::vector<size_t>& which) {
  std::string s;
  for (size_t i : which) s += (s.empty() ? "" : "、") + units[i].name;
  return s;
}

}  // namespace

std::vector<UnitZone> ReportUnitZones(const StructuredReport& r) {
  std::vector<UnitZone> zones;
  auto add = [&](const MessageText& label, const std::string& text) {
    if (!text.empty()) zones.push_back({&label, text});
  };
  add(msg::kImportZoneTitle, r.meta.title);
  add(msg::kImportZoneSignature, r.meta.signature);
  add(msg::kImportZoneSource, r.meta.portal_source);
  // The opening lines: a report without a title line often starts with its
  // publisher ("区司法局2024年法治政府建设工作情况如下"). Only the start, so a
  // unit mentioned in passing later on does not count.
  std::string opening;
  for (const ImportBlock& b : r.blocks) {
    if (b.kind == ImportBlockKind::kHeading) break;
    opening += b.text;
    if (opening.size() > 180) break;
  }
  std::u32string o = ToU32(opening);
  add(msg::kImportZoneOpening, ToU8(o.substr(0, std::min<size_t>(o.size(), 60))));
  return zones;
}

std::vector<size_t> UnitsNamedIn(const std::vector<ImportUnit>& units, const std::string& text) {
  struct Hit {
    size_t begin, end, unit;
  };
  std::u32string t = WithoutSpaces(text);
  std::vector<Hit> hits;
  for (size_t u = 0; u < units.size(); ++u) {
    std::vector<std::string> names = units[u].short_names;
    names.push_back(units[u].name);
    for (const std::string& name : names) {
      std::u32string n = WithoutSpaces(name);
      if (n.empty()) continue;
      for (size_t at = t.find(n); at != std::u32string::npos; at = t.find(n, at + 1)) {
        if (RelativeNameInsideOther(t, at, n)) continue;
        hits.push_back({at, at + n.size(), u});
      }
    }
  }
  // Longest match: a hit inside a longer hit is part of that name.
  std::vector<size_t> found;
  for (const Hit& h : hits) {
    bool inside = std::any_of(hits.begin(), hits.end(), [&](const Hit& o) {
      return o.begin <= h.begin && h.end <= o.end && o.end - o.begin > h.end - h.begin;
    });
    if (!inside) found.push_back(h.unit);
  }
  std::sort(found.begin(), found.end());
  found.erase(std::unique(found.begin(), found.end()), found.end());
  return found;
}

UnitMatch MatchUnit(const std::vector<ImportUnit>& units, const std::vector<UnitZone>& zones) {
  UnitMatch m;
  const UnitZone* decided = nullptr;
  std::vector<size_t> named;
  for (const UnitZone& z : zones) {
    named = UnitsNamedIn(units, z.text);
    if (named.empty()) continue;
    decided = &z;
    break;
  }
  if (decided == nullptr) {
    m.reason = Message(msg::kImportUnitNotNamed);
    return m;
  }
  if (named.size() > 1) {
    m.reason = Message(msg::kImportUnitAmbiguous, Message(*decided->label), UnitList(units, named));
    return m;
  }
  // The title and the 落款 are both the publisher speaking: when they name
  // different units, the file is not what it seems (a cover letter, a
  // report filed under the wrong unit).
  if (decided->label == &msg::kImportZoneTitle) {
    for (const UnitZone& z : zones) {
      if (z.label != &msg::kImportZoneSignature) continue;
      std::vector<size_t> signed_by = UnitsNamedIn(units, z.text);
      if (!signed_by.empty() && signed_by != named) {
        m.reason = Message(msg::kImportUnitConflict, UnitList(units, named), UnitList(units, signed_by));
        return m;
      }
    }
  }
  m.recognised = true;
  m.unit = named.front();
  m.where = decided->label;
  return m;
}

}  // namespace fazhi
