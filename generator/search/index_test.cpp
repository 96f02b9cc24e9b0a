#include "search/index.h"
#include "search/index_files.h"

#include <doctest/doctest.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <future>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <thread>

#include "search/tokenize.h"
#include "site_fixture.h"

namespace fazhi {
namespace {

using Files = std::map<std::string, std::string>;

SearchPage Page(std::string title, std::vector<SearchSection> sections) {
  SearchPage p;
  p.title = std::move(title);
  p.sections = std::move(sections);
  if (p.sections.empty() || !p.sections[0].id.empty()) p.sections.insert(p.sections.begin(), SearchSection{});
  return p;
}

struct TestPage {
  std::string key;
  int kind;
  SearchPage page;
};

Files WriteAll(SearchIndex* index, SearchIndexStats* stats = nullptr, bool* complete = nullptr) {
  Files files;
  std::mutex mu;
  bool ok = index->Write(
      [&](const std::string& path, std::string bytes) {
        std::lock_guard<std::mutex> lock(mu);
        files[path] = std::move(bytes);
      },
      stats);
  if (complete) *complete = ok;
  return files;
}

// "reports/2024/index.html" → "reports/2024/"
std::string UrlOf(const std::string& key) {
  return key.size() > 10 && key.substr(key.size() - 10) == "index.html" ? key.substr(0, key.size() - 10)
                                                                        : key;
}

void Put(SearchIndex* index, const TestPage& p) {
  index->Put(p.key, p.kind, UrlOf(p.key), "2025-01-15", p.page);
}

void PutAll(SearchIndex* index, const std::vector<TestPage>& pages) {
  for (const TestPage& p : pages) Put(index, p);
}

Files Build(const std::vector<TestPage>& pages, const SearchIndex::Options& o = {}) {
  SearchIndex index({"年度报告", "指标", "页面"}, o);
  PutAll(&index, pages);
  return WriteAll(&index);
}

// Build, for pages keyed by their URL (the key gets its index.html).
Files BuildAtUrls(std::vector<TestPage> pages) {
  for (TestPage& p : pages) p.key += "index.html";
  return Build(pages);
}

// A bucket entry, decoded as the client decodes it.
struct Entry {
  size_t df = 0;
  bool bitmap = false;
  std::vector<std::pair<uint32_t, uint8_t>> listed;  // (page, impact)
  uint8_t bound = 0;
  std::vector<bool> bits;
};

uint64_t Varint(const std::string& s, size_t* p) {
  uint64_t v = 0;
  for (int shift = 0;; shift += 7) {
    unsigned char b = static_cast<unsigned char>(s.at((*p)++));
    v |= static_cast<uint64_t>(b & 0x7F) << shift;
    if (!(b & 0x80)) return v;
  }
}

// (With `order`, also the terms in the order the bucket holds them.)
std::map<std::string, Entry> Decode(const std::string& bucket, size_t docs,
                                    std::vector<std::string>* order = nullptr) {
  std::map<std::string, Entry> out;
  size_t p = 0;
  size_t n = Varint(bucket, &p);
  for (size_t i = 0; i < n; ++i) {
    size_t len = Varint(bucket, &p);
    std::string term = bucket.substr(p, len);
    if (order) order->push_back(term);
    p += len;
    size_t elen = Varint(bucket, &p);
    size_t end = p + elen;
    Entry e;
    e.df = Varint(bucket, &p);
    e.bitmap = bucket.at(p++) == 1;
    size_t listed = Varint(bucket, &p);
    if (e.bitmap) e.bound = static_cast<uint8_t>(bucket.at(p++));
    uint32_t doc = 0;
    for (size_t k = 0; k < listed; ++k) {
      doc += static_cast<uint32_t>(Varint(bucket, &p));
      e.listed.push_back({doc, static_cast<uint8_t>(bucket.at(p++))});
    }
    if (e.bitmap) {
      for (size_t d = 0; d < docs; ++d)
        e.bits.push_back((static_cast<unsigned char>(bucket.at(p + d / 8)) >> (d % 8)) & 1);
      p += (docs + 7) / 8;
    }
    CHECK(p == end);
    out[term] = e;
  }
  CHECK(p == bucket.size());
  return out;
}

// Every term of the index, from all buckets (checking each is in its bucket).
std::map<std::string, Entry> Terms(const Files& files) {
  auto manifest = nlohmann::json::parse(files.at("search/manifest.json"));
  size_t buckets = manifest["buckets"], docs = manifest["docs"];
  std::map<std::string, Entry> out;
  for (size_t b = 0; b < buckets; ++b) {
    for (auto& [term, e] : Decode(files.at("search/t/" + std::to_string(b) + ".bin"), docs)) {
      CHECK((SearchTermHash(term) & (buckets - 1)) == b);
      out[term] = e;
    }
  }
  return out;
}

const std::vector<TestPage> kPages = {
    {"reports/2024/index.html", 0,
     Page("2024年报告",
          {{"", "", "", "导语。\n"},
           {"四", "（四）化解", "行政复议与应诉。\n", "行政复议与应诉。 办理行政复议案件368件。\n"}})},
    {"indicators/cases/index.html", 1, Page("行政复议收案数", {{"", "", "", "368件\n"}})},
    {"about/index.html", 2, Page("关于本站", {{"", "", "", "本站公开复议工作。\n"}})},
};

TEST_CASE("search_index: 2024年 finds the text 2024年度, and the extra unigrams leave the weights alone") {
  // The same text, once with each 年 touching the number and once with a
  // space between: 年 is a term of the first page only, and every other
  // term weighs the same on both (the unigrams repeat characters the
  // bigrams hold, so the section is not longer for them).
  std::string touching = "甲乙。", spaced = "甲乙。";
  for (int i = 0; i < 400; ++i) {
    touching += "2024年度，";
    spaced += "2024 年度，";
  }
  Files files = Build({{"a/index.html", 2, Page("页面", {{"", "", "", touching + "\n"}})},
                       {"b/index.html", 2, Page("页面", {{"", "", "", spaced + "\n"}})}});
  auto terms = Terms(files);
  REQUIRE(terms.count("年"));
  CHECK(terms["年"].df == 1);
  REQUIRE(terms["年"].listed.size() == 1);
  CHECK(terms["年"].listed[0].first == 0);  // a/, the page with 2024年度
  for (const char* term : {"甲乙", "年度", "2024"}) {
    INFO(term);
    REQUIRE(terms[term].listed.size() == 2);
    CHECK(terms[term].listed[0].second == terms[term].listed[1].second);
  }
}

TEST_CASE("search_index: manifest, buckets and groups") {
  SearchIndexStats st;
  SearchIndex index({"年度报告", "指标", "页面"}, {});
  for (const TestPage& p : kPages)
    index.Put(p.key, p.kind, p.key.substr(0, p.key.size() - 10), "2025-01-15", p.page);
  Files files = WriteAll(&index, &st);
  auto manifest = nlohmann::json::parse(files.at("search/manifest.json"));
  CHECK(manifest["v"] == 5);
  CHECK(manifest["docs"] == 3);
  // Each kind: its label, its pages, the pages a group of it holds (no
  // Expect: what the metadata's sizes give, alike for every kind).
  const size_t group = manifest["kinds"][0][2];
  const std::string g = std::to_string(group);
  CHECK(manifest["kinds"] ==
        nlohmann::json::parse("[[\"年度报告\",1," + g + "],[\"指标\",1," + g + "],[\"页面\",1," + g + "]]"));
  CHECK(manifest.count("group") == 0);
  CHECK(manifest["buckets"] == 1);
  CHECK(manifest["sizes"] == 256);
  CHECK(manifest["top"] == 1000);
  CHECK(manifest["unigrams"] == false);
  CHECK(manifest["id"].get<std::string>().size() == 16);
  CHECK(group >= 1);
  CHECK(st.docs == 3);
  CHECK(st.buckets == 1);
  CHECK(st.groups == 3);  // one page of each kind, and a kind's pages are grouped apart
  CHECK(files.size() == 2 + st.buckets + st.groups);
  CHECK(st.written == files.size());
  // Each bucket's bytes in steps of 256, rounded up.
  const size_t bucket = files.at("search/t/0.bin").size();
  CHECK(files.at("search/sizes.bin") == std::string(1, static_cast<char>((bucket + 255) / 256)));
  size_t bytes = 0;
  for (auto& [path, b] : files) bytes += b.size();
  CHECK(st.bytes == bytes);

  // Pages are numbered by kind: the report 0, the indicator 1, the about page 2.
  auto terms = Terms(files);
  CHECK(st.terms == terms.size());
  const Entry& fuyi = terms.at("复议");
  CHECK(fuyi.df == 3);
  CHECK_FALSE(fuyi.bitmap);
  REQUIRE(fuyi.listed.size() == 3);
  // Impact: bits 7-6 the best field (2 title, 1 heading or lead-in, 0 body).
  CHECK(fuyi.listed[0].first == 0);
  CHECK((fuyi.listed[0].second >> 6) == 1);
  CHECK(fuyi.listed[1].first == 1);
  CHECK((fuyi.listed[1].second >> 6) == 2);
  CHECK(fuyi.listed[2].first == 2);
  CHECK((fuyi.listed[2].second >> 6) == 0);
  CHECK(terms.at("368").df == 2);
  CHECK(terms.at("件").df == 2);  // a lone character, after a number
  CHECK(terms.count("办理") == 1);
  CHECK(terms.count("发布") == 0);

  // Groups: [url, title, date, [[id, heading, text(, leads)]…]] in page order.
  nlohmann::json all = nlohmann::json::array();
  for (size_t k = 0; k < 3; ++k) {
    for (auto& m : nlohmann::json::parse(files.at("search/p/" + std::to_string(k) + "-0.json")))
      all.push_back(m);
  }
  REQUIRE(all.size() == 3);
  CHECK(
      all[0] ==
      nlohmann::json::parse(
          R"(["reports/2024/","2024年报告","2025-01-15",[["","","导语。"],["四","（四）化解","行政复议与应诉。 办理行政复议案件368件。","行政复议与应诉。"]]])"));
  CHECK(all[1][0] == "indicators/cases/");
  CHECK(all[2][1] == "关于本站");
}

TEST_CASE(
    "search_index: the record's numbers find the page, weigh as a section of the usual length, and stay in "
    "its metadata") {
  // A report whose text fills the metadata's budget for a page, then its
  // record (SearchSection::record, as the extractor makes it).
  std::string para;
  while (para.size() < kSearchSectionBytes) para += "推进严格规范公正文明执法。";
  std::vector<SearchSection> sections = {{"", "", "", "导语。\n"}};
  for (size_t k = 0; k * kSearchSectionBytes < kSearchPageBytes; ++k)
    sections.push_back({"s" + std::to_string(k), "第" + std::to_string(k) + "节", "", para + "\n"});
  SearchSection record{"gk-meta", "", "", "文号 测司〔2026〕3号\n"};
  record.record = true;
  sections.push_back(record);
  Files files = Build({{"reports/2025/index.html", 0, Page("2025年报告", sections)}});
  auto meta = nlohmann::json::parse(files.at("search/p/0-0.json"))[0];
  CHECK(meta[3].back() == nlohmann::json::parse(R"(["gk-meta","","文号 测司〔2026〕3号"])"));
  size_t text = 0;
  for (auto& s : meta[3]) text += s[2].get<std::string>().size();
  CHECK(text <= kSearchPageBytes);
  auto terms = Terms(files);
  REQUIRE(terms.count("测司") == 1);

  // Without the flag, a line that short would weigh more than a section of
  // the usual length does.
  sections.back().record = false;
  auto plain = Terms(Build({{"reports/2025/index.html", 0, Page("2025年报告", sections)}}));
  REQUIRE(terms.at("测司").listed.size() == 1);
  REQUIRE(plain.at("测司").listed.size() == 1);
  CHECK((terms.at("测司").listed[0].second & 0x3F) < (plain.at("测司").listed[0].second & 0x3F));

  // Among sections so many that each one's share of the page's budget is
  // shorter than the record, the record is still kept whole; as a section
  // like the others, it would keep its share.
  std::vector<SearchSection> many = {{"", "", "", "导语。\n"}};
  for (size_t k = 0; k < kSearchPageBytes / 12; ++k)
    many.push_back({"s" + std::to_string(k), "", "", "推进严格规范公正文明执法。\n"});
  many.push_back(record);
  auto kept = nlohmann::json::parse(
      Build({{"reports/2025/index.html", 0, Page("2025年报告", many)}}).at("search/p/0-0.json"));
  CHECK(kept[0][3].back() == nlohmann::json::parse(R"(["gk-meta","","文号 测司〔2026〕3号"])"));
  many.back().record = false;
  kept = nlohmann::json::parse(
      Build({{"reports/2025/index.html", 0, Page("2025年报告", many)}}).at("search/p/0-0.json"));
  CHECK(kept[0][3].back() == nlohmann::json::parse(R"(["gk-meta","","文号 测"])"));
}

TEST_CASE("search_index: a bucket holds its terms in the order of their bytes") {
  // Long words (over seven bytes: no token key) sharing their first eight
  // bytes, shorter ones, numbers, Chinese bigrams and unigrams: Write sorts
  // by the first eight bytes as a number, then by the rest; an index kept
  // for updates (serve) writes its buckets apart, to the same bytes.
  const std::vector<TestPage> pages = {
      {"a/index.html", 2,
       Page("词序", {{"", "", "",
                      "abcdefghij abcdefgh abcdefghi abcdefghia abcdefgg abc 2024 "
                      "zzzzzzzzzz 行政复议 法治 第3条\n"}})}};
  Files files = Build(pages);
  SearchIndex::Options updates;
  updates.updates = true;
  CHECK(Build(pages, updates) == files);
  auto manifest = nlohmann::json::parse(files.at("search/manifest.json"));
  REQUIRE(manifest["buckets"] == 1);
  std::vector<std::string> order;
  Decode(files.at("search/t/0.bin"), manifest["docs"], &order);
  std::vector<std::string> sorted = order;
  std::sort(sorted.begin(), sorted.end());  // std::string: by unsigned bytes
  CHECK(order == sorted);
  for (const char* t : {"abcdefghij", "abcdefgh", "abcdefghi", "abcdefghia", "abcdefgg", "行政", "复议", "3"})
    CHECK(std::count(order.begin(), order.end(), t) == 1);
}

TEST_CASE("search_index: a term on most pages keeps its best pages as a list and all as a bitmap") {
  std::vector<TestPage> pages;
  for (int i = 0; i < 1600; ++i) {
    std::string body = "法治建设。";
    for (int k = 0; k < i % 7; ++k) body += "法治";
    pages.push_back(
        {"p/" + std::to_string(10000 + i), 2,
         Page(i == 7 || i == 1500 ? "法治专题" : "第" + std::to_string(i) + "篇", {{"", "", "", body}})});
  }
  Files files = Build(pages);
  auto manifest = nlohmann::json::parse(files.at("search/manifest.json"));
  REQUIRE(manifest["docs"] == 1600);
  auto terms = Terms(files);
  const Entry& e = terms.at("法治");
  CHECK(e.df == 1600);
  REQUIRE(e.bitmap);
  CHECK(e.listed.size() == 1000);
  bool has7 = false, has1500 = false;
  uint8_t lowest = 255;
  for (auto& [doc, impact] : e.listed) {
    has7 = has7 || doc == 7;
    has1500 = has1500 || doc == 1500;
    lowest = std::min(lowest, impact);
  }
  CHECK(has7);  // title matches rank above any body match
  CHECK(has1500);
  CHECK(e.bound <= lowest);
  CHECK(std::count(e.bits.begin(), e.bits.end(), true) == 1600);
  // A rarer term keeps its whole list.
  CHECK_FALSE(terms.at("专题").bitmap);
  CHECK(terms.at("专题").listed.size() == 2);
}

TEST_CASE("search_index: the bytes do not depend on the order or thread pages arrive on") {
  Files forward = Build(kPages);
  SearchIndex index({"年度报告", "指标", "页面"}, {});
  std::vector<std::thread> threads;
  for (size_t i = kPages.size(); i-- > 0;) {
    threads.emplace_back([&, i] {
      index.Put(kPages[i].key, kPages[i].kind, UrlOf(kPages[i].key), "2025-01-15", kPages[i].page);
    });
  }
  for (auto& t : threads) t.join();
  CHECK(WriteAll(&index) == forward);
}

// The render threads share one table of terms, read without a lock while
// another thread adds to it and copies it into a larger one: pages of many
// words, Put from four threads at once, give the bytes of one thread.
TEST_CASE("search_index: threads making terms while the term table grows give the bytes of one thread") {
  std::vector<TestPage> pages;
  for (int i = 0; i < 400; ++i) {
    std::string text;
    uint32_t seed = 17u + static_cast<uint32_t>(i);
    for (int k = 0; k < 150; ++k) {
      seed = seed * 1103515245u + 12345u;
      AppendUtf8(text, static_cast<char32_t>(0x4E00 + (seed >> 8) % 6000));
    }
    pages.push_back({"p/" + std::to_string(i) + "/index.html", i % 3,
                     Page("页面" + std::to_string(i),
                          {{"", "", "", text + "\n"}, {"s", "复议" + text.substr(0, 30), "", "调解。\n"}})});
  }
  SearchIndexStats one_stats;
  SearchIndex one({"年度报告", "指标", "页面"}, {});
  PutAll(&one, pages);
  Files expected = WriteAll(&one, &one_stats);
  CHECK(one_stats.terms > 40000);  // the table (4,096 slots at first) grows five times
  for (int round = 0; round < 3; ++round) {
    SearchIndex index({"年度报告", "指标", "页面"}, {});
    std::vector<std::thread> threads;
    for (size_t t = 0; t < 4; ++t) {
      threads.emplace_back([&, t] {
        for (size_t i = t; i < pages.size(); i += 4) Put(&index, pages[i]);
      });
    }
    for (auto& t : threads) t.join();
    CHECK(WriteAll(&index) == expected);
  }
  // A thread whose first page holds only terms another thread made: its
  // counts must reach their ids.
  const TestPage again{"again/index.html", pages[0].kind, pages[0].page};
  SearchIndex two({"年度报告", "指标", "页面"}, {});
  // (The first thread waits for the second: a thread started after one
  // ended may have its id, and so its worker.)
  std::promise<void> first_put, second_put;
  std::thread first([&] {
    Put(&two, pages[0]);
    first_put.set_value();
    second_put.get_future().wait();
  });
  first_put.get_future().wait();
  std::thread second([&] {
    Put(&two, again);
    second_put.set_value();
  });
  second.join();
  first.join();
  SearchIndex seq({"年度报告", "指标", "页面"}, {});
  PutAll(&seq, {pages[0], again});
  CHECK(WriteAll(&two) == WriteAll(&seq));
}

TEST_CASE(
    "search_index: after an edit Write hands over only the files that changed, as a fresh index has them") {
  SearchIndex::Options o;
  o.updates = true;
  SearchIndex index({"年度报告", "指标", "页面"}, o);
  std::vector<TestPage> pages = kPages;
  for (int i = 0; i < 300; ++i) {
    pages.push_back({"news/" + std::to_string(1000 + i), 2,
                     Page("动态" + std::to_string(i),
                          {{"", "", "", "街道开展普法宣传第" + std::to_string(i) + "场。"}})});
  }
  PutAll(&index, pages);
  SearchIndexStats first;
  Files files = WriteAll(&index, &first);

  pages[2].page = Page("关于本站", {{"", "", "", "本站公开复议和调解工作。新增一段。\n"}});
  index.Put(pages[2].key, pages[2].kind, UrlOf(pages[2].key), "2025-01-15", pages[2].page);
  SearchIndexStats second;
  bool complete = false;
  Files changed = WriteAll(&index, &second, &complete);
  CHECK(complete);
  CHECK(changed.size() < files.size());
  CHECK(second.written == changed.size());
  CHECK(changed.count("search/manifest.json") == 1);
  for (auto& [path, bytes] : changed) files[path] = bytes;
  CHECK(files == Build(pages, o));

  // Unchanged text: nothing but the manifest.
  index.Put(pages[2].key, pages[2].kind, UrlOf(pages[2].key), "2025-01-15", pages[2].page);
  CHECK(WriteAll(&index).size() == 1);

  // A new title: its term replaces the old one's.
  pages[2].page.title = "关于本网站";
  index.Put(pages[2].key, pages[2].kind, UrlOf(pages[2].key), "2025-01-15", pages[2].page);
  changed = WriteAll(&index, nullptr, &complete);
  CHECK(complete);
  for (auto& [path, bytes] : changed) files[path] = bytes;
  CHECK(files == Build(pages, o));
  auto terms = Terms(files);
  CHECK(terms.count("=关于本网站") == 1);
  CHECK(terms.count("=关于本站") == 0);
}

// Pages of 2,000 distinct two-character words in all (100 a page), and one
// word on every page: more buckets than term groups, and a bitmap entry.
std::vector<TestPage> ManyPages(int n, int first_word = 0) {
  std::vector<TestPage> pages;
  for (int p = 0; p < n; ++p) {
    std::string text = "普法。";
    for (int i = (first_word + p) * 100 % 2000, k = 0; k < 100; ++k, i = (i + 1) % 2000) {
      AppendUtf8(text, static_cast<char32_t>(0x4E00 + 2 * i));
      AppendUtf8(text, static_cast<char32_t>(0x4E01 + 2 * i));
      text += "。";
    }
    pages.push_back(
        {"p/" + std::to_string(1000 + p), p % 3, Page("页" + std::to_string(p), {{"", "", "", text}})});
  }
  return pages;
}

TEST_CASE("search_index: a build's one Write gives the bytes an index kept for updates gives") {
  // fazhi build gathers each term's pages a term group at a time; serve keeps
  // every list. Both must write the same files.
  std::vector<TestPage> pages = ManyPages(1200);
  SearchIndex::Options kept;
  kept.updates = true;
  SearchIndexStats st;
  SearchIndex built({"年度报告", "指标", "页面"}, {});
  PutAll(&built, pages);
  Files once = WriteAll(&built, &st);
  REQUIRE(st.buckets > 16);
  CHECK(Terms(once).at("普法").bitmap);
  CHECK(st.written == once.size());
  // sizes.bin: a byte a bucket, its bytes in steps of 256 rounded up.
  const std::string& sizes = once.at("search/sizes.bin");
  REQUIRE(sizes.size() == st.buckets);
  for (size_t b = 0; b < st.buckets; ++b) {
    const size_t bytes = once.at("search/t/" + std::to_string(b) + ".bin").size();
    CHECK(static_cast<unsigned char>(sizes[b]) == (bytes + 255) / 256);
  }
  CHECK(once == Build(pages, kept));
  // One bucket (fewer buckets than term groups): the same.
  std::vector<TestPage> few(pages.begin(), pages.begin() + 2);
  Files small = Build(few);
  CHECK(small.count("search/t/0.bin") == 1);
  CHECK(small.count("search/t/1.bin") == 0);
  CHECK(small == Build(few, kept));
}

// The metadata of every page in the group files of `files`, in document
// order (kind by kind, each kind's groups in turn), urls only.
std::vector<std::string> GroupUrls(const Files& files, size_t kinds) {
  std::vector<std::string> urls;
  for (size_t k = 0; k < kinds; ++k) {
    for (size_t g = 0;; ++g) {
      auto it = files.find("search/p/" + std::to_string(k) + "-" + std::to_string(g) + ".json");
      if (it == files.end()) break;
      for (const auto& m : nlohmann::json::parse(it->second)) urls.push_back(m.is_null() ? "null" : m[0]);
    }
  }
  return urls;
}

// What serve writes for `pages` (in any order) after Expect(`known`, 2):
// it keeps every page's metadata to Write.
Files WriteServed(const std::vector<std::pair<std::string, int>>& known, const std::vector<TestPage>& pages,
                  const std::vector<bool>& alone = {}) {
  SearchIndex::Options kept;
  kept.updates = true;
  SearchIndex served({"年度报告", "指标", "页面"}, kept);
  served.Expect(known, {2, 2, 2}, alone, {});
  PutAll(&served, pages);
  return WriteAll(&served);
}

TEST_CASE(
    "search_index: a build hands each full group of known pages over as they come, as serve numbers them") {
  // 40 pages of three kinds: 0-34 known before the render (page 5 never
  // comes: a hole), 35-39 not known (other modules' pages).
  const std::vector<TestPage> pages = ManyPages(40);
  std::vector<std::pair<std::string, int>> known;
  known.reserve(35);
  for (int p = 0; p < 35; ++p) known.emplace_back(pages[p].key, pages[p].kind);
  std::vector<TestPage> come;
  for (int p = 39; p >= 0; --p) {  // in reverse: arrival order does not matter
    if (p != 5) come.push_back(pages[p]);
  }
  Files streamed;
  std::mutex mu;
  SearchIndex built({"年度报告", "指标", "页面"}, {});
  built.Expect(known, 2, [&](const std::string& path, std::string bytes) {
    std::lock_guard<std::mutex> lock(mu);
    CHECK(streamed.emplace(path, std::move(bytes)).second);
  });
  PutAll(&built, come);
  // Before Write: every full pair of known pages of a kind but the one with
  // the hole. Kind 2 (pages 2, 5, 8, …, 32: 11 known) has 5 full pairs, one of
  // them {2, 5}; kinds 0 and 1 (12 known each) have 6.
  CHECK(streamed.size() == 6 + 6 + 4);
  CHECK(streamed.count("search/p/2-0.json") == 0);
  CHECK(streamed.count("search/p/2-5.json") == 0);  // the last known page, and other modules' after it
  SearchIndexStats st;
  Files files = WriteAll(&built, &st);
  for (const auto& entry : streamed) {  // no binding: clang 14 cannot capture one in CHECK_MESSAGE
    CHECK_MESSAGE(files.count(entry.first) == 0, "written twice: " << entry.first);
  }
  CHECK(st.streamed == streamed.size());
  CHECK(st.docs == 39);
  files.insert(streamed.begin(), streamed.end());
  CHECK(st.written + st.streamed == files.size());

  // serve numbers the pages the same way.
  CHECK(WriteServed(known, come) == files);

  // In each kind the known pages as given (by key), the hole in its place, then the others.
  auto manifest = nlohmann::json::parse(files.at("search/manifest.json"));
  CHECK(manifest["v"] == 5);
  CHECK(manifest["docs"] == 40);
  CHECK(manifest["kinds"] == nlohmann::json::parse(R"([["年度报告",14,2],["指标",13,2],["页面",13,2]])"));
  const std::vector<std::string> urls = GroupUrls(files, 3);
  REQUIRE(urls.size() == 40);
  std::vector<std::string> expected;
  for (int kind = 0; kind < 3; ++kind) {
    for (int p = kind; p < 35; p += 3) expected.push_back(p == 5 ? "null" : UrlOf(pages[p].key));
    for (int p = 35 + (kind + 1) % 3; p < 40; p += 3) expected.push_back(UrlOf(pages[p].key));
  }
  CHECK(urls == expected);
}

TEST_CASE("search_index: the known pages of a kind are numbered in the order given, which breaks ties") {
  // The site gives its pages newest first (NewerFirst): of two pages a query
  // ranks alike, the client lists the lower number, so the newer page.
  const std::vector<TestPage> pages = ManyPages(12);
  std::vector<std::pair<std::string, int>> known;
  for (int p = 11; p >= 0; --p) known.emplace_back(pages[p].key, pages[p].kind);
  known.emplace_back(pages[11].key, 1);  // named twice: its first place and kind stand
  Files streamed;
  std::mutex mu;
  SearchIndex built({"年度报告", "指标", "页面"}, {});
  built.Expect(known, 2, [&](const std::string& path, std::string bytes) {
    std::lock_guard<std::mutex> lock(mu);
    streamed.emplace(path, std::move(bytes));
  });
  PutAll(&built, pages);
  Files files = WriteAll(&built);
  files.insert(streamed.begin(), streamed.end());
  std::vector<std::string> expected;
  for (int kind = 0; kind < 3; ++kind) {
    for (int p = 11; p >= 0; --p) {
      if (pages[p].kind == kind) expected.push_back(UrlOf(pages[p].key));
    }
  }
  CHECK(GroupUrls(files, 3) == expected);
  // serve numbers them the same way.
  CHECK(WriteServed(known, pages) == files);
}

TEST_CASE("search_index: a page put again after its group was handed over keeps its first metadata there") {
  std::vector<TestPage> pages = ManyPages(4);
  std::vector<std::pair<std::string, int>> known;
  known.reserve(pages.size());
  for (const TestPage& p : pages) known.emplace_back(p.key, p.kind);
  Files files;
  std::mutex mu;
  auto put = [&](const std::string& path, std::string bytes) {
    std::lock_guard<std::mutex> lock(mu);
    files[path] = std::move(bytes);
  };
  SearchIndex index({"年度报告", "指标", "页面"}, {});
  index.Expect(known, 1, put);
  PutAll(&index, pages);
  TestPage again = pages[0];
  again.page = ManyPages(1, 17)[0].page;
  again.page.title = "又一版";
  Put(&index, again);
  SearchIndexStats st;
  for (auto& [path, bytes] : WriteAll(&index, &st)) files[path] = std::move(bytes);
  CHECK(st.streamed == 4);
  // The group holds the first version; the terms are the last one's.
  CHECK(nlohmann::json::parse(files.at("search/p/0-0.json"))[0][1] == "页0");
  auto terms = Terms(files);
  CHECK(terms.count("又一") == 1);
}

TEST_CASE("search_index: after pages are added and removed, an index kept for updates is a fresh one") {
  SearchIndex::Options o;
  o.updates = true;
  SearchIndex index({"年度报告", "指标", "页面"}, o);
  std::vector<TestPage> pages = ManyPages(300);
  PutAll(&index, pages);
  WriteAll(&index);
  // A new page (the documents change: every file is written again) …
  std::vector<TestPage> more = ManyPages(1, 7);
  more[0].key = "p/new";
  pages.push_back(more[0]);
  index.Put(more[0].key, more[0].kind, UrlOf(more[0].key), "2025-01-15", more[0].page);
  CHECK(WriteAll(&index) == Build(pages, o));
  // … and one gone …
  index.Remove(pages[5].key);
  pages.erase(pages.begin() + 5);
  CHECK(WriteAll(&index) == Build(pages, o));
  // … and one of another kind now (its number moves to that kind's). What
  // a Write hands over after the first is what changed (sizes.bin may not);
  // here a group file of the old layout is left over, which Write says
  // (serve then takes the whole pipeline).
  Files files = Build(pages, o);
  pages[9].kind = (pages[9].kind + 1) % 3;
  Put(&index, pages[9]);
  bool complete = true;
  for (auto& [path, bytes] : WriteAll(&index, nullptr, &complete)) files[path] = bytes;
  CHECK_FALSE(complete);
  const Files fresh = Build(pages, o);
  std::erase_if(files, [&](const auto& f) { return !fresh.count(f.first); });
  CHECK(files == fresh);
  // An edit that keeps every page and kind: the order stays, and only the
  // files the page's terms reach are handed over.
  pages[9].page = ManyPages(1, 11)[0].page;
  Put(&index, pages[9]);
  Files changed = WriteAll(&index);
  CHECK(changed.size() < files.size());
  for (auto& [path, bytes] : changed) files[path] = bytes;
  CHECK(files == Build(pages, o));
}

TEST_CASE(
    "search_index: a page edited again and again between Writes is diffed with its last written terms") {
  // Each Write diffs a page's terms with those of the previous Write, whose
  // entry an edit has replaced by then (and a second edit before the Write
  // replaces again): the bytes of every Write are a fresh index's.
  SearchIndex::Options o;
  o.updates = true;
  SearchIndex index({"年度报告", "指标", "页面"}, o);
  std::vector<TestPage> pages = ManyPages(60);
  PutAll(&index, pages);
  Files files = WriteAll(&index);
  for (int round = 0; round < 4; ++round) {
    for (int k : {5, 17}) {
      // Put twice: the first version is never written.
      Put(&index, {pages[k].key, pages[k].kind, ManyPages(1, 30 + round)[0].page});
      pages[k].page = ManyPages(1, 3 * round + k)[0].page;
      Put(&index, pages[k]);
    }
    bool complete = false;
    Files changed = WriteAll(&index, nullptr, &complete);
    CHECK(complete);
    CHECK(changed.size() < files.size());
    for (auto& [path, bytes] : changed) files[path] = bytes;
    CHECK(files == Build(pages, o));
  }
}

TEST_CASE("search_index: in a build, the last Put or Remove of a page stands") {
  std::vector<TestPage> pages = ManyPages(40);
  SearchIndex index({"年度报告", "指标", "页面"}, {});
  PutAll(&index, pages);
  // A page put again with other text, one removed, one removed and put back,
  // and one never indexed removed.
  pages[3].page = ManyPages(1, 17)[0].page;
  index.Put(pages[3].key, pages[3].kind, UrlOf(pages[3].key), "2025-01-15", pages[3].page);
  index.Remove(pages[7].key);
  index.Remove(pages[9].key);
  index.Put(pages[9].key, pages[9].kind, UrlOf(pages[9].key), "2025-01-15", pages[9].page);
  index.Remove("p/none");
  pages.erase(pages.begin() + 7);
  SearchIndexStats st;
  CHECK(WriteAll(&index, &st) == Build(pages));
  CHECK(st.docs == 39);
}

TEST_CASE("search_index: Write says when files of the last call are gone") {
  SearchIndex::Options o;
  o.updates = true;
  SearchIndex index({"页面"}, o);
  // 2,000 distinct two-character words make more than one bucket…
  auto words = [](int from, int to) {
    std::string s;
    for (int i = from; i < to; ++i) {
      AppendUtf8(s, static_cast<char32_t>(0x4E00 + 2 * i));
      AppendUtf8(s, static_cast<char32_t>(0x4E01 + 2 * i));
      s += "。";
    }
    return s;
  };
  for (int p = 0; p < 20; ++p)
    index.Put("p" + std::to_string(p), 0, "p/", "",
              Page("页", {{"", "", "", words(p * 100, p * 100 + 100)}}));
  SearchIndexStats st;
  bool complete = false;
  WriteAll(&index, &st, &complete);
  CHECK(complete);
  REQUIRE(st.buckets > 1);
  // …and fewer, one bucket: the buckets past the first are gone.
  for (int p = 0; p < 20; ++p)
    index.Put("p" + std::to_string(p), 0, "p/", "", Page("页", {{"", "", "", "短。"}}));
  WriteAll(&index, &st, &complete);
  CHECK(st.buckets == 1);
  CHECK_FALSE(complete);
}

// --- the client (search.js) on an index built here, under node ---------------

struct ClientResult {
  std::vector<std::string> urls;  // shown, in order (with the section anchor)
  bool partial = false;
  std::string phrase;
  size_t total = 0;
  size_t exact = 0;  // of total, the pages holding every token
  bool loose = false;
  std::vector<std::string> pieces;  // of a loose match
  std::string rest_phrase;          // a character on no page: the part the pages after the loose ones hold
  size_t rest = 0;                  // how many those pages are
  std::vector<bool> rest_rows;      // per row shown: one of them
  std::vector<std::string> snippets;
  std::vector<std::string> paged;        // the first row, then the next nine, asked for apart
  std::string named;                     // the kind the query names (年度报告), when its pages come first
  std::vector<std::string> date_labels;  // per row shown: how its date is labelled
  std::string status;                    // the line above the rows, as the search page shows it
};

/// Whether node runs here: the client tests run search.js under node, and
/// are skipped (saying so) where it is missing.
bool HaveNode() {
  if (std::system("node --version >/dev/null 2>&1") == 0) return true;
  MESSAGE("node is not installed: skipping the client tests");
  return false;
}

/// Runs `script` (JavaScript) under node as `node SCRIPT SEARCH_JS DIR ARGS…`,
/// where SEARCH_JS is the theme's search.js and DIR a scratch folder holding
/// `files` (an index's, by path); returns what it prints on stdout.
std::string RunClient(const std::string& script, const Files& files = {},
                      const std::vector<std::string>& args = {}) {
  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() / ("fazhi_search_client_" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  for (auto& [path, bytes] : files) {
    fs::create_directories((dir / path).parent_path());
    std::ofstream(dir / path, std::ios::binary) << bytes;
  }
  std::ofstream(dir / "client.js") << script;
  fs::path js = fs::path(FAZHI_SOURCE_DIR) / "themes/default/static/js/search.js";
  std::string cmd =
      "node '" + (dir / "client.js").string() + "' '" + js.string() + "' '" + dir.string() + "'";
  for (const std::string& a : args) cmd += " '" + a + "'";
  std::string out = testing::CommandOutput(cmd);
  fs::remove_all(dir);
  return out;
}

ClientResult Client(const Files& files, const std::string& query) {
  std::string out = RunClient(
      "const s=require(process.argv[2]);const fs=require('fs');const d=process.argv[3]+'/search/';"
      "const m=JSON.parse(fs.readFileSync(d+'manifest.json','utf8'));"
      "const ix=new s.Index(m,p=>{const b=fs.readFileSync(d+p);"
      "return Promise.resolve(b.buffer.slice(b.byteOffset,b.byteOffset+b.length));});"
      "s.search(ix,process.argv[4]).then(r=>"
      "Promise.all([s.page(ix,r,0,10),s.page(ix,r,0,1),s.page(ix,r,1,10)]).then(([rows,a,b])=>"
      "process.stdout.write(JSON.stringify("
      "{urls:rows.map(x=>x.url),snippets:rows.map(x=>x.snippet),partial:r.partial,phrase:r.phrase,"
      "total:r.count,exact:r.exact,loose:r.loose,pieces:r.pieces||[],paged:a.concat(b).map(x=>x.url),"
      "rest:r.rest?r.rest.count:0,restPhrase:r.rest?r.rest.phrase:'',restRows:rows.map(x=>x.rest),"
      "named:r.named||'',dateLabels:rows.map(x=>x.dateLabel),"
      "status:(r.apart=s.apartOnly(r,rows),s.statusText(r,process.argv[4],false))}))));",
      files, {query});
  ClientResult r;
  auto j = nlohmann::json::parse(out.empty() ? "{}" : out);
  if (j.empty()) return r;
  r.urls = j["urls"].get<std::vector<std::string>>();
  r.snippets = j["snippets"].get<std::vector<std::string>>();
  r.partial = j["partial"];
  r.phrase = j["phrase"];
  r.total = j["total"];
  r.exact = j["exact"];
  r.loose = j["loose"];
  r.pieces = j["pieces"].get<std::vector<std::string>>();
  r.paged = j["paged"].get<std::vector<std::string>>();
  r.rest = j["rest"];
  r.rest_phrase = j["restPhrase"];
  r.rest_rows = j["restRows"].get<std::vector<bool>>();
  r.named = j["named"];
  r.date_labels = j["dateLabels"].get<std::vector<std::string>>();
  r.status = j["status"];
  return r;
}

// A query naming the annual reports by what they are about (白云区年度报告,
// 2024年度报告) finds those reports first, then the other pages holding what
// it names besides them: on the district example the indicators whose text
// cites 白云区's “年度报告”, and those whose headings cite （2024年度报告）,
// came above the reports themselves.
TEST_CASE("search_index: the client lists first the annual reports a query names by what they are about") {
  if (!HaveNode()) return;
  std::vector<TestPage> pages = {
      {"reports/baiyun-2023/", 0,
       Page("白云区2023年度法治政府建设报告（摘要）", {{"", "", "", "白云区推进法治政府建设。\n"}})},
      {"reports/baiyun-2024/", 0,
       Page("白云区2024年度法治政府建设报告（摘要）", {{"", "", "", "白云区推进法治政府建设。\n"}})},
      {"reports/liwan-2024/", 0,
       Page("荔湾区2024年度法治政府建设报告（摘要）", {{"", "", "", "荔湾区推进法治政府建设。\n"}})},
      {"indicators/leader-law-study/", 1,
       Page("专题学法辅导覆盖领导干部",
            {{"", "", "", "白云区2022年度报告报告了专题学法辅导覆盖的领导干部人次。\n"},
             {"ind-units", "各单位比较（2024年度报告）", "白云区", "白云区 1600多人次\n"}})},
      {"about/", 2, Page("关于本站", {{"", "", "", "本站收录各单位的法治政府建设年度报告。\n"}})},
  };
  Files files = BuildAtUrls(pages);
  const std::set<std::string> baiyun = {"reports/baiyun-2023/", "reports/baiyun-2024/"};
  const ClientResult unit = Client(files, "白云区年度报告");
  CHECK(unit.named == "年度报告");
  CHECK(unit.phrase == "白云区");
  REQUIRE(unit.urls.size() == 3);
  CHECK(std::set<std::string>(unit.urls.begin(), unit.urls.begin() + 2) == baiyun);
  CHECK(unit.urls[2].rfind("indicators/leader-law-study/", 0) == 0);
  CHECK(unit.exact == 2);
  CHECK(unit.rest == 1);
  CHECK(unit.rest_rows == std::vector<bool>{false, false, true});
  // The label first, a space or 的 between: the same.
  CHECK(Client(files, "年度报告 白云区").urls == unit.urls);
  CHECK(Client(files, "白云区的年度报告").urls == unit.urls);
  // A year: the reports of that year first, then the page citing it.
  const ClientResult year = Client(files, "2024年度报告");
  CHECK(year.named == "年度报告");
  REQUIRE(year.urls.size() == 3);
  CHECK(std::set<std::string>(year.urls.begin(), year.urls.begin() + 2) ==
        std::set<std::string>{"reports/baiyun-2024/", "reports/liwan-2024/"});
  CHECK(year.urls[2].rfind("indicators/leader-law-study/", 0) == 0);
  // The label alone: every report (each holds its kind's term), in page
  // order (a site numbers them newest first), then the other pages holding
  // the label.
  auto kinds = Terms(files);
  REQUIRE(kinds.count("@年度报告"));
  CHECK(kinds["@年度报告"].listed.size() == 3);
  CHECK(kinds.count("@指标"));
  const ClientResult all = Client(files, "年度报告");
  CHECK(all.named == "年度报告");
  REQUIRE(all.urls.size() == 5);
  CHECK(std::vector<std::string>(all.urls.begin(), all.urls.begin() + 3) ==
        std::vector<std::string>{"reports/baiyun-2023/", "reports/baiyun-2024/", "reports/liwan-2024/"});
  CHECK(all.exact == 3);
  CHECK(all.rest == 2);  // the indicator and about/, which hold 年度报告
  CHECK(all.rest_rows == std::vector<bool>{false, false, false, true, true});
  // What no report holds, another kind's label: the query as typed.
  const ClientResult none = Client(files, "海珠区年度报告");
  CHECK(none.named.empty());
  CHECK(none.partial);
  CHECK(Client(files, "学法辅导指标").named.empty());
}

// A publisher's name as the query: its reports, whose titles all hold it,
// newest first, whatever their text says. The older reports of 广州市人民政府
// name it more often in their text, and came first by BM25.
// 广州市人民政府's three reports (the older name it more often in their
// text), its office's, 白云区's and an indicator that names it in its text.
std::vector<TestPage> GuangzhouPages() {
  const std::string body = "广州市人民政府推进法治政府建设。\n";
  auto report = [&](const std::string& year, int mentions) {
    std::string text;
    for (int i = 0; i < mentions; ++i) text += body;
    return Page("广州市人民政府关于" + year + "年度法治政府建设情况的报告", {{"", "", "", text}});
  };
  return {
      {"reports/guangzhou-2022/index.html", 0, report("2022", 6)},
      {"reports/guangzhou-2023/index.html", 0, report("2023", 3)},
      {"reports/guangzhou-2024/index.html", 0, report("2024", 1)},
      {"reports/gzbgt-2024/index.html", 0,
       Page("广州市人民政府办公厅2024年度法治政府建设情况（摘要）",
            {{"", "", "", "办公厅推进依法行政。\n"}})},
      {"reports/baiyun-2024/index.html", 0,
       Page("白云区2024年度法治政府建设报告（摘要）", {{"", "", "", "落实广州市人民政府的部署。\n"}})},
      {"indicators/agenda/index.html", 1,
       Page("市政府会议研究法治建设次数", {{"", "", "", "广州市人民政府常务会议研究法治建设。\n"}})},
  };
}

TEST_CASE("search_index: the client lists the reports of one series that a query titles newest first") {
  if (!HaveNode()) return;
  const std::vector<TestPage> pages = GuangzhouPages();
  // Numbered newest first, as a site numbers its reports.
  const std::vector<std::pair<std::string, int>> known = {
      {pages[2].key, 0}, {pages[3].key, 0}, {pages[4].key, 0}, {pages[1].key, 0}, {pages[0].key, 0}};
  const std::map<std::string, std::string> series = {{pages[0].key, "广州市人民政府"},
                                                     {pages[1].key, "广州市人民政府"},
                                                     {pages[2].key, "广州市人民政府"},
                                                     {pages[3].key, "广州市人民政府办公厅"},
                                                     {pages[4].key, "广州市白云区人民政府"}};
  auto build = [&](bool with_series) {
    SearchIndex index({"年度报告", "指标", "页面"}, {});
    index.Expect(known, 2);
    if (with_series) index.SetSeries(series);
    PutAll(&index, pages);
    return WriteAll(&index);
  };
  const Files files = build(true);
  // Numbered in page order; a series of one report is none.
  CHECK(files.at("search/manifest.json").find("\"series\":[0,-1,-1,0,0]") != std::string::npos);
  const ClientResult r = Client(files, "广州市人民政府");
  REQUIRE(r.urls.size() == 6);
  CHECK(std::vector<std::string>(r.urls.begin(), r.urls.begin() + 4) ==
        std::vector<std::string>{"reports/guangzhou-2024/", "reports/guangzhou-2023/",
                                 "reports/guangzhou-2022/", "reports/gzbgt-2024/"});
  CHECK(r.paged == r.urls);
  // A report's date is when the site put it up, labelled as the site's
  // lists label it; the indicator's is its page's.
  CHECK(r.date_labels == std::vector<std::string>{"本站发布日期", "本站发布日期", "本站发布日期",
                                                  "本站发布日期", "本站发布日期", "发布日期"});
  // Without the series, the text decides: the oldest report first.
  const Files plain = build(false);
  CHECK(plain.at("search/manifest.json").find("series") == std::string::npos);
  CHECK(Client(plain, "广州市人民政府").urls.front() == "reports/guangzhou-2022/");
  // A query the titles do not hold ranks by the text as before: 推进 is in
  // the 2022 report six times.
  CHECK(Client(files, "推进法治政府").urls.front() == "reports/guangzhou-2022/");
}

// Past kSearchSeriesChunk reports the series come in files of that many,
// and a query fetches only those of the reports its title matches list: one
// number a report in the manifest made it 152 KB on a city's 31,460 reports,
// loaded by every query. The order is the one the manifest's numbers give.
TEST_CASE("search_index: past 4096 reports the series come in files, fetched only for titled reports") {
  if (!HaveNode()) return;
  std::vector<TestPage> pages = GuangzhouPages();
  pages.resize(4);  // the four reports whose titles name 广州市人民政府
  // 4,200 reports the site names that do not come (holes: no series), then these, newest first.
  std::vector<std::pair<std::string, int>> known;
  for (int i = 0; i < 4200; ++i) known.emplace_back("reports/r" + std::to_string(i) + "/index.html", 0);
  for (int i : {2, 3, 1, 0}) known.emplace_back(pages[static_cast<size_t>(i)].key, 0);
  auto build = [&](const std::string& office_series, SearchIndexStats* st) {
    SearchIndex index({"年度报告", "页面"}, {});
    index.Expect(known, 16);
    index.SetSeries({{pages[0].key, "广州市人民政府"},
                     {pages[1].key, "广州市人民政府"},
                     {pages[2].key, "广州市人民政府"},
                     {pages[3].key, office_series}});
    PutAll(&index, pages);
    return WriteAll(&index, st);
  };
  SearchIndexStats st;
  const Files files = build("广州市人民政府办公厅", &st);
  // The same pages with another series: the build id, which clients add to
  // every file's URL, changes with the series files, so that a browser does
  // not reuse a series file it cached from the other build.
  const Files other = build("广州市人民政府", nullptr);
  CHECK(other.at("search/s/1.bin") != files.at("search/s/1.bin"));
  CHECK(nlohmann::json::parse(other.at("search/manifest.json"))["id"] !=
        nlohmann::json::parse(files.at("search/manifest.json"))["id"]);
  CHECK(files.at("search/manifest.json").find("\"series\":{\"count\":4204,\"chunk\":4096,\"width\":2}") !=
        std::string::npos);
  CHECK(st.series == 2);
  REQUIRE(files.count("search/s/0.bin"));
  CHECK(files.at("search/s/0.bin") == std::string(8192, '\0'));  // holes: none
  // Reports 4,200-4,203 (2024, the office's, 2023, 2022): number + 1, two bytes each, little-endian.
  const std::string tail = files.at("search/s/1.bin");
  REQUIRE(tail.size() == 2 * 108);
  CHECK(tail.substr(2 * 104) == std::string("\x01\0\0\0\x01\0\x01\0", 8));

  // The client: the publisher's reports newest first, as with the numbers in
  // the manifest; only the file of the titled reports is fetched.
  const std::string script =
      "const s=require(process.argv[2]);const fs=require('fs');const d=process.argv[3]+'/search/';"
      "const got=[];const ix=new "
      "s.Index(JSON.parse(fs.readFileSync(d+'manifest.json','utf8')),p=>{got.push(p);"
      "const b=fs.readFileSync(d+p);return "
      "Promise.resolve(b.buffer.slice(b.byteOffset,b.byteOffset+b.length));});"
      "s.search(ix,process.argv[4]).then(r=>s.page(ix,r,0,10)).then(rows=>process.stdout.write("
      "rows.map(x=>x.url).join(' ')+'|'+got.filter(p=>p[0]==='s').join(' ')));";
  CHECK(
      RunClient(script, files, {"广州市人民政府"}) ==
      "reports/guangzhou-2024/ reports/guangzhou-2023/ reports/guangzhou-2022/ reports/gzbgt-2024/|s/1.bin");
  // No title holds 依法行政: no series file.
  CHECK(RunClient(script, files, {"依法行政"}) == "reports/gzbgt-2024/|");
}

// A sentence pasted to find where it was published has a bucket per token:
// on 50,000 pages of gen_site's text 24 characters loaded 336,831 bytes and
// 80 characters 737,354, over issue 17's 300 KB. Where its buckets would
// pass the client's budget (sampleBytes), a query of more than twelve
// tokens is looked up by twelve of them spread over it, and says so; a
// query no page holds whole by those is looked up by its first part.
TEST_CASE(
    "search_index: the client looks a long query up by twelve of its tokens when all would load too much") {
  if (!HaveNode()) return;
  const std::string held = "区司法局全面加强法律援助便民服务，取得积极成效。";
  std::vector<TestPage> pages = {
      {"reports/x/", 0, Page("某局年度报告", {{"", "", "", "全年工作中，" + held + "\n"}})}};
  // A figure: numbers are looked up first, whatever their place.
  const std::string figure = "区司法局全面加强法2024律援助便民服务，取得积极成效。";
  pages.push_back({"reports/y/", 0, Page("另一局年度报告", {{"", "", "", figure + "\n"}})});
  // A title whose comma splits 务取: typed without it, the query has a
  // token on no page, and only the title term finds the page.
  const std::string titled = "务取得积极成效区司法局全面加强法律援助";
  pages.push_back(
      {"reports/z/", 0, Page("务，取得积极成效区司法局全面加强法律援助", {{"", "", "", "示例。\n"}})});
  // Fourteen pages hold every token of it, not the sentence.
  for (int i = 0; i < 14; ++i) {
    pages.push_back({"news/n" + std::to_string(i) + "/", 2,
                     Page("动态" + std::to_string(i),
                          {{"", "", "", "取得积极成效。区司法局全面加强法律援助便民服务。\n"}})});
  }
  const Files files = BuildAtUrls(pages);
  // argv: query, budget ('' = the client's own); prints the status, the
  // rows, the tokens sampled and the terms looked up, in order of their bytes.
  const std::string script =
      "const s=require(process.argv[2]);const fs=require('fs');const d=process.argv[3]+'/search/';"
      "const m=JSON.parse(fs.readFileSync(d+'manifest.json','utf8'));"
      "const ix=new s.Index(m,p=>{const b=fs.readFileSync(d+p);"
      "return Promise.resolve(b.buffer.slice(b.byteOffset,b.byteOffset+b.length));});"
      "const looked=new Set(),entry=ix.entry.bind(ix);ix.entry=t=>{looked.add(t);return entry(t);};"
      "if(process.argv[5])ix.sampleBytes=+process.argv[5];"
      "s.search(ix,process.argv[4]).then(r=>s.page(ix,r,0,10).then(rows=>"
      "process.stdout.write(s.statusText(r,process.argv[4],false)+'|'+rows.map(x=>x.url).join(' ')+'|'+"
      "(r.sampled||0)+'|'+[...looked].sort((a,b)=>Buffer.compare(Buffer.from(a),Buffer.from(b))).join(' "
      "'))));";
  auto run = [&](const std::string& q, const std::string& budget) {
    std::string out = RunClient(script, files, {q, budget});
    size_t a = out.find('|'), b = out.find('|', a + 1), c = out.find('|', b + 1);
    REQUIRE(c != std::string::npos);
    struct {
      std::string status, urls, sampled, looked;
    } r{out.substr(0, a), out.substr(a + 1, b - a - 1), out.substr(b + 1, c - b - 1), out.substr(c + 1)};
    return r;
  };
  // A small site: every bucket fits the budget, the query is looked up whole.
  auto r = run(held, "");
  CHECK(r.status == "“" + held + "”共找到 15 条结果。");  // (reports/y/ has no 法律)
  CHECK(r.urls.substr(0, 11) == "reports/x/ ");
  CHECK(r.sampled == "0");
  // Over the budget: twelve tokens, the first and the last, the middle, the
  // middles of the halves and so on (positions 0 19 9 4 14 2 6 11 16 1 3 5
  // of its twenty), and the title term: all it looks up. (Without 法律,
  // reports/y/ holds them.)
  r = run(held, "1");
  CHECK(r.status ==
        "“" + held + "”较长，只按其中 12 个词语查找：共找到 16 条结果，每页中含有整段文字的排在前面。");
  CHECK(r.urls.substr(0, 11) == "reports/x/ ");
  CHECK(r.sampled == "12");
  CHECK(r.looked ==
        "=区司法局全面加强法律援助便民服务取得积极成效 全面 加强 助便 区司 司法 局全 律援 得积 成效 服务 "
        "法局 面加");
  // 2024 is the ninth of twenty tokens, which the spread leaves out: first
  // all the same, it finds the one page holding it (spread alone, 16).
  r = run(figure, "1");
  CHECK(r.status ==
        "“" + figure + "”较长，只按其中 12 个词语查找：共找到 1 条结果，每页中含有整段文字的排在前面。");
  CHECK(r.urls == "reports/y/");
  // 务取 (sampled: the first token) is on no page, the page titled with it
  // holds the query all the same.
  r = run(titled, "1");
  CHECK(r.status ==
        "“" + titled + "”较长，只按其中 12 个词语查找：共找到 1 条结果，每页中含有整段文字的排在前面。");
  CHECK(r.urls == "reports/z/");
  // No page holds 得显 (sampled), 显著 or 著成: over the budget, the pages
  // holding the other eleven of the twelve. The first ten by the ranking are
  // the reports (x, y) and eight news pages; on the page, rows are ordered by
  // the longest part of the query they hold: x 19 characters (区司…取得),
  // each news page 16 (区司…服务), y 10 (律援…取得).
  const std::string other = "区司法局全面加强法律援助便民服务，取得显著成效。";
  r = run(other, "1");
  CHECK(r.status == "未找到“" + other + "”；只按其中 12 个词语查找，以下结果含有其中的 11 个（共 16 条）。");
  CHECK(r.urls ==
        "reports/x/ news/n0/ news/n1/ news/n10/ news/n11/ news/n12/ news/n13/ news/n2/ news/n3/ reports/y/");
  CHECK(r.sampled == "12");
  // Within the budget, as before: its parts that pages hold apart.
  r = run(other, "");
  CHECK(r.status == "未找到“" + other + "”，以下结果分开包含其中的词语（共 16 条）。");
  // A figure on no page (2023 where the page says 2024), looked up first:
  // the pages holding the rest of the sentence.
  const std::string misquoted = "区司法局全面加强法2023律援助便民服务，取得积极成效。";
  r = run(misquoted, "1");
  CHECK(r.status ==
        "未找到“" + misquoted + "”；只按其中 12 个词语查找，以下结果含有其中的 11 个（共 16 条）。");
  CHECK(r.urls.substr(0, 22) == "reports/x/ reports/y/ ");
  // Fewer than two thirds of the twelve on any page (区司 司法 局全, and
  // 全面 unsampled): its first part whose tokens are loaded, 区司法.
  const std::string unrelated = "区司法局全面开展专项整治行动并组织召开专题会议研究部署";
  r = run(unrelated, "1");
  CHECK(r.status == "未找到“" + unrelated + "”，以下结果包含“区司法”（共 17 条）。");
  CHECK(r.sampled == "0");
}

// A long query reads the buckets' sizes (search/sizes.bin) before any
// bucket comes in: when all of its buckets fit the budget, every one is
// asked for at once, where the sample's twelve had to come in first to say
// so, a round of requests later; when they do not, only the sample's.
TEST_CASE("search_index: a long query asks for all its buckets at once when their stated sizes fit") {
  if (!HaveNode()) return;
  SearchIndexStats st;
  SearchIndex index({"年度报告", "指标", "页面"}, {});
  PutAll(&index, ManyPages(1200));
  const Files files = WriteAll(&index, &st);
  REQUIRE(st.buckets > 64);
  // Twenty words of the first page, every third: twenty tokens. (Words of
  // consecutive characters share buckets: FNV-1a's low bits.)
  std::string query;
  for (int k = 0; k < 20; ++k) {
    const int i = k * 3 % 100;
    AppendUtf8(query, static_cast<char32_t>(0x4E00 + 2 * i));
    AppendUtf8(query, static_cast<char32_t>(0x4E01 + 2 * i));
    query += "。";
  }
  // argv: query, budget ('' = the client's own). The buckets are held until
  // nothing else is pending; prints the first file asked for, the buckets
  // asked for by then, those asked for in all, those of every token and the
  // title term, and how many tokens were sampled.
  const std::string script =
      "const s=require(process.argv[2]);const fs=require('fs');const d=process.argv[3]+'/search/';"
      "const m=JSON.parse(fs.readFileSync(d+'manifest.json','utf8'));const asked=[],held=[];"
      "const ix=new s.Index(m,p=>{asked.push(p);const b=fs.readFileSync(d+p);"
      "const buf=b.buffer.slice(b.byteOffset,b.byteOffset+b.length);"
      "return p[0]==='t'?new Promise(ok=>held.push(()=>ok(buf))):Promise.resolve(buf);});"
      "if(process.argv[5])ix.sampleBytes=+process.argv[5];"
      "const q=process.argv[4],buckets=()=>new Set(asked.filter(p=>p[0]==='t')).size;"
      "const every=new Set(s.tokenize(q).concat([s.titleTerm(q)]).map(t=>s.termHash(t)&(m.buckets-1))).size;"
      "const done=s.search(ix,q);"
      "setTimeout(()=>{const before=buckets();const pump=setInterval(()=>held.splice(0).forEach(f=>f()),1);"
      "done.then(r=>{clearInterval(pump);"
      "process.stdout.write([asked[0],before,buckets(),every,r.sampled||0,r.count].join(' '));});},50);";
  struct Run {
    std::string first;
    size_t before = 0, all = 0, every = 0, sampled = 0, count = 0;
  };
  auto run = [&](const std::string& budget, const Files& index = {}) {
    Run r;
    std::istringstream in(RunClient(script, index.empty() ? files : index, {query, budget}));
    in >> r.first >> r.before >> r.all >> r.every >> r.sampled >> r.count;
    return r;
  };
  // 1,200 pages of short words: all of its buckets fit the client's budget,
  // and every one is asked for before any comes in.
  const Run fits = run("");
  CHECK(fits.first == "sizes.bin");
  CHECK(fits.before == fits.every);
  CHECK(fits.all == fits.every);
  CHECK(fits.sampled == 0);
  CHECK(fits.count == 60);  // the pages that start with these words, every twentieth
  // A budget of one byte: the sample's twelve tokens and the title term,
  // asked for at once, and nothing more: fewer buckets than all.
  const Run over = run("1");
  CHECK(over.first == "sizes.bin");
  CHECK(over.sampled == 12);
  CHECK(over.before == over.all);
  CHECK(over.all < fits.every);
  CHECK(over.count == 60);
  // A sizes file that is not this index's (one byte short) is as none: the
  // sample's buckets come in first and tell that the rest fit, as before.
  Files other = files;
  other["search/sizes.bin"].pop_back();
  const Run unsized = run("", other);
  CHECK(unsized.before < unsized.every);
  CHECK(unsized.all == unsized.every);
  CHECK(unsized.sampled == 0);
  CHECK(unsized.count == 60);
}

// A unit's name and a year typed together (花都区2024) are two words: the
// report whose title holds both comes before a page whose text holds the
// phrase itself in passing (花都区2024年为…), which came first before.
TEST_CASE("search_index: the client lists first the page whose title holds each word of the query") {
  if (!HaveNode()) return;
  std::vector<TestPage> pages = {
      {"indicators/law-exam/", 1,
       Page("参加学法考试的国家工作人员",
            {{"ind-method", "口径", "",
              "原文的说法各不相同：花都区2024年为1.9万名，白云区2023年为2万余名。\n"}})},
      {"reports/huadu-2024/", 0,
       Page("广州市花都区人民政府关于2024年度法治政府建设情况的报告",
            {{"", "", "", "本页依据花都区人民政府公开发布的报告整理。全年办理行政复议案件。\n"}})},
      {"reports/huadu-2022/", 0,
       Page("广州市花都区人民政府2022年法治政府建设年度报告",
            {{"", "", "", "花都区推进依法行政，2024年继续。\n"}})},
  };
  const Files files = BuildAtUrls(pages);
  for (const char* q : {"花都区2024", "花都区 2024", "2024花都区"}) {
    const ClientResult r = Client(files, q);
    REQUIRE_MESSAGE(r.urls.size() == 3, q);
    CHECK_MESSAGE(r.urls[0] == "reports/huadu-2024/", q);
    CHECK_MESSAGE(r.paged == r.urls, q);
  }
  // Then the page holding the phrase in its text, above the report holding
  // one word in its title and the other in its text.
  CHECK(Client(files, "花都区2024").urls.at(1).rfind("indicators/law-exam/", 0) == 0);
  // A word of one character is too common to tell: 2024年 stays a phrase, and
  // the page whose text holds it comes first.
  CHECK(Client(files, "花都区2024年").urls.at(0).rfind("indicators/law-exam/", 0) == 0);
}

// A snippet (and the section a row links to) is the sentence holding the
// query's rarest token: on the demo `1537件` (its report says 1537宗) showed
// the first sentence with a 件, in another section than 1537, and `2024
// 1537` the first with 2024. A journalist checking a figure was sent to the
// wrong paragraph.
TEST_CASE("search_index: the client's snippet is the sentence holding the query's rarest token") {
  if (!HaveNode()) return;
  std::vector<TestPage> pages = {
      {"reports/2024/", 0,
       Page("2024年法治政府建设年度报告",
            {{"二", "（二）全面落实依法行政", "",
              "出台规范性文件23份，提出合法性审核意见30件次。\n2024年编制重大行政决策事项目录。\n"},
             {"四", "（四）健全争议化解机制", "", "累计成功化解矛盾纠纷1537宗，成功率99.87%。\n"}})},
      {"indicators/admin-review-cases/", 1,
       Page("行政复议收案数", {{"", "", "", "办理行政复议案件368件，2024年度。\n"}})},
      {"indicators/opinions/", 1, Page("法律意见数", {{"", "", "", "出具法律意见12件，2024年。\n"}})},
      {"news/a/", 2, Page("工作动态", {{"", "", "", "2024年办理来信45件。\n"}})},
  };
  const Files files = BuildAtUrls(pages);
  for (const char* q : {"1537件", "2024 1537", "1537 2024"}) {
    const ClientResult r = Client(files, q);
    REQUIRE_MESSAGE(r.urls.size() == 1, q);
    CHECK_MESSAGE(r.urls[0] == "reports/2024/#四", q);
    CHECK_MESSAGE(r.snippets[0] == "累计成功化解矛盾纠纷1537宗，成功率99.87%。", q);
  }
}

// A long report filled the budget section by section: the first 7 of 30
// sections kept 24,000 bytes, the other 23 nothing, so that a query found in
// its 存在的不足 or 下一年度安排 had no text to show. Each section now keeps
// its share, cut after a sentence; and the metadata says when anything was
// cut, with the page's HTML bytes, which the client weighs before reading
// the page (metaUncut, pageRows).
TEST_CASE("search_index: a page's metadata shares its budget among its sections and says when it was cut") {
  std::string para;
  while (para.size() < 2 * kSearchSectionBytes) para += "推进严格规范公正文明执法。";
  std::vector<SearchSection> sections = {{"", "", "", "导语。\n"}};
  for (int k = 0; k < 30; ++k)
    sections.push_back({"s" + std::to_string(k), "第" + std::to_string(k) + "节", "", para + "\n"});
  sections.push_back({"short", "短节", "", "只有一句。\n"});
  SearchPage page = Page("长报告", sections);
  page.html_bytes = 123456;
  auto meta = nlohmann::json::parse(Build({{"reports/2025/index.html", 0, page}}).at("search/p/0-0.json"))[0];
  REQUIRE(meta[3].size() == 32);
  size_t total = 0;
  for (size_t i = 1; i <= 30; ++i) {
    const std::string text = meta[3][i][2].get<std::string>();
    CHECK(text.size() >= (kSearchPageBytes - 30) / 31 / 2);  // every section its share, at least half of it
    CHECK(text.ends_with("。"));                             // after a sentence
    total += text.size();
  }
  CHECK(meta[3][31][2] == "只有一句。");  // a short section whole
  CHECK(total <= kSearchPageBytes);
  CHECK(meta.size() == 5);
  CHECK(meta[4] == 123456);

  // Nothing cut: no fifth element.
  auto whole = nlohmann::json::parse(
      Build({{"reports/2025/index.html", 0, Page("短报告", {{"a", "一", "", "只有一句。\n"}})}})
          .at("search/p/0-0.json"))[0];
  CHECK(whole.size() == 4);

  CHECK(MetaShares({100, 5000, 5000, 20}, 9000, 3600) == std::vector<size_t>{100, 3600, 3600, 20});
  CHECK(MetaShares({5000, 5000, 5000}, 9000, 3600) == std::vector<size_t>{3000, 3000, 3000});
  CHECK(MetaShares({}, 9000, 3600).empty());
}

// Groups of a fixed number of pages: on gen_mixed a group of short pages
// with a few long ones beside them was 38 KB, a report's group 28 KB, and a
// query loaded ten of them. A long page now has a group of its own.
TEST_CASE(
    "search_index: a long page has a metadata group of its own, runs of the others groups from their start") {
  CHECK(GroupStarts({}, 4).empty());
  CHECK(GroupStarts({false, false, false, false, false}, 2) == std::vector<uint32_t>{0, 2, 4});
  CHECK(GroupStarts({false, true, false, false, false, true, true}, 2) ==
        std::vector<uint32_t>{0, 1, 2, 4, 5, 6});
  CHECK(GroupStarts({true, true}, 16) == std::vector<uint32_t>{0, 1});
  // (The manifest's bitmap is base64, as atob() reads it: RFC 4648's examples.)
  CHECK(Base64("") == "");
  CHECK(Base64("f") == "Zg==");
  CHECK(Base64("fo") == "Zm8=");
  CHECK(Base64("foo") == "Zm9v");
  CHECK(Base64("foobar") == "Zm9vYmFy");
  CHECK(Base64(std::string("\xff\x01", 2)) == "/wE=");
}

// A page holding every token of a query but the query as typed nowhere is
// not said to hold it: `1537件` on the demo found the report, which says
// 1537宗 and, elsewhere, 30件次, and the status said “共找到 2 条结果”.
TEST_CASE("search_index: the client says when the pages holding every token hold the query only apart") {
  if (!HaveNode()) return;
  std::string long_text;  // a section past what the metadata keeps of it
  while (long_text.size() < kSearchSectionBytes) long_text += "推进严格规范公正文明执法。";
  long_text += "另有来信45件。\n";
  std::vector<TestPage> pages = {
      {"reports/2024/", 0,
       Page("2024年法治政府建设年度报告",
            {{"二", "（二）全面落实依法行政", "", "提出合法性审核意见30件次。\n"},
             {"四", "（四）健全争议化解机制", "", "累计成功化解矛盾纠纷1537宗，成功率99.87%。\n"}})},
      {"indicators/cases/", 1, Page("行政复议收案数", {{"", "", "", "办理行政复议案件368件，2024年度。\n"}})},
      {"news/long/", 2, Page("工作动态", {{"", "", "", long_text}})},
  };
  const Files files = BuildAtUrls(pages);
  ClientResult r = Client(files, "1537件");
  CHECK(r.urls == std::vector<std::string>{"reports/2024/#四"});
  CHECK(r.status == "未找到“1537件”，以下结果分开包含“1537”“件”（共 1 条）。");
  // The page holding it as typed: found.
  CHECK(Client(files, "368件").status == "“368件”共找到 1 条结果。");
  // Words typed apart ask for no phrase.
  CHECK(Client(files, "1537 件").status == "“1537 件”共找到 1 条结果。");
  // 45件 is on the page past what its metadata keeps, which cannot tell.
  r = Client(files, "45件");
  CHECK(r.urls == std::vector<std::string>{"news/long/"});
  CHECK(r.status == "“45件”共找到 1 条结果。");
}

TEST_CASE(
    "search_index: the client ranks headings above text, the phrase above scattered tokens, reports first") {
  if (!HaveNode()) return;
  std::vector<TestPage> pages = {
      {"reports/2024/", 0,
       Page("2024年法治政府建设年度报告", {{"", "", "", "区司法局推进法治政府建设。\n"},
                                           {"四", "（四）健全争议化解机制", "行政复议与应诉。\n",
                                            "府院联动。 设立行政争议调解中心。\n行政复议与应诉。 "
                                            "办理行政复议案件368件，矛盾纠纷化解1537宗。\n"}})},
      {"indicators/admin-review-cases/", 1,
       Page("行政复议收案数", {{"", "", "", "368件 2024年度\n行政复议案件收案数。\n"}})},
      {"indicators/disputes/", 1, Page("矛盾纠纷化解数", {{"", "", "", "1537宗 2024年度\n"}})},
      {"news/a/", 2, Page("法律援助中心开放", {{"", "", "", "区法律援助中心为群众提供法律援助。\n"}})},
      {"news/b/", 2,
       Page("工作动态",
            {{"", "", "", "提供法律援，律援助，援助援助援助，法律法律。\n调解调解调解调解调解。\n"}})},
      {"news/c/", 2, Page("调解工作", {{"", "", "", "人民调解。\n"}})},
  };
  Files files = BuildAtUrls(pages);
  // The report holds the phrase in a lead-in and comes first of the pages
  // that hold it in a title or heading; scattered bigrams (政复 nowhere
  // else) do not match at all.
  ClientResult r = Client(files, "行政复议");
  REQUIRE(r.urls.size() == 2);
  CHECK(r.urls[0] == "reports/2024/#四");
  CHECK(r.urls[1] == "indicators/admin-review-cases/");
  CHECK(r.snippets[0] ==
        "行政复议与应诉。 办理行政复议案件368件，矛盾纠纷化解1537宗。");  // the lead-in with its sentence
  CHECK_FALSE(r.partial);
  CHECK(r.total == 2);
  // The exact phrase above a page holding its bigrams apart, however often.
  r = Client(files, "法律援助");
  REQUIRE(r.urls.size() == 2);
  CHECK(r.urls[0] == "news/a/");
  CHECK(r.urls[1] == "news/b/");
  // A title or heading match above many matches in the text.
  r = Client(files, "调解");
  REQUIRE(r.urls.size() == 3);
  CHECK(r.urls[0] == "news/c/");
  // Numbers, full-width too, and a lone character after a number: both
  // pages hold them in their text, and the report comes first.
  r = Client(files, "1537");
  CHECK(r.urls == std::vector<std::string>{"reports/2024/#四", "indicators/disputes/"});
  CHECK(Client(files, "１５３７").urls == r.urls);
  CHECK(Client(files, "1537宗").urls == r.urls);
  // Part of the query found: said so, with the part.
  r = Client(files, "行政复议听证");
  CHECK(r.partial);
  CHECK(r.phrase == "行政复议");
  CHECK(r.urls.at(0) == "reports/2024/#四");
  CHECK(Client(files, "不存在的词").urls.empty());
  // A number held alone is such a part; a lone Chinese character is not
  // (宗 of 1538宗, with 1538 on no page: 第 of 第123篇 is on every page).
  r = Client(files, "1537号");
  CHECK(r.partial);
  CHECK(r.phrase == "1537");
  CHECK(r.urls == std::vector<std::string>{"reports/2024/#四", "indicators/disputes/"});
  r = Client(files, "1538宗");
  CHECK(r.urls.empty());
  CHECK(r.total == 0);
}

// When fewer than a page of results (10) hold the whole query, whole or with
// its words apart, the pages holding its longest part follow them, if that
// part is half the query's tokens or more (two at least): a query that says
// more than the site does (数量) still lists the pages about the rest of it.
TEST_CASE("search_index: the client lists the pages holding the query's longest part after a few whole") {
  if (!HaveNode()) return;
  std::vector<TestPage> pages = {
      {"indicators/yoy/", 1, Page("工作动态", {{"", "", "", "行政复议案件数量同比增长。\n"}})},
      {"indicators/cases/", 1, Page("办理案件", {{"", "", "", "办理行政复议案件368件。\n"}})},
      {"news/a/", 2, Page("通知", {{"", "", "", "行政复议案件办理情况。\n"}})},
      {"news/b/", 2, Page("公告", {{"", "", "", "行政复议。\n"}})},
      {"news/c/", 2, Page("统计", {{"", "", "", "数量。\n"}})},
      {"news/d/", 2, Page("听证", {{"", "", "", "行政复议听证数量。\n"}})},
  };
  Files files = BuildAtUrls(pages);
  // 行政复议案件 (5 of the 7 tokens) is the longest part other pages hold;
  // 行政复议 alone (3) is less than half the query, and 数量 no part of it.
  ClientResult r = Client(files, "行政复议案件数量");
  REQUIRE(r.urls.size() == 3);
  CHECK(r.urls[0] == "indicators/yoy/");
  CHECK(std::set<std::string>(r.urls.begin() + 1, r.urls.end()) ==
        std::set<std::string>{"indicators/cases/", "news/a/"});
  CHECK(r.total == 3);
  CHECK(r.exact == 1);
  CHECK_FALSE(r.partial);
  CHECK_FALSE(r.loose);
  CHECK(r.rest == 2);
  CHECK(r.rest_phrase == "行政复议案件");
  CHECK(r.rest_rows == std::vector<bool>{false, true, true});
  CHECK(r.paged == r.urls);
  // Other pages hold only 行政复议 of 行政复议听证数量: three of its seven
  // tokens, too little to list them.
  r = Client(files, "行政复议听证数量");
  CHECK(r.urls == std::vector<std::string>{"news/d/"});
  CHECK(r.rest == 0);
  // Of a query of two tokens a part would be one: the whole only.
  r = Client(files, "复议案");
  CHECK(r.urls.size() == 3);
  CHECK(r.rest == 0);
  // A part that runs across a space is two words, quoted apart: “白云区 行政”
  // read as one phrase, which no page need hold.
  r = Client(files, "行政复议 听证会");
  CHECK(r.urls == std::vector<std::string>{"news/d/"});
  CHECK(r.partial);
  CHECK(r.phrase == "行政复议 听证");
  CHECK(r.status == "未找到“行政复议 听证会”，以下结果包含“行政复议”“听证”（共 1 条）。");
  // As many whole results as a page holds: nothing more.
  std::vector<TestPage> many = pages;
  for (int i = 0; i < 10; ++i) {
    many.push_back(
        {"news/n" + std::to_string(i) + "/", 2, Page("动态", {{"", "", "", "行政复议案件数量。\n"}})});
  }
  r = Client(BuildAtUrls(many), "行政复议案件数量");
  CHECK(r.total == 11);
  CHECK(r.rest == 0);
}

// A query that is a page's whole title (the index holds each title as a
// term of its own: SearchTitleTerm) finds that page first, above pages whose
// title or text holds it with more besides, whatever their BM25 score.
TEST_CASE("search_index: the client ranks the page titled with the query first") {
  if (!HaveNode()) return;
  std::vector<TestPage> pages = {
      {"reports/2024/", 0,
       Page("2024年法治政府建设年度报告",
            {{"", "", "", "行政复议直接纠错案件18件，行政复议直接纠错率6.8%。\n"}})},
      // Two indicators, the name of one a part of the other's; the longer
      // one's text says the shorter name too.
      {"indicators/corrections/", 1, Page("行政复议直接纠错", {{"", "", "", "18件 2024年度\n"}})},
      {"indicators/correction-rate/", 1,
       Page("行政复议直接纠错率",
            {{"", "", "",
              "6.8% 2024年度\n行政复议直接纠错率：行政复议直接纠错的案件占已审结案件的比例。\n"}})},
      {"about/", 2, Page("关于本站", {{"", "", "", "本站由区司法局主办。\n"}})},
      {"news/a/", 2, Page("关于本站改版的说明", {{"", "", "", "关于本站。关于本站。\n"}})},
      // A title with quotes, and a page whose text holds it without them.
      {"indicators/contracts/", 1, Page("审查“三资”合同", {{"", "", "", "152份 2024年度\n"}})},
      {"news/b/", 2, Page("农村集体资产管理", {{"", "", "", "开展审查三资合同工作，审查三资合同152份。\n"}})},
  };
  Files files = BuildAtUrls(pages);
  auto terms = Terms(files);
  REQUIRE(terms.count("=行政复议直接纠错"));
  CHECK(terms["=行政复议直接纠错"].listed.size() == 1);
  const std::vector<std::string> named = {"indicators/corrections/", "indicators/correction-rate/",
                                          "reports/2024/"};
  CHECK(Client(files, "行政复议直接纠错").urls == named);
  // As typed with a space, or with full-width letters folded: the same.
  CHECK(Client(files, "行政复议 直接纠错").urls == named);
  // (After the two pages that hold it, the one holding its longest part.)
  CHECK(Client(files, "行政复议直接纠错率").urls ==
        std::vector<std::string>{"indicators/correction-rate/", "reports/2024/", "indicators/corrections/"});
  CHECK(Client(files, "关于本站").urls == std::vector<std::string>{"about/", "news/a/"});
  // Part of a title is not the title.
  CHECK(Client(files, "直接纠错").urls.at(0) != "indicators/corrections/");
  // A title typed without its quotes is the title; so is one typed with
  // other quotes. (The page holding the phrase in its text follows.)
  const std::vector<std::string> contracts = {"indicators/contracts/", "news/b/"};
  CHECK(Client(files, "审查三资合同").urls == contracts);
  CHECK(Client(files, "审查\"三资\"合同").urls == contracts);
}

// A query of Chinese words matches loosely a page that holds every character
// of it in the query's bigrams but not every bigram: after the pages that
// hold them all, when those are few, or instead of them, saying so. A page
// missing every bigram of one character is no match, unless no page holds
// that character: then the pages holding the rest of the query apart come
// first, and those holding its longest part alone after them.
TEST_CASE("search_index: the client matches a page holding the query's words apart, after the whole") {
  if (!HaveNode()) return;
  std::vector<TestPage> pages = {
      // Holds every bigram of the long query, by accident (历年法治, 建设年度).
      {"units/baiyun/", 2,
       Page("白云区",
            {{"", "", "", "历年法治政府建设年度报告：白云区2023年度法治政府建设报告（摘要）。\n"}})},
      // The report: its title lacks the junctions 年法, 设年 and 度报.
      {"reports/baiyun-2023/", 0,
       Page("白云区2023年度法治政府建设报告（摘要）", {{"", "", "", "依法行政。\n"}})},
      // More of the query's bigrams than the report, all in its text.
      {"indicators/exam/", 1,
       Page("学法考试", {{"", "", "", "各区在法治政府建设年度报告中报告。白云区2023年数据。\n"}})},
      // 2024, not 2023: a character (a number) of the query missing.
      {"reports/baiyun-2024/", 0, Page("白云区2024年度法治政府建设报告", {{"", "", "", "依法行政。\n"}})},
      {"news/shufa/", 2, Page("述法工作", {{"", "", "", "主要负责人述法。年度报告公开。\n"}})},
      {"news/report/", 2, Page("工作报告", {{"", "", "", "报告全文。\n"}})},
      // 行政复议 and 案数, without 收; 行政复议 alone, in the title.
      {"news/review/", 2, Page("工作动态", {{"", "", "", "行政复议结案数。\n"}})},
      {"news/review2/", 2, Page("行政复议", {{"", "", "", "复议。\n"}})},
      // 政府 and 公开; 政府 alone; 公开 alone (信息 is on no page).
      {"news/open/", 2, Page("政务公开", {{"", "", "", "区政府主动公开文件。\n"}})},
      {"news/gov/", 2, Page("区政府", {{"", "", "", "区政府常务会议。\n"}})},
      {"news/open2/", 2, Page("公开", {{"", "", "", "公开征求意见。\n"}})},
  };
  Files files = BuildAtUrls(pages);
  // The one page holding the whole query, then the two holding its words
  // apart: the report, whose title holds ten of its thirteen tokens, above
  // the page holding twelve in its text.
  ClientResult r = Client(files, "白云区2023年法治政府建设年度报告");
  CHECK(r.urls == std::vector<std::string>{"units/baiyun/", "reports/baiyun-2023/", "indicators/exam/"});
  CHECK(r.total == 3);
  CHECK(r.exact == 1);
  CHECK_FALSE(r.partial);
  CHECK_FALSE(r.loose);
  CHECK(r.paged == r.urls);  // 显示更多结果 across the two
  // None holds 述法报告 (法报): the pages holding 述法 and 报告, said so.
  r = Client(files, "述法报告");
  CHECK(r.urls == std::vector<std::string>{"news/shufa/"});
  CHECK(r.partial);
  CHECK(r.loose);
  CHECK(r.exact == 0);
  CHECK(r.pieces == std::vector<std::string>{"述法", "报告"});
  CHECK(r.phrase == "述法");
  // 收 is on no page: the page holding the rest of the query apart
  // (行政复议, 案数) first, then the page holding the longest part alone,
  // below it although its title is 行政复议.
  r = Client(files, "行政复议收案数");
  CHECK(r.partial);
  CHECK(r.loose);
  CHECK(r.pieces == std::vector<std::string>{"行政复议", "案数"});
  CHECK(r.phrase == "行政复议");
  CHECK(r.urls == std::vector<std::string>{"news/review/", "news/review2/"});
  CHECK(r.rest_rows == std::vector<bool>{false, true});
  CHECK(r.total == 2);
  CHECK(r.rest == 1);
  CHECK(r.rest_phrase == "行政复议");
  CHECK(r.paged == r.urls);  // 显示更多结果 across the two
  // 信息 is on no page: the page holding 政府 and 公开, then those with the
  // commoner part alone (政府: 5 more pages, the reports first; 公开: 2),
  // not news/shufa and news/open2, which hold 公开 alone.
  r = Client(files, "政府信息公开");
  CHECK(r.loose);
  CHECK(r.pieces == std::vector<std::string>{"政府", "公开"});
  CHECK(r.urls == std::vector<std::string>{"news/open/", "reports/baiyun-2023/", "reports/baiyun-2024/",
                                           "news/gov/", "units/baiyun/", "indicators/exam/"});
  CHECK(r.rest_rows == std::vector<bool>{false, true, true, true, true, true});
  CHECK(r.total == 6);
  CHECK(r.rest == 5);
  CHECK(r.rest_phrase == "政府");
  // A number on no page is not left out: 2025 is what the query asks for.
  r = Client(files, "白云区2025年度报告");
  CHECK(r.partial);
  CHECK_FALSE(r.loose);
  CHECK(r.phrase == "年度报告");
  // Only one part found (公开): the longest run, as before, no rest.
  r = Client(files, "信息公开");
  CHECK(r.partial);
  CHECK_FALSE(r.loose);
  CHECK(r.phrase == "公开");
  CHECK(r.rest == 0);
  CHECK(r.urls == std::vector<std::string>{"news/open/", "news/open2/", "news/shufa/"});
  // Two tokens: nothing to hold apart.
  r = Client(files, "述法报");
  CHECK(r.urls == std::vector<std::string>{"news/shufa/"});
  CHECK(r.phrase == "述法");
  CHECK_FALSE(r.loose);
}

// The client's ranking of a query whose tokens are on most pages (each lists
// its top pages and gives the rest as a bitmap with a bound) must be the
// ranking of every matching page scored one by one — whole, and in slices
// as 显示更多结果 asks for them. The reference below scores every page of the
// site from the decoded entries, independently of search.js's Ranking.
TEST_CASE("search_index: the client's bounded ranking of common tokens is the ranking of every page scored") {
  if (!HaveNode()) return;
  // 2,400 pages, three kinds (the first boosted, 单位 lowered), drawn from a
  // small vocabulary so that common bigrams are on far more than 1,000 pages,
  // with many pages alike (ties of score) and titles holding tokens.
  const char* words[] = {"行政复议", "法律援助", "执法监督", "矛盾纠纷",
                         "司法行政", "调解",     "普法宣传", "复议案件"};
  SearchIndex index({"年度报告", "单位", "页面"}, {});
  uint32_t seed = 12345;
  auto next = [&](uint32_t n) {
    seed = seed * 1103515245u + 12345u;
    return (seed >> 16) % n;
  };
  for (int p = 0; p < 2400; ++p) {
    const int kind = p < 60 ? 0 : p < 160 ? 1 : 2;
    std::string title = next(4) == 0 ? words[next(8)] : "工作动态";
    // Titled 工作动态 but for a dot, which splits its bigram 作动: a page
    // the title term names though it holds not every token of the title.
    if (p % 97 == 3) title = "工作·动态";
    std::string heading = next(3) == 0 ? words[next(8)] : "";
    std::string text;
    const uint32_t n = p % 7 == 0 ? 3 : 1 + next(40);  // every seventh page alike
    for (uint32_t k = 0; k < n; ++k) text += std::string(words[p % 7 == 0 ? k : next(8)]) + "。";
    // The most common title in the text of some pages: with the pages
    // titled so beyond each token's top pages, pages that hold it only in
    // their text, in page order among them.
    if (p % 5 == 1) text += "工作动态。";
    char key[32];
    snprintf(key, sizeof key, "k%d/p%04d/index.html", kind, p);
    index.Put(key, kind, UrlOf(key), "2025-01-15",
              Page(title, {{"", "", "", text + "\n"}, {"s", heading, "", "工作。\n"}}));
  }
  Files files = WriteAll(&index);

  const std::string check = R"JS(
const s = require(process.argv[2]); const fs = require('fs'); const d = process.argv[3] + '/search/';
const m = JSON.parse(fs.readFileSync(d + 'manifest.json', 'utf8'));
const load = (p) => { const b = fs.readFileSync(d + p); return Promise.resolve(b.buffer.slice(b.byteOffset, b.byteOffset + b.length)); };
const factors = []; let end = 0; const ends = [];
m.kinds.forEach((k, i) => { end += k[1]; ends.push(end); factors.push(i === 0 ? 1.5 : k[0] === '单位' ? 0.8 : 1); });
const kindOf = (doc) => ends.findIndex((e) => doc < e);
(async () => {
  const out = {};
  for (const q of process.argv.slice(4)) {
    const ix = new s.Index(m, load);
    const r = await s.search(ix, q);
    const es = await Promise.all(r.tokens.map((t) => ix.entry(t)));
    const te = await ix.entry(s.titleTerm(q));  // the pages titled with the query: first
    // Every page scored: its impact where listed, else the entry's bound.
    // Of a loose match (the tokens it gives are those its pages hold) the
    // first key is the number of tokens in a title or heading, not whether
    // all are.
    const want = [];
    let named_pages = 0, named_apart = 0;
    for (let doc = 0; doc < m.docs; ++doc) {
      let score = 0, heading = 1, titled = 0, all = true;
      es.forEach((e) => {
        const k = e.docs.indexOf(doc);
        const inBits = e.bits ? (e.bits[doc >> 3] >> (doc & 7)) & 1 : k >= 0;
        if (!inBits) { all = false; return; }  // (adds nothing to the score)
        const imp = k >= 0 ? e.imps[k] : e.bound;
        score += Math.log(1 + (m.docs - e.df + 0.5) / (e.df + 0.5)) * (imp & 63) / 63;
        if ((imp >> 6) < 1) heading = 0; else ++titled;
      });
      const named = te && (te.docs.indexOf(doc) >= 0 || (te.bits && (te.bits[doc >> 3] >> (doc & 7)) & 1));
      if (named && !r.loose) ++named_pages;
      if (named && !r.loose && !all) ++named_apart;
      // A page titled with the query is a whole match, whatever tokens it holds.
      if (all || (named && !r.loose)) {
        want.push({ doc, heading: r.loose ? titled : named ? 2 : heading, score: score * factors[kindOf(doc)] });
      }
    }
    want.sort((a, b) => (b.heading - a.heading) || (b.score - a.score) || (a.doc - b.doc));
    // The client's, in three slices (loose matches after the pages holding
    // the whole, when these are few: not compared here).
    const n = r.loose ? r.count : r.exact;
    const got = [...r.ranking.slice(0, 10), ...r.ranking.slice(10, 35), ...r.ranking.slice(35, n)];
    let same = got.length === want.length && n === want.length;
    for (let i = 0; same && i < got.length; ++i) same = got[i].doc === want[i].doc && got[i].score === want[i].score;
    out[q] = { count: n, same, bitmaps: es.filter((e) => e.bits).length, tokens: es.length,
               loose: r.loose, named: named_pages, apart: named_apart };
  }
  process.stdout.write(JSON.stringify(out));
})();
)JS";
  const std::vector<std::string> queries = {"行政复议", "法律援助", "执法监督", "复议案件", "行政",
                                            "调解",     "司法",     "普法宣传", "复议调解", "工作动态"};
  std::string out = RunClient(check, files, queries);
  auto j = nlohmann::json::parse(out.empty() ? "{}" : out);
  REQUIRE(j.size() == queries.size());
  int bounded = 0;  // queries whose every token has a bitmap (the merged path)
  for (const std::string& q : queries) {
    CAPTURE(q);
    CHECK(j[q]["same"].get<bool>());
    CHECK(j[q]["count"].get<int>() > 0);
    if (j[q]["bitmaps"] == j[q]["tokens"] && j[q]["count"].get<int>() > 1000) ++bounded;
  }
  CHECK(bounded >= 4);
  // Pages titled with the query come first, above the pages holding it in
  // a heading; of 工作动态, the title of most pages, the title's term has a
  // bitmap too, and every page it marks is ranked first.
  CHECK(j["行政复议"]["named"].get<int>() > 50);
  CHECK(j["复议案件"]["named"].get<int>() > 50);
  CHECK(j["工作动态"]["named"].get<int>() > 1000);
  // Of those, the pages titled 工作·动态 without 作动 anywhere: ranked with
  // them, though not in the tokens' intersection.
  CHECK(j["工作动态"]["apart"].get<int>() > 10);
  // 议调 is on no page (the words end with 。): 复议 and 调解 apart, ranked
  // over thousands of pages where both have bitmaps.
  CHECK(j["复议调解"]["loose"].get<bool>());
  CHECK(j["复议调解"]["count"].get<int>() > 1000);

  // Of queries of two or three words run together (junctions on no page),
  // every page listed, whole or loose, once; every loose page holds every
  // character of the query; the loose pages come after the whole ones.
  const std::string loose = R"JS(
const s = require(process.argv[2]); const fs = require('fs'); const d = process.argv[3] + '/search/';
const m = JSON.parse(fs.readFileSync(d + 'manifest.json', 'utf8'));
const load = (p) => { const b = fs.readFileSync(d + p); return Promise.resolve(b.buffer.slice(b.byteOffset, b.byteOffset + b.length)); };
(async () => {
  const out = {};
  for (const q of process.argv.slice(4)) {
    const ix = new s.Index(m, load);
    const r = await s.search(ix, q);
    const rows = r.ranking ? r.ranking.slice(0, r.count) : [];
    const docs = new Set(rows.map((h) => h.doc));
    let held = true, after = true;
    for (let i = 0; i < rows.length; ++i) {
      if (!rows[i].loose) { after = after && i < r.exact; continue; }
      after = after && i >= r.exact;
      const meta = await ix.meta(rows[i].doc);
      const text = meta.title + meta.sections.map((x) => x[1] + x[2] + x[3]).join('');
      for (const ch of q) held = held && text.includes(ch);
    }
    out[q] = { count: r.count, rows: rows.length, distinct: docs.size, loose: rows.filter((h) => h.loose).length,
               held, after };
  }
  process.stdout.write(JSON.stringify(out));
})();
)JS";
  const std::vector<std::string> joined = {"执法监督法律援助", "普法宣传矛盾纠纷", "司法行政调解",
                                           "复议案件执法监督"};
  out = RunClient(loose, files, joined);
  j = nlohmann::json::parse(out.empty() ? "{}" : out);
  REQUIRE(j.size() == joined.size());
  int loose_pages = 0;
  for (const std::string& q : joined) {
    CAPTURE(q);
    CHECK(j[q]["rows"] == j[q]["count"]);
    CHECK(j[q]["distinct"] == j[q]["count"]);
    CHECK(j[q]["held"].get<bool>());
    CHECK(j[q]["after"].get<bool>());
    loose_pages += j[q]["loose"].get<int>();
  }
  CHECK(loose_pages > 1000);
}

// The first page of results is shown in two batches: the first rows as soon
// as their place is certain (no row still to come can pass them: none ranked
// above, none that could hold the phrase better), the rest when all are in.
// Rows are only appended, and together they are page()'s order. A fake index
// hands out each page's group when the script says, so the orders of arrival
// tested are chosen, not the one a disk or network happens to give.
TEST_CASE("search_index: the client shows the first rows when their place is certain, then the rest") {
  if (!HaveNode()) return;
  const std::string rows = R"JS(
const s = require(process.argv[2]);
// Pages by the tier they give the phrase 行政复议: t3 the title, t2 in the title, t1 in the text only.
const pages = {
  x3: { url: 'x/', title: '行政复议', date: '', sections: [['', '', '复议。', '']] },
  a2: { url: 'a/', title: '行政复议工作', date: '', sections: [['', '', '办理案件。', '']] },
  b1: { url: 'b/', title: '工作动态', date: '', sections: [['', '', '开展行政复议。', '']] },
  c2: { url: 'c/', title: '行政复议指南', date: '', sections: [['', '', '申请须知。', '']] },
  d1: { url: 'd/', title: '通知', date: '', sections: [['', '', '行政复议期限。', '']] },
  e2: { url: 'e/', title: '行政复议决定', date: '', sections: [['', '', '决定书。', '']] },
  f0: { url: 'f/', title: '复议须知', date: '', sections: [['', '', '行政机关。', '']] },
  g1: { url: 'g/', title: '通知', date: '', sections: [['', '', '完成ICP备案。', '']] },
  h1: { url: 'h/', title: '公告', date: '', sections: [['', '', 'ICP备案号。', '']] },
};
// The ranking's mark of a page titled with the query (2), or whose every
// token is in its title or a heading (1).
const heading = (key) => (pages[key].title === '行政复议' ? 2 : /行政复议/.test(pages[key].title) ? 1 : 0);
// Runs pageRows on pages in rank order, their groups arriving in `order`
// (positions); returns what was shown after each arrival.
async function run(ranked, order, fail, phrase = '行政复议') {
  const waiting = ranked.map(() => { let ok, no; const p = new Promise((a, b) => { ok = a; no = b; }); return { p, ok, no }; });
  const index = { meta: (doc) => waiting[doc].p, kindLabel: () => '页面', kind: () => 4 };
  const result = { phrase, tokens: [],
                   ranking: { slice: (from, to) => ranked.slice(from, to).map((k, i) => ({ doc: from + i, heading: heading(k) })) } };
  const log = [];
  const done = s.pageRows(index, result, 0, ranked.length, (rows) => log.push(rows.map((r) => r.url[0]).join('')))
    .then(() => 'done', () => 'failed');
  for (const i of order) {
    if (i === fail) waiting[i].no(new Error('404')); else waiting[i].ok(pages[ranked[i]]);
    await new Promise((r) => setTimeout(r, 0));
    log.push('|');
  }
  log.push(await done);
  return log.join(' ');
}
(async () => {
  const out = {
    inOrder: await run(['a2', 'b1', 'c2'], [0, 1, 2]),
    lastFirst: await run(['a2', 'b1', 'c2'], [2, 1, 0]),
    topSecond: await run(['a2', 'b1', 'c2'], [1, 0, 2]),
    textFirst: await run(['d1', 'c2'], [0, 1]),
    allTitles: await run(['a2', 'c2', 'e2'], [0, 2, 1]),
    twoEarly: await run(['a2', 'c2', 'b1', 'e2'], [1, 0, 3, 2]),
    failed: await run(['a2', 'b1', 'c2'], [0, 1, 2], 1),
    textOnly: await run(['b1', 'd1', 'f0'], [0, 2, 1]),
    textOnlyLate: await run(['b1', 'd1', 'f0'], [2, 1, 0]),
    notChinese: await run(['g1', 'h1'], [0, 1], -1, 'ICP备案'),
    titledLate: await run(['x3', 'a2', 'c2'], [1, 2, 0]),
    titledFirst: await run(['x3', 'a2', 'c2'], [0, 2, 1]),
    page: (await s.page({ meta: (doc) => Promise.resolve(pages[['d1', 'a2', 'b1', 'e2'][doc]]), kindLabel: () => '页面', kind: () => 4 },
                        { phrase: '行政复议', tokens: [], ranking: { slice: () => ['d1', 'a2', 'b1', 'e2'].map((k, doc) => ({ doc, heading: heading(k) })) } },
                        0, 4)).map((r) => r.url[0]).join(''),
  };
  process.stdout.write(JSON.stringify(out));
})();
)JS";
  std::string out = RunClient(rows);
  auto j = nlohmann::json::parse(out.empty() ? "{}" : out);
  REQUIRE(j.size() == 13);
  // The top row holds the phrase in its title: shown as soon as it is in;
  // the rest (the text-only row after the other title row) when all are.
  CHECK(j["inOrder"] == "a | | cb | done");
  // Nothing before the top row is in.
  CHECK(j["lastFirst"] == "| | acb | done");
  CHECK(j["topSecond"] == "| a | cb | done");
  // A top row holding the phrase only in its text could still be passed by
  // a later row with the mark: nothing until all are in.
  CHECK(j["textFirst"] == "| cd | done");
  // Rows already certain after the first batch wait for the rest: two batches at most.
  CHECK(j["allTitles"] == "a | | ce | done");
  CHECK(j["twoEarly"] == "| ac | | eb | done");
  // A group that cannot be loaded fails the page, after the rows already shown.
  CHECK(j["failed"] == "a | | | failed");
  // No row has the ranking's heading mark, so none can hold a phrase of
  // Chinese characters in its title or a heading: a row holding it in its
  // text is placed once the rows above it are in; one without it waits for
  // the rows that might.
  CHECK(j["textOnly"] == "b | | df | done");
  CHECK(j["textOnlyLate"] == "| | bdf | done");
  // Of a phrase with Latin letters or digits the mark says nothing.
  CHECK(j["notChinese"] == "| gh | done");
  // A row titled with the query (the ranking's mark 2) is placed by its
  // mark: a row holding the phrase in its title waits for the titled rows
  // still to come, and none waits for it once it is in.
  CHECK(j["titledLate"] == "| | xac | done");
  CHECK(j["titledFirst"] == "x | | ac | done");
  CHECK(j["page"] == "aedb");
}

