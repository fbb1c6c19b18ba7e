// xargs: build and run command lines from standard input (GNU findutils 4.9).
// Commands run through the sandbox shell (ProcessHost), never on the host.
#include <algorithm>
#include <charconv>

#include "commands/args.h"

namespace burrow {
namespace {

enum Opt {
  kNull, kArgFile, kDelimiter, kEofE, kEofLegacy, kReplace, kReplaceLegacy, kMaxLines, kMaxLinesLegacy,
  kMaxArgs, kMaxProcs, kInteractive, kProcessSlotVar, kNoRunIfEmpty, kMaxChars, kShowLimits, kVerbose,
  kExit, kOpenTty,
};

constexpr OptionSpec kOptions[] = {
    {kNull, '0', "null", ArgKind::kNone, "items are separated by a null, not whitespace"},
    {kArgFile, 'a', "arg-file", ArgKind::kRequired, "read arguments from FILE, not standard input", "FILE"},
    {kDelimiter, 'd', "delimiter", ArgKind::kRequired, "items in input stream are separated by CHARACTER", "CHARACTER"},
    {kEofE, 'E', "", ArgKind::kRequired, "set logical EOF string", "END"},
    {kEofLegacy, 'e', "eof", ArgKind::kOptional, "equivalent to -E END if END is specified", "END"},
    {kReplace, 'I', "", ArgKind::kRequired, "replace R in INITIAL-ARGS with names read from standard input", "R"},
    {kReplaceLegacy, 'i', "replace", ArgKind::kOptional, "equivalent to -I R", "R"},
    {kMaxLines, 'L', "", ArgKind::kRequired, "use at most MAX-LINES non-blank input lines per command line", "MAX-LINES"},
    {kMaxLinesLegacy, 'l', "max-lines", ArgKind::kOptional, "similar to -L but defaults to at most one", "MAX-LINES"},
    {kMaxArgs, 'n', "max-args", ArgKind::kRequired, "use at most MAX-ARGS arguments per command line", "MAX-ARGS"},
    {kMaxProcs, 'P', "max-procs", ArgKind::kRequired, "run at most MAX-PROCS processes at a time", "MAX-PROCS"},
    {kInteractive, 'p', "interactive", ArgKind::kNone, "prompt before running commands"},
    {kProcessSlotVar, 0, "process-slot-var", ArgKind::kRequired, "set environment variable VAR in child processes", "VAR"},
    {kNoRunIfEmpty, 'r', "no-run-if-empty", ArgKind::kNone, "if there are no arguments, then do not run COMMAND"},
    {kMaxChars, 's', "max-chars", ArgKind::kRequired, "limit length of command line to MAX-CHARS", "MAX-CHARS"},
    {kShowLimits, 0, "show-limits", ArgKind::kNone, "show limits on command-line length"},
    {kVerbose, 't', "verbose", ArgKind::kNone, "print commands before executing them"},
    {kExit, 'x', "exit", ArgKind::kNone, "exit if the size (see -s) is exceeded"},
    {kOpenTty, 'o', "open-tty", ArgKind::kNone, "Reopen stdin as /dev/tty in the child process"},
};

constexpr CommandSpec kSpec{
    "Usage: xargs [OPTION]... COMMAND [INITIAL-ARGS]...",
    "Run COMMAND with arguments INITIAL-ARGS and more arguments read from input.",
    kOptions,
    1,
    true,
};

constexpr size_t kDefaultMaxChars = 131072;

struct Settings {
  bool null_separated = false;
  int delimiter = -1;  // -d: a single byte
  std::string eof_string;
  bool has_replace = false;
  std::string replace;
  long max_lines = 0;
  long max_args = 0;
  size_t max_chars = kDefaultMaxChars;
  bool no_run_if_empty = false;
  bool verbose = false;
  bool exit_on_size = false;
  std::string slot_var;
};

// Reads input items the way GNU xargs does. In the default mode blanks and
// newlines separate items and quotes and backslashes group them; with -0 or
// -d only the delimiter does. Each item remembers whether it ended a line
// (for -L) .
class ItemReader {
 public:
  ItemReader(InStream& in, const Settings& s) : in_(in), s_(s) {}

