// getopt: parse command options for shell scripts (util-linux 2.38's
// enhanced mode, and the old "getopt optstring args" form). The parameters
// are parsed by our own glibc-compatible option scanner — glibc's getopt
// keeps global state and cannot run in a multi-threaded server — and
// printed back normalised and quoted for `eval set -- "$(getopt ...)"`.
#include <algorithm>
#include <cstring>
#include <string>
#include <vector>

#include "commands/args.h"

namespace burrow {
namespace {

enum Opt { kHelp, kVersion, kAlternative, kOptions, kLongOptions, kName, kQuiet, kQuietOutput, kShell, kTest, kUnquoted };

constexpr OptionSpec kOptionsSpec[] = {
    {kAlternative, 'a', "alternative", ArgKind::kNone, "allow long options starting with single -"},
    {kLongOptions, 'l', "longoptions", ArgKind::kRequired, "the long options to be recognized", "longopts"},
    {kName, 'n', "name", ArgKind::kRequired, "the name under which errors are reported", "progname"},
    {kOptions, 'o', "options", ArgKind::kRequired, "the short options to be recognized", "optstring"},
    {kQuiet, 'q', "quiet", ArgKind::kNone, "disable error reporting by getopt(3)"},
    {kQuietOutput, 'Q', "quiet-output", ArgKind::kNone, "no normal output"},
    {kShell, 's', "shell", ArgKind::kRequired, "set quoting conventions to those of <shell>", "shell"},
    {kTest, 'T', "test", ArgKind::kNone, "test for getopt(1) version"},
    {kUnquoted, 'u', "unquoted", ArgKind::kNone, "do not quote the output"},
    {kHelp, 'h', "help", ArgKind::kNone, "display this help"},
    {kVersion, 'V', "version", ArgKind::kNone, "display version"},
};

constexpr CommandSpec kSpec{
    "Usage:\n getopt <optstring> <parameters>\n getopt [options] [--] <optstring> <parameters>\n"
    " getopt [options] -o|--options <optstring> [options] [--] <parameters>",
    "Parse command options.",
    kOptionsSpec,
    /*usage_status=*/2,
    /*stop_at_operand=*/true,
};

// Exit statuses util-linux documents.
constexpr int kStatusParseError = 1;
constexpr int kStatusParameterError = 2;
constexpr int kStatusTest = 4;

struct LongOption {
  std::string name;
  ArgKind arg = ArgKind::kNone;
};

struct ShortOptions {
  std::string letters;  // optstring without the leading mode characters
  bool silent = false;  // a leading ':' silences the scanner's messages
  enum Order { kPermute, kRequireOrder, kReturnInOrder } order = kPermute;

  // The argument kind of option c, or nullopt when c is not an option.
  std::optional<ArgKind> find(char c) const {
    if (c == ':' || c == ';') return std::nullopt;
    size_t at = letters.find(c);
    if (at == std::string::npos) return std::nullopt;
    if (at + 1 < letters.size() && letters[at + 1] == ':') {
      return at + 2 < letters.size() && letters[at + 2] == ':' ? ArgKind::kOptional : ArgKind::kRequired;
    }
    return ArgKind::kNone;
  }
};

ShortOptions parse_optstring(std::string_view text, bool posixly_correct) {
  ShortOptions s;
  size_t i = 0;
  while (i < text.size() && (text[i] == '+' || text[i] == '-')) {
    s.order = text[i] == '+' ? ShortOptions::kRequireOrder : ShortOptions::kReturnInOrder;
    ++i;
    break;  // glibc looks at one mode character only
  }
  if (s.order == ShortOptions::kPermute && posixly_correct) s.order = ShortOptions::kRequireOrder;
  if (i < text.size() && text[i] == ':') {
    s.silent = true;
    ++i;
  }
  s.letters = std::string(text.substr(i));
  return s;
}

// "alpha,beta:,gamma::" — util-linux also accepts whitespace as separator.
void add_long_options(std::string_view text, std::vector<LongOption>& out) {
  size_t i = 0;
  while (i <= text.size()) {
    size_t end = text.find_first_of(", \t\n", i);
    if (end == std::string_view::npos) end = text.size();
    std::string_view word = text.substr(i, end - i);
    if (!word.empty()) {
      LongOption opt;
      if (word.size() >= 2 && word.substr(word.size() - 2) == "::") {
        opt.arg = ArgKind::kOptional;
        word.remove_suffix(2);
      } else if (word.back() == ':') {
        opt.arg = ArgKind::kRequired;
        word.remove_suffix(1);
      }
      opt.name = std::string(word);
      if (!opt.name.empty()) out.push_back(std::move(opt));
    }
    i = end + 1;
  }
}

enum class Shell { kSh, kTcsh };

// Single-quotes `arg` for the chosen shell as util-linux's normalize() does.
std::string quote_for(std::string_view arg, Shell shell) {
  std::string out = "'";
  for (char c : arg) {
    if (c == '\'') {
      out += "'\\''";
    } else if (shell == Shell::kTcsh && c == '!') {
      out += "'\\!'";
    } else if (shell == Shell::kTcsh && c == '\n') {
      out += "\\n";
    } else if (shell == Shell::kTcsh && (c == ' ' || c == '\t' || c == '\v' || c == '\f' || c == '\r')) {
      out += "'\\";
      out += c;
      out += "'";
    } else {
      out += c;
    }
  }
  out += "'";
  return out;
}

// Scans the parameters like glibc getopt_long(_only) and writes the
// normalised command line.
class Scanner {
 public:
  Scanner(Invocation& inv, std::string prog, ShortOptions shorts, std::vector<LongOption> longs, bool long_only,
          bool report_errors, bool quote, Shell shell)
      : inv_(inv),
        prog_(std::move(prog)),
        shorts_(std::move(shorts)),
        longs_(std::move(longs)),
        long_only_(long_only),
        report_(report_errors && !shorts_.silent),
        quote_(quote),
        shell_(shell) {}

