// sed: stream editor (GNU sed 4.9). The parser and executor live in
// commands/sed/; this file handles the command line.
#include "commands/args.h"
#include "commands/sed/script.h"

namespace burrow {
namespace {

enum Opt { kQuiet, kExpression, kFile, kExtended, kInPlace, kSeparate, kNullData, kUnbuffered, kLineLength,
           kPosix, kDebug, kSandbox, kFollow, kBinary, kVersion };

constexpr OptionSpec kOptions[] = {
    {kQuiet, 'n', "quiet", ArgKind::kNone, "suppress automatic printing of pattern space"},
    {kQuiet, 0, "silent", ArgKind::kNone, ""},
    {kDebug, 0, "debug", ArgKind::kNone, "annotate program execution"},
    {kExpression, 'e', "expression", ArgKind::kRequired, "add the script to the commands to be executed", "script"},
    {kFile, 'f', "file", ArgKind::kRequired, "add the contents of script-file to the commands", "script-file"},
    {kFollow, 0, "follow-symlinks", ArgKind::kNone, "follow symlinks when processing in place"},
    {kInPlace, 'i', "in-place", ArgKind::kOptional, "edit files in place (makes backup if SUFFIX supplied)", "SUFFIX"},
    {kLineLength, 'l', "line-length", ArgKind::kRequired, "specify the desired line-wrap length for the `l' command", "N"},
    {kPosix, 0, "posix", ArgKind::kNone, "disable all GNU extensions."},
    {kExtended, 'E', "regexp-extended", ArgKind::kNone, "use extended regular expressions in the script"},
    {kExtended, 'r', "", ArgKind::kNone, ""},
    {kSeparate, 's', "separate", ArgKind::kNone, "consider files as separate rather than as a single continuous long stream."},
    {kSandbox, 0, "sandbox", ArgKind::kNone, "operate in sandbox mode (disable e/r/w commands)."},
    {kUnbuffered, 'u', "unbuffered", ArgKind::kNone, "load minimal amounts of data from the input files and flush the output buffers more often"},
    {kNullData, 'z', "null-data", ArgKind::kNone, "separate lines by NUL characters"},
    {kBinary, 'b', "binary", ArgKind::kNone, ""},
    {kVersion, 0, "version", ArgKind::kNone, "output version information and exit"},
};

constexpr CommandSpec kSpec{
    "Usage: sed [OPTION]... {script-only-if-no-other-script} [input-file]...",
    "",
    kOptions,
    1,
};

int run_sed(Invocation& inv) {
  ParsedArgs args;
  if (auto status = parse_args(inv, kSpec, args)) return *status == 0 ? 0 : 1;
  sed::Options o;
  std::vector<sed::ScriptPiece> pieces;
  int expression_count = 0;
  for (const ParsedOption& opt : args.options) {
    switch (opt.id) {
      case kQuiet: o.quiet = true; break;
      case kExpression:
        pieces.push_back({opt.value, "-e expression #" + std::to_string(++expression_count), false});
        break;
      case kFile: {
        std::string data;
        if (opt.value == "-") {
          inv.in().read_all(data);
        } else if (vfs::Error err = vfs::read_file(*inv.fs, inv.path(opt.value), data)) {
          inv.error("couldn't open file " + opt.value + ": " + vfs::error_text(err));
          return 4;
        }
        if (!data.empty() && data.back() == '\n') data.pop_back();
        pieces.push_back({data, "file " + opt.value, true});
        break;
      }
      case kExtended: o.extended = true; break;
      case kInPlace:
        o.in_place = o.separate = true;
        o.backup_suffix = opt.has_value ? opt.value : "";
        break;
      case kSeparate: o.separate = true; break;
      case kNullData: o.null_data = true; break;
      case kUnbuffered: o.unbuffered = true; break;
      case kLineLength: {
        // GNU takes the leading number (atoi-like), so "-l x" means 0.
        long v = strtol(opt.value.c_str(), nullptr, 10);
        o.line_wrap = v < 0 ? 0 : static_cast<int>(v);
        break;
      }
      case kPosix: o.posix = true; break;
      case kDebug: o.debug = true; break;
      case kSandbox: o.sandbox = true; break;
      case kFollow: case kBinary: break;
      case kVersion: inv.out() << "sed (GNU sed) 4.9\n"; return 0;
    }
  }
  std::vector<std::string> files = args.operands;
  if (pieces.empty()) {
    if (files.empty()) {
      inv.err() << "Usage: sed [OPTION]... {script-only-if-no-other-script} [input-file]...\n\n";
      inv.err().flush();
      return 1;
    }
    pieces.push_back({files.front(), "-e expression #1", false});
    files.erase(files.begin());
  }
  const std::string& first = pieces.front().text;
  if (first.size() >= 2 && first[0] == '#' && first[1] == 'n') o.quiet = true;
  o.utf8 = text::locale_is_utf8(inv.getenv("LC_ALL"), inv.getenv("LC_CTYPE"), inv.getenv("LANG"));

  sed::Program program;
  std::string error;
  int error_status = 1;
  if (!sed::parse_program(pieces, o, program, error, error_status)) {
    inv.error(error);
    return error_status;
  }
  return sed::execute(inv, program, o, files);
}

}  // namespace

BURROW_COMMAND(sed, "stream editor for filtering and transforming text", run_sed);

}  // namespace burrow
