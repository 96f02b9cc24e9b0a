#include "profiles/model.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <map>

#include "core/content.h"
#include "core/suggest.h"
#include "profiles/messages.h"

namespace fazhi {
namespace {

bool Contains(const std::vector<std::string>& v, std::string_view s) {
  for (const std::string& x : v) {
    if (x == s) return true;
  }
  return false;
}

// The allowed value an editor most likely meant: a typo away, one that
// contains what was typed or is contained in it (部门 → 区直部门), or the
// status a common synonym stands for (已整改 → 已完成).
std::string NearestChoice(std::string_view typed, const std::vector<std::string>& allowed) {
  static const std::pair<std::string_view, std::string_view> kSynonyms[] = {
      {"已整改", "已完成"},   {"完成", "已完成"},   {"已办结", "已完成"}, {"整改完成", "已完成"},
      {"正在整改", "整改中"}, {"进行中", "整改中"}, {"未整改", "未开始"}, {"尚未开始", "未开始"},
  };
  for (const auto& [synonym, meant] : kSynonyms) {
    if (typed == synonym && Contains(allowed, meant)) return std::string(meant);
  }
  std::vector<std::string_view> names(allowed.begin(), allowed.end());
  std::string near = NearestName(typed, names);
  if (!near.empty()) return near;
  std::string found;
  for (const std::string& a : allowed) {
    bool related = a.find(typed) != std::string::npos || typed.find(a) != std::string_view::npos;
    if (related && !typed.empty() && !a.empty()) {
      if (!found.empty()) return "";  // more than one: no guess
      found = a;
    }
  }
  return found;
}

// Reads the text of a key every profile (or item) must have. At the top level
// a missing key is reported at 1:1 like the core's required keys; inside a
// list item it is reported at the item.
class Reader {
 public:
  Reader(const SourceFile& f, Diagnostics* diags) : f_(f), diags_(diags) {}

  bool Required(const FmNode& map, std::string_view key, const MessageText* gloss, const MessageText* what,
                std::string* out) {
    if (!FmString(f_, map, key, out, diags_)) return false;
    if (!out->empty()) return true;
    if (!what) {
      diags_->Error(f_.path, 1, 1,
                    gloss ? Message(msg::kProfileMissingKeyGloss, key, Message(*gloss))
                          : Message(msg::kProfileMissingKey, key),
                    f_.text);
    } else {
      diags_->Error(f_.path, map.line, map.col,
                    gloss ? Message(msg::kItemMissingKeyGloss, Message(*what), key, Message(*gloss))
                          : Message(msg::kItemMissingKey, Message(*what), key),
                    f_.text);
    }
    return false;
  }

  /// `value` (read from `key` of `map`) must be one of `allowed`; `list` is
  /// the message naming them (with where to change the list, if anywhere).
  bool OneOf(const FmNode& map, std::string_view key, const std::string& value,
             const std::vector<std::string>& allowed, const MessageText& list = msg::kNotOneOf) {
    if (value.empty() || Contains(allowed, value)) return true;
    const FmNode* n = map.Get(key);
    std::string near = NearestChoice(value, allowed);
    diags_->Error(f_.path, n ? n->line : 1, n ? n->col : 1,
                  near.empty() ? Message(list, key, value, Message::List(allowed))
                               : Message(msg::kNotOneOfDidYouMean, key, value, near),
                  f_.text);
    return false;
  }

  /// The maps of the list at `key` (missing: empty). Reports a non-list or a
  /// non-map item.
  std::vector<const FmNode*> Maps(const FmNode& map, std::string_view key) {
    std::vector<const FmNode*> out;
    const FmNode* n = map.Get(key);
    if (!n || n->kind == FmNode::Kind::kNull) return out;
    if (!n->is_list()) {
      Error(*n, Message(msg::kMustBeMapList, key));
      return out;
    }
    for (const FmNode& item : n->items) {
      if (!item.is_map()) {
        Error(item, Message(msg::kItemMustBeMap, key));
        continue;
      }
      out.push_back(&item);
    }
    return out;
  }

