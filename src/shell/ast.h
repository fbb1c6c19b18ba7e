// The syntax tree of a bash script: what the parser produces and the
// interpreter walks. Plain structs owning their children; every node keeps the
// line it starts on (for LINENO and diagnostics).
//
// Shape, from the top:
//   List        a sequence of AndOr items, each possibly backgrounded (`&`)
//   AndOr       pipelines joined by && and ||
//   Pipeline    commands joined by | or |&, optionally `!` and `time`
//   Command     a simple command or a compound one (if, while, ...), with its
//               redirections
//   Word        a sequence of WordParts that keeps the quoting of the source
#pragma once

#include <memory>
#include <string>
#include <vector>

namespace burrow::shell {

struct Command;
struct List;
struct ParamExp;
struct Assignment;
struct WordPart;

// ---------------------------------------------------------------------------
// Words

struct Word {
  std::vector<WordPart> parts;
  std::string raw;  // the source text of the word, as typed (for messages)
  int line = 0;
  // Set when this word is a NAME=value / NAME=(...) argument of a declaration
  // builtin (declare, typeset, local, export, readonly): bash parses those as
  // assignments (tilde expansion after `=`, no splitting, `x=(a b)` allowed).
  // `parts` still holds the whole word as if it were an ordinary one.
  std::shared_ptr<Assignment> decl_assign;

  Word();
  Word(Word&&) noexcept;
  Word& operator=(Word&&) noexcept;
  ~Word();
  Word clone() const;  // deep copy
  // A copy whose tilde prefixes are plain text again (bash 5.2 does not expand
  // them in the values of an associative array's literal).
  Word clone_tildes_as_text() const;

  bool empty() const { return parts.empty(); }
  // True if the word is made only of unquoted literal text; then `out` gets it.
  bool is_plain_literal(std::string* out = nullptr) const;
  // True if any part is quoted in any way (used for here-doc delimiters, etc.).
  bool has_quotes() const;
};

enum class WordPartKind {
  Literal,       // text; `quoted` says if it came from a backslash escape or
                 // is inside double quotes (then not split, not globbed,
                 // no brace expansion). Unquoted literals keep glob chars,
                 // `{ , }` for brace expansion and extglob `@(a|b)` as text.
  SingleQuoted,  // 'text'                   text = contents
  AnsiC,         // $'text'                  text = decoded contents
  DoubleQuoted,  // "..."                    parts = contents (literals quoted)
  LocaleQuoted,  // $"..."                   parts = contents, like "..."
  Param,         // $x ${x} ${x:-y} ...      param
  CommandSubst,  // $(list) or `list`        command, backquote (then text =
                 //                          the source between the backquotes).
                 //                          `...` with a syntax error inside:
                 //                          command == nullptr and
                 //                          backquote_source holds the text to
                 //                          parse at expansion time (bash
                 //                          reports it then, as
                 //                          "command substitution: line N: ...")
  Arith,         // $(( expr ))              arith = the expression source as a
                 //                          Word (its $-parts still to expand;
                 //                          literals are neither split nor
                 //                          globbed), arith_raw = source text
  ProcessSubst,  // <(list) or >(list)       command, process_output
  Tilde,         // ~ or ~user at word start (or after : / = in assignments)
                 //                          text = user name ("" for plain ~,
                 //                          "+" / "-" for ~+ ~-)
};

struct WordPart {
  WordPartKind kind = WordPartKind::Literal;
  std::string text;
  bool quoted = false;              // Literal only
  std::string source;               // Literal: the text as written, escapes
                                    // included (for printing)
  std::vector<WordPart> parts;      // DoubleQuoted, LocaleQuoted
  std::unique_ptr<ParamExp> param;  // Param
  std::shared_ptr<List> command;    // CommandSubst, ProcessSubst
  bool backquote = false;           // CommandSubst written as `...`
  std::string backquote_source;     // CommandSubst: unparsable `...` body
  bool process_output = false;      // ProcessSubst: >(...) rather than <(...)
  std::unique_ptr<Word> arith;      // Arith
  std::string arith_raw;            // Arith

