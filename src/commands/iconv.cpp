// iconv: convert text between character encodings, as glibc 2.36's iconv
// program does for the encodings agents meet in practice: UTF-8, ASCII,
// ISO-8859-1, ISO-8859-15, Windows-1252 and UTF-16/32. The tables are ours;
// the host's iconv(3) is not used. Options are parsed argp-style (status 64
// for usage errors), because that is what glibc's program uses.
#include <algorithm>
#include <cstring>
#include <optional>
#include <string>
#include <vector>

#include "commands/args.h"
#include "commands/text/common.h"

namespace burrow {
namespace {

using namespace std::string_view_literals;

constexpr int kStatusUsage = 64;  // argp's EX_USAGE

enum class Charset { kUtf8, kAscii, kLatin1, kLatin9, kCp1252, kUtf16, kUtf16Le, kUtf16Be, kUtf32, kUtf32Le, kUtf32Be };

struct CharsetName {
  std::string_view name;  // upper case, as iconv -l lists it
  Charset charset;
};

constexpr CharsetName kCharsetNames[] = {
    {"ANSI_X3.4-1968", Charset::kAscii}, {"ASCII", Charset::kAscii},
    {"CP1252", Charset::kCp1252},        {"CP819", Charset::kLatin1},
    {"IBM819", Charset::kLatin1},        {"ISO-8859-1", Charset::kLatin1},
    {"ISO-8859-15", Charset::kLatin9},   {"ISO646-US", Charset::kAscii},
    {"ISO8859-1", Charset::kLatin1},     {"ISO8859-15", Charset::kLatin9},
    {"ISO88591", Charset::kLatin1},      {"ISO885915", Charset::kLatin9},
    {"ISO_8859-1", Charset::kLatin1},    {"ISO_8859-15", Charset::kLatin9},
    {"L1", Charset::kLatin1},            {"LATIN-9", Charset::kLatin9},
    {"LATIN1", Charset::kLatin1},        {"LATIN9", Charset::kLatin9},
    {"MS-ANSI", Charset::kCp1252},       {"US", Charset::kAscii},
    {"US-ASCII", Charset::kAscii},       {"UTF-16", Charset::kUtf16},
    {"UTF-16BE", Charset::kUtf16Be},     {"UTF-16LE", Charset::kUtf16Le},
    {"UTF-32", Charset::kUtf32},         {"UTF-32BE", Charset::kUtf32Be},
    {"UTF-32LE", Charset::kUtf32Le},     {"UTF-8", Charset::kUtf8},
    {"UTF16", Charset::kUtf16},          {"UTF16BE", Charset::kUtf16Be},
    {"UTF16LE", Charset::kUtf16Le},      {"UTF32", Charset::kUtf32},
    {"UTF32BE", Charset::kUtf32Be},      {"UTF32LE", Charset::kUtf32Le},
    {"UTF8", Charset::kUtf8},            {"WINDOWS-1252", Charset::kCp1252},
};

// A charset operand: "UTF-8//TRANSLIT//IGNORE".
struct CharsetSpec {
  Charset charset = Charset::kUtf8;
  bool translit = false;
  bool ignore = false;
};

std::string upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(c >= 'a' && c <= 'z' ? c - 32 : c);
  return out;
}

std::optional<CharsetSpec> parse_charset(std::string_view text) {
  CharsetSpec spec;
  size_t slash = text.find("//");
  std::string name = upper(text.substr(0, slash));
  for (size_t at = slash; at != std::string_view::npos;) {
    size_t next = text.find("//", at + 2);
    std::string suffix = upper(text.substr(at + 2, next == std::string_view::npos ? next : next - at - 2));
    // glibc also accepts comma-separated error handlers: "//TRANSLIT,IGNORE".
    for (size_t i = 0; i <= suffix.size();) {
      size_t comma = suffix.find(',', i);
      if (comma == std::string::npos) comma = suffix.size();
      std::string word = suffix.substr(i, comma - i);
      if (word == "TRANSLIT") spec.translit = true;
      if (word == "IGNORE") spec.ignore = true;
      i = comma + 1;
    }
    at = next;
  }
  // An empty name means the locale's charset, which is UTF-8 in the sandbox.
  if (name.empty() || name == "CHAR") return spec;
  for (const CharsetName& n : kCharsetNames) {
    if (n.name == name) {
      spec.charset = n.charset;
      return spec;
    }
  }
  return std::nullopt;
}

// Windows-1252's 0x80..0x9F; 0 marks the five undefined bytes.
constexpr uint16_t kCp1252High[32] = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178,
};