// Before it says it is ready, the client runs made-up queries through its own
// code (warmUp in search.js) so that the reader's first query does not run in
// the script engine's interpreter. The made-up index is encoded as index.cpp
// encodes a bucket, so the queries must find what it holds: every page for
// the common tokens, the listed pages of a rare one, a partial match; and no
// request may leave the page for it.
TEST_CASE(
    "search_index: the client marks a lone character of the query only where the text lacks the whole") {
  if (!HaveNode()) return;
  // The snippet's text with each marked range in brackets.
  const std::string out = RunClient(R"(const s = require(process.argv[2]);
const show = (t, q) => {
  const c = Array.from(t);
  let o = '', k = 0;
  for (const [a, b] of s.matchRanges(t, q, s.tokenize(q))) { o += c.slice(k, a).join('') + '[' + c.slice(a, b).join('') + ']'; k = b; }
  return o + c.slice(k).join('');
};
console.log(show('全年办理行政复议案件368件，2026年3月18日', '368件'));
console.log(show('2024年，区司法局2025年计划', '2024年'));
console.log(show('文号 测司〔2026〕3号，2026年3月印发', '测司〔2026〕3号'));
console.log(show('办理368宗，另有件', '368件'));
console.log(show('行政执法与行政复议', '行政复议'));
console.log(show('依法行政', '法'));
)");
  CHECK(out ==
        "全年办理行政复议案件[368件]，2026年3月18日\n"
        "[2024年]，区司法局2025年计划\n"
        "文号 [测司〔2026〕3号]，[2026]年3月印发\n"
        "办理[368]宗，另有[件]\n"  // without the whole, its characters are what matched
        "[行政]执法与[行政复议]\n"
        "依[法]行政\n");
}

