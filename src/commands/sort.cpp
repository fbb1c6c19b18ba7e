// sort: sort lines of text files (GNU coreutils 9.1, C/C.UTF-8 collation,
// which is byte order).
//
// Inputs larger than the memory buffer (-S, 64 MiB by default) are sorted a
// chunk at a time; each sorted chunk becomes a run file in the temporary
// directory (-T, $TMPDIR, /tmp) of the sandbox's own filesystem, and the runs
// are merged at most --batch-size at a time. Run files count against the
// session's filesystem quota like any other file and are removed on every
// exit path.
#include <algorithm>
#include <bit>
#include <cstring>
#include <random>
#include <thread>

#include <unistd.h>

#include "commands/args.h"
#include "commands/text/common.h"
#include "commands/text/compare.h"
#include "commands/text/count_byte.h"

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
  // Every key, located once (keys.size() entries). No default member
  // initialiser: a trivial Line lets stable_sort take its scratch buffer
  // without constructing it element by element.
  const struct KeyCache* keys;
};

// A key located once per line. `rank` alone orders most pairs: for plain
// byte-order keys it holds the first 8 bytes, for -n keys the sign, the
// number of integer digits and the first 12 significant digits; `exact` says
// that equal ranks mean equal -n keys. Trivially constructible, so a chunk's
// keys are allocated without being cleared first.
struct KeyCache {
  const char* p;
  size_t n;
  uint64_t rank;
  bool exact;
};

// How a key compares: by bytes, as a -n number, or by anything else.
enum class KeyKind : uint8_t { kBytes, kNumeric, kOther };

KeyKind kind_of(const Key& k) {
  if (k.numeric) return KeyKind::kNumeric;
  if (k.dictionary || k.nonprinting || k.fold || k.general || k.human || k.month || k.random || k.version)
    return KeyKind::kOther;
  return KeyKind::kBytes;
}

uint64_t make_prefix(const char* p, size_t n);

// Sign, digit count and leading digits of a -n key, as an unsigned number
// that orders like the key whenever two ranks differ.
uint64_t numeric_rank(const text::NumericKey& num, bool& exact) {
  uint64_t digits = 0;
  int used = 0;
  for (uint32_t i = 0; i < num.integer_len && used < 12; ++i, ++used)
    digits = (digits << 4) | static_cast<uint64_t>(num.integer[i] - '0');
  for (uint32_t i = 0; i < num.fraction_len && used < 12; ++i, ++used)
    digits = (digits << 4) | static_cast<uint64_t>(num.fraction[i] - '0');
  digits <<= 4 * (12 - used);
  uint64_t length = std::min<uint64_t>(num.integer_len, 0x7fff);
  exact = num.integer_len < 0x7fff && uint64_t{num.integer_len} + num.fraction_len <= 12;
  uint64_t magnitude = (length << 48) | digits;
  constexpr uint64_t kSign = uint64_t{1} << 63;
  return num.negative ? ~magnitude & ~kSign : magnitude | kSign;
}

struct Sorter {
  std::vector<Key> keys;
  std::vector<KeyKind> kinds;  // one per key, set by prepare()
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

  void prepare() {
    kinds.clear();
    for (const Key& k : keys) kinds.push_back(kind_of(k));
  }

  // Locates every key of `line` once, into kc[0..keys.size()).
  void fill_keys(Line& line, KeyCache* kc) const {
    std::string_view text(line.p, line.n);
    for (size_t k = 0; k < keys.size(); ++k) {
      std::string_view t = key_text(keys[k], text);
      kc[k].p = t.data();
      kc[k].n = t.size();
      kc[k].exact = false;
      switch (kinds[k]) {
        case KeyKind::kNumeric: kc[k].rank = numeric_rank(text::scan_numeric(t), kc[k].exact); break;
        case KeyKind::kBytes: kc[k].rank = make_prefix(t.data(), t.size()); break;
        case KeyKind::kOther: kc[k].rank = 0; break;
      }
    }
    line.keys = kc;
  }

  static int compare_bytes(const char* a, size_t an, const char* b, size_t bn) {
    size_t n = std::min(an, bn);
    int c = n ? std::memcmp(a, b, n) : 0;
    if (c) return c;
    return an < bn ? -1 : an > bn;
  }

