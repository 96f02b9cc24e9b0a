// The official record around a page's text: the 政府信息公开目录 metadata a
// portal shows above an item (索引号, 发布机构, 主题分类, 文号, 成文日期),
// the 落款 below it, and the original files (PDF, Word, OFD, Excel) the
// bureau signed, published beside the page. Every field is optional and
// shown only when the page states it: nothing here is ever filled in.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostics.h"
#include "core/front_matter.h"
#include "core/source_tree.h"

namespace fazhi {

/// An original file published with a page.
struct Attachment {
  std::string file;       ///< as written in the front matter ("2025.pdf"), relative to the page's folder
  std::string title;      ///< shown as the link text; the file name when not given
  int line = 0, col = 0;  ///< position of `file`, for the errors of ResolveAttachments
  // Set by ResolveAttachments:
  std::string source;  ///< "content/reports/2025.pdf", published as /reports/2025.pdf
  std::string name;    ///< "2025.pdf", the last part of `file`
  std::string format;  ///< "PDF", "OFD", "Word", "Excel", "WPS"
  uint64_t size = 0;   ///< bytes
  std::string sha256;  ///< lower-case hex
  bool operator==(const Attachment&) const = default;
};

/// 信息公开 metadata and 落款, as the page's front matter states them.
struct RecordMeta {
  std::string index_no;                ///< 索引号
  std::string issuer;                  ///< 发布机构
  std::string topic;                   ///< 主题分类
  std::string doc_no;                  ///< 文号
  std::string written;                 ///< 成文日期, YYYY-MM-DD
  std::vector<std::string> signature;  ///< 落款, one line each (unit, date)
  std::vector<Attachment> attachments;
  /// Any of the catalogue fields is stated: the page shows the metadata table.
  bool HasCatalogue() const {
    return !index_no.empty() || !issuer.empty() || !topic.empty() || !doc_no.empty() || !written.empty();
  }
  bool operator==(const RecordMeta&) const = default;
};

/// The front matter keys read here (every page may use them).
const std::vector<std::string_view>& RecordFrontMatterKeys();

/// Reads the keys above from `fm`; malformed values are errors at their position.
void ReadRecordMeta(const SourceFile& f, const FmNode& fm, RecordMeta* out, Diagnostics* diags);

/// Finds each attachment of the page `f` in `tree` (relative to the page's
/// folder, inside content/), and fills its source, name, format, size and
/// checksum. A missing file, a path outside content/ or an unsupported
/// format is an error at the `file` value. Each is published at its own
/// path, as a file linked from the body is (content/a/b.pdf → /a/b.pdf).
/// Returns false when there were any.
bool ResolveAttachments(const SourceTree& tree, const SourceFile& f, RecordMeta* record, Diagnostics* diags);

/// "812 字节", "35.2 KB", "1.4 MB" (1 KB = 1024 bytes, one decimal).
std::string FormatFileSize(uint64_t bytes);

}  // namespace fazhi