TEST_CASE("search_index: the client warms up on a made-up index in memory, without a request") {
  if (!HaveNode()) return;
  const std::string warm = R"JS(
const s = require(process.argv[2]);
let requests = 0;
globalThis.fetch = () => { ++requests; return Promise.reject(new Error('no request expected')); };
const seen = [];
s.warmUp([['年度报告', 2], ['述法', 0], ['指标', 0], ['单位', 1], ['页面', 40]], (rows, r) => {
  seen.push([r.phrase, r.partial, r.count, rows.length, rows[0].snippet].join('|'));
}).then((made) => process.stdout.write(JSON.stringify({ made, seen, requests })),
        (e) => process.stdout.write(JSON.stringify({ error: String(e) })));
)JS";
  std::string out = RunClient(warm);
  auto j = nlohmann::json::parse(out.empty() ? "{}" : out);
  CAPTURE(out);
  REQUIRE(j.contains("made"));
  CHECK(j["made"] == nlohmann::json::array({10, 10, 10}));
  CHECK(j["requests"] == 0);
  REQUIRE(j["seen"].size() == 3);
  // Seven bigrams on all 4,096 made-up pages (bitmaps), with the sentence holding the phrase.
  CHECK(j["seen"][0] == "行政复议案件办理|false|4096|10|依法做好行政复议案件办理工作。");
  // A token listed on 500 pages only: a list intersected with bitmaps. The
  // snippet is the sentence holding it, the rarer token of the two.
  CHECK(j["seen"][1] == "复议 fazhi|false|500|10|fazhi 示例。");
  // Two of the tokens are in no page: the longest run found is shown, marked partial.
  CHECK(j["seen"][2] == "行政复议案件办理|true|4096|10|依法做好行政复议案件办理工作。");
}

}  // namespace
TEST_CASE(
    "search_index: long pages in groups of their own, handed over as they come, as serve lays them out, as "
    "the "
    "client finds them") {
  // As above, with known pages 0, 3, 6, 9, 12 and 21 long (as the site
  // expects them: a group of their own) and page 37, not known, long.
  std::vector<TestPage> pages = ManyPages(40);
  for (int p = 30; p < 33; ++p) pages[37].page.sections[0].text += pages[p].page.sections[0].text;
  pages[37].page.sections.push_back(
      {"more", "其他", "", pages[33].page.sections[0].text + pages[34].page.sections[0].text});
  std::vector<std::pair<std::string, int>> known;
  std::vector<bool> alone;
  for (int p = 0; p < 35; ++p) {
    known.emplace_back(pages[p].key, pages[p].kind);
    alone.push_back(p == 0 || p == 3 || p == 6 || p == 9 || p == 12 || p == 21);
  }
  std::vector<TestPage> come;
  for (int p = 39; p >= 0; --p) {
    if (p != 5) come.push_back(pages[p]);
  }
  Files streamed;
  std::mutex mu;
  SearchIndex built({"年度报告", "指标", "页面"}, {});
  built.Expect(known, {2, 2, 2}, alone, [&](const std::string& path, std::string bytes) {
    std::lock_guard<std::mutex> lock(mu);
    CHECK(streamed.emplace(path, std::move(bytes)).second);
  });
  PutAll(&built, come);
  // Kind 0 holds pages 0, 3, …, 33 (12 known: 0-4 long), then 36 and 39:
  // groups {0} {3} {6} {9} {12} {15 18} {21} {24 27} {30 33} {36 39}, the
  // last open (other modules' pages may join it) until Write.
  CHECK(streamed.count("search/p/0-0.json") == 1);
  CHECK(streamed.count("search/p/0-8.json") == 1);
  CHECK(streamed.count("search/p/0-9.json") == 0);
  Files files = WriteAll(&built);
  files.insert(streamed.begin(), streamed.end());
  CHECK(nlohmann::json::parse(files.at("search/p/0-5.json")).size() == 2);
  CHECK(nlohmann::json::parse(files.at("search/p/0-6.json")).size() == 1);
  CHECK(WriteServed(known, come, alone) == files);

  // Kind 0's pages 0, 3, 6, 9, 12 and 21 have groups of their own (its
  // pages 0-4 and 7: bits 0x9F);
  // kind 1's page 37, not known, by its metadata's length (local 12: bit 4
  // of the second byte).
  auto manifest = nlohmann::json::parse(files.at("search/manifest.json"));
  CHECK(manifest["kinds"][0] ==
        nlohmann::json::parse(R"(["年度报告",14,2,")" + Base64(std::string("\x9F\x00", 2)) + R"("])"));
  CHECK(manifest["kinds"][1] ==
        nlohmann::json::parse(R"(["指标",13,2,")" + Base64(std::string("\x00\x10", 2)) + R"("])"));
  CHECK(manifest["kinds"][2] == nlohmann::json::parse(R"(["页面",13,2])"));
  std::vector<std::string> expected;
  for (int kind = 0; kind < 3; ++kind) {
    for (int p = kind; p < 35; p += 3) expected.push_back(p == 5 ? "null" : UrlOf(pages[p].key));
    for (int p = 35 + (kind + 1) % 3; p < 40; p += 3) expected.push_back(UrlOf(pages[p].key));
  }
  CHECK(GroupUrls(files, 3) == expected);
  if (!HaveNode()) return;
  // The client finds each page's metadata where the builder put it.
  const std::string out = RunClient(
      "const s=require(process.argv[2]);const fs=require('fs');const d=process.argv[3]+'/search/';"
      "const m=JSON.parse(fs.readFileSync(d+'manifest.json','utf8'));"
      "const ix=new s.Index(m,p=>{const b=fs.readFileSync(d+p);"
      "return Promise.resolve(b.buffer.slice(b.byteOffset,b.byteOffset+b.length));});"
      "Promise.all([...Array(m.docs).keys()].map(d=>ix.meta(d).then(x=>x.url,()=>'null')))"
      ".then(u=>process.stdout.write(u.join('\\n')));",
      files);
  std::vector<std::string> found;
  for (size_t at = 0; at <= out.size();) {
    const size_t nl = std::min(out.find('\n', at), out.size());
    found.push_back(out.substr(at, nl - at));
    at = nl + 1;
  }
  CHECK(found == expected);
}

