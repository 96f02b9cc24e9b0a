#include "site/embed.h"

#include <nlohmann/json.hpp>

namespace fazhi {
namespace {

std::string Unescape(std::string s) {
  for (auto [from, to] :
       {std::pair{"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&#39;", "'"}, {"&amp;", "&"}}) {
    for (size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + 1)) {
      s.replace(at, std::string_view(from).size(), to);
    }
  }
  return s;
}

std::string Between(const std::string& html, const std::string& open, const std::string& close) {
  size_t a = html.find(open);
  if (a == std::string::npos) return "";
  a = html.find('>', a);
  if (a == std::string::npos) return "";
  size_t b = html.find(close, a + 1);
  return b == std::string::npos ? "" : html.substr(a + 1, b - a - 1);
}

}  // namespace

std::string MainFragment(const std::string& html) { return Between(html, "<main", "</main>"); }

bool EmbedSink::Put(const std::string& path, std::string bytes) {
  const std::string suffix = "index.html";
  bool page =
      path.size() >= suffix.size() && path.compare(path.size() - suffix.size(), suffix.size(), suffix) == 0;
  if (page && path.rfind("embed/", 0) != 0) {
    std::string fragment = MainFragment(bytes);
    if (!fragment.empty()) {
      Body b{Unescape(Between(bytes, "<title", "</title>")), std::move(fragment)};
      std::lock_guard<std::mutex> lock(mu_);
      bodies_[path] = std::move(b);
    }
  }
  return inner_->Put(path, std::move(bytes));
}

bool EmbedSink::Finish(const Site& site) {
  std::map<std::string, const Page*> pages;
  for (const Page& p : site.pages) pages[p.output_path] = &p;
  nlohmann::ordered_json items = nlohmann::ordered_json::array();
  bool ok = true;
  for (auto& [path, body] : bodies_) {  // sorted by path
    std::string url = "/" + path.substr(0, path.size() - std::string("index.html").size());
    nlohmann::ordered_json it;
    it["url"] = url;
    it["fragment"] = "embed/" + path;
    auto p = pages.find(path);
    if (p != pages.end()) {
      const Page& pg = *p->second;
      it["title"] = pg.title;
      it["kind"] = pg.kind;
      it["section"] = pg.section;
      it["date"] = pg.date;
      it["updated"] = pg.updated;
      it["source"] = pg.source;
      it["summary"] = pg.summary;
      if (pg.kind == "report") {
        it["year"] = pg.report.year;
        it["publisher"] = pg.report.publisher;
        it["unit"] = pg.report.unit;
        it["published"] = pg.report.published;
        it["original_url"] = pg.report.original_url;
      }
    } else {
      it["title"] = body.title;
      it["kind"] = "generated";
    }
    items.push_back(it);
    ok = inner_->Put("embed/" + path, std::move(body.fragment)) && ok;
  }
  nlohmann::ordered_json feed;
  feed["title"] = site.config.title;
  feed["base_url"] = site.config.base_url;
  feed["items"] = items;
  return inner_->Put("embed/feed.json", feed.dump(2) + "\n") && ok;
}

}  // namespace fazhi
