// od: dump files in octal and other formats (GNU coreutils 9).
#include <algorithm>
#include <cstring>

#include "commands/args.h"
#include "commands/common/fs_util.h"
#include "commands/common/input.h"

namespace burrow {
namespace {

enum Opt { kAddress, kSkip, kLimit, kStrings, kType, kVerbose, kWidth, kTraditional, kA, kB, kC, kD, kF, kI, kL, kO, kS, kX, kEndian };

constexpr OptionSpec kOptions[] = {
    {kAddress, 'A', "address-radix", ArgKind::kRequired, "output format for file offsets; RADIX is one of [doxn]", "RADIX"},
    {kEndian, 0, "endian", ArgKind::kRequired, "swap input bytes according the specified order", "{big|little}"},
    {kSkip, 'j', "skip-bytes", ArgKind::kRequired, "skip BYTES input bytes first", "BYTES"},
    {kLimit, 'N', "read-bytes", ArgKind::kRequired, "limit dump to BYTES input bytes", "BYTES"},
    {kStrings, 'S', "strings", ArgKind::kOptional, "output strings of at least BYTES graphic chars", "BYTES"},
    {kType, 't', "format", ArgKind::kRequired, "select output format or formats", "TYPE"},
    {kVerbose, 'v', "output-duplicates", ArgKind::kNone, "do not use * to mark line suppression"},
    {kWidth, 'w', "width", ArgKind::kOptional, "output BYTES bytes per output line", "BYTES"},
    {kTraditional, 0, "traditional", ArgKind::kNone, "accept arguments in third form above"},
    {kA, 'a', "", ArgKind::kNone, "same as -t a,  select named characters, ignoring high-order bit"},
    {kB, 'b', "", ArgKind::kNone, "same as -t o1, select octal bytes"},
    {kC, 'c', "", ArgKind::kNone, "same as -t c,  select printable characters or backslash escapes"},
    {kD, 'd', "", ArgKind::kNone, "same as -t u2, select unsigned decimal 2-byte units"},
    {kF, 'f', "", ArgKind::kNone, "same as -t fF, select floats"},
    {kI, 'i', "", ArgKind::kNone, "same as -t dI, select decimal ints"},
    {kL, 'l', "", ArgKind::kNone, "same as -t dL, select decimal longs"},
    {kO, 'o', "", ArgKind::kNone, "same as -t o2, select octal 2-byte units"},
    {kS, 's', "", ArgKind::kNone, "same as -t d2, select decimal 2-byte units"},
    {kX, 'x', "", ArgKind::kNone, "same as -t x2, select hexadecimal 2-byte units"},
};

constexpr CommandSpec kSpec{"Usage: od [OPTION]... [FILE]...\n  or:  od [-abcdfilosx]... [FILE] [[+]OFFSET[.][b]]\n"
                            "  or:  od --traditional [OPTION]... [FILE] [[+]OFFSET[.][b] [+][LABEL][.][b]]",
                            "Write an unambiguous representation, octal bytes by default,\nof FILE to standard output.",
                            kOptions};

struct Type {
  char kind;  // a c d o u x f
  int size;
  bool dump_chars = false;  // 'z' suffix
  int width() const {
    switch (kind) {
      case 'a': case 'c': return 3;
      case 'o': return size == 1 ? 3 : size == 2 ? 6 : size == 4 ? 11 : 22;
      case 'x': return size * 2;
      case 'u': return size == 1 ? 3 : size == 2 ? 5 : size == 4 ? 10 : 20;
      case 'd': return size == 1 ? 4 : size == 2 ? 6 : size == 4 ? 11 : 20;
      case 'f': return size == 4 ? 14 : 24;
    }
    return 3;
  }
};

bool parse_type(const std::string& spec, std::vector<Type>& out) {
  size_t i = 0;
  while (i < spec.size()) {
    Type t{spec[i], 1};
    ++i;
    if (!strchr("acdoufx", t.kind)) return false;
    if (t.kind == 'a' || t.kind == 'c') {
      t.size = 1;
    } else {
      t.size = t.kind == 'f' ? 8 : 4;
      if (i < spec.size()) {
        char c = spec[i];
        if (isdigit((unsigned char)c)) {
          int n = 0;
          while (i < spec.size() && isdigit((unsigned char)spec[i])) n = n * 10 + (spec[i++] - '0');
          if (n != 1 && n != 2 && n != 4 && n != 8) return false;
          if (t.kind == 'f' && n < 4) return false;
          t.size = n;
        } else if (strchr("CSIL", c) && t.kind != 'f') {
          t.size = c == 'C' ? 1 : c == 'S' ? 2 : c == 'I' ? 4 : 8;
          ++i;
        } else if (strchr("FDL", c) && t.kind == 'f') {
          t.size = c == 'F' ? 4 : 8;
          ++i;
        }
      }
    }
    if (i < spec.size() && spec[i] == 'z') {
      t.dump_chars = true;
      ++i;
    }
    out.push_back(t);
  }
  return true;
}

std::string format_value(const Type& t, const unsigned char* p, int field_width) {
  char buf[64];
  static const char* names[] = {"nul", "soh", "stx", "etx", "eot", "enq", "ack", "bel", "bs", "ht", "nl",
                                "vt",  "ff",  "cr",  "so",  "si",  "dle", "dc1", "dc2", "dc3", "dc4", "nak",
                                "syn", "etb", "can", "em",  "sub", "esc", "fs",  "gs",  "rs",  "us"};
  std::string s;
  if (t.kind == 'a') {
    unsigned c = p[0] & 0x7f;
    if (c < 32) s = names[c];
    else if (c == 32) s = "sp";
    else if (c == 127) s = "del";
    else s = std::string(1, (char)c);
  } else if (t.kind == 'c') {
    unsigned char c = p[0];
    switch (c) {
      case 0: s = "\\0"; break;
      case '\a': s = "\\a"; break;
      case '\b': s = "\\b"; break;
      case '\t': s = "\\t"; break;
      case '\n': s = "\\n"; break;
      case '\v': s = "\\v"; break;
      case '\f': s = "\\f"; break;
      case '\r': s = "\\r"; break;
      default:
        if (c >= 32 && c < 127) s = std::string(1, (char)c);
        else {
          snprintf(buf, sizeof buf, "%03o", c);
          s = buf;
        }
    }
  } else {
    uint64_t v = 0;
    for (int k = t.size - 1; k >= 0; --k) v = (v << 8) | p[k];
    switch (t.kind) {
      case 'o': snprintf(buf, sizeof buf, "%0*llo", t.width(), (unsigned long long)v); break;
      case 'x': snprintf(buf, sizeof buf, "%0*llx", t.width(), (unsigned long long)v); break;
      case 'u': snprintf(buf, sizeof buf, "%llu", (unsigned long long)v); break;
      case 'd': {
        int64_t sv = t.size == 8 ? (int64_t)v : (int64_t)(v << (64 - 8 * t.size)) >> (64 - 8 * t.size);
        snprintf(buf, sizeof buf, "%lld", (long long)sv);
        break;
      }
      case 'f': {
        if (t.size == 4) {
          float f;
          uint32_t u = (uint32_t)v;
          memcpy(&f, &u, 4);
          snprintf(buf, sizeof buf, "%.8g", f);
        } else {
          double d;
          memcpy(&d, &v, 8);
          snprintf(buf, sizeof buf, "%.17g", d);
        }
        break;
      }
    }
    s = buf;
  }
  if ((int)s.size() < field_width) s = std::string(field_width - s.size(), ' ') + s;
  return " " + s;
}

int run_od(Invocation& inv) {
  ParsedArgs args;
  if (auto status = parse_args(inv, kSpec, args)) return *status;
  std::vector<Type> types;
  char radix = 'o';
  uint64_t skip = 0, limit = UINT64_MAX, width = 16;
  bool verbose = args.has(kVerbose);
  auto parse_count = [&](const std::string& v, uint64_t& out) {
    char* end = nullptr;
    int base = 10;
    std::string s = v;
    if (s.size() > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) base = 16;
    else if (s.size() > 1 && s[0] == '0') base = 8;
    unsigned long long n = strtoull(s.c_str(), &end, base);
    std::string suffix = end;
    if (suffix == "b") n *= 512;
    else if (suffix == "k" || suffix == "K") n *= 1024;
    else if (suffix == "m" || suffix == "M") n *= 1024 * 1024;
    else if (!suffix.empty() || end == s.c_str()) return false;
    out = n;
    return true;
  };
  for (const auto& o : args.options) {
    switch (o.id) {
      case kAddress:
        if (o.value.size() != 1 || !strchr("doxn", o.value[0])) {
          inv.error("invalid output address radix " + fsu::quote_arg(inv, o.value) + "; it must be one character from [doxn]");
          return 1;
        }
        radix = o.value[0];
        break;
      case kSkip:
        if (!parse_count(o.value, skip)) {
          inv.error("invalid -j argument " + fsu::quote_arg(inv, o.value));
          return 1;
        }
        break;
      case kLimit:
        if (!parse_count(o.value, limit)) {
          inv.error("invalid -N argument " + fsu::quote_arg(inv, o.value));
          return 1;
        }
        break;
      case kWidth:
        width = 32;
        if (o.has_value && (!parse_count(o.value, width) || width == 0)) {
          inv.error("invalid -w argument " + fsu::quote_arg(inv, o.value));
          return 1;
        }
        break;
      case kType:
        if (!parse_type(o.value, types)) {
          char bad = o.value.empty() ? '?' : o.value[0];
          for (char c : o.value)
            if (!strchr("acdoufxzCSILFD0123456789", c)) {
              bad = c;
              break;
            }
          inv.error(std::string("invalid character '") + bad + "' in type string " + fsu::quote_arg(inv, o.value));
          return 1;
        }
        break;
      case kA: types.push_back({'a', 1}); break;
      case kB: types.push_back({'o', 1}); break;
      case kC: types.push_back({'c', 1}); break;
      case kD: types.push_back({'u', 2}); break;
      case kF: types.push_back({'f', 4}); break;
      case kI: types.push_back({'d', 4}); break;
      case kL: types.push_back({'d', 8}); break;
      case kO: types.push_back({'o', 2}); break;
      case kS: types.push_back({'d', 2}); break;
      case kX: types.push_back({'x', 2}); break;
    }
  }
  if (types.empty()) types.push_back({'o', 2});
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
  if (skip > data.size()) {
    inv.error("cannot skip past end of combined input");
    return 1;
  }
  data = data.substr(skip);
  if (limit < data.size()) data.resize(limit);
  // Fields of several types line up: each byte gets the widest per-byte width.
  int per_byte = 0;
  if (types.size() > 1) {
    for (const auto& t : types) per_byte = std::max(per_byte, (t.width() + 1 + t.size - 1) / t.size);
  }
  auto address = [&](uint64_t a) -> std::string {
    char buf[32];
    switch (radix) {
      case 'd': snprintf(buf, sizeof buf, "%07llu", (unsigned long long)a); break;
      case 'x': snprintf(buf, sizeof buf, "%06llx", (unsigned long long)a); break;
      case 'n': return "";
      default: snprintf(buf, sizeof buf, "%07llo", (unsigned long long)a); break;
    }
    return buf;
  };
  OutStream& out = inv.out();
  std::string prev;
  bool starred = false;
  for (size_t pos = 0; pos < data.size(); pos += width) {
    size_t n = std::min<size_t>(width, data.size() - pos);
    std::string chunk = data.substr(pos, n);
    if (!verbose && n == width && chunk == prev) {
      if (!starred) out << "*\n";
      starred = true;
      continue;
    }
    starred = false;
    prev = chunk;
    std::string padded = chunk;
    size_t max_size = 1;
    for (const auto& t : types) max_size = std::max<size_t>(max_size, t.size);
    padded.resize((n + max_size - 1) / max_size * max_size + max_size, '\0');
    for (size_t ti = 0; ti < types.size(); ++ti) {
      const Type& t = types[ti];
      std::string line = ti == 0 ? address(pos + skip) : std::string(radix == 'n' ? 0 : address(0).size(), ' ');
      int fw = per_byte ? per_byte * t.size - 1 : t.width();
      size_t fields = 0;
      for (size_t k = 0; k < n; k += t.size, ++fields)
        line += format_value(t, (const unsigned char*)padded.data() + k, fw);
      if (t.dump_chars) {
        size_t full_fields = width / t.size;
        line += std::string((full_fields - fields) * (fw + 1), ' ');
        line += "  >";
        for (unsigned char c : chunk) line += (c >= 32 && c < 127) ? (char)c : '.';
        line += "<";
      }
      out << line << '\n';
    }
  }
  if (radix != 'n') out << address(data.size() + skip) << '\n';
  return status;
}

}  // namespace

BURROW_COMMAND(od, "dump files in octal and other formats", run_od);

}  // namespace burrow