  int compare(const Line& x, const Line& y) const {
    std::string_view a(x.p, x.n), b(y.p, y.n);
    if (!keys.empty()) {
      for (size_t i = 0; i < keys.size(); ++i) {
        const Key& k = keys[i];
        const KeyCache& kx = x.keys[i];
        const KeyCache& ky = y.keys[i];
        int d;
        if (kinds[i] != KeyKind::kOther) {
          if (kx.rank != ky.rank) {
            d = kx.rank < ky.rank ? -1 : 1;
          } else if (kinds[i] == KeyKind::kBytes) {
            d = kx.n <= 8 && ky.n <= 8 && kx.n == ky.n ? 0 : compare_bytes(kx.p, kx.n, ky.p, ky.n);
          } else if (kx.exact && ky.exact) {
            d = 0;
          } else {
            d = text::compare_numeric_keys(text::scan_numeric(std::string_view(kx.p, kx.n)),
                                           text::scan_numeric(std::string_view(ky.p, ky.n)));
          }
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
  uint64_t v;
  std::memcpy(&v, b, 8);
  if constexpr (std::endian::native == std::endian::little) v = __builtin_bswap64(v);
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

// Memory budget of one in-memory chunk (text, line records and located keys)
// when -S is not given: a 50 MB log sorted on two keys still fits, as it
// would in GNU's memory-sized buffer.
constexpr uint64_t kDefaultBuffer = 128ull << 20;
// -S never goes above this, nor below the floor: the sandbox's server holds
// thousands of sessions, and one line per run file helps nobody.
constexpr uint64_t kMaxBuffer = 1ull << 30;
constexpr uint64_t kMinBuffer = 1024;
// GNU's default --batch-size, and the largest it accepts with our fd limit.
constexpr size_t kDefaultBatch = 16;
constexpr size_t kMaxBatch = 1021;

// The run files this sort created; every one still present is removed when
// the sort ends, whichever way it ends (error, cancellation, broken pipe).
class TempFiles {
 public:
  TempFiles(Invocation& inv, std::vector<std::string> dirs) : inv_(inv), dirs_(std::move(dirs)) {}
  TempFiles(const TempFiles&) = delete;
  TempFiles& operator=(const TempFiles&) = delete;
  ~TempFiles() {
    for (const std::string& path : live_) remove_file(path);
  }

  // Creates a fresh run file, as mkstemp would, in the next temporary
  // directory (several -T directories are used in turn). On failure reports
  // GNU's message and returns false.
  bool create(std::string& display, vfs::FilePtr& file) {
    const std::string& dir = dirs_[next_dir_++ % dirs_.size()];
    static constexpr char kChars[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    vfs::Error err = vfs::make_error(ENOENT);
    for (int attempt = 0; attempt < 100; ++attempt) {
      std::string name = dir;
      if (name.empty() || name.back() != '/') name += '/';
      name += "sort";
      for (int i = 0; i < 6; ++i) name += kChars[rng_() % (sizeof kChars - 1)];
      if (!inv_.fs) break;
      std::string path = inv_.path(name);
      err = inv_.fs->open(path, O_RDWR | O_CREAT | O_EXCL, 0600, file);
      if (!err) {
        live_.push_back(path);
        display = name;
        return true;
      }
      if (err.value() != EEXIST) break;
    }
    inv_.error("cannot create temporary file in " + text::quoteaf(dir) + ": " + vfs::error_text(err));
    return false;
  }

  // Removes a run file that a merge pass has consumed.
  void release(const std::string& display) {
    std::string path = inv_.path(display);
    auto it = std::find(live_.begin(), live_.end(), path);
    if (it == live_.end()) return;
    remove_file(path);
    live_.erase(it);
  }

 private:
  void remove_file(const std::string& path) {
    if (inv_.fs) inv_.fs->unlink(path);
  }

  Invocation& inv_;
  std::vector<std::string> dirs_;
  size_t next_dir_ = 0;
  std::vector<std::string> live_;
  std::mt19937_64 rng_{std::random_device{}()};
};

// The text of one chunk. Unlike std::string it does not clear the bytes it
// grows by: input is read straight into them, so a 50 MB input is written
// once, not zeroed first and copied again on every doubling.
class TextBuffer {
 public:
  const char* data() const { return data_.get(); }
  size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  void clear() { size_ = 0; }
  void truncate(size_t n) { size_ = std::min(size_, n); }
  void release() {
    data_.reset();
    size_ = capacity_ = 0;
  }
  void reserve(size_t n) {
    if (n <= capacity_) return;
    auto bigger = std::make_unique_for_overwrite<char[]>(n);
    if (size_) std::memcpy(bigger.get(), data_.get(), size_);
    data_ = std::move(bigger);
    capacity_ = n;
  }
  // Room for at least one more byte, up to `want`, after the contents.
  char* spare(size_t want, size_t& room) {
    if (capacity_ == size_) reserve(std::max(size_ + want, capacity_ * 2));
    room = std::min(want, capacity_ - size_);
    return data_.get() + size_;
  }
  void commit(size_t n) { size_ += n; }
  void append(const char* p, size_t n) {
    if (capacity_ - size_ < n) reserve(std::max(size_ + n, capacity_ * 2));
    if (n) std::memcpy(data_.get() + size_, p, n);
    size_ += n;
  }

 private:
  std::unique_ptr<char[]> data_;
  size_t size_ = 0, capacity_ = 0;
};

// Reads the inputs in turn and hands them out as chunks of whole lines that
// fit a memory budget; a line that does not fit alone still makes a chunk.
class InputChunks {
 public:
  InputChunks(Invocation& inv, const std::vector<std::string>& names, char delim)
      : inv_(inv), names_(names), delim_(delim) {}

  // Replaces `data` with the next chunk: whole lines, each ending in the
  // delimiter (added after a last line that lacks it, as GNU does). `more`
  // says whether input is left. Returns 0, or an exit status after an error.
  int next(TextBuffer& data, uint64_t budget, size_t per_line, bool& more) {
    data.clear();
    data.append(carry_.data(), carry_.size());
    carry_.clear();
    uint64_t& lines = lines_;
    lines = count_delims(data.data(), data.size());
    more = true;
    for (;;) {
      if (inv_.cancelled()) return 130;
      if (!current_) {
        if (index_ == names_.size()) {
          more = false;
          return 0;
        }
        const std::string& name = names_[index_++];
        current_ = std::make_unique<text::Input>();
        if (vfs::Error err = text::open_input(inv_, name, *current_)) {
          inv_.error("cannot read: " + text::quotef(name) + ": " + vfs::error_text(err));
          return 2;
        }
        got_any_ = false;
        vfs::Stat st;
        if (!current_->is_stdin && current_->file && !current_->file->stat(st) && S_ISREG(st.mode))
          data.reserve(data.size() + std::min<uint64_t>(st.size + 1, std::max<uint64_t>(budget, budget + kBlock)));
      }
      size_t old = data.size(), room;
      char* spare = data.spare(kBlock, room);
      vfs::Error err;
      size_t got = text::read_block(*current_, spare, room, err);
      data.commit(got);
      if (err) {
        inv_.error("read failed: " + text::quotef(current_->name) + ": " + vfs::error_text(err));
        return 2;
      }
      if (got == 0) {
        if (got_any_ && last_byte_ != delim_) {
          data.append(&delim_, 1);
          ++lines;
        }
        current_.reset();
        continue;
      }
      got_any_ = true;
      last_byte_ = data.data()[data.size() - 1];
      lines += count_delims(data.data() + old, got);
      if (data.size() + lines * per_line >= budget) {
        const char* last = static_cast<const char*>(memrchr(data.data(), delim_, data.size()));
        if (last) {
          size_t keep = last + 1 - data.data();
          carry_.assign(data.data() + keep, data.size() - keep);
          data.truncate(keep);
          // A chunk ending exactly at the end of input still reports more;
          // the next call then finds nothing left.
          return 0;
        }
      }
    }
  }

  // Lines in the chunk last returned.
  size_t lines() const { return static_cast<size_t>(lines_); }

 private:
  static constexpr size_t kBlock = 65536;

  uint64_t count_delims(const char* p, size_t n) const { return text::count_byte(p, n, delim_); }

  Invocation& inv_;
  const std::vector<std::string>& names_;
  char delim_;
  size_t index_ = 0;
  std::unique_ptr<text::Input> current_;
  bool got_any_ = false;  // the current file's last byte, to end a last line
  char last_byte_ = 0;
  std::string carry_;
  uint64_t lines_ = 0;
};

// One chunk's lines; they point into the chunk's text.
struct SortedChunk {
  std::vector<Line> lines;
  // Located keys, keys.size() per line; left uninitialised until filled.
  std::unique_ptr<KeyCache[]> key_cache;
  size_t key_capacity = 0;
};

// Splits a chunk into lines (line_count is a hint) and locates their keys.
void split_chunk(const Sorter& sorter, const TextBuffer& data, size_t line_count, SortedChunk& chunk) {
  std::vector<Line>& lines = chunk.lines;
  lines.clear();
  lines.reserve(line_count);
  const char* p = data.data();
  const char* end = p + data.size();
  while (p < end) {
    const char* nl = static_cast<const char*>(std::memchr(p, sorter.delim, end - p));
    size_t n = nl - p;
    lines.push_back(Line{p, n, make_prefix(p, n)});
    p = nl + 1;
  }
  size_t nk = sorter.keys.size();
  if (nk && chunk.key_capacity < lines.size() * nk) {
    chunk.key_cache.reset();
    chunk.key_capacity = lines.size() * nk;
    chunk.key_cache = std::make_unique_for_overwrite<KeyCache[]>(chunk.key_capacity);
  }
}

// Locates the keys of lines [from, to) and sorts them.
void sort_range(const Sorter& sorter, SortedChunk& chunk, size_t from, size_t to) {
  size_t nk = sorter.keys.size();
  if (nk)
    for (size_t i = from; i < to; ++i) sorter.fill_keys(chunk.lines[i], &chunk.key_cache[i * nk]);
  std::stable_sort(chunk.lines.begin() + from, chunk.lines.begin() + to,
                   [&](const Line& a, const Line& b) { return sorter.compare(a, b) < 0; });
}

void sort_chunk(const Sorter& sorter, const TextBuffer& data, size_t line_count, SortedChunk& chunk) {
  split_chunk(sorter, data, line_count, chunk);
  std::vector<Line>& lines = chunk.lines;
  // Two threads for large inputs, as GNU sort uses several: each locates the
  // keys of its half and sorts it, then the halves are merged (stable: the
  // first half wins ties).
  if (lines.size() >= 100000) {
    size_t mid = lines.size() / 2;
    std::thread first([&] { sort_range(sorter, chunk, 0, mid); });
    sort_range(sorter, chunk, mid, lines.size());
    first.join();
    std::inplace_merge(lines.begin(), lines.begin() + mid, lines.end(),
                       [&](const Line& a, const Line& b) { return sorter.compare(a, b) < 0; });
  } else {
    sort_range(sorter, chunk, 0, lines.size());
  }
}

// Writes sorted lines, only the first of each equal run under -u.
void write_lines(const Sorter& sorter, const std::vector<Line>& lines, OutStream& out) {
  const Line* prev = nullptr;
  for (const Line& l : lines) {
    if (sorter.unique && prev && sorter.compare(*prev, l) == 0) continue;
    out.write(l.p, l.n);
    out.put(sorter.delim);
    prev = &l;
    if (!out.ok()) break;
  }
}

// A sorted stream of lines for the merge: a run file or, under -m, an input.
struct MergeSource {
  std::string name;  // as messages show it
  text::Input input;
  std::string text;  // the current line
  Line line{nullptr, 0, 0};
  std::vector<KeyCache> keys;

  // Moves to the next line; false at the end or on a read error.
  bool advance(const Sorter& sorter, vfs::Error& err) {
    if (input.is_dir) {
      err = vfs::make_error(EISDIR);
      return false;
    }
    if (!input.in->read_line(text, sorter.delim)) {
      if (!input.in->ok()) err = input.in->error();
      return false;
    }
    line = Line{text.data(), text.size(), make_prefix(text.data(), text.size())};
    if (!sorter.keys.empty()) {
      keys.resize(sorter.keys.size());
      sorter.fill_keys(line, keys.data());
    }
    return true;
  }
};

class Merger {
 public:
  Merger(Invocation& inv, const Sorter& sorter, TempFiles& temps, size_t batch)
      : inv_(inv), sorter_(sorter), temps_(temps), batch_(batch) {}

  // A file to merge: an input operand or a run file.
  struct Part {
    std::string operand;
    bool temporary = false;
  };

  // Merges the parts into `target`, batch_ at a time through intermediate run
  // files when there are more. Returns 0 or an exit status (reported).
  int merge_all(std::vector<Part> parts, OutStream& out) {
    while (parts.size() > batch_) {
      std::vector<Part> next;
      size_t i = 0;
      for (; i + batch_ <= parts.size(); i += batch_) {
        std::vector<Part> group(parts.begin() + i, parts.begin() + i + batch_);
        Part run;
        run.temporary = true;
        if (int status = merge_to_run(group, run.operand)) return status;
        next.push_back(std::move(run));
      }
      next.insert(next.end(), parts.begin() + i, parts.end());
      parts = std::move(next);
    }
    return merge(parts, out);
  }

  // Writes a group's merge to a new run file named `display`.
  int merge_to_run(const std::vector<Part>& group, std::string& display) {
    vfs::FilePtr file;
    if (!temps_.create(display, file)) return 2;
    OutStream out(file);
    if (int status = merge(group, out)) return status;
    return finish_run(out, file, display);
  }

  // Flushes and closes a run file, reporting a failed write as GNU does.
  int finish_run(OutStream& out, vfs::FilePtr& file, const std::string& display) {
    out.flush();
    vfs::Error err = out.ok() ? file->close() : out.error();
    if (err) {
      inv_.error("write failed: " + text::quotef(display) + ": " + vfs::error_text(err));
      return 2;
    }
    return 0;
  }

 private:
  int merge(const std::vector<Part>& parts, OutStream& out) {
    std::vector<std::unique_ptr<MergeSource>> sources;
    // Many sources at once share a megabyte of read buffers.
    size_t buffer = std::clamp<size_t>((size_t{1} << 20) / std::max<size_t>(parts.size(), 1), 4096, 65536);
    for (const Part& part : parts) {
      auto src = std::make_unique<MergeSource>();
      src->name = part.operand;
      if (vfs::Error err = text::open_input(inv_, part.operand, src->input)) {
        inv_.error((part.temporary ? "cannot read: " : "open failed: ") + text::quotef(part.operand) + ": " +
                   vfs::error_text(err));
        return 2;
      }
      if (!src->input.is_stdin) {
        src->input.owned = std::make_unique<InStream>(src->input.file, buffer);
        src->input.in = src->input.owned.get();
      }
      sources.push_back(std::move(src));
    }
    // A heap of source indices; ties go to the earlier source, which keeps
    // the merge stable.
    std::vector<size_t> heap;
    auto before = [&](size_t a, size_t b) {
      int d = sorter_.compare(sources[a]->line, sources[b]->line);
      return d < 0 || (d == 0 && a < b);
    };
    auto sift_down = [&](size_t i) {
      for (;;) {
        size_t l = 2 * i + 1, r = l + 1, m = i;
        if (l < heap.size() && before(heap[l], heap[m])) m = l;
        if (r < heap.size() && before(heap[r], heap[m])) m = r;
        if (m == i) return;
        std::swap(heap[i], heap[m]);
        i = m;
      }
    };
    for (size_t i = 0; i < sources.size(); ++i) {
      vfs::Error err;
      if (sources[i]->advance(sorter_, err)) heap.push_back(i);
      else if (err) return read_failed(*sources[i], err);
    }
    for (size_t i = heap.size() / 2; i-- > 0;) sift_down(i);

    std::string saved_text;  // under -u, the last line written
    Line saved{nullptr, 0, 0};
    std::vector<KeyCache> saved_keys(sorter_.keys.size());
    bool have_saved = false;
    uint64_t count = 0;
    while (!heap.empty()) {
      MergeSource& src = *sources[heap[0]];
      if (!sorter_.unique || !have_saved || sorter_.compare(saved, src.line) != 0) {
        out.write(src.line.p, src.line.n);
        out.put(sorter_.delim);
        if (sorter_.unique) {
          saved_text.assign(src.line.p, src.line.n);
          saved = Line{saved_text.data(), saved_text.size(), src.line.prefix};
          if (!sorter_.keys.empty()) sorter_.fill_keys(saved, saved_keys.data());
          have_saved = true;
        }
      }
      vfs::Error err;
      if (!src.advance(sorter_, err)) {
        if (err) return read_failed(src, err);
        heap[0] = heap.back();
        heap.pop_back();
      }
      if (!heap.empty()) sift_down(0);
      if (++count % 4096 == 0) {
        if (inv_.cancelled()) return 130;
        if (!out.ok()) break;
      }
    }
    for (auto& src : sources) {
      if (src->input.is_stdin) continue;
      src->input.owned.reset();
      src->input.file.reset();
    }
    for (const Part& part : parts)
      if (part.temporary) temps_.release(part.operand);
    return 0;
  }

  int read_failed(const MergeSource& src, vfs::Error err) {
    inv_.error("read failed: " + text::quotef(src.name) + ": " + vfs::error_text(err));
    return 2;
  }

  Invocation& inv_;
  const Sorter& sorter_;
  TempFiles& temps_;
  size_t batch_;
};

// Copies an input that is also the -o file into a run file first, as GNU
// does, so that truncating the output cannot eat input not yet merged.
int copy_to_run(Invocation& inv, const std::string& operand, TempFiles& temps, Merger& merger,
                std::string& display) {
  text::Input in;
  if (vfs::Error err = text::open_input(inv, operand, in)) {
    inv.error("open failed: " + text::quotef(operand) + ": " + vfs::error_text(err));
    return 2;
  }
  vfs::FilePtr file;
  if (!temps.create(display, file)) return 2;
  OutStream out(file);
  char buf[65536];
  for (;;) {
    vfs::Error err;
    size_t got = text::read_block(in, buf, sizeof buf, err);
    if (err) {
      inv.error("read failed: " + text::quotef(operand) + ": " + vfs::error_text(err));
      return 2;
    }
    if (got == 0) break;
    out.write(buf, got);
    if (!out.ok()) break;
  }
  return merger.finish_run(out, file, display);
}

// GNU's -S SIZE: KiB by default; a one-letter suffix b (bytes), % (of
// physical memory) or K M G T P E Z Y (also k m g t). Returns the message
// for a bad size, empty when `bytes` is set.
std::string parse_buffer_size(std::string_view s, uint64_t& bytes) {
  std::string_view arg = s;
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s[0]))) s.remove_prefix(1);
  if (!s.empty() && s[0] == '-') return "invalid -S argument " + text::quoteaf(arg);
  if (!s.empty() && s[0] == '+') s.remove_prefix(1);
  static constexpr std::string_view kPowers = "kKmMgGtTPEZY";
  unsigned __int128 value = 0;
  bool overflow = false;
  size_t i = 0;
  for (; i < s.size() && s[i] >= '0' && s[i] <= '9'; ++i) {
    value = value * 10 + (s[i] - '0');
    if (value > UINT64_MAX) overflow = true, value = UINT64_MAX;
  }
  std::string_view suffix = s.substr(i);
  if (i == 0) {
    if (suffix.empty() || kPowers.find(suffix[0]) == std::string_view::npos) return "invalid -S argument " + text::quoteaf(arg);
    value = 1;
  }
  if (suffix.size() > 1) return "invalid suffix in -S argument " + text::quoteaf(arg);
  if (suffix.empty()) {
    value *= 1024;
  } else if (suffix[0] == '%') {
    long pages = sysconf(_SC_PHYS_PAGES), page = sysconf(_SC_PAGESIZE);
    unsigned __int128 memory = pages > 0 && page > 0 ? static_cast<unsigned __int128>(pages) * page : kMaxBuffer;
    value = memory * value / 100;
  } else if (suffix[0] != 'b') {
    int power;
    switch (suffix[0]) {
      case 'k': case 'K': power = 1; break;
      case 'm': case 'M': power = 2; break;
      case 'g': case 'G': power = 3; break;
      case 't': case 'T': power = 4; break;
      case 'P': power = 5; break;
      case 'E': power = 6; break;
      case 'Z': power = 7; break;
      case 'Y': power = 8; break;
      default: return "invalid suffix in -S argument " + text::quoteaf(arg);
    }
    while (power--) {
      value *= 1024;
      if (value > UINT64_MAX) overflow = true, value = UINT64_MAX;
    }
  }
  if (overflow || value > UINT64_MAX) return "-S argument " + text::quoteaf(arg) + " too large";
  bytes = static_cast<uint64_t>(value);
  return {};
}

// --batch-size=NMERGE: a plain number from 2 to kMaxBatch.
std::string parse_batch_size(std::string_view s, size_t& batch) {
  std::string_view arg = s;
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s[0]))) s.remove_prefix(1);
  if (!s.empty() && s[0] == '+') s.remove_prefix(1);
  size_t i = 0;
  unsigned __int128 value = 0;
  for (; i < s.size() && s[i] >= '0' && s[i] <= '9'; ++i) {
    value = value * 10 + (s[i] - '0');
    if (value > UINT64_MAX) value = UINT64_MAX;
  }
  if (i == 0) return "invalid --batch-size argument " + text::quoteaf(arg);
  if (i < s.size()) return "invalid suffix in --batch-size argument " + text::quoteaf(arg);
  if (value < 2)
    return "invalid --batch-size argument " + text::quote(arg) + "\n" + "sort: minimum --batch-size argument is " +
           text::quote("2");
  if (value > kMaxBatch)
    return "--batch-size argument " + text::quote(arg) + " too large\n" +
           "sort: maximum --batch-size argument with current rlimit is " + std::to_string(kMaxBatch);
  batch = static_cast<size_t>(value);
  return {};
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
  uint64_t buffer = kDefaultBuffer;
  size_t batch = kDefaultBatch;
  std::vector<std::string> temp_dirs;
  bool merge_only = false;
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
        std::string bad = parse_buffer_size(o.value, buffer);
        if (!bad.empty()) {
          inv.error(bad);
          return 2;
        }
        break;
      }
      case kTempDir: temp_dirs.push_back(o.value); break;
      case kBatch: {
        std::string bad = parse_batch_size(o.value, batch);
        if (!bad.empty()) {
          inv.error(bad);
          return 2;
        }
        break;
      }
      case kMerge: merge_only = true; break;
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
  sorter.prepare();
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

  if (temp_dirs.empty()) {
    std::string tmpdir = inv.getenv("TMPDIR");
    temp_dirs.push_back(tmpdir.empty() ? "/tmp" : tmpdir);
  }
  buffer = std::clamp(buffer, kMinBuffer, kMaxBuffer);
  TempFiles temps(inv, temp_dirs);
  Merger merger(inv, sorter, temps, batch);
  InputChunks chunks(inv, names, sorter.delim);
  TextBuffer data;
  SortedChunk chunk;
  bool more = false;

  if (check) {
    // -c reads everything: the first disorder needs its line number.
    if (int status = chunks.next(data, UINT64_MAX, 0, more)) return status;
    split_chunk(sorter, data, chunks.lines(), chunk);
    std::vector<Line>& lines = chunk.lines;
    size_t nk = sorter.keys.size();
    if (nk)
      for (size_t i = 0; i < lines.size(); ++i) sorter.fill_keys(lines[i], &chunk.key_cache[i * nk]);
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

  std::vector<Merger::Part> parts;
  if (merge_only) {
    // -m streams the inputs; one that is also the -o file is copied first.
    vfs::Stat out_st;
    bool out_exists = output && inv.fs && !inv.fs->stat(inv.path(*output), out_st);
    for (const std::string& name : names) {
      Merger::Part part{name, false};
      vfs::Stat st;
      if (out_exists && name != "-" && !inv.fs->stat(inv.path(name), st) && st.dev == out_st.dev &&
          st.ino == out_st.ino) {
        if (int status = copy_to_run(inv, name, temps, merger, part.operand)) return status;
        part.temporary = true;
      }
      parts.push_back(std::move(part));
    }
  } else {
    size_t per_line = sizeof(Line) + sorter.keys.size() * sizeof(KeyCache);
    auto write_run = [&]() -> int {
      sort_chunk(sorter, data, chunks.lines(), chunk);
      if (inv.cancelled()) return 130;
      std::string display;
      vfs::FilePtr file;
      if (!temps.create(display, file)) return 2;
      OutStream run(file);
      write_lines(sorter, chunk.lines, run);
      if (int status = merger.finish_run(run, file, display)) return status;
      parts.push_back(Merger::Part{display, true});
      return 0;
    };
    if (int status = chunks.next(data, buffer, per_line, more)) return status;
    // Input beyond the buffer: every chunk becomes a sorted run file.
    bool spilled = more;
    while (more) {
      if (int status = write_run()) return status;
      if (int status = chunks.next(data, buffer, per_line, more)) return status;
    }
    if (!spilled) {
      sort_chunk(sorter, data, chunks.lines(), chunk);
    } else {
      if (!data.empty())
        if (int status = write_run()) return status;
      data.release();
      std::vector<Line>().swap(chunk.lines);
      chunk.key_cache.reset();
      chunk.key_capacity = 0;
    }
  }
  if (inv.cancelled()) return 130;

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
  if (merge_only || !parts.empty()) {
    if (int status = merger.merge_all(std::move(parts), *out)) return status;
  } else {
    write_lines(sorter, chunk.lines, *out);
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
