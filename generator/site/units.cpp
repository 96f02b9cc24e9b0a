#include "site/units.h"

#include "units/messages.h"

namespace fazhi {

bool ResolveReportUnits(const UnitRegistry& units, const SourceTree& tree, std::vector<Page>* pages,
                        Diagnostics* diags) {
  const size_t before = diags->error_count();
  for (Page& p : *pages) {
    if (p.kind != "report") continue;
    const SourceFile* f = tree.Find(p.source_path);
    std::string_view text = f ? std::string_view(f->text) : std::string_view();
    const FmNode* unit = p.fm.root.Get("unit");
    const FmNode* publisher = p.fm.root.Get("publisher");
    const FmNode* source = p.fm.root.Get("source");
    if (!units.present()) {
      if (unit)
        diags->Error(p.source_path, unit->line, unit->col, Message(msg::kUnitWithoutRegistry, unit->scalar),
                     text);
      continue;
    }
    // The reference: `unit`, else `publisher`, else the source (the default publisher).
    const FmNode* at = unit ? unit : publisher ? publisher : source;
    std::string ref = unit ? unit->scalar : p.report.publisher;
    const Unit* u = units.Find(ref);
    if (!u) {
      diags->Error(p.source_path, at ? at->line : 1, at ? at->col : 1, units.UnknownUnit(ref), text);
      continue;
    }
    if (unit && publisher) {
      const Unit* named = units.Find(publisher->scalar);
      if (named && named != u) {
        diags->Error(p.source_path, publisher->line, publisher->col,
                     Message(msg::kUnitPublisherDiffer, u->name, named->name), text);
        continue;
      }
    }
    p.report.unit = u->slug;
    p.report.publisher = u->name;
  }
  return diags->error_count() == before;
}

}  // namespace fazhi
