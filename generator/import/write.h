// Output of `fazhi import`: the report as Markdown with front matter
// (content/reports/<year>.md), the draft observations CSV
// (data/indicators/<year>-import.csv) and one draft indicator definition per
// figure (content/indicators/<id>.md). Rendering is pure; WriteImportFiles is
// the only part that touches the disk (temp file + rename, never overwriting
// unless forced).
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "import/figures.h"
#include "import/structure.h"

namespace fazhi {

struct ImportWriteOptions {
  int year = 0;
  std::string date;        ///< YYYY-MM-DD: `date` when the text states no publication date
  std::string title;       ///< final title (from the text or --title)
  std::string publisher;   ///< final publisher, may be empty
  std::string input_name;  ///< the imported file's name, for the notes
  /// The files' stem: empty for "<year>" (content/reports/2024.md,
  /// data/indicators/2024-import.csv, import-2024-NN); a bulk import into a
  /// site of many units sets "<unit>-<year>" so that units do not collide.
  std::string stem;
  /// Category slugs the site knows ([indicators] categories); the first is the
  /// fallback when no guess fits. Empty: the default categories.
  std::vector<std::string> categories;
  /// The imported file, kept beside the page (content/reports/<stem>.<ext>) as
  /// its original: its bytes and lower-case extension. Word and text files are
  /// listed under `attachments`; a web page is kept but its entry is left
  /// commented out (see RenderReportMarkdown). Null: nothing kept.
  const std::string* original = nullptr;
  std::string original_ext;
};

struct ImportFile {
  std::string path;  ///< relative to the site root, '/' separated
  std::string bytes;
};

/// "import-2024-07": the draft indicator id of the `index`-th figure (0-based).
std::string DraftIndicatorId(int year, size_t index, size_t count);
/// The same for a file stem: "import-baiyun-2024-07".
std::string DraftIndicatorId(const std::string& stem, size_t index, size_t count);

/// The stem `o` asks for: o.stem, or the year.
std::string ImportStem(const ImportWriteOptions& o);

/// A category slug (DOMAIN.md §3.1) guessed from the figure's name and sentence, or "".
std::string GuessCategory(const ImportedFigure& f);

/// The anchor of each heading block as the Markdown stage will make it
/// (HeadingSlug, de-duplicated with -1, -2 …); "" for paragraphs.
std::vector<std::string> HeadingAnchors(const StructuredReport& r);

/// Markdown text with Markdown syntax characters escaped so the prose stays prose.
std::string EscapeMarkdown(const std::string& text);

/// The report page: front matter with what the text and the portal state
/// (title, dates, 信息来源, the 信息公开 fields, the 落款 as `signature`, the
/// kept original under `attachments`), then the headings and paragraphs.
std::string RenderReportMarkdown(const StructuredReport& r, const ImportWriteOptions& o);

/// "2024.docx": the file name of the kept original beside the page, or "".
std::string OriginalFileName(const ImportWriteOptions& o);
/// `source` links each row to its section: "reports/<year>.md#<anchor>".
std::string RenderObservationsCsv(const std::vector<ImportedFigure>& figures, const ImportWriteOptions& o);
std::string RenderIndicatorStub(const ImportedFigure& f, const ImportWriteOptions& o);

/// All output files of one import, in a fixed order.
std::vector<ImportFile> RenderImport(const StructuredReport& r, const std::vector<ImportedFigure>& figures,
                                     const ImportWriteOptions& o);

/// Writes `files` under `site_dir`. Without `force`, refuses (writing
/// nothing) when any of them exists. Each file goes to a temporary sibling
/// first and is renamed into place. Prints "wrote <path>" per file to `out`;
/// returns false with the reason printed to `err`.
bool WriteImportFiles(const std::string& site_dir, const std::vector<ImportFile>& files, bool force,
                      std::ostream& out, std::ostream& err, Lang lang = Lang::kZh);

}  // namespace fazhi
