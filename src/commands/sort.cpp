// sort: sort lines of text files (GNU coreutils 9.1, C/C.UTF-8 collation,
// which is byte order).
#include <algorithm>
#include <cstring>
#include <random>
#include <thread>

#include "commands/args.h"
#include "commands/text/common.h"
#include "commands/text/compare.h"

namespace burrow {
namespace {

enum Opt {
  kIgnoreBlanks, kDictionary, kFold, kGeneral, kHuman, kIgnoreNonprint, kMonth, kNumeric, kRandom,
  kRandomSource, kReverse, kSortWord, kVersion, kBatch, kCheck, kCheckQuiet, kCompress, kDebug,
  kFiles0, kKey, kMerge, kOutput, kStable, kBufferSize, kFieldSep, kTempDir, kParallel, kUnique, kZero
};

constexpr OptionSpec kOptions[] = {
    {kIgnoreBlanks, 'b', "ignore-leading-blanks", ArgKind::kNone, "ignore leading blanks"},
    {kDictionary, 'd', "dictionary-order", ArgKind::kNone, "consider only blanks and alphanumeric characters"},
    {kFold, 'f', "ignore-case", ArgKind::kNone, "fold lower case to upper case characters"},
    {kGeneral, 'g', "general-numeric-sort", ArgKind::kNone, "compare according to general numerical value"},
    {kIgnoreNonprint, 'i', "ignore-nonprinting", ArgKind::kNone, "consider only printable characters"},
    {kMonth, 'M', "month-sort", ArgKind::kNone, "compare (unknown) < 'JAN' < ... < 'DEC'"},
    {kHuman, 'h', "human-numeric-sort", ArgKind::kNone, "compare human readable numbers (e.g., 2K 1G)"},
    {kNumeric, 'n', "numeric-sort", ArgKind::kNone, "compare according to string numerical value"},
    {kRandom, 'R', "random-sort", ArgKind::kNone, "shuffle, but group identical keys"},
    {kRandomSource, 0, "random-source", ArgKind::kRequired, "get random bytes from FILE", "FILE"},
    {kReverse, 'r', "reverse", ArgKind::kNone, "reverse the result of comparisons"},
    {kSortWord, 0, "sort", ArgKind::kRequired, "sort according to WORD", "WORD"},
    {kVersion, 'V', "version-sort", ArgKind::kNone, "natural sort of (version) numbers within text"},
    {kBatch, 0, "batch-size", ArgKind::kRequired, "merge at most NMERGE inputs at once", "NMERGE"},
    {kCheck, 'c', "", ArgKind::kNone, "check for sorted input; do not sort"},
    {kCheck, 0, "check", ArgKind::kOptional, "", "diagnose-first"},
    {kCheckQuiet, 'C', "", ArgKind::kNone, "like -c, but do not report first bad line"},
    {kCompress, 0, "compress-program", ArgKind::kRequired, "compress temporaries with PROG", "PROG"},
    {kDebug, 0, "debug", ArgKind::kNone, "annotate the part of the line used to sort"},
    {kFiles0, 0, "files0-from", ArgKind::kRequired, "read input from the files specified by NUL-terminated names in file F", "F"},
    {kKey, 'k', "key", ArgKind::kRequired, "sort via a key; KEYDEF gives location and type", "KEYDEF"},
    {kMerge, 'm', "merge", ArgKind::kNone, "merge already sorted files; do not sort"},
    {kOutput, 'o', "output", ArgKind::kRequired, "write result to FILE instead of standard output", "FILE"},
    {kStable, 's', "stable", ArgKind::kNone, "stabilize sort by disabling last-resort comparison"},
    {kBufferSize, 'S', "buffer-size", ArgKind::kRequired, "use SIZE for main memory buffer", "SIZE"},
    {kFieldSep, 't', "field-separator", ArgKind::kRequired, "use SEP instead of non-blank to blank transition", "SEP"},
    {kTempDir, 'T', "temporary-directory", ArgKind::kRequired, "use DIR for temporaries", "DIR"},
    {kParallel, 0, "parallel", ArgKind::kRequired, "change the number of sorts run concurrently to N", "N"},
    {kUnique, 'u', "unique", ArgKind::kNone, "with -c, check for strict ordering; without -c, output only the first of an equal run"},
    {kZero, 'z', "zero-terminated", ArgKind::kNone, "line delimiter is NUL, not newline"},
};

constexpr CommandSpec kSpec{
    "Usage: sort [OPTION]... [FILE]...\n  or:  sort [OPTION]... --files0-from=F",
    "Write sorted concatenation of all FILE(s) to standard output.\n\n"
    "With no FILE, or when FILE is -, read standard input.",
    kOptions,
    2,
};

struct Key {
  size_t sword = SIZE_MAX, schar = 0;  // start field and char (0-based)
  size_t eword = SIZE_MAX, echar = 0;  // end field (0-based) and char (0: field end)
  bool skip_sblanks = false, skip_eblanks = false;
  bool dictionary = false, nonprinting = false, fold = false;
  bool numeric = false, general = false, human = false, month = false, random = false, version = false;
  bool reverse = false;
  bool has_ordering() const {
    return skip_sblanks || skip_eblanks || dictionary || nonprinting || fold || numeric || general || human ||
           month || random || version || reverse;
  }
  std::string opts() const {
    std::string s;
    if (skip_sblanks || skip_eblanks) s += 'b';
    if (dictionary) s += 'd';
    if (fold) s += 'f';
    if (general) s += 'g';
    if (human) s += 'h';
    if (nonprinting) s += 'i';
    if (month) s += 'M';
    if (numeric) s += 'n';
    if (random) s += 'R';
    if (reverse) s += 'r';
    if (version) s += 'V';
    return s;
  }
  bool incompatible() const {
    return 1 < numeric + general + human + month + (version || random || dictionary || nonprinting);
  }
};

struct Line {
  const char* p;
  size_t n;
  uint64_t prefix;  // first 8 bytes, big-endian, for the plain byte comparison
  // Every key, located once (keys.size() entries).
  const struct KeyCache* keys = nullptr;
};

struct KeyCache {
  const char* p;
  size_t n;
  text::NumericKey num;  // for -n keys
};

struct Sorter {
  std::vector<Key> keys;
  int tab = -1;  // -1: blank-to-nonblank transitions
  char delim = '\n';
  bool reverse = false, stable = false, unique = false;
  uint64_t salt = 0;

