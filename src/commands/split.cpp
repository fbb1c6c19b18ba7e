// split: split a file into pieces (GNU coreutils 9).
#include <algorithm>

#include "commands/args.h"
#include "commands/common/fs_util.h"
#include "commands/common/input.h"

namespace burrow {
namespace {

enum Opt { kSuffixLength, kAdditionalSuffix, kBytes, kLineBytes, kNumeric, kNumericFrom, kHex, kHexFrom, kElide,
           kLines, kChunks, kSeparator, kVerbose, kUnbuffered, kFilter };

constexpr OptionSpec kOptions[] = {
    {kSuffixLength, 'a', "suffix-length", ArgKind::kRequired, "generate suffixes of length N (default 2)", "N"},
    {kAdditionalSuffix, 0, "additional-suffix", ArgKind::kRequired, "append an additional SUFFIX to file names", "SUFFIX"},
    {kBytes, 'b', "bytes", ArgKind::kRequired, "put SIZE bytes per output file", "SIZE"},
    {kLineBytes, 'C', "line-bytes", ArgKind::kRequired, "put at most SIZE bytes of records per output file", "SIZE"},
    {kNumeric, 'd', "", ArgKind::kNone, "use numeric suffixes starting at 0, not alphabetic"},
    {kNumericFrom, 0, "numeric-suffixes", ArgKind::kOptional, "same as -d, but allow setting the start value", "FROM"},
    {kHex, 'x', "", ArgKind::kNone, "use hex suffixes starting at 0, not alphabetic"},
    {kHexFrom, 0, "hex-suffixes", ArgKind::kOptional, "same as -x, but allow setting the start value", "FROM"},
    {kElide, 'e', "elide-empty-files", ArgKind::kNone, "do not generate empty output files with '-n'"},
    {kFilter, 0, "filter", ArgKind::kRequired, "write to shell COMMAND; file name is $FILE", "COMMAND"},
    {kLines, 'l', "lines", ArgKind::kRequired, "put NUMBER lines/records per output file", "NUMBER"},
    {kChunks, 'n', "number", ArgKind::kRequired, "generate CHUNKS output files; see explanation below", "CHUNKS"},
    {kSeparator, 't', "separator", ArgKind::kRequired, "use SEP instead of newline as the record separator", "SEP"},
    {kUnbuffered, 'u', "unbuffered", ArgKind::kNone, "immediately copy input to output with '-n r/...'"},
    {kVerbose, 0, "verbose", ArgKind::kNone, "print a diagnostic just before each output file is opened"},
};

constexpr CommandSpec kSpec{"Usage: split [OPTION]... [FILE [PREFIX]]",
                            "Output pieces of FILE to PREFIXaa, PREFIXab, ...;\n"
                            "default size is 1000 lines, and default PREFIX is 'x'.",
                            kOptions};

std::optional<uint64_t> parse_size(std::string_view s) {
  size_t i = 0;
  uint64_t n = 0;
  while (i < s.size() && isdigit((unsigned char)s[i])) n = n * 10 + (s[i++] - '0');
  if (i == 0) return std::nullopt;
  std::string_view suffix = s.substr(i);
  if (suffix.empty()) return n;
  if (suffix == "b") return n * 512;
  static const std::string_view letters = "KMGTPEZY";
  size_t idx = letters.find((char)toupper(suffix[0]));
  if (idx == std::string_view::npos) return std::nullopt;
  uint64_t base = 1024;
  if (suffix.size() == 2 && suffix[1] == 'B') base = 1000;
  else if (suffix.size() == 3 && suffix.substr(1) == "iB") base = 1024;
  else if (suffix.size() != 1) return std::nullopt;
  for (size_t k = 0; k <= idx; ++k) n *= base;
  return n;
}

struct Namer {
  std::string prefix, additional;
  size_t length = 2;
  bool auto_length = true;
  int base = 26;  // 26 alphabetic, 10 numeric, 16 hex
  uint64_t next = 0;

