#include "core/config.h"

#include <toml++/toml.h>
#include <algorithm>
#include <cstdio>

#include "core/front_matter.h"
#include "core/messages.h"
#include "core/suggest.h"
#include "core/syntax_check.h"

namespace fazhi {
namespace {

class ConfigReader {
 public:
  ConfigReader(const SourceFile& f, Diagnostics* diags) : f_(f), diags_(diags) {}

  void Err(const toml::node& n, Message m) {
    diags_->Error(f_.path, static_cast<int>(n.source().begin.line), static_cast<int>(n.source().begin.column),
                  std::move(m), f_.text);
  }
  void ErrKey(const toml::key& k, Message m) {
    diags_->Error(f_.path, static_cast<int>(k.source().begin.line), static_cast<int>(k.source().begin.column),
                  std::move(m), f_.text);
  }

  // Reports keys of `t` not in `known`; `where` prefixes the key in messages.
  void CheckKeys(const toml::table& t, std::initializer_list<std::string_view> known,
                 const std::string& where) {
    std::vector<const toml::key*> keys;
    for (auto& [k, v] : t) keys.push_back(&k);
    // Report in document order, not toml++'s sorted order.
    std::sort(keys.begin(), keys.end(),
              [](const toml::key* a, const toml::key* b) { return a->source().begin < b->source().begin; });
    std::vector<std::string_view> names(known);
    for (const toml::key* k : keys) {
      if (std::find(known.begin(), known.end(), k->str()) != known.end()) continue;
      std::string near = SuggestKey(k->str(), names);
      if (!near.empty()) {
        ErrKey(*k, Message(msg::kUnknownConfigKeyDidYouMean, where + std::string(k->str()), where + near));
      } else {
        std::vector<std::string> list;
        for (std::string_view n : known) list.push_back(where + std::string(n));
        ErrKey(*k, Message(msg::kUnknownConfigKey, where + std::string(k->str()), Message::List(list)));
      }
    }
  }

  void Str(const toml::table& t, std::string_view key, std::string* out) {
    const toml::node* n = t.get(key);
    if (!n) return;
    if (auto* s = n->as_string()) {
      *out = s->get();
    } else {
      Err(*n, Message(msg::kConfigString, key));
    }
  }

  void Int(const toml::table& t, std::string_view key, int* out, int min, int max) {
    const toml::node* n = t.get(key);
    if (!n) return;
    auto* i = n->as_integer();
    if (!i || i->get() < min || i->get() > max) {
      Err(*n, Message(msg::kConfigInt, key, min, max));
      return;
    }
    *out = static_cast<int>(i->get());
  }

  void Bool(const toml::table& t, std::string_view key, bool* out) {
    const toml::node* n = t.get(key);
    if (!n) return;
    if (auto* b = n->as_boolean()) {
      *out = b->get();
    } else {
      Err(*n, Message(msg::kConfigBool, key));
    }
  }

  void StrList(const toml::table& t, std::string_view key, std::vector<std::string>* out) {
    const toml::node* n = t.get(key);
    if (!n) return;
    auto* a = n->as_array();
    if (!a) {
      Err(*n, Message(msg::kConfigStringList, key));
      return;
    }
    out->clear();
    for (auto& item : *a) {
      if (auto* s = item.as_string()) {
        out->push_back(s->get());
      } else {
        Err(item, Message(msg::kConfigListItemString, key));
      }
    }
  }

  const toml::table* Table(const toml::table& t, std::string_view key) {
    const toml::node* n = t.get(key);
    if (!n) return nullptr;
    if (auto* tt = n->as_table()) return tt;
    Err(*n, Message(msg::kConfigTable, key));
    return nullptr;
  }

