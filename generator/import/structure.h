// Structure of an imported report: portal clutter removed, the title,
// publisher, year and a stated publication date found, and the text cut into
// headings (一、 / （一） / 1. / （1）) and paragraphs. Works whether headings sit
// on their own lines, run inline ("（一）标题。一是…二是…"), or the whole
// report is one line. Pure: text in, blocks out.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/message.h"

namespace fazhi {

enum class ImportBlockKind { kHeading, kParagraph };

struct ImportBlock {
  ImportBlockKind kind = ImportBlockKind::kParagraph;
  int rank = 0;        ///< heading kind: 1 一、 2 （一） 3 1./1、 4 （1）; 0 for paragraphs
  int level = 0;       ///< Markdown heading level (2…5), unused ranks skipped
  std::string marker;  ///< the heading's marker as written, e.g. "(一)"
  std::string text;    ///< heading title without marker, or paragraph text
  int line = 0;        ///< 1-based line of the imported text it starts on
};

struct ImportMeta {
  std::string title;
  std::string publisher;  ///< from the title, the signature or the portal's 来源
  int year = 0;           ///< reporting year, 0 when the text does not say
  /// YYYY-MM-DD: the portal's 发布日期/发布时间 when it shows one (the day the
  /// report was made public), else a date the text states (the 落款 date, or
  /// a date in brackets under the title).
  std::string published;
  std::string portal_source;   ///< the portal's 信息来源/来源, if any
  std::string signature;       ///< the 落款's issuing unit under the text, if any
  std::string signature_date;  ///< the 落款's date as written ("2025年3月20日"), if any
  // The 政府信息公开目录 block a portal shows above an item (索引号: … 分类: …),
  // each empty when the page does not show it. Dates are YYYY-MM-DD.
  std::string index_no;         ///< 索引号
  std::string issuer;           ///< 发布机构 (or 发文机关)
  std::string topic;            ///< 主题分类 (or 分类)
  std::string doc_no;           ///< 文号 (or 发文字号)
  std::string written;          ///< 成文日期
  std::string portal_date;      ///< 发布日期/发布时间/公开日期
  std::string catalogue_title;  ///< 名称 (or 标题)
};

/// Where the report's required parts are (labels of the headings), empty when
/// not found. The 第一责任人 part is often folded into the measures part.
struct ImportParts {
  std::string measures, shortcomings, accountability, plans;
  bool accountability_folded = false;
};

struct StructuredReport {
  ImportMeta meta;
  std::vector<ImportBlock> blocks;
  ImportParts parts;
  int clutter_removed = 0;  ///< portal lines and fragments dropped
  int heading_count = 0;
  std::vector<Message> warnings;
};

/// Structures `text` (UTF-8, "\n" line ends, as from ReadImportText).
/// `document_title` (a web page's <title>) is the title when the text shows
/// none, after the portal's 名称 field.
StructuredReport StructureReport(std::string_view text, std::string_view document_title = {});

/// The title without the portal's name around it: "示例区人民政府门户网站 - X"
/// and "X_示例区政府网" (also "|", "－", "—") become "X". A separator inside
/// the title ("2021-2025年") stays.
std::string StripPortalName(std::string_view title);

/// Whether `line` is a line of labelled portal fields: "索引号：… 分类：…",
/// "来源：… 发布时间：…" (it starts with a label and its colon).
bool IsPortalFieldLine(std::string_view line);

/// "一"…"九十九" (also 〇/零, 两) → 1…99; 0 when `s` is not such a numeral.
int ParseChineseNumber(std::u32string_view s);

/// "(一)把握正确政治方向" style label of a heading, for messages and CSV.
std::string HeadingLabel(const ImportBlock& b);

std::u32string ToU32(std::string_view s);
std::string ToU8(std::u32string_view s);
/// Trims ASCII whitespace, U+3000 and NBSP from both ends.
std::u32string TrimU32(std::u32string_view s);

}  // namespace fazhi