// A row whose metadata was cut where it lacks the query reads its page
// (pageRows), but only within the query's budget: on gen_mixed at 50,000
// pages a pasted sentence read three reports' pages, 162 KB, and loaded
// 458 KB in all.
TEST_CASE("search_index: the client reads a row's page only while the query stays within its bytes") {
  if (!HaveNode()) return;
  std::string long_text;
  while (long_text.size() < kSearchSectionBytes) long_text += "推进严格规范公正文明执法。";
  long_text += "另有来信45件。\n";
  auto pages_read = [&](size_t html_bytes) {
    SearchPage page = Page("工作动态", {{"", "", "", long_text}});
    page.html_bytes = html_bytes;
    const Files files = BuildAtUrls({{"news/long/", 2, page}});
    // (No DOMParser under node: a stub that finds no <main>, so the row
    // keeps its metadata; the reads are counted.)
    return RunClient(
        "const s=require(process.argv[2]);const fs=require('fs');const d=process.argv[3]+'/search/';"
        "globalThis.DOMParser=class{parseFromString(){return{querySelector:()=>null};}};"
        "const m=JSON.parse(fs.readFileSync(d+'manifest.json','utf8'));"
        "const ix=new s.Index(m,p=>{const b=fs.readFileSync(d+p);"
        "return Promise.resolve(b.buffer.slice(b.byteOffset,b.byteOffset+b.length));});"
        "let read=[];ix.loadPage=u=>{read.push(u);return Promise.resolve('<html></html>');};"
        "s.search(ix,'45件').then(r=>s.page(ix,r,0,10)).then(rows=>"
        "process.stdout.write(rows.map(x=>x.url).join(',')+' '+read.join(',')));",
        files);
  };
  CHECK(pages_read(20000) == "news/long/ news/long/");
  CHECK(pages_read(290000) == "news/long/ ");  // past LOAD_BYTES (280,000) with the files before it
}