  static bool is_blank(unsigned char c) { return c == ' ' || c == '\t' || c == '\n'; }

  std::string_view key_text(const Key& k, std::string_view line) const {
    const char* ptr = line.data();
    const char* lim = ptr + line.size();
    // Start.
    const char* b = ptr;
    size_t sword = k.sword;
    if (tab >= 0) {
      while (b < lim && sword--) {
        while (b < lim && *b != static_cast<char>(tab)) ++b;
        if (b < lim) ++b;
      }
    } else {
      while (b < lim && sword--) {
        while (b < lim && is_blank(*b)) ++b;
        while (b < lim && !is_blank(*b)) ++b;
      }
    }
    if (k.skip_sblanks)
      while (b < lim && is_blank(*b)) ++b;
    b = std::min(lim, b + std::min<size_t>(k.schar, lim - b));
    // End.
    const char* e = lim;
    if (k.eword != SIZE_MAX) {
      e = ptr;
      size_t eword = k.eword, echar = k.echar;
      if (echar == 0) ++eword;
      if (tab >= 0) {
        while (e < lim && eword--) {
          while (e < lim && *e != static_cast<char>(tab)) ++e;
          if (e < lim && (eword || echar)) ++e;
        }
      } else {
        while (e < lim && eword--) {
          while (e < lim && is_blank(*e)) ++e;
          while (e < lim && !is_blank(*e)) ++e;
        }
      }
      if (echar != 0) {
        if (k.skip_eblanks)
          while (e < lim && is_blank(*e)) ++e;
        e = e + std::min<size_t>(echar, lim - e);
      }
    }
    if (e < b) e = b;
    return std::string_view(b, e - b);
  }

  uint64_t hash(std::string_view s) const {
    uint64_t h = 0xcbf29ce484222325ULL ^ salt;
    for (unsigned char c : s) h = (h ^ c) * 0x100000001b3ULL;
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdULL;
    h ^= h >> 33;
    return h;
  }

  static bool ignored(const Key& k, unsigned char c) {
    if (k.dictionary) return !(std::isalnum(c) || c == ' ' || c == '\t');
    if (k.nonprinting) return !std::isprint(c);
    return false;
  }

