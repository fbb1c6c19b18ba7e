// dos2unix / unix2dos: convert line endings (dos2unix 7 style). Files are
// converted in place unless -n INFILE OUTFILE is used; no operand means
// standard input to standard output.
#include <cstring>

#include "commands/args.h"
#include "commands/text/common.h"

namespace burrow {
namespace {

enum Opt { kNewFile, kQuiet, kKeepDate, kForce, kOldFile, kVerbose };

constexpr OptionSpec kOptions[] = {
    {kNewFile, 'n', "newfile", ArgKind::kNone, "write to new file: INFILE OUTFILE pairs"},
    {kOldFile, 'o', "oldfile", ArgKind::kNone, "write to old file (default)"},
    {kQuiet, 'q', "quiet", ArgKind::kNone, "quiet mode, suppress all warnings"},
    {kKeepDate, 'k', "keepdate", ArgKind::kNone, "keep output file date"},
    {kForce, 'f', "force", ArgKind::kNone, "force conversion of binary files"},
    {kVerbose, 'v', "verbose", ArgKind::kNone, "verbose operation"},
};

constexpr CommandSpec kDos2Unix{"Usage: dos2unix [options] [file ...] [-n infile outfile ...]",
                                "Convert DOS (CRLF) line breaks to Unix (LF).", kOptions};
constexpr CommandSpec kUnix2Dos{"Usage: unix2dos [options] [file ...] [-n infile outfile ...]",
                                "Convert Unix (LF) line breaks to DOS (CRLF).", kOptions};

std::string convert(std::string_view in, bool to_unix) {
  std::string out;
  out.reserve(in.size() + (to_unix ? 0 : in.size() / 16));
  for (size_t i = 0; i < in.size(); ++i) {
    char c = in[i];
    if (to_unix) {
      if (c == '\r' && i + 1 < in.size() && in[i + 1] == '\n') continue;
      out += c;
    } else {
      if (c == '\n' && (i == 0 || in[i - 1] != '\r')) out += '\r';
      out += c;
    }
  }
  return out;
}

bool is_binary(std::string_view d) {
  for (unsigned char c : d)
    if (c < 32 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != '\x1b' && c != '\b' && c != '\a' && c != '\v')
      return true;
  return false;
}

int run_convert(Invocation& inv, bool to_unix) {
  ParsedArgs args;
  if (auto status = parse_args(inv, to_unix ? kDos2Unix : kUnix2Dos, args)) return *status;
  bool quiet = args.has(kQuiet), force = args.has(kForce), newfile = args.has(kNewFile);
  std::string name = inv.name();
  const char* fmt = to_unix ? "Unix" : "DOS";
  if (args.operands.empty()) {
    std::string data;
    inv.in().read_all(data);
    inv.out() << convert(data, to_unix);
    return 0;
  }
  int status = 0;
  auto convert_file = [&](const std::string& in_name, const std::string& out_name) {
    std::string data;
    if (vfs::Error err = vfs::read_file(*inv.fs, inv.path(in_name), data)) {
      inv.error("Failed to open " + in_name + " for reading: " + vfs::error_text(err));
      status = 2;
      return;
    }
    if (!force && is_binary(data)) {
      if (!quiet) inv.error("Skipping binary file " + in_name);
      return;
    }
    if (!quiet) {
      if (in_name == out_name) inv.error(std::string("converting file ") + in_name + " to " + fmt + " format...");
      else inv.error(std::string("converting file ") + in_name + " to file " + out_name + " in " + fmt + " format...");
    }
    if (vfs::Error err = vfs::write_file(*inv.fs, inv.path(out_name), convert(data, to_unix))) {
      inv.error("Failed to write " + out_name + ": " + vfs::error_text(err));
      status = 2;
    }
  };
  if (newfile) {
    if (args.operands.size() % 2) {
      inv.error("target of file " + args.operands.back() + " not specified in new-file mode");
      return 2;
    }
    for (size_t i = 0; i + 1 < args.operands.size(); i += 2) convert_file(args.operands[i], args.operands[i + 1]);
  } else {
    for (const std::string& f : args.operands) convert_file(f, f);
  }
  (void)name;
  return status;
}

int run_dos2unix(Invocation& inv) { return run_convert(inv, true); }
int run_unix2dos(Invocation& inv) { return run_convert(inv, false); }

}  // namespace

BURROW_COMMAND(dos2unix, "convert DOS line breaks to Unix", run_dos2unix);
BURROW_COMMAND(unix2dos, "convert Unix line breaks to DOS", run_unix2dos);

}  // namespace burrow