// The eight places where ISO-8859-15 differs from ISO-8859-1.
struct ByteMap {
  uint8_t byte;
  uint16_t cp;
};
constexpr ByteMap kLatin9Changes[] = {
    {0xA4, 0x20AC}, {0xA6, 0x0160}, {0xA8, 0x0161}, {0xB4, 0x017D},
    {0xB5, 0x017E}, {0xBC, 0x0152}, {0xBD, 0x0153}, {0xBE, 0x0178},
};

enum class Decoded { kOk, kInvalid, kIncomplete };

struct Decoder {
  Charset charset;
  bool big_endian = false;  // for UTF-16/32 without an explicit order

  // Decodes one character at data[pos..]; sets len to the bytes it used.
  Decoded next(std::string_view data, size_t pos, uint32_t& cp, size_t& len) const {
    const auto* p = reinterpret_cast<const unsigned char*>(data.data()) + pos;
    size_t left = data.size() - pos;
    switch (charset) {
      case Charset::kUtf8: return next_utf8(p, left, cp, len);
      case Charset::kAscii:
        len = 1;
        cp = p[0];
        return cp < 0x80 ? Decoded::kOk : Decoded::kInvalid;
      case Charset::kLatin1:
        len = 1;
        cp = p[0];
        return Decoded::kOk;
      case Charset::kLatin9:
        len = 1;
        cp = p[0];
        for (const ByteMap& m : kLatin9Changes)
          if (m.byte == p[0]) cp = m.cp;
        return Decoded::kOk;
      case Charset::kCp1252:
        len = 1;
        cp = p[0];
        if (cp >= 0x80 && cp < 0xA0) {
          cp = kCp1252High[cp - 0x80];
          if (!cp) return Decoded::kInvalid;
        }
        return Decoded::kOk;
      case Charset::kUtf16:
      case Charset::kUtf16Le:
      case Charset::kUtf16Be: {
        bool be = charset == Charset::kUtf16Be || (charset == Charset::kUtf16 && big_endian);
        auto unit = [&](size_t at) -> uint32_t {
          return be ? (p[at] << 8 | p[at + 1]) : (p[at + 1] << 8 | p[at]);
        };
        if (left < 2) return Decoded::kIncomplete;
        uint32_t first = unit(0);
        len = 2;
        if (first >= 0xDC00 && first < 0xE000) return Decoded::kInvalid;
        if (first < 0xD800 || first >= 0xE000) {
          cp = first;
          return Decoded::kOk;
        }
        if (left < 4) return Decoded::kIncomplete;
        uint32_t second = unit(2);
        if (second < 0xDC00 || second >= 0xE000) return Decoded::kInvalid;
        cp = 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00);
        len = 4;
        return Decoded::kOk;
      }
      case Charset::kUtf32:
      case Charset::kUtf32Le:
      case Charset::kUtf32Be: {
        bool be = charset == Charset::kUtf32Be || (charset == Charset::kUtf32 && big_endian);
        if (left < 4) return Decoded::kIncomplete;
        len = 4;
        cp = be ? (uint32_t(p[0]) << 24 | p[1] << 16 | p[2] << 8 | p[3])
                : (uint32_t(p[3]) << 24 | p[2] << 16 | p[1] << 8 | p[0]);
        if (cp > 0x10FFFF || (cp >= 0xD800 && cp < 0xE000)) return Decoded::kInvalid;
        return Decoded::kOk;
      }
    }
    return Decoded::kInvalid;
  }

  // Strict UTF-8: no overlong forms, surrogates or values past U+10FFFF.
  static Decoded next_utf8(const unsigned char* p, size_t left, uint32_t& cp, size_t& len) {
    len = 1;
    unsigned char b = p[0];
    if (b < 0x80) {
      cp = b;
      return Decoded::kOk;
    }
    size_t need;
    uint32_t min;
    if (b >= 0xC2 && b < 0xE0) need = 2, min = 0x80, cp = b & 0x1F;
    else if (b >= 0xE0 && b < 0xF0) need = 3, min = 0x800, cp = b & 0x0F;
    else if (b >= 0xF0 && b < 0xF5) need = 4, min = 0x10000, cp = b & 0x07;
    else return Decoded::kInvalid;
    for (size_t i = 1; i < need; ++i) {
      if (i >= left) return Decoded::kIncomplete;
      if ((p[i] & 0xC0) != 0x80) return Decoded::kInvalid;
      cp = cp << 6 | (p[i] & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp < 0xE000)) return Decoded::kInvalid;
    len = need;
    return Decoded::kOk;
  }
};

