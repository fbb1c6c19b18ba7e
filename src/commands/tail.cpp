// tail: output the last part of files (GNU coreutils 9), including -f/-F.
#include <chrono>
#include <cstring>
#include <thread>

#include "commands/args.h"
#include "commands/text/common.h"

namespace burrow {
namespace {

enum Opt { kBytes, kLines, kFollow, kFollowRetry, kRetry, kPid, kQuiet, kVerbose, kSleep, kMaxUnchanged, kZero, kPresume };

constexpr OptionSpec kOptions[] = {
    {kBytes, 'c', "bytes", ArgKind::kRequired,
     "output the last NUM bytes; or use -c +NUM to output starting with byte NUM of each file", "[+]NUM"},
    {kFollow, 'f', "follow", ArgKind::kOptional, "output appended data as the file grows", "{name|descriptor}"},
    {kFollowRetry, 'F', "", ArgKind::kNone, "same as --follow=name --retry"},
    {kLines, 'n', "lines", ArgKind::kRequired,
     "output the last NUM lines, instead of the last 10; or use -n +NUM to skip NUM-1 lines at the start", "[+]NUM"},
    {kMaxUnchanged, 0, "max-unchanged-stats", ArgKind::kRequired, "with --follow=name, reopen a FILE which has not changed size after N iterations", "N"},
    {kPid, 0, "pid", ArgKind::kRequired, "with -f, terminate after process ID, PID dies", "PID"},
    {kQuiet, 'q', "quiet", ArgKind::kNone, "never output headers giving file names"},
    {kQuiet, 0, "silent", ArgKind::kNone, "same as --quiet"},
    {kRetry, 0, "retry", ArgKind::kNone, "keep trying to open a file if it is inaccessible"},
    {kSleep, 's', "sleep-interval", ArgKind::kRequired, "with -f, sleep for approximately N seconds between iterations", "N"},
    {kVerbose, 'v', "verbose", ArgKind::kNone, "always output headers giving file names"},
    {kZero, 'z', "zero-terminated", ArgKind::kNone, "line delimiter is NUL, not newline"},
    {kPresume, 0, "-presume-input-pipe", ArgKind::kNone, ""},
};

constexpr CommandSpec kSpec{
    "Usage: tail [OPTION]... [FILE]...",
    "Print the last 10 lines of each FILE to standard output.\n"
    "With more than one FILE, precede each with a header giving the file name.\n\n"
    "With no FILE, or when FILE is -, read standard input.",
    kOptions,
};

struct Settings {
  bool lines = true;
  bool from_start = false;
  uint64_t count = 10;
  char delim = '\n';
  bool follow = false;
  bool follow_name = false;
  bool retry = false;
  double sleep = 1.0;
};

constexpr size_t kBlock = 65536;

// Offset where the last `count` lines of data[0..n) begin.
size_t last_lines_start(const char* data, size_t n, uint64_t count, char delim) {
  if (count == 0) return n;
  size_t pos = n;
  if (pos > 0 && data[pos - 1] == delim) --pos;
  while (pos > 0) {
    const char* hit = static_cast<const char*>(memrchr(data, delim, pos));
    if (!hit) return 0;
    pos = hit - data;
    if (--count == 0) return pos + 1;
  }
  return 0;
}

struct Tailer {
  Invocation& inv;
  const Settings& s;

  bool fail(text::Input& in, vfs::Error err) {
    inv.error("error reading " + text::quoteaf(in.display()) + ": " + vfs::error_text(err));
    return false;
  }

