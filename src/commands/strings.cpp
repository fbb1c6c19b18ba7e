// strings: print the sequences of printable characters in files (GNU
// binutils 2.40 defaults: whole file, minimum length 4).
#include "commands/args.h"
#include "commands/text/common.h"

namespace burrow {
namespace {

enum Opt { kAll, kFilename, kBytes, kOffsetOctal, kRadix, kIncludeAll, kEncoding, kSeparator };

constexpr OptionSpec kOptions[] = {
    {kAll, 'a', "all", ArgKind::kNone, "scan the entire file"},
    {kFilename, 'f', "print-file-name", ArgKind::kNone, "print the name of the file before each string"},
    {kBytes, 'n', "bytes", ArgKind::kRequired, "locate & print any sequence of at least <number> characters", "number"},
    {kOffsetOctal, 'o', "", ArgKind::kNone, "an alias for --radix=o"},
    {kRadix, 't', "radix", ArgKind::kRequired, "print the location of the string in base 8, 10 or 16", "{o,d,x}"},
    {kIncludeAll, 'w', "include-all-whitespace", ArgKind::kNone, "include all whitespace as valid string characters"},
    {kEncoding, 'e', "encoding", ArgKind::kRequired, "select character size and endianness", "{s,S,b,l,B,L}"},
    {kSeparator, 's', "output-separator", ArgKind::kRequired, "string used to separate strings in output", "string"},
};

constexpr CommandSpec kSpec{
    "Usage: strings [option(s)] [file(s)]",
    " Display printable strings in [file(s)] (stdin by default)",
    kOptions,
};

int run_strings(Invocation& inv) {
  // "-N" is the same as "-n N".
  for (size_t i = 1; i < inv.argv.size(); ++i) {
    std::string& a = inv.argv[i];
    if (a == "--") break;
    if (a.size() > 1 && a[0] == '-' && std::isdigit(static_cast<unsigned char>(a[1]))) a = "-n" + a.substr(1);
  }
  ParsedArgs args;
  if (auto status = parse_args(inv, kSpec, args)) return *status;
  size_t min_len = 4;
  char radix = 0;
  bool with_name = false, all_ws = false;
  std::string sep = "\n";
  for (const ParsedOption& o : args.options) {
    switch (o.id) {
      case kBytes: {
        char* end;
        long v = strtol(o.value.c_str(), &end, 10);
        if (o.value.empty() || *end || v <= 0) {
          inv.error("invalid minimum string length " + o.value);
          return 1;
        }
        min_len = static_cast<size_t>(v);
        break;
      }
      case kOffsetOctal: radix = 'o'; break;
      case kRadix:
        if (o.value != "o" && o.value != "d" && o.value != "x") {
          inv.error("invalid radix");
          return 1;
        }
        radix = o.value[0];
        break;
      case kFilename: with_name = true; break;
      case kIncludeAll: all_ws = true; break;
      case kSeparator: sep = o.value; break;
      default: break;
    }
  }
  if (args.operands.empty()) args.operands.push_back("-");
  int status = 0;
  OutStream& out = inv.out();
  for (const std::string& name : args.operands) {
    text::Input in;
    if (vfs::Error err = text::open_input(inv, name, in)) {
      inv.error("'" + name + "': " + vfs::error_text(err));
      status = 1;
      continue;
    }
    if (in.is_dir) {
      inv.error("Warning: '" + name + "' is a directory");
      status = 1;
      continue;
    }
    std::string cur;
    uint64_t offset = 0, start = 0;
    auto flush = [&] {
      if (cur.size() >= min_len) {
        if (with_name) out << (in.is_stdin ? "{standard input}" : name) << ": ";
        if (radix) {
          char tmp[32];
          const char* fmt = radix == 'o' ? "%7llo " : radix == 'd' ? "%7llu " : "%7llx ";
          snprintf(tmp, sizeof tmp, fmt, static_cast<unsigned long long>(start));
          out << tmp;
        }
        out << cur << sep;
      }
      cur.clear();
    };
    char buf[65536];
    vfs::Error err;
    while (size_t got = text::read_block(in, buf, sizeof buf, err)) {
      for (size_t i = 0; i < got; ++i, ++offset) {
        unsigned char c = buf[i];
        bool printable = (c >= 0x20 && c < 0x7f) || c == '\t' || (all_ws && (c == '\n' || c == '\r' || c == '\v' || c == '\f'));
        if (printable) {
          if (cur.empty()) start = offset;
          cur += static_cast<char>(c);
        } else {
          flush();
        }
      }
    }
    flush();
  }
  if (text::report_write_error(inv)) status = 1;
  return status;
}

}  // namespace

BURROW_COMMAND(strings, "print the sequences of printable characters in files", run_strings);

}  // namespace burrow