void put_unit(std::string& out, uint32_t v, int bytes, bool big_endian) {
  for (int i = 0; i < bytes; ++i) {
    int shift = big_endian ? 8 * (bytes - 1 - i) : 8 * i;
    out.push_back(static_cast<char>((v >> shift) & 0xFF));
  }
}

// Appends cp in `charset`; false when the charset cannot represent it.
bool encode(Charset charset, uint32_t cp, std::string& out) {
  switch (charset) {
    case Charset::kUtf8:
      if (cp < 0x80) out.push_back(static_cast<char>(cp));
      else if (cp < 0x800) out.push_back(static_cast<char>(0xC0 | cp >> 6)), out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
      else if (cp < 0x10000) {
        out.push_back(static_cast<char>(0xE0 | cp >> 12));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
      } else {
        out.push_back(static_cast<char>(0xF0 | cp >> 18));
        out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
      }
      return true;
    case Charset::kAscii:
      if (cp >= 0x80) return false;
      out.push_back(static_cast<char>(cp));
      return true;
    case Charset::kLatin1:
      if (cp >= 0x100) return false;
      out.push_back(static_cast<char>(cp));
      return true;
    case Charset::kLatin9:
      for (const ByteMap& m : kLatin9Changes) {
        if (m.cp == cp) {
          out.push_back(static_cast<char>(m.byte));
          return true;
        }
        if (m.byte == cp) return false;  // the Latin-1 character that was replaced
      }
      if (cp >= 0x100) return false;
      out.push_back(static_cast<char>(cp));
      return true;
    case Charset::kCp1252:
      if (cp < 0x80 || (cp >= 0xA0 && cp < 0x100)) {
        out.push_back(static_cast<char>(cp));
        return true;
      }
      for (int i = 0; i < 32; ++i) {
        if (kCp1252High[i] && kCp1252High[i] == cp) {
          out.push_back(static_cast<char>(0x80 + i));
          return true;
        }
      }
      return false;
    case Charset::kUtf16:
    case Charset::kUtf16Le:
    case Charset::kUtf16Be: {
      bool be = charset == Charset::kUtf16Be;
      if (cp < 0x10000) put_unit(out, cp, 2, be);
      else {
        put_unit(out, 0xD800 + ((cp - 0x10000) >> 10), 2, be);
        put_unit(out, 0xDC00 + ((cp - 0x10000) & 0x3FF), 2, be);
      }
      return true;
    }
    case Charset::kUtf32:
    case Charset::kUtf32Le:
    case Charset::kUtf32Be: put_unit(out, cp, 4, charset == Charset::kUtf32Be); return true;
  }
  return false;
}

