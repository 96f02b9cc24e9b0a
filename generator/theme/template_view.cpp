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

void SetMoved(View* parent, const std::string& key, View&& value) {
  // A placeholder that allocates nothing (View{} is an object: a new map,
  // copied by set()), replaced below.
  parent->set(key, View(View::type::bool_false));
  if (const View* slot = parent->get(key)) *const_cast<View*>(slot) = std::move(value);
}

void SetString(View* parent, const std::string& key, std::string value) {
  View s(View::type::string);  // holds a new, empty std::string of its own
  const_cast<std::string&>(s.string_value()) = std::move(value);
  SetMoved(parent, key, std::move(s));
}

void PushMoved(View* list, View&& item) {
  if (!list->is_list()) return;
  const_cast<kainjow::mustache::basic_list<std::string>&>(list->list_value()).push_back(std::move(item));
}

View ChromeView(const Site& site, const Urls& urls) {
  const Config& c = site.config;
  View v;
  SetString(&v, "lang", c.language);
  View s;
  SetString(&s, "title", c.title);
  SetString(&s, "description", c.description);
  SetString(&s, "sponsor", c.sponsor);
  SetString(&s, "contact", c.contact);
  SetString(&s, "home_url", urls.Rel("/"));
  SetString(&s, "as_of", c.as_of);
  SetMoved(&v, "site", std::move(s));
  v.set("root", urls.prefix());  // for static assets: {{root}}css/site.css

  View footer;
  FooterField(&footer, "sponsor", c.sponsor);
  FooterField(&footer, "contact", c.contact);
  FooterField(&footer, "site_code", c.footer.site_code);
  FooterField(&footer, "icp", c.footer.icp);
  FooterField(&footer, "psb_code", c.footer.psb_code);
  SetString(&footer, "psb_url", c.footer.psb_url);
  footer.set("has_psb_url", Flag(!c.footer.psb_url.empty()));
  SetString(&footer, "dzjg_url", c.footer.dzjg_url);
  footer.set("has_dzjg_url", Flag(!c.footer.dzjg_url.empty()));
  SetMoved(&v, "footer", std::move(footer));
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
    SetString(&item, "name", m.name);
    SetString(&item, "url", urls.Rel(m.url));
    bool current = m.url == site_url || (m.url != "/" && site_url.substr(0, m.url.size()) == m.url);
    item.set("current", Flag(current));
    PushMoved(&menu, std::move(item));
  }
  SetMoved(&v, "menu", std::move(menu));

  SetString(&v, "title", std::string(title));
  SetString(&v, "head_title",
            title.empty() || title == c.title ? c.title : std::string(title) + " - " + c.title);
  SetString(&v, "url", urls.Rel(site_url));
  SetString(&v, "canonical", urls.Abs(site_url));
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
    SetString(&c, "name", all[i].first);
    SetString(&c, "url", urls.Rel(all[i].second));
    c.set("current", Flag(i + 1 == all.size()));
    PushMoved(&list, std::move(c));
  }
  SetMoved(view, "breadcrumbs", std::move(list));
  view->set("has_breadcrumbs", Flag(true));
}

View PageItem(const Page& page, const Urls& urls) {
  View item;
  SetString(&item, "title", page.title);
  SetString(&item, "url", urls.Rel(page.url));
  SetString(&item, "date", page.date);
  SetString(&item, "date_cn", ChineseDate(page.date));
  // A report's own publication date is its `published`; `date` is when
  // this site put it up, and says so.
  SetString(&item, "date_label", page.kind == "report" ? "本站发布日期" : "发布日期");
  SetString(&item, "source", page.source);
  SetString(&item, "summary", page.description.empty() ? page.summary : page.description);
  return item;
}