  // False at end of input (or after the logical EOF string). Sets `error`
  // on an unmatched quote.
  bool next(std::string& item, bool& ends_line, std::string& error) {
    if (done_) return false;
    item.clear();
    ends_line = false;
    if (s_.null_separated || s_.delimiter >= 0) {
      char delim = s_.null_separated ? '\0' : static_cast<char>(s_.delimiter);
      if (!in_.read_line(item, delim)) return finish();
      ends_line = true;
      return true;
    }
    if (s_.has_replace) return next_line_item(item, ends_line, error);
    // Skip blanks; a newline between items ends a line for -L.
    int c;
    while ((c = get()) != -1 && (c == ' ' || c == '\t' || c == '\n')) {
    }
    if (c == -1) return finish();
    bool any = false;
    while (c != -1) {
      if (c == ' ' || c == '\t') {
        ends_line = trailing_blank_ends_line();
        break;
      }
      if (c == '\n') {
        ends_line = true;
        break;
      }
      any = true;
      if (c == '\'' || c == '"') {
        if (!read_quoted(static_cast<char>(c), item, error)) return false;
      } else if (c == '\\') {
        int n = get();
        if (n != -1) item += static_cast<char>(n);
      } else {
        item += static_cast<char>(c);
      }
      c = get();
    }
    if (c == -1) ends_line = true;
    (void)any;
    if (!s_.eof_string.empty() && item == s_.eof_string) return finish();
    return true;
  }

 private:
  int get() {
    std::string_view v = in_.peek();
    if (v.empty()) return -1;
    in_.consume(1);
    return static_cast<unsigned char>(v[0]);
  }
  int peek() {
    std::string_view v = in_.peek();
    return v.empty() ? -1 : static_cast<unsigned char>(v[0]);
  }
  bool finish() {
    done_ = true;
    return false;
  }
  // For -L, a line whose last item is followed by blanks continues; report
  // the line end only when a newline follows the blanks directly... GNU
  // treats trailing blanks as a continuation, so such an item does not end
  // the line.
  bool trailing_blank_ends_line() {
    while (peek() == ' ' || peek() == '\t') get();
    return false;
  }
  bool read_quoted(char quote, std::string& item, std::string& error) {
    for (;;) {
      int c = get();
      if (c == -1 || c == '\n') {
        error = std::string("unmatched ") + (quote == '\'' ? "single" : "double") +
                " quote; by default quotes are special to xargs unless you use the -0 option";
        done_ = true;
        return false;
      }
      if (c == quote) return true;
      item += static_cast<char>(c);
    }
  }
  // -I: one line per item, leading blanks dropped, quotes still special.
  bool next_line_item(std::string& item, bool& ends_line, std::string& error) {
    int c;
    for (;;) {
      while ((c = get()) == ' ' || c == '\t') {
      }
      if (c == -1) return finish();
      if (c != '\n') break;
    }
    while (c != -1 && c != '\n') {
      if (c == '\'' || c == '"') {
        if (!read_quoted(static_cast<char>(c), item, error)) return false;
      } else if (c == '\\') {
        int n = get();
        if (n != -1) item += static_cast<char>(n);
      } else {
        item += static_cast<char>(c);
      }
      c = get();
    }
    ends_line = true;
    if (!s_.eof_string.empty() && item == s_.eof_string) return finish();
    return true;
  }