// //TRANSLIT replacements, as glibc's C.UTF-8 locale gives them.
struct Translit {
  uint32_t cp;
  std::string_view text;
};
constexpr Translit kTranslit[] = {
    {0x00A0, " "},     {0x00A1, "!"},     {0x00A2, "c"},     {0x00A3, "GBP"},    {0x00A5, "JPY"},
    {0x00A6, "|"},     {0x00A9, "(C)"},   {0x00AA, "a"},     {0x00AB, "<<"},     {0x00AC, "!"},     {0x00AD, "-"},
    {0x00AE, "(R)"},   {0x00B1, "+-"},   {0x00B2, "2"},     {0x00B3, "3"},      {0x00B4, "'"},
    {0x00B5, "u"},     {0x00B7, "."},     {0x00B8, ","},     {0x00B9, "1"},      {0x00BA, "o"},
    {0x00BB, ">>"},    {0x00BC, " 1/4 "}, {0x00BD, " 1/2 "}, {0x00BE, " 3/4 "},  {0x00BF, "?"},
    {0x00C6, "AE"},    {0x00D0, "D"},     {0x00D7, "x"},     {0x00D8, "O"},      {0x00DE, "TH"},
    {0x00DF, "ss"},    {0x00E6, "ae"},    {0x00F0, "d"},     {0x00F7, "/"},      {0x00F8, "o"},
    {0x00FE, "th"},    {0x0110, "D"},     {0x0111, "d"},     {0x0126, "H"},      {0x0127, "h"},
    {0x0131, "i"},     {0x0132, "IJ"},    {0x0133, "ij"},    {0x0138, "q"},      {0x013F, "L"},
    {0x0140, "l"},     {0x0141, "L"},     {0x0142, "l"},     {0x0149, "'n"},     {0x014A, "N"},
    {0x014B, "n"},     {0x0152, "OE"},    {0x0153, "oe"},    {0x0166, "T"},      {0x0167, "t"},
    {0x017F, "s"},     {0x0192, "f"},     {0x02C6, "^"},     {0x02DC, "~"},      {0x2002, " "},
    {0x2003, " "},     {0x2009, " "},     {0x2010, "-"},     {0x2011, "-"},      {0x2012, "-"},
    {0x2013, "-"},     {0x2014, "--"},    {0x2015, "-"},     {0x2018, "'"},      {0x2019, "'"},
    {0x201A, ","},     {0x201B, "'"},     {0x201C, "\""},    {0x201D, "\""},     {0x201E, ",,"},
    {0x201F, "\""},    {0x2020, "+"},     {0x2022, "o"},     {0x2026, "..."},
    {0x2039, "<"},     {0x203A, ">"},     {0x20AC, "EUR"},   {0x2122, "(TM)"},   {0x2190, "<-"},
    {0x2192, "->"},    {0x2212, "-"},     {0xFB00, "ff"},    {0xFB01, "fi"},     {0xFB02, "fl"},
    {0xFB03, "ffi"},   {0xFB04, "ffl"},
};

// Base letters of U+00C0..U+017F for accented letters ('\0': see kTranslit).
constexpr std::string_view kBaseLetters =
    "AAAAAA\0CEEEEIIII\0NOOOOO\0\0UUUUY\0\0aaaaaa\0ceeeeiiii\0nooooo\0\0uuuuy\0y"
    "AaAaAaCcCcCcCcDd\0\0EeEeEeEeEeGgGgGgGgHh\0\0IiIiIiIiI\0\0\0JjKk\0LlLlLl\0\0\0\0Nn"
    "NnNn\0\0\0OoOoOo\0\0RrRrRrSsSsSsSsTtTt\0\0UuUuUuUuUuUuWwYyYZzZzZz\0"sv;

static_assert(kBaseLetters.size() == 0x180 - 0xC0);

std::optional<std::string> transliterate(uint32_t cp) {
  if (cp >= 0xC0 && cp < 0x180) {
    char base = kBaseLetters[cp - 0xC0];
    if (base) return std::string(1, base);
  }
  for (const Translit& t : kTranslit)
    if (t.cp == cp) return std::string(t.text);
  return std::nullopt;
}

enum class Outcome { kOk, kIllegal, kIncomplete };

struct Converter {
  CharsetSpec from, to;
  bool omit_invalid = false;  // -c
  bool bom_written = false;
  bool skipped = false;       // //IGNORE dropped something

  // Converts one input; on failure `error_pos` is where it stopped.
  Outcome convert(std::string_view data, std::string& out, size_t& error_pos) {
    Decoder dec{from.charset};
    size_t pos = 0;
    bool skip_invalid = omit_invalid || to.ignore;
    auto bom = [&](uint32_t cp) { return (cp == 0xFEFF); };
    // A byte-order mark chooses the order of UTF-16/UTF-32 input and is
    // not part of the text.
    if (from.charset == Charset::kUtf16 && data.size() >= 2) {
      auto b0 = static_cast<unsigned char>(data[0]), b1 = static_cast<unsigned char>(data[1]);
      if (b0 == 0xFE && b1 == 0xFF) dec.big_endian = true, pos = 2;
      else if (b0 == 0xFF && b1 == 0xFE) pos = 2;
    } else if (from.charset == Charset::kUtf32 && data.size() >= 4) {
      if (data.substr(0, 4) == std::string_view("\0\0\xFE\xFF", 4)) dec.big_endian = true, pos = 4;
      else if (data.substr(0, 4) == std::string_view("\xFF\xFE\0\0", 4)) pos = 4;
    }
    (void)bom;
    while (pos < data.size()) {
      uint32_t cp = 0;
      size_t len = 1;
      Decoded d = dec.next(data, pos, cp, len);
      if (d == Decoded::kIncomplete) {
        error_pos = pos;
        return Outcome::kIncomplete;
      }
      if (d == Decoded::kInvalid) {
        if (!skip_invalid) {
          error_pos = pos;
          return Outcome::kIllegal;
        }
        if (!omit_invalid) skipped = true;
        pos += len;
        continue;
      }
      write_bom(out);
      if (!encode(to.charset, cp, out)) {
        std::optional<std::string> alt = to.translit ? transliterate(cp) : std::nullopt;
        if (to.translit && !alt) alt = "?";
        bool done = false;
        if (alt) {
          std::string piece;
          done = std::all_of(alt->begin(), alt->end(), [&](char c) {
            return encode(to.charset, static_cast<unsigned char>(c), piece);
          });
          if (done) out += piece;
        }
        if (!done) {
          if (!skip_invalid) {
            error_pos = pos;
            return Outcome::kIllegal;
          }
          if (!omit_invalid) skipped = true;
        }
      }
      pos += len;
    }
    return Outcome::kOk;
  }