View RecordFields(const Page& page, const Urls& urls) {
  const RecordMeta& m = page.record;
  View r;
  r.set("show_table", Flag(m.HasCatalogue()));
  SetString(&r, "index_no", m.index_no);
  SetString(&r, "issuer", m.issuer);
  SetString(&r, "topic", m.topic);
  SetString(&r, "doc_no", m.doc_no);
  r.set("has_written", Flag(!m.written.empty()));
  SetString(&r, "written", m.written);
  SetString(&r, "written_cn", ChineseDate(m.written));
  // 发布日期 in the catalogue is the item's publication: a report's stated
  // `published` (empty when the original states none), another page's date.
  const bool report = page.kind == "report";
  const std::string& published = report ? page.report.published : page.date;
  r.set("has_published", Flag(!published.empty()));
  SetString(&r, "published", published);
  SetString(&r, "published_cn", ChineseDate(published));
  r.set("on_time", Flag(report && page.report.compliance.on_time));
  SetString(&r, "deadline_cn", ChineseDate(page.report.compliance.deadline));
  r.set("site_date_differs", Flag(published != page.date));
  View lines{View::type::list};
  for (size_t i = 0; i < m.signature.size(); ++i) {
    View l("line", m.signature[i]);
    l.set("last", Flag(i + 1 == m.signature.size()));
    PushMoved(&lines, std::move(l));
  }
  SetMoved(&r, "signature", std::move(lines));
  r.set("has_signature", Flag(!m.signature.empty()));
  View files{View::type::list};
  for (const Attachment& a : m.attachments) {
    View f;
    SetString(&f, "url", urls.Rel(a.source.substr(std::string_view("content").size())));
    SetString(&f, "title", a.title);
    SetString(&f, "format", a.format);
    SetString(&f, "size", FormatFileSize(a.size));
    SetString(&f, "sha256", a.sha256);
    // A text file opens as a download: in the browser it would show in
    // whatever encoding the server guesses (a GBK file as mojibake).
    f.set("download", Flag(a.format == "TXT"));
    PushMoved(&files, std::move(f));
  }
  SetMoved(&r, "attachments", std::move(files));
  r.set("has_attachments", Flag(!m.attachments.empty()));
  return r;
}

View PageFields(const Site& site, const Page& page, const Urls& urls) {
  View p = PageItem(page, urls);
  SetString(&p, "permalink", urls.Abs(page.url));
  SetString(&p, "kind", page.kind);
  SetString(&p, "content", page.html);
  p.set("has_updated", Flag(!page.updated.empty()));
  SetString(&p, "updated", page.updated);
  SetString(&p, "updated_cn", ChineseDate(page.updated));
  SetString(&p, "description", page.description.empty() ? page.summary : page.description);

  View toc{View::type::list};
  for (const TocEntry& e : page.toc) {
    View t;
    SetString(&t, "id", e.id);
    SetString(&t, "text", e.text);
    SetString(&t, "level", std::to_string(e.level));
    PushMoved(&toc, std::move(t));
  }
  SetMoved(&p, "toc", std::move(toc));
  p.set("has_toc", Flag(page.toc.size() >= 2));

  View tags{View::type::list};
  for (const std::string& t : page.tags) {
    View tv("name", t);
    SetString(&tv, "url", urls.Rel("/tags/" + TermSlug(t) + "/"));
    PushMoved(&tags, std::move(tv));
  }
  SetMoved(&p, "tags", std::move(tags));
  p.set("has_tags", Flag(!page.tags.empty()));

  SetMoved(&p, "record", RecordFields(page, urls));
  p.set("is_report", Flag(page.kind == "report"));
  if (page.kind == "report") {
    View r;
    SetString(&r, "year", std::to_string(page.report.year));
    SetString(&r, "publisher", page.report.publisher);
    SetString(&r, "published", page.report.published);
    SetString(&r, "published_cn", ChineseDate(page.report.published));
    r.set("has_published", Flag(!page.report.published.empty()));
    SetString(&r, "original_url", page.report.original_url);
    r.set("has_original_url", Flag(!page.report.original_url.empty()));
    auto link = [&](int index, const char* key) {
      r.set(std::string("has_") + key, Flag(index >= 0));
      if (index >= 0) {
        View l;
        SetString(&l, "title", site.pages[index].title);
        SetString(&l, "year", std::to_string(site.pages[index].report.year));
        SetString(&l, "url", urls.Rel(site.pages[index].url));
        SetMoved(&r, key, std::move(l));
      }
    };
    const ReportCompliance& rc = page.report.compliance;
    View comp;
    SetString(&comp, "deadline", rc.deadline);
    SetString(&comp, "deadline_cn", ChineseDate(rc.deadline));
    comp.set("on_time", Flag(rc.on_time));
    comp.set("late", Flag(rc.late));
    comp.set("undated", Flag(rc.published.empty()));
    comp.set("complete", Flag(rc.complete));
    comp.set("excerpt", Flag(rc.excerpt));
    View items{View::type::list};
    for (const ReportItemStatus& i : rc.items) {
      View it;
      SetString(&it, "name", i.name);
      it.set("found", Flag(!i.heading_id.empty()));
      SetString(&it, "heading_id", i.heading_id);
      SetString(&it, "heading_text", i.heading_text);
      PushMoved(&items, std::move(it));
    }
    SetMoved(&comp, "items", std::move(items));
    SetMoved(&r, "compliance", std::move(comp));
    link(page.prev_in_series, "prev");
    link(page.next_in_series, "next");
    SetMoved(&p, "report", std::move(r));
  }
  return p;
}

}  // namespace fazhi
