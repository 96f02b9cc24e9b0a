#include "search/client.h"

#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

namespace fazhi {
namespace {

TEST_CASE("search_client: the declared format is the number after var INDEX_FORMAT = ") {
  CHECK(DeclaredSearchFormat("").format == -1);
  CHECK(DeclaredSearchFormat("var PAGE = 10;").format == -1);
  CHECK(DeclaredSearchFormat("var INDEX_FORMAT = ;").format == -1);
  CHECK(DeclaredSearchFormat("var INDEX_FORMAT = x4;").format == -1);
  SearchClientFormat f = DeclaredSearchFormat("(function () {\n  var INDEX_FORMAT = 12;\n");
  CHECK(f.format == 12);
  CHECK(f.offset == 36);
  // The first declaration counts.
  CHECK(DeclaredSearchFormat("var INDEX_FORMAT = 3; var INDEX_FORMAT = 4;").format == 3);
}

// The theme's script and the writer must agree: a format change that forgets
// one of them fails here, not in a reader's browser.
TEST_CASE("search_client: the default theme's search.js reads the format fazhi writes") {
  std::ifstream in(std::string(FAZHI_SOURCE_DIR) + "/themes/default/static/js/search.js", std::ios::binary);
  REQUIRE(in);
  std::stringstream js;
  js << in.rdbuf();
  CHECK(DeclaredSearchFormat(js.str()).format == kSearchIndexFormat);
  Diagnostics diags;
  CheckSearchClient(SourceFile{"themes/default/static/js/search.js", js.str()}, "x", &diags);
  CHECK(diags.error_count() == 0);
}

}  // namespace
}  // namespace fazhi