  InStream& in_;
  const Settings& s_;
  bool done_ = false;
};

bool parse_count(const std::string& text, long& out) {
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  return ec == std::errc() && end == text.data() + text.size();
}

std::string replace_all(const std::string& text, const std::string& from, const std::string& to) {
  if (from.empty()) return text;
  std::string out;
  size_t pos = 0;
  for (;;) {
    size_t hit = text.find(from, pos);
    if (hit == std::string::npos) break;
    out.append(text, pos, hit - pos);
    out += to;
    pos = hit + from.size();
  }
  out.append(text, pos);
  return out;
}

// Whether argv[0] names something xargs could run: a registered command,
// a utility every Linux has in /bin, or a file in the sandbox.
bool command_exists(Invocation& inv, const std::string& name) {
  if (name.find('/') != std::string::npos) {
    vfs::Stat st;
    return !inv.fs->stat(inv.path(name), st);
  }
  static const char* kShellUtilities[] = {"echo", "printf", "test", "[", "true", "false", "pwd", "kill", "sh", "bash"};
  for (const char* u : kShellUtilities) {
    if (name == u) return true;
  }
  return Registry::global().find(name) != nullptr;
}

int run_xargs(Invocation& inv) {
  ParsedArgs args;
  if (auto status = parse_args(inv, kSpec, args)) return *status;
  Settings s;
  std::string arg_file;
  for (const ParsedOption& o : args.options) {
    switch (o.id) {
      case kNull: s.null_separated = true; break;
      case kArgFile: arg_file = o.value; break;
      case kDelimiter:
        if (o.value.size() == 1) s.delimiter = static_cast<unsigned char>(o.value[0]);
        else if (o.value == "\\n") s.delimiter = '\n';
        else if (o.value == "\\t") s.delimiter = '\t';
        else if (o.value == "\\0") s.delimiter = 0;
        else {
          inv.error("invalid input delimiter specification " + o.value +
                    ": the delimiter must be either a single character or an escape sequence starting with \\.");
          return 1;
        }
        break;
      case kEofE: s.eof_string = o.value; break;
      case kEofLegacy: s.eof_string = o.has_value ? o.value : ""; break;
      case kReplace:
      case kReplaceLegacy:
        s.has_replace = true;
        s.replace = o.has_value ? o.value : "{}";
        s.max_lines = 1;
        s.exit_on_size = true;
        break;
      case kMaxLines:
      case kMaxLinesLegacy: {
        long n = 1;
        if (o.has_value && (!parse_count(o.value, n) || n < 1)) {
          inv.error("invalid number \"" + o.value + "\" for -L option");
          return 1;
        }
        s.max_lines = n;
        s.exit_on_size = true;
        break;
      }
      case kMaxArgs: {
        long n = 0;
        if (!parse_count(o.value, n) || n < 1) {
          inv.error("invalid number \"" + o.value + "\" for -n option");
          return 1;
        }
        s.max_args = n;
        break;
      }
      case kMaxProcs: {
        long n = 0;
        if (!parse_count(o.value, n) || n < 0) {
          inv.error("invalid number \"" + o.value + "\" for -P option");
          return 1;
        }
        break;  // commands run one after another; output order is then deterministic
      }
      case kInteractive:
        inv.error("-p needs a terminal to ask on, and the sandbox has none");
        return 1;
      case kProcessSlotVar: s.slot_var = o.value; break;
      case kNoRunIfEmpty: s.no_run_if_empty = true; break;
      case kMaxChars: {
        long n = 0;
        if (!parse_count(o.value, n) || n < 1) {
          inv.error("invalid number \"" + o.value + "\" for -s option");
          return 1;
        }
        s.max_chars = static_cast<size_t>(n);
        break;
      }
      case kShowLimits:
        inv.err() << "Maximum length of command we could actually use: " << static_cast<long long>(s.max_chars)
                  << "\n";
        break;
      case kVerbose: s.verbose = true; break;
      case kExit: s.exit_on_size = true; break;
      case kOpenTty: break;
    }
  }

  std::vector<std::string> command = args.operands;
  if (command.empty()) command.push_back("echo");

  std::unique_ptr<InStream> file_in;
  InStream* in = &inv.in();
  if (!arg_file.empty() && arg_file != "-") {
    vfs::FilePtr file;
    if (vfs::Error err = inv.fs->open(inv.path(arg_file), O_RDONLY, 0, file)) {
      inv.error("cannot open " + arg_file + ": " + vfs::error_text(err));
      return 1;
    }
    file_in = std::make_unique<InStream>(file);
    in = file_in.get();
  }

  // Children read /dev/null, as GNU xargs arranges, so they cannot eat the
  // items still waiting on our input.
  FdTable child_fds = *inv.fds;
  vfs::FilePtr devnull;
  if (!inv.fs->open("/dev/null", O_RDONLY, 0, devnull)) child_fds.set(0, devnull);
  Environment child_env = inv.env ? *inv.env : Environment{};
  if (!s.slot_var.empty()) child_env[s.slot_var] = "0";

  int status = 0;
  bool ran_any = false;
  auto run_once = [&](const std::vector<std::string>& items) -> bool {
    std::vector<std::string> argv;
    if (s.has_replace) {
      std::string item = items.empty() ? std::string() : items[0];
      for (const std::string& a : command) argv.push_back(replace_all(a, s.replace, item));
    } else {
      argv = command;
      argv.insert(argv.end(), items.begin(), items.end());
    }
    ran_any = true;
    if (s.verbose) {
      std::string line;
      for (size_t i = 0; i < argv.size(); ++i) line += (i ? " " : "") + argv[i];
      inv.err() << line << "\n";
      inv.err().flush();
    }
    inv.out().flush();
    if (!command_exists(inv, argv[0])) {
      inv.error(argv[0] + ": No such file or directory");
      status = 127;
      return false;
    }
    Invocation child;
    child.argv = argv;
    child.fds = &child_fds;
    child.fs = inv.fs;
    child.cwd = inv.cwd;
    child.env = &child_env;
    child.host = inv.host;
    child.cancel = inv.cancel;
    child.limits = inv.limits;
    int rc = inv.host ? inv.host->run_argv(argv, child) : 127;
    if (rc == 255) {
      inv.error(argv[0] + ": exited with status 255; aborting");
      status = 124;
      return false;
    }
    if (rc > 128) {
      inv.error(argv[0] + ": terminated by signal " + std::to_string(rc - 128));
      status = 125;
      return false;
    }
    if (rc == 126 || rc == 127) {
      status = rc;
      return false;
    }
    if (rc != 0) status = 123;
    return !inv.cancelled();
  };

  size_t base_chars = 0;
  for (const std::string& a : command) base_chars += a.size() + 1;
  ItemReader reader(*in, s);
  std::vector<std::string> items;
  size_t chars = base_chars;
  long lines = 0;
  std::string item, error;
  bool ends_line = false;
  while (reader.next(item, ends_line, error)) {
    if (base_chars + item.size() + 1 > s.max_chars) {
      inv.error("argument line too long");
      return 1;
    }
    if (!items.empty() && !s.has_replace && chars + item.size() + 1 > s.max_chars) {
      if (s.exit_on_size && s.max_lines) {
        inv.error("argument list too long");
        return 1;
      }
      if (!run_once(items)) return status;
      items.clear();
      chars = base_chars;
      lines = 0;
    }
    items.push_back(item);
    chars += item.size() + 1;
    if (ends_line) ++lines;
    bool full = (s.max_args && static_cast<long>(items.size()) >= s.max_args) ||
                (s.max_lines && lines >= s.max_lines);
    if (full) {
      if (!run_once(items)) return status;
      items.clear();
      chars = base_chars;
      lines = 0;
    }
  }
  if (!error.empty()) {
    inv.error(error);
    if (!items.empty()) run_once(items);
    return 1;
  }
  if (!items.empty() || (!ran_any && !s.no_run_if_empty && !s.has_replace)) run_once(items);
  return status;
}

}  // namespace

BURROW_COMMAND(xargs, "build and execute command lines from standard input", run_xargs);

}  // namespace burrow
