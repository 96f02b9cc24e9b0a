#include "norms/unit_names.h"

#include <map>
#include <string>
#include <vector>

#include "norms/messages.h"

namespace fazhi {
namespace {

// The front matter node that names `p`'s unit, or nullptr when the page
// does not write one (a report whose publisher defaults to the sponsor).
const FmNode* UnitNode(const Page& p) {
  const char* keys[2] = {nullptr, nullptr};
  if (p.kind == "report") {
    keys[0] = "publisher";
    keys[1] = "source";  // a report's publisher defaults to its source
  } else if (p.kind == "profile") {
    keys[0] = "unit";
  } else if (p.kind == "indicator") {
    keys[0] = "responsible";
  }
  for (const char* k : keys) {
    if (!k) break;
    const FmNode* n = p.fm.root.Get(k);
    if (n && n->is_scalar() && !n->scalar.empty()) return n;
  }
  return nullptr;
}

}  // namespace

bool IsShortUnitName(std::string_view short_name, std::string_view full) {
  if (short_name.empty() || full.size() <= short_name.size() || !full.ends_with(short_name)) return false;
  std::string_view place = full.substr(0, full.size() - short_name.size());
  for (std::string_view end : {"省", "市", "区", "县", "州", "旗", "盟", "镇", "乡", "街道"}) {
    if (place.ends_with(end) && place.size() > end.size()) return true;
  }
  return false;
}

void CheckUnitNames(const Site& site, const SourceTree& tree, Diagnostics* diags) {
  struct Use {
    const Page* page;
    const FmNode* node;
  };
  // Every name written on a page, with its first page (pages are in a stable order).
  std::map<std::string, std::vector<Use>> uses;
  for (const Page& p : site.pages) {
    if (const FmNode* n = UnitNode(p)) uses[n->scalar].push_back({&p, n});
  }
  for (const auto& [name, at] : uses) {
    // The fullest name this one shortens: the sponsor first, then the
    // longest written name (the first in name order among equals).
    std::string full, where;
    if (IsShortUnitName(name, site.config.sponsor)) {
      full = site.config.sponsor;
    } else {
      for (const auto& [other, other_at] : uses) {
        if (IsShortUnitName(name, other) && other.size() > full.size()) {
          full = other;
          where = other_at.front().page->source_path;
        }
      }
    }
    if (full.empty()) continue;
    for (const Use& u : at) {
      const SourceFile* f = tree.Find(u.page->source_path);
      std::string_view text = f ? std::string_view(f->text) : std::string_view();
      Message m = where.empty() ? Message(msg::kUnitShortNameOfSponsor, name, full)
                                : Message(msg::kUnitShortNameOfPage, name, full, where);
      diags->Warning(u.page->source_path, u.node->line, u.node->col, std::move(m), text);
    }
  }
}

}  // namespace fazhi
