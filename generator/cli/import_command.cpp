#include "cli/import_command.h"

#include <exception>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "cli/args.h"
#include "cli/messages.h"
#include "cli/new_command.h"
#include "core/config.h"
#include "core/diagnostics.h"
#include "core/messages.h"
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
  if (p.positional.size() > 1) return usage_error(Message(msg::kImportOneFile));
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

int Import(const ImportArgs& a, std::ostream& out, std::ostream& err, Lang lang) {
  // Text from the imported file (title, headings) is in these lines: printed
  // through VisibleText, so its control characters cannot reach the terminal.
  auto say = [lang](std::ostream& to, Message m) { to << VisibleText(m.Render(lang)) << "\n"; };
  // The file is read whole: a 5 GB file given by mistake is refused first.
  std::error_code size_ec;
  uintmax_t size = std::filesystem::file_size(a.file, size_ec);
  if (!size_ec && size > kMaxImportBytes) {
    say(err, Message(msg::kImportFileError, a.file, Message(msg::kImportTooLarge, kMaxImportBytes >> 20)));
    return kExitErrors;
  }
  std::ifstream in(a.file, std::ios::binary);
  if (!in) {
    say(err, Message(msg::kImportFileError, a.file, Message(msg::kImportCannotOpen)));
    return kExitErrors;
  }
  std::stringstream buf;
  buf << in.rdbuf();
  if (in.bad()) {
    say(err, Message(msg::kImportFileError, a.file, Message(msg::kImportCannotRead)));
    return kExitErrors;
  }
  ImportedText text;
  Message error;
  if (!ReadImportText(buf.str(), &text, &error, a.file)) {
    say(err, Message(msg::kImportFileError, a.file, std::move(error)));
    return kExitErrors;
  }
  StructuredReport report = StructureReport(text.text);
  size_t dropped = 0;
  std::vector<ImportedFigure> figures = FindFigures(report, &dropped);

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
  say(out, Message(msg::kImportSummary, name, text.format, report.heading_count, paragraphs, figures.size()));
  say(out, Message(msg::kImportTitleLine, o.title));
  say(out, Message(msg::kImportYearLine, o.year));
  say(out, Message(msg::kImportPublishedLine, report.meta.published.empty()
                                                  ? Message(msg::kImportNotStated, o.date)
                                                  : Message::Verbatim(report.meta.published)));
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
    return Import(a, out, err, choice.lang);
  } catch (const std::exception& e) {
    err << VisibleText(Message(msg::kImportPrefix, e.what()).Render(choice.lang)) << "\n";
    return kExitErrors;
  }
}

}  // namespace fazhi
