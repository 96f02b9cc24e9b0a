// The messages of the command line: usage, help, and what build, check,
// new, import and serve print.
#pragma once

#include "core/message.h"

namespace fazhi::msg {

// --- Usage ------------------------------------------------------------------------

inline constexpr MessageText kUsageError{"fazhi：{0}\n运行 `fazhi help` 查看用法。",
                                         "fazhi: {0}\nRun `fazhi help` for usage."};
inline constexpr MessageText kUnknownCommand{"没有“{0}”这个命令", "unknown command '{0}'"};
inline constexpr MessageText kUnknownCommandDidYouMean{"没有“{0}”这个命令，是不是要写“{1}”？",
                                                       "unknown command '{0}'; did you mean '{1}'?"};
inline constexpr MessageText kUnknownOption{"没有 {0} 这个选项", "unknown option {0}"};
inline constexpr MessageText kOptionNeedsValue{"选项 {0} 后面要写一个值", "option {0} needs a value"};
inline constexpr MessageText kLangValue{"--lang 只能是 zh 或 en，这里是“{0}”",
                                        "--lang takes zh or en, not '{0}'"};
inline constexpr MessageText kAtMostOneFolder{"最多只能给一个站点文件夹", "expected at most one site folder"};
inline constexpr MessageText kJobsNumber{"--jobs 后面要写一个数字", "--jobs takes a number"};

// --- Help ----------------------------------------------------------------------------

inline constexpr MessageText kHelpHeader{
    "fazhi {0} — 法治政府建设信息公开网站生成器\n\n用法：fazhi <命令> [选项]\n\n命令：\n",
    "fazhi {0} — a static site generator for rule-of-law transparency\n\n"
    "Usage: fazhi <command> [options]\n\nCommands:\n"};
inline constexpr MessageText kHelpFooter{
    "\n每个命令都可以加 --lang en 改用英文消息（site.toml 里写 language = \"en\" 也一样）。\n"
    "退出码：0 成功，1 网站有错误，2 用法错误。\n",
    "\nAdd --lang en to any command for English messages (or set language = \"en\" in site.toml).\n"
    "Exit status: 0 success, 1 errors in the site, 2 usage errors.\n"};
inline constexpr MessageText kHelpBuild{
    "把 DIR（默认当前文件夹）里的网站生成到 DIR/public，整体替换，失败时不动原来的输出。"
    "--embed 另写 embed/：各页正文片段和 feed.json，供站群 CMS 引用。",
    "Build the site in DIR (default .) into DIR/public, atomically. --embed also writes embed/: each "
    "page's body as a fragment and feed.json, for a portal CMS."};
inline constexpr MessageText kHelpCheck{"检查 build 会检查的一切，不写任何文件。",
                                        "Validate everything `build` validates; write nothing."};
inline constexpr MessageText kHelpServe{
    "在内存里生成网站并预览，改动后自动刷新，出错时页面上显示错误（从不写 public/）。",
    "Preview the site from memory with live reload and an error overlay (never "
    "writes public/)."};
inline constexpr MessageText kHelpNew{
    "新建一个站点、一份年度报告、一个指标、一份述法档案或一个页面；从不覆盖已有文件。",
    "Scaffold a site, an annual report, an indicator, a 述法 profile or a page; never overwrites a file."};
inline constexpr MessageText kHelpImport{
    "从已发布的报告（.txt、.docx 或从门户网站保存的 .html 网页）生成报告页面、指标 CSV "
    "和指标草稿；给一个文件夹或几个文件时，"
    "按 data/units.csv 把每份报告归到它的单位，最后列出汇总表。",
    "Draft a report page, an indicator CSV and indicator stubs from a published report (.txt, .docx or a web "
    "page saved from the portal); "
    "a folder or several files: each assigned to its unit from data/units.csv, with a summary table."};
inline constexpr MessageText kHelpVersion{"显示版本。", "Print the version."};
inline constexpr MessageText kHelpHelp{"显示本帮助。", "Show this help."};

// --- build and check ----------------------------------------------------------------

inline constexpr MessageText kBuildFailed{
    "fazhi：构建失败，共 {0}；输出文件夹保持原样",
    "fazhi: build failed with {0}; the output folder was left unchanged"};
inline constexpr MessageText kCheckFailed{"fazhi：检查未通过，共 {0}", "fazhi: check failed with {0}"};
inline constexpr MessageText kCheckPassed{"fazhi：检查通过：{0} 个页面，{1}",
                                          "fazhi: check passed: {0} pages, {1}"};
inline constexpr MessageText kCheckEditorNotes{"fazhi：另有 {0} 条编辑备注（只给编辑看，不会发布）",
                                               "fazhi: {0} editor notes (not published)"};
inline constexpr MessageText kBuilt{
    "fazhi：已生成 {0} 个页面、{1} 个文件（{4} 个新写入，{5} 个未变），写入 {2}，用时 {3} 毫秒",
    "fazhi: built {0} pages, {1} files ({4} written, {5} unchanged) into {2} in {3} ms"};
inline constexpr MessageText kBuildStats{
    "fazhi：搜索索引 {0} 个页面、{1} 个词、{2} 个文件、{3} 字节（search/）；sitemap.xml {4} 个网址；feed.xml "
    "{5} 条",
    "fazhi: search index: {0} pages, {1} terms, {2} files, {3} bytes (search/); sitemap.xml: {4} URLs; "
    "feed.xml: {5} entries"};
inline constexpr MessageText kRelativeBaseUrl{
    "fazhi：提示：base_url 没有写域名，所以 sitemap.xml、feed.xml 和规范链接只用路径；正式发布时请加 "
    "--base-url "
    "https://…",
    "fazhi: note: base_url has no host, so sitemap.xml, feed.xml and canonical links use paths; build with "
    "--base-url https://… for publication"};

// --- new ---------------------------------------------------------------------------------

inline constexpr MessageText kCreated{"已创建 {0}", "created {0}"};
inline constexpr MessageText kAlreadyExists{"fazhi：{0} 已经存在，没有覆盖",
                                            "fazhi: {0}: already exists; not overwritten"};
inline constexpr MessageText kCannotCreateFile{"fazhi：无法创建 {0}：{1}", "fazhi: {0}: cannot create: {1}"};
inline constexpr MessageText kSiteNotEmpty{
    "fazhi：{0} 不是空文件夹；新站点要放在空文件夹或新文件夹里",
    "fazhi: {0} is not empty; a new site needs an empty or new folder"};
inline constexpr MessageText kReportYearDigits{"fazhi：报告年份要写四位数字，例如 2024",
                                               "fazhi: the report year must be four digits, such as 2024"};
inline constexpr MessageText kPagePathRelative{"fazhi：页面路径要相对于 content/，例如 notices/2025-open-day",
                                               "fazhi: the page path must be relative to content/, such as "
                                               "notices/2025-open-day"};
inline constexpr MessageText kNewUnknownKind{
    "fazhi：没有“{0}”这一类；请写 site、report、indicator、profile 或 page",
    "fazhi: unknown kind '{0}'; expected site, report, indicator, profile or page"};
inline constexpr MessageText kNewPlain{"fazhi：{0}", "fazhi: {0}"};

// --- import --------------------------------------------------------------------------------

inline constexpr MessageText kImportPrefix{"fazhi import：{0}", "fazhi import: {0}"};
inline constexpr MessageText kImportFileError{"fazhi import：{0}：{1}", "fazhi import: {0}: {1}"};
inline constexpr MessageText kImportFileWarning{"{0}：{1}", "{0}: {1}"};
inline constexpr MessageText kImportWhichFile{"导入哪个文件？请给出要导入的报告",
                                              "which file? give the report to import"};
inline constexpr MessageText kImportDate{"--date 要写成 YYYY-MM-DD，这里是“{0}”",
                                         "--date wants YYYY-MM-DD, got '{0}'"};
inline constexpr MessageText kImportYear{"--year 要写年份，例如 2024，这里是“{0}”",
                                         "--year wants a year such as 2024, got '{0}'"};
inline constexpr MessageText kImportCannotOpen{"打不开这个文件", "cannot open the file"};
inline constexpr MessageText kImportCannotRead{"读不出这个文件：{0}", "cannot read the file: {0}"};
inline constexpr MessageText kImportNoYear{"文中没有写明报告年度；请加 --year",
                                           "the text does not say which year it reports on; pass --year"};
inline constexpr MessageText kImportNoTitle{
    "文中没有标题；暂用“{0}”（请核对，或用 --title 指定）",
    "the text has no title; using \"{0}\" (check it, or pass --title)"};
inline constexpr MessageText kImportNoPublisher{
    "文中没有写发布单位；请在文件头补上 publisher 和 source（或用 --publisher 指定）",
    "the text does not name its publisher; add publisher and source to "
    "the front matter (or pass --publisher)"};
inline constexpr MessageText kImportSummary{"已导入 {0}（{1}）：{2} 个标题，{3} 个段落，{4} 个数字",
                                            "imported {0} ({1}): {2} headings, {3} paragraphs, {4} figures"};
inline constexpr MessageText kImportTitleLine{"  标题：{0}", "  title: {0}"};
inline constexpr MessageText kImportYearLine{"  年度：{0}", "  year: {0}"};
inline constexpr MessageText kImportPublishedLine{"  公开日期：{0}", "  publication date: {0}"};
inline constexpr MessageText kImportNotStated{"文中没有写（date：{0}）",
                                              "not stated in the text (date: {0})"};
inline constexpr MessageText kImportCatalogueLine{"  信息公开目录：{0}", "  信息公开 catalogue: {0}"};
inline constexpr MessageText kImportCatalogueNone{"网页上没有（索引号、发布机构等留空）",
                                                  "not on the page (索引号, 发布机构 … left empty)"};
inline constexpr MessageText kImportSignatureLine{"  落款：{0}", "  signature (落款): {0}"};
inline constexpr MessageText kImportClutter{"  已去掉网页上的杂项：{0} 处",
                                            "  portal clutter removed: {0} fragments"};
inline constexpr MessageText kImportPartLine{"  {0}：{1}", "  {0}: {1}"};
inline constexpr MessageText kImportNotFound{"没有找到", "not found"};
inline constexpr MessageText kImportFolded{"{0}（并在其中）", "{0} (folded in)"};
inline constexpr MessageText kImportUsage{
    "用法：fazhi import <文件> [--site 文件夹] [--year 年份] [--date YYYY-MM-DD]\n"
    "                    [--title 标题] [--publisher 发布单位] [--force]\n"
    "      fazhi import <文件夹或几个文件…> [--site 文件夹] [--year 年份] [--date YYYY-MM-DD] [--force]\n"
    "  <文件>         要导入的报告：UTF-8 或 GB18030/GBK 文本，或者 .docx（Word、WPS）\n"
    "  <文件夹>       一次导入多份报告：按标题、落款和开头几行里的名称，\n"
    "                 从 data/units.csv 找到每份报告的单位\n"
    "  --site 文件夹  写入哪个站点（默认当前文件夹）\n"
    "  --year 年份    报告年度（默认从文中找）\n"
    "  --date 日期    文中没有写公开日期时，文件头的 date（默认这台电脑今天的日期）\n"
    "  --title、--publisher  替换文中的标题、发布单位\n"
    "  --force        覆盖已有的文件\n",
    "usage: fazhi import <file> [--site DIR] [--year N] [--date YYYY-MM-DD]\n"
    "                    [--title TEXT] [--publisher NAME] [--force]\n"
    "       fazhi import <folder or files…> [--site DIR] [--year N] [--date YYYY-MM-DD] [--force]\n"
    "  <file>       the report: UTF-8 or GB18030/GBK text, or a .docx (Word, WPS)\n"
    "  <folder>     many reports at once: each is assigned to its unit from\n"
    "               data/units.csv by the names in its title, 落款 and first lines\n"
    "  --site DIR   the site to write into (default: the current folder)\n"
    "  --year N     the reporting year (default: found in the text)\n"
    "  --date D     front matter date when the text states no publication date\n"
    "               (default: today on this computer's clock)\n"
    "  --title, --publisher  override what the text says\n"
    "  --force      overwrite files that exist\n"};

// --- serve -------------------------------------------------------------------------------

inline constexpr MessageText kHostWarning{
    "fazhi：警告：--host {0} 让其他电脑也能访问这个预览服务器；它只用于本机预览",
    "fazhi: warning: --host {0} lets other machines reach this preview server; "
    "it is meant for local previews only"};
inline constexpr MessageText kChanged{"{0} 有改动，重新构建", "{0} changed; rebuilding"};
inline constexpr MessageText kChangedRescan{"{0} 有改动（重新扫描），重新构建",
                                            "{0} changed (rescan); rebuilding"};
inline constexpr MessageText kAndMore{"{0} 以及另外 {1} 个文件", "{0} and {1} more"};
inline constexpr MessageText kSources{"源文件", "sources"};
inline constexpr MessageText kPortRange{"--port 要写 0 到 65535 之间的数字",
                                        "--port takes a number from 0 to 65535"};
inline constexpr MessageText kNoSuchSite{"fazhi：{0}：没有这个站点文件夹", "fazhi: {0}: no such site folder"};
inline constexpr MessageText kReRendered{"fazhi：只重新生成了 {0} 个页面，没有整站重建",
                                         "fazhi: re-rendered {0} pages in place of a full build"};
inline constexpr MessageText kReRenderedOne{"fazhi：只重新生成了 1 个页面，没有整站重建",
                                            "fazhi: re-rendered 1 page in place of a full build"};
// A batch of paths that came and went (vim's 4913, an editor's temporary file).
inline constexpr MessageText kReRenderedNone{
    "fazhi：这些文件已不存在，也不是站点的一部分（如编辑器的临时文件），没有页面需要重新生成",
    "fazhi: those files are gone again and were never part of the site (an editor's temporary files, "
    "say); no page needs re-rendering"};
inline constexpr MessageText kServing{
    "fazhi：正在预览 {0}，地址 http://{1}:{2}/（用 {3} 监视改动；按 Ctrl-C 停止）",
    "fazhi: serving {0} at http://{1}:{2}/ (watching with {3}; Ctrl-C to stop)"};
inline constexpr MessageText kStopped{"fazhi：已停止", "fazhi: stopped"};
inline constexpr MessageText kPlain{"fazhi：{0}", "fazhi: {0}"};

// --- Deployment: as_of and the manifest ------------------------------------------------

inline constexpr MessageText kAsOfInvalid{
    "--as-of 需要 YYYY-MM-DD 格式的日期或 today，例如 --as-of 2025-03-31，而不是“{0}”",
    "--as-of takes a date YYYY-MM-DD or today, e.g. --as-of 2025-03-31, not '{0}'"};
inline constexpr MessageText kAsOfNoClock{
    "--as-of today 需要系统时钟，但这里没有提供",
    "--as-of today needs the system clock, which is not available here"};
inline constexpr MessageText kManifestNeedsFile{
    "--manifest 需要一个文件名，例如 --manifest public.sha256",
    "--manifest takes a file name, e.g. --manifest public.sha256"};
inline constexpr MessageText kManifestWritten{"fazhi：清单：{0} 个文件的 SHA-256 已写入 {1}",
                                              "fazhi: manifest: the SHA-256 of {0} files written to {1}"};

// --- fazhi new --------------------------------------------------------------------

inline constexpr MessageText kNewUsage{
    "fazhi：用法：fazhi new site 文件夹 --sponsor 主办单位 | new report 年份 | new indicator 代号 | new "
    "profile "
    "单位代号 [--year 年份] | new page 路径",
    "fazhi: usage: fazhi new site DIR --sponsor NAME | new report YEAR | new indicator ID | new profile UNIT "
    "[--year YEAR] | new page PATH"};
inline constexpr MessageText kNewSiteNeedsSponsor{
    "fazhi：请用 --sponsor 写明主办单位，例如：fazhi new site {0} --sponsor "
    "某区司法局（网站名称、信息来源和报告的"
    "发布单位都由它填写）",
    "fazhi: name the sponsor with --sponsor, e.g. fazhi new site {0} --sponsor 某区司法局 (it fills the "
    "site's "
    "title, the default source and the reports' publisher)"};
inline constexpr MessageText kNewSiteTheme{
    "\n本站用 fazhi 自带的默认主题（{0}），升级 fazhi 后随之更新。要改哪个模板或样式，只把那一个文件"
    "复制到本站的 layouts/、layouts/partials/ 或 static/ 下同名的位置再改（见 docs/themes.md）",
    "\nThe site uses the default theme fazhi ships ({0}), which upgrades with fazhi. To change a "
    "template or style, copy that one file to the same name under the site's layouts/, layouts/partials/ "
    "or static/ and change it there (docs/themes.md)"};
inline constexpr MessageText kNewSiteNext{
    "\n网站已建好，可以直接生成。下一步：\n"
    "  cd {0}\n"
    "  fazhi new report {1}      新建{1}年度报告（草稿）\n"
    "  fazhi serve --drafts         在浏览器里预览（草稿也显示），改动后自动刷新\n"
    "  fazhi build                  检查并生成网站到 public/\n"
    "编辑指南：docs/编辑指南.md",
    "\nThe site is ready and builds as it is. Next:\n"
    "  cd {0}\n"
    "  fazhi new report {1}      a draft of the {1} annual report\n"
    "  fazhi serve --drafts         preview in a browser (drafts too), reloading on every change\n"
    "  fazhi build                  check and build the site into public/\n"
    "Editor's guide: docs/编辑指南.md"};
inline constexpr MessageText kNewDraftNext{
    "这是一份草稿（draft: true），不会发布：写完后删去 draft: true 这一行。预览：fazhi serve "
    "--drafts；检查：fazhi "
    "check。文件：{0}",
    "This is a draft (draft: true) and is not published: delete the draft: true line when it is ready. "
    "Preview: "
    "fazhi serve --drafts; check: fazhi check. File: {0}"};
inline constexpr MessageText kNotASiteFolder{
    "fazhi：{0} 不是站点文件夹（里面没有 site.toml）：请在站点文件夹里运行，或加 --site 站点文件夹",
    "fazhi: {0} is not a site folder (it has no site.toml): run this inside the site folder or add --site "
    "DIR"};
inline constexpr MessageText kIndicatorIdForm{
    "fazhi：指标代号“{0}”只能用小写英文字母、数字和“-”，例如 admin-review-cases；它也是指标页面的网址",
    "fazhi: the indicator id '{0}' may use only lowercase letters, digits and '-', e.g. admin-review-cases; "
    "it is "
    "also the indicator page's URL"};
inline constexpr MessageText kProfileSlugForm{
    "fazhi：单位代号“{0}”只能用小写英文字母、数字和“-”，例如 sfj；它是单位页面的网址 /units/sfj/",
    "fazhi: the unit slug '{0}' may use only lowercase letters, digits and '-', e.g. sfj; it is the unit "
    "page's URL "
    "/units/sfj/"};

}  // namespace fazhi::msg