  std::optional<std::string> name() {
    uint64_t index = next++;
    // GNU widens alphabetic suffixes automatically: after "yz" comes "zaaa".
    std::string s;
    size_t len = length;
    uint64_t v = index;
    if (auto_length && base == 26) {
      // Each widening adds a leading 'z' and one more digit.
      size_t digits_len = length;
      uint64_t span = 1;
      for (size_t k = 0; k < digits_len; ++k) span *= 26;
      while (v >= span - span / 26) {
        v -= span - span / 26;
        s += 'z';
        ++digits_len;
        span *= 26;
      }
      std::string digits;
      for (size_t k = 0; k < digits_len; ++k) {
        digits += (char)('a' + v % 26);
        v /= 26;
      }
      std::reverse(digits.begin(), digits.end());
      return prefix + s + digits + additional;
    }
    uint64_t span = 1;
    for (size_t k = 0; k < len; ++k) span *= base;
    if (v >= span) return std::nullopt;
    static const char* digits = "0123456789abcdefghijklmnopqrstuvwxyz";
    std::string out(len, '0');
    for (size_t k = len; k-- > 0;) {
      uint64_t d = v % base;
      out[k] = base == 26 ? (char)('a' + d) : digits[d];
      v /= base;
    }
    return prefix + out + additional;
  }
};

int run_split(Invocation& inv) {
  ParsedArgs args;
  if (auto status = parse_args(inv, kSpec, args)) return *status;
  Namer namer;
  namer.prefix = "x";
  enum { kByLines, kByBytes, kByLineBytes, kByChunks } mode = kByLines;
  uint64_t amount = 1000;
  bool verbose = args.has(kVerbose), elide = args.has(kElide);
  char sep = '\n';
  for (const auto& o : args.options) {
    switch (o.id) {
      case kSuffixLength: {
        if (o.value.empty() || o.value.find_first_not_of("0123456789") != std::string::npos || o.value.size() > 3) {
          inv.error("invalid suffix length: " + fsu::quote_arg(inv, o.value));
          return 1;
        }
        namer.length = std::stoul(o.value);
        namer.auto_length = false;
        break;
      }
      case kAdditionalSuffix: namer.additional = o.value; break;
      case kNumeric: namer.base = 10; break;
      case kHex: namer.base = 16; break;
      case kNumericFrom:
      case kHexFrom:
        namer.base = o.id == kNumericFrom ? 10 : 16;
        if (o.has_value) namer.next = strtoull(o.value.c_str(), nullptr, namer.base);
        namer.auto_length = false;
        break;
      case kLines:
      case kBytes:
      case kLineBytes: {
        auto v = o.id == kLines ? (o.value.find_first_not_of("0123456789") == std::string::npos && !o.value.empty()
                                      ? std::optional<uint64_t>(strtoull(o.value.c_str(), nullptr, 10))
                                      : std::nullopt)
                                : parse_size(o.value);
        if (!v || *v == 0) {
          inv.error(std::string(o.id == kLines ? "invalid number of lines: " : "invalid number of bytes: ") +
                    fsu::quote_arg(inv, o.value));
          return 1;
        }
        amount = *v;
        mode = o.id == kLines ? kByLines : o.id == kBytes ? kByBytes : kByLineBytes;
        break;
      }
      case kChunks: {
        auto v = parse_size(o.value);
        if (!v || *v == 0) {
          inv.error("invalid number of chunks: " + fsu::quote_arg(inv, o.value));
          return 1;
        }
        amount = *v;
        mode = kByChunks;
        break;
      }
      case kSeparator:
        if (o.value.size() != 1) {
          inv.error("multi-character separator " + fsu::quote_arg(inv, o.value));
          return 1;
        }
        sep = o.value[0];
        break;
    }
  }
  if (namer.base != 26) namer.auto_length = namer.auto_length && true;
  const auto& ops = args.operands;
  if (ops.size() > 2) {
    inv.error("extra operand " + fsu::quote_arg(inv, ops[2]));
    print_try_help(inv);
    return 1;
  }
  std::string input = ops.empty() ? "-" : ops[0];
  if (ops.size() == 2) namer.prefix = ops[1];
  std::string data;
  if (vfs::Error err = fsu::read_operand(inv, input, data)) {
    inv.error("cannot open " + fsu::quote(input) + " for reading", err);
    return 1;
  }
  std::vector<std::string> pieces;
  if (mode == kByLines) {
    size_t pos = 0;
    while (pos < data.size()) {
      size_t end = pos;
      for (uint64_t k = 0; k < amount && end < data.size(); ++k) {
        size_t nl = data.find(sep, end);
        end = nl == std::string::npos ? data.size() : nl + 1;
      }
      pieces.push_back(data.substr(pos, end - pos));
      pos = end;
    }
  } else if (mode == kByBytes) {
    for (size_t pos = 0; pos < data.size(); pos += amount) pieces.push_back(data.substr(pos, amount));
  } else if (mode == kByLineBytes) {
    size_t pos = 0;
    while (pos < data.size()) {
      size_t end = pos;
      while (end < data.size()) {
        size_t nl = data.find(sep, end);
        size_t line_end = nl == std::string::npos ? data.size() : nl + 1;
        if (line_end - pos > amount) {
          if (end == pos) end = pos + amount;
          break;
        }
        end = line_end;
      }
      pieces.push_back(data.substr(pos, end - pos));
      pos = end;
    }
  } else {
    uint64_t n = amount;
    uint64_t size = data.size();
    for (uint64_t k = 0; k < n; ++k) {
      uint64_t start = k * (size / n), end = k + 1 == n ? size : (k + 1) * (size / n);
      std::string piece = data.substr(start, end - start);
      if (elide && piece.empty()) continue;
      pieces.push_back(piece);
    }
  }
  for (const auto& piece : pieces) {
    auto name = namer.name();
    if (!name) {
      inv.error("output file suffixes exhausted");
      return 1;
    }
    if (verbose) inv.out() << "creating file " << fsu::quote(*name) << '\n';
    if (vfs::Error err = vfs::write_file(*inv.fs, inv.path(*name), piece, 0666 & ~fsu::kUmask)) {
      inv.error(*name, err);
      return 1;
    }
  }
  return 0;
}

}  // namespace

BURROW_COMMAND(split, "split a file into pieces", run_split);

}  // namespace burrow
