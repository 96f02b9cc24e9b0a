#include "norms/privacy.h"

#include <doctest/doctest.h>

#include "core/encoding.h"

namespace fazhi {
namespace {

std::string Scan(std::string_view text, const PrivacyOptions& opts = {}) {
  Diagnostics diags;
  CheckPrivacyText("content/a.md", text, opts, &diags);
  return diags.Format();
}

}  // namespace

TEST_CASE("privacy: ID number check digit, region and birth date") {
  // The example number of GB 11643-1999 (check character X).
  CHECK(IsPlausibleIdNumber("11010519491231002X"));
  CHECK(IsPlausibleIdNumber("11010519491231002x"));
  CHECK(IsPlausibleIdNumber("110105194912310038"));        // check digit 8
  CHECK_FALSE(IsPlausibleIdNumber("110105194912310021"));  // wrong check digit
  CHECK_FALSE(IsPlausibleIdNumber("110105198102290029"));  // 1981-02-29 does not exist
  CHECK_FALSE(IsPlausibleIdNumber("910105194912310029"));  // no region starts with 9
  CHECK(IsPlausibleIdNumber("110105209901010020"));
  CHECK_FALSE(IsPlausibleIdNumber("110105209901010020", "2024-12-31"));  // born after as-of
  CHECK_FALSE(IsPlausibleIdNumber("11010519491231002"));
}

TEST_CASE("privacy: an ID number is an error at its line and column") {
  std::string text = "---\ntitle: 示例\n---\n联系人身份证：11010519491231002X。\n";
  CHECK(Scan(text) ==
        "content/a.md:4:8: 个人信息：这像是身份证号（18位，校验位和出生日期有效）；请删除\n"
        "  联系人身份证：11010519491231002X。\n"
        "                ^\n");
}

TEST_CASE("privacy: numbers that are not ID numbers pass") {
  // Wrong check digit, impossible date, a longer digit run, figures and dates.
  CHECK(Scan("编号110105194912310021\n") == "");
  CHECK(Scan("编号110105198102290029\n") == "");
  CHECK(Scan("流水号1101051949123100210\n") == "");
  CHECK(Scan("减少入企执法1863次，成功率99.87%，2024-01-01施行，2024年12月31日，368件。\n") == "");
  CHECK(Scan("金额13000000000.5元；原文 post_10068023.html；0.13812345678\n") == "");
  CHECK(Scan("办公电话：020-12345678\n") == "");
}

TEST_CASE("privacy: mobile numbers in their common spellings are errors") {
  const std::string msg =
      "个人信息：这像是手机号码；请删除；如果是正式公开的办公电话，请把它列入 site.toml 的 [privacy] allow\n";
  CHECK(Scan("电话13812345678\n") == "content/a.md:1:3: " + msg + "  电话13812345678\n      ^\n");
  CHECK(Scan("tel: 138-1234-5678\n") == "content/a.md:1:6: " + msg + "  tel: 138-1234-5678\n       ^\n");
  CHECK(Scan("a 138 1234 5678\n") == "content/a.md:1:3: " + msg + "  a 138 1234 5678\n    ^\n");
  CHECK(Scan("+8613812345678\n") == "content/a.md:1:2: " + msg + "  +8613812345678\n   ^\n");
  // Full-width digits are digits; the column counts code points.
  CHECK(Scan("手机１３８１２３４５６７８\n") ==
        "content/a.md:1:3: " + msg + "  手机１３８１２３４５６７８\n      ^\n");
  // Not a mobile: 12 digits, a 12x prefix, a decimal.
  CHECK(Scan("138123456789 12812345678 13812345678.25\n") == "");
}

TEST_CASE("privacy: the allow-list admits published office numbers by their digits") {
  PrivacyOptions opts;
  opts.allow = {"138-0013-8000"};
  CHECK(Scan("值班电话 13800138000，+86 138 0013 8000\n", opts) == "");
  CHECK(Scan("值班电话 13800138001\n", opts) != "");
}

TEST_CASE("privacy: a home address is a warning, an office address is not") {
  CHECK(Scan("住址：某某路18号3栋2单元501室\n") ==
        "content/a.md:1:7: 警告：这像是住宅地址（号/栋/单元/室）；只发布正式公开的地址\n"
        "  住址：某某路18号3栋2单元501室\n"
        "              ^\n");
  CHECK(Scan("地址：某某区某某路48号\n") == "");
  CHECK(Scan("共有4名区委常委、42名区直部门主要负责同志\n") == "");
  Diagnostics diags;
  CheckPrivacyText("content/a.md", "3栋2单元\n", {}, &diags);
  CHECK(diags.warning_count() == 1);
  CHECK_FALSE(diags.has_errors());
}

TEST_CASE("privacy: which files are scanned") {
  CHECK(IsPrivacyScanned("site.toml"));
  CHECK(IsPrivacyScanned("content/profiles/a.md"));
  CHECK(IsPrivacyScanned("data/indicators/2024.csv"));
  CHECK(IsPrivacyScanned("themes/default/partials/footer.mustache"));
  // Everything that is published: static files and theme assets too (a
  // logo.png is looked at, then skipped as an image by IsOpaqueBinary).
  CHECK(IsPrivacyScanned("static/logo.png"));
  CHECK(IsPrivacyScanned("static/notes.txt"));
  CHECK(IsPrivacyScanned("themes/default/static/site.css"));
  CHECK(IsPrivacyScanned("themes/default/static/js/elder.js"));
  CHECK(IsPrivacyScanned("content/img/a.jpg"));
  CHECK_FALSE(IsPrivacyScanned("public/index.html"));
  CHECK_FALSE(IsPrivacyScanned("README.md"));
}

TEST_CASE("privacy: the gate scans a whole tree and decodes GB18030 data files") {
  std::string gbk;
  REQUIRE(Utf8ToGb18030("单位,电话\n区司法局,13812345678\n", &gbk));
  SourceTree tree = SourceTree::FromFiles({
      {"site.toml", "title = \"示例\"\n"},
      {"content/a.md", "---\ntitle: a\n---\n身份证11010519491231002X\n"},
      {"data/people.csv", gbk},
      {"static/notes.txt", "13812345678\n"},
  });
  Diagnostics diags;
  CHECK_FALSE(CheckPrivacy(tree, {}, &diags));
  CHECK(diags.error_count() == 3);
  std::string out = diags.Format();
  CHECK(out.find("content/a.md:4:4: 个人信息：这像是身份证号") != std::string::npos);
  CHECK(out.find("data/people.csv:2:6: 个人信息：这像是手机号码") != std::string::npos);
  CHECK(diags.Format(Lang::kEn).find("data/people.csv:2:6: personal data: this looks like a mobile") !=
        std::string::npos);
  CHECK(out.find("  区司法局,13812345678\n") != std::string::npos);
  CHECK(out.find("static/notes.txt:1:1: 个人信息：这像是手机号码") != std::string::npos);
}

}  // namespace fazhi
