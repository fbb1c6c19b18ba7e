// The history list, the `history`, `fc` and `logout` builtins, prompts, and
// the interactive shell loop (`bash -i` reading commands from its stdin).
#include "shell/history.h"

#include <algorithm>
#include <ctime>
#include <optional>

#include "process/streams.h"
#include "shell/builtins/util.h"
#include "shell/interp.h"
#include "shell/parser.h"

namespace burrow::shell {
namespace {

std::optional<long long> int_var(Interp& sh, std::string_view name) {
  auto v = sh.get_var(name);
  long long n;
  if (!v || v->empty() || !parse_long(*v, n)) return std::nullopt;
  return n;
}

// $HISTSIZE caps the list: the oldest entries go, numbering goes on. When
// HISTSIZE itself was just assigned, bash (readline's stifle_history) sets
// the first number to the count dropped rather than adding it.
void stifle(Interp& sh, bool on_assign = false) {
  auto max = int_var(sh, "HISTSIZE");
  History& h = sh.st.history;
  if (!max || *max < 0 || static_cast<long long>(h.lines.size()) <= *max) return;
  size_t drop = h.lines.size() - static_cast<size_t>(*max);
  h.lines.erase(h.lines.begin(), h.lines.begin() + static_cast<long>(drop));
  h.base = on_assign ? static_cast<int>(drop) : h.base + static_cast<int>(drop);
  // Only a new HISTSIZE caps the count of this session's lines (so that, at
  // exit, a session that outgrew the list rewrites the file).
  if (on_assign) h.lines_this_session = std::min<int>(h.lines_this_session, static_cast<int>(h.lines.size()));
}

// The lines of a history file, without the "#<seconds>" timestamp lines.
bool read_history_file(Interp& sh, const std::string& path, std::vector<std::string>& out) {
  std::string text;
  if (vfs::read_file(*sh.ctx->fs, sh.abspath(path), text)) return false;
  size_t start = 0;
  while (start < text.size()) {
    size_t nl = text.find('\n', start);
    if (nl == std::string::npos) nl = text.size();
    std::string line = text.substr(start, nl - start);
    start = nl + 1;
    bool stamp = line.size() > 1 && line[0] == '#' &&
                 std::all_of(line.begin() + 1, line.end(), [](char c) { return c >= '0' && c <= '9'; });
    if (!stamp) out.push_back(std::move(line));
  }
  return true;
}

// Writes the entries from `from` on; appends to the file or replaces it.
bool write_history_file(Interp& sh, const std::string& path, size_t from, bool append) {
  std::string text;
  std::string full = sh.abspath(path);
  if (append) vfs::read_file(*sh.ctx->fs, full, text);
  const auto& lines = sh.st.history.lines;
  for (size_t i = from; i < lines.size(); ++i) text += lines[i] + "\n";
  return !vfs::write_file(*sh.ctx->fs, full, text, 0600);
}

// Keeps only the last `keep` lines of a history file (HISTFILESIZE).
void truncate_history_file(Interp& sh, const std::string& path, long long keep) {
  if (path.empty() || keep < 0) return;
  std::vector<std::string> lines;
  if (!read_history_file(sh, path, lines) || static_cast<long long>(lines.size()) <= keep) return;
  std::string text;
  for (size_t i = lines.size() - static_cast<size_t>(keep); i < lines.size(); ++i) text += lines[i] + "\n";
  vfs::write_file(*sh.ctx->fs, sh.abspath(path), text, 0600);
}

// A history position as `history -d` takes it: a number, or from the end when negative.
std::optional<size_t> history_index(const History& h, const std::string& arg) {
  long long n;
  if (!parse_long(arg, n)) return std::nullopt;
  long long len = static_cast<long long>(h.lines.size());
  long long idx = n < 0 ? len + n : n - h.base;
  if (idx < 0 || idx >= len) return std::nullopt;
  return static_cast<size_t>(idx);
}

// ---------------------------------------------------------------------------
// history

const char kHistoryUsage[] =
    "history: usage: history [-c] [-d offset] [n] or history -anrw [filename] or history -ps arg [arg...]\n";

void list_history(Interp& sh, Invocation& inv, size_t from) {
  const History& h = sh.st.history;
  std::string out;
  char num[32];
  for (size_t i = from; i < h.lines.size(); ++i) {
    snprintf(num, sizeof num, "%5d  ", static_cast<int>(i) + h.base);
    out += num;
    out += h.lines[i];
    out += '\n';
  }
  inv.out() << out;
}

int history_delete(Interp& sh, Invocation& inv, const std::string& arg) {
  History& h = sh.st.history;
  size_t dash = arg.find('-', 1);
  if (dash != std::string::npos && arg[0] != '-') {
    auto a = history_index(h, arg.substr(0, dash)), b = history_index(h, arg.substr(dash + 1));
    if (!a || !b) {
      berror(sh, inv, "history: " + arg + ": history position out of range");
      return 1;
    }
    if (*a > *b) return 1;
    h.lines.erase(h.lines.begin() + static_cast<long>(*a), h.lines.begin() + static_cast<long>(*b) + 1);
    return 0;
  }
  auto idx = history_index(h, arg);
  if (!idx) {
    berror(sh, inv, "history: " + arg + ": history position out of range");
    return 1;
  }
  h.lines.erase(h.lines.begin() + static_cast<long>(*idx));
  return 0;
}

// -a -n -r -w: the history file named or $HISTFILE.
int history_file_op(Interp& sh, Invocation& inv, char op, const std::string* name) {
  History& h = sh.st.history;
  std::string path = name ? *name : sh.get_var("HISTFILE").value_or("");
  if (op == 'a' && h.lines_this_session <= 0) return 0;
  if (path.empty()) return 1;
  switch (op) {
    case 'r':
    case 'n': {
      std::vector<std::string> lines;
      if (!read_history_file(sh, path, lines)) return 1;
      size_t from = op == 'n' ? std::min<size_t>(static_cast<size_t>(h.lines_in_file), lines.size()) : 0;
      for (size_t i = from; i < lines.size(); ++i) h.lines.push_back(lines[i]);
      h.lines_in_file = static_cast<int>(lines.size());
      stifle(sh);
      return 0;
    }
    case 'w':
      if (!write_history_file(sh, path, 0, false)) return 1;
      h.lines_in_file = static_cast<int>(h.lines.size());
      return 0;
    case 'a': {
      if (h.lines_this_session <= 0) return 0;
      int n = std::min<int>(h.lines_this_session, static_cast<int>(h.lines.size()));
      if (!write_history_file(sh, path, h.lines.size() - static_cast<size_t>(n), true)) {
        berror(sh, inv, "history: " + path + ": cannot create: No such file or directory");
        return 1;
      }
      h.lines_in_file += n;
      h.lines_this_session = 0;
      return 0;
    }
  }
  return 1;
}

// The entry for the `history`/`fc` line running now, which -s, -p and
// `history -d` of it replace or drop.
void drop_current_line(History& h) {
  if (h.last_line_added && !h.lines.empty()) {
    h.lines.pop_back();
    h.last_line_added = false;
  }
}

int b_history(Interp& sh, Invocation& inv) {
  History& h = sh.st.history;
  stifle(sh);
  bool clear = false, print = false, store = false;
  char file_op = 0;
  std::optional<std::string> del;
  size_t i = 1;
  for (; i < inv.argv.size(); ++i) {
    const std::string& a = inv.argv[i];
    if (a == "--") {
      ++i;
      break;
    }
    if (a.size() < 2 || a[0] != '-') break;
    for (size_t k = 1; k < a.size(); ++k) {
      char c = a[k];  // -5 is an invalid option, not a count
      if (c == 'c') clear = true;
      else if (c == 'p') print = true;
      else if (c == 's') store = true;
      else if (c == 'a' || c == 'n' || c == 'r' || c == 'w') {
        if (file_op && file_op != c) {
          berror(sh, inv, "history: cannot use more than one of -anrw");
          return 1;
        }
        file_op = c;
      } else if (c == 'd') {
        if (k + 1 < a.size()) {
          del = a.substr(k + 1);
        } else if (i + 1 < inv.argv.size()) {
          del = inv.argv[++i];
        } else {
          berror(sh, inv, "history: -d: option requires an argument");
          inv.err() << kHistoryUsage;
          return 2;
        }
        break;
      } else {
        berror(sh, inv, std::string("history: -") + c + ": invalid option");
        inv.err() << kHistoryUsage;
        return 2;
      }
    }
  }
  std::vector<std::string> args(inv.argv.begin() + static_cast<long>(i), inv.argv.end());
  if (clear) {
    h.lines.clear();
    h.lines_this_session = 0;
    h.last_line_added = false;
    return 0;
  }
  if (del) return history_delete(sh, inv, *del);
  if (store) {
    if (args.empty()) return 0;
    drop_current_line(h);
    std::string line;
    for (const std::string& a : args) line += (line.empty() ? "" : " ") + a;
    h.lines.push_back(line);
    h.lines_this_session++;
    stifle(sh);
    return 0;
  }
  if (print) {
    if (args.empty()) return 0;
    drop_current_line(h);
    int status = 0;
    for (const std::string& a : args) {
      HistExpansion e = history_expand(sh, a);
      if (e.failed) {
        berror(sh, inv, "history: " + a + ": history expansion failed");
        status = 1;
        continue;
      }
      inv.out() << e.text << "\n";
    }
    return status;
  }
  if (file_op) return history_file_op(sh, inv, file_op, args.empty() ? nullptr : &args[0]);
  long long count = 0;
  if (!args.empty() && !parse_long(args[0], count)) {
    berror(sh, inv, "history: " + args[0] + ": numeric argument required");
    return 1;
  }
  if (args.size() > 1) {
    // bash abandons what it was running here (a script ends).
    berror(sh, inv, "history: too many arguments");
    inv.finish(1);
    throw FatalSignal{1};
  }
  size_t from = 0;
  if (!args.empty()) {
    long long n;
    if (!parse_long(args[0], n)) {
      berror(sh, inv, "history: " + args[0] + ": numeric argument required");
      return 1;
    }
    if (n >= 0 && static_cast<size_t>(n) < h.lines.size()) from = h.lines.size() - static_cast<size_t>(n);
  }
  list_history(sh, inv, from);
  return 0;
}

// ---------------------------------------------------------------------------
// fc

const char kFcUsage[] = "fc: usage: fc [-e ename] [-lnr] [first] [last] or fc -s [pat=rep] [command]\n";

// An fc history specifier as an index into the list: a number, an offset
// back from the last entry (negative), or the newest entry starting with a
// prefix. `last` is the index of the newest entry fc may use.
// `bound` (at least `last`) is the newest entry a number may still name.
std::optional<long long> fc_index(const History& h, const std::string& spec, long long last, bool listing,
                                  long long bound = -1) {
  bound = std::max(bound, last);
  long long n;
  if (parse_long(spec, n)) {
    if (n < 0) {
      long long idx = last + 1 + n;
      return idx < 0 ? 0 : idx;
    }
    if (n == 0) return last;
    long long idx = n - h.base;
    if (idx < 0 || idx > bound) {
      if (!listing) return std::nullopt;
      return idx < 0 ? 0 : bound;
    }
    return idx;
  }
  for (long long i = last; i >= 0; --i)
    if (h.lines[static_cast<size_t>(i)].compare(0, spec.size(), spec) == 0) return i;
  return std::nullopt;
}

// Runs a command fc picked: shown on stderr, recorded in place of the fc line.
int fc_rerun(Interp& sh, Invocation& inv, const std::string& command, bool replace_newest) {
  inv.err() << command << "\n";
  inv.err().flush();
  // The newest entry (the fc line itself when it was recorded) gives way to it.
  History& h = sh.st.history;
  if (h.last_line_added || replace_newest) {
    if (!h.lines.empty()) h.lines.pop_back();
  }
  h.last_line_added = false;
  h.lines.push_back(command);
  stifle(sh);
  return sh.run_source(command, sh.st.lineno, false);
}

// fc without -l or -s: the commands go to a file the editor may change,
// then run as fc -s runs one.
int fc_edit(Interp& sh, Invocation& inv, std::string editor, long long first, long long last, bool reverse) {
  History& h = sh.st.history;
  if (editor.empty()) editor = sh.get_var("FCEDIT").value_or("");
  if (editor.empty()) editor = sh.get_var("EDITOR").value_or("");
  if (editor.empty()) editor = "vi";
  std::string text;
  for (long long k = 0; k <= last - first; ++k) text += h.lines[static_cast<size_t>(reverse ? last - k : first + k)] + "\n";
  // The newest entry (taken for the fc line) gives way to what runs.
  if (!sh.st.history.lines.empty()) sh.st.history.lines.pop_back();
  sh.st.history.last_line_added = false;
  std::string dir = sh.get_var("TMPDIR").value_or("");
  vfs::Stat st;
  for (const char* d : {"/tmp", "/var/tmp"})
    if (dir.empty() || sh.ctx->fs->stat(sh.abspath(dir), st) || !S_ISDIR(st.mode)) dir = d;
  if (sh.ctx->fs->stat(sh.abspath(dir), st) || !S_ISDIR(st.mode)) dir = sh.st.cwd;
  std::string path = vfs::join(sh.abspath(dir), "bash-fc." + std::to_string(sh.new_pid()));
  if (vfs::write_file(*sh.ctx->fs, path, text, 0600)) {
    berror(sh, inv, "fc: " + path + ": cannot open temp file: No such file or directory");
    return 1;
  }
  inv.out().flush();
  int status = sh.run_source(editor + " " + path, sh.st.lineno, false);
  std::string edited;
  vfs::read_file(*sh.ctx->fs, path, edited);
  sh.ctx->fs->unlink(path);
  if (status != 0) return status;
  while (!edited.empty() && edited.back() == '\n') edited.pop_back();
  if (edited.empty()) return 0;
  return fc_rerun(sh, inv, edited, false);
}

int b_fc(Interp& sh, Invocation& inv) {
  History& h = sh.st.history;
  stifle(sh);
  bool list = false, numbers = true, reverse = false, subst = false;
  std::string editor;
  size_t i = 1;
  for (; i < inv.argv.size(); ++i) {
    const std::string& a = inv.argv[i];
    if (a == "--") {
      ++i;
      break;
    }
    if (a.size() < 2 || a[0] != '-' || (a[1] >= '0' && a[1] <= '9')) break;
    for (size_t k = 1; k < a.size(); ++k) {
      char c = a[k];
      if (c == 'l') list = true;
      else if (c == 'n') numbers = false;
      else if (c == 'r') reverse = true;
      else if (c == 's') subst = true;
      else if (c == 'e') {
        if (k + 1 < a.size()) editor = a.substr(k + 1);
        else if (i + 1 < inv.argv.size()) editor = inv.argv[++i];
        else {
          berror(sh, inv, "fc: -e: option requires an argument");
          inv.err() << kFcUsage;
          return 2;
        }
        break;
      } else {
        berror(sh, inv, std::string("fc: -") + c + ": invalid option");
        inv.err() << kFcUsage;
        return 2;
      }
    }
  }
  std::vector<std::string> args(inv.argv.begin() + static_cast<long>(i), inv.argv.end());
  // The fc line itself, when it was recorded, is not one fc works on.
  long long last = static_cast<long long>(h.lines.size()) - 1 - (h.last_line_added ? 1 : 0);
  if (subst || editor == "-") {
    std::vector<std::pair<std::string, std::string>> reps;
    size_t k = 0;
    for (; k < args.size() && args[k].find('=') != std::string::npos; ++k) {
      size_t eq = args[k].find('=');
      reps.push_back({args[k].substr(0, eq), args[k].substr(eq + 1)});
    }
    std::optional<long long> idx;
    if (last >= 0) idx = k < args.size() ? fc_index(h, args[k], last, false) : last;
    if (!idx) {
      berror(sh, inv, "fc: no command found");
      return 1;
    }
    std::string command = h.lines[static_cast<size_t>(*idx)];
    for (auto& [from, to] : reps) {
      if (from.empty()) continue;
      size_t at = command.find(from);
      if (at != std::string::npos) command.replace(at, from.size(), to);
    }
    return fc_rerun(sh, inv, command, true);
  }
  // Editing, bash takes the newest entry for the fc line (even in a script):
  // by default it edits the one before, which may be none (an empty file);
  // a number may still name the newest.
  long long bound = last;
  if (!list) {
    bound = static_cast<long long>(h.lines.size()) - 1;
    last = bound - 1;
    if (last < 0 && args.empty()) return fc_edit(sh, inv, editor, 0, -1, false);
  }
  if (bound < 0) return 0;
  long long first_i, last_i;
  if (args.empty()) {
    first_i = list ? std::max(0LL, last - 15) : last;
    last_i = last;
  } else {
    auto f = fc_index(h, args[0], last, list, bound);
    std::optional<long long> l;
    if (f) l = args.size() > 1 ? fc_index(h, args[1], last, list, bound) : std::optional<long long>(list ? last : *f);
    if (!f || !l) {
      berror(sh, inv, "fc: no command found");
      return 1;
    }
    first_i = *f;
    last_i = *l;
  }
  if (first_i > last_i) {
    std::swap(first_i, last_i);
    reverse = true;
  }
  if (!list) return fc_edit(sh, inv, editor, first_i, last_i, reverse);
  std::string out;
  for (long long k = 0; k <= last_i - first_i; ++k) {
    long long at = reverse ? last_i - k : first_i + k;
    if (numbers) out += std::to_string(at + h.base);
    out += "\t ";
    out += h.lines[static_cast<size_t>(at)];
    out += '\n';
  }
  inv.out() << out;
  return 0;
}

int b_logout(Interp& sh, Invocation& inv) {
  berror(sh, inv, "logout: not login shell: use `exit'");
  return 1;
}

BURROW_BUILTIN(history_, "history", b_history, false);
BURROW_BUILTIN(fc_, "fc", b_fc, false);
BURROW_BUILTIN(logout_, "logout", b_logout, false);

// ---------------------------------------------------------------------------
// The interactive loop

bool blank(const std::string& s) {
  return s.find_first_not_of(" \t\n") == std::string::npos;
}

// What bash puts between the lines of one multi-line command in its history
// entry (shopt cmdhist): a newline inside quotes or here-documents, a space
// after words and operators that want more, "; " otherwise.
std::string history_joiner(const std::string& so_far, bool in_quotes) {
  if (in_quotes) return "\n";
  size_t end = so_far.find_last_not_of(" \t");
  if (end == std::string::npos) return "";
  char last = so_far[end];
  if (last == ';' || last == '&' || last == '|' || last == '(' || last == '{' || last == '\n') return " ";
  size_t start = so_far.find_last_of(" \t;&|(", end);
  std::string word = so_far.substr(start == std::string::npos ? 0 : start + 1, end + 1 - (start == std::string::npos ? 0 : start + 1));
  static const char* const kWantMore[] = {"do", "then", "else", "in", "!", "time", "if", "while", "until", "elif"};
  for (const char* w : kWantMore)
    if (word == w) return " ";
  return "; ";
}

enum class Completeness { Complete, Incomplete, InQuotes };

Completeness check_complete(const std::string& text) {
  ParseError err;
  Parser parser{text};
  bool open_heredoc = false;
  auto scan_warnings = [&] {
    for (const std::string& w : parser.take_warnings())
      if (w.find("delimited by end-of-file") != std::string::npos) open_heredoc = true;
  };
  while (parser.next_command(err)) scan_warnings();
  scan_warnings();
  if (open_heredoc) return Completeness::InQuotes;
  if (err && err.incomplete) {
    return err.message.find("looking for matching") != std::string::npos ? Completeness::InQuotes
                                                                           : Completeness::Incomplete;
  }
  return Completeness::Complete;
}

// Runs commands as the interactive shell does: errors end the command, not the shell.
// False when the shell is to exit.
bool run_interactive_text(Interp& sh, const std::string& text, int line, bool parse_error_fatal) {
  try {
    sh.run_source(text, line, parse_error_fatal);
  } catch (const ExitSignal& e) {
    sh.st.last_status = e.status;
    sh.exit_called = true;
    return false;
  } catch (const FatalSignal& e) {
    sh.st.last_status = e.from_expansion ? 1 : e.status;
  } catch (const ReturnSignal& r) {
    sh.st.last_status = r.status;
  } catch (const LoopSignal&) {
  } catch (const ArithError& e) {
    sh.error(e.message);
    sh.st.last_status = 1;
  }
  if (sh.ctx->cancel.cancelled() || (sh.process_cancel && sh.process_cancel->cancelled())) return false;
  return true;
}

void run_prompt_command(Interp& sh) {
  Var* v = sh.find_var("PROMPT_COMMAND");
  if (!v || !v->set) return;
  std::vector<std::string> commands;
  if (v->is_array) {
    for (auto& [k, s] : v->array) commands.push_back(s);
  } else {
    commands.push_back(v->value);
  }
  int saved = sh.st.last_status;
  for (const std::string& c : commands) {
    if (c.empty()) continue;
    if (!run_interactive_text(sh, c, 1, false)) return;
    sh.st.last_status = saved;
  }
}

void write_prompt(Interp& sh, const char* var) {
  auto ps = sh.get_var(var);
  if (!ps) return;
  // Expanding the prompt leaves $? as it was.
  int saved = sh.st.last_status;
  bool ps1 = std::string_view(var) == "PS1";
  sh.write_err(sh.expand_prompt(*ps, ps1 ? Interp::PromptKind::PS1 : Interp::PromptKind::Other));
  sh.st.last_status = saved;
}

}  // namespace

void history_add(Interp& sh, std::string line) {
  History& h = sh.st.history;
  std::string control = sh.get_var("HISTCONTROL").value_or("");
  auto has = [&](const char* word) {
    size_t at = 0;
    std::string w = word;
    while ((at = control.find(w, at)) != std::string::npos) {
      bool starts = at == 0 || control[at - 1] == ':';
      bool ends = at + w.size() == control.size() || control[at + w.size()] == ':';
      if (starts && ends) return true;
      at += w.size();
    }
    return false;
  };
  bool both = has("ignoreboth");
  if ((both || has("ignorespace")) && !line.empty() && line[0] == ' ') return;
  if ((both || has("ignoredups")) && !h.lines.empty() && h.lines.back() == line) return;
  if (has("erasedups")) h.lines.erase(std::remove(h.lines.begin(), h.lines.end(), line), h.lines.end());
  h.lines.push_back(std::move(line));
  h.lines_this_session++;
  h.last_line_added = true;
  stifle(sh);
}

void history_record_script_lines(Interp& sh, std::string_view text) {
  History& h = sh.st.history;
  std::string pending;
  size_t start = 0;
  bool first = true;
  while (start < text.size()) {
    size_t nl = text.find('\n', start);
    size_t end = nl == std::string_view::npos ? text.size() : nl;
    std::string line(text.substr(start, end - start));
    start = end + 1;
    if (!blank(line)) {
      // The first line of a command is a new entry; the rest join it.
      if (first || h.lines.empty() || !h.last_line_added) {
        history_add(sh, line);
      } else {
        bool quoted = check_complete(pending) == Completeness::InQuotes;
        h.lines.back() += history_joiner(h.lines.back(), quoted) + line;
      }
      // A comment line before a command is an entry of its own.
      size_t lead = line.find_first_not_of(" \t");
      first = first && line[lead] == '#';
    }
    if (!first) pending += line + "\n";
  }
}

void history_var_assigned(Interp& sh, const std::string& name) {
  if (name == "HISTSIZE") {
    stifle(sh, true);
  } else if (name == "HISTFILESIZE") {
    auto n = int_var(sh, "HISTFILESIZE");
    if (n && *n >= 0) {
      truncate_history_file(sh, sh.get_var("HISTFILE").value_or(""), *n);
      sh.st.history.lines_in_file = static_cast<int>(std::min<long long>(sh.st.history.lines_in_file, *n));
    }
  }
}

bool interactive_startup(Interp& sh, const InteractiveOptions& o) {
  if (o.norc) return true;
  std::string path = o.rcfile.empty() ? sh.get_var("HOME").value_or("") + "/.bashrc" : o.rcfile;
  std::string text;
  if (vfs::read_file(*sh.ctx->fs, sh.abspath(path), text)) {
    if (!o.rcfile.empty()) sh.write_err(sh.st.arg0 + ": " + path + ": No such file or directory\n");
    return true;
  }
  std::string saved_name = sh.parse_error_name;
  sh.parse_error_name = path;
  sh.source_depth_++;
  bool go_on = run_interactive_text(sh, text, 1, false);
  sh.source_depth_--;
  sh.parse_error_name = saved_name;
  return go_on;
}

void interactive_history_init(Interp& sh) {
  if (!sh.get_var("HISTFILE")) sh.set_var("HISTFILE", sh.get_var("HOME").value_or("") + "/.bash_history");
  if (!sh.get_var("HISTSIZE")) sh.set_var("HISTSIZE", "500");
  if (!sh.get_var("HISTFILESIZE")) sh.set_var("HISTFILESIZE", sh.get_var("HISTSIZE").value_or("500"));
  std::string file = sh.get_var("HISTFILE").value_or("");
  std::vector<std::string> lines;
  if (!file.empty() && read_history_file(sh, file, lines)) {
    for (auto& l : lines) sh.st.history.lines.push_back(std::move(l));
    sh.st.history.lines_in_file = static_cast<int>(lines.size());
    stifle(sh);
  }
}

void save_history_on_exit(Interp& sh) {
  History& h = sh.st.history;
  std::string file = sh.get_var("HISTFILE").value_or("");
  if (file.empty() || !sh.st.opts.history) return;
  if (h.lines_this_session > 0) {
    auto it = sh.st.inert_shopts.find("histappend");
    bool append = (it != sh.st.inert_shopts.end() && it->second) ||
                  h.lines_this_session <= static_cast<int>(h.lines.size());
    size_t from = append ? h.lines.size() - static_cast<size_t>(std::min<int>(h.lines_this_session, static_cast<int>(h.lines.size()))) : 0;
    write_history_file(sh, file, from, append);
  }
  auto keep = int_var(sh, "HISTFILESIZE");
  if (keep) truncate_history_file(sh, file, *keep);
}

int run_interactive(Interp& sh, const InteractiveOptions& o, InStream& input) {
  std::string pending, line;
  sh.st.command_number = 1;
  int first_line = 1;
  for (;;) {
    if (pending.empty()) {
      run_prompt_command(sh);
      if (sh.exit_called) break;
      write_prompt(sh, "PS1");
    } else {
      write_prompt(sh, "PS2");
    }
    // Buffered, as bash reads without a terminal: commands it runs do not
    // see input it has already read.
    if (!input.read_line(line)) {
      if (!pending.empty()) {
        // bash reports the unfinished command and goes on to exit.
        sh.st.history.last_line_added = false;
        run_interactive_text(sh, pending, first_line, false);
      }
      sh.write_err("exit\n");
      break;
    }
    if (o.editing) sh.write_err(line + "\n");
    // History expansion (set -H): a line that fails is dropped; an expanded
    // one is shown, and with :p only shown.
    auto histexpand = sh.st.inert_set_options.find("histexpand");
    if (histexpand != sh.st.inert_set_options.end() && histexpand->second && sh.st.opts.history) {
      bool continuing = !pending.empty() && sh.st.history.last_line_added;
      HistExpansion e = history_expand(sh, line, continuing);
      if (e.failed) {
        sh.write_err(sh.st.arg0 + ": " + e.error + "\n");
        continue;
      }
      if (e.expanded) {
        line = e.text;
        sh.write_err(line + "\n");
        if (e.print_only) {
          if (sh.st.opts.history) history_add(sh, line);
          sh.st.history.last_line_added = false;
          continue;
        }
      }
    }
    bool was_empty = pending.empty();
    Completeness before = was_empty ? Completeness::Complete : check_complete(pending);
    pending += line;
    pending += '\n';
    Completeness now = check_complete(pending);
    if (sh.st.opts.history && !blank(line)) {
      History& h = sh.st.history;
      if (was_empty || h.lines.empty() || !h.last_line_added) {
        history_add(sh, line);
      } else {
        h.lines.back() += history_joiner(h.lines.back(), before == Completeness::InQuotes) + line;
      }
    }
    if (now != Completeness::Complete) continue;
    if (!blank(pending)) {
      bool go_on = run_interactive_text(sh, pending, first_line, false);
      if (!go_on) break;
      ++sh.st.command_number;
    }
    sh.st.history.last_line_added = false;
    first_line += static_cast<int>(std::count(pending.begin(), pending.end(), '\n'));
    pending.clear();
  }
  return sh.st.last_status;
}

}  // namespace burrow::shell
