// base64, base32, basenc: encode/decode data and print to standard output
// (GNU coreutils 9).
#include <cstring>

#include "commands/args.h"
#include "commands/common/fs_util.h"

namespace burrow {
namespace {

enum Opt { kDecode, kIgnoreGarbage, kWrap, kBase64, kBase64Url, kBase32, kBase32Hex, kBase16, kBase2Msb, kBase2Lsb, kZ85 };

enum class Encoding { kBase64, kBase64Url, kBase32, kBase32Hex, kBase16, kBase2Msb, kBase2Lsb, kZ85 };

const char* alphabet(Encoding e) {
  switch (e) {
    case Encoding::kBase64: return "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    case Encoding::kBase64Url: return "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    case Encoding::kBase32: return "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    case Encoding::kBase32Hex: return "0123456789ABCDEFGHIJKLMNOPQRSTUV";
    case Encoding::kBase16: return "0123456789ABCDEF";
    case Encoding::kZ85: return "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-:+=^!/*?&<>()[]{}@%$#";
    default: return "01";
  }
}

std::string encode(const std::string& in, Encoding e) {
  std::string out;
  const char* a = alphabet(e);
  switch (e) {
    case Encoding::kBase64:
    case Encoding::kBase64Url:
      for (size_t i = 0; i < in.size(); i += 3) {
        uint32_t v = (unsigned char)in[i] << 16;
        if (i + 1 < in.size()) v |= (unsigned char)in[i + 1] << 8;
        if (i + 2 < in.size()) v |= (unsigned char)in[i + 2];
        out += a[(v >> 18) & 63];
        out += a[(v >> 12) & 63];
        out += i + 1 < in.size() ? a[(v >> 6) & 63] : '=';
        out += i + 2 < in.size() ? a[v & 63] : '=';
      }
      break;
    case Encoding::kBase32:
    case Encoding::kBase32Hex:
      for (size_t i = 0; i < in.size(); i += 5) {
        uint64_t v = 0;
        size_t n = std::min<size_t>(5, in.size() - i);
        for (size_t k = 0; k < 5; ++k) v = (v << 8) | (k < n ? (unsigned char)in[i + k] : 0);
        static const int chars_for[] = {0, 2, 4, 5, 7, 8};
        for (int k = 0; k < 8; ++k) out += k < chars_for[n] ? a[(v >> (35 - 5 * k)) & 31] : '=';
      }
      break;
    case Encoding::kBase16:
      for (unsigned char c : in) {
        out += a[c >> 4];
        out += a[c & 15];
      }
      break;
    case Encoding::kBase2Msb:
      for (unsigned char c : in)
        for (int b = 7; b >= 0; --b) out += (c >> b) & 1 ? '1' : '0';
      break;
    case Encoding::kBase2Lsb:
      for (unsigned char c : in)
        for (int b = 0; b < 8; ++b) out += (c >> b) & 1 ? '1' : '0';
      break;
    case Encoding::kZ85:
      for (size_t i = 0; i + 4 <= in.size(); i += 4) {
        uint32_t v = 0;
        for (int k = 0; k < 4; ++k) v = (v << 8) | (unsigned char)in[i + k];
        char block[5];
        for (int k = 4; k >= 0; --k) {
          block[k] = a[v % 85];
          v /= 85;
        }
        out.append(block, 5);
      }
      break;
  }
  return out;
}

bool decode(const std::string& in, Encoding e, bool ignore_garbage, std::string& out) {
  const char* a = alphabet(e);
  std::string clean;
  for (char c : in) {
    if (c == '\n' || c == '\r') continue;
    bool valid = strchr(a, c) != nullptr && c != 0;
    if (e == Encoding::kBase16 && !valid && isxdigit((unsigned char)c)) valid = true;
    if (c == '=' && (e == Encoding::kBase64 || e == Encoding::kBase64Url || e == Encoding::kBase32 || e == Encoding::kBase32Hex))
      valid = true;
    if (!valid) {
      if (ignore_garbage) continue;
      // GNU decodes what came before the bad character, then fails.
      std::string partial;
      decode(clean, e, false, partial);
      out = partial.substr(0, partial.size());
      return false;
    }
    clean += c;
  }
  auto index = [&](char c) -> int {
    if (e == Encoding::kBase16) c = toupper((unsigned char)c);
    const char* p = strchr(a, c);
    return p ? (int)(p - a) : -1;
  };
  switch (e) {
    case Encoding::kBase64:
    case Encoding::kBase64Url: {
      uint32_t acc = 0;
      int bits = 0;
      size_t i = 0;
      for (; i < clean.size(); ++i) {
        if (clean[i] == '=') break;
        acc = (acc << 6) | index(clean[i]);
        bits += 6;
        if (bits >= 8) {
          bits -= 8;
          out += (char)((acc >> bits) & 0xff);
        }
      }
      size_t data_chars = i;
      for (; i < clean.size(); ++i)
        if (clean[i] != '=') return false;
      size_t pads = clean.size() - data_chars;
      if (data_chars % 4 == 1) return false;
      if (pads && (clean.size() % 4 != 0)) return false;
      if (!pads && data_chars % 4 != 0) return false;
      return true;
    }
    case Encoding::kBase32:
    case Encoding::kBase32Hex: {
      uint64_t acc = 0;
      int bits = 0;
      size_t i = 0;
      for (; i < clean.size(); ++i) {
        if (clean[i] == '=') break;
        acc = (acc << 5) | index(clean[i]);
        bits += 5;
        if (bits >= 8) {
          bits -= 8;
          out += (char)((acc >> bits) & 0xff);
        }
      }
      for (; i < clean.size(); ++i)
        if (clean[i] != '=') return false;
      return clean.size() % 8 == 0;
    }
    case Encoding::kBase16:
      if (clean.size() % 2) return false;
      for (size_t i = 0; i < clean.size(); i += 2) out += (char)(index(clean[i]) * 16 + index(clean[i + 1]));
      return true;
    case Encoding::kBase2Msb:
    case Encoding::kBase2Lsb:
      if (clean.size() % 8) return false;
      for (size_t i = 0; i < clean.size(); i += 8) {
        unsigned char c = 0;
        for (int b = 0; b < 8; ++b) {
          int bit = clean[i + b] == '1';
          if (e == Encoding::kBase2Msb) c = (c << 1) | bit;
          else c |= bit << b;
        }
        out += (char)c;
      }
      return true;
    case Encoding::kZ85:
      if (clean.size() % 5) return false;
      for (size_t i = 0; i < clean.size(); i += 5) {
        uint64_t v = 0;
        for (int k = 0; k < 5; ++k) v = v * 85 + index(clean[i + k]);
        if (v > 0xffffffffull) return false;
        for (int k = 3; k >= 0; --k) out += (char)((v >> (8 * k)) & 0xff);
      }
      return true;
  }
  return false;
}

int run_codec(Invocation& inv, std::optional<Encoding> fixed, const char* name) {
  std::vector<OptionSpec> options{
      {kDecode, 'd', "decode", ArgKind::kNone, "decode data"},
      {kIgnoreGarbage, 'i', "ignore-garbage", ArgKind::kNone, "when decoding, ignore non-alphabet characters"},
      {kWrap, 'w', "wrap", ArgKind::kRequired, "wrap encoded lines after COLS character (default 76).\n                          Use 0 to disable line wrapping", "COLS"},
  };
  if (!fixed) {
    options.insert(options.end(), {
        {kBase64, 0, "base64", ArgKind::kNone, "same as 'base64' program (RFC4648 section 4)"},
        {kBase64Url, 0, "base64url", ArgKind::kNone, "file- and url-safe base64 (RFC4648 section 5)"},
        {kBase32, 0, "base32", ArgKind::kNone, "same as 'base32' program (RFC4648 section 6)"},
        {kBase32Hex, 0, "base32hex", ArgKind::kNone, "extended hex alphabet base32 (RFC4648 section 7)"},
        {kBase16, 0, "base16", ArgKind::kNone, "hex encoding (RFC4648 section 8)"},
        {kBase2Msb, 0, "base2msbf", ArgKind::kNone, "bit string with most significant bit (msb) first"},
        {kBase2Lsb, 0, "base2lsbf", ArgKind::kNone, "bit string with least significant bit (lsb) first"},
        {kZ85, 0, "z85", ArgKind::kNone, "ascii85-like encoding (ZeroMQ spec:32/Z85)"},
    });
  }
  std::string usage = std::string("Usage: ") + name + (fixed ? " [OPTION]... [FILE]" : " ENCODING [OPTION]... [FILE]");
  std::string description = fixed ? std::string(*fixed == Encoding::kBase64 ? "Base64" : "Base32") +
                                        " encode or decode FILE, or standard input, to standard output."
                                  : "basenc encode or decode FILE, or standard input, to standard output.";
  CommandSpec spec{usage, description, options};
  ParsedArgs args;
  if (auto status = parse_args(inv, spec, args)) return *status;
  bool dec = false, ignore = false;
  size_t wrap = 76;
  std::optional<Encoding> enc = fixed;
  for (const ParsedOption& o : args.options) {
    switch (o.id) {
      case kDecode: dec = true; break;
      case kIgnoreGarbage: ignore = true; break;
      case kWrap: {
        const std::string& v = o.value;
        if (v.empty() || v.find_first_not_of("0123456789") != std::string::npos || v.size() > 18) {
          inv.error("invalid wrap size: " + fsu::quote_arg(inv, v));
          return 1;
        }
        wrap = std::stoull(v);
        break;
      }
      case kBase64: enc = Encoding::kBase64; break;
      case kBase64Url: enc = Encoding::kBase64Url; break;
      case kBase32: enc = Encoding::kBase32; break;
      case kBase32Hex: enc = Encoding::kBase32Hex; break;
      case kBase16: enc = Encoding::kBase16; break;
      case kBase2Msb: enc = Encoding::kBase2Msb; break;
      case kBase2Lsb: enc = Encoding::kBase2Lsb; break;
      case kZ85: enc = Encoding::kZ85; break;
    }
  }
  if (!enc) {
    inv.error("missing encoding type");
    print_try_help(inv);
    return 1;
  }
  if (args.operands.size() > 1) {
    inv.error("extra operand " + fsu::quote_arg(inv, args.operands[1]));
    print_try_help(inv);
    return 1;
  }
  std::string operand = args.operands.empty() ? "-" : args.operands[0];
  std::string data;
  if (operand == "-") {
    inv.in().read_all(data);
  } else {
    std::string path = inv.path(operand);
    vfs::Stat st;
    vfs::Error err = inv.fs->stat(path, st);
    if (!err && S_ISDIR(st.mode)) err = vfs::make_error(EISDIR);
    if (!err) err = vfs::read_file(*inv.fs, path, data);
    if (err) {
      inv.error(operand, err);
      return 1;
    }
  }
  if (dec) {
    std::string out;
    bool ok = decode(data, *enc, ignore, out);
    inv.out() << out;
    if (!ok) {
      inv.error("invalid input");
      return 1;
    }
    return 0;
  }
  if (*enc == Encoding::kZ85 && data.size() % 4) {
    inv.error("invalid input (length must be multiple of 4 characters)");
    return 1;
  }
  std::string text = encode(data, *enc);
  if (wrap == 0) {
    inv.out() << text;
    return 0;
  }
  for (size_t i = 0; i < text.size(); i += wrap) inv.out() << std::string_view(text).substr(i, wrap) << '\n';
  return 0;
}

int run_base64(Invocation& inv) { return run_codec(inv, Encoding::kBase64, "base64"); }
int run_base32(Invocation& inv) { return run_codec(inv, Encoding::kBase32, "base32"); }
int run_basenc(Invocation& inv) { return run_codec(inv, std::nullopt, "basenc"); }

}  // namespace

BURROW_COMMAND(base64, "base64 encode/decode data and print to standard output", run_base64);
BURROW_COMMAND(base32, "base32 encode/decode data and print to standard output", run_base32);
BURROW_COMMAND(basenc, "encode/decode data and print to standard output", run_basenc);

}  // namespace burrow