  // UTF-16 and UTF-32 without an explicit order start with a mark, in the
  // machine's order (little-endian), as glibc writes them.
  void write_bom(std::string& out) {
    if (bom_written) return;
    bom_written = true;
    if (to.charset == Charset::kUtf16) put_unit(out, 0xFEFF, 2, false);
    if (to.charset == Charset::kUtf32) put_unit(out, 0xFEFF, 4, false);
  }
};

// argp-style command line: -fX / -f X / --from-code=X / --from X.
struct Options {
  std::string from = "", to = "";
  bool omit_invalid = false;
  bool list = false;
  std::optional<std::string> output;
  std::vector<std::string> files;
};

struct LongName {
  std::string_view name;
  char key;
  bool takes_arg;
};
constexpr LongName kLongNames[] = {
    {"from-code", 'f', true}, {"to-code", 't', true}, {"list", 'l', false}, {"output", 'o', true},
    {"silent", 's', false},   {"verbose", 'v', false}, {"help", '?', false}, {"usage", 'u', false},
    {"version", 'V', false},
};

void usage_error(Invocation& inv, std::string_view message) {
  inv.error(message);
  inv.err() << "Try `iconv --help' or `iconv --usage' for more information.\n";
}

// Returns a status when the command should stop at once.
std::optional<int> parse_command_line(Invocation& inv, Options& opts) {
  auto apply = [&](char key, const std::string& value) -> std::optional<int> {
    switch (key) {
      case 'f': opts.from = value; break;
      case 't': opts.to = value; break;
      case 'c': opts.omit_invalid = true; break;
      case 'l': opts.list = true; break;
      case 'o': opts.output = value; break;
      case '?':
        inv.out() << "Usage: iconv [OPTION...] [FILE...]\nConvert encoding of given files from one encoding to "
                     "another.\n\n Input/Output format specification:\n  -f, --from-code=NAME       encoding of "
                     "original text\n  -t, --to-code=NAME         encoding for output\n\n Information:\n  -l, "
                     "--list                 list all known coded character sets\n\n Output control:\n  -c        "
                     "                 omit invalid characters from output\n  -o, --output=FILE          output "
                     "file\n  -s, --silent               suppress warnings\n";
        return 0;
      case 'u': inv.out() << "Usage: iconv [-cls?V] [-f NAME] [-t NAME] [-o FILE] [FILE...]\n"; return 0;
      case 'V': inv.out() << "iconv (Burrow) 0.1.0\n"; return 0;
      default: break;
    }
    return std::nullopt;
  };
  const std::vector<std::string>& argv = inv.argv;
  for (size_t i = 1; i < argv.size(); ++i) {
    const std::string& arg = argv[i];
    if (arg == "--") {
      opts.files.insert(opts.files.end(), argv.begin() + i + 1, argv.end());
      break;
    }
    if (arg.size() < 2 || arg[0] != '-') {
      opts.files.push_back(arg);
      continue;
    }
    if (arg[1] == '-') {
      std::string_view body = std::string_view(arg).substr(2);
      size_t eq = body.find('=');
      std::string_view name = body.substr(0, eq);
      std::vector<const LongName*> matches;
      for (const LongName& l : kLongNames) {
        if (l.name == name) {
          matches = {&l};
          break;
        }
        if (l.name.substr(0, name.size()) == name) matches.push_back(&l);
      }
      if (matches.empty()) {
        usage_error(inv, "unrecognized option '" + arg + "'");
        return kStatusUsage;
      }
      if (matches.size() > 1) {
        std::string message = "option '--" + std::string(name) + "' is ambiguous; possibilities:";
        for (const LongName* m : matches) message += " '--" + std::string(m->name) + "'";
        usage_error(inv, message);
        return kStatusUsage;
      }
      const LongName& l = *matches[0];
      std::string value;
      if (eq != std::string_view::npos) {
        if (!l.takes_arg) {
          usage_error(inv, "option '--" + std::string(l.name) + "' doesn't allow an argument");
          return kStatusUsage;
        }
        value = std::string(body.substr(eq + 1));
      } else if (l.takes_arg) {
        if (i + 1 >= argv.size()) {
          usage_error(inv, "option '--" + std::string(l.name) + "' requires an argument");
          return kStatusUsage;
        }
        value = argv[++i];
      }
      if (auto status = apply(l.key, value)) return status;
      continue;
    }
    for (size_t k = 1; k < arg.size(); ++k) {
      char c = arg[k];
      if (std::string_view("cls").find(c) != std::string_view::npos) {
        apply(c, "");
        continue;
      }
      if (c == '?' || c == 'V') return apply(c, "");
      if (c != 'f' && c != 't' && c != 'o') {
        usage_error(inv, std::string("invalid option -- '") + c + "'");
        return kStatusUsage;
      }
      std::string value;
      if (k + 1 < arg.size()) value = arg.substr(k + 1);
      else if (i + 1 < argv.size()) value = argv[++i];
      else {
        usage_error(inv, std::string("option requires an argument -- '") + c + "'");
        return kStatusUsage;
      }
      apply(c, value);
      break;
    }
  }
  return std::nullopt;
}

