#include "import/write.h"

#include <doctest/doctest.h>

namespace fazhi {
namespace {

TEST_CASE("import_write: Markdown syntax in report text stays text") {
  CHECK(EscapeMarkdown("贯通“行政执法监督+纪检监督”") == "贯通“行政执法监督+纪检监督”");
  CHECK(EscapeMarkdown("1.加强督察") == "1\\.加强督察");
  CHECK(EscapeMarkdown("#话题 *重点* [链接] <b> a_b {{< value x >}}") ==
        "\\#话题 \\*重点\\* \\[链接\\] \\<b\\> a\\_b \\{\\{\\< value x \\>\\}\\}");
  CHECK(EscapeMarkdown("- 开头的横线") == "\\- 开头的横线");
}

ImportWriteOptions Options2024() {
  ImportWriteOptions o;
  o.year = 2024;
  o.date = "2025-03-01";
  return o;
}

TEST_CASE("import_write: draft ids, CSV quoting and the stub") {
  CHECK(DraftIndicatorId(2024, 0, 34) == "import-2024-01");
  CHECK(DraftIndicatorId(2024, 99, 120) == "import-2024-100");
  ImportedFigure f;
  f.value = "80.16";
  f.unit = "%";
  f.name = "办理行政复议案件办结率";
  f.sentence = "办理行政复议案件368件,同比增长120%,办结率80.16%;";
  f.section = "一、成效 > (四)争议化解";
  f.anchor = "四争议化解";
  ImportWriteOptions o = Options2024();
  o.title = "示例区司法局2024年法治政府建设年度报告";
  o.publisher = "示例区司法局";
  CHECK(RenderObservationsCsv({f}, o) ==
        "\xEF\xBB\xBF"
        "indicator,year,value,unit,qualifier,scope,breakdown,basis,formula,source,quote,note\n"
        "import-2024-01,2024,80.16,%,,,,原文,,reports/2024.md#四争议化解,"
        "\"办理行政复议案件368件,同比增长120%,办结率80.16%;\",\n");
  CHECK(GuessCategory(f) == "oversight");
  f.anchor.clear();
  CHECK(RenderObservationsCsv({f}, o).find(",原文,,reports/2024.md,\"") != std::string::npos);
  CHECK(
      RenderIndicatorStub(f, o) ==
      "---\n"
      "# Draft from `fazhi import`: check the name, category, unit and 口径, then delete\n"
      "# \"draft: true\". The id (this file's name) may be renamed; rename it in the CSV too.\n"
      "title: \"办理行政复议案件办结率\"\n"
      "category: \"oversight\"\n"
      "unit: \"%\"\n"
      "kind: rate\n"
      "direction: neutral\n"
      "date: 2025-03-01\n"
      "source: \"示例区司法局\"\n"
      "draft: true\n"
      "---\n\n"
      "导入草稿：本指标由 fazhi import 从示例区司法局2024年法治政府建设年度报告（一、成效 \\> (四)争议化解）"
      "的原句中提取，请核对后完善口径。\n\n"
      "> 办理行政复议案件368件,同比增长120%,办结率80.16%;\n");
}

TEST_CASE("import_write: front matter quotes text and dates the page by the stated date") {
  StructuredReport r = StructureReport("一、成效\n正文。\n示例区司法局\n2025年3月20日\n");
  ImportWriteOptions o;
  o.year = 2024;
  o.date = "2025-06-30";
  o.title = "标题: 带冒号 # 和井号";
  o.publisher = "示例区司法局";
  o.input_name = "a.txt";
  CHECK(RenderReportMarkdown(r, o) ==
        "---\n"
        "# Imported by `fazhi import` from a.txt. Check the headings and the text against the original,\n"
        "# then delete \"draft: true\" to publish.\n"
        "title: \"标题: 带冒号 # 和井号\"\n"
        "date: 2025-03-20\n"
        "source: \"示例区司法局\"\n"
        "year: 2024\n"
        "publisher: \"示例区司法局\"\n"
        "published: 2025-03-20\n"
        "signature:\n"
        "  - \"示例区司法局\"\n"
        "  - \"2025年3月20日\"\n"
        "draft: true\n"
        "---\n\n"
        "## 一、成效\n\n"
        "正文。\n");
}

}  // namespace
}  // namespace fazhi

namespace fazhi {
namespace {

TEST_CASE("import_write: heading anchors follow the Markdown stage, duplicates numbered") {
  StructuredReport r = StructureReport("一、成效\n（一）复议\n正文。\n二、成效\n（一）复议\n");
  std::vector<std::string> a = HeadingAnchors(r);
  REQUIRE(a.size() == 5);
  CHECK(a[0] == "一成效");
  CHECK(a[1] == "一复议");
  CHECK(a[2] == "");
  CHECK(a[3] == "二成效");
  CHECK(a[4] == "一复议-1");
}

TEST_CASE("import_write: growth is a change, a category the site lacks falls back with a note") {
  ImportedFigure f;
  f.value = "120";
  f.unit = "%";
  f.name = "办理行政复议案件同比增长";
  ImportWriteOptions o = Options2024();
  o.categories = {"review", "other"};
  std::string stub = RenderIndicatorStub(f, o);
  CHECK(stub.find("category: \"review\"  # 待定: no guess, choose one\nunit: \"%\"\nkind: change\n") !=
        std::string::npos);
}

}  // namespace
}  // namespace fazhi
