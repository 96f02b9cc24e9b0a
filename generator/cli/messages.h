// The messages of the command line that an editor reads. Chinese first;
// English for `--lang en`.
#pragma once

#include "core/message.h"

namespace fazhi::msg {

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
