// cmp: compare two files byte by byte (GNU diffutils 3.8).
#include <algorithm>
#include <cstring>

#include "commands/args.h"
#include "commands/text/common.h"

namespace burrow {
namespace {

enum Opt { kPrintBytes, kIgnore, kVerbose, kBytes, kSilent };

constexpr OptionSpec kOptions[] = {
    {kPrintBytes, 'b', "print-bytes", ArgKind::kNone, "print differing bytes"},
    {kIgnore, 'i', "ignore-initial", ArgKind::kRequired, "skip first SKIP bytes of both inputs (or SKIP1:SKIP2)", "SKIP"},
    {kVerbose, 'l', "verbose", ArgKind::kNone, "output byte numbers and differing byte values"},
    {kBytes, 'n', "bytes", ArgKind::kRequired, "compare at most LIMIT bytes", "LIMIT"},
    {kSilent, 's', "quiet", ArgKind::kNone, "suppress all normal output"},
    {kSilent, 0, "silent", ArgKind::kNone, ""},
};

constexpr CommandSpec kSpec{
    "Usage: cmp [OPTION]... FILE1 [FILE2 [SKIP1 [SKIP2]]]",
    "Compare two files byte by byte.",
    kOptions,
    2,
    false,
    "",
    false,
    true,
};

bool parse_skip(std::string_view s, uint64_t& out) {
  return text::parse_size(s, out, "kKMGTPEZYbB0") == text::NumResult::kOk;
}

std::string printable(unsigned char c) {
  std::string s;
  if (c >= 128) {
    s = "M-";
    c -= 128;
  }
  if (c < 32) {
    s += '^';
    s += static_cast<char>(c + 64);
  } else if (c == 127) {
    s += "^?";
  } else {
    s += static_cast<char>(c);
  }
  return s;
}

int run_cmp(Invocation& inv) {
  ParsedArgs args;
  if (auto status = parse_args(inv, kSpec, args)) return *status;
  bool print_bytes = false, verbose = false, silent = false;
  uint64_t skip[2] = {0, 0};
  uint64_t limit = UINT64_MAX;
  for (const ParsedOption& o : args.options) {
    switch (o.id) {
      case kPrintBytes: print_bytes = true; break;
      case kVerbose: verbose = true; break;
      case kSilent: silent = true; break;
      case kIgnore: {
        std::string_view v = o.value;
        size_t colon = v.find(':');
        bool ok = parse_skip(v.substr(0, colon), skip[0]);
        if (colon != std::string_view::npos) ok = ok && parse_skip(v.substr(colon + 1), skip[1]);
        else skip[1] = skip[0];
        if (!ok) {
          inv.error("invalid --ignore-initial value " + text::quoteaf(o.value));
          print_try_help(inv, true);
          return 2;
        }
        break;
      }
      case kBytes:
        if (!parse_skip(o.value, limit)) {
          inv.error("invalid --bytes value " + text::quoteaf(o.value));
          print_try_help(inv, true);
          return 2;
        }
        break;
    }
  }
  if (verbose && silent) {
    inv.error("options -l and -s are incompatible");
    print_try_help(inv, true);
    return 2;
  }
  const auto& ops = args.operands;
  if (ops.empty()) {
    inv.error("missing operand after " + text::quoteaf(inv.argv.back()));
    print_try_help(inv, true);
    return 2;
  }
  if (ops.size() > 4) {
    inv.error("extra operand " + text::quoteaf(ops[4]));
    print_try_help(inv, true);
    return 2;
  }
  for (size_t i = 2; i < ops.size(); ++i) {
    if (!parse_skip(ops[i], skip[i - 2])) {
      inv.error("invalid --ignore-initial value " + text::quoteaf(ops[i]));
      print_try_help(inv, true);
      return 2;
    }
  }
  std::string names[2] = {ops[0], ops.size() > 1 ? ops[1] : "-"};
  text::Input in[2];
  for (int f = 0; f < 2; ++f) {
    if (vfs::Error err = text::open_input(inv, names[f], in[f])) {
      inv.error(text::quotef(names[f]) + ": " + vfs::error_text(err));
      return 2;
    }
  }
  // Skip initial bytes.
  for (int f = 0; f < 2; ++f) {
    char buf[65536];
    uint64_t left = skip[f];
    while (left > 0) {
      vfs::Error err;
      size_t got = text::read_block(in[f], buf, std::min<uint64_t>(left, sizeof buf), err);
      if (err) {
        inv.error(text::quotef(names[f]) + ": " + vfs::error_text(err));
        return 2;
      }
      if (got == 0) break;
      left -= got;
    }
  }
  int offset_width = 1;
  if (verbose) {
    uint64_t max = limit;
    for (int f = 0; f < 2; ++f) {
      vfs::Stat st;
      if (in[f].file && !in[f].file->stat(st) && S_ISREG(st.mode)) {
        uint64_t size = static_cast<uint64_t>(st.size);
        max = std::min(max, size > skip[f] ? size - skip[f] : 0);
      }
    }
    if (max == UINT64_MAX) max = INT64_MAX;
    max += std::max(skip[0], skip[1]);
    for (; max >= 10; max /= 10) ++offset_width;
  }
  OutStream& out = inv.out();
  uint64_t byte = 0, line = 1;
  char last = '\n';
  bool differ = false;
  std::string b0, b1;
  constexpr size_t kChunk = 65536;
  std::vector<char> buf0(kChunk), buf1(kChunk);
  size_t n0 = 0, n1 = 0, p0 = 0, p1 = 0;
  bool eof[2] = {false, false};
  vfs::Error err;
  while (byte < limit) {
    if (p0 == n0 && !eof[0]) {
      n0 = text::read_block(in[0], buf0.data(), kChunk, err);
      p0 = 0;
      if (err) {
        inv.error(text::quotef(names[0]) + ": " + vfs::error_text(err));
        return 2;
      }
      if (n0 == 0) eof[0] = true;
    }
    if (p1 == n1 && !eof[1]) {
      n1 = text::read_block(in[1], buf1.data(), kChunk, err);
      p1 = 0;
      if (err) {
        inv.error(text::quotef(names[1]) + ": " + vfs::error_text(err));
        return 2;
      }
      if (n1 == 0) eof[1] = true;
    }
    if (eof[0] || eof[1]) {
      if (eof[0] && eof[1]) break;
      // One input ended first.
      int short_f = eof[0] ? 0 : 1;
      if (!silent) {
        out.flush();
        std::string msg = "EOF on " + names[short_f];
        if (byte == 0) msg += " which is empty";
        else {
          msg += " after byte " + std::to_string(byte);
          if (!verbose) msg += (last == '\n' ? ", line " : ", in line ") + std::to_string(line - 1 + (last != '\n' ? 1 : 0));
        }
        inv.error(msg);
      }
      return 1;
    }
    size_t n = std::min<size_t>(std::min<size_t>(n0 - p0, n1 - p1), static_cast<size_t>(std::min<uint64_t>(limit - byte, kChunk)));
    const char* a = buf0.data() + p0;
    const char* b = buf1.data() + p1;
    if (!verbose && std::memcmp(a, b, n) == 0) {
      for (size_t k = 0; k < n; ++k)
        if (a[k] == '\n') ++line;
      if (n) last = a[n - 1];
      byte += n;
      p0 += n;
      p1 += n;
      continue;
    }
    for (size_t k = 0; k < n; ++k) {
      unsigned char x = a[k], y = b[k];
      ++byte;
      if (x != y) {
        differ = true;
        if (silent) return 1;
        if (!verbose) {
          std::string msg = names[0] + " " + names[1] + " differ: byte " + std::to_string(byte) + ", line " +
                            std::to_string(line);
          if (print_bytes) {
            char tmp[64];
            snprintf(tmp, sizeof tmp, " is %3o %s %3o %s", x, printable(x).c_str(), y, printable(y).c_str());
            msg += tmp;
          }
          out << msg << "\n";
          return 1;
        }
        char tmp[96];
        if (print_bytes)
          snprintf(tmp, sizeof tmp, "%*llu %3o %-4s %3o %s\n", offset_width, static_cast<unsigned long long>(byte), x,
                   printable(x).c_str(), y, printable(y).c_str());
        else
          snprintf(tmp, sizeof tmp, "%*llu %3o %3o\n", offset_width, static_cast<unsigned long long>(byte), x, y);
        out << tmp;
      }
      if (x == '\n') ++line;
      last = static_cast<char>(x);
    }
    p0 += n;
    p1 += n;
  }
  if (text::report_write_error(inv)) return 2;
  return differ ? 1 : 0;
}

}  // namespace

BURROW_COMMAND(cmp, "compare two files byte by byte", run_cmp);

}  // namespace burrow
