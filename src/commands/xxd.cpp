// xxd: make a hex dump or do the reverse (vim's xxd).
#include "commands/args.h"
#include "commands/common/fs_util.h"
#include "commands/common/input.h"

namespace burrow {
namespace {

enum Opt { kCols, kGroup, kInclude, kLen, kPlain, kRevert, kSeek, kUpper, kBits, kOffset, kEbcdic, kLittle };

constexpr OptionSpec kOptions[] = {
    {kBits, 'b', "", ArgKind::kNone, "binary digit dump (incompatible with -ps,-i,-r). Default hex."},
    {kCols, 'c', "", ArgKind::kRequired, "format <cols> octets per line. Default 16 (-i: 12, -ps: 30).", "cols"},
    {kEbcdic, 'E', "", ArgKind::kNone, "show characters in EBCDIC. Default ASCII."},
    {kLittle, 'e', "", ArgKind::kNone, "little-endian dump (incompatible with -ps,-i,-r)."},
    {kGroup, 'g', "", ArgKind::kRequired, "number of octets per group in normal output. Default 2 (-e: 4).", "bytes"},
    {kInclude, 'i', "", ArgKind::kNone, "output in C include file style."},
    {kLen, 'l', "", ArgKind::kRequired, "stop after <len> octets.", "len"},
    {kOffset, 'o', "", ArgKind::kRequired, "add <off> to the displayed file position.", "off"},
    {kPlain, 'p', "", ArgKind::kNone, "output in postscript plain hexdump style."},
    {kRevert, 'r', "", ArgKind::kNone, "reverse operation: convert (or patch) hexdump into binary."},
    {kSeek, 's', "", ArgKind::kRequired, "start at <seek> bytes abs. infile offset.", "[+][-]seek"},
    {kUpper, 'u', "", ArgKind::kNone, "use upper case hex letters."},
};

constexpr CommandSpec kSpec{"Usage:\n       xxd [options] [infile [outfile]]\n    or\n       xxd -r [-s [-]offset] [-c cols] [-ps] [infile [outfile]]",
                            "", kOptions};

long long parse_num(const std::string& s) { return strtoll(s.c_str(), nullptr, 0); }

std::string revert(const std::string& text, bool plain) {
  std::string out;
  auto hexval = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  };
  size_t pos = 0;
  while (pos < text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string::npos) end = text.size();
    std::string line = text.substr(pos, end - pos);
    pos = end + 1;
    size_t i = 0;
    if (!plain) {
      size_t colon = line.find(':');
      if (colon == std::string::npos) continue;
      long long offset = strtoll(line.substr(0, colon).c_str(), nullptr, 16);
      if ((long long)out.size() < offset) out.resize(offset, '\0');
      i = colon + 1;
      // The hex area ends at two consecutive spaces.
      size_t stop = line.find("  ", i + 1);
      if (stop != std::string::npos) line = line.substr(0, stop);
    }
    int hi = -1;
    for (; i < line.size(); ++i) {
      int v = hexval(line[i]);
      if (v < 0) {
        continue;
      }
      if (hi < 0) hi = v;
      else {
        out += (char)(hi * 16 + v);
        hi = -1;
      }
    }
  }
  return out;
}

int run_xxd(Invocation& inv) {
  ParsedArgs args;
  if (auto status = parse_args(inv, kSpec, args)) return *status;
  bool plain = args.has(kPlain), include = args.has(kInclude), upper = args.has(kUpper), bits = args.has(kBits);
  long long cols = plain ? 30 : include ? 12 : bits ? 6 : 16;
  long long group = bits ? 1 : 2;
  long long len = -1, seek = 0, display_offset = 0;
  for (const auto& o : args.options) {
    switch (o.id) {
      case kCols: cols = parse_num(o.value); break;
      case kGroup: group = parse_num(o.value); break;
      case kLen: len = parse_num(o.value); break;
      case kSeek: seek = parse_num(o.value); break;
      case kOffset: display_offset = parse_num(o.value); break;
    }
  }
  if (cols < 1 || cols > 256) {
    inv.err() << "xxd: invalid number of columns (max. 256).\n";
    return 1;
  }
  if (group < 1) group = cols;
  std::string in_name = args.operands.empty() ? "-" : args.operands[0];
  std::string data;
  if (vfs::Error err = fsu::read_operand(inv, in_name, data)) {
    inv.err() << "xxd: " << in_name << ": " << vfs::error_text(err) << '\n';
    return 2;
  }
  std::string out;
  if (args.has(kRevert)) {
    out = revert(data, plain);
  } else {
    if (seek < 0) seek = std::max<long long>(0, (long long)data.size() + seek);
    if (seek > (long long)data.size()) seek = data.size();
    data = data.substr(seek);
    if (len >= 0 && len < (long long)data.size()) data.resize(len);
    const char* digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
    if (plain) {
      for (size_t i = 0; i < data.size(); ++i) {
        out += digits[(unsigned char)data[i] >> 4];
        out += digits[(unsigned char)data[i] & 15];
        if ((i + 1) % cols == 0) out += '\n';
      }
      if (data.size() % cols) out += '\n';
    } else if (include) {
      std::string name = in_name == "-" ? "" : in_name;
      for (char& c : name)
        if (!isalnum((unsigned char)c)) c = '_';
      if (!name.empty()) out += "unsigned char " + name + "[] = {\n";
      for (size_t i = 0; i < data.size(); ++i) {
        if (i % cols == 0) out += "  ";
        char buf[8];
        snprintf(buf, sizeof buf, upper ? "0x%02X" : "0x%02x", (unsigned char)data[i]);
        out += buf;
        if (i + 1 < data.size()) out += (i + 1) % cols == 0 ? ",\n" : ", ";
      }
      if (!data.empty()) out += "\n";
      if (!name.empty()) out += "};\nunsigned int " + name + "_len = " + std::to_string(data.size()) + ";\n";
    } else {
      // Width of the hex area for a full line, so that short lines pad.
      size_t per_byte = bits ? 8 : 2;
      size_t hex_width = cols * per_byte + (cols + group - 1) / group;
      for (size_t line = 0; line < data.size(); line += cols) {
        char buf[32];
        snprintf(buf, sizeof buf, "%08llx: ", (unsigned long long)(line + seek + display_offset));
        std::string l = buf;
        std::string hex;
        size_t n = std::min<size_t>(cols, data.size() - line);
        for (size_t k = 0; k < n; ++k) {
          unsigned char c = data[line + k];
          if (bits) {
            for (int b = 7; b >= 0; --b) hex += (c >> b) & 1 ? '1' : '0';
          } else {
            hex += digits[c >> 4];
            hex += digits[c & 15];
          }
          if ((k + 1) % group == 0) hex += ' ';
        }
        if (hex.size() < hex_width) hex += std::string(hex_width - hex.size(), ' ');
        l += hex + " ";
        for (size_t k = 0; k < n; ++k) {
          unsigned char c = data[line + k];
          l += (c >= 32 && c < 127) ? (char)c : '.';
        }
        out += l + "\n";
      }
    }
  }
  if (args.operands.size() >= 2) {
    if (vfs::Error err = vfs::write_file(*inv.fs, inv.path(args.operands[1]), out)) {
      inv.err() << "xxd: " << args.operands[1] << ": " << vfs::error_text(err) << '\n';
      return 3;
    }
    return 0;
  }
  inv.out() << out;
  return 0;
}

}  // namespace

BURROW_COMMAND(xxd, "make a hex dump or do the reverse", run_xxd);

}  // namespace burrow