  WordPart();
  explicit WordPart(WordPartKind k);
  WordPart(WordPart&&) noexcept;
  WordPart& operator=(WordPart&&) noexcept;
  ~WordPart();
  WordPart clone() const;
};

// ${...} and $x.
enum class ParamOp {
  None,          // $x ${x} ${a[i]}
  Length,        // ${#x} ${#a[@]}
  Default,       // ${x-w}   ${x:-w}   (colon = true for the `:` forms)
  Assign,        // ${x=w}   ${x:=w}
  Error,         // ${x?w}   ${x:?w}
  Alternate,     // ${x+w}   ${x:+w}
  RemovePrefix,  // ${x#p}   ${x##p}   (longest = true for doubled forms)
  RemoveSuffix,  // ${x%p}   ${x%%p}
  Replace,       // ${x/p/r} ${x//p/r} ${x/#p/r} ${x/%p/r}  (replace_mode)
  UpperFirst,    // ${x^p}   ${x^^p}   (longest = true for ^^)
  LowerFirst,    // ${x,p}   ${x,,p}
  ToggleFirst,   // ${x~p}   ${x~~p}
  Substring,     // ${x:off} ${x:off:len}  arg = offset, arg2 = length
  Transform,     // ${x@Q}   transform = 'Q', 'E', 'P', 'A', 'K', 'a', 'u', 'L', 'U', 'k'
  PrefixNames,   // ${!prefix*} ${!prefix@}   name = prefix, names_char = '*'/'@'
  ArrayKeys,     // ${!a[@]} ${!a[*]}          name = a, subscript_raw = "@"/"*"
  Bad,           // not a valid expansion: "bad substitution" at run time; see raw
};

enum class ReplaceMode { First, All, Prefix, Suffix };

struct ParamExp {
  std::string name;  // "x", "10", "@", "*", "#", "?", "-", "$", "!", "0"
  bool braced = false;
  bool has_subscript = false;
  std::string subscript_raw;  // text between [ and ]
  Word subscript;             // the same, parsed as a word (expand, then arith
                              // or key); "@" / "*" are kept as literals
  bool indirect = false;      // ${!x...} (not for PrefixNames / ArrayKeys)
  ParamOp op = ParamOp::None;
  bool colon = false;         // Default/Assign/Error/Alternate with `:`
  bool longest = false;       // ## %% ^^ ,, ~~
  ReplaceMode replace_mode = ReplaceMode::First;
  bool has_arg2 = false;      // Substring with :len, Replace with /r
  char transform = 0;         // Transform
  char names_char = 0;        // PrefixNames
  Word arg;                   // operand word / pattern / offset
  Word arg2;                  // replacement / length
  std::string raw;            // full source text, e.g. "${x:-y}" or "$x"

  ParamExp clone() const;
  // "@" / "*" as whole name, or subscript [@] / [*].
  bool is_special() const;
};

// ---------------------------------------------------------------------------
// Redirections

enum class RedirOp {
  In,            // <
  Out,           // >
  Append,        // >>
  Clobber,       // >|
  ReadWrite,     // <>
  DupIn,         // <&   (target "-" closes)
  DupOut,        // >&   (target "-" closes; `>& file` with no fd = &>)
  OutErr,        // &>
  AppendOutErr,  // &>>
  HereDoc,       // <<
  HereDocStrip,  // <<-  (leading tabs already stripped from the body)
  HereString,    // <<<
};

struct Redirect {
  int fd = -1;         // explicit fd number, or -1 for the operator's default
  std::string fd_var;  // {var}>file: the variable name (fd stays -1)
  RedirOp op = RedirOp::Out;
  Word target;         // file / fd word / here-string word / here-doc delimiter
  // Here-documents: body is a Word. Unquoted delimiter: its parts are
  // expansions and literals (backslash escaping only $ ` \ newline). Quoted
  // delimiter: a single quoted literal (heredoc_quoted = true).
  Word heredoc_body;
  bool heredoc_quoted = false;
  std::string heredoc_delim;  // delimiter after quote removal
  int line = 0;

  Redirect clone() const;
};

// ---------------------------------------------------------------------------
// Assignments:  a=1  a[i]=2  a+=x  a=(x [k]=y)  a+=(x)

struct ArrayElem {
  bool has_key = false;
  std::string key_raw;  // text between [ and ]
  Word key;             // [key]=value
  bool append = false;  // [key]+=value
  Word value;           // or the whole element when there is no key
};

struct Assignment {
  std::string name;
  bool has_index = false;
  std::string index_raw;
  Word index;          // a[index]=...
  bool append = false; // +=
  bool is_array = false;  // name=( ... )
  Word value;             // scalar value (may be empty)
  std::vector<ArrayElem> elems;  // array value
  int line = 0;

  Assignment clone() const;
};

// ---------------------------------------------------------------------------
// Commands

enum class CommandKind {
  Simple,
  Subshell,    // ( list )
  BraceGroup,  // { list; }
  If,
  While,       // while and until
  For,
  ArithFor,    // for (( init; cond; step ))
  Case,
  Select,
  FunctionDef,
  Cond,        // [[ ... ]]
  Arith,       // (( ... ))
  Coproc,
};

struct Command {
  CommandKind kind;
  int line = 0;
  std::vector<Redirect> redirects;  // in source order

  explicit Command(CommandKind k) : kind(k) {}
  virtual ~Command() = default;
  Command(const Command&) = delete;
  Command& operator=(const Command&) = delete;
  virtual std::unique_ptr<Command> clone() const = 0;

  template <class T>
  T& as() { return static_cast<T&>(*this); }
  template <class T>
  const T& as() const { return static_cast<const T&>(*this); }
};

struct Pipeline {
  std::vector<std::unique_ptr<Command>> commands;
  // pipe_stderr[i]: commands[i] | commands[i+1] was written `|&`.
  std::vector<bool> pipe_stderr;
  bool negated = false;    // !
  bool timed = false;      // time
  bool time_posix = false; // time -p
  int line = 0;

