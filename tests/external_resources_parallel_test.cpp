// CheckExternalResources scans files in parallel; its report must be the one
// a serial scan gives (order, cap, counts).
#include <doctest/doctest.h>

#include <map>
#include <string>

#include "core/config.h"
#include "norms/external_resources.h"

namespace fazhi {

TEST_CASE("external resources: a parallel scan reports like a serial one") {
  std::map<std::string, std::string> files;
  for (int i = 0; i < 30; ++i) {
    files["content/p" + std::to_string(100 + i) + ".md"] =
        "---\ntitle: 示例\n---\n![图](https://cdn.example.com/a.png)\n<img "
        "src=\"//cdn.example.com/b.png\">\n";
  }
  files["content/clean.md"] = "---\ntitle: 示例\n---\n正文\n";
  SourceTree tree = SourceTree::FromFiles(files);
  Config config;
  config.unsafe_html = true;
  Diagnostics serial, parallel;
  CHECK_FALSE(CheckExternalResources(tree, config, &serial, 1));
  CHECK_FALSE(CheckExternalResources(tree, config, &parallel, 2));
  CHECK(serial.error_count() >= 30);
  CHECK(parallel.error_count() == serial.error_count());
  CHECK(parallel.Format() == serial.Format());
  CHECK(serial.Format().rfind("content/p100.md:5:11: 从其他网站加载的图片（cdn.example.com）", 0) == 0);
}

}  // namespace fazhi
