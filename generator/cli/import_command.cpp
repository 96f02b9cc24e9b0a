#include "cli/import_command.h"

#include <exception>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "cli/args.h"
#include "cli/new_command.h"
#include "core/config.h"
#include "core/diagnostics.h"
#include "import/figures.h"
#include "import/messages.h"
#include "import/structure.h"
#include "import/text.h"
#include "import/write.h"

namespace fazhi {
namespace {

struct ImportArgs {
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
int ParseImportArgs(const std::vector<std::string>& args, ImportArgs* a, std::ostream& err) {
  auto usage_error = [&](const std::string& msg) {
    err << "fazhi import: " << msg << "\n" << ImportUsage();
    return kExitUsage;
  };
  ParsedArgs p;
  std::string error;
  if (!ParseArgs(args, {"--site", "--year", "--date", "--title", "--publisher"}, {"--force", "--help"}, &p,
                 &error)) {
    return usage_error(error);
  }
  for (const std::string& pos : p.positional) {
    if (pos == "-h" || p.Has("--help")) return -1;
    if (pos.size() > 1 && pos[0] == '-') return usage_error("unknown option " + pos);
  }
  if (p.Has("--help")) return -1;
  if (p.positional.empty()) return usage_error("which file? give the report to import");
  if (p.positional.size() > 1) return usage_error("only one file can be imported at a time");
  a->file = p.positional[0];
  a->site = p.Get("--site", ".");
  a->title = p.Get("--title");
  a->publisher = p.Get("--publisher");
  a->force = p.Has("--force");
  if (p.Has("--date")) {
    a->date = p.Get("--date");
    if (!IsIsoDate(a->date)) return usage_error("--date wants YYYY-MM-DD, got '" + a->date + "'");
  }
  if (p.Has("--year")) {
    std::string v = p.Get("--year");
    if (v.size() != 4 || v.find_first_not_of("0123456789") != std::string::npos || std::stoi(v) < 1949 ||
        std::stoi(v) > 2100) {
      return usage_error("--year wants a year such as 2024, got '" + v + "'");
    }
    a->year = std::stoi(v);
  }
  return 0;
}

int Import(const ImportArgs& a, std::ostream& out, std::ostream& err) {
  // The file is read whole: a 5 GB file given by mistake is refused first.
  std::error_code size_ec;
  uintmax_t size = std::filesystem::file_size(a.file, size_ec);
  if (!size_ec && size > kMaxImportBytes) {
    err << "fazhi import: " << a.file << ": " << Message(msg::kImportTooLarge, kMaxImportBytes >> 20).Render()
        << "\n";
    return kExitErrors;
  }
  std::ifstream in(a.file, std::ios::binary);
  if (!in) {
    err << "fazhi import: " << a.file << ": cannot open the file\n";
    return kExitErrors;
  }
  std::stringstream buf;
  buf << in.rdbuf();
  if (in.bad()) {
    err << "fazhi import: " << a.file << ": cannot read the file\n";
    return kExitErrors;
  }
  ImportedText text;
  std::string error;
  if (!ReadImportText(buf.str(), &text, &error, a.file)) {
    err << "fazhi import: " << a.file << ": " << VisibleText(error) << "\n";
    return kExitErrors;
  }
  StructuredReport report = StructureReport(text.text);
  size_t dropped = 0;
  std::vector<ImportedFigure> figures = FindFigures(report, &dropped);

  ImportWriteOptions o;
  o.year = a.year ? a.year : report.meta.year;
  if (o.year == 0) {
    err << "fazhi import: " << a.file << ": the text does not say which year it reports on; pass --year\n";
    return kExitErrors;
  }
  o.date = a.date.empty() ? Today() : a.date;
  o.publisher = !a.publisher.empty() ? a.publisher : report.meta.publisher;
  o.title = !a.title.empty() ? a.title : report.meta.title;
  std::vector<std::string> warnings = report.warnings;
  if (dropped > 0) warnings.push_back(Message(msg::kImportTooManyFigures, kMaxImportFigures).Render());
  if (o.title.empty()) {
    o.title = o.publisher + std::to_string(o.year) + "年法治政府建设年度报告";
    warnings.push_back("the text has no title; using \"" + o.title + "\" (check it, or pass --title)");
  }
  if (o.publisher.empty()) {
    warnings.push_back(
        "the text does not name its publisher; add publisher and source to the "
        "front matter (or pass --publisher)");
  }
  std::string name = a.file;
  if (size_t slash = name.find_last_of('/'); slash != std::string::npos) name = name.substr(slash + 1);
  o.input_name = name;

  // The stubs' categories must be ones the site knows.
  std::ifstream toml(a.site + "/site.toml", std::ios::binary);
  if (toml) {
    std::stringstream t;
    t << toml.rdbuf();
    Config config;
    Diagnostics diags;
    if (ParseConfig(SourceFile{"site.toml", t.str()}, &config, &diags)) {
      for (const IndicatorCategory& c : config.indicators.categories) o.categories.push_back(c.slug);
    }
  }

  std::vector<ImportFile> files = RenderImport(report, figures, o);
  if (!WriteImportFiles(a.site, files, a.force, out, err)) return kExitErrors;

  size_t paragraphs = report.blocks.size() - static_cast<size_t>(report.heading_count);
  out << "imported " << name << " (" << text.format << "): " << report.heading_count << " headings, "
      << paragraphs << " paragraphs, " << figures.size() << " figures\n";
  // Title, headings and warnings come from the imported text: printed
  // through VisibleText, so its control characters cannot reach the terminal.
  out << "  title: " << VisibleText(o.title) << "\n  year: " << o.year << "\n";
  out << "  publication date: "
      << (report.meta.published.empty() ? "not stated in the text (date: " + o.date + ")"
                                        : report.meta.published)
      << "\n";
  if (report.clutter_removed > 0) {
    out << "  portal clutter removed: " << report.clutter_removed << " fragments\n";
  }
  const ImportParts& p = report.parts;
  auto part = [&](const char* label, const std::string& where) {
    out << "  " << label << ": " << (where.empty() ? "not found" : VisibleText(where)) << "\n";
  };
  part("主要举措和成效", p.measures);
  part("不足和原因", p.shortcomings);
  part("第一责任人职责", p.accountability.empty()
                             ? std::string()
                             : p.accountability + (p.accountability_folded ? " (folded in)" : ""));
  part("下一年度安排", p.plans);
  for (const std::string& w : warnings) err << "warning: " << VisibleText(w) << "\n";
  out << "Next: review the files above (see README, \"Importing a report\"), then run fazhi build.\n";
  return 0;
}

}  // namespace

const char* ImportUsage() {
  return "usage: fazhi import <file> [--site DIR] [--year N] [--date YYYY-MM-DD]\n"
         "                    [--title TEXT] [--publisher NAME] [--force]\n"
         "  <file>       the report: UTF-8 or GB18030/GBK text, or a .docx (Word, WPS)\n"
         "  --site DIR   the site to write into (default: the current folder)\n"
         "  --year N     the reporting year (default: found in the text)\n"
         "  --date D     front matter date when the text states no publication date\n"
         "               (default: today on this computer's clock)\n"
         "  --title, --publisher  override what the text says\n"
         "  --force      overwrite files that exist\n";
}

int RunImport(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  try {
    ImportArgs a;
    int rc = ParseImportArgs(args, &a, err);
    if (rc == -1) {
      out << ImportUsage();
      return 0;
    }
    if (rc != 0) return rc;
    return Import(a, out, err);
  } catch (const std::exception& e) {
    err << "fazhi import: " << e.what() << "\n";
    return kExitErrors;
  }
}

}  // namespace fazhi
