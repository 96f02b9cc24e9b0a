#include "import/write.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <set>
#include <system_error>

#include "core/config.h"
#include "core/os_error.h"
#include "import/messages.h"
#include "markdown/markdown.h"

namespace fazhi {
namespace {

namespace fs = std::filesystem;

// A YAML double-quoted scalar, so titles with ":" or "#" stay text.
std::string YamlString(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

std::string CsvField(const std::string& s) {
  if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

bool Has(const std::string& s, const char* word) { return s.find(word) != std::string::npos; }

}  // namespace

std::string DraftIndicatorId(int year, size_t index, size_t count) {
  return DraftIndicatorId(std::to_string(year), index, count);
}

std::string DraftIndicatorId(const std::string& stem, size_t index, size_t count) {
  int width = count >= 100 ? 3 : 2;
  char buf[16];
  std::snprintf(buf, sizeof buf, "-%0*zu", width, index + 1);
  return "import-" + stem + buf;
}

std::string ImportStem(const ImportWriteOptions& o) {
  return o.stem.empty() ? std::to_string(o.year) : o.stem;
}

std::string GuessCategory(const ImportedFigure& f) {
  const std::string& n = f.name;
  // The name decides first; the sentence only when the name says nothing.
  for (const std::string* s : {&n, &f.sentence}) {
    if (Has(*s, "复议") || Has(*s, "诉讼") || Has(*s, "应诉") || Has(*s, "纠错") || Has(*s, "败诉"))
      return "oversight";
    if (Has(*s, "调解") || Has(*s, "纠纷") || Has(*s, "争议") || Has(*s, "化解") || Has(*s, "信访"))
      return "disputes";
    if (Has(*s, "述法") || Has(*s, "常委") || Has(*s, "主要负责") || Has(*s, "督察")) return "leadership";
    if (Has(*s, "入企") || Has(*s, "营商") || Has(*s, "审批") || Has(*s, "企业")) return "functions";
    if (Has(*s, "规范性文件") || Has(*s, "备案") || Has(*s, "审查率")) return "rules";
    if (Has(*s, "法律意见") || Has(*s, "法律顾问") || Has(*s, "合法性") || Has(*s, "决策"))
      return "decisions";
    if (Has(*s, "执法") || Has(*s, "处罚") || Has(*s, "检查") || Has(*s, "强制") || Has(*s, "案卷"))
      return "enforcement";
    if (Has(*s, "学法") || Has(*s, "培训") || Has(*s, "考试") || Has(*s, "普法")) return "capacity";
    if (Has(*s, "无纸化") || Has(*s, "数字") || Has(*s, "平台")) return "digital";
  }
  return "";
}

std::vector<std::string> HeadingAnchors(const StructuredReport& r) {
  std::vector<std::string> anchors(r.blocks.size());
  std::set<std::string> used;
  for (size_t i = 0; i < r.blocks.size(); ++i) {
    const ImportBlock& b = r.blocks[i];
    if (b.kind != ImportBlockKind::kHeading) continue;
    std::string id = HeadingSlug(b.marker + b.text);
    std::string unique = id;
    for (int n = 1; !used.insert(unique).second; ++n) unique = id + "-" + std::to_string(n);
    anchors[i] = unique;
  }
  return anchors;
}

std::string EscapeMarkdown(const std::string& text) {
  std::string out;
  out.reserve(text.size() + 8);
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    switch (c) {
      case '\\':
      case '`':
      case '*':
      case '_':
      case '[':
      case ']':
      case '<':
      case '>':
      case '|':
      case '~':
      case '{':
      case '}':
      case '&':
        out += '\\';
        break;
      case '#':
      case '+':
      case '-':
      case '=':
        if (i == 0) out += '\\';
        break;
      default:
        break;
    }
    out += c;
  }
  // "1." or "1)" at the start would become an ordered list.
  size_t d = 0;
  while (d < out.size() && out[d] >= '0' && out[d] <= '9') ++d;
  if (d > 0 && d < out.size() && (out[d] == '.' || out[d] == ')')) out.insert(d, "\\");
  return out;
}

std::string OriginalFileName(const ImportWriteOptions& o) {
  if (!o.original || o.original_ext.empty()) return "";
  return ImportStem(o) + "." + o.original_ext;
}

std::string RenderReportMarkdown(const StructuredReport& r, const ImportWriteOptions& o) {
  const ImportMeta& m = r.meta;
  std::string md = "---\n";
  md += "# Imported by `fazhi import` from " + o.input_name +
        ". Check the headings and the text against the original,\n"
        "# then delete \"draft: true\" to publish.\n";
  md += "title: " + YamlString(o.title) + "\n";
  // `date` is the 发布日期 on this site: the publication date the portal or
  // the text states, else the import's as-of date.
  md += "date: " + (m.published.empty() ? o.date : m.published) + "\n";
  // 信息来源: as the portal states it, else the publisher.
  std::string source = m.portal_source.empty() ? o.publisher : m.portal_source;
  if (!source.empty()) md += "source: " + YamlString(source) + "\n";
  md += "year: " + std::to_string(o.year) + "\n";
  if (!o.publisher.empty()) md += "publisher: " + YamlString(o.publisher) + "\n";
  if (!m.published.empty()) md += "published: " + m.published + "\n";
  // The 信息公开 fields exactly as the portal shows them; none is inferred.
  if (!m.index_no.empty()) md += "index_no: " + YamlString(m.index_no) + "\n";
  if (!m.issuer.empty()) md += "issuer: " + YamlString(m.issuer) + "\n";
  if (!m.topic.empty()) md += "topic: " + YamlString(m.topic) + "\n";
  if (!m.doc_no.empty()) md += "doc_no: " + YamlString(m.doc_no) + "\n";
  if (!m.written.empty()) md += "written: " + m.written + "\n";
  // The 落款 as the text writes it (it is not repeated in the body).
  if (!m.signature.empty() || !m.signature_date.empty()) {
    md += "signature:\n";
    if (!m.signature.empty()) md += "  - " + YamlString(m.signature) + "\n";
    if (!m.signature_date.empty()) md += "  - " + YamlString(m.signature_date) + "\n";
  }
  std::string original = OriginalFileName(o);
  if (!original.empty()) {
    std::string entry = "  - file: " + YamlString(original) +
                        "\n    title: " + YamlString(o.title + "（导入时的原文件）") + "\n";
    if (o.original_ext == "html") {
      // A saved portal page loads the portal's scripts (analytics, the 纠错
      // widget) from other hosts, which this site never publishes: it is kept
      // beside the page for review, and the bureau's PDF or Word is attached.
      md += "# 导入的网页已放在本页旁边（" + original +
            "），但它从其他网站加载脚本，不能公开：\n"
            "# 请改为附上本单位发布的 PDF 或 Word 原件（见 docs/content.md）。\n"
            "# attachments:\n";
      for (size_t at = 0, nl; (nl = entry.find('\n', at)) != std::string::npos; at = nl + 1) {
        md += "#" + entry.substr(at, nl + 1 - at);
      }
    } else {
      md += "attachments:\n" + entry;
    }
  }
  md += "draft: true\n---\n";
  for (const ImportBlock& b : r.blocks) {
    md += '\n';
    if (b.kind == ImportBlockKind::kHeading) {
      md += std::string(static_cast<size_t>(b.level), '#') + " " + EscapeMarkdown(b.marker + b.text) + "\n";
    } else {
      md += EscapeMarkdown(b.text) + "\n";
    }
  }
  return md;
}

namespace {

// The time scope the sentence states: 累计 or 截至 when it says so (the
// editor checks that the word belongs to this figure), else empty (年度).
std::string SentenceScope(std::string_view sentence) {
  if (sentence.find("累计") != std::string_view::npos) return "累计";
  if (sentence.find("截至") != std::string_view::npos || sentence.find("截止") != std::string_view::npos) {
    return "截至";
  }
  return "";
}

}  // namespace

std::string RenderObservationsCsv(const std::vector<ImportedFigure>& figures, const ImportWriteOptions& o) {
  // UTF-8 with BOM so that Chinese Excel opens it correctly.
  std::string csv =
      "\xEF\xBB\xBF"
      "indicator,year,value,unit,qualifier,scope,breakdown,basis,formula,source,quote,note\n";
  for (size_t i = 0; i < figures.size(); ++i) {
    const ImportedFigure& f = figures[i];
    csv += DraftIndicatorId(ImportStem(o), i, figures.size()) + "," + std::to_string(o.year) + "," + f.value +
           "," + CsvField(f.unit) + "," + CsvField(f.qualifier) + "," + SentenceScope(f.sentence) +
           ",,原文,," +
           CsvField("reports/" + ImportStem(o) + ".md" + (f.anchor.empty() ? "" : "#" + f.anchor)) + "," +
           CsvField(f.sentence) + ",\n";
  }
  return csv;
}

std::string RenderIndicatorStub(const ImportedFigure& f, const ImportWriteOptions& o) {
  bool growth = f.name.find("增长") != std::string::npos || f.name.find("下降") != std::string::npos ||
                f.name.find("同比") != std::string::npos;
  std::string kind = f.unit == "%" ? (growth ? "change" : "rate")
                                   : (f.unit.find("元") != std::string::npos ? "amount" : "count");
  std::vector<std::string> known = o.categories;
  if (known.empty()) {
    for (const IndicatorCategory& c : DefaultIndicatorCategories()) known.push_back(c.slug);
  }
  std::string category = GuessCategory(f);
  std::string category_note;
  bool fits = false;
  for (const std::string& k : known) fits = fits || k == category;
  if (!fits) {
    // A category the site knows, so a --drafts preview builds; marked for review.
    category = known.empty() ? "" : known.front();
    category_note = "  # 待定: no guess, choose one";
  }
  std::string md = "---\n";
  md +=
      "# Draft from `fazhi import`: check the name, category, unit and 口径, then delete\n"
      "# \"draft: true\". The id (this file's name) may be renamed; rename it in the CSV too.\n";
  md += "title: " + YamlString(f.name) + "\n";
  md += "category: " + YamlString(category) + category_note + "\n";
  md += "unit: " + YamlString(f.unit) + "\n";
  md += "kind: " + kind + "\n";
  md += "direction: neutral\n";
  md += "date: " + o.date + "\n";
  if (!o.publisher.empty()) md += "source: " + YamlString(o.publisher) + "\n";
  md += "draft: true\n---\n\n";
  md += "导入草稿：本指标由 fazhi import 从" + EscapeMarkdown(o.title) + "（" +
        EscapeMarkdown(f.section.empty() ? "正文" : f.section) + "）的原句中提取，请核对后完善口径。\n\n";
  md += "> " + EscapeMarkdown(f.sentence) + "\n";
  return md;
}

std::vector<ImportFile> RenderImport(const StructuredReport& r, const std::vector<ImportedFigure>& figures,
                                     const ImportWriteOptions& o) {
  std::vector<ImportFile> files;
  std::string stem = ImportStem(o);
  std::vector<std::string> anchors = HeadingAnchors(r);
  std::vector<ImportedFigure> linked = figures;
  for (ImportedFigure& f : linked) {
    if (f.heading >= 0) f.anchor = anchors[static_cast<size_t>(f.heading)];
  }
  files.push_back({"content/reports/" + stem + ".md", RenderReportMarkdown(r, o)});
  if (std::string original = OriginalFileName(o); !original.empty()) {
    files.push_back({"content/reports/" + original, *o.original});
  }
  if (!figures.empty()) {
    files.push_back({"data/indicators/" + stem + "-import.csv", RenderObservationsCsv(linked, o)});
    for (size_t i = 0; i < linked.size(); ++i) {
      files.push_back({"content/indicators/" + DraftIndicatorId(stem, i, linked.size()) + ".md",
                       RenderIndicatorStub(linked[i], o)});
    }
  }
  return files;
}

bool WriteImportFiles(const std::string& site_dir, const std::vector<ImportFile>& files, bool force,
                      std::ostream& out, std::ostream& err, Lang lang) {
  auto say = [lang](std::ostream& to, Message m) { to << m.Render(lang) << "\n"; };
  std::error_code ec;
  fs::path root(site_dir);
  if (!force) {
    std::vector<std::string> existing;
    // lstat, not stat: a symbolic link that leads nowhere is something
    // there too, and renaming over it would replace it unasked.
    for (const ImportFile& f : files) {
      fs::file_status st = fs::symlink_status(root / f.path, ec);
      if (!fs::exists(st)) continue;
      std::string line = f.path;
      if (fs::is_symlink(st)) {
        line = Message(msg::kImportTargetIsLink, f.path, fs::read_symlink(root / f.path, ec).string())
                   .Render(lang);
      }
      existing.push_back(line);
    }
    if (!existing.empty()) {
      say(err, Message(msg::kImportFilesExist, existing.size()));
      for (const std::string& p : existing) err << "  " << p << "\n";
      return false;
    }
  }
  for (const ImportFile& f : files) {
    fs::path target = root / f.path;
    fs::create_directories(target.parent_path(), ec);
    if (ec) {
      say(err, Message(msg::kImportCannotCreate, target.parent_path().string(), OsError(ec.value())));
      return false;
    }
    fs::path tmp = target;
    tmp += ".tmp-" + std::to_string(::getpid());
    {
      // O_EXCL | O_NOFOLLOW: never write through something already there.
      fs::remove(tmp, ec);
      int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644);
      bool ok = fd >= 0;
      for (size_t done = 0; ok && done < f.bytes.size();) {
        ssize_t n = ::write(fd, f.bytes.data() + done, f.bytes.size() - done);
        if (n < 0 && errno == EINTR) continue;
        ok = n > 0;
        if (ok) done += static_cast<size_t>(n);
      }
      int cause = ok ? 0 : errno;
      if (fd >= 0 && ::close(fd) != 0 && ok) {
        ok = false;
        cause = errno;
      }
      if (!ok) {
        fs::remove(tmp, ec);
        say(err, Message(msg::kImportCannotWriteWhy, f.path, OsError(cause)));
        return false;
      }
    }
    fs::rename(tmp, target, ec);
    if (ec) {
      say(err, Message(msg::kImportCannotWriteWhy, f.path, OsError(ec.value())));
      fs::remove(tmp, ec);
      return false;
    }
    say(out, Message(msg::kImportWrote, f.path));
  }
  return true;
}

}  // namespace fazhi
