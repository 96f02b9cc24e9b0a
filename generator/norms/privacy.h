// The privacy gate: before anything is published, every file of the site
// that can be read as text (content, data, layouts, static assets, themes
// with their css/js, site.toml) is scanned for personal data that a
// government site must not carry. An 18-digit 身份证号 with a valid check
// digit and birth date (or any 18 or 15 digits right after 身份证/证件号…),
// or a mainland mobile number, is an error that fails the build; text that
// looks like a home address (…号…室 / 栋 / 单元 / 房) is a warning. Numbers are
// found however they are written (norms/digits.h: separators, markup,
// entities, escapes, full-width digits). Officially published office numbers
// go on the allow-list (`[privacy] allow` in site.toml).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostics.h"
#include "core/source_tree.h"

namespace fazhi {

struct PrivacyOptions {
  /// Numbers that may appear (officially published office numbers). Compared
  /// by their digits only, so "138-0000-0000" allows "13800000000".
  std::vector<std::string> allow;
  /// "YYYY-MM-DD" (the site's as-of date): an ID number's birth date must not
  /// lie after it. Empty: any birth date from 1900 on is plausible.
  std::string as_of;
};

/// True when `id` (18 characters: 17 digits and a digit or X) carries a valid
/// ISO 7064 MOD 11-2 check digit, a plausible region prefix and a real birth
/// date no later than `as_of` (when given).
bool IsPlausibleIdNumber(std::string_view id, std::string_view as_of = {});

/// Scans one UTF-8 text. `path` names it in the diagnostics; columns count
/// code points; full-width digits count as digits.
void CheckPrivacyText(const std::string& path, std::string_view text, const PrivacyOptions& opts,
                      Diagnostics* diags);

/// True for the files the gate scans: every file under content/, data/,
/// layouts/, static/ and themes/ (theme assets included), and site.toml.
bool IsPrivacyScanned(std::string_view path);

/// True when `bytes` is an image, PDF, Office file, archive, font or media
/// file, both by the extension of `path` and by its first bytes: such files
/// cannot be read for numbers and are skipped. A file named .png that is
/// text is scanned.
bool IsOpaqueBinary(std::string_view path, std::string_view bytes);

/// Scans every file of `tree` that IsPrivacyScanned() selects, decoding
/// GB18030 and UTF-16 files first. Returns false when an error was found.
/// Files are scanned on `jobs` threads (0 = all cores); the report does not
/// depend on it.
bool CheckPrivacy(const SourceTree& tree, const PrivacyOptions& opts, Diagnostics* diags, int jobs = 1);

/// CheckPrivacy on `files` only (those IsPrivacyScanned() selects): the
/// gate for the files an edit changed.
bool CheckPrivacyFiles(const std::vector<const SourceFile*>& files, const PrivacyOptions& opts,
                       Diagnostics* diags, int jobs = 1);

}  // namespace fazhi
