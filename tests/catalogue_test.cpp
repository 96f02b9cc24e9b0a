// The whole message catalogue (every constant of generator/*/messages.h):
// each message has a Chinese and an English text, and the Chinese text is
// Chinese — an English sentence left in the zh slot would reach editors
// unnoticed otherwise, since only a part of the messages can be reached by a
// whole-site test.
#include <doctest/doctest.h>

#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>

#include "catalogue_entries.h"

namespace fazhi::testing {
namespace {

bool IsAscii(const char* s) {
  for (; *s; ++s) {
    if (static_cast<unsigned char>(*s) >= 0x80) return false;
  }
  return true;
}

// Messages whose Chinese text is rightly ASCII: the same in both languages
// because they hold no words, only arguments and punctuation between them.
bool OnlyPlaceholders(const char* s) {
  for (; *s; ++s) {
    if ((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z')) return false;
  }
  return true;
}

}  // namespace

TEST_CASE("catalogue: every message has a Chinese and an English text, and the Chinese one is Chinese") {
  const std::vector<CatalogueEntry>& entries = CatalogueEntries();
  REQUIRE(entries.size() > 400);
  for (const CatalogueEntry& e : entries) {
    CAPTURE(e.folder);
    CAPTURE(e.name);
    CHECK(std::strlen(e.text->zh) > 0);
    CHECK(std::strlen(e.text->en) > 0);
    if (!OnlyPlaceholders(e.text->zh)) {
      CHECK_MESSAGE(!IsAscii(e.text->zh), e.text->zh);
    }
  }
}

TEST_CASE("catalogue: the generated list holds every MessageText of every messages.h") {
  // Counted from the sources, independently of the CMake regex that made the
  // list, so a constant written in another form is not silently left out.
  std::map<std::string, int> declared, listed;
  for (const auto& f : std::filesystem::directory_iterator(FAZHI_SOURCE_DIR "/generator")) {
    std::ifstream in(f.path() / "messages.h");
    if (!in) continue;
    std::stringstream text;
    text << in.rdbuf();
    std::string s = text.str();
    int n = 0;
    for (size_t at = s.find("MessageText"); at != std::string::npos; at = s.find("MessageText", at + 1)) ++n;
    declared[f.path().filename().string()] = n;
  }
  for (const CatalogueEntry& e : CatalogueEntries()) ++listed[e.folder];
  CHECK(declared == listed);
}

}  // namespace fazhi::testing
