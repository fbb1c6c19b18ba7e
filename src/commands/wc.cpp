// wc: print newline, word, and byte counts (GNU coreutils 9.1, UTF-8 locale).
#include <cstring>
#include <memory>

#include "commands/args.h"
#include "commands/text/common.h"
#include "commands/text/count_byte.h"

namespace burrow {
namespace {

enum Opt { kBytes, kChars, kLines, kFiles0, kMaxLine, kWords };

constexpr OptionSpec kOptions[] = {
    {kBytes, 'c', "bytes", ArgKind::kNone, "print the byte counts"},
    {kChars, 'm', "chars", ArgKind::kNone, "print the character counts"},
    {kLines, 'l', "lines", ArgKind::kNone, "print the newline counts"},
    {kFiles0, 0, "files0-from", ArgKind::kRequired,
     "read input from the files specified by NUL-terminated names in file F; If F is - then read names from standard input",
     "F"},
    {kMaxLine, 'L', "max-line-length", ArgKind::kNone, "print the maximum display width"},
    {kWords, 'w', "words", ArgKind::kNone, "print the word counts"},
};

constexpr CommandSpec kSpec{
    "Usage: wc [OPTION]... [FILE]...\n  or:  wc [OPTION]... --files0-from=F",
    "Print newline, word, and byte counts for each FILE, and a total line if\n"
    "more than one FILE is specified.  A word is a non-zero-length sequence of\n"
    "printable characters delimited by white space.\n\n"
    "With no FILE, or when FILE is -, read standard input.",
    kOptions,
};

struct Counts {
  uint64_t lines = 0, words = 0, chars = 0, bytes = 0, max_len = 0;
};

struct Want {
  bool lines = false, words = false, chars = false, bytes = false, max_len = false;
  int count() const { return lines + words + chars + bytes + max_len; }
};

// Byte classes for the ASCII fast path.
enum : unsigned char { kOther, kNewline, kReturnFeed, kTab, kSpace, kVtab, kPrint, kCtrl, kHigh };

struct ClassTable {
  unsigned char c[256];
  constexpr ClassTable() : c{} {
    for (int i = 0; i < 256; ++i) {
      if (i >= 0x80) c[i] = kHigh;
      else if (i == '\n') c[i] = kNewline;
      else if (i == '\r' || i == '\f') c[i] = kReturnFeed;
      else if (i == '\t') c[i] = kTab;
      else if (i == ' ') c[i] = kSpace;
      else if (i == '\v') c[i] = kVtab;
      else if (i >= 0x20 && i < 0x7f) c[i] = kPrint;
      else c[i] = kCtrl;
    }
  }
};
constexpr ClassTable kClass;

struct Counter {
  Counts c;
  uint64_t linepos = 0;
  bool in_word = false;
  std::string carry;  // an incomplete UTF-8 sequence at a block boundary

  void end_line() {
    if (linepos > c.max_len) c.max_len = linepos;
    linepos = 0;
  }
  void separator() {
    c.words += in_word;
    in_word = false;
  }

  void feed(const unsigned char* p, size_t n, bool final) {
    size_t i = 0;
    while (i < n) {
      unsigned char b = p[i];
      switch (kClass.c[b]) {
        case kNewline: ++c.lines; ++c.chars; end_line(); separator(); ++i; continue;
        case kReturnFeed: ++c.chars; end_line(); separator(); ++i; continue;
        case kTab: ++c.chars; linepos += 8 - linepos % 8; separator(); ++i; continue;
        case kSpace: ++c.chars; ++linepos; separator(); ++i; continue;
        case kVtab: ++c.chars; separator(); ++i; continue;
        case kPrint: ++c.chars; ++linepos; in_word = true; ++i; continue;
        case kCtrl: ++c.chars; ++i; continue;
        default: break;
      }
      uint32_t cp;
      int len = text::decode_utf8(p + i, n - i, cp);
      if (len == 0) {
        // Incomplete at the end of the block: keep it for the next one.
        if (!final && n - i < 4 && could_be_prefix(p + i, n - i)) {
          carry.assign(reinterpret_cast<const char*>(p + i), n - i);
          return;
        }
        ++i;  // an invalid byte counts as nothing but a byte
        continue;
      }
      ++c.chars;
      i += len;
      if (text::is_printable(cp)) {
        int w = text::char_width(cp);
        if (w > 0) linepos += w;
        if (text::is_wspace(cp) || is_nbspace(cp)) separator();
        else in_word = true;
      }
    }
  }

