#include "norms/compliance.h"

#include <map>

#include "core/content.h"
#include "core/suggest.h"
#include "norms/messages.h"

namespace fazhi {

const std::vector<RequiredItem>& RequiredReportItems() {
  static const std::vector<RequiredItem> kItems = {
      {"achievements", "主要举措和成效"},
      {"shortcomings", "不足和原因"},
      {"accountability", "党政主要负责人履行第一责任人职责情况"},
      {"next_year", "下一年度主要安排"},
      {"other", "其他需要报告的情况"},
  };
  return kItems;
}

namespace {

// Words by which a heading shows that it covers an item, in the wording
// districts actually use (DOMAIN.md §1, §5).
const std::vector<std::vector<std::string_view>>& ItemKeywords() {
  static const std::vector<std::vector<std::string_view>> kWords = {
      {"主要举措", "举措和成效", "主要成效", "工作成效"},
      {"不足", "存在的问题", "问题和原因"},
      {"第一责任人"},
      {"下一年度", "下一步", "主要安排", "工作安排", "工作打算", "工作计划"},
      {"其他需要报告", "其他事项"},
  };
  return kWords;
}

bool Contains(std::string_view s, std::string_view w) { return s.find(w) != std::string_view::npos; }

}  // namespace

ReportCompliance CheckReport(const Page& page, std::string_view text, Diagnostics* diags) {
  ReportCompliance rc;
  const std::string& path = page.source_path;
  const FmNode& root = page.fm.root;
  if (page.report.year > 0) rc.deadline = std::to_string(page.report.year + 1) + "-04-01";
  rc.published = page.report.published;
  if (rc.published.empty()) {
    const FmNode* year = root.Get("year");
    diags->Warning(path, year ? year->line : 1, year ? year->col : 1,
                   Message(msg::kReportNoPublished, rc.deadline), text);
  } else if (!rc.deadline.empty()) {
    rc.on_time = rc.published <= rc.deadline;
    rc.late = !rc.on_time;
    if (rc.late) {
      const FmNode* pub = root.Get("published");
      diags->Warning(path, pub ? pub->line : 1, pub ? pub->col : 1,
                     Message(msg::kReportLate, page.report.year, rc.published, rc.deadline), text);
    }
  }

  const auto& required = RequiredReportItems();
  for (const auto& r : required) rc.items.push_back({r.key, r.name, "", "", false});
  // A summary of part of a report (a republished excerpt, an example site's
  // digest) cannot show that the report lacks an item: nothing is looked for,
  // and the page says so instead of listing items as missing.
  rc.excerpt = page.report.excerpt;
  if (rc.excerpt) return rc;

  // Front matter mapping: items: {accountability: "一、推进法治政府建设的主要举措和成效"}.
  if (const FmNode* items = root.Get("items")) {
    if (!items->is_map()) {
      diags->Error(path, items->line, items->col, Message(msg::kReportItemsMap), text);
    } else {
      for (const FmField& f : items->fields) {
        size_t idx = required.size();
        for (size_t i = 0; i < required.size(); ++i) {
          if (f.key == required[i].key) idx = i;
        }
        if (idx == required.size()) {
          std::vector<std::string_view> keys;
          for (const auto& r : required) keys.push_back(r.key);
          std::string near = NearestName(f.key, keys);
          diags->Error(path, f.line, f.col,
                       near.empty() ? Message(msg::kReportUnknownItem, f.key)
                                    : Message(msg::kReportUnknownItemDidYouMean, f.key, near),
                       text);
          continue;
        }
        if (!f.value.is_scalar()) {
          diags->Error(path, f.value.line, f.value.col, Message(msg::kReportItemNotText, f.key), text);
          continue;
        }
        const TocEntry* hit = nullptr;
        for (const auto& t : page.toc) {
          if (t.text == f.value.scalar || t.id == f.value.scalar) {
            hit = &t;
            break;
          }
        }
        if (!hit) {
          diags->Error(path, f.value.line, f.value.col, Message(msg::kReportNoHeading, f.key, f.value.scalar),
                       text);
          continue;
        }
        rc.items[idx].heading_id = hit->id;
        rc.items[idx].heading_text = hit->text;
        rc.items[idx].mapped = true;
      }
    }
  }

  const auto& words = ItemKeywords();
  for (size_t i = 0; i < rc.items.size(); ++i) {
    if (!rc.items[i].heading_id.empty()) continue;
    for (const auto& t : page.toc) {
      bool match = false;
      for (std::string_view w : words[i]) match = match || Contains(t.text, w);
      if (match) {
        rc.items[i].heading_id = t.id;
        rc.items[i].heading_text = t.text;
        break;
      }
    }
    if (rc.items[i].heading_id.empty()) {
      diags->Warning(path, 1, 1, Message(msg::kReportLacksItem, required[i].name, required[i].key), text);
    }
  }
  rc.complete = true;
  for (const auto& i : rc.items) rc.complete = rc.complete && !i.heading_id.empty();
  return rc;
}

void ExplainUnopenedSections(const Site& site, const SourceTree& tree, Diagnostics* diags) {
  // Section folders with Markdown files, by name: their _index.md and the rest.
  std::map<std::string, std::vector<const SourceFile*>> folders;
  for (const SourceFile* f : tree.Under("content/", ".md")) {
    std::string_view rel = std::string_view(f->path).substr(8);
    size_t slash = rel.find('/');
    if (slash == std::string_view::npos) continue;  // a root page
    folders[std::string(rel.substr(0, slash))].push_back(f);
  }
  for (const auto& [name, files] : folders) {
    bool published = false;
    for (const Section& s : site.sections) published = published || s.name == name;
    if (published) continue;
    const SourceFile* index = nullptr;
    std::vector<std::string> drafts;
    for (const SourceFile* f : files) {
      if (f->path == "content/" + name + "/_index.md") {
        index = f;
      } else {
        drafts.push_back(f->path);
      }
    }
    if (drafts.empty()) continue;  // not opened yet: nothing to explain
    std::string title = DefaultSectionTitle(name);
    for (const UnopenedSection& u : site.unopened) {
      if (u.name == name) title = u.title;
    }
    const SourceFile* at = index ? index : files.front();
    diags->Warning(at->path, 1, 1,
                   Message(msg::kSectionOnlyDrafts, title, "/" + name + "/", Message::List(drafts)),
                   at->text);
  }
}

}  // namespace fazhi
