// hexdump (util-linux): the default 16-bit word format, -C canonical, -b, -c,
// -d, -o, -x, with -n length, -s skip and -v.
#include "commands/args.h"
#include "commands/common/fs_util.h"
#include "commands/common/input.h"

namespace burrow {
namespace {

enum Opt { kCanonical, kOneByteOctal, kOneByteChar, kTwoByteDec, kTwoByteOctal, kTwoByteHex, kLength, kSkip, kNoSqueeze };

constexpr OptionSpec kOptions[] = {
    {kOneByteOctal, 'b', "one-byte-octal", ArgKind::kNone, "one-byte octal display"},
    {kOneByteChar, 'c', "one-byte-char", ArgKind::kNone, "one-byte character display"},
    {kCanonical, 'C', "canonical", ArgKind::kNone, "canonical hex+ASCII display"},
    {kTwoByteDec, 'd', "two-bytes-decimal", ArgKind::kNone, "two-byte decimal display"},
    {kTwoByteOctal, 'o', "two-bytes-octal", ArgKind::kNone, "two-byte octal display"},
    {kTwoByteHex, 'x', "two-bytes-hex", ArgKind::kNone, "two-byte hexadecimal display"},
    {kLength, 'n', "length", ArgKind::kRequired, "interpret only length bytes of input", "length"},
    {kSkip, 's', "skip", ArgKind::kRequired, "skip offset bytes from the beginning", "offset"},
    {kNoSqueeze, 'v', "no-squeezing", ArgKind::kNone, "output identical lines"},
};

constexpr CommandSpec kSpec{"Usage:\n hexdump [options] <file>...", "Display file contents in hexadecimal, decimal, octal, or ascii.", kOptions};

std::string char_field(unsigned char c) {
  switch (c) {
    case 0: return "  \\0";
    case '\a': return "  \\a";
    case '\b': return "  \\b";
    case '\f': return "  \\f";
    case '\n': return "  \\n";
    case '\r': return "  \\r";
    case '\t': return "  \\t";
    case '\v': return "  \\v";
  }
  char buf[8];
  if (c >= 32 && c < 127) snprintf(buf, sizeof buf, "   %c", c);
  else snprintf(buf, sizeof buf, " %03o", c);
  return buf;
}

int run_hexdump(Invocation& inv) {
  ParsedArgs args;
  if (auto status = parse_args(inv, kSpec, args)) return *status;
  std::optional<int> mode;
  for (const auto& o : args.options)
    if (o.id <= kTwoByteHex) mode = o.id;
  long long length = -1, skip = 0;
  if (const std::string* n = args.last(kLength)) length = strtoll(n->c_str(), nullptr, 0);
  if (const std::string* s = args.last(kSkip)) skip = strtoll(s->c_str(), nullptr, 0);
  bool squeeze = !args.has(kNoSqueeze);
  std::string data;
  auto ops = args.operands;
  if (ops.empty()) ops.push_back("-");
  int status = 0;
  for (const auto& op : ops) {
    std::string part;
    if (vfs::Error err = fsu::read_operand(inv, op, part)) {
      inv.error(op, err);
      status = 1;
      continue;
    }
    data += part;
  }
  if (skip > (long long)data.size()) skip = data.size();
  data = data.substr(skip);
  if (length >= 0 && length < (long long)data.size()) data.resize(length);
  bool canonical = mode && *mode == kCanonical;
  OutStream& out = inv.out();
  std::string prev;
  bool starred = false;
  for (size_t line = 0; line < data.size(); line += 16) {
    size_t n = std::min<size_t>(16, data.size() - line);
    std::string chunk = data.substr(line, n);
    if (squeeze && n == 16 && chunk == prev) {
      if (!starred) out << "*\n";
      starred = true;
      continue;
    }
    starred = false;
    prev = chunk;
    char buf[64];
    std::string l;
    if (canonical) {
      snprintf(buf, sizeof buf, "%08llx  ", (unsigned long long)(line + skip));
      l = buf;
      for (size_t k = 0; k < 16; ++k) {
        if (k < n) {
          snprintf(buf, sizeof buf, "%02x ", (unsigned char)chunk[k]);
          l += buf;
        } else {
          l += "   ";
        }
        if (k == 7) l += ' ';
      }
      l += " |";
      for (unsigned char c : chunk) l += (c >= 32 && c < 127) ? (char)c : '.';
      l += "|";
    } else {
      snprintf(buf, sizeof buf, "%07llx", (unsigned long long)(line + skip));
      l = buf;
      int m = mode ? *mode : kTwoByteHex;
      if (m == kOneByteOctal || m == kOneByteChar) {
        for (size_t k = 0; k < 16; ++k) {
          if (k >= n) {
            l += "    ";
            continue;
          }
          unsigned char c = chunk[k];
          if (m == kOneByteChar) l += char_field(c);
          else {
            snprintf(buf, sizeof buf, " %03o", c);
            l += buf;
          }
        }
      } else {
        for (size_t k = 0; k < 16; k += 2) {
          if (k >= n) {
            l += !mode ? "     " : "        ";
            continue;
          }
          unsigned v = (unsigned char)chunk[k] | (k + 1 < n ? (unsigned char)chunk[k + 1] << 8 : 0);
          if (m == kTwoByteHex) snprintf(buf, sizeof buf, !mode ? " %04x" : "    %04x", v);
          else if (m == kTwoByteDec) snprintf(buf, sizeof buf, "   %05u", v);
          else snprintf(buf, sizeof buf, "  %06o", v);
          l += buf;
        }
      }
    }
    out << l << '\n';
  }
  char buf[32];
  snprintf(buf, sizeof buf, canonical ? "%08llx\n" : "%07llx\n", (unsigned long long)(data.size() + skip));
  if (!data.empty() || skip) out << buf;
  return status;
}

}  // namespace

BURROW_COMMAND(hexdump, "display file contents in hexadecimal, decimal, octal, or ascii", run_hexdump);

}  // namespace burrow