  int compare_text(const Key& k, std::string_view a, std::string_view b) const {
    if (!k.dictionary && !k.nonprinting && !k.fold) {
      size_t n = std::min(a.size(), b.size());
      int c = n ? std::memcmp(a.data(), b.data(), n) : 0;
      if (c) return c;
      return a.size() < b.size() ? -1 : a.size() > b.size();
    }
    size_t i = 0, j = 0;
    for (;;) {
      while (i < a.size() && ignored(k, a[i])) ++i;
      while (j < b.size() && ignored(k, b[j])) ++j;
      if (!(i < a.size() && j < b.size())) break;
      unsigned char x = a[i], y = b[j];
      if (k.fold) x = std::toupper(x), y = std::toupper(y);
      if (x != y) return x < y ? -1 : 1;
      ++i, ++j;
    }
    return (i < a.size()) - (j < b.size());
  }

  int compare_key(const Key& k, std::string_view a, std::string_view b) const {
    int d;
    if (k.random) {
      uint64_t x = hash(a), y = hash(b);
      d = x < y ? -1 : x > y;
      if (!d) d = compare_text(k, a, b);
    } else if (k.numeric) {
      d = text::compare_numeric(a, b);
    } else if (k.human) {
      d = text::compare_human(a, b);
    } else if (k.general) {
      d = text::compare_general(a, b);
    } else if (k.month) {
      d = text::month_number(a) - text::month_number(b);
    } else if (k.version) {
      d = text::compare_version(a, b);
    } else {
      d = compare_text(k, a, b);
    }
    return k.reverse ? -d : d;
  }

