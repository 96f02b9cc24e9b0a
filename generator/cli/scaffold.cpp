#include "cli/scaffold.h"

namespace fazhi {
namespace {

std::string Join(const std::vector<std::string>& items, const std::string& sep) {
  std::string out;
  for (const std::string& s : items) out += (out.empty() ? "" : sep) + s;
  return out;
}

}  // namespace

std::vector<ScaffoldFile> SiteScaffold(const std::string& sponsor, const std::string& date) {
  std::vector<ScaffoldFile> files;
  files.push_back({"site.toml",
                   "# 网站配置。改完后运行 fazhi check 检查；每一项的说明见 docs/config.md。\n"
                   "title = \"" +
                       sponsor +
                       "法治政府建设专栏\"   # 网站名称\n"
                       "sponsor = \"" +
                       sponsor +
                       "\"   # 主办单位，也是每个页面默认的信息来源\n"
                       "contact = \"\"   # 联系方式，例如 \"电话：020-12345678\"；不填时页面显示“待填”\n"
                       "base_url = \"/\"   # 网站地址；放在子路径下时写成 \"https://域名/子路径/\"\n"
                       "as_of = " +
                       date +
                       "   # 代表“今天”的日期：同样的内容总是生成同样的网站\n"
                       "\n"
                       "# 政府网站必须标注的标识。尚未取得的留空，页面显示“待填”；不要编造。\n"
                       "[footer]\n"
                       "site_code = \"\"   # 政府网站标识码\n"
                       "icp = \"\"   # ICP备案号\n"
                       "psb_code = \"\"   # 公安机关备案号\n"
                       "\n"
                       "# 导航菜单。还没有发布页面的栏目暂不显示，有了第一篇就会出现。\n"
                       "[[menu]]\nname = \"首页\"\nurl = \"/\"\n\n"
                       "[[menu]]\nname = \"年度报告\"\nurl = \"/reports/\"\n\n"
                       "[[menu]]\nname = \"指标\"\nurl = \"/indicators/\"\n\n"
                       "[[menu]]\nname = \"述法\"\nurl = \"/profiles/\"\n\n"
                       "[[menu]]\nname = \"关于本站\"\nurl = \"/about/\"\n"});
  // A site is usually kept in git: what `fazhi build` writes is made again
  // on every build and must not be committed by accident.
  files.push_back({".gitignore",
                   "# fazhi build 生成的网站（public/）和它的工作文件夹：每次构建都会重新生成，不要提交。\n"
                   "/public/\n"
                   "/.public.fazhi/\n"});
  files.push_back({"content/_index.md", "---\ntitle: 首页\n---\n\n本站公开" + sponsor +
                                            "推进法治政府建设的情况：年度报告、主要指标和述法。\n"});
  files.push_back({"content/about.md", "---\ntitle: 关于本站\ndate: " + date + "\n---\n\n本站由" + sponsor +
                                           "主办，公开本单位法治政府建设年度报告、主要指标和述法情况。\n"});
  files.push_back({"content/reports/_index.md",
                   "---\ntitle: 年度报告\n---\n\n本栏目公开" + sponsor + "法治政府建设年度报告。\n"});
  files.push_back({"content/indicators/_index.md",
                   "---\ntitle: 指标\n---\n\n本栏目列出年度报告中的主要数字，每个数字注明出处。\n"});
  files.push_back(
      {"content/profiles/_index.md",
       "---\ntitle: 述法\n---\n\n本栏目公开党政主要负责人履行推进法治建设第一责任人职责的述法情况。\n"});
  return files;
}

std::string ReportScaffold(const std::string& year, const std::string& publisher, const std::string& date) {
  const std::string next = std::to_string(std::stoi(year) + 1);
  return "---\n"
         "title: " +
         publisher + year +
         "年法治政府建设年度报告\n"
         "date: " +
         date +
         "   # 在本站发布的日期\n"
         "year: " +
         year +
         "   # 报告所属的年度（不是公开的年份）\n"
         "publisher: " +
         publisher +
         "   # 发布报告的单位\n"
         "# published: " +
         next + "-03-31   # 原文公开日期（须在" + next +
         "年4月1日前）\n"
         "# original_url: http://…   # 原文在政府网站上的网址\n"
         "# attachments: [" +
         year +
         ".pdf]   # 原件（盖章的 "
         "PDF、OFD、Word），放在本文件旁边；索引号等信息公开目录各项的写法见编辑指南第二步\n"
         "draft: true   # 草稿：写完后删去这一行才会发布\n"
         "---\n\n"
         "## 一、" +
         year +
         "年度推进法治政府建设的主要举措和成效\n\n"
         "## 二、" +
         year +
         "年度推进法治政府建设存在的不足和原因\n\n"
         "## 三、" +
         year +
         "年度党政主要负责人履行推进法治建设第一责任人职责情况\n\n"
         "## 四、" +
         next +
         "年度推进法治政府建设的主要安排\n\n"
         "## 五、其他需要报告的情况\n";
}

std::string IndicatorScaffold(const std::string& id, const std::string& date,
                              const std::vector<std::pair<std::string, std::string>>& categories) {
  std::string cats;
  for (const auto& [slug, name] : categories) cats += "#   " + name + "（" + slug + "）\n";
  std::string first = categories.empty() ? "oversight" : categories.front().second;
  return "---\n"
         "title: 指标名称   # 名称，用报告原文的说法，例如：行政复议案件办理数\n"
         "date: " +
         date +
         "   # 在本站发布的日期\n"
         "category: " +
         first + "   # 类别，写下面的中文名或代号之一\n" + cats +
         "unit: 件   # 单位：件、宗、次、份、名、个、%、件次、人次……\n"
         "kind: count   # 类型：count 数量；rate 比率（单位 %）；amount 金额；boolean 是/否；change "
         "同比（单位 %）\n"
         "direction: neutral   # 怎样算向好：up 越大越好；down 越小越好；neutral 不评价；target "
         "达到目标（再写 target: "
         "100）\n"
         "# method: 年度内办理的行政复议案件数。   # 口径/计算方法\n"
         "# aliases: [行政复议案件]   # 报告正文里的其他叫法，用来核对正文和数据是否一致\n"
         "# 数值写在 data/indicators/ 下的 CSV 文件里（在 Excel 里“另存为 CSV "
         "UTF-8”），每个数值一行，例如：\n"
         "#   指标,年份,数值,单位,限定,依据,公式,来源,备注\n"
         "#   " +
         id +
         ",2025,368,件,,原文,,reports/2025.md,\n"
         "draft: true   # 草稿：写好并填上数值后删去这一行才会发布\n"
         "---\n";
}

std::string ProfileScaffold(const std::string& unit_slug, const std::string& year, const std::string& date,
                            const std::string& unit, const std::vector<std::string>& unit_types,
                            const std::vector<std::string>& forms, const std::vector<std::string>& sections) {
  std::string type = unit_types.empty() ? "区直部门" : unit_types.size() > 1 ? unit_types[1] : unit_types[0];
  std::string form = forms.empty() ? "专题述法" : forms.front();
  std::string headings;
  for (const std::string& s : sections) headings += "\n## " + s + "\n";
  return "---\n"
         "title: " +
         unit + "主要负责人" + year +
         "年度述法档案\n"
         "date: " +
         date +
         "   # 在本站发布的日期\n"
         "unit: " +
         unit +
         "   # 述法人所在单位\n"
         "unit_slug: " +
         unit_slug + "   # 单位页面的网址 /units/" + unit_slug +
         "/\n"
         "unit_type: " +
         type + "   # 单位类型，必须是其中之一：" + Join(unit_types, "、") +
         "\n"
         "post: 主要负责人   # 职务，按公开材料写，例如：党组书记、局长\n"
         "year: " +
         year +
         "   # 述法年度\n"
         "form: " +
         form + "   # 述法形式，必须是其中之一：" + Join(forms, "、") +
         "\n"
         "# occasion: 区委全面依法治区委员会会议   # 述法场合\n"
         "# held: " +
         std::to_string(std::stoi(year)) +
         "-12-20   # 述法日期\n"
         "# name: …   # 述法人姓名：只有官方公开过才写，并写 name_source（公开的出处网址）\n"
         "# rectification:   # 整改事项，每项以“- problem:”开头\n"
         "#   - problem: …   # 问题\n"
         "#     status: 整改中   # 状态：未开始、整改中、已完成\n"
         "#     deadline: " +
         std::to_string(std::stoi(year) + 1) +
         "-06-30   # 时限\n"
         "#     completed: 未注明   # 已完成的写完成日期；来源没有写明的写“未注明”\n"
         "#     basis: …   # 依据：出自哪份公开材料\n"
         "draft: true   # 草稿：写完后删去这一行才会发布\n"
         "---\n" +
         headings;
}

}  // namespace fazhi
