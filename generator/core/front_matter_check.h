// Front matter that parsed but does not say what the editor wrote. YAML
// takes " #" and what follows as a comment, so `source: 某局 #2` reads as
// "某局" and `title: #1号文件` as nothing; a real comment starts with "# "
// (a space after the '#'), so a '#' followed directly by text is taken for
// part of the value and reported, as a warning, with the quoted value to
// write instead.
#pragma once

#include "core/diagnostics.h"
#include "core/front_matter.h"
#include "core/source_tree.h"

namespace fazhi {

/// Warns about every value of `fm` (parsed from `file`) cut short by " #".
void CheckValuesCutByComments(const SourceFile& file, const FrontMatter& fm, Diagnostics* diags);

}  // namespace fazhi
