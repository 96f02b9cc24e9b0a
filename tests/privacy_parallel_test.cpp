// CheckPrivacy scans files in parallel; its report (order, cap, counts) must
// be the one a serial scan gives.
#include <doctest/doctest.h>

#include <map>
#include <string>

#include "norms/privacy.h"

namespace fazhi {

TEST_CASE("privacy: a parallel scan reports like a serial one, in path order and capped") {
  std::map<std::string, std::string> files = {{"site.toml", "title = \"t\"\n"}};
  for (int i = 0; i < 40; ++i) {
    std::string name = "content/p" + std::to_string(100 + i) + ".md";
    files[name] = "---\ntitle: 示例\n---\n身份证：11010519491231002X，手机13912345678。\n";
  }
  SourceTree tree = SourceTree::FromFiles(files);
  PrivacyOptions opts;
  Diagnostics serial, parallel;
  CHECK_FALSE(CheckPrivacy(tree, opts, &serial, 1));
  CHECK_FALSE(CheckPrivacy(tree, opts, &parallel, 2));
  CHECK(serial.error_count() == 80);  // 2 per file, beyond the cap of 50 kept
  CHECK(parallel.error_count() == serial.error_count());
  CHECK(parallel.Format() == serial.Format());
  CHECK(serial.Format().rfind("content/p100.md:4:", 0) == 0);
}

}  // namespace fazhi