  // Returns true when every parameter parsed.
  bool scan(const std::vector<std::string>& params) {
    std::vector<std::string> operands;
    size_t i = 0;
    while (i < params.size()) {
      const std::string& arg = params[i];
      if (arg == "--") {
        ++i;
        break;
      }
      if (arg.size() < 2 || arg[0] != '-') {
        if (shorts_.order == ShortOptions::kRequireOrder) break;
        if (shorts_.order == ShortOptions::kReturnInOrder) emit_param(arg);
        else operands.push_back(arg);
        ++i;
        continue;
      }
      i = scan_option(params, i);
    }
    for (; i < params.size(); ++i) operands.push_back(params[i]);
    out_ += " --";
    for (const std::string& op : operands) emit_param(op);
    return ok_;
  }

  const std::string& output() const { return out_; }

 private:
  void emit_param(std::string_view text) {
    out_ += ' ';
    out_ += quote_ ? quote_for(text, shell_) : std::string(text);
  }
  void fail(const std::string& message) {
    ok_ = false;
    if (report_) inv_.err() << prog_ << ": " << message << "\n";
  }

  // Scans params[i], an option word; returns the index of the next word.
  size_t scan_option(const std::vector<std::string>& params, size_t i) {
    const std::string& arg = params[i];
    if (arg[1] == '-') return scan_long(params, i, 2).value_or(i + 1);
    if (long_only_ && (arg.size() > 2 || !shorts_.find(arg[1]))) {
      if (auto next = scan_long(params, i, 1)) return *next;
    }
    return scan_shorts(params, i);
  }

  // A long option at params[i] after `dashes` dashes. nullopt: not a long
  // option after all (long-only mode falls back to short options).
  std::optional<size_t> scan_long(const std::vector<std::string>& params, size_t i, size_t dashes) {
    const std::string& arg = params[i];
    std::string_view prefix = dashes == 2 ? "--" : "-";
    std::string_view body = std::string_view(arg).substr(dashes);
    size_t eq = body.find('=');
    std::string_view name = body.substr(0, eq);
    const LongOption* found = nullptr;
    for (const LongOption& opt : longs_) {
      if (opt.name == name) {
        found = &opt;
        break;
      }
    }
    if (!found) {
      std::vector<const LongOption*> matches;
      for (const LongOption& opt : longs_) {
        if (opt.name.compare(0, name.size(), name) == 0) matches.push_back(&opt);
      }
      if (matches.size() > 1) {
        std::string message = "option '" + std::string(prefix) + std::string(name) + "' is ambiguous; possibilities:";
        for (const LongOption* m : matches) message += " '" + std::string(prefix) + m->name + "'";
        fail(message);
        return i + 1;
      }
      if (matches.size() == 1) found = matches[0];
    }
    if (!found) {
      if (dashes == 1 && shorts_.find(body[0])) return std::nullopt;
      fail("unrecognized option '" + arg + "'");
      return i + 1;
    }
    std::string shown = std::string(prefix) + found->name;
    if (eq != std::string_view::npos) {
      if (found->arg == ArgKind::kNone) {
        fail("option '" + shown + "' doesn't allow an argument");
        return i + 1;
      }
      emit_option("--" + found->name, std::string(body.substr(eq + 1)));
      return i + 1;
    }
    if (found->arg == ArgKind::kRequired) {
      if (i + 1 >= params.size()) {
        fail("option '" + shown + "' requires an argument");
        return i + 1;
      }
      emit_option("--" + found->name, params[i + 1]);
      return i + 2;
    }
    if (found->arg == ArgKind::kOptional) emit_option("--" + found->name, "");
    else emit_option("--" + found->name, std::nullopt);
    return i + 1;
  }