  Pipeline clone() const;
};

enum class AndOrOp { And, Or };

struct AndOr {
  std::vector<Pipeline> pipelines;  // at least one
  std::vector<AndOrOp> ops;         // ops[i] joins pipelines[i] and [i+1]
  int line = 0;

  AndOr clone() const;
};

struct ListItem {
  AndOr and_or;
  bool background = false;  // terminated by &
  bool newline = false;     // terminated by a newline rather than `;` (kept
                            // for printing command substitutions as bash does)
  ListItem clone() const;
};

struct List {
  std::vector<ListItem> items;
  int line = 0;
  bool empty() const { return items.empty(); }
  List clone() const;
};

struct SimpleCommand : Command {
  SimpleCommand() : Command(CommandKind::Simple) {}
  std::vector<Assignment> assigns;
  std::vector<Word> words;  // words[0] is the command name (after aliases)
  std::unique_ptr<Command> clone() const override;
};

struct SubshellCommand : Command {
  SubshellCommand() : Command(CommandKind::Subshell) {}
  List body;
  std::unique_ptr<Command> clone() const override;
};

struct BraceGroup : Command {
  BraceGroup() : Command(CommandKind::BraceGroup) {}
  List body;
  std::unique_ptr<Command> clone() const override;
};

struct IfClause {
  List cond;
  List body;
};

struct IfCommand : Command {
  IfCommand() : Command(CommandKind::If) {}
  std::vector<IfClause> clauses;  // if + elifs
  bool has_else = false;
  List else_body;
  std::unique_ptr<Command> clone() const override;
};

struct WhileCommand : Command {
  WhileCommand() : Command(CommandKind::While) {}
  bool until = false;
  List cond;
  List body;
  std::unique_ptr<Command> clone() const override;
};

// for and select share a shape.
struct ForCommand : Command {
  explicit ForCommand(CommandKind k = CommandKind::For) : Command(k) {}
  std::string var;
  bool has_in = false;     // without `in`: iterate over "$@"
  std::vector<Word> items;
  List body;
  std::unique_ptr<Command> clone() const override;
};
using SelectCommand = ForCommand;  // kind == CommandKind::Select

struct ArithForCommand : Command {
  ArithForCommand() : Command(CommandKind::ArithFor) {}
  Word init, cond, step;  // expression sources as words (may be empty)
  std::string init_raw, cond_raw, step_raw;
  List body;
  std::unique_ptr<Command> clone() const override;
};

enum class CaseTerm { Break /* ;; */, FallThrough /* ;& */, Continue /* ;;& */ };

struct CaseItem {
  std::vector<Word> patterns;
  List body;
  CaseTerm term = CaseTerm::Break;
  int line = 0;
};

struct CaseCommand : Command {
  CaseCommand() : Command(CommandKind::Case) {}
  Word subject;
  std::vector<CaseItem> items;
  std::unique_ptr<Command> clone() const override;
};

struct FunctionDef : Command {
  FunctionDef() : Command(CommandKind::FunctionDef) {}
  std::string name;
  bool function_keyword = false;  // written `function name ...`
  std::string source_file;        // where it was defined (BASH_SOURCE, declare -F under extdebug)
  // Any compound command; its own redirects are the function's redirects.
  // Shared so the interpreter can keep the body alive after the defining
  // command's tree is gone.
  std::shared_ptr<Command> body;
  std::unique_ptr<Command> clone() const override;
};

// [[ ... ]]
enum class CondKind {
  Word,    // [[ word ]]            (like -n word); word = left
  Unary,   // [[ -f word ]]         op = "-f", left
  Binary,  // [[ a == b ]]          op = "==", "=", "!=", "<", ">", "=~",
           //                       "-eq", "-nt", ...; left, right
  Not,     // ! e                   lhs
  And,     // e && e                lhs, rhs
  Or,      // e || e                lhs, rhs
  Group,   // ( e )                 lhs
};

struct CondExpr {
  CondKind kind = CondKind::Word;
  std::string op;
  Word left;
  Word right;  // for ==/!= a pattern (quoted parts literal); for =~ the regex
               // as written (quoted parts literal), right.raw = source text
  std::unique_ptr<CondExpr> lhs, rhs;
  int line = 0;
  std::unique_ptr<CondExpr> clone() const;
};

struct CondCommand : Command {
  CondCommand() : Command(CommandKind::Cond) {}
  std::unique_ptr<CondExpr> expr;
  std::unique_ptr<Command> clone() const override;
};

struct ArithCommand : Command {
  ArithCommand() : Command(CommandKind::Arith) {}
  Word expr;        // expression source as a word (expand, then evaluate)
  std::string raw;  // expression source text
  std::unique_ptr<Command> clone() const override;
};

struct CoprocCommand : Command {
  CoprocCommand() : Command(CommandKind::Coproc) {}
  std::string name = "COPROC";
  std::unique_ptr<Command> body;
  std::unique_ptr<Command> clone() const override;
};

}  // namespace burrow::shell