  // Regular files: read backwards from the end with pread.
  bool tail_seekable(text::Input& in, int64_t size, int64_t& end_offset) {
    OutStream& out = inv.out();
    int64_t start = 0;
    if (!s.lines) {
      start = size > static_cast<int64_t>(s.count) ? size - static_cast<int64_t>(s.count) : 0;
    } else if (s.count == 0) {
      start = size;
    } else {
      uint64_t need = s.count;
      int64_t pos = size;
      std::string block(kBlock, '\0');
      bool skip_last = true;
      start = 0;
      while (pos > 0) {
        int64_t chunk_start = pos > static_cast<int64_t>(kBlock) ? pos - static_cast<int64_t>(kBlock) : 0;
        size_t len = static_cast<size_t>(pos - chunk_start), got = 0;
        if (vfs::Error err = in.file->pread(block.data(), len, chunk_start, got)) return fail(in, err);
        if (got < len) len = got;
        size_t p = len;
        if (skip_last) {
          if (p > 0 && block[p - 1] == s.delim) --p;
          skip_last = false;
        }
        bool found = false;
        while (p > 0) {
          const char* hit = static_cast<const char*>(memrchr(block.data(), s.delim, p));
          if (!hit) break;
          p = hit - block.data();
          if (--need == 0) {
            start = chunk_start + static_cast<int64_t>(p) + 1;
            found = true;
            break;
          }
        }
        if (found) break;
        pos = chunk_start;
      }
    }
    std::string block(kBlock, '\0');
    int64_t off = start;
    for (;;) {
      size_t got = 0;
      if (vfs::Error err = in.file->pread(block.data(), kBlock, off, got)) return fail(in, err);
      if (got == 0) break;
      out.write(block.data(), got);
      off += static_cast<int64_t>(got);
      if (!out.ok() || inv.cancelled()) break;
    }
    end_offset = off;
    int64_t ignored;
    in.file->seek(off, SEEK_SET, ignored);
    return true;
  }

