// head: output the first part of files (GNU coreutils 9).
#include <cstring>
#include <deque>

#include "commands/args.h"
#include "commands/text/common.h"

namespace burrow {
namespace {

enum Opt { kBytes, kLines, kQuiet, kVerbose, kZero };

constexpr OptionSpec kOptions[] = {
    {kBytes, 'c', "bytes", ArgKind::kRequired,
     "print the first NUM bytes of each file; with the leading '-', print all but the last NUM bytes of each file",
     "[-]NUM"},
    {kLines, 'n', "lines", ArgKind::kRequired,
     "print the first NUM lines instead of the first 10; with the leading '-', print all but the last NUM lines of each file",
     "[-]NUM"},
    {kQuiet, 'q', "quiet", ArgKind::kNone, "never print headers giving file names"},
    {kQuiet, 0, "silent", ArgKind::kNone, "same as --quiet"},
    {kVerbose, 'v', "verbose", ArgKind::kNone, "always print headers giving file names"},
    {kZero, 'z', "zero-terminated", ArgKind::kNone, "line delimiter is NUL, not newline"},
};

constexpr CommandSpec kSpec{
    "Usage: head [OPTION]... [FILE]...",
    "Print the first 10 lines of each FILE to standard output.\n"
    "With more than one FILE, precede each with a header giving the file name.\n\n"
    "With no FILE, or when FILE is -, read standard input.",
    kOptions,
};

struct Settings {
  bool lines = true;
  bool elide = false;  // "all but the last N"
  uint64_t count = 10;
  char delim = '\n';
};

constexpr size_t kBlock = 65536;

// Returns false on read error (already reported).
bool head_input(Invocation& inv, text::Input& in, const Settings& s) {
  OutStream& out = inv.out();
  vfs::Error err;
  char buf[kBlock];
  auto fail = [&] {
    inv.error("error reading " + text::quoteaf(in.display()) + ": " + vfs::error_text(err));
    return false;
  };
  if (!s.elide) {
    uint64_t left = s.count;
    if (left == 0) return true;
    while (left > 0) {
      size_t got = text::read_block(in, buf, kBlock, err);
      if (err) return fail();
      if (got == 0) break;
      if (!s.lines) {
        size_t take = got < left ? got : static_cast<size_t>(left);
        out.write(buf, take);
        left -= take;
      } else {
        const char* p = buf;
        const char* end = buf + got;
        while (left > 0 && p < end) {
          const char* nl = static_cast<const char*>(std::memchr(p, s.delim, end - p));
          if (!nl) {
            p = end;
            break;
          }
          p = nl + 1;
          --left;
        }
        out.write(buf, p - buf);
      }
      if (!out.ok() || inv.cancelled()) break;
    }
    return true;
  }
  if (!s.lines) {
    // Keep the last `count` bytes back.
    std::string pending;
    for (;;) {
      size_t got = text::read_block(in, buf, kBlock, err);
      if (err) return fail();
      if (got == 0) break;
      pending.append(buf, got);
      if (pending.size() > s.count + kBlock * 4) {
        size_t emit = pending.size() - s.count;
        out.write(pending.data(), emit);
        pending.erase(0, emit);
      }
      if (!out.ok() || inv.cancelled()) return true;
    }
    if (pending.size() > s.count) out.write(pending.data(), pending.size() - s.count);
    return true;
  }
  // Lines: hold back the last `count` complete-or-partial lines.
  std::deque<std::string> held;
  std::string line;
  for (;;) {
    if (in.is_dir) {
      err = vfs::make_error(EISDIR);
      return fail();
    }
    if (!in.in->read_line(line, s.delim)) break;
    if (in.in->ended_with_delim()) line += s.delim;
    if (s.count == 0) {
      out.write(line);
    } else {
      held.push_back(std::move(line));
      line = std::string();
      if (held.size() > s.count) {
        out.write(held.front());
        held.pop_front();
      }
    }
    if (!out.ok() || inv.cancelled()) break;
  }
  if (!in.in->ok()) {
    err = in.in->error();
    return fail();
  }
  return true;
}

// "-5", "-5c", "-2kv": the obsolete first-argument form.
bool rewrite_obsolete(Invocation& inv, Settings& s, bool& quiet, bool& verbose, int& status) {
  if (inv.argv.size() < 2) return false;
  const std::string& a = inv.argv[1];
  if (a.size() < 2 || a[0] != '-' || !std::isdigit(static_cast<unsigned char>(a[1]))) return false;
  size_t i = 1;
  uint64_t n = 0;
  while (i < a.size() && std::isdigit(static_cast<unsigned char>(a[i]))) {
    n = n * 10 + (a[i] - '0');
    ++i;
  }
  uint64_t mult = 1;
  for (; i < a.size(); ++i) {
    switch (a[i]) {
      case 'b': mult = 512; s.lines = false; break;
      case 'k': mult = 1024; s.lines = false; break;
      case 'm': mult = 1048576; s.lines = false; break;
      case 'c': s.lines = false; break;
      case 'l': s.lines = true; break;
      case 'q': quiet = true, verbose = false; break;
      case 'v': verbose = true, quiet = false; break;
      case 'z': s.delim = '\0'; break;
      default:
        inv.error(std::string("invalid trailing option -- ") + a[i]);
        print_try_help(inv);
        status = 1;
        return true;
    }
  }
  s.count = n * mult;
  inv.argv.erase(inv.argv.begin() + 1);
  return false;
}

int run_head(Invocation& inv) {
  Settings s;
  bool quiet = false, verbose = false;
  int early = 0;
  if (rewrite_obsolete(inv, s, quiet, verbose, early)) return early;
  ParsedArgs args;
  if (auto status = parse_args(inv, kSpec, args)) return *status;
  for (const ParsedOption& o : args.options) {
    switch (o.id) {
      case kBytes:
      case kLines: {
        s.lines = o.id == kLines;
        std::string_view v = o.value;
        s.elide = !v.empty() && v[0] == '-';
        if (s.elide) v.remove_prefix(1);
        uint64_t n = 0;
        auto r = text::parse_size(v, n, "bkKmMGTPEZY0");
        const char* what = s.lines ? "lines" : "bytes";
        if (r == text::NumResult::kInvalid) {
          inv.error(std::string("invalid number of ") + what + ": " + text::quote(o.value));
          return 1;
        }
        if (r == text::NumResult::kOverflow) {
          inv.error(std::string("invalid number of ") + what + ": " + text::quote(o.value) +
                    ": Value too large for defined data type");
          return 1;
        }
        s.count = n;
        break;
      }
      case kQuiet: quiet = true, verbose = false; break;
      case kVerbose: verbose = true, quiet = false; break;
      case kZero: s.delim = '\0'; break;
    }
  }
  if (args.operands.empty()) args.operands.push_back("-");
  bool headers = verbose || (!quiet && args.operands.size() > 1);
  int status = 0;
  bool first = true;
  for (const std::string& operand : args.operands) {
    if (inv.cancelled()) return 130;
    text::Input in;
    if (vfs::Error err = text::open_input(inv, operand, in)) {
      inv.error("cannot open " + text::quoteaf(operand) + " for reading: " + vfs::error_text(err));
      status = 1;
      continue;
    }
    if (headers) {
      if (!first) inv.out() << "\n";
      inv.out() << "==> " << in.display() << " <==\n";
    }
    first = false;
    if (!head_input(inv, in, s)) status = 1;
    if (!inv.out().ok()) break;
  }
  if (text::report_write_error(inv)) status = 1;
  return status;
}

}  // namespace

BURROW_COMMAND(head, "output the first part of files", run_head);

}  // namespace burrow