  int compare(const Line& x, const Line& y) const {
    std::string_view a(x.p, x.n), b(y.p, y.n);
    if (!keys.empty()) {
      for (size_t i = 0; i < keys.size(); ++i) {
        const Key& k = keys[i];
        const KeyCache& kx = x.keys[i];
        const KeyCache& ky = y.keys[i];
        int d;
        if (k.numeric) {
          d = text::compare_numeric_keys(kx.num, ky.num);
          if (k.reverse) d = -d;
        } else {
          d = compare_key(k, std::string_view(kx.p, kx.n), std::string_view(ky.p, ky.n));
        }
        if (d) return d;
      }
      if (unique || stable) return 0;
    }
    int d;
    if (x.prefix != y.prefix) {
      d = x.prefix < y.prefix ? -1 : 1;
    } else {
      size_t n = std::min(a.size(), b.size());
      d = n ? std::memcmp(a.data(), b.data(), n) : 0;
      if (!d) d = a.size() < b.size() ? -1 : a.size() > b.size();
    }
    return reverse ? -d : d;
  }
};

uint64_t make_prefix(const char* p, size_t n) {
  unsigned char b[8] = {0, 0, 0, 0, 0, 0, 0, 0};
  std::memcpy(b, p, std::min<size_t>(n, 8));
  uint64_t v = 0;
  for (int i = 0; i < 8; ++i) v = (v << 8) | b[i];
  return v;
}

// Parses a field count; returns false with *msg on error.
bool parse_count(std::string_view& s, size_t& out) {
  size_t i = 0;
  unsigned __int128 v = 0;
  while (i < s.size() && s[i] >= '0' && s[i] <= '9') {
    v = v * 10 + (s[i] - '0');
    if (v > SIZE_MAX) v = SIZE_MAX;
    ++i;
  }
  if (i == 0) return false;
  out = static_cast<size_t>(v);
  s.remove_prefix(i);
  return true;
}

bool set_ordering(std::string_view& s, Key& k, bool end) {
  while (!s.empty()) {
    switch (s[0]) {
      case 'b': (end ? k.skip_eblanks : k.skip_sblanks) = true; break;
      case 'd': k.dictionary = true; break;
      case 'f': k.fold = true; break;
      case 'g': k.general = true; break;
      case 'h': k.human = true; break;
      case 'i': if (!k.dictionary) k.nonprinting = true; break;
      case 'M': k.month = true; break;
      case 'n': k.numeric = true; break;
      case 'R': k.random = true; break;
      case 'r': k.reverse = true; break;
      case 'V': k.version = true; break;
      default: return false;
    }
    s.remove_prefix(1);
  }
  return true;
}

std::optional<std::string> parse_key(std::string_view spec, Key& k) {
  std::string_view s = spec;
  auto bad = [&](std::string_view why) {
    return std::string(why) + ": invalid field specification " + text::quote(spec);
  };
  size_t n;
  if (!parse_count(s, n)) return "invalid number at field start: invalid count at start of " + text::quote(s);
  if (n == 0) return bad("field number is zero");
  k.sword = n - 1;
  if (!s.empty() && s[0] == '.') {
    s.remove_prefix(1);
    if (!parse_count(s, n)) return "invalid number after '.': invalid count at start of " + text::quote(s);
    if (n == 0) return bad("character offset is zero");
    k.schar = n - 1;
  }
  std::string_view before = s;
  size_t comma = s.find(',');
  std::string_view opts = s.substr(0, comma);
  if (!set_ordering(opts, k, false)) return bad("stray character in field spec");
  s = comma == std::string_view::npos ? std::string_view() : before.substr(comma);
  if (!s.empty()) {
    s.remove_prefix(1);
    if (!parse_count(s, n)) return "invalid number after ',': invalid count at start of " + text::quote(s);
    if (n == 0) return bad("field number is zero");
    k.eword = n - 1;
    if (!s.empty() && s[0] == '.') {
      s.remove_prefix(1);
      if (!parse_count(s, n)) return "invalid number after '.': invalid count at start of " + text::quote(s);
      k.echar = n;
    }
    if (!set_ordering(s, k, true)) return bad("stray character in field spec");
  }
  return std::nullopt;
}

int run_sort(Invocation& inv) {
  ParsedArgs args;
  if (auto status = parse_args(inv, kSpec, args)) return *status;
  Sorter sorter;
  Key global;
  bool check = false, check_quiet = false;
  const std::string* output = nullptr;
  const std::string* random_source = nullptr;
  const std::string* files0 = nullptr;
  for (const ParsedOption& o : args.options) {
    switch (o.id) {
      case kIgnoreBlanks: global.skip_sblanks = global.skip_eblanks = true; break;
      case kDictionary: global.dictionary = true; break;
      case kFold: global.fold = true; break;
      case kGeneral: global.general = true; break;
      case kHuman: global.human = true; break;
      case kIgnoreNonprint: global.nonprinting = true; break;
      case kMonth: global.month = true; break;
      case kNumeric: global.numeric = true; break;
      case kRandom: global.random = true; break;
      case kRandomSource: random_source = &o.value; break;
      case kReverse: global.reverse = true; break;
      case kVersion: global.version = true; break;
      case kSortWord: {
        static const std::pair<const char*, char> kWords[] = {
            {"general-numeric", 'g'}, {"human-numeric", 'h'}, {"month", 'M'},
            {"numeric", 'n'}, {"random", 'R'}, {"version", 'V'}};
        char found = 0;
        int matches = 0;
        for (auto& [w, c] : kWords) {
          std::string_view word(w);
          if (word == o.value) { found = c; matches = 1; break; }
          if (!o.value.empty() && word.starts_with(o.value)) { found = c; ++matches; }
        }
        if (matches != 1) {
          inv.error(std::string(matches ? "ambiguous" : "invalid") + " argument " + text::quote(o.value) +
                    " for " + text::quote("--sort") +
                    "\nValid arguments are:\n  - " + text::quote("general-numeric") + "\n  - " +
                    text::quote("human-numeric") + "\n  - " + text::quote("month") + "\n  - " +
                    text::quote("numeric") + "\n  - " + text::quote("random") + "\n  - " + text::quote("version"));
          print_try_help(inv);
          return 1;
        }
        std::string_view one(&found, 1);
        set_ordering(one, global, false);
        break;
      }
      case kCheck:
        if (o.has_value && o.value != "diagnose-first" && o.value != "quiet" && o.value != "silent") {
          inv.error("invalid argument " + text::quote(o.value) + " for " + text::quote("--check") +
                    "\nValid arguments are:\n  - " + text::quote("quiet") + ", " + text::quote("silent") +
                    "\n  - " + text::quote("diagnose-first"));
          print_try_help(inv);
          return 1;
        }
        check = true;
        if (o.has_value && o.value != "diagnose-first") check_quiet = true;
        break;
      case kCheckQuiet: check = check_quiet = true; break;
      case kKey: {
        Key k;
        if (auto err = parse_key(o.value, k)) {
          inv.error(*err);
          return 2;
        }
        sorter.keys.push_back(k);
        break;
      }
      case kOutput:
        if (output && *output != o.value) {
          inv.error("multiple output files specified");
          return 2;
        }
        output = &o.value;
        break;
      case kStable: sorter.stable = true; break;
      case kBufferSize: {
        uint64_t v;
        std::string val = o.value;
        if (!val.empty() && std::isdigit(static_cast<unsigned char>(val.back()))) val += 'K';
        if (!val.empty() && val.back() == '%') val.pop_back();
        if (text::parse_size(val, v, "bkKmMGTPEZY") != text::NumResult::kOk) {
          inv.error("invalid -S argument " + text::quoteaf(o.value));
          return 2;
        }
        break;
      }
      case kFieldSep: {
        int t;
        if (o.value.empty()) {
          inv.error("empty tab");
          return 2;
        }
        if (o.value.size() == 1) t = static_cast<unsigned char>(o.value[0]);
        else if (o.value == "\\0") t = 0;
        else {
          inv.error("multi-character tab " + text::quote(o.value));
          return 2;
        }
        if (sorter.tab >= 0 && sorter.tab != t) {
          inv.error("incompatible tabs");
          return 2;
        }
        sorter.tab = t;
        break;
      }
      case kParallel: {
        uint64_t v;
        auto r = text::parse_size(o.value, v, "");
        if (r == text::NumResult::kInvalid) {
          inv.error("invalid number after '--parallel': invalid count at start of " + text::quote(o.value));
          return 2;
        }
        if (v == 0) {
          inv.error("number in parallel must be nonzero");
          return 2;
        }
        break;
      }
      case kUnique: sorter.unique = true; break;
      case kZero: sorter.delim = '\0'; break;
      case kFiles0: files0 = &o.value; break;
      default: break;
    }
  }
  // Keys without their own ordering options inherit the global ones.
  for (Key& k : sorter.keys) {
    if (!k.has_ordering()) {
      bool sb = k.skip_sblanks, eb = k.skip_eblanks;
      size_t sw = k.sword, sc = k.schar, ew = k.eword, ec = k.echar;
      k = global;
      k.sword = sw, k.schar = sc, k.eword = ew, k.echar = ec;
      (void)sb, (void)eb;
    }
  }
  bool global_has = global.has_ordering() && !(global.reverse && !global.skip_sblanks && !global.dictionary &&
                                               !global.nonprinting && !global.fold && !global.numeric &&
                                               !global.general && !global.human && !global.month &&
                                               !global.random && !global.version);
  if (sorter.keys.empty() && global_has) {
    Key k = global;
    k.sword = 0;
    k.schar = 0;
    k.eword = SIZE_MAX;
    sorter.keys.push_back(k);
  }
  sorter.reverse = global.reverse;
  for (const Key& k : sorter.keys) {
    if (k.incompatible()) {
      inv.error("options '-" + k.opts() + "' are incompatible");
      return 2;
    }
  }
  bool any_random = global.random;
  for (const Key& k : sorter.keys) any_random |= k.random;
  if (any_random) {
    if (random_source) {
      text::Input rs;
      if (vfs::Error err = text::open_input(inv, *random_source, rs)) {
        inv.error(text::quotef(*random_source) + ": " + vfs::error_text(err));
        return 2;
      }
      char buf[64];
      size_t got = rs.in->read(buf, sizeof buf);
      for (size_t i = 0; i < got; ++i) sorter.salt = (sorter.salt * 131) ^ static_cast<unsigned char>(buf[i]);
    } else {
      sorter.salt = std::random_device{}() | (static_cast<uint64_t>(std::random_device{}()) << 32);
    }
  }

  std::vector<std::string> names = args.operands;
  if (files0) {
    if (!names.empty()) {
      inv.error("extra operand " + text::quoteaf(names[0]) + "\nfile operands cannot be combined with --files0-from");
      print_try_help(inv);
      return 2;
    }
    text::Input list;
    if (vfs::Error err = text::open_input(inv, *files0, list)) {
      inv.error("open failed: " + text::quotef(*files0) + ": " + vfs::error_text(err));
      return 2;
    }
    std::string name;
    while (list.in->read_line(name, '\0')) names.push_back(name);
  }
  if (names.empty()) names.push_back("-");
  if (check && names.size() > 1) {
    inv.error("extra operand " + text::quoteaf(names[1]) + " not allowed with -" + (check_quiet ? "C" : "c"));
    return 2;
  }

  // Read every input into one buffer; lines point into it.
  std::string data;
  std::vector<size_t> file_ends;
  for (const std::string& name : names) {
    if (inv.cancelled()) return 130;
    text::Input in;
    if (vfs::Error err = text::open_input(inv, name, in)) {
      inv.error("cannot read: " + text::quotef(name) + ": " + vfs::error_text(err));
      return 2;
    }
    vfs::Stat st;
    if (!in.is_stdin && in.file && !in.file->stat(st) && S_ISREG(st.mode)) data.reserve(data.size() + st.size + 1);
    vfs::Error err;
    size_t before = data.size();
    for (;;) {
      size_t old = data.size();
      data.resize(old + 65536);
      size_t got = text::read_block(in, data.data() + old, 65536, err);
      data.resize(old + got);
      if (err || got == 0) break;
      if (inv.cancelled()) return 130;
    }
    if (err) {
      inv.error("read failed: " + text::quotef(name) + ": " + vfs::error_text(err));
      return 2;
    }
    if (data.size() > before && data.back() != sorter.delim) data += sorter.delim;
    file_ends.push_back(data.size());
  }
  std::vector<Line> lines;
  {
    const char* p = data.data();
    const char* end = p + data.size();
    while (p < end) {
      const char* nl = static_cast<const char*>(std::memchr(p, sorter.delim, end - p));
      size_t n = nl - p;
      lines.push_back(Line{p, n, make_prefix(p, n)});
      p = nl + 1;
    }
  }
  std::vector<KeyCache> key_cache;
  if (!sorter.keys.empty()) {
    size_t nk = sorter.keys.size();
    key_cache.resize(lines.size() * nk);
    for (size_t i = 0; i < lines.size(); ++i) {
      std::string_view line(lines[i].p, lines[i].n);
      KeyCache* kc = &key_cache[i * nk];
      for (size_t k = 0; k < nk; ++k) {
        std::string_view t = sorter.key_text(sorter.keys[k], line);
        kc[k].p = t.data();
        kc[k].n = t.size();
        if (sorter.keys[k].numeric) kc[k].num = text::scan_numeric(t);
      }
      lines[i].keys = kc;
    }
  }

  if (check) {
    for (size_t i = 1; i < lines.size(); ++i) {
      int d = sorter.compare(lines[i - 1], lines[i]);
      if (d > 0 || (sorter.unique && d == 0)) {
        if (!check_quiet) {
          inv.out().flush();
          OutStream& e = inv.err();
          e << inv.name() << ": " << names[0] << ":" << static_cast<long long>(i + 1) << ": disorder: ";
          e.write(lines[i].p, lines[i].n);
          e << "\n";
          e.flush();
        }
        return 1;
      }
    }
    return 0;
  }

  auto less = [&](const Line& a, const Line& b) { return sorter.compare(a, b) < 0; };
  // Two threads for large inputs, as GNU sort uses several: sort the halves
  // concurrently, then merge (stable: the first half wins ties).
  if (lines.size() >= 100000) {
    auto mid = lines.begin() + lines.size() / 2;
    std::thread first([&] { std::stable_sort(lines.begin(), mid, less); });
    std::stable_sort(mid, lines.end(), less);
    first.join();
    std::inplace_merge(lines.begin(), mid, lines.end(), less);
  } else {
    std::stable_sort(lines.begin(), lines.end(), less);
  }

  std::unique_ptr<OutStream> file_out;
  OutStream* out = &inv.out();
  if (output) {
    vfs::FilePtr f;
    vfs::Error err = inv.fs ? inv.fs->open(inv.path(*output), O_WRONLY | O_CREAT | O_TRUNC, 0666, f)
                            : vfs::make_error(ENOENT);
    if (err) {
      inv.error("open failed: " + text::quotef(*output) + ": " + vfs::error_text(err));
      return 2;
    }
    file_out = std::make_unique<OutStream>(f);
    out = file_out.get();
  }
  const Line* prev = nullptr;
  for (const Line& l : lines) {
    if (sorter.unique && prev && sorter.compare(*prev, l) == 0) continue;
    out->write(l.p, l.n);
    out->put(sorter.delim);
    prev = &l;
    if (!out->ok()) break;
  }
  out->flush();
  if (!out->ok() && !out->broken_pipe()) {
    inv.error("write failed: " + (output ? text::quotef(*output) : std::string("'standard output'")) + ": " +
              vfs::error_text(out->error()));
    return 2;
  }
  return 0;
}

}  // namespace

BURROW_COMMAND(sort, "sort lines of text files", run_sort);

}  // namespace burrow