  void Read(const toml::table& root, Config* c) {
    CheckKeys(root,
              {"title", "language", "base_url", "theme", "sponsor", "contact", "description", "as_of",
               "paginate", "summary_chars", "unsafe_html", "menu", "footer", "indicators", "profiles",
               "privacy", "security", "robots", "search"},
              "");
    Str(root, "title", &c->title);
    Str(root, "language", &c->language);
    Str(root, "base_url", &c->base_url);
    c->base_url = NormalizeBaseUrl(c->base_url);
    Str(root, "theme", &c->theme);
    Str(root, "sponsor", &c->sponsor);
    Str(root, "contact", &c->contact);
    Str(root, "description", &c->description);
    if (const toml::node* n = root.get("as_of")) {
      if (auto* d = n->as_date()) {
        char buf[16];
        std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d->get().year, d->get().month, d->get().day);
        c->as_of = buf;
      } else if (auto* s = n->as_string(); s && IsValidDate(s->get())) {
        c->as_of = s->get();
      } else {
        Err(*n, Message(msg::kConfigAsOf));
      }
    }
    Int(root, "paginate", &c->paginate, 1, 1000);
    Int(root, "summary_chars", &c->summary_chars, 10, 2000);
    Bool(root, "unsafe_html", &c->unsafe_html);
    if (c->title.empty()) {
      diags_->Error(f_.path, 1, 1, Message(msg::kConfigMissingTitle), f_.text);
    }
    if (c->as_of.empty()) {
      // A build must not depend on the clock, so "today" is configured.
      diags_->Error(f_.path, 1, 1, Message(msg::kConfigMissingAsOf), f_.text);
    }

    if (const toml::node* n = root.get("menu")) {
      auto* arr = n->as_array();
      if (!arr) {
        Err(*n, Message(msg::kConfigMenuArray));
      } else {
        for (auto& item : *arr) {
          auto* t = item.as_table();
          if (!t) {
            Err(item, Message(msg::kConfigMenuEntry));
            continue;
          }
          CheckKeys(*t, {"name", "url"}, "menu.");
          MenuItem m;
          Str(*t, "name", &m.name);
          Str(*t, "url", &m.url);
          if (const toml::node* u = t->get("url")) {
            m.line = static_cast<int>(u->source().begin.line);
            m.col = static_cast<int>(u->source().begin.column);
          }
          if (m.name.empty() || m.url.empty()) Err(item, Message(msg::kConfigMenuNeedsBoth));
          c->menu.push_back(std::move(m));
        }
      }
    }
    if (const toml::table* t = Table(root, "footer")) {
      CheckKeys(*t, {"site_code", "icp", "psb_code", "psb_url", "dzjg_url"}, "footer.");
      Str(*t, "site_code", &c->footer.site_code);
      Str(*t, "icp", &c->footer.icp);
      Str(*t, "psb_code", &c->footer.psb_code);
      Str(*t, "psb_url", &c->footer.psb_url);
      Str(*t, "dzjg_url", &c->footer.dzjg_url);
    }
    c->indicators.categories = DefaultIndicatorCategories();
    if (const toml::table* t = Table(root, "indicators")) {
      CheckKeys(*t, {"categories"}, "indicators.");
      if (const toml::node* n = t->get("categories")) {
        auto* arr = n->as_array();
        if (!arr) {
          Err(*n, Message(msg::kConfigCategoriesArray));
        } else {
          c->indicators.categories.clear();
          for (auto& item : *arr) {
            auto* ct = item.as_table();
            if (!ct) {
              Err(item, Message(msg::kConfigCategoryEntry));
              continue;
            }
            CheckKeys(*ct, {"slug", "name"}, "indicators.categories.");
            IndicatorCategory cat;
            Str(*ct, "slug", &cat.slug);
            Str(*ct, "name", &cat.name);
            if (cat.slug.empty() || cat.name.empty()) Err(item, Message(msg::kConfigCategoryNeedsBoth));
            c->indicators.categories.push_back(std::move(cat));
          }
        }
      }
    }
    if (const toml::table* t = Table(root, "profiles")) {
      CheckKeys(*t, {"unit_types", "sections", "forms", "rectification_category"}, "profiles.");
      StrList(*t, "unit_types", &c->profiles.unit_types);
      StrList(*t, "sections", &c->profiles.sections);
      StrList(*t, "forms", &c->profiles.forms);
      Str(*t, "rectification_category", &c->profiles.rectification_category);
      if (const toml::node* n = t->get("rectification_category")) {
        // The slug or the Chinese name of a category.
        std::string& wanted = c->profiles.rectification_category;
        std::vector<std::string_view> slugs;
        std::vector<std::string> listed;
        bool known = false;
        for (const IndicatorCategory& cat : c->indicators.categories) {
          if (cat.name == wanted) wanted = cat.slug;
          known = known || cat.slug == wanted;
          slugs.push_back(cat.slug);
          slugs.push_back(cat.name);  // the Chinese name is accepted too
          listed.push_back(cat.slug + "（" + cat.name + "）");
        }
        if (!known) {
          if (std::string near = NearestName(wanted, slugs); !near.empty()) {
            Err(*n, Message(msg::kConfigUnknownCategoryDidYouMean, wanted, near));
          } else {
            Err(*n, Message(msg::kConfigUnknownCategory, wanted, Message::List(listed)));
          }
        }
      }
    }
    if (const toml::table* t = Table(root, "privacy")) {
      CheckKeys(*t, {"allow"}, "privacy.");
      StrList(*t, "allow", &c->privacy_allow);
    }
    if (const toml::table* t = Table(root, "security")) {
      CheckKeys(*t, {"allow_hosts"}, "security.");
      StrList(*t, "allow_hosts", &c->allow_hosts);
    }
    if (const toml::table* t = Table(root, "search")) {
      CheckKeys(*t, {"enabled", "every_character", "synonyms"}, "search.");
      Bool(*t, "enabled", &c->search_enabled);
      Bool(*t, "every_character", &c->search_every_character);
      if (const toml::table* syn = Table(*t, "synonyms")) {
        for (const auto& [word, list] : *syn) {
          StrList(*syn, word.str(), &c->search_synonyms[std::string(word.str())]);
        }
      }
    }
    if (const toml::table* t = Table(root, "robots")) {
      CheckKeys(*t, {"disallow", "merged_into_root"}, "robots.");
      StrList(*t, "disallow", &c->robots_disallow);
      Bool(*t, "merged_into_root", &c->robots_merged_into_root);
    }
  }