int run_iconv(Invocation& inv) {
  Options opts;
  if (auto status = parse_command_line(inv, opts)) return *status;
  if (opts.list) {
    for (const CharsetName& n : kCharsetNames) inv.out() << n.name << "//\n";
    return 0;
  }
  std::optional<CharsetSpec> from = parse_charset(opts.from), to = parse_charset(opts.to);
  if (!from || !to) {
    // glibc 2.36 reports unknown names this way (iconv_open fails with ENOENT).
    inv.error("failed to start conversion processing: No such file or directory");
    return 1;
  }
  Converter conv{*from, *to, opts.omit_invalid};
  if (opts.files.empty()) opts.files.push_back("-");
  std::string out;
  int status = 0;
  // glibc writes what it converted before it reports a failure.
  auto flush_output = [&]() {
    if (opts.output) return;
    inv.out().write(out);
    inv.out().flush();
    out.clear();
  };
  for (const std::string& name : opts.files) {
    std::string data;
    text::Input in;
    if (vfs::Error err = text::open_input(inv, name, in)) {
      inv.error("cannot open input file `" + name + "': " + vfs::error_text(err));
      status = 1;
      break;
    }
    if (in.is_dir) {
      inv.error("cannot open input file `" + name + "': " + vfs::error_text(vfs::make_error(EISDIR)));
      status = 1;
      break;
    }
    in.in->read_all(data);
    size_t error_pos = 0;
    Outcome outcome = conv.convert(data, out, error_pos);
    if (outcome == Outcome::kIllegal) {
      flush_output();
      inv.error("illegal input sequence at position " + std::to_string(error_pos));
      status = 1;
      break;
    }
    if (outcome == Outcome::kIncomplete) {
      flush_output();
      inv.error("incomplete character or shift sequence at end of buffer");
      status = 1;
      break;
    }
    // //IGNORE without -c: glibc converts everything, then reports the end
    // of the input as the failing position.
    if (conv.skipped) {
      flush_output();
      inv.error("illegal input sequence at position " + std::to_string(data.size()));
      status = 1;
      break;
    }
    if (inv.cancelled()) return 130;
  }
  if (opts.output) {
    if (vfs::Error err = vfs::write_file(*inv.fs, inv.path(*opts.output), out)) {
      inv.error("cannot open output file: " + vfs::error_text(err));
      return 1;
    }
  } else {
    inv.out().write(out);
    if (text::report_write_error(inv)) status = 1;
  }
  return status;
}

}  // namespace

BURROW_COMMAND(iconv, "convert text from one character encoding to another", run_iconv);

}  // namespace burrow
