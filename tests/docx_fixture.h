// Builds small .docx files in memory for the importer tests, with libzip:
// [Content_Types].xml plus word/document.xml holding w:p/w:r/w:t paragraphs,
// in the shapes Word and WPS write them.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace fazhi::testing {

/// A ZIP archive holding `entries` (name, bytes), stored in this order.
std::string MakeZip(const std::vector<std::pair<std::string, std::string>>& entries);

/// word/document.xml with one w:p per paragraph; each paragraph is split into
/// two runs (as Word does after edits), text XML-escaped.
std::string DocumentXml(const std::vector<std::string>& paragraphs);

/// A minimal .docx: [Content_Types].xml + word/document.xml.
std::string MakeDocx(const std::string& document_xml);

/// Shortcut: MakeDocx(DocumentXml(paragraphs)).
std::string MakeDocxFromParagraphs(const std::vector<std::string>& paragraphs);

}  // namespace fazhi::testing
