// AST -> source text, in bash's canonical layout (what `declare -f` and
// `type` print), plus a one-line form.
#pragma once

#include <string>
#include <string_view>

#include "shell/ast.h"

namespace burrow::shell {

// `declare -f f` output for a function definition (no trailing newline):
//   f ()
//   {
//       echo hi
//   }
std::string print_function(const FunctionDef& f);
// A command / list in multi-line canonical layout, indented by `indent` levels.
std::string print_command(const Command& c, int indent = 0);
std::string print_list(const List& l, int indent = 0);
// The same on one line (`a; b && c`), as bash shows commands in job lists,
// $BASH_COMMAND and error messages.
std::string print_command_oneline(const Command& c);
std::string print_list_oneline(const List& l);
// 'text' with each embedded quote as '\'' (what ${x@Q}, `alias`, `trap -p`
// and the printer's $'...' words show).
std::string single_quote(std::string_view s);
// A word as it appears in the source (quoting kept).
std::string print_word(const Word& w);

}  // namespace burrow::shell
