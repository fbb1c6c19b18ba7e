// rev: reverse lines characterwise (util-linux). UTF-8 sequences stay
// intact; invalid bytes are reversed as single bytes.
#include <cstring>

#include "commands/args.h"
#include "commands/text/common.h"

namespace burrow {
namespace {

enum Opt { kZero };

constexpr OptionSpec kOptions[] = {
    {kZero, '0', "zero", ArgKind::kNone, "zero termination, use NUL as line delimiter"},
};

constexpr CommandSpec kSpec{
    "Usage: rev [options] [file ...]",
    "Reverse lines characterwise.",
    kOptions,
};

void reverse_line(std::string_view line, std::string& out) {
  out.clear();
  out.resize(line.size());
  size_t w = line.size();
  const auto* p = reinterpret_cast<const unsigned char*>(line.data());
  for (size_t i = 0; i < line.size();) {
    uint32_t cp;
    int len = text::decode_utf8(p + i, line.size() - i, cp);
    if (len == 0) len = 1;
    w -= len;
    std::memcpy(out.data() + w, line.data() + i, len);
    i += len;
  }
}

int run_rev(Invocation& inv) {
  ParsedArgs args;
  if (auto status = parse_args(inv, kSpec, args)) return *status;
  char eol = args.has(kZero) ? '\0' : '\n';
  if (args.operands.empty()) args.operands.push_back("-");
  int status = 0;
  std::string line, rev;
  for (const std::string& name : args.operands) {
    text::Input in;
    if (vfs::Error err = text::open_input(inv, name, in)) {
      inv.error("cannot open " + name + ": " + vfs::error_text(err));
      status = 1;
      continue;
    }
    if (in.is_dir) {
      inv.error("cannot open " + name + ": " + vfs::error_text(vfs::make_error(EISDIR)));
      status = 1;
      continue;
    }
    while (in.in->read_line(line, eol)) {
      reverse_line(line, rev);
      inv.out().write(rev);
      if (in.in->ended_with_delim()) inv.out().put(eol);
      if (!inv.out().ok()) break;
    }
  }
  if (text::report_write_error(inv)) status = 1;
  return status;
}

}  // namespace

BURROW_COMMAND(rev, "reverse lines characterwise", run_rev);

}  // namespace burrow