// serve after an edit that makes a page long: its run's groups move, and
// those after them in its kind take other numbers, so other files.
TEST_CASE("search_index: serve rewrites the groups an edit moves, under their new numbers") {
  const std::vector<TestPage> pages = ManyPages(30);
  std::vector<std::pair<std::string, int>> known;
  for (const TestPage& p : pages) known.emplace_back(p.key, p.kind);
  std::vector<bool> alone(pages.size(), false);
  SearchIndex::Options kept;
  kept.updates = true;
  SearchIndex served({"年度报告", "指标", "页面"}, kept);
  served.Expect(known, {2, 2, 2}, alone, {});
  PutAll(&served, pages);
  Files store = WriteAll(&served);
  // Page 3 (kind 0's second) is now expected long: kind 0's groups {0 3}
  // {6 9} … become {0} {3} {6 9} ….
  alone[3] = true;
  served.SetGroupPages({2, 2, 2}, alone);
  Put(&served, pages[3]);
  for (auto& [path, bytes] : WriteAll(&served)) store[path] = std::move(bytes);
  const Files fresh = WriteServed(known, pages, alone);
  for (const auto& entry : fresh) {
    CHECK_MESSAGE(store.count(entry.first) == 1, entry.first);
    if (store.count(entry.first)) CHECK_MESSAGE(store.at(entry.first) == entry.second, entry.first);
  }
  CHECK(store.size() == fresh.size());
}

}  // namespace fazhi
