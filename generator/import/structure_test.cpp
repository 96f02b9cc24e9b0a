#include "import/structure.h"

#include <doctest/doctest.h>

namespace fazhi {
namespace {

// One line per block: "## 一、标题" for headings, the text for paragraphs.
std::string Outline(const StructuredReport& r) {
  std::string s;
  for (const ImportBlock& b : r.blocks) {
    if (b.kind == ImportBlockKind::kHeading) {
      s += std::string(static_cast<size_t>(b.level), '#') + " " + b.marker + b.text + "\n";
    } else {
      s += b.text + "\n";
    }
  }
  return s;
}

TEST_CASE("import_structure: Chinese numerals") {
  CHECK(ParseChineseNumber(U"一") == 1);
  CHECK(ParseChineseNumber(U"九") == 9);
  CHECK(ParseChineseNumber(U"十") == 10);
  CHECK(ParseChineseNumber(U"十一") == 11);
  CHECK(ParseChineseNumber(U"二十") == 20);
  CHECK(ParseChineseNumber(U"二十三") == 23);
  CHECK(ParseChineseNumber(U"") == 0);
  CHECK(ParseChineseNumber(U"是") == 0);
  CHECK(ParseChineseNumber(U"一二") == 0);
}

TEST_CASE("import_structure: headings on their own lines, four levels, ASCII and full-width") {
  StructuredReport r = StructureReport(
      "一、主要举措和成效\n"
      "(一)依法行政\n"
      "1.规范性文件\n"
      "（1）审查\n"
      "审查规范性文件23份。\n"
      "2、法律顾问\n"
      "出具法律意见347件次。\n"
      "（二）行政执法\n"
      "二、存在的不足和原因\n");
  CHECK(Outline(r) ==
        "## 一、主要举措和成效\n"
        "### (一)依法行政\n"
        "#### 1.规范性文件\n"
        "##### （1）审查\n"
        "审查规范性文件23份。\n"
        "#### 2、法律顾问\n"
        "出具法律意见347件次。\n"
        "### （二）行政执法\n"
        "## 二、存在的不足和原因\n");
  CHECK(r.heading_count == 7);
  CHECK(r.warnings.empty());
}

TEST_CASE("import_structure: unused levels are skipped (一、 then 1. gives ## and ###)") {
  StructuredReport r = StructureReport("一、主要举措\n1.规范性文件\n二、不足\n");
  CHECK(Outline(r) == "## 一、主要举措\n### 1.规范性文件\n## 二、不足\n");
}

TEST_CASE("import_structure: inline heading with 一是…二是… items") {
  StructuredReport r = StructureReport(
      "（一）把握正确政治方向，法治政府建设更加扎实有力。一是持续深化政治建设。二是压实第一责任人职责。\n");
  CHECK(Outline(r) ==
        "## （一）把握正确政治方向，法治政府建设更加扎实有力\n"
        "一是持续深化政治建设。\n"
        "二是压实第一责任人职责。\n");
}

TEST_CASE("import_structure: items are split only in order and after a boundary") {
  StructuredReport r =
      StructureReport("主要表现在：一是统一是非标准；二是影响力有待提升。三是机制有待健全。\n");
  CHECK(Outline(r) ==
        "主要表现在：\n"
        "一是统一是非标准；\n"
        "二是影响力有待提升。\n"
        "三是机制有待健全。\n");
}

TEST_CASE("import_structure: the whole report on one line") {
  StructuredReport r = StructureReport(
      "2024年,区司法局推进法治建设。现将有关情况报告如下:一、主要举措和成效(一)加强党的领导。"
      "一是压实第一责任人职责。(二)行政复议。办理行政复议案件368件。二、2024年度存在的不足和原因"
      "2024年,区司法局仍有差距。三、下一年度主要安排一是加强督察;二是健全机制。专此报告。");
  CHECK(Outline(r) ==
        "2024年,区司法局推进法治建设。现将有关情况报告如下:\n"
        "## 一、主要举措和成效\n"
        "### (一)加强党的领导\n"
        "一是压实第一责任人职责。\n"
        "### (二)行政复议\n"
        "办理行政复议案件368件。\n"
        "## 二、2024年度存在的不足和原因\n"
        "2024年,区司法局仍有差距。\n"
        "## 三、下一年度主要安排\n"
        "一是加强督察;\n"
        "二是健全机制。专此报告。\n");
  CHECK(r.meta.year == 2024);
}

TEST_CASE("import_structure: 一. and 一． are read like 一、") {
  StructuredReport r = StructureReport("一. 主要成效\n正文。\n二．不足\n");
  CHECK(Outline(r) == "## 一.主要成效\n正文。\n## 二．不足\n");
}

TEST_CASE("import_structure: publisher above the title, date under it, addressee kept") {
  StructuredReport a =
      StructureReport("示例区司法局\n2024年法治政府建设年度报告\n（2025年3月20日）\n一、主要成效\n正文。\n");
  CHECK(a.meta.title == "示例区司法局2024年法治政府建设年度报告");
  CHECK(a.meta.publisher == "示例区司法局");
  CHECK(a.meta.published == "2025-03-20");
  StructuredReport b =
      StructureReport("2024年法治政府建设年度报告\n示例区司法局\n区委、区政府：\n一、主要成效\n");
  CHECK(b.meta.title == "2024年法治政府建设年度报告");
  CHECK(b.meta.publisher == "示例区司法局");
  CHECK(Outline(b) == "区委、区政府：\n## 一、主要成效\n");
}

TEST_CASE("import_structure: a number like 2.0 or 1.5 is not a heading marker") {
  StructuredReport r = StructureReport("一、数字政府\n2.0版平台上线。\n1.5万人次参加。\n");
  CHECK(Outline(r) == "## 一、数字政府\n2.0版平台上线。\n1.5万人次参加。\n");
}

TEST_CASE("import_structure: inline 1.；2.； enumerations stay prose") {
  StructuredReport r = StructureReport("三、下一年度安排\n重点做好：1.加强督察；2.健全机制；3.开展培训。\n");
  CHECK(Outline(r) == "## 三、下一年度安排\n重点做好：1.加强督察；2.健全机制；3.开展培训。\n");
}

TEST_CASE("import_structure: portal clutter is removed, the portal's 发布时间 is the publication date") {
  StructuredReport r = StructureReport(
      "示例区人民政府门户网站\n"
      "无障碍 | 长者模式 字号：大 中 小\n"
      "首页 > 政务公开 > 法治政府建设\n"
      "示例区司法局2024年法治政府建设年度报告\n"
      "发布时间：2025-03-28 10:15:00  来源：示例区司法局  浏览次数：1024\n"
      "一、主要举措和成效\n"
      "办理行政复议案件368件。\n");
  CHECK(r.meta.title == "示例区司法局2024年法治政府建设年度报告");
  CHECK(r.meta.year == 2024);
  // The day the portal made it public (the text itself states no date).
  CHECK(r.meta.published == "2025-03-28");
  CHECK(r.meta.portal_date == "2025-03-28");
  CHECK(r.meta.portal_source == "示例区司法局");
  CHECK(r.meta.publisher == "示例区司法局");
  CHECK(r.clutter_removed == 16);  // every word of the first 3 lines and line 5
  CHECK(Outline(r) == "## 一、主要举措和成效\n办理行政复议案件368件。\n");
}

TEST_CASE("import_structure: the signature date is the publication date, footer clutter goes") {
  StructuredReport r = StructureReport(
      "示例区司法局2024年法治政府建设年度报告\n"
      "一、主要举措和成效\n"
      "特此报告。\n"
      "广州市示例区司法局\n"
      "2025年3月20日\n"
      "【打印本页】 【关闭窗口】\n"
      "返回顶部\n");
  CHECK(r.meta.published == "2025-03-20");
  CHECK(r.meta.publisher == "广州市示例区司法局");
  CHECK(r.meta.signature == "广州市示例区司法局");
  CHECK(r.meta.signature_date == "2025年3月20日");
  CHECK(Outline(r) == "## 一、主要举措和成效\n特此报告。\n");
}

// The shapes below follow real portal pages (fields, order, separators); the
// units, numbers and dates are made up (临江市滨河区 is fictional):
// - the 政府信息公开目录 block of Guangzhou's district portals (gkmlpt), e.g.
//   https://www.gzns.gov.cn/gznsqfb/gkmlpt/content/5/5850/post_5850803.html:
//   "索引号: … 分类: …" / "发布机构: … 成文日期: …" / "名称: …" / "文号: … 发布日期: …" /
//   "主题词:", then the title, "发布日期: … 浏览次数: …", the text and its 落款;
// - a district portal's article header, e.g.
//   http://www.tjjh.gov.cn/jhqzf/zwgk_28985/zfxxgk_qzf1/qzf1/fdzdgknr2/qtfdgkxx2/202403/t20240328_6583952.html:
//   the portal's name with the day's date, "无障碍 简体| 繁体", the title, "来源:… 发布时间:…";
// - fields run together, e.g. https://www.lieshan.gov.cn/zwgk/public/198/64851798.html:
//   "浏览次数:信息来源: 区司法局发布时间:2025-11-07 16:34".
TEST_CASE("import_structure: a portal's 信息公开 block fills the catalogue fields, the 落款 its own") {
  StructuredReport r = StructureReport(
      "临江市滨河区人民政府门户网站\n"
      "首页 > 政务公开 > 法治政府建设\n"
      "索引号: 11441234MB2X00000T/2025-00031 分类: 综合政务\n"
      "发布机构: 临江市滨河区司法局 成文日期: 2025-03-21\n"
      "名称: 临江市滨河区司法局2024年法治政府建设年度报告\n"
      "文号: 滨司〔2025〕7号 发布日期: 2025-03-26\n"
      "主题词:\n"
      "【打印】 【字体：大 中 小】\n"
      "临江市滨河区司法局2024年法治政府建设年度报告\n"
      "发布日期:2025-03-26  浏览次数:-\n"
      "一、主要举措和成效\n"
      "办理行政复议案件368件。\n"
      "临江市滨河区司法局\n"
      "2025年3月21日\n");
  const ImportMeta& m = r.meta;
  CHECK(m.title == "临江市滨河区司法局2024年法治政府建设年度报告");
  CHECK(m.index_no == "11441234MB2X00000T/2025-00031");
  CHECK(m.topic == "综合政务");
  CHECK(m.issuer == "临江市滨河区司法局");
  CHECK(m.written == "2025-03-21");
  CHECK(m.catalogue_title == "临江市滨河区司法局2024年法治政府建设年度报告");
  CHECK(m.doc_no == "滨司〔2025〕7号");
  CHECK(m.portal_date == "2025-03-26");
  CHECK(m.published == "2025-03-26");  // the portal's date, not the 落款's
  CHECK(m.signature == "临江市滨河区司法局");
  CHECK(m.signature_date == "2025年3月21日");
  CHECK(m.portal_source == "");
  CHECK(m.publisher == "临江市滨河区司法局");
  CHECK(Outline(r) == "## 一、主要举措和成效\n办理行政复议案件368件。\n");
}

TEST_CASE("import_structure: fields run together, the portal's banner and the title's decorations") {
  StructuredReport r = StructureReport(
      "临江市滨河区人民政府 2025年3月28日星期五\n"
      "无障碍 简体| 繁体\n"
      "临江市滨河区人民政府门户网站 - 临江市滨河区2024年度法治政府建设情况报告_滨河区政府网\n"
      "字体大小：【大 中 小】\n"
      "浏览次数：信息来源： 临江市滨河区人民政府办公室发布时间：2025-03-28 09:18\n"
      "一、主要举措和成效\n"
      "正文。\n");
  CHECK(r.meta.title == "临江市滨河区2024年度法治政府建设情况报告");
  CHECK(r.meta.portal_source == "临江市滨河区人民政府办公室");
  CHECK(r.meta.published == "2025-03-28");
  CHECK(r.meta.year == 2024);
  CHECK(r.meta.index_no == "");
  CHECK(r.meta.written == "");
  CHECK(Outline(r) == "## 一、主要举措和成效\n正文。\n");
}

TEST_CASE("import_structure: a label alone on its line takes the next line, never the title") {
  StructuredReport r = StructureReport(
      "索引号：\n11441234MB2X00000T/2025-00031\n"
      "成文日期：\n2025-03-21\n"
      "文号：\n"
      "临江市滨河区司法局2024年法治政府建设年度报告\n"
      "来源：\n临江市滨河区司法局\n"
      "一、成效\n正文。\n");
  CHECK(r.meta.index_no == "11441234MB2X00000T/2025-00031");
  CHECK(r.meta.written == "2025-03-21");
  CHECK(r.meta.doc_no == "");
  CHECK(r.meta.title == "临江市滨河区司法局2024年法治政府建设年度报告");
  CHECK(r.meta.portal_source == "临江市滨河区司法局");
  CHECK(Outline(r) == "## 一、成效\n正文。\n");
}

TEST_CASE("import_structure: a date the portal shows that is not a date is left out") {
  StructuredReport r = StructureReport(
      "成文日期：见正文\n发布日期：2025-13-40\n示例区2024年法治政府建设年度报告\n一、成效\n正文。\n");
  CHECK(r.meta.written == "");
  CHECK(r.meta.portal_date == "");
  CHECK(r.meta.published == "");
}

TEST_CASE("import_structure: the portal's name around a title goes, separators inside it stay") {
  CHECK(StripPortalName("临江市滨河区司法局2024年法治政府建设年度报告_临江市滨河区人民政府门户网站") ==
        "临江市滨河区司法局2024年法治政府建设年度报告");
  CHECK(StripPortalName("临江市滨河区人民政府门户网站 - 滨河区2024年法治政府建设年度报告") ==
        "滨河区2024年法治政府建设年度报告");
  CHECK(StripPortalName("滨河区2024年度法治政府建设情况报告 | 滨河区政府网") ==
        "滨河区2024年度法治政府建设情况报告");
  CHECK(StripPortalName("滨河区2024年度法治政府建设情况报告_天津市滨河区人民政府") ==
        "滨河区2024年度法治政府建设情况报告");
  CHECK(StripPortalName("关于《法治政府建设实施纲要（2021-2025年）》落实情况的报告") ==
        "关于《法治政府建设实施纲要（2021-2025年）》落实情况的报告");
  CHECK(StripPortalName("滨河区司法局—2024年法治政府建设年度报告") ==
        "滨河区司法局—2024年法治政府建设年度报告");
  CHECK(StripPortalName("  示例区2024年法治政府建设年度报告  ") == "示例区2024年法治政府建设年度报告");
}

TEST_CASE("import_structure: a web page's <title> is the title when the text shows none") {
  StructuredReport a = StructureReport("一、成效\n正文。\n", "示例区2024年法治政府建设年度报告_示例区政府网");
  CHECK(a.meta.title == "示例区2024年法治政府建设年度报告");
  CHECK(a.meta.year == 2024);
  StructuredReport b = StructureReport("一、成效\n正文。\n", "示例区人民政府门户网站");
  CHECK(b.meta.title == "");
  StructuredReport c = StructureReport("名称：示例区2023年法治政府建设年度报告\n一、成效\n正文。\n",
                                       "示例区2024年法治政府建设年度报告");
  CHECK(c.meta.title == "示例区2023年法治政府建设年度报告");
}

TEST_CASE("import_structure: dates in Chinese numerals and a date under the title") {
  StructuredReport a = StructureReport("一、成效\n特此报告。\n示例区司法局\n二〇二五年一月二十日\n");
  CHECK(a.meta.published == "2025-01-20");
  StructuredReport b =
      StructureReport("示例区司法局2024年法治政府建设年度报告\n（2025年3月20日）\n一、成效\n正文。\n");
  CHECK(b.meta.published == "2025-03-20");
  CHECK(Outline(b) == "## 一、成效\n正文。\n");
}

TEST_CASE("import_structure: the 第一责任人 part first, or folded into part 一") {
  StructuredReport first = StructureReport(
      "一、党政主要负责人履行推进法治建设第一责任人职责情况\n正文。\n"
      "二、推进法治政府建设的主要举措和成效\n正文。\n三、存在的不足和原因\n正文。\n"
      "四、2025年工作安排\n正文。\n");
  CHECK(first.parts.accountability == "一、党政主要负责人履行推进法治建设第一责任人职责情况");
  CHECK_FALSE(first.parts.accountability_folded);
  CHECK(first.parts.measures == "二、推进法治政府建设的主要举措和成效");
  CHECK(first.parts.shortcomings == "三、存在的不足和原因");
  CHECK(first.parts.plans == "四、2025年工作安排");

  StructuredReport folded = StructureReport(
      "一、主要举措和成效\n（一）加强党的领导。一是深化政治建设。二是压实法治建设第一责任人职责，定期研究。\n"
      "二、存在的不足和原因\n三、下一年度主要安排\n");
  CHECK(folded.parts.accountability ==
        "一、主要举措和成效 > （一）加强党的领导 二是压实法治建设第一责任人职责");
  CHECK(folded.parts.accountability_folded);

  StructuredReport heading =
      StructureReport("一、主要举措和成效\n（一）履行第一责任人职责\n正文。\n二、存在的不足和原因\n");
  CHECK(heading.parts.accountability == "一、主要举措和成效 > （一）履行第一责任人职责");
  CHECK(heading.parts.accountability_folded);
}

TEST_CASE("import_structure: a text without headings becomes paragraphs with a warning") {
  StructuredReport r = StructureReport("全年办理行政复议案件368件。\n下一步将持续推进。\n");
  CHECK(r.heading_count == 0);
  CHECK(Outline(r) == "全年办理行政复议案件368件。\n下一步将持续推进。\n");
  REQUIRE(r.warnings.size() == 1);
  CHECK(r.warnings[0].Render() == "没有找到标题（一、 （一） 1. （1））：全文按段落导入");
  CHECK(r.warnings[0].Render(Lang::kEn) ==
        "no headings found (一、 （一） 1. （1）); the text is imported as paragraphs");
}

TEST_CASE("import_structure: a short first line is kept when no title follows") {
  StructuredReport r = StructureReport("工作概况\n全年办理行政复议案件368件，办结率80.16%。\n");
  CHECK(r.clutter_removed == 0);
  CHECK(Outline(r) == "工作概况\n全年办理行政复议案件368件，办结率80.16%。\n");
}

}  // namespace
}  // namespace fazhi
