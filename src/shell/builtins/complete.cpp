// Programmable-completion builtins and `enable`. A sandbox session has no
// line editor that completes, but scripts call `compgen` to list names
// (commands, variables, files) and set up `complete` specs; both behave as in
// bash. `enable -n` turns a builtin off so that the command of that name runs.
#include <algorithm>
#include <set>

#include "shell/builtins/util.h"
#include "shell/parser.h"
#include "shell/signals.h"
#include "shell/printer.h"
#include "vfs/filesystem.h"

namespace burrow::shell {
namespace {

constexpr std::string_view kCompgenUsage =
    "compgen: usage: compgen [-abcdefgjksuv] [-o option] [-A action] [-G globpat] [-W wordlist] [-F function] "
    "[-C command] [-X filterpat] [-P prefix] [-S suffix] [word]\n";
constexpr std::string_view kCompleteUsage =
    "complete: usage: complete [-abcdefgjksuv] [-pr] [-DEI] [-o option] [-A action] [-G globpat] [-W wordlist] "
    "[-F function] [-C command] [-X filterpat] [-P prefix] [-S suffix] [name ...]\n";

// bash's reserved words, in the order `compgen -k` lists them.
constexpr const char* kKeywords[] = {"if",    "then", "else",     "elif", "fi", "case", "esac", "for",
                                     "select", "while", "until",   "do",   "done", "in",  "function", "time",
                                     "{",     "}",    "!",        "[[",   "]]", "coproc"};

// The one-letter options and the -A action names they stand for.
std::string action_for(char option) {
  switch (option) {
    case 'a': return "alias";
    case 'b': return "builtin";
    case 'c': return "command";
    case 'd': return "directory";
    case 'e': return "export";
    case 'f': return "file";
    case 'g': return "group";
    case 'j': return "job";
    case 'k': return "keyword";
    case 's': return "service";
    case 'u': return "user";
    case 'v': return "variable";
    default: return "";
  }
}

bool known_action(const std::string& a) {
  static const char* kActions[] = {"alias",    "arrayvar", "binding",  "builtin",  "command", "directory",
                                   "disabled", "enabled",  "export",   "file",     "function", "group",
                                   "helptopic", "hostname", "job",     "keyword",  "running", "service",
                                   "setopt",   "shopt",    "signal",   "stopped",  "user",    "variable"};
  return std::any_of(std::begin(kActions), std::end(kActions), [&](const char* k) { return a == k; });
}

bool known_comp_option(const std::string& o) {
  static const char* kOptions[] = {"bashdefault", "default", "dirnames", "filenames",
                                   "noquote",     "nosort",  "nospace",  "plusdirs"};
  return std::any_of(std::begin(kOptions), std::end(kOptions), [&](const char* k) { return o == k; });
}

// What `compgen` and `complete` were asked for.
struct CompSpec {
  std::vector<std::string> actions;
  std::string wordlist, globpat, filter, prefix, suffix, function, command;
  std::vector<std::string> options;  // -o
  bool has_wordlist = false, has_glob = false, has_filter = false, has_prefix = false, has_suffix = false;
  bool has_function = false, has_command = false;
};

// Parses compgen/complete options from argv[1..]; returns the index of the
// first operand, or -1 after printing a usage error. `extra` takes -p, -r,
// -D, -E, -I (complete's own flags).
int parse_spec(Interp& sh, Invocation& inv, const char* name, CompSpec& spec, std::string* extra) {
  size_t i = 1;
  std::string_view usage = std::string_view(name) == "compgen" ? kCompgenUsage : kCompleteUsage;
  for (; i < inv.argv.size(); ++i) {
    const std::string& a = inv.argv[i];
    if (a == "--") {
      ++i;
      break;
    }
    if (a.size() < 2 || a[0] != '-') break;
    for (size_t k = 1; k < a.size(); ++k) {
      char o = a[k];
      std::string act = action_for(o);
      if (!act.empty()) {
        spec.actions.push_back(act);
        continue;
      }
      if (extra && std::string_view("prDEI").find(o) != std::string_view::npos) {
        *extra += o;
        continue;
      }
      if (std::string_view("oAGWFCXPS").find(o) == std::string_view::npos) {
        berror(sh, inv, std::string(name) + ": -" + o + ": invalid option");
        inv.err() << usage;
        return -1;
      }
      std::string value;
      if (k + 1 < a.size()) {
        value = a.substr(k + 1);
      } else if (i + 1 < inv.argv.size()) {
        value = inv.argv[++i];
      } else {
        berror(sh, inv, std::string(name) + ": -" + o + ": option requires an argument");
        inv.err() << usage;
        return -1;
      }
      switch (o) {
        case 'o':
          if (!known_comp_option(value)) {
            berror(sh, inv, std::string(name) + ": " + value + ": invalid option name");
            return -1;
          }
          spec.options.push_back(value);
          break;
        case 'A':
          if (!known_action(value)) {
            berror(sh, inv, std::string(name) + ": " + value + ": invalid action name");
            return -1;
          }
          spec.actions.push_back(value);
          break;
        case 'G': spec.globpat = value; spec.has_glob = true; break;
        case 'W': spec.wordlist = value; spec.has_wordlist = true; break;
        case 'F': spec.function = value; spec.has_function = true; break;
        case 'C': spec.command = value; spec.has_command = true; break;
        case 'X': spec.filter = value; spec.has_filter = true; break;
        case 'P': spec.prefix = value; spec.has_prefix = true; break;
        case 'S': spec.suffix = value; spec.has_suffix = true; break;
      }
      break;  // the rest of this argument was the value
    }
  }
  return static_cast<int>(i);
}

void add_variable_names(Interp& sh, std::set<std::string>& names, bool exported_only) {
  auto take = [&](const VarMap& vars) {
    for (auto& [k, v] : vars)
      if (v.set && (!exported_only || v.exported)) names.insert(k);
  };
  take(sh.st.globals);
  for (auto& frame : sh.st.frames) take(frame);
}

// Names in `dir` (a sandbox path) starting with `prefix`, dot files included
// as bash's compgen includes them.
std::vector<std::string> directory_entries(Interp& sh, const std::string& dir, std::string_view prefix) {
  std::vector<std::string> out;
  std::vector<vfs::DirEntry> entries;
  if (sh.ctx->fs->readdir(sh.abspath(dir.empty() ? "." : dir), entries)) return out;
  for (auto& e : entries) {
    if (e.name == "." || e.name == ".." || e.name.rfind(prefix, 0) != 0) continue;
    out.push_back(e.name);
  }
  std::sort(out.begin(), out.end());
  return out;
}

// Files (or only directories) completing `word`, as bash's -f / -d list them.
void add_paths(Interp& sh, const std::string& word, bool directories_only, std::vector<std::string>& out) {
  size_t slash = word.rfind('/');
  std::string dir = slash == std::string::npos ? "" : word.substr(0, slash + 1);
  std::string base = slash == std::string::npos ? word : word.substr(slash + 1);
  for (const std::string& name : directory_entries(sh, dir.empty() ? "." : dir, base)) {
    std::string path = dir + name;
    if (directories_only) {
      vfs::Stat s;
      if (sh.ctx->fs->stat(sh.abspath(path), s) || !S_ISDIR(s.mode)) continue;
    }
    out.push_back(path);
  }
}

// Splits a -W word list at unquoted IFS characters, as bash does before it
// expands each word: quotes, backslashes and $( ) ${ } ` ` keep delimiters.
std::vector<std::string> split_wordlist(const std::string& list, const std::string& ifs) {
  std::vector<std::string> pieces;
  std::string cur;
  char quote = 0;
  int depth = 0;  // inside $( ), ${ } or ` `
  bool in_backquote = false;
  for (size_t i = 0; i < list.size(); ++i) {
    char c = list[i];
    if (quote == '\'') {
      if (c == '\'') quote = 0;
    } else if (c == '\\' && i + 1 < list.size()) {
      cur += c;
      c = list[++i];
    } else if (quote == '"' && c == '"' && depth == 0) {
      quote = 0;
    } else if (c == '$' && i + 1 < list.size() && (list[i + 1] == '(' || list[i + 1] == '{')) {
      cur += c;
      c = list[++i];
      ++depth;
    } else if (depth > 0 && (c == '(' || c == '{')) {
      ++depth;
    } else if (depth > 0 && (c == ')' || c == '}')) {
      --depth;
    } else if (c == '`') {
      in_backquote = !in_backquote;
    } else if (depth == 0 && !in_backquote && !quote && (c == '\'' || c == '"')) {
      quote = c;
    } else if (depth == 0 && !in_backquote && !quote && ifs.find(c) != std::string::npos) {
      if (!cur.empty()) pieces.push_back(cur);
      cur.clear();
      continue;
    }
    cur += c;
  }
  if (!cur.empty()) pieces.push_back(cur);
  return pieces;
}

// One piece of a word list as the text of a single shell word: unquoted
// blanks and operator characters are escaped so that the parser reads it
// whole, as bash expands the piece as one word.
std::string as_one_word(const std::string& piece) {
  std::string out;
  char quote = 0;
  int depth = 0;
  for (size_t i = 0; i < piece.size(); ++i) {
    char c = piece[i];
    if (quote == '\'') {
      if (c == '\'') quote = 0;
    } else if (c == '\\' && i + 1 < piece.size()) {
      out += c;
      c = piece[++i];
    } else if (c == '$' && i + 1 < piece.size() && (piece[i + 1] == '(' || piece[i + 1] == '{')) {
      out += c;
      c = piece[++i];
      ++depth;
    } else if (depth > 0) {
      if (c == '(' || c == '{') ++depth;
      else if (c == ')' || c == '}') --depth;
    } else if (quote == '"') {
      if (c == '"') quote = 0;
    } else if (c == '\'' || c == '"') {
      quote = c;
    } else if (std::string_view(" \t\n;&|<>()#").find(c) != std::string_view::npos) {
      out += '\\';
    }
    out += c;
  }
  return out;
}

// compgen -W: the words of the list after brace, tilde, parameter, command
// and arithmetic expansion, word splitting and quote removal (no globbing).
// An expansion error ends compgen with status 1 (`ok` false).
std::vector<std::string> expand_wordlist(Interp& sh, Invocation& inv, const std::string& list, bool& ok) {
  std::vector<std::string> out;
  std::string ifs = sh.get_var("IFS").value_or(" \t\n");
  for (const std::string& piece : split_wordlist(list, ifs)) {
    ParseError err;
    std::unique_ptr<List> parsed = parse_script("_ " + as_one_word(piece), err);
    const Command* cmd = nullptr;
    if (parsed && parsed->items.size() == 1 && parsed->items[0].and_or.pipelines.size() == 1 &&
        parsed->items[0].and_or.pipelines[0].commands.size() == 1) {
      cmd = parsed->items[0].and_or.pipelines[0].commands[0].get();
    }
    if (!cmd || cmd->kind != CommandKind::Simple) {
      berror(sh, inv, piece + ": bad substitution");
      ok = false;
      return out;
    }
    const auto& words = static_cast<const SimpleCommand*>(cmd)->words;
    for (size_t k = 1; k < words.size(); ++k) {
      auto expand = [&](const Word& w) {
        for (Field& f : sh.expand_word_fields(w, true)) out.push_back(std::move(f.text));
      };
      if (!sh.may_brace_expand(words[k])) {
        expand(words[k]);
        continue;
      }
      for (const Word& w : sh.brace_expand_word(words[k])) expand(w);
    }
  }
  return out;
}

void set_array(Interp& sh, const std::string& name) {
  sh.unset_var(name);
  Var& v = sh.st.globals[name];
  v = Var{};
  v.is_array = true;
}

// compgen -F: calls the function as bash does outside a command line being
// completed (arguments: the command "compgen", the word, an empty previous
// word; COMP_WORDS empty, COMP_CWORD -1) and takes COMPREPLY, an array or a
// scalar.
void run_completion_function(Interp& sh, Invocation& inv, const std::string& name, const std::string& word,
                             std::vector<std::string>& out, bool& ok) {
  berror(sh, inv, "compgen: warning: -F option may not work as you expect");
  auto it = sh.st.functions.find(name);
  if (it == sh.st.functions.end()) {
    berror(sh, inv, "completion: function `" + name + "' not found");
    ok = false;
    return;
  }
  auto def = it->second;
  static const char* const kScalars[][2] = {
      {"COMP_CWORD", "-1"}, {"COMP_LINE", ""}, {"COMP_POINT", "0"}, {"COMP_TYPE", "0"}, {"COMP_KEY", "0"}};
  set_array(sh, "COMP_WORDS");
  for (auto& kv : kScalars) sh.set_var(kv[0], kv[1]);
  sh.call_function(*def, {name, "compgen", word, ""});
  sh.unset_var("COMP_WORDS");
  for (auto& kv : kScalars) sh.unset_var(kv[0]);
  if (Var* v = sh.find_var("COMPREPLY")) {
    if (v->is_array) {
      for (auto& [k, e] : v->array) out.push_back(e);
    } else if (v->set) {
      out.push_back(v->value);
    }
  }
}

// compgen -C: the command's output lines, run as CMD compgen WORD PREV.
void run_completion_command(Interp& sh, Invocation& inv, const std::string& command, const std::string& word,
                            std::vector<std::string>& out) {
  berror(sh, inv, "compgen: warning: -C option may not work as you expect");
  ParseError err;
  std::unique_ptr<List> parsed =
      parse_script(command + " compgen " + single_quote(word) + " ''", err);
  if (!parsed) return;
  std::string text = sh.command_substitution(*parsed);
  size_t start = 0;
  while (start < text.size()) {
    size_t nl = text.find('\n', start);
    if (nl == std::string::npos) nl = text.size();
    out.push_back(text.substr(start, nl - start));
    start = nl + 1;
  }
}

std::vector<std::string> generate(Interp& sh, Invocation& inv, const CompSpec& spec, const std::string& word,
                                  bool& ok) {
  std::vector<std::string> out;
  auto starts = [&](std::string_view s) { return s.substr(0, word.size()) == word; };
  auto add_sorted = [&](const std::set<std::string>& names) {
    for (const std::string& n : names)
      if (starts(n)) out.push_back(n);
  };
  for (const std::string& action : spec.actions) {
    if (action == "alias") {
      for (auto& [k, v] : sh.st.aliases)
        if (starts(k)) out.push_back(k);
    } else if (action == "builtin" || action == "enabled" || action == "disabled") {
      for (std::string_view b : builtin_names()) {
        bool disabled = sh.st.disabled_builtins.count(std::string(b)) > 0;
        if ((action == "enabled" && disabled) || (action == "disabled" && !disabled)) continue;
        if (starts(b)) out.emplace_back(b);
      }
    } else if (action == "keyword") {
      for (const char* k : kKeywords)
        if (starts(k)) out.push_back(k);
    } else if (action == "function") {
      for (auto& [k, v] : sh.st.functions)
        if (starts(k)) out.push_back(k);
    } else if (action == "variable" || action == "export" || action == "arrayvar") {
      std::set<std::string> names;
      add_variable_names(sh, names, action == "export");
      if (action == "arrayvar") {
        std::erase_if(names, [&](const std::string& n) {
          Var* v = sh.find_var(n);
          return !v || !v->is_array;
        });
      }
      add_sorted(names);
    } else if (action == "command") {
      // Aliases, builtins, functions, keywords and then every executable on
      // PATH, as bash gathers them (duplicates included).
      for (auto& [k, v] : sh.st.aliases)
        if (starts(k)) out.push_back(k);
      for (std::string_view b : builtin_names())
        if (starts(b)) out.emplace_back(b);
      for (auto& [k, v] : sh.st.functions)
        if (starts(k)) out.push_back(k);
      for (const char* k : kKeywords)
        if (starts(k)) out.push_back(k);
      std::string path = sh.get_var("PATH").value_or("");
      size_t start = 0;
      while (start <= path.size()) {
        size_t colon = path.find(':', start);
        if (colon == std::string::npos) colon = path.size();
        std::string dir = path.substr(start, colon - start);
        start = colon + 1;
        if (dir.empty()) continue;
        for (const std::string& name : directory_entries(sh, dir, word)) out.push_back(name);
      }
    } else if (action == "file") {
      add_paths(sh, word, false, out);
    } else if (action == "directory") {
      add_paths(sh, word, true, out);
    } else if (action == "job" || action == "running") {
      for (auto& j : sh.job_table()) {
        if (j->disowned || !j->number || j->done->load()) continue;
        std::string first = j->command.substr(0, j->command.find(' '));
        if (starts(first)) out.push_back(first);
      }
    } else if (action == "user") {
      for (const char* u : {"root", "user"})
        if (starts(u)) out.push_back(u);
    } else if (action == "group") {
      for (const char* g : {"root", "user"})
        if (starts(g)) out.push_back(g);
    } else if (action == "setopt") {
      for (const std::string& n : set_option_names())
        if (starts(n)) out.push_back(n);
    } else if (action == "shopt") {
      for (const std::string& n : shopt_names())
        if (starts(n)) out.push_back(n);
    } else if (action == "signal") {
      for (int n = 1; n <= kMaxSignal; ++n) {
        std::string name = signal_name(n);
        if (!name.empty() && starts("SIG" + name)) out.push_back("SIG" + name);
      }
    } else if (action == "helptopic") {
      // help's topics are the builtins (and the compound commands, not listed here).
      for (std::string_view b : builtin_names())
        if (starts(b)) out.emplace_back(b);
    }
  }
  if (spec.has_glob) {
    for (const std::string& m : sh.glob(spec.globpat)) out.push_back(m);
  }
  if (spec.has_wordlist) {
    for (const std::string& item : expand_wordlist(sh, inv, spec.wordlist, ok))
      if (starts(item)) out.push_back(item);
    if (!ok) return out;
  }
  if (spec.has_function) run_completion_function(sh, inv, spec.function, word, out, ok);
  if (spec.has_command) run_completion_command(sh, inv, spec.command, word, out);
  if (spec.has_filter) {
    // -X removes what matches; a leading ! keeps only what matches.
    bool keep_matching = !spec.filter.empty() && spec.filter[0] == '!';
    std::string pattern = keep_matching ? spec.filter.substr(1) : spec.filter;
    std::erase_if(out, [&](const std::string& s) { return pattern_match(pattern, s) != keep_matching; });
  }
  for (std::string& s : out) s = spec.prefix + s + spec.suffix;
  return out;
}

int b_compgen(Interp& sh, Invocation& inv) {
  CompSpec spec;
  int first = parse_spec(sh, inv, "compgen", spec, nullptr);
  if (first < 0) return 2;
  std::string word = static_cast<size_t>(first) < inv.argv.size() ? inv.argv[first] : "";
  bool asked = !spec.actions.empty() || spec.has_wordlist || spec.has_glob || spec.has_function ||
               spec.has_command;
  if (!asked) return 0;
  bool ok = true;
  std::vector<std::string> matches = generate(sh, inv, spec, word, ok);
  if (!ok) return 1;
  for (const std::string& m : matches) inv.out() << m << "\n";
  return matches.empty() ? 1 : 0;
}

// The `complete -p` form of a spec.
std::string spec_line(const std::string& name, const CompSpec& spec) {
  std::string line = "complete";
  for (const std::string& o : spec.options) line += " -o " + o;
  for (const std::string& a : spec.actions) {
    static const std::pair<const char*, char> kShort[] = {
        {"alias", 'a'},  {"builtin", 'b'}, {"command", 'c'}, {"directory", 'd'}, {"export", 'e'}, {"file", 'f'},
        {"group", 'g'},  {"job", 'j'},     {"keyword", 'k'}, {"service", 's'},   {"user", 'u'},   {"variable", 'v'}};
    auto it = std::find_if(std::begin(kShort), std::end(kShort), [&](auto& p) { return a == p.first; });
    if (it != std::end(kShort)) line += std::string(" -") + it->second;
    else line += " -A " + a;
  }
  if (spec.has_glob) line += " -G " + single_quote(spec.globpat);
  if (spec.has_wordlist) line += " -W " + single_quote(spec.wordlist);
  if (spec.has_command) line += " -C " + single_quote(spec.command);
  if (spec.has_function) line += " -F " + spec.function;
  if (spec.has_filter) line += " -X " + single_quote(spec.filter);
  if (spec.has_prefix) line += " -P " + single_quote(spec.prefix);
  if (spec.has_suffix) line += " -S " + single_quote(spec.suffix);
  return line + " " + name;
}

int b_complete(Interp& sh, Invocation& inv) {
  CompSpec spec;
  std::string flags;
  int first = parse_spec(sh, inv, "complete", spec, &flags);
  if (first < 0) return 2;
  std::vector<std::string> names(inv.argv.begin() + first, inv.argv.end());
  auto& specs = sh.st.completions;
  bool print = flags.find('p') != std::string::npos;
  bool remove = flags.find('r') != std::string::npos;
  bool anything = !spec.actions.empty() || spec.has_wordlist || spec.has_glob || spec.has_function ||
                  spec.has_command || !spec.options.empty();
  if (remove) {
    if (names.empty()) {
      specs.clear();
      return 0;
    }
    int status = 0;
    for (const std::string& n : names) {
      if (!specs.erase(n)) {
        berror(sh, inv, "complete: " + n + ": no completion specification");
        status = 1;
      }
    }
    return status;
  }
  if (print || (!anything && names.empty())) {
    if (names.empty()) {
      for (auto& [n, line] : specs) inv.out() << line << "\n";
      return 0;
    }
    int status = 0;
    for (const std::string& n : names) {
      auto it = specs.find(n);
      if (it == specs.end()) {
        berror(sh, inv, "complete: " + n + ": no completion specification");
        status = 1;
        continue;
      }
      inv.out() << it->second << "\n";
    }
    return status;
  }
  if (names.empty() && flags.find_first_of("DEI") == std::string::npos) {
    inv.err() << kCompleteUsage;
    return 2;
  }
  for (const std::string& n : names) specs[n] = spec_line(n, spec);
  return 0;
}

// compopt changes the options of the completion under way; a sandbox has no
// line editor, so there never is one.
int b_compopt(Interp& sh, Invocation& inv) {
  for (size_t i = 1; i < inv.argv.size(); ++i) {
    const std::string& a = inv.argv[i];
    if (a == "--") break;
    if (a.size() < 2 || (a[0] != '-' && a[0] != '+')) break;
    for (size_t k = 1; k < a.size(); ++k) {
      char c = a[k];
      if (c == 'D' || c == 'E' || c == 'I') continue;
      if (c != 'o') {
        berror(sh, inv, std::string("compopt: ") + a[0] + c + ": invalid option");
        inv.err() << "compopt: usage: compopt [-o|+o option] [-DEI] [name ...]\n";
        return 2;
      }
      std::string value = k + 1 < a.size() ? a.substr(k + 1) : (i + 1 < inv.argv.size() ? inv.argv[++i] : "");
      if (!known_comp_option(value)) {
        berror(sh, inv, "compopt: " + value + ": invalid option name");
        return 2;
      }
      break;
    }
  }
  // compgen -F does not count: bash too says so inside its function.
  berror(sh, inv, "compopt: not currently executing completion function");
  return 1;
}

int b_enable(Interp& sh, Invocation& inv) {
  bool disable = false, all = false, print = false, loadable = false;
  int first = scan_flags(sh, inv, "enable: usage: enable [-a] [-dnps] [-f filename] [name ...]\n", [&](char c) {
    if (c == 'n') disable = true;
    else if (c == 'a') all = true;
    else if (c == 'p') print = true;
    else if (c == 'f' || c == 'd') loadable = true;
    else if (c != 's') return false;  // -s: POSIX special builtins only; all are listed
    return true;
  });
  if (first < 0) return 2;
  if (loadable) {
    berror(sh, inv, "enable: loadable builtins are not supported");
    return 1;
  }
  size_t i = static_cast<size_t>(first);
  auto& off = sh.st.disabled_builtins;
  if (i >= inv.argv.size() || print) {
    for (std::string_view b : builtin_names()) {
      bool disabled = off.count(std::string(b)) > 0;
      if (!all && disabled != disable) continue;
      inv.out() << (disabled ? "enable -n " : "enable ") << b << "\n";
    }
    return 0;
  }
  int status = 0;
  for (; i < inv.argv.size(); ++i) {
    const std::string& name = inv.argv[i];
    if (!find_builtin(name)) {
      berror(sh, inv, "enable: " + name + ": not a shell builtin");
      status = 1;
      continue;
    }
    if (disable) off.insert(name);
    else off.erase(name);
  }
  return status;
}

}  // namespace

BURROW_BUILTIN(compgen, "compgen", b_compgen, false);
BURROW_BUILTIN(complete, "complete", b_complete, false);
BURROW_BUILTIN(compopt, "compopt", b_compopt, false);
BURROW_BUILTIN(enable, "enable", b_enable, false);

}  // namespace burrow::shell
