// Messages the norms checks report (see core/message.h): Chinese first,
// English with `--lang en`.
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
