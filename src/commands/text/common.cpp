#include "commands/text/common.h"

#include <cstring>

namespace burrow::text {

vfs::Error open_input(Invocation& inv, const std::string& operand, Input& out) {
  out.name = operand;
  if (operand == "-") {
    out.is_stdin = true;
    out.in = &inv.in();
    out.file = inv.fds ? inv.fds->get(0) : nullptr;
    return {};
  }
  if (!inv.fs) return vfs::make_error(ENOENT);
  vfs::FilePtr file;
  if (vfs::Error err = inv.fs->open(inv.path(operand), O_RDONLY, 0, file)) return err;
  vfs::Stat st;
  if (!file->stat(st) && S_ISDIR(st.mode)) out.is_dir = true;
  out.file = file;
  out.owned = std::make_unique<InStream>(file);
  out.in = out.owned.get();
  return {};
}

size_t read_block(Input& in, char* buf, size_t n, vfs::Error& err) {
  if (in.is_dir) {
    err = vfs::make_error(EISDIR);
    return 0;
  }
  size_t got = in.in->read(buf, n);
  if (!in.in->ok()) err = in.in->error();
  return got;
}

namespace {

bool needs_shell_quoting(std::string_view s) {
  if (s.empty()) return true;
  for (unsigned char c : s) {
    if (std::isalnum(c) || std::strchr("%+,-./:=@_^", c)) continue;
    if (c >= 0x80) continue;
    return true;
  }
  if (s[0] == '~' || s[0] == '#') return true;
  return false;
}

void append_octal_escape(std::string& out, unsigned char c) {
  switch (c) {
    case '\a': out += "\\a"; return;
    case '\b': out += "\\b"; return;
    case '\f': out += "\\f"; return;
    case '\n': out += "\\n"; return;
    case '\r': out += "\\r"; return;
    case '\t': out += "\\t"; return;
    case '\v': out += "\\v"; return;
  }
  char tmp[8];
  snprintf(tmp, sizeof tmp, "\\%03o", c);
  out += tmp;
}

bool has_control(std::string_view s) {
  for (unsigned char c : s)
    if (c < 32 || c == 127) return true;
  return false;
}

std::string shell_quote(std::string_view s, bool always) {
  if (!always && !needs_shell_quoting(s)) return std::string(s);
  std::string out;
  if (has_control(s)) {
    // $'...' segments for control characters, as GNU does.
    out += '\'';
    for (unsigned char c : s) {
      if (c < 32 || c == 127) {
        out += "'$'";
        append_octal_escape(out, c);
        out += "''";
      } else if (c == '\'') {
        out += "'\\''";
      } else {
        out += static_cast<char>(c);
      }
    }
    out += '\'';
    return out;
  }
  if (s.find('\'') == std::string_view::npos) {
    out = "'";
    out += s;
    out += '\'';
    return out;
  }
  if (s.find_first_of("\"$`\\!") == std::string_view::npos) {
    out = "\"";
    out += s;
    out += '"';
    return out;
  }
  out = "'";
  for (char c : s) {
    if (c == '\'') out += "'\\''";
    else out += c;
  }
  out += '\'';
  return out;
}

}  // namespace

std::string quote(std::string_view s) {
  std::string out = "\xe2\x80\x98";
  for (unsigned char c : s) {
    if (c < 32 || c == 127) append_octal_escape(out, c);
    else out += static_cast<char>(c);
  }
  out += "\xe2\x80\x99";
  return out;
}

std::string quoteaf(std::string_view s) { return shell_quote(s, true); }
std::string quotef(std::string_view s) { return shell_quote(s, false); }

NumResult parse_size(std::string_view s, uint64_t& out, std::string_view valid_suffixes) {
  size_t i = 0;
  while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
  if (i < s.size() && s[i] == '-') return NumResult::kInvalid;
  if (i < s.size() && s[i] == '+') ++i;
  size_t digits_start = i;
  unsigned __int128 value = 0;
  bool overflow = false;
  while (i < s.size() && s[i] >= '0' && s[i] <= '9') {
    value = value * 10 + (s[i] - '0');
    if (value > UINT64_MAX) overflow = true, value = UINT64_MAX;
    ++i;
  }
  if (i == digits_start) {
    // A bare suffix means 1 of it ("K" = 1024), as xstrtoumax allows.
    if (i >= s.size() || valid_suffixes.find(s[i]) == std::string_view::npos) return NumResult::kInvalid;
    value = 1;
  }
  if (i < s.size()) {
    char c = s[i];
    if (valid_suffixes.find(c) == std::string_view::npos) return NumResult::kInvalid;
    int base = 1024;
    size_t suffix_len = 1;
    if (i + 1 < s.size() && valid_suffixes.find('0') != std::string_view::npos) {
      if (s[i + 1] == 'B') base = 1000, suffix_len = 2;
      else if (s[i + 1] == 'i' && i + 2 < s.size() && s[i + 2] == 'B') suffix_len = 3;
    }
    int power = 0;
    unsigned mult = 1;
    switch (c) {
      case 'b': mult = 512; break;
      case 'B': mult = 1024; break;
      case 'c': mult = 1; break;
      case 'w': mult = 2; break;
      case 'k': case 'K': power = 1; break;
      case 'M': power = 2; break;
      case 'G': power = 3; break;
      case 'T': power = 4; break;
      case 'P': power = 5; break;
      case 'E': power = 6; break;
      case 'Z': power = 7; break;
      case 'Y': power = 8; break;
      case 'R': power = 9; break;
      case 'Q': power = 10; break;
      default: return NumResult::kInvalid;
    }
    if (c == 'b' || c == 'B' || c == 'c' || c == 'w') suffix_len = 1;
    for (int p = 0; p < power; ++p) {
      value *= base;
      if (value > UINT64_MAX) overflow = true, value = UINT64_MAX;
    }
    value *= mult;
    if (value > UINT64_MAX) overflow = true, value = UINT64_MAX;
    i += suffix_len;
    if (i != s.size()) return NumResult::kInvalid;
  }
  out = static_cast<uint64_t>(value);
  return overflow ? NumResult::kOverflow : NumResult::kOk;
}

bool report_write_error(Invocation& inv) {
  OutStream& out = inv.out();
  out.flush();
  if (!out.ok() && !out.broken_pipe()) {
    inv.error("write error: " + vfs::error_text(out.error()));
    return true;
  }
  return false;
}

int decode_utf8(const unsigned char* s, size_t n, uint32_t& cp) {
  if (n == 0) return 0;
  unsigned char c = s[0];
  if (c < 0x80) {
    cp = c;
    return 1;
  }
  int len;
  uint32_t min;
  if ((c & 0xE0) == 0xC0) len = 2, cp = c & 0x1F, min = 0x80;
  else if ((c & 0xF0) == 0xE0) len = 3, cp = c & 0x0F, min = 0x800;
  else if ((c & 0xF8) == 0xF0 && c <= 0xF4) len = 4, cp = c & 0x07, min = 0x10000;
  else return 0;
  if (n < static_cast<size_t>(len)) return 0;
  for (int i = 1; i < len; ++i) {
    if ((s[i] & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (s[i] & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  return len;
}

namespace {
struct Range {
  uint32_t lo, hi;
};
// Zero-width: combining marks and format characters (approximation of glibc).
constexpr Range kZeroWidth[] = {
    {0x0300, 0x036F}, {0x0483, 0x0489}, {0x0591, 0x05BD}, {0x05BF, 0x05BF}, {0x05C1, 0x05C2},
    {0x05C4, 0x05C5}, {0x05C7, 0x05C7}, {0x0610, 0x061A}, {0x064B, 0x065F}, {0x0670, 0x0670},
    {0x06D6, 0x06DC}, {0x06DF, 0x06E4}, {0x06E7, 0x06E8}, {0x06EA, 0x06ED}, {0x0900, 0x0902},
    {0x093A, 0x093A}, {0x093C, 0x093C}, {0x0941, 0x0948}, {0x094D, 0x094D}, {0x0951, 0x0957},
    {0x0E31, 0x0E31}, {0x0E34, 0x0E3A}, {0x0E47, 0x0E4E}, {0x1AB0, 0x1AFF}, {0x1DC0, 0x1DFF},
    {0x200B, 0x200F}, {0x202A, 0x202E}, {0x2060, 0x2064}, {0x20D0, 0x20F0}, {0xFE00, 0xFE0F},
    {0xFE20, 0xFE2F}, {0xFEFF, 0xFEFF}, {0xE0100, 0xE01EF},
};
constexpr Range kWide[] = {
    {0x1100, 0x115F}, {0x231A, 0x231B}, {0x2329, 0x232A}, {0x23E9, 0x23EC}, {0x23F0, 0x23F0},
    {0x23F3, 0x23F3}, {0x25FD, 0x25FE}, {0x2614, 0x2615}, {0x2648, 0x2653}, {0x267F, 0x267F},
    {0x2693, 0x2693}, {0x26A1, 0x26A1}, {0x26AA, 0x26AB}, {0x26BD, 0x26BE}, {0x26C4, 0x26C5},
    {0x26CE, 0x26CE}, {0x26D4, 0x26D4}, {0x26EA, 0x26EA}, {0x26F2, 0x26F3}, {0x26F5, 0x26F5},
    {0x26FA, 0x26FA}, {0x26FD, 0x26FD}, {0x2705, 0x2705}, {0x270A, 0x270B}, {0x2728, 0x2728},
    {0x274C, 0x274C}, {0x274E, 0x274E}, {0x2753, 0x2755}, {0x2757, 0x2757}, {0x2795, 0x2797},
    {0x27B0, 0x27B0}, {0x27BF, 0x27BF}, {0x2B1B, 0x2B1C}, {0x2B50, 0x2B50}, {0x2B55, 0x2B55},
    {0x2E80, 0x303E}, {0x3041, 0x33FF}, {0x3400, 0x4DBF}, {0x4E00, 0x9FFF}, {0xA000, 0xA4CF},
    {0xA960, 0xA97F}, {0xAC00, 0xD7A3}, {0xF900, 0xFAFF}, {0xFE10, 0xFE19}, {0xFE30, 0xFE6F},
    {0xFF00, 0xFF60}, {0xFFE0, 0xFFE6}, {0x16FE0, 0x16FE4}, {0x17000, 0x18CFF}, {0x1B000, 0x1B2FF},
    {0x1F004, 0x1F004}, {0x1F0CF, 0x1F0CF}, {0x1F18E, 0x1F18E}, {0x1F191, 0x1F19A},
    {0x1F200, 0x1F202}, {0x1F210, 0x1F23B}, {0x1F240, 0x1F248}, {0x1F250, 0x1F251},
    {0x1F260, 0x1F265}, {0x1F300, 0x1F320}, {0x1F32D, 0x1F335}, {0x1F337, 0x1F37C},
    {0x1F37E, 0x1F393}, {0x1F3A0, 0x1F3CA}, {0x1F3CF, 0x1F3D3}, {0x1F3E0, 0x1F3F0},
    {0x1F3F4, 0x1F3F4}, {0x1F3F8, 0x1F43E}, {0x1F440, 0x1F440}, {0x1F442, 0x1F4FC},
    {0x1F4FF, 0x1F53D}, {0x1F54B, 0x1F54E}, {0x1F550, 0x1F567}, {0x1F57A, 0x1F57A},
    {0x1F595, 0x1F596}, {0x1F5A4, 0x1F5A4}, {0x1F5FB, 0x1F64F}, {0x1F680, 0x1F6C5},
    {0x1F6CC, 0x1F6CC}, {0x1F6D0, 0x1F6D2}, {0x1F6D5, 0x1F6D7}, {0x1F6EB, 0x1F6EC},
    {0x1F6F4, 0x1F6FC}, {0x1F7E0, 0x1F7EB}, {0x1F90C, 0x1F93A}, {0x1F93C, 0x1F945},
    {0x1F947, 0x1F9FF}, {0x1FA70, 0x1FAFF}, {0x20000, 0x2FFFD}, {0x30000, 0x3FFFD},
};
template <size_t N>
bool in_table(const Range (&t)[N], uint32_t cp) {
  size_t lo = 0, hi = N;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (cp > t[mid].hi) lo = mid + 1;
    else if (cp < t[mid].lo) hi = mid;
    else return true;
  }
  return false;
}
}  // namespace

bool is_printable(uint32_t cp) {
  if (cp < 0x20 || cp == 0x7F) return false;
  if (cp >= 0x80 && cp < 0xA0) return false;
  if (cp == 0x2028 || cp == 0x2029) return false;
  if (cp >= 0xD800 && cp <= 0xDFFF) return false;
  if (cp > 0x10FFFF) return false;
  return true;
}

bool is_wspace(uint32_t cp) {
  if (cp == ' ' || (cp >= '\t' && cp <= '\r')) return true;
  if (cp == 0x1680 || (cp >= 0x2000 && cp <= 0x2006) || (cp >= 0x2008 && cp <= 0x200A) ||
      cp == 0x2028 || cp == 0x2029 || cp == 0x205F || cp == 0x3000)
    return true;
  return false;
}

int char_width(uint32_t cp) {
  if (cp == 0) return 0;
  if (!is_printable(cp)) return -1;
  if (cp < 0x300) return 1;
  if (in_table(kZeroWidth, cp)) return 0;
  if (in_table(kWide, cp)) return 2;
  return 1;
}

}  // namespace burrow::text