  // GNU wc also ends words at non-breaking spaces, which iswspace() is not.
  static bool is_nbspace(uint32_t cp) { return cp == 0x00A0 || cp == 0x2007 || cp == 0x202F || cp == 0x2060; }

  static bool could_be_prefix(const unsigned char* p, size_t n) {
    int need;
    if ((p[0] & 0xE0) == 0xC0) need = 2;
    else if ((p[0] & 0xF0) == 0xE0) need = 3;
    else if ((p[0] & 0xF8) == 0xF0) need = 4;
    else return false;
    if (static_cast<int>(n) >= need) return false;
    for (size_t k = 1; k < n; ++k)
      if ((p[k] & 0xC0) != 0x80) return false;
    return true;
  }
};

// Returns false on a read error (already reported).
bool count_input(Invocation& inv, text::Input& in, const Want& want, Counts& out) {
  vfs::Error err;
  // On the heap, uninitialised: a thread_local array would be zeroed in
  // every thread the process ever starts.
  constexpr size_t kBufSize = 1 << 17;
  std::unique_ptr<char[]> buffer(new char[kBufSize]);
  char* buf = buffer.get();
  bool complex = want.words || want.chars || want.max_len;
  vfs::Stat st;
  if (!complex && !want.lines && !in.is_stdin && !in.is_dir && in.file && !in.file->stat(st) &&
      S_ISREG(st.mode)) {
    out.bytes = static_cast<uint64_t>(st.size);
    return true;
  }
  Counter counter;
  for (;;) {
    size_t got = text::read_block(in, buf, kBufSize, err);
    if (err) {
      inv.error(text::quotef(in.name) + ": " + vfs::error_text(err));
      out = counter.c;
      return false;
    }
    if (got == 0) break;
    out.bytes += got;
    if (!complex) {
      counter.c.lines += text::count_byte(buf, got, '\n');
    } else if (!counter.carry.empty()) {
      std::string joined = counter.carry;
      counter.carry.clear();
      joined.append(buf, got);
      counter.feed(reinterpret_cast<const unsigned char*>(joined.data()), joined.size(), false);
    } else {
      counter.feed(reinterpret_cast<const unsigned char*>(buf), got, false);
    }
    if (inv.cancelled()) break;
  }
  if (!counter.carry.empty()) {
    std::string rest = std::move(counter.carry);
    counter.carry.clear();
    counter.feed(reinterpret_cast<const unsigned char*>(rest.data()), rest.size(), true);
  }
  if (complex) {
    counter.end_line();
    counter.separator();
  }
  uint64_t bytes = out.bytes;
  out = counter.c;
  out.bytes = bytes;
  return true;
}

void print_counts(Invocation& inv, const Counts& c, const Want& want, int width, const std::string* name) {
  std::string line;
  auto add = [&](uint64_t v) {
    char tmp[32];
    int n = snprintf(tmp, sizeof tmp, "%*llu", line.empty() ? width : width + 1,
                     static_cast<unsigned long long>(v));
    if (!line.empty()) {
      // "%*s" with a leading separator space, as GNU does.
      line += ' ';
      n = snprintf(tmp, sizeof tmp, "%*llu", width, static_cast<unsigned long long>(v));
    }
    line.append(tmp, n);
  };
  if (want.lines) add(c.lines);
  if (want.words) add(c.words);
  if (want.chars) add(c.chars);
  if (want.bytes) add(c.bytes);
  if (want.max_len) add(c.max_len);
  if (name) {
    line += ' ';
    line += *name;
  }
  line += '\n';
  inv.out().write(line);
}

int run_wc(Invocation& inv) {
  ParsedArgs args;
  if (auto status = parse_args(inv, kSpec, args)) return *status;
  Want want;
  const std::string* files0 = nullptr;
  bool files0_streamed = false;
  for (const ParsedOption& o : args.options) {
    switch (o.id) {
      case kBytes: want.bytes = true; break;
      case kChars: want.chars = true; break;
      case kLines: want.lines = true; break;
      case kWords: want.words = true; break;
      case kMaxLine: want.max_len = true; break;
      case kFiles0: files0 = &o.value; break;
    }
  }
  if (want.count() == 0) want.lines = want.words = want.bytes = true;

  std::vector<std::string> names = args.operands;
  bool named = !names.empty();
  int status = 0;
  if (files0) {
    if (!args.operands.empty()) {
      inv.error("extra operand " + text::quoteaf(args.operands[0]) +
                "\nfile operands cannot be combined with --files0-from");
      print_try_help(inv);
      return 1;
    }
    text::Input list;
    if (vfs::Error err = text::open_input(inv, *files0, list)) {
      inv.error("cannot open " + text::quoteaf(*files0) + " for reading: " + vfs::error_text(err));
      return 1;
    }
    std::string name;
    while (list.in->read_line(name, '\0')) names.push_back(name);
    named = true;
    vfs::Stat lst;
    // GNU reads a non-regular list lazily and so cannot size the columns.
    if (!list.file || list.file->stat(lst) || !S_ISREG(lst.mode)) files0_streamed = true;
  }
  if (names.empty()) names.push_back("-");

  // Column width: GNU sizes columns from the total size of regular inputs;
  // anything else (pipes, terminals) forces at least 7.
  int width = 1;
  if (!(names.size() == 1 && want.count() == 1) && !files0_streamed) {
    int minimum = 1;
    uint64_t total = 0;
    for (const std::string& n : names) {
      vfs::Stat st;
      vfs::Error err;
      if (n == "-") {
        auto f = inv.fds ? inv.fds->get(0) : nullptr;
        err = f ? f->stat(st) : vfs::make_error(EBADF);
      } else {
        err = inv.fs ? inv.fs->stat(inv.path(n), st) : vfs::make_error(ENOENT);
      }
      if (err) continue;
      if (S_ISREG(st.mode)) total += static_cast<uint64_t>(st.size);
      else minimum = 7;
    }
    for (; total >= 10; total /= 10) ++width;
    if (width < minimum) width = minimum;
  }

  Counts total;
  size_t counted = 0;
  for (const std::string& name : names) {
    if (inv.cancelled()) return 130;
    if (files0 && name.empty()) {
      inv.error("invalid zero-length file name");
      status = 1;
      continue;
    }
    text::Input in;
    if (vfs::Error err = text::open_input(inv, name, in)) {
      inv.error(text::quotef(name) + ": " + vfs::error_text(err));
      status = 1;
      continue;
    }
    Counts c;
    if (!count_input(inv, in, want, c)) status = 1;
    ++counted;
    print_counts(inv, c, want, width, named ? &name : nullptr);
    total.lines += c.lines;
    total.words += c.words;
    total.chars += c.chars;
    total.bytes += c.bytes;
    total.max_len = std::max(total.max_len, c.max_len);
    if (!inv.out().ok()) break;
  }
  if (names.size() > 1) {
    static const std::string kTotal = "total";
    print_counts(inv, total, want, width, &kTotal);
  }
  if (text::report_write_error(inv)) status = 1;
  return status;
}

}  // namespace

BURROW_COMMAND(wc, "print newline, word, and byte counts for each file", run_wc);

}  // namespace burrow