  void Error(const FmNode& at, Message m) { diags_->Error(f_.path, at.line, at.col, std::move(m), f_.text); }

  void Keys(const FmNode& map, const std::vector<std::string_view>& known) {
    CheckKnownKeys(f_, map, known, diags_);
  }

  const SourceFile& file() const { return f_; }
  Diagnostics* diags() const { return diags_; }

 private:
  const SourceFile& f_;
  Diagnostics* diags_;
};

bool ReadYear(Reader& r, const FmNode& map, const MessageText* what, int* out) {
  long year = 0;
  if (!FmInt(r.file(), map, "year", &year, r.diags())) return false;
  const FmNode* n = map.Get("year");
  if (!n || n->kind == FmNode::Kind::kNull) {
    if (!what) {
      r.diags()->Error(r.file().path, 1, 1,
                       Message(msg::kProfileMissingKeyGloss, "year", Message(msg::kGlossYear)),
                       r.file().text);
    } else {
      r.Error(map, Message(msg::kItemMissingKey, Message(*what), "year"));
    }
    return false;
  }
  if (year < 1900 || year > 2100) {
    r.Error(*n, Message(msg::kProfileYearRange, n->scalar));
    return false;
  }
  *out = static_cast<int>(year);
  return true;
}

void ReadDuties(Reader& r, const FmNode& root, std::vector<DutyItem>* out) {
  for (const std::string& d : DefaultDutyItems()) out->push_back({d, "", ""});
  std::map<std::string, const FmNode*> seen;
  for (const FmNode* m : r.Maps(root, "duties")) {
    r.Keys(*m, {"item", "evidence", "source"});
    DutyItem d;
    if (!r.Required(*m, "item", nullptr, &msg::kWhatDuty, &d.item)) continue;
    FmString(r.file(), *m, "evidence", &d.evidence, r.diags());
    FmString(r.file(), *m, "source", &d.source, r.diags());
    if (!seen.emplace(d.item, m).second) {
      r.Error(*m, Message(msg::kDutyTwice, d.item));
      continue;
    }
    bool merged = false;
    for (DutyItem& existing : *out) {
      if (existing.item == d.item) {
        existing = d;
        merged = true;
      }
    }
    if (!merged) out->push_back(d);
  }
}

void ReadEvaluation(Reader& r, const FmNode& root, Evaluation* out) {
  const FmNode* n = root.Get("evaluation");
  if (!n || n->kind == FmNode::Kind::kNull) return;
  if (!n->is_map()) {
    r.Error(*n, Message(msg::kEvaluationMap));
    return;
  }
  r.Keys(*n, {"comment", "rating", "by", "source"});
  FmString(r.file(), *n, "comment", &out->comment, r.diags());
  FmString(r.file(), *n, "rating", &out->rating, r.diags());
  FmString(r.file(), *n, "by", &out->by, r.diags());
  FmString(r.file(), *n, "source", &out->source, r.diags());
  if (out->present() && out->source.empty()) {
    r.Error(*n, Message(msg::kEvaluationSource));
  }
}

void ReadRectification(Reader& r, const FmNode& root, const ProfileRules& rules,
                       std::vector<RectificationItem>* out) {
  for (const FmNode* m : r.Maps(root, "rectification")) {
    r.Keys(*m, {"problem", "measure", "owner", "deadline", "status", "completed", "basis"});
    RectificationItem it;
    bool ok = r.Required(*m, "problem", &msg::kGlossProblem, &msg::kWhatRectification, &it.problem);
    ok = r.Required(*m, "status", &msg::kGlossStatus, &msg::kWhatRectification, &it.status) && ok;
    ok = r.OneOf(*m, "status", it.status, RectificationStatuses()) && ok;
    FmString(r.file(), *m, "measure", &it.measure, r.diags());
    FmString(r.file(), *m, "owner", &it.owner, r.diags());
    FmString(r.file(), *m, "basis", &it.basis, r.diags());
    ok = FmDate(r.file(), *m, "deadline", &it.deadline, r.diags()) && ok;
    const FmNode* done = m->Get("completed");
    if (done && done->is_scalar() && done->scalar == kCompletedUnstated) {
      it.completed_unstated = true;
    } else {
      ok = FmDate(r.file(), *m, "completed", &it.completed, r.diags()) && ok;
    }
    if (ok && it.status == kStatusDone && it.completed.empty() && !it.completed_unstated) {
      // The page would state a finished rectification with nothing to date it.
      r.Error(*m->Get("status"), Message(msg::kDoneWithoutDate));
      ok = false;
    }
    if ((!it.completed.empty() || it.completed_unstated) && it.status != kStatusDone) {
      r.Error(*m->Get("completed"), Message(msg::kCompletedButStatus, it.status, kStatusDone));
      ok = false;
    }
    it.overdue = ok && !it.deadline.empty() && !rules.as_of.empty() && it.deadline < rules.as_of &&
                 it.status != kStatusDone;
    out->push_back(it);
  }
}

void ReadLinks(Reader& r, const FmNode& root, std::vector<ProfileLink>* out) {
  for (const FmNode* m : r.Maps(root, "links")) {
    r.Keys(*m, {"title", "url", "kind"});
    ProfileLink l;
    bool ok = r.Required(*m, "title", nullptr, &msg::kWhatLink, &l.title);
    ok = r.Required(*m, "url", nullptr, &msg::kWhatLink, &l.url) && ok;
    FmString(r.file(), *m, "kind", &l.kind, r.diags());
    if (l.kind.empty()) l.kind = "source";
    ok = r.OneOf(*m, "kind", l.kind, {"source", "media"}) && ok;
    if (ok) out->push_back(l);
  }
}

}  // namespace

const std::vector<std::string>& RectificationStatuses() {
  static const std::vector<std::string> s = {"未开始", "整改中", "已完成"};
  return s;
}

const std::vector<std::string>& DefaultDutyItems() {
  static const std::vector<std::string> d = {"重要工作亲自部署", "重大问题亲自过问", "重点环节亲自协调",
                                             "重要任务亲自督办"};
  return d;
}

const std::vector<std::string_view>& ProfileKeys() {
  static const std::vector<std::string_view> k = {
      "unit", "unit_slug", "unit_type", "post",   "name",       "name_source",   "year",  "held",
      "form", "occasion",  "sample",    "duties", "evaluation", "rectification", "links", "indicators"};
  return k;
}

int Cohort::total() const {
  int t = 0;
  for (const CohortGroup& g : groups) t += g.count;
  return t;
}

std::string UnitPageUrl(std::string_view slug) { return "/units/" + std::string(slug) + "/"; }

std::string UnitSlug(std::string_view unit, std::string_view explicit_slug) {
  std::string s(explicit_slug.empty() ? unit : explicit_slug);
  for (char& c : s) {
    if (c == '/' || c == ' ' || c == '\t' || c == '?' || c == '#' || c == '%') c = '-';
  }
  return s;
}

bool ParseProfile(const SourceFile& file, const FrontMatter& fm, const ProfileRules& rules, Profile* out,
                  Diagnostics* diags) {
  size_t before = diags->error_count();
  Reader r(file, diags);
  const FmNode& root = fm.root;
  std::vector<std::string_view> known = rules.other_keys;
  known.insert(known.end(), ProfileKeys().begin(), ProfileKeys().end());
  r.Keys(root, known);

  out->source_path = file.path;
  r.Required(root, "unit", &msg::kGlossUnit, nullptr, &out->unit);
  if (r.Required(root, "unit_type", &msg::kGlossUnitType, nullptr, &out->unit_type)) {
    r.OneOf(root, "unit_type", out->unit_type, rules.vocab.unit_types, msg::kNotOneOfUnitTypes);
  }
  r.Required(root, "post", &msg::kGlossPost, nullptr, &out->post);
  ReadYear(r, root, nullptr, &out->year);
  // The form is often not published for one head (a report gives counts):
  // left out, the page says 未载明 rather than guess.
  FmString(file, root, "form", &out->form, diags);
  if (!out->form.empty()) r.OneOf(root, "form", out->form, rules.vocab.forms, msg::kNotOneOfForms);
  FmString(file, root, "occasion", &out->occasion, diags);
  // 述法 accounts for the year's duty: it is held in that year or after it.
  if (FmDate(file, root, "held", &out->held, diags) && out->year > 0 && out->held.size() >= 4 &&
      std::atoi(out->held.substr(0, 4).c_str()) < out->year) {
    r.Error(*root.Get("held"), Message(msg::kHeldBeforeYear, out->held, std::to_string(out->year)));
  }
  FmBool(file, root, "sample", &out->sample, diags);

  std::string slug;
  FmString(file, root, "unit_slug", &slug, diags);
  if (slug.find_first_of("/?#% \t") != std::string::npos) {
    r.Error(*root.Get("unit_slug"), Message(msg::kUnitSlugChars, slug));
  }
  out->unit_slug = UnitSlug(out->unit, slug);
  const FmNode* at = root.Get(slug.empty() ? "unit" : "unit_slug");
  if (at) {
    out->unit_line = at->line;
    out->unit_col = at->col;
  }

  FmString(file, root, "name", &out->name, diags);
  FmString(file, root, "name_source", &out->name_source, diags);
  if (!out->name.empty() && out->name_source.empty()) {
    r.Error(*root.Get("name"), Message(msg::kNameNeedsSource));
  }

  ReadDuties(r, root, &out->duties);
  ReadEvaluation(r, root, &out->evaluation);
  ReadRectification(r, root, rules, &out->rectification);
  ReadLinks(r, root, &out->links);
  if (FmStringList(file, root, "indicators", &out->indicators, diags)) {
    const FmNode* n = root.Get("indicators");
    if (n && n->is_list()) {
      for (const FmNode& item : n->items) out->indicator_pos.push_back({item.line, item.col});
    } else if (n && n->is_scalar()) {
      out->indicator_pos.push_back({n->line, n->col});
    }
  }

  std::string_view body = std::string_view(file.text).substr(std::min(fm.body_offset, file.text.size()));
  out->sections = FindSections(body, fm.body_first_line, rules.vocab.sections);
  return diags->error_count() == before;
}

bool ParseCohorts(const SourceFile& file, const FrontMatter& fm, const ProfileRules& rules,
                  std::vector<Cohort>* out, Diagnostics* diags) {
  size_t before = diags->error_count();
  Reader r(file, diags);
  std::vector<std::string_view> known = rules.other_keys;
  known.push_back("cohorts");
  r.Keys(fm.root, known);
  for (const FmNode* m : r.Maps(fm.root, "cohorts")) {
    r.Keys(*m, {"year", "form", "occasion", "source", "note", "groups"});
    Cohort c;
    c.path = file.path;
    ReadYear(r, *m, &msg::kWhatCohort, &c.year);
    if (r.Required(*m, "form", &msg::kGlossForm, &msg::kWhatCohort, &c.form)) {
      r.OneOf(*m, "form", c.form, rules.vocab.forms, msg::kNotOneOfForms);
    }
    FmString(file, *m, "occasion", &c.occasion, diags);
    FmString(file, *m, "source", &c.source, diags);
    FmString(file, *m, "note", &c.note, diags);
    std::vector<const FmNode*> groups = r.Maps(*m, "groups");
    if (groups.empty() && !m->Get("groups"))
      r.Error(*m, Message(msg::kItemMissingKey, Message(msg::kWhatCohort), "groups"));
    for (const FmNode* g : groups) {
      r.Keys(*g, {"unit_type", "label", "count", "indicator"});
      CohortGroup cg;
      cg.line = g->line;
      cg.col = g->col;
      FmString(file, *g, "indicator", &cg.indicator, diags);
      FmString(file, *g, "unit_type", &cg.unit_type, diags);
      FmString(file, *g, "label", &cg.label, diags);
      if (cg.unit_type.empty() && cg.label.empty()) {
        r.Error(*g, Message(msg::kGroupNeedsTypeOrLabel));
      }
      r.OneOf(*g, "unit_type", cg.unit_type, rules.vocab.unit_types, msg::kNotOneOfUnitTypes);
      long count = -1;
      if (FmInt(file, *g, "count", &count, diags)) {
        if (!g->Get("count")) {
          r.Error(*g, Message(msg::kItemMissingKey, Message(msg::kWhatGroup), "count"));
        } else if (count < 0) {
          r.Error(*g->Get("count"), Message(msg::kCountNegative));
        } else {
          cg.count = static_cast<int>(count);
        }
      }
      c.groups.push_back(cg);
    }
    out->push_back(c);
  }
  return diags->error_count() == before;
}

std::vector<ProfileSection> FindSections(std::string_view body, int body_first_line,
                                         const std::vector<std::string>& names) {
  std::vector<ProfileSection> out;
  out.reserve(names.size());
  for (const std::string& n : names) out.push_back({n, "", 0});
  std::string_view fence;
  int line = body_first_line;
  size_t pos = 0;
  while (pos < body.size()) {
    size_t nl = body.find('\n', pos);
    size_t end = nl == std::string_view::npos ? body.size() : nl;
    std::string_view l = body.substr(pos, end - pos);
    if (!l.empty() && l.back() == '\r') l.remove_suffix(1);
    std::string_view t = l.substr(std::min(l.find_first_not_of(' '), l.size()));
    if (!fence.empty()) {
      if (t.starts_with(fence)) fence = {};
    } else if (t.starts_with("```") || t.starts_with("~~~")) {
      fence = t.substr(0, 3);
    } else if (t.starts_with("#")) {
      size_t hashes = t.find_first_not_of('#');
      if (hashes != std::string_view::npos && hashes <= 6 && t[hashes] == ' ') {
        std::string_view text = t.substr(hashes + 1);
        while (!text.empty() && (text.back() == '#' || text.back() == ' ')) text.remove_suffix(1);
        for (ProfileSection& s : out) {
          if (s.line == 0 && text.find(s.name) != std::string_view::npos) {
            s.heading = std::string(text);
            s.line = line;
            break;
          }
        }
      }
    }
    if (nl == std::string_view::npos) break;
    pos = nl + 1;
    ++line;
  }
  return out;
}

bool CheckUnits(const std::vector<Profile>& profiles, const SourceTree& tree, Diagnostics* diags) {
  size_t before = diags->error_count();
  std::map<std::string, const Profile*> by_unit, by_slug;
  for (const Profile& p : profiles) {
    const SourceFile* f = tree.Find(p.source_path);
    std::string_view text = f ? std::string_view(f->text) : std::string_view();
    auto [u, new_unit] = by_unit.emplace(p.unit, &p);
    if (!new_unit && u->second->unit_slug != p.unit_slug) {
      diags->Error(
          p.source_path, p.unit_line, p.unit_col,
          Message(msg::kUnitSlugDiffers, p.unit, u->second->unit_slug, u->second->source_path, p.unit_slug),
          text);
      continue;
    }
    auto [s, new_slug] = by_slug.emplace(p.unit_slug, &p);
    if (!new_slug && s->second->unit != p.unit) {
      diags->Error(p.source_path, p.unit_line, p.unit_col,
                   Message(msg::kUnitSlugTaken, p.unit_slug, s->second->unit, s->second->source_path), text);
    }
  }
  return diags->error_count() == before;
}

std::string RectificationSummary::ShareCompleted() const {
  if (items == 0) return "";
  if (completed * 100 % items == 0) return std::to_string(completed * 100 / items) + "%";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f%%", 100.0 * completed / items);
  return buf;
}

RectificationSummary SummarizeRectification(const std::vector<Profile>& profiles, int year,
                                            bool include_samples) {
  RectificationSummary s;
  for (const Profile& p : profiles) {
    if (year != 0 && p.year != year) continue;
    if (p.sample && !include_samples) continue;
    for (const RectificationItem& it : p.rectification) {
      ++s.items;
      if (it.status == kStatusDone) ++s.completed;
      if (it.status == "整改中") ++s.in_progress;
      if (it.status == "未开始") ++s.not_started;
      if (it.overdue) ++s.overdue;
    }
  }
  return s;
}

bool LoadProfiles(const SourceTree& tree, const Config& config, std::vector<Page>* pages, ProfilesData* out,
                  Diagnostics* diags, const UnitRegistry* units) {
  size_t before = diags->error_count();
  ProfileRules rules;
  rules.vocab = config.profiles;
  rules.as_of = config.as_of;
  rules.other_keys = CommonFrontMatterKeys();
  for (Page& page : *pages) {
    if (page.section != "profiles") continue;
    const SourceFile* file = tree.Find(page.source_path);
    if (!file) continue;
    if (page.is_index) {
      if (page.source_path == "content/profiles/_index.md") {
        ParseCohorts(*file, page.fm, rules, &out->cohorts, diags);
      }
      continue;
    }
    // /profiles/<year>/ and /profiles/types/ are the filtered lists.
    bool numeric = !page.slug.empty() && std::all_of(page.slug.begin(), page.slug.end(),
                                                     [](char c) { return c >= '0' && c <= '9'; });
    if (numeric || page.slug == "types") {
      diags->Error(page.source_path, 1, 1, Message(msg::kProfileUrlTaken, page.url), file->text);
      continue;
    }
    Profile p;
    if (!ParseProfile(*file, page.fm, rules, &p, diags)) continue;
    if (units && units->present()) {
      const Unit* u = units->Find(p.unit);
      if (!u) {
        diags->Error(p.source_path, p.unit_line, p.unit_col, units->UnknownUnit(p.unit), file->text);
        continue;
      }
      p.unit = u->name;
      p.unit_slug = u->slug;
    }
    out->profiles.push_back(std::move(p));
  }
  std::stable_sort(out->profiles.begin(), out->profiles.end(),
                   [](const Profile& a, const Profile& b) { return a.year > b.year; });
  CheckUnits(out->profiles, tree, diags);
  return diags->error_count() == before;
}

bool CheckProfileIndicators(const ProfilesData& data, const IndicatorSet& set, const SourceTree& tree,
                            Diagnostics* diags) {
  size_t before = diags->error_count();
  auto text_of = [&](const std::string& path) {
    const SourceFile* f = tree.Find(path);
    return f ? std::string_view(f->text) : std::string_view();
  };
  for (const Profile& p : data.profiles) {
    for (size_t i = 0; i < p.indicators.size(); ++i) {
      if (set.Find(p.indicators[i])) continue;
      auto [line, col] = i < p.indicator_pos.size() ? p.indicator_pos[i] : std::pair<int, int>{1, 1};
      diags->Error(p.source_path, line, col, set.UnknownIndicator(p.indicators[i]), text_of(p.source_path));
    }
  }
  for (const Cohort& c : data.cohorts) {
    for (const CohortGroup& g : c.groups) {
      if (g.indicator.empty()) continue;
      Message m;
      const Observation* o = set.Get(g.indicator, c.year);
      if (!set.Find(g.indicator)) {
        m = set.UnknownIndicator(g.indicator);
      } else if (!o) {
        m = Message(msg::kCohortNoValue, g.indicator, c.year);
      } else if (o->value != g.count) {
        m = Message(msg::kCohortCountDiffers, g.count, g.indicator, c.year, o->value_text);
      }
      if (!m.empty()) diags->Error(c.path, g.line, g.col, std::move(m), text_of(c.path));
    }
  }
  return diags->error_count() == before;
}

}  // namespace fazhi