 private:
  const SourceFile& f_;
  Diagnostics* diags_;
};

}  // namespace

std::vector<IndicatorCategory> DefaultIndicatorCategories() {
  return {
      {"leadership", "党的领导与第一责任人"},
      {"functions", "政府职能依法全面履行"},
      {"rules", "依法行政制度体系"},
      {"decisions", "重大行政决策"},
      {"enforcement", "行政执法"},
      {"oversight", "行政权力制约监督"},
      {"disputes", "社会矛盾纠纷化解"},
      {"capacity", "工作人员法治能力"},
      {"digital", "数字法治政府"},
      {"emergency", "突发事件应对"},
  };
}

Lang MessageLang(const Config& config) {
  std::string_view l = config.language;
  return l == "en" || l.substr(0, 3) == "en-" ? Lang::kEn : Lang::kZh;
}

std::string NormalizeBaseUrl(std::string url) {
  if (url.empty()) return "/";
  if (url.back() != '/') url += '/';
  return url;
}

bool ParseConfig(const SourceFile& file, Config* out, Diagnostics* diags) {
  size_t before = diags->error_count();
  size_t start = file.text.compare(0, 3, "\xEF\xBB\xBF") == 0 ? 3 : 0;
  SyntaxSpan span{start, file.text.size(), 1};
  if (!CheckTomlChars(file, span, diags)) return false;
  toml::table table;
  try {
    table = toml::parse(std::string_view(file.text), std::string_view(file.path));
  } catch (const toml::parse_error& e) {
    ReportTomlFailure(file, span, e.description(), static_cast<int>(e.source().begin.line),
                      static_cast<int>(e.source().begin.column), diags);
    return false;
  }
  ConfigReader reader(file, diags);
  reader.Read(table, out);
  for (auto& [k, v] : table) {
    out->positions[std::string(k.str())] = {static_cast<int>(v.source().begin.line),
                                            static_cast<int>(v.source().begin.column)};
    if (const toml::table* t = v.as_table()) {
      for (auto& [k2, v2] : *t) {
        out->positions[std::string(k.str()) + "." + std::string(k2.str())] = {
            static_cast<int>(v2.source().begin.line), static_cast<int>(v2.source().begin.column)};
      }
    }
  }
  return diags->error_count() == before;
}

std::pair<int, int> Config::PositionOf(std::string_view key) const {
  auto it = positions.find(key);
  return it == positions.end() ? std::pair<int, int>{0, 0} : it->second;
}

}  // namespace fazhi
