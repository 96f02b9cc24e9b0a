#include "cli/import_command.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <exception>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <sstream>

#include "cli/args.h"
#include "cli/messages.h"
#include "cli/new_command.h"
#include "core/config.h"
#include "core/diagnostics.h"
#include "core/messages.h"
#include "core/os_error.h"
#include "core/utf8.h"
#include "import/figures.h"
#include "import/messages.h"
#include "import/structure.h"
#include "import/text.h"
#include "import/units.h"
#include "import/write.h"
#include "indicators/units_csv.h"

namespace fazhi {
namespace {

struct ImportArgs {
  std::vector<std::string> files;  ///< as given: files and folders
  bool bulk = false;               ///< several files, or a folder
  std::string file;
  std::string site = ".";
  int year = 0;
  std::string date;
  std::string title;
  std::string publisher;
  bool force = false;
};

bool IsIsoDate(const std::string& s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (s[i] < '0' || s[i] > '9') return false;
  }
  int m = std::stoi(s.substr(5, 2)), d = std::stoi(s.substr(8, 2));
  return m >= 1 && m <= 12 && d >= 1 && d <= 31;
}

// Returns 0 when parsed, 2 after printing a usage error, -1 for --help.
int ParseImportArgs(const std::vector<std::string>& args, ImportArgs* a, std::ostream& err, Lang lang) {
  auto usage_error = [&](Message m) {
    err << VisibleText(Message(msg::kImportPrefix, std::move(m)).Render(lang)) << "\n" << ImportUsage(lang);
    return kExitUsage;
  };
  ParsedArgs p;
  Message error;
  if (!ParseArgs(args, {"--site", "--year", "--date", "--title", "--publisher"}, {"--force", "--help"}, &p,
                 &error)) {
    return usage_error(error);
  }
  for (const std::string& pos : p.positional) {
    if (pos == "-h" || p.Has("--help")) return -1;
    if (pos.size() > 1 && pos[0] == '-') return usage_error(Message(msg::kUnknownOption, pos));
  }
  if (p.Has("--help")) return -1;
  if (p.positional.empty()) return usage_error(Message(msg::kImportWhichFile));
  a->files = p.positional;
  std::error_code ec;
  a->bulk = p.positional.size() > 1 || std::filesystem::is_directory(p.positional[0], ec);
  if (a->bulk) {
    for (const char* single : {"--title", "--publisher"}) {
      if (p.Has(single)) return usage_error(Message(msg::kImportBulkOnlyOption, single));
    }
  }
  a->file = p.positional[0];
  a->site = p.Get("--site", ".");
  a->title = p.Get("--title");
  a->publisher = p.Get("--publisher");
  a->force = p.Has("--force");
  if (p.Has("--date")) {
    a->date = p.Get("--date");
    if (!IsIsoDate(a->date)) return usage_error(Message(msg::kImportDate, a->date));
  }
  if (p.Has("--year")) {
    std::string v = p.Get("--year");
    if (v.size() != 4 || v.find_first_not_of("0123456789") != std::string::npos || std::stoi(v) < 1949 ||
        std::stoi(v) > 2100) {
      return usage_error(Message(msg::kImportYear, v));
    }
    a->year = std::stoi(v);
  }
  return 0;
}

// One file read and structured.
struct LoadedReport {
  std::string bytes;  ///< the file as given, kept beside the page as its original
  ImportedText text;
  StructuredReport report;
  std::vector<ImportedFigure> figures;
  size_t dropped = 0;  ///< figures beyond kMaxImportFigures
};

// Reads and structures `path`; false with the reason in `error`.
bool LoadReport(const std::string& path, LoadedReport* r, Message* error) {
  // The file is read whole: a 5 GB file given by mistake is refused first.
  std::error_code size_ec;
  uintmax_t size = std::filesystem::file_size(path, size_ec);
  if (!size_ec && size > kMaxImportBytes) {
    *error = Message(msg::kImportTooLarge, kMaxImportBytes >> 20);
    return false;
  }
  // stdio, not a stream: `in >> rdbuf()` stops silently at a read error (EIO,
  // EISDIR), and the file would then be reported as empty.
  std::unique_ptr<FILE, int (*)(FILE*)> in(std::fopen(path.c_str(), "rb"), std::fclose);
  if (!in) {
    *error = Message(msg::kImportCannotOpen);
    return false;
  }
  char chunk[1 << 16];
  while (size_t n = std::fread(chunk, 1, sizeof chunk, in.get())) r->bytes.append(chunk, n);
  if (std::ferror(in.get())) {
    *error = Message(msg::kImportCannotRead, OsError(errno));
    return false;
  }
  if (!ReadImportText(r->bytes, &r->text, error, path)) return false;
  r->report = StructureReport(r->text.text, r->text.title);
  r->figures = FindFigures(r->report, &r->dropped);
  return true;
}

// The indicator categories the site knows (site.toml), so that the stubs'
// guesses are ones a --drafts build accepts; empty when there is no site.toml.
std::vector<std::string> SiteCategories(const std::string& site) {
  std::vector<std::string> slugs;
  std::ifstream toml(site + "/site.toml", std::ios::binary);
  if (toml) {
    std::stringstream t;
    t << toml.rdbuf();
    Config config;
    Diagnostics diags;
    if (ParseConfig(SourceFile{"site.toml", t.str()}, &config, &diags)) {
      for (const IndicatorCategory& c : config.indicators.categories) slugs.push_back(c.slug);
    }
  }
  return slugs;
}

int Import(const ImportArgs& a, std::ostream& out, std::ostream& err, Lang lang) {
  // Text from the imported file (title, headings) is in these lines: printed
  // through VisibleText, so its control characters cannot reach the terminal.
  auto say = [lang](std::ostream& to, Message m) { to << VisibleText(m.Render(lang)) << "\n"; };
  LoadedReport loaded;
  Message error;
  if (!LoadReport(a.file, &loaded, &error)) {
    say(err, Message(msg::kImportFileError, a.file, std::move(error)));
    return kExitErrors;
  }
  const ImportedText& text = loaded.text;
  const StructuredReport& report = loaded.report;
  const std::vector<ImportedFigure>& figures = loaded.figures;
  size_t dropped = loaded.dropped;

  ImportWriteOptions o;
  o.year = a.year ? a.year : report.meta.year;
  if (o.year == 0) {
    say(err, Message(msg::kImportFileError, a.file, Message(msg::kImportNoYear)));
    return kExitErrors;
  }
  o.date = a.date.empty() ? Today() : a.date;
  o.publisher = !a.publisher.empty() ? a.publisher : report.meta.publisher;
  o.title = !a.title.empty() ? a.title : report.meta.title;
  std::vector<Message> warnings = report.warnings;
  if (dropped > 0) warnings.push_back(Message(msg::kImportTooManyFigures, kMaxImportFigures));
  if (o.title.empty()) {
    o.title = o.publisher + std::to_string(o.year) + "年法治政府建设年度报告";
    warnings.push_back(Message(msg::kImportNoTitle, o.title));
  }
  if (o.publisher.empty()) warnings.push_back(Message(msg::kImportNoPublisher));
  std::string name = a.file;
  if (size_t slash = name.find_last_of('/'); slash != std::string::npos) name = name.substr(slash + 1);
  o.input_name = name;

  o.categories = SiteCategories(a.site);
  o.original = &loaded.bytes;
  o.original_ext = text.kind;

  std::vector<ImportFile> files = RenderImport(report, figures, o);
  if (!WriteImportFiles(a.site, files, a.force, out, err, lang)) return kExitErrors;

  size_t paragraphs = report.blocks.size() - static_cast<size_t>(report.heading_count);
  say(out, Message(msg::kImportSummary, name, text.format, report.heading_count, paragraphs, figures.size()));
  say(out, Message(msg::kImportTitleLine, o.title));
  say(out, Message(msg::kImportYearLine, o.year));
  say(out, Message(msg::kImportPublishedLine, report.meta.published.empty()
                                                  ? Message(msg::kImportNotStated, o.date)
                                                  : Message::Verbatim(report.meta.published)));
  // The 信息公开 fields as written to the front matter, so the editor sees what was found.
  const ImportMeta& m = report.meta;
  std::string catalogue;
  for (const auto& [label, value] :
       {std::pair{"索引号", &m.index_no}, std::pair{"发布机构", &m.issuer}, std::pair{"主题分类", &m.topic},
        std::pair{"文号", &m.doc_no}, std::pair{"成文日期", &m.written},
        std::pair{"信息来源", &m.portal_source}}) {
    if (!value->empty()) catalogue += (catalogue.empty() ? "" : "，") + std::string(label) + " " + *value;
  }
  say(out, Message(msg::kImportCatalogueLine,
                   catalogue.empty() ? Message(msg::kImportCatalogueNone) : Message::Verbatim(catalogue)));
  if (!m.signature.empty() || !m.signature_date.empty()) {
    say(out,
        Message(msg::kImportSignatureLine,
                Message::Verbatim(m.signature + (m.signature.empty() || m.signature_date.empty() ? "" : " ") +
                                  m.signature_date)));
  }
  if (report.clutter_removed > 0) say(out, Message(msg::kImportClutter, report.clutter_removed));
  const ImportParts& p = report.parts;
  auto part = [&](const char* label, Message where) {
    say(out, Message(msg::kImportPartLine, label, std::move(where)));
  };
  auto found = [](const std::string& where) {
    return where.empty() ? Message(msg::kImportNotFound) : Message::Verbatim(where);
  };
  part("主要举措和成效", found(p.measures));
  part("不足和原因", found(p.shortcomings));
  part("第一责任人职责", p.accountability_folded && !p.accountability.empty()
                             ? Message(msg::kImportFolded, p.accountability)
                             : found(p.accountability));
  part("下一年度安排", found(p.plans));
  for (const Message& w : warnings) say(err, Message(msg::kWarningLine, w));
  say(out, Message(msg::kImportNext));
  return 0;
}

// The unit registry as the importer needs it: data/units.csv read by the
// same loader as the build (UTF-8 or GBK, Chinese or English headers, its
// errors at their cell), so import and build agree on every name.
// Its errors go to `diags` at their cell; a missing file is `error`.
bool LoadImportUnits(const std::string& site, std::vector<ImportUnit>* units, Message* error,
                     Diagnostics* diags) {
  std::ifstream in(site + "/" + kUnitsCsvPath, std::ios::binary);
  if (!in) {
    *error = Message(msg::kImportNoRegistry, kUnitsCsvPath);
    return false;
  }
  std::stringstream buf;
  buf << in.rdbuf();
  UnitRegistry registry;
  if (!ParseUnitRegistry(kUnitsCsvPath, buf.str(), &registry, diags)) return false;
  for (const Unit& u : registry.units()) units->push_back({u.slug, u.name, u.short_names});
  return true;
}

// Terminal columns of `s`: CJK characters take two.
int Columns(const std::string& s) {
  int w = 0;
  for (size_t i = 0; i < s.size();) {
    char32_t cp;
    i += DecodeUtf8(s, i, &cp);
    w += DisplayWidth(cp);
  }
  return w;
}

// The files named on the command line: files as given, folders searched
// (sorted, recursively) for everything but hidden files and Word's "~$" lock
// files. `shown` is each file as the summary names it.
void CollectFiles(const std::vector<std::string>& args, std::vector<std::string>* paths,
                  std::vector<std::string>* shown, std::vector<std::string>* empty_dirs) {
  namespace fs = std::filesystem;
  for (const std::string& arg : args) {
    std::error_code ec;
    if (!fs::is_directory(arg, ec)) {
      paths->push_back(arg);
      shown->push_back(arg);
      continue;
    }
    std::vector<fs::path> found;
    for (auto it = fs::recursive_directory_iterator(arg, fs::directory_options::skip_permission_denied, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
      std::string name = it->path().filename().string();
      if (name.rfind(".", 0) == 0 || name.rfind("~$", 0) == 0) {
        if (it->is_directory(ec)) it.disable_recursion_pending();
        continue;
      }
      if (it->is_regular_file(ec)) found.push_back(it->path());
    }
    std::sort(found.begin(), found.end());
    if (found.empty()) empty_dirs->push_back(arg);
    for (const fs::path& p : found) {
      paths->push_back(p.string());
      shown->push_back(p.lexically_relative(arg).generic_string());
    }
  }
}

int BulkImport(const ImportArgs& a, std::ostream& out, std::ostream& err, Lang lang) {
  auto say = [lang](std::ostream& to, Message m) { to << VisibleText(m.Render(lang)) << "\n"; };
  std::vector<ImportUnit> units;
  Message error;
  Diagnostics registry_diags;
  if (!LoadImportUnits(a.site, &units, &error, &registry_diags)) {
    if (registry_diags.error_count() > 0) {
      err << registry_diags.Format(lang);  // path:line:col, the line and a caret
    } else {
      say(err, Message(msg::kImportPrefix, std::move(error)));
    }
    return kExitErrors;
  }
  std::vector<std::string> paths, shown, empty_dirs;
  CollectFiles(a.files, &paths, &shown, &empty_dirs);
  for (const std::string& d : empty_dirs) {
    say(err, Message(msg::kImportPrefix, Message(msg::kImportNoFiles, d)));
  }
  if (paths.empty()) return kExitErrors;

  struct Row {
    std::string file, unit = "—", year = "—", status;
  };
  std::vector<Row> rows;
  std::vector<std::vector<ImportFile>> outputs;
  std::vector<Message> warnings;
  std::map<std::pair<size_t, int>, std::string> first_file;  // (unit, year) → the file that has it
  std::vector<std::string> categories = SiteCategories(a.site);
  std::string date = a.date.empty() ? Today() : a.date;
  size_t review = 0;
  for (size_t i = 0; i < paths.size(); ++i) {
    Row row;
    row.file = VisibleText(shown[i]);
    auto needs_review = [&](const Message& why) {
      row.status = VisibleText(Message(msg::kImportStatusReview, why).Render(lang));
      ++review;
      rows.push_back(row);
    };
    LoadedReport loaded;
    if (!LoadReport(paths[i], &loaded, &error)) {
      needs_review(Message(msg::kImportUnreadable, std::move(error)));
      continue;
    }
    const StructuredReport& report = loaded.report;
    int year = a.year ? a.year : report.meta.year;
    if (year) row.year = std::to_string(year);
    UnitMatch match = MatchUnit(units, ReportUnitZones(report));
    if (!match.recognised) {
      needs_review(match.reason);
      continue;
    }
    const ImportUnit& unit = units[match.unit];
    row.unit = unit.name;
    if (year == 0) {
      needs_review(Message(msg::kImportYearNotStated));
      continue;
    }
    auto [seen, fresh] = first_file.try_emplace({match.unit, year}, row.file);
    if (!fresh) {
      needs_review(Message(msg::kImportDuplicateReport, seen->second, unit.name, year));
      continue;
    }
    row.status = Message(msg::kImportStatusRecognised, Message(*match.where)).Render(lang);
    rows.push_back(row);

    ImportWriteOptions o;
    o.year = year;
    o.date = date;
    o.publisher = unit.name;  // the registry's full name, whatever the text calls it
    o.title = report.meta.title.empty() ? unit.name + std::to_string(year) + "年法治政府建设年度报告"
                                        : report.meta.title;
    o.input_name = std::filesystem::path(paths[i]).filename().string();
    o.stem = unit.slug + "-" + std::to_string(year);
    o.categories = categories;
    o.original = &loaded.bytes;
    o.original_ext = loaded.text.kind;
    outputs.push_back(RenderImport(report, loaded.figures, o));
    for (const Message& w : report.warnings)
      warnings.push_back(Message(msg::kImportFileWarning, row.file, w));
    if (loaded.dropped > 0) {
      warnings.push_back(
          Message(msg::kImportFileWarning, row.file, Message(msg::kImportTooManyFigures, kMaxImportFigures)));
    }
  }

  // The summary table, columns padded by terminal width.
  std::vector<Row> table = {
      {Message(msg::kImportColumnFile).Render(lang), Message(msg::kImportColumnUnit).Render(lang),
       Message(msg::kImportColumnYear).Render(lang), Message(msg::kImportColumnStatus).Render(lang)}};
  table.insert(table.end(), rows.begin(), rows.end());
  int wf = 0, wu = 0, wy = 0;
  for (const Row& r : table) {
    wf = std::max(wf, Columns(r.file));
    wu = std::max(wu, Columns(r.unit));
    wy = std::max(wy, Columns(r.year));
  }
  auto pad = [](const std::string& s, int width) { return s + std::string(width - Columns(s) + 2, ' '); };
  for (const Row& r : table) out << pad(r.file, wf) << pad(r.unit, wu) << pad(r.year, wy) << r.status << "\n";
  for (const Message& w : warnings) say(err, Message(msg::kWarningLine, w));

  if (!a.force) {
    // Nothing is written when anything is there already (a link counts).
    std::vector<std::string> existing;
    for (const std::vector<ImportFile>& files : outputs) {
      for (const ImportFile& f : files) {
        std::error_code ec;
        if (std::filesystem::exists(std::filesystem::symlink_status(a.site + "/" + f.path, ec))) {
          existing.push_back(f.path);
        }
      }
    }
    if (!existing.empty()) {
      say(err, Message(msg::kImportPrefix, Message(msg::kImportBulkExisting, existing.size())));
      for (const std::string& p : existing) err << "  " << VisibleText(p) << "\n";
      return kExitErrors;
    }
  }
  std::ostringstream written;  // the table already says what was written
  for (const std::vector<ImportFile>& files : outputs) {
    if (!WriteImportFiles(a.site, files, a.force, written, err, lang)) return kExitErrors;
  }
  say(out, Message(msg::kImportBulkDone, paths.size(), outputs.size(), review));
  return review > 0 ? kExitErrors : kExitOk;
}

}  // namespace

std::string ImportUsage(Lang lang) { return Message(msg::kImportUsage).Render(lang); }

int RunImport(const std::vector<std::string>& args, std::ostream& out, std::ostream& err,
              const LangChoice& choice) {
  try {
    ImportArgs a;
    int rc = ParseImportArgs(args, &a, err, choice.lang);
    if (rc == -1) {
      out << ImportUsage(choice.lang);
      return 0;
    }
    if (rc != 0) return rc;
    return a.bulk ? BulkImport(a, out, err, choice.lang) : Import(a, out, err, choice.lang);
  } catch (const std::exception& e) {
    err << VisibleText(Message(msg::kImportPrefix, e.what()).Render(choice.lang)) << "\n";
    return kExitErrors;
  }
}

}  // namespace fazhi
