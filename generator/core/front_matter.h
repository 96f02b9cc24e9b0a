// Front matter: YAML between "---" fences or TOML between "+++" fences,
// parsed into one position-carrying tree. Scalars stay text (YAML's yes/no
// and 01234 never change meaning); each field is converted by its consumer.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostics.h"
#include "core/source_tree.h"

namespace fazhi {

struct FmField;

struct FmNode {
  enum class Kind { kNull, kScalar, kList, kMap };
  Kind kind = Kind::kNull;
  std::string scalar;           ///< the source text of a scalar, unquoted
  bool quoted = false;          ///< scalar was quoted in the source
  int line = 0, col = 0;        ///< 1-based position in the file
  std::vector<FmNode> items;    ///< kList
  std::vector<FmField> fields;  ///< kMap, in document order

  bool is_scalar() const { return kind == Kind::kScalar; }
  bool is_list() const { return kind == Kind::kList; }
  bool is_map() const { return kind == Kind::kMap; }
  /// The field `key` of a map, or nullptr.
  const FmNode* Get(std::string_view key) const;
};

struct FmField {
  std::string key;
  int line = 0, col = 0;  ///< position of the key
  FmNode value;
};

struct FrontMatter {
  enum class Format { kNone, kYaml, kToml };
  Format format = Format::kNone;
  FmNode root;              ///< a kMap (empty when there is no front matter)
  size_t body_offset = 0;   ///< byte offset of the body in the file
  int body_first_line = 1;  ///< 1-based line of the body's first line
};

/// True when `a` and `b` hold the same values (kinds, scalars, quoting,
/// keys in order), wherever they are in their files.
bool SameValue(const FmNode& a, const FmNode& b);

/// Splits and parses the front matter of `file`. Errors (malformed YAML or
/// TOML, unclosed fence, duplicate key, non-map document) go to `diags` with
/// the file's positions. Returns false on error.
bool ParseFrontMatter(const SourceFile& file, FrontMatter* out, Diagnostics* diags);

/// Typed reads with positioned errors; `what` names the field in messages.
/// Each returns false (and reports) when present but malformed.
bool FmString(const SourceFile& f, const FmNode& map, std::string_view key, std::string* out,
              Diagnostics* diags);
bool FmBool(const SourceFile& f, const FmNode& map, std::string_view key, bool* out, Diagnostics* diags);
bool FmInt(const SourceFile& f, const FmNode& map, std::string_view key, long* out, Diagnostics* diags);
/// A "YYYY-MM-DD" date (a TOML date or a YAML/TOML string); validates the calendar.
bool FmDate(const SourceFile& f, const FmNode& map, std::string_view key, std::string* out,
            Diagnostics* diags);
/// A list of strings; a single scalar is accepted as a one-item list.
bool FmStringList(const SourceFile& f, const FmNode& map, std::string_view key, std::vector<std::string>* out,
                  Diagnostics* diags);

/// Reports every key of `map` that is not in `known` as
/// "unknown front matter key 'x'" at the key's position.
void CheckKnownKeys(const SourceFile& f, const FmNode& map, const std::vector<std::string_view>& known,
                    Diagnostics* diags);

/// True when `s` is a valid calendar date "YYYY-MM-DD".
bool IsValidDate(std::string_view s);

/// A date as editors write it — "2025年3月31日", "2025/3/31", "2025.3.31",
/// "2025-3-31" — as YYYY-MM-DD ("2025-03-31"); "" when `s` is no such date.
std::string AsIsoDate(std::string_view s);

}  // namespace fazhi
