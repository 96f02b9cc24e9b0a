// Indicator observations: the CSV reader (UTF-8, GB18030, quotes), the
// checks of every cell and the formulas of 计算 rows, against four fixed
// indicator definitions. The input is the CSV file.
#include "core/config.h"
#include "core/front_matter.h"
#include "fuzz_input.h"
#include "indicators/csv.h"
#include "indicators/model.h"

namespace {

fazhi::SourceFile Def(const std::string& id, const std::string& unit, const std::string& kind) {
  return {"content/indicators/" + id + ".md", "---\ntitle: " + id +
                                                  "\ndate: 2025-01-01\ncategory: oversight\nunit: " + unit +
                                                  "\nkind: " + kind + "\n---\n口径。\n"};
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace fazhi;
  static const std::vector<SourceFile> defs = {Def("cases", "件", "count"), Def("rate", "%", "rate"),
                                               Def("growth", "%", "change"), Def("amount", "万元", "amount")};
  std::vector<IndicatorCategory> cats = DefaultIndicatorCategories();
  std::vector<IndicatorDef> parsed;
  std::vector<const SourceFile*> def_files;
  Diagnostics diags;
  for (const SourceFile& f : defs) {
    FrontMatter fm;
    if (!ParseFrontMatter(f, &fm, &diags)) continue;
    IndicatorDef d;
    std::string id = f.path.substr(19, f.path.size() - 22);
    if (ParseIndicatorDef(f, fm.root, id, cats, &d, &diags)) parsed.push_back(d);
    def_files.push_back(&f);
  }
  SourceFile csv{"data/indicators/2024.csv", fuzz::Bytes(data, size)};
  IndicatorSet set;
  BuildIndicatorSet(cats, parsed, def_files, {&csv}, &set, &diags);
  fuzz::Drain(diags);
  return 0;
}