  bool tail_stream(text::Input& in) {
    OutStream& out = inv.out();
    vfs::Error err;
    char buf[kBlock];
    if (s.from_start) {
      uint64_t skip = s.count > 0 ? s.count - 1 : 0;
      for (;;) {
        size_t got = text::read_block(in, buf, kBlock, err);
        if (err) return fail(in, err);
        if (got == 0) break;
        size_t p = 0;
        if (!s.lines) {
          size_t take = skip < got ? static_cast<size_t>(skip) : got;
          skip -= take;
          p = take;
        } else {
          while (skip > 0 && p < got) {
            const char* hit = static_cast<const char*>(std::memchr(buf + p, s.delim, got - p));
            if (!hit) {
              p = got;
              break;
            }
            p = hit - buf + 1;
            --skip;
          }
        }
        if (p < got) out.write(buf + p, got - p);
        if (!out.ok() || inv.cancelled()) break;
      }
      return true;
    }
    std::string pending;
    size_t trim_at = 4 * kBlock;
    for (;;) {
      size_t got = text::read_block(in, buf, kBlock, err);
      if (err) return fail(in, err);
      if (got == 0) break;
      pending.append(buf, got);
      if (pending.size() > trim_at) {
        size_t start = s.lines ? last_lines_start(pending.data(), pending.size(), s.count, s.delim)
                               : (pending.size() > s.count ? pending.size() - s.count : 0);
        pending.erase(0, start);
        trim_at = std::max<size_t>(4 * kBlock, pending.size() * 2);
      }
      if (inv.cancelled()) return true;
    }
    size_t start = s.lines ? last_lines_start(pending.data(), pending.size(), s.count, s.delim)
                           : (pending.size() > s.count ? pending.size() - s.count : 0);
    out.write(pending.data() + start, pending.size() - start);
    return true;
  }
};

struct Followed {
  std::string name;
  std::string display;
  vfs::FilePtr file;
  int64_t offset = 0;
  bool ok = false;
};

void sleep_for(Invocation& inv, double seconds) {
  auto end = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
  while (!inv.cancelled() && std::chrono::steady_clock::now() < end)
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
}

void follow(Invocation& inv, const Settings& s, std::vector<Followed>& files, bool headers, size_t last_shown) {
  OutStream& out = inv.out();
  std::string buf(kBlock, '\0');
  while (!inv.cancelled() && out.ok()) {
    bool any = false;
    for (size_t i = 0; i < files.size(); ++i) {
      Followed& f = files[i];
      if (s.follow_name) {
        vfs::FilePtr reopened;
        if (!inv.fs->open(inv.path(f.name), O_RDONLY, 0, reopened)) {
          vfs::Stat a, b;
          bool same = f.file && !f.file->stat(a) && !reopened->stat(b) && a.ino == b.ino;
          if (!same) {
            if (f.file) inv.error(text::quotef(f.name) + " has been replaced;  following new file");
            f.file = reopened;
            f.offset = 0;
          }
        } else if (f.file && f.ok) {
          inv.error(text::quotef(f.name) + ": No such file or directory");
          f.ok = false;
          continue;
        }
      }
      if (!f.file) continue;
      f.ok = true;
      vfs::Stat st;
      if (f.file->stat(st)) continue;
      if (S_ISREG(st.mode) && st.size < f.offset) {
        inv.error(text::quotef(f.display) + ": file truncated");
        f.offset = 0;
      }
      for (;;) {
        size_t got = 0;
        vfs::Error err = S_ISREG(st.mode) ? f.file->pread(buf.data(), kBlock, f.offset, got)
                                          : f.file->read(buf.data(), kBlock, got);
        if (err || got == 0) break;
        if (headers && last_shown != i) {
          out << "\n==> " << f.display << " <==\n";
          last_shown = i;
        }
        out.write(buf.data(), got);
        f.offset += static_cast<int64_t>(got);
        any = true;
      }
    }
    if (any) out.flush();
    else sleep_for(inv, s.sleep);
  }
}

int run_tail(Invocation& inv) {
  Settings s;
  // Obsolete forms: "tail -5", "tail +5", "tail -5cf FILE".
  size_t argc = inv.argv.size();
  if ((argc == 2 || (argc == 3 && !(inv.argv[2].size() > 1 && inv.argv[2][0] == '-'))) &&
      inv.argv[1].size() >= 1 && (inv.argv[1][0] == '-' || inv.argv[1][0] == '+')) {
    const std::string& a = inv.argv[1];
    size_t i = 1;
    bool plus = a[0] == '+';
    bool ok = a.size() > 1 && (std::isdigit(static_cast<unsigned char>(a[1])) || a[1] == 'l' ||
                               a[1] == 'f' || (a[1] == 'c' && a.size() > 2));
    if (ok) {
      Settings t = s;
      t.from_start = plus;
      size_t digits = i;
      uint64_t n = 0;
      while (i < a.size() && std::isdigit(static_cast<unsigned char>(a[i]))) n = n * 10 + (a[i++] - '0');
      if (i == digits) n = 10;
      uint64_t mult = 1;
      if (i < a.size()) {
        if (a[i] == 'b') mult = 512, t.lines = false, ++i;
        else if (a[i] == 'c') t.lines = false, ++i;
        else if (a[i] == 'l') ++i;
      }
      if (i < a.size() && a[i] == 'f') t.follow = true, ++i;
      if (i == a.size()) {
        t.count = n * mult;
        s = t;
        inv.argv.erase(inv.argv.begin() + 1);
      }
    }
  }
  for (size_t i = 1; i < inv.argv.size(); ++i) {
    const std::string& a = inv.argv[i];
    if (a == "--") break;
    if (a == "--lines" || a == "--bytes" || a == "--sleep-interval" || a == "--pid" || a == "--max-unchanged-stats") {
      ++i;
      continue;
    }
    if (a.size() < 2 || a[0] != '-' || a[1] == '-') continue;
    for (size_t j = 1; j < a.size(); ++j) {
      char c = a[j];
      if (c == 'n' || c == 'c' || c == 's') {
        if (j + 1 == a.size()) ++i;
        break;
      }
      if (std::isdigit(static_cast<unsigned char>(c))) {
        inv.error(std::string("option used in invalid context -- ") + c);
        return 1;
      }
    }
  }
  ParsedArgs args;
  if (auto status = parse_args(inv, kSpec, args)) return *status;
  bool quiet = false, verbose = false;
  for (const ParsedOption& o : args.options) {
    switch (o.id) {
      case kBytes:
      case kLines: {
        s.lines = o.id == kLines;
        std::string_view v = o.value;
        s.from_start = !v.empty() && v[0] == '+';
        if (!v.empty() && (v[0] == '+' || v[0] == '-')) v.remove_prefix(1);
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
      case kFollow:
        s.follow = true;
        if (o.has_value) {
          if (std::string_view("name").starts_with(o.value) && !o.value.empty()) s.follow_name = true;
          else if (std::string_view("descriptor").starts_with(o.value) && !o.value.empty()) s.follow_name = false;
          else {
            inv.error("invalid argument " + text::quote(o.value) + " for \xe2\x80\x98--follow\xe2\x80\x99\nValid arguments are:\n  - \xe2\x80\x98" "descriptor\xe2\x80\x99\n  - \xe2\x80\x98name\xe2\x80\x99");
            print_try_help(inv);
            return 1;
          }
        }
        break;
      case kFollowRetry: s.follow = s.follow_name = s.retry = true; break;
      case kRetry: s.retry = true; break;
      case kQuiet: quiet = true, verbose = false; break;
      case kVerbose: verbose = true, quiet = false; break;
      case kSleep: {
        char* end = nullptr;
        double v = strtod(o.value.c_str(), &end);
        if (o.value.empty() || *end || v < 0) {
          inv.error("invalid number of seconds: " + text::quote(o.value));
          return 1;
        }
        s.sleep = v;
        break;
      }
      case kZero: s.delim = '\0'; break;
      default: break;
    }
  }
  if (args.operands.empty()) args.operands.push_back("-");
  bool headers = verbose || (!quiet && args.operands.size() > 1);
  int status = 0;
  bool first = true;
  std::vector<Followed> followed;
  Tailer t{inv, s};
  for (const std::string& operand : args.operands) {
    if (inv.cancelled()) return 130;
    text::Input in;
    Followed f;
    f.name = operand;
    if (vfs::Error err = text::open_input(inv, operand, in)) {
      inv.error("cannot open " + text::quoteaf(operand) + " for reading: " + vfs::error_text(err));
      status = 1;
      f.display = operand;
      if (s.follow && s.follow_name) followed.push_back(f);
      continue;
    }
    f.display = in.display();
    if (headers) {
      if (!first) inv.out() << "\n";
      inv.out() << "==> " << in.display() << " <==\n";
    }
    first = false;
    vfs::Stat st;
    bool regular = in.file && !in.file->stat(st) && S_ISREG(st.mode) && !in.is_dir;
    int64_t end_offset = 0;
    bool ok;
    if (in.is_dir) {
      ok = t.fail(in, vfs::make_error(EISDIR));
    } else if (regular && !s.from_start && !in.is_stdin) {
      ok = t.tail_seekable(in, st.size, end_offset);
    } else {
      ok = t.tail_stream(in);
      if (regular) end_offset = st.size;
    }
    if (!ok) status = 1;
    if (ok && s.follow && !(in.is_stdin && !regular)) {
      f.file = in.file;
      f.offset = end_offset;
      f.ok = true;
      followed.push_back(f);
    }
    if (!inv.out().ok()) break;
  }
  if (s.follow && !followed.empty() && inv.out().ok()) {
    inv.out().flush();
    follow(inv, s, followed, headers, followed.size() - 1);
  }
  if (text::report_write_error(inv)) status = 1;
  return status;
}

}  // namespace

BURROW_COMMAND(tail, "output the last part of files", run_tail);

}  // namespace burrow
