#include "core/config.h"

#include <toml++/toml.h>
#include <algorithm>
#include <cstdio>

#include "core/front_matter.h"

namespace fazhi {
namespace {

class ConfigReader {
 public:
  ConfigReader(const SourceFile& f, Diagnostics* diags) : f_(f), diags_(diags) {}

  void Err(const toml::node& n, const std::string& msg) {
    diags_->Error(f_.path, static_cast<int>(n.source().begin.line), static_cast<int>(n.source().begin.column),
                  msg, f_.text);
  }
  void ErrKey(const toml::key& k, const std::string& msg) {
    diags_->Error(f_.path, static_cast<int>(k.source().begin.line), static_cast<int>(k.source().begin.column),
                  msg, f_.text);
  }

  // Reports keys of `t` not in `known`; `where` prefixes the key in messages.
  void CheckKeys(const toml::table& t, std::initializer_list<std::string_view> known,
                 const std::string& where) {
    std::vector<const toml::key*> keys;
    for (auto& [k, v] : t) keys.push_back(&k);
    // Report in document order, not toml++'s sorted order.
    std::sort(keys.begin(), keys.end(),
              [](const toml::key* a, const toml::key* b) { return a->source().begin < b->source().begin; });
    for (const toml::key* k : keys) {
      if (std::find(known.begin(), known.end(), k->str()) == known.end()) {
        ErrKey(*k, "unknown key '" + where + std::string(k->str()) + "'");
      }
    }
  }

  void Str(const toml::table& t, std::string_view key, std::string* out) {
    const toml::node* n = t.get(key);
    if (!n) return;
    if (auto* s = n->as_string()) {
      *out = s->get();
    } else {
      Err(*n, "'" + std::string(key) + "' must be a string");
    }
  }

  void Int(const toml::table& t, std::string_view key, int* out, int min, int max) {
    const toml::node* n = t.get(key);
    if (!n) return;
    auto* i = n->as_integer();
    if (!i || i->get() < min || i->get() > max) {
      Err(*n, "'" + std::string(key) + "' must be a whole number from " + std::to_string(min) + " to " +
                  std::to_string(max));
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
      Err(*n, "'" + std::string(key) + "' must be true or false");
    }
  }

  void StrList(const toml::table& t, std::string_view key, std::vector<std::string>* out) {
    const toml::node* n = t.get(key);
    if (!n) return;
    auto* a = n->as_array();
    if (!a) {
      Err(*n, "'" + std::string(key) + "' must be a list of strings");
      return;
    }
    out->clear();
    for (auto& item : *a) {
      if (auto* s = item.as_string()) {
        out->push_back(s->get());
      } else {
        Err(item, "items of '" + std::string(key) + "' must be strings");
      }
    }
  }

  const toml::table* Table(const toml::table& t, std::string_view key) {
    const toml::node* n = t.get(key);
    if (!n) return nullptr;
    if (auto* tt = n->as_table()) return tt;
    Err(*n, "'" + std::string(key) + "' must be a table ([" + std::string(key) + "])");
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
        Err(*n, "'as_of' must be a date such as 2025-03-31");
      }
    }
    Int(root, "paginate", &c->paginate, 1, 1000);
    Int(root, "summary_chars", &c->summary_chars, 10, 2000);
    Bool(root, "unsafe_html", &c->unsafe_html);
    if (c->title.empty()) {
      diags_->Error(f_.path, 1, 1, "missing required key 'title'", f_.text);
    }
    if (c->as_of.empty()) {
      // A build must not depend on the clock, so "today" is configured.
      diags_->Error(f_.path, 1, 1, "missing required key 'as_of' (the date that stands in for today)",
                    f_.text);
    }

    if (const toml::node* n = root.get("menu")) {
      auto* arr = n->as_array();
      if (!arr) {
        Err(*n, "'menu' must be an array of tables ([[menu]])");
      } else {
        for (auto& item : *arr) {
          auto* t = item.as_table();
          if (!t) {
            Err(item, "each menu entry must be a table with name and url");
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
          if (m.name.empty() || m.url.empty()) Err(item, "a menu entry needs both name and url");
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
          Err(*n, "'categories' must be an array of tables ([[indicators.categories]])");
        } else {
          c->indicators.categories.clear();
          for (auto& item : *arr) {
            auto* ct = item.as_table();
            if (!ct) {
              Err(item, "each category must be a table with slug and name");
              continue;
            }
            CheckKeys(*ct, {"slug", "name"}, "indicators.categories.");
            IndicatorCategory cat;
            Str(*ct, "slug", &cat.slug);
            Str(*ct, "name", &cat.name);
            if (cat.slug.empty() || cat.name.empty()) Err(item, "a category needs both slug and name");
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
        const auto& cats = c->indicators.categories;
        // The slug or the category's Chinese name.
        for (const IndicatorCategory& cat : cats) {
          if (cat.name == c->profiles.rectification_category) c->profiles.rectification_category = cat.slug;
        }
        bool known = std::any_of(cats.begin(), cats.end(), [&](const IndicatorCategory& cat) {
          return cat.slug == c->profiles.rectification_category;
        });
        if (!known) {
          Err(*n, "unknown indicator category '" + c->profiles.rectification_category +
                      "' (use a slug of [indicators] categories)");
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
      CheckKeys(*t, {"enabled"}, "search.");
      Bool(*t, "enabled", &c->search_enabled);
    }
    if (const toml::table* t = Table(root, "robots")) {
      CheckKeys(*t, {"disallow"}, "robots.");
      StrList(*t, "disallow", &c->robots_disallow);
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

std::string NormalizeBaseUrl(std::string url) {
  if (url.empty()) return "/";
  if (url.back() != '/') url += '/';
  return url;
}

bool ParseConfig(const SourceFile& file, Config* out, Diagnostics* diags) {
  size_t before = diags->error_count();
  toml::table table;
  try {
    table = toml::parse(std::string_view(file.text), std::string_view(file.path));
  } catch (const toml::parse_error& e) {
    diags->Error(file.path, static_cast<int>(e.source().begin.line),
                 static_cast<int>(e.source().begin.column), "invalid TOML: " + std::string(e.description()),
                 file.text);
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
