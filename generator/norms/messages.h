// The messages of the norms folder: personal data, resources from other
// hosts, the annual report's deadline and required items, empty sections.
#pragma once

#include "core/message.h"

namespace fazhi::msg {

// The privacy gate (norms/privacy.cpp).
inline constexpr MessageText kPrivacyIdNumber{
    "个人信息：这像是身份证号（18位，校验位和出生日期有效）；请删除",
    "personal data: this looks like a 身份证号 (18 digits with a valid "
    "check digit and birth date); remove it"};
inline constexpr MessageText kPrivacyIdByKeyword{
    "个人信息：“{0}”后面的{1}位数字像是证件号码（校验位不对也算）；请删除",
    "personal data: the {1} digits after '{0}' look like an ID number (whatever the check digit); remove "
    "them"};
inline constexpr MessageText kPrivacyMobile{
    "个人信息：这像是手机号码；请删除；如果是正式公开的办公电话，请把它列入 site.toml 的 [privacy] allow",
    "personal data: this looks like a mobile phone number; remove it, or list it under [privacy] allow in "
    "site.toml if it is an officially published office number"};
inline constexpr MessageText kPrivacyAddress{
    "这像是住宅地址（号/栋/单元/室）；只发布正式公开的地址",
    "this looks like a home address (号/栋/单元/室); publish only addresses that are officially public"};

// Publishing (norms/publishing.cpp).
inline constexpr MessageText kRobotsNotAtRoot{
    "base_url 带子路径“{0}”，robots.txt 会生成在 {1}，但搜索引擎只读取主机根目录的 {2}。"
    "请把本站 robots.txt 的 Sitemap 和 Disallow 行合并进 {2}，"
    "再在 site.toml 的 [robots] 中写 merged_into_root = true（见 docs/deployment.md）",
    "base_url has the sub-path '{0}', so robots.txt is written to {1}, but crawlers read only {2} at the "
    "host root. Merge the Sitemap and Disallow lines of this site's robots.txt into {2}, then set "
    "merged_into_root = true under [robots] in site.toml (see docs/deployment.md)"};

inline constexpr MessageText kAsOfBehindClock{
    "as_of 是 {0}，比今天（{1}）早 {2} 天：逾期整改和“截至”日期都按 as_of 计算，网站显示的是过时的状态。"
    "请把 as_of 改为今天，或在定时构建中用 fazhi build --as-of today（见 docs/deployment.md）",
    "as_of is {0}, {2} days before today ({1}): overdue rectification items and 截至 dates are computed "
    "from as_of, so the site shows a stale state. Set as_of to today, or build with fazhi build --as-of "
    "today in a scheduled pipeline (see docs/deployment.md)"};

inline constexpr MessageText kAsOfAfterClock{
    "as_of 是 {0}，晚于今天（{1}）：期限在这两天之间的整改事项会被提前算作逾期。请检查 as_of",
    "as_of is {0}, after today ({1}): rectification items due between the two dates count as overdue too "
    "early. Check as_of"};

// --- Resources from other hosts ---------------------------------------------------

inline constexpr MessageText kExternalResource{
    "从其他网站加载的{0}（{1}）：网站不能从其他网站加载任何东西，请把文件复制到 static/，或者把“{1}”写进 "
    "site.toml "
    "的 [security] allow_hosts",
    "external {0} from {1}: the site must load nothing from other hosts; copy the file into static/ or add "
    "\"{1}\" "
    "to [security] allow_hosts in site.toml"};
inline constexpr MessageText kResScript{"脚本", "script"};
inline constexpr MessageText kResLink{"样式表、字体或图标（<link>）", "stylesheet, font or icon (<link>)"};
inline constexpr MessageText kResImage{"图片", "image"};
inline constexpr MessageText kResMediaSource{"媒体源", "media source"};
inline constexpr MessageText kResIframe{"内嵌框架（iframe）", "iframe"};
inline constexpr MessageText kResEmbedded{"嵌入对象", "embedded object"};
inline constexpr MessageText kResMedia{"音视频", "media"};
inline constexpr MessageText kResTrack{"音视频字幕", "media track"};
inline constexpr MessageText kResCssImport{"样式表（@import）", "stylesheet (@import)"};
inline constexpr MessageText kResCssUrl{"字体或图片（CSS url()）", "font or image (CSS url())"};
inline constexpr MessageText kExternalPing{
    "{0}发往其他网站（{1}）：读者点开这个链接时，浏览器会通知“{1}”；请删掉 ping 属性，或者把“{1}”写进 "
    "site.toml 的 [security] allow_hosts",
    "{0} to another host ({1}): the browser tells \"{1}\" whenever a reader follows the link; remove the "
    "ping "
    "attribute or add \"{1}\" to [security] allow_hosts in site.toml"};
inline constexpr MessageText kExternalConnect{
    "{0}指向其他网站（{1}）：每位访问者的浏览器都会连接“{1}”；请删掉这个 <link>，或者把“{1}”写进 site.toml "
    "的 [security] allow_hosts",
    "{0} to another host ({1}): every visitor's browser connects to \"{1}\"; remove this <link> or add "
    "\"{1}\" to [security] allow_hosts in site.toml"};
inline constexpr MessageText kResConnect{"预先连接（<link rel=preconnect>）",
                                         "early connection (<link rel=preconnect>)"};
inline constexpr MessageText kResPing{"点击跟踪请求（<a ping>）", "click-tracking request (<a ping>)"};

// --- The annual report ----------------------------------------------------------------

inline constexpr MessageText kReportNoPublished{
    "报告没有写公开日期：请加上“published: YYYY-MM-DD”（首次公开的日期），以便核对4月1日的期限（{0}）",
    "report states no publication date: add 'published: YYYY-MM-DD', the date it was first made public, so "
    "the 1 "
    "April deadline ({0}) can be checked"};
inline constexpr MessageText kReportLate{
    "{0}年度报告公开于 {1}，晚于期限 {2}（次年4月1日）",
    "report for {0} was published {1}, after the deadline {2} (1 April of the "
    "following year)"};
inline constexpr MessageText kReportItemsMap{
    "“items”要把必备事项对应到标题，例如 items: {accountability: \"一、…\"}",
    "'items' must map required items to headings, e.g. items: "
    "{accountability: \"一、…\"}"};
inline constexpr MessageText kReportUnknownItem{
    "没有“{0}”这个报告事项：请写 achievements、shortcomings、accountability、next_year 或 other",
    "unknown report item '{0}' (expected achievements, shortcomings, accountability, next_year or other)"};
inline constexpr MessageText kReportUnknownItemDidYouMean{"没有“{0}”这个报告事项，是不是要写“{1}”？",
                                                          "unknown report item '{0}'; did you mean '{1}'?"};
inline constexpr MessageText kReportItemNotText{"items.{0} 要写一个标题的文字或编号",
                                                "items.{0} must be a heading's text or anchor"};
inline constexpr MessageText kReportNoHeading{"items.{0}：报告里没有“{1}”这个标题",
                                              "items.{0}: the report has no heading '{1}'"};
inline constexpr MessageText kReportLacksItem{
    "报告缺少必备事项“{0}”：没有标题涉及它；如果某一节写的就是它，请用 items: {{1}: \"标题\"} 对应起来",
    "report lacks the required item {0}: no heading covers it; if a section does, map it with items: {{1}: "
    "\"<heading>\"}"};

// --- Sections ---------------------------------------------------------------------------

inline constexpr MessageText kSectionOnlyDrafts{
    "栏目“{0}”（{1}）这次不发布：它只有草稿 {2}（标着 draft: "
    "true），空白栏目不发布，它的菜单项也暂不显示。稿子写完"
    "后删去 draft: true 这一行即可发布；发布前可以用 fazhi serve --drafts 预览草稿",
    "the section '{0}' ({1}) is not published this time: it has only drafts, {2} (draft: true), and an empty "
    "section is not published, nor its menu entry. When a draft is ready, delete its draft: true line; "
    "preview "
    "drafts with fazhi serve --drafts"};

// One unit, one name (norms/unit_names.cpp).
inline constexpr MessageText kUnitShortNameOfSponsor{
    "单位名称“{0}”像是本站主办单位“{1}”（site.toml 的 sponsor）的简称：同一个单位写成两个名称，网站上会"
    "分成两个单位，各年的报告也连不成一个系列。请统一写成“{1}”；如果确实是另一个单位，可以不理会这条提醒",
    "the unit name '{0}' looks like a short name of the site's sponsor '{1}' (sponsor in site.toml): one "
    "unit "
    "under two names becomes two units on the site, and its reports do not form one series. Write '{1}'; if "
    "it really is another unit, ignore this warning"};
inline constexpr MessageText kUnitShortNameOfPage{
    "单位名称“{0}”像是“{1}”（{2} 用的名称）的简称：同一个单位写成两个名称，网站上会分成两个单位，"
    "各年的报告也连不成一个系列。请统一写成“{1}”；如果确实是另一个单位，可以不理会这条提醒",
    "the unit name '{0}' looks like a short name of '{1}' (the name {2} uses): one unit under two names "
    "becomes two units on the site, and its reports do not form one series. Write '{1}'; if it really is "
    "another unit, ignore this warning"};

}  // namespace fazhi::msg
