// The bash parser: source text -> AST (ast.h).
//
// Scripts are parsed one complete top-level command at a time, as bash does,
// so that an alias defined on one line applies to the next and a syntax error
// later in a script only stops execution there:
//
//   Parser p(source, opts);
//   ParseError err;
//   while (auto cmd = p.next_command(err)) run(*cmd);
//   if (err) print(err);   // bash: line N: syntax error ...
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "shell/ast.h"

namespace burrow::shell {

struct ParseError {
  // Without the "bash: " / "line N: " prefixes, e.g.
  //   "syntax error near unexpected token `fi'"
  //   "syntax error: unexpected end of file"
  //   "unexpected EOF while looking for matching `)'"
  std::string message;
  int line = 0;            // line number bash reports
  std::string line_text;   // what bash quotes on its second line (`fi'), or
                           // empty when bash prints no second line
  bool has_line_text = false;
  // The input ended inside a construct: an interactive front end may read
  // another line and try again.
  bool incomplete = false;
  // An error bash reports and then goes on from, after the rest of the line
  // (an operator inside an array literal): status 1, parsing resumes.
  bool skip_line = false;

  explicit operator bool() const { return !message.empty(); }
  // The two lines bash prints after "<name>: ", e.g. for `bash -c`:
  //   "-c: line 1: syntax error near unexpected token `fi'\n-c: line 1: `fi'\n"
  std::string format(std::string_view script_name) const;
};

struct ParserOptions {
  // Returns the replacement text of an alias, or nullopt. Called at parse
  // time for words in command position (so it sees aliases defined by
  // earlier commands of the same script).
  std::function<std::optional<std::string>(std::string_view)> alias_lookup;
  bool extglob = true;    // shopt extglob: parse @( *( +( ?( !( in words
  int max_depth = 1000;   // nesting limit (an error, never a stack overflow)
  int first_line = 1;     // line number of the first line of source
};

class Parser {
 public:
  explicit Parser(std::string source, ParserOptions options = {});
  ~Parser();
  Parser(const Parser&) = delete;
  Parser& operator=(const Parser&) = delete;

  // The next complete command: everything up to an unescaped newline at top
  // level (`a; b & c` is one List), including pending here-documents.
  // nullptr at end of input (err left empty) or on a syntax error (err set;
  // later calls keep returning nullptr).
  std::unique_ptr<List> next_command(ParseError& err);
  bool at_end() const;
  // Options may change between commands (shopt -s extglob, aliases).
  ParserOptions& options();
  // Line number where the next command will start.
  int current_line() const;
  // The source as parsed (a final newline added when missing) and how much
  // of it has been read so far: `set -v` echoes input as it is read.
  const std::string& source() const;
  size_t consumed() const;
  // Warnings bash prints without failing, e.g. "line 3: warning:
  // here-document at line 1 delimited by end-of-file (wanted `EOF')".
  std::vector<std::string> take_warnings();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Parses the whole source. On error, returns nullptr and sets err (commands
// before the error are dropped: use Parser for bash's run-until-error).
std::unique_ptr<List> parse_script(std::string_view source, ParseError& err,
                                   ParserOptions options = {});

// Parses a prompt string (PS1, PS4, ${x@P}) after its backslash escapes are
// decoded: expansions as inside "...", with no closing quote.
Word parse_prompt_word(std::string_view text, ParseError& err, ParserOptions options = {});

// Parses the text between [ and ] of a subscript held in a variable
// (${!ref} with ref='a[$i]', declare -n r='a[$i]').
Word parse_subscript_word(std::string_view text, ParseError& err, ParserOptions options = {});

// The text of a subscript given at run time (`unset 'a[$k]'`, `test -v
// 'a["k"]'`) as a word to expand; nullopt when it does not parse.
std::optional<Word> parse_subscript(std::string_view text);

// Decodes the contents of $'...' (without the quotes).
std::string decode_ansi_c(std::string_view text);
// Appends code point `cp` encoded as bash encodes \u and \U escapes.
void append_utf8(std::string& out, uint32_t cp);

// True if s is a valid shell variable name.
bool is_name(std::string_view s);

}  // namespace burrow::shell