  size_t scan_shorts(const std::vector<std::string>& params, size_t i) {
    const std::string& arg = params[i];
    for (size_t k = 1; k < arg.size(); ++k) {
      char c = arg[k];
      std::optional<ArgKind> kind = shorts_.find(c);
      if (!kind) {
        fail(std::string("invalid option -- '") + c + "'");
        continue;
      }
      std::string flag = std::string("-") + c;
      if (*kind == ArgKind::kNone) {
        emit_option(flag, std::nullopt);
        continue;
      }
      if (k + 1 < arg.size()) {
        emit_option(flag, arg.substr(k + 1));
        return i + 1;
      }
      if (*kind == ArgKind::kOptional) {
        emit_option(flag, "");
        return i + 1;
      }
      if (i + 1 >= params.size()) {
        fail(std::string("option requires an argument -- '") + c + "'");
        return i + 1;
      }
      emit_option(flag, params[i + 1]);
      return i + 2;
    }
    return i + 1;
  }

  void emit_option(const std::string& flag, const std::optional<std::string>& value) {
    out_ += ' ';
    out_ += flag;
    if (value) emit_param(*value);
  }

  Invocation& inv_;
  std::string prog_;
  ShortOptions shorts_;
  std::vector<LongOption> longs_;
  bool long_only_;
  bool report_;
  bool quote_;
  Shell shell_;
  bool ok_ = true;
  std::string out_;
};

void parameter_error(Invocation& inv, std::string_view message) {
  inv.error(message);
  print_try_help(inv);
}

int run_getopt(Invocation& inv) {
  bool compatible = inv.env && inv.env->count("GETOPT_COMPATIBLE");
  bool posixly_correct = inv.env && inv.env->count("POSIXLY_CORRECT");
  if (inv.argv.size() == 1) {
    if (compatible) {
      inv.out() << " --\n";
      return 0;
    }
    parameter_error(inv, "missing optstring argument");
    return kStatusParameterError;
  }
  // The old form: "getopt optstring parameters", unquoted.
  if (inv.argv[1].empty() || inv.argv[1][0] != '-' || compatible) {
    std::string optstring = inv.argv[1];
    optstring.erase(0, std::min(optstring.size(), optstring.find_first_not_of("-+")));
    std::vector<std::string> params(inv.argv.begin() + 2, inv.argv.end());
    Scanner scanner(inv, "getopt", parse_optstring(optstring, posixly_correct), {}, false, true, false, Shell::kSh);
    bool ok = scanner.scan(params);
    inv.out() << scanner.output() << "\n";
    return ok ? 0 : kStatusParseError;
  }

  ParsedArgs args;
  if (auto status = parse_args(inv, kSpec, args)) return *status;
  std::optional<std::string> optstring;
  std::vector<LongOption> longs;
  std::string prog = inv.name();
  Shell shell = Shell::kSh;
  for (const ParsedOption& o : args.options) {
    switch (o.id) {
      case kOptions: optstring = o.value; break;
      case kLongOptions: add_long_options(o.value, longs); break;
      case kName: prog = o.value; break;
      case kShell:
        if (o.value == "sh" || o.value == "bash") shell = Shell::kSh;
        else if (o.value == "csh" || o.value == "tcsh") shell = Shell::kTcsh;
        else {
          parameter_error(inv, "unknown shell after -s or --shell argument");
          return kStatusParameterError;
        }
        break;
      case kTest: return kStatusTest;
      case kHelp: print_help(inv, kSpec); return 0;
      case kVersion: print_version(inv); return 0;
      default: break;
    }
  }
  std::vector<std::string> params = std::move(args.operands);
  if (!optstring) {
    if (params.empty()) {
      parameter_error(inv, "missing optstring argument");
      return kStatusParameterError;
    }
    optstring = params.front();
    params.erase(params.begin());
  }
  Scanner scanner(inv, prog, parse_optstring(*optstring, posixly_correct), std::move(longs), args.has(kAlternative),
                  !args.has(kQuiet), !args.has(kUnquoted), shell);
  bool ok = scanner.scan(params);
  if (!args.has(kQuietOutput)) inv.out() << scanner.output() << "\n";
  return ok ? 0 : kStatusParseError;
}

}  // namespace

BURROW_COMMAND(getopt, "parse command options", run_getopt);

}  // namespace burrow
