#include "import/figures.h"

#include <doctest/doctest.h>

namespace fazhi {
namespace {

// "value unit qualifier | name" per figure, one per line.
std::string Figures(std::string_view text) {
  std::string s;
  for (const ImportedFigure& f : FindFiguresInText(text)) {
    s += f.value + " " + f.unit + " " + (f.qualifier.empty() ? "-" : f.qualifier) + " | " + f.name + "\n";
  }
  return s;
}

TEST_CASE("import_figures: units, compound units and magnitudes") {
  CHECK(Figures("办理行政复议案件368件，出具法律意见347件次，走访企业12家次、群众30人次、农户5户次，"
                "开展讲座6场、抽查3批次，投入2.5万元，时限压缩至3个月、5个工作日。") ==
        "368 件 - | 办理行政复议案件\n"
        "347 件次 - | 出具法律意见\n"
        "12 家次 - | 走访企业\n"
        "30 人次 - | 群众\n"
        "5 户次 - | 农户\n"
        "6 场 - | 开展讲座\n"
        "3 批次 - | 抽查\n"
        "2.5 万元 - | 投入\n"
        "3 个月 - | 时限压缩至\n"
        "5 个工作日 - | 时限压缩至\n");
}

TEST_CASE("import_figures: qualifiers before and after the number") {
  CHECK(Figures("提供法律咨询4000多次；审查合同300余份；近50%的案件；约80宗；超1000人次；"
                "超过20家；无纸化办案率达到90%以上；逾30件；不低于95%；60件左右。") ==
        "4000 次 多 | 提供法律咨询\n"
        "300 份 余 | 审查合同\n"
        "50 % 近 | 的案件\n"
        "80 宗 约 | 未命名\n"
        "1000 人次 超 | 未命名\n"
        "20 家 超 | 未命名\n"
        "90 % 以上 | 无纸化办案率\n"
        "30 件 超 | 未命名\n"
        "95 % 以上 | 未命名\n"
        "60 件 约 | 未命名\n");
}

TEST_CASE("import_figures: full-width digits and %, thousands separators") {
  CHECK(Figures("成功化解１５３７宗，成功率９９.８７％，累计1,537宗。") ==
        "1537 宗 - | 成功化解\n"
        "99.87 % - | 成功化解成功率\n"
        "1537 宗 - | 成功化解\n");
}

TEST_CASE("import_figures: rates and shares are named after the count they follow") {
  CHECK(Figures("办理行政复议案件368件，同比增长120%，办结率80.16%；直接纠错18件，占已审结案件的6.8%。") ==
        "368 件 - | 办理行政复议案件\n"
        "120 % - | 办理行政复议案件同比增长\n"
        "80.16 % - | 办理行政复议案件办结率\n"
        "18 件 - | 直接纠错\n"
        "6.8 % - | 直接纠错占比\n");
}

TEST_CASE("import_figures: a list of counts names each by the noun after its unit") {
  CHECK(Figures("共有4名区委常委、42名区直部门主要负责同志、16名镇街党政主要负责同志进行专题述法。") ==
        "4 名 - | 区委常委\n"
        "42 名 - | 区直部门主要负责同志\n"
        "16 名 - | 镇街党政主要负责同志进行\n");
  CHECK(Figures("参考率、通过率和优秀率首次达到3个100%。") == "100 % - | 参考率、通过率和优秀率\n");
}

TEST_CASE(
    "import_figures: years, dates, ordinals, ranks, document numbers, versions and names are not facts") {
  CHECK(Figures("2024年，深入贯彻《法治政府建设实施纲要(2021-2025年)》，申报2023—2024年项目。") == "");
  CHECK(Figures("紧紧围绕省委“1310”具体部署、市委“1312”思路举措，组建“1+8”团队。") == "");
  CHECK(Figures("加快对1+3+5+N产业政策和3+X模式的审核，推进5G应用。") == "");
  CHECK(Figures("召开第6次会议，在全市排名第3，位列前10名，十五届人大，第六次会议。") == "");
  CHECK(Figures("依据示司〔2024〕3号、[2023]12号文件，于2025年1月20日、2025-03-20印发。") == "");
  CHECK(Figures("平台升级到2.0版，数字法治2.0建设，连续6年开展，12345热线。") == "");
  CHECK(Figures("发布时间：2025-03-28 10:15:00") == "");
}

TEST_CASE("import_figures: a figure keeps its sentence and section") {
  std::vector<ImportedFigure> f = FindFiguresInText("一是深化府院联动。成功化解行政争议88宗。二是优化机制。",
                                                    "一、成效 > （四）争议化解");
  REQUIRE(f.size() == 1);
  CHECK(f[0].sentence == "成功化解行政争议88宗。");
  CHECK(f[0].section == "一、成效 > （四）争议化解");
}

TEST_CASE("import_figures: FindFigures walks headings for the section path") {
  StructuredReport r = StructureReport(
      "一、主要举措和成效\n（一）行政复议\n办理行政复议案件368件。\n（二）调解\n成功化解1537宗。\n"
      "二、存在的不足\n未命名的问题。\n");
  std::vector<ImportedFigure> f = FindFigures(r);
  REQUIRE(f.size() == 2);
  CHECK(f[0].section == "一、主要举措和成效 > （一）行政复议");
  CHECK(f[0].line == 3);
  CHECK(f[1].section == "一、主要举措和成效 > （二）调解");
  CHECK(f[1].line == 5);
}

}  // namespace
}  // namespace fazhi
