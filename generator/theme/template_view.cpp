#include "theme/template_view.h"

#include "core/web.h"
#include "theme/head_meta.h"

namespace fazhi {
namespace {

constexpr const char* kToBeFilled = "待填";

// A footer identifier: its value, or the 待填 placeholder and a flag so the
// theme can mark it visibly. Never an invented number.
void FooterField(View* footer, const std::string& key, const std::string& value) {
  footer->set(key, value.empty() ? kToBeFilled : value);
  footer->set(key + "_missing", Flag(value.empty()));
}

}  // namespace

Urls::Urls(const std::string& base_url) {
  std::string b = base_url.empty() ? "/" : base_url;
  size_t scheme = b.find("://");
  if (scheme != std::string::npos) {
    size_t path = b.find('/', scheme + 3);
    origin_ = b.substr(0, path);
    prefix_ = path == std::string::npos ? "/" : b.substr(path);
  } else {
    prefix_ = b;
  }
  if (prefix_.empty() || prefix_[0] != '/') prefix_ = "/" + prefix_;
  if (prefix_.back() != '/') prefix_ += '/';
}

std::string Urls::Rel(std::string_view site_url) const {
  if (site_url.empty() || site_url[0] != '/') return std::string(site_url);  // external or fragment
  return prefix_ + std::string(site_url.substr(1));
}

std::string Urls::Abs(std::string_view site_url) const { return origin_ + Rel(site_url); }

std::string ChineseDate(std::string_view iso) {
  if (iso.size() != 10) return std::string(iso);
  auto num = [&](size_t pos, size_t len) {
    return std::to_string(std::stoi(std::string(iso.substr(pos, len))));
  };
  return std::string(iso.substr(0, 4)) + "年" + num(5, 2) + "月" + num(8, 2) + "日";
}

View ChromeView(const Site& site, const Theme& theme, const Urls& urls) {
  const Config& c = site.config;
  View v;
  v.set("lang", c.language);
  View s;
  s.set("title", c.title);
  s.set("description", c.description);
  s.set("sponsor", c.sponsor);
  s.set("contact", c.contact);
  s.set("home_url", urls.Rel("/"));
  s.set("as_of", c.as_of);
  v.set("site", std::move(s));
  v.set("root", urls.prefix());  // for static assets: {{root}}css/site.css{{asset_query}}
  v.set("asset_query", theme.asset_query());

  View footer;
  FooterField(&footer, "sponsor", c.sponsor);
  FooterField(&footer, "contact", c.contact);
  FooterField(&footer, "site_code", c.footer.site_code);
  FooterField(&footer, "icp", c.footer.icp);
  FooterField(&footer, "psb_code", c.footer.psb_code);
  footer.set("psb_url", c.footer.psb_url);
  footer.set("has_psb_url", Flag(!c.footer.psb_url.empty()));
  footer.set("dzjg_url", c.footer.dzjg_url);
  footer.set("has_dzjg_url", Flag(!c.footer.dzjg_url.empty()));
  v.set("footer", std::move(footer));
  return v;
}

View BaseView(const Site& site, const Urls& urls, std::string_view site_url, std::string_view title,
              const HeadMeta* head) {
  const Config& c = site.config;
  View v;
  View menu{View::type::list};
  for (const MenuItem& m : c.menu) {
    // A section not opened yet (no page published) has no menu entry yet.
    bool unopened = false;
    for (const UnopenedSection& u : site.unopened) unopened = unopened || m.url == u.url;
    if (unopened) continue;
    View item;
    item.set("name", m.name);
    item.set("url", urls.Rel(m.url));
    bool current = m.url == site_url || (m.url != "/" && site_url.substr(0, m.url.size()) == m.url);
    item.set("current", Flag(current));
    menu.push_back(std::move(item));
  }
  v.set("menu", std::move(menu));

  v.set("title", std::string(title));
  v.set("head_title", title.empty() || title == c.title ? c.title : std::string(title) + " - " + c.title);
  v.set("url", urls.Rel(site_url));
  v.set("canonical", urls.Abs(site_url));
  v.set("head_meta", RenderHeadMeta(head ? *head
                                         : HeadMeta{c.base_url, std::string(site_url),
                                                    title.empty() ? c.title : std::string(title), c.title,
                                                    c.description, false, "", c.language}));
  v.set("is_home", Flag(site_url == "/"));
  v.set("breadcrumbs", View{View::type::list});
  v.set("has_breadcrumbs", Flag(false));
  return v;
}

void SetBreadcrumbs(View* view, const Urls& urls,
                    const std::vector<std::pair<std::string, std::string>>& crumbs) {
  View list{View::type::list};
  std::vector<std::pair<std::string, std::string>> all = {{"首页", "/"}};
  all.insert(all.end(), crumbs.begin(), crumbs.end());
  for (size_t i = 0; i < all.size(); ++i) {
    View c;
    c.set("name", all[i].first);
    c.set("url", urls.Rel(all[i].second));
    c.set("current", Flag(i + 1 == all.size()));
    list.push_back(std::move(c));
  }
  view->set("breadcrumbs", std::move(list));
  view->set("has_breadcrumbs", Flag(true));
}

View PageItem(const Page& page, const Urls& urls) {
  View item;
  // The page's own strings are borrowed: the page outlives every view.
  item.set("title", View::Borrow(page.title));
  item.set("url", urls.Rel(page.url));
  item.set("date", View::Borrow(page.date));
  item.set("date_cn", ChineseDate(page.date));
  // A report's own publication date is its `published`; `date` is when
  // this site put it up, and says so.
  item.set("date_label", page.kind == "report" ? "本站发布日期" : "发布日期");
  item.set("source", View::Borrow(page.source));
  item.set("summary", View::Borrow(page.description.empty() ? page.summary : page.description));
  return item;
}

View RecordFields(const Page& page, const Urls& urls) {
  const RecordMeta& m = page.record;
  View r;
  r.set("show_table", Flag(m.HasCatalogue()));
  r.set("index_no", View::Borrow(m.index_no));
  r.set("issuer", View::Borrow(m.issuer));
  r.set("topic", View::Borrow(m.topic));
  r.set("doc_no", View::Borrow(m.doc_no));
  r.set("has_index_no", Flag(!m.index_no.empty()));
  r.set("has_doc_no", Flag(!m.doc_no.empty()));
  r.set("has_written", Flag(!m.written.empty()));
  r.set("written", View::Borrow(m.written));
  r.set("written_cn", ChineseDate(m.written));
  // 发布日期 in the catalogue is the item's publication: a report's stated
  // `published` (empty when the original states none), another page's date.
  const bool report = page.kind == "report";
  const std::string& published = report ? page.report.published : page.date;
  r.set("has_published", Flag(!published.empty()));
  r.set("published", View::Borrow(published));
  r.set("published_cn", ChineseDate(published));
  r.set("on_time", Flag(report && page.report.compliance.on_time));
  r.set("deadline_cn", ChineseDate(page.report.compliance.deadline));
  r.set("site_date_differs", Flag(published != page.date));
  View lines{View::type::list};
  for (size_t i = 0; i < m.signature.size(); ++i) {
    View l("line", View::Borrow(m.signature[i]));
    l.set("last", Flag(i + 1 == m.signature.size()));
    lines.push_back(std::move(l));
  }
  r.set("signature", std::move(lines));
  r.set("has_signature", Flag(!m.signature.empty()));
  View files{View::type::list};
  for (const Attachment& a : m.attachments) {
    View f;
    f.set("url", urls.Rel(a.source.substr(std::string_view("content").size())));
    f.set("title", a.title);
    f.set("format", a.format);
    f.set("size", FormatFileSize(a.size));
    f.set("sha256", a.sha256);
    // A text file opens as a download: in the browser it would show in
    // whatever encoding the server guesses (a GBK file as mojibake).
    f.set("download", Flag(a.format == "TXT"));
    files.push_back(std::move(f));
  }
  r.set("attachments", std::move(files));
  r.set("has_attachments", Flag(!m.attachments.empty()));
  return r;
}

View PageFields(const Site& site, const Page& page, const Urls& urls) {
  View p = PageItem(page, urls);
  p.set("permalink", urls.Abs(page.url));
  p.set("kind", View::Borrow(page.kind));
  p.set("content", View::Borrow(page.html));
  p.set("has_updated", Flag(!page.updated.empty()));
  p.set("updated", View::Borrow(page.updated));
  p.set("updated_cn", ChineseDate(page.updated));
  p.set("description", View::Borrow(page.description.empty() ? page.summary : page.description));

  View toc{View::type::list};
  for (const TocEntry& e : page.toc) {
    View t;
    t.set("id", View::Borrow(e.id));
    t.set("text", View::Borrow(e.text));
    t.set("level", std::to_string(e.level));
    toc.push_back(std::move(t));
  }
  p.set("toc", std::move(toc));
  p.set("has_toc", Flag(page.toc.size() >= 2));

  View tags{View::type::list};
  for (const std::string& t : page.tags) {
    View tv("name", View::Borrow(t));
    tv.set("url", urls.Rel("/tags/" + TermSlug(t) + "/"));
    tags.push_back(std::move(tv));
  }
  p.set("tags", std::move(tags));
  p.set("has_tags", Flag(!page.tags.empty()));

  p.set("record", RecordFields(page, urls));
  p.set("is_report", Flag(page.kind == "report"));
  if (page.kind == "report") {
    View r;
    r.set("year", std::to_string(page.report.year));
    r.set("publisher", page.report.publisher);
    r.set("published", page.report.published);
    r.set("published_cn", ChineseDate(page.report.published));
    r.set("has_published", Flag(!page.report.published.empty()));
    r.set("original_url", page.report.original_url);
    r.set("has_original_url", Flag(!page.report.original_url.empty()));
    auto link = [&](int index, const char* key) {
      r.set(std::string("has_") + key, Flag(index >= 0));
      if (index >= 0) {
        View l;
        l.set("title", site.pages[index].title);
        l.set("year", std::to_string(site.pages[index].report.year));
        l.set("url", urls.Rel(site.pages[index].url));
        r.set(key, std::move(l));
      }
    };
    const ReportCompliance& rc = page.report.compliance;
    View comp;
    comp.set("deadline", rc.deadline);
    comp.set("deadline_cn", ChineseDate(rc.deadline));
    comp.set("on_time", Flag(rc.on_time));
    comp.set("late", Flag(rc.late));
    comp.set("undated", Flag(rc.published.empty()));
    comp.set("complete", Flag(rc.complete));
    comp.set("excerpt", Flag(rc.excerpt));
    View items{View::type::list};
    for (const ReportItemStatus& i : rc.items) {
      View it;
      it.set("name", i.name);
      it.set("found", Flag(!i.heading_id.empty()));
      it.set("heading_id", i.heading_id);
      it.set("heading_text", i.heading_text);
      items.push_back(std::move(it));
    }
    comp.set("items", std::move(items));
    r.set("compliance", std::move(comp));
    link(page.prev_in_series, "prev");
    link(page.next_in_series, "next");
    p.set("report", std::move(r));
  }
  return p;
}

}  // namespace fazhi
