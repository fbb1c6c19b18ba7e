#include "commands/common/fs_util.h"

#include <cstring>
#include <algorithm>
#include <vector>

namespace burrow::fsu {

char type_char(uint32_t mode) {
  switch (mode & S_IFMT) {
    case S_IFDIR: return 'd';
    case S_IFLNK: return 'l';
    case S_IFCHR: return 'c';
    case S_IFBLK: return 'b';
    case S_IFIFO: return 'p';
    case S_IFSOCK: return 's';
    default: return '-';
  }
}

std::string type_name(uint32_t mode, int64_t size) {
  switch (mode & S_IFMT) {
    case S_IFDIR: return "directory";
    case S_IFLNK: return "symbolic link";
    case S_IFCHR: return "character special file";
    case S_IFBLK: return "block special file";
    case S_IFIFO: return "fifo";
    case S_IFSOCK: return "socket";
    case S_IFREG: return size == 0 ? "regular empty file" : "regular file";
    default: return "weird file";
  }
}

std::string mode_string(uint32_t mode) {
  std::string s(10, '-');
  s[0] = type_char(mode);
  const char* rwx = "rwxrwxrwx";
  for (int i = 0; i < 9; ++i) {
    if (mode & (0400 >> i)) s[1 + i] = rwx[i];
  }
  if (mode & S_ISUID) s[3] = (mode & S_IXUSR) ? 's' : 'S';
  if (mode & S_ISGID) s[6] = (mode & S_IXGRP) ? 's' : 'S';
  if (mode & S_ISVTX) s[9] = (mode & S_IXOTH) ? 't' : 'T';
  return s;
}

namespace {

bool needs_quoting(std::string_view s) {
  if (s.empty()) return true;
  if (s[0] == '~' || s[0] == '#') return true;
  for (unsigned char c : s) {
    if (c < 32 || c == 127) return true;
    if (strchr(" !\"$&'()*;<>?[\\]^`{|}", c)) return true;
  }
  return false;
}

bool has_control(std::string_view s) {
  for (unsigned char c : s) {
    if (c < 32 || c == 127) return true;
  }
  return false;
}

void append_control(std::string& out, unsigned char c) {
  static const char* names[] = {"\\000", "\\001", "\\002", "\\003", "\\004", "\\005", "\\006", "\\a",
                                "\\b",   "\\t",   "\\n",   "\\v",   "\\f",   "\\r"};
  if (c < 14) {
    out += names[c];
  } else {
    char buf[8];
    snprintf(buf, sizeof buf, "\\%03o", c);
    out += buf;
  }
}

std::string single_quoted(std::string_view s) {
  // Runs of ordinary characters go in '...', runs of control characters in $'...'.
  std::string out;
  size_t i = 0;
  auto is_ctl = [](unsigned char c) { return c < 32 || c == 127; };
  while (i < s.size()) {
    if (is_ctl(s[i])) {
      out += "$'";
      while (i < s.size() && is_ctl(s[i])) append_control(out, s[i++]);
      out += "'";
    } else {
      out += "'";
      while (i < s.size() && !is_ctl(s[i])) {
        if (s[i] == '\'') out += "'\\''";
        else out += s[i];
        ++i;
      }
      out += "'";
    }
  }
  if (out.empty()) out = "''";
  return out;
}

}  // namespace

std::string quote(std::string_view s) {
  if (!needs_quoting(s)) return "'" + std::string(s) + "'";
  if (s.find('\'') != std::string_view::npos && !has_control(s) &&
      s.find_first_of("\"$`\\") == std::string_view::npos)
    return "\"" + std::string(s) + "\"";
  return single_quoted(s);
}

std::string shell_quote_if_needed(std::string_view s) {
  if (!needs_quoting(s)) return std::string(s);
  return quote(s);
}

std::string human_size(uint64_t bytes, bool si) {
  const uint64_t base = si ? 1000 : 1024;
  const char* units = si ? "kMGTPEZY" : "KMGTPEZY";
  if (bytes < base) return std::to_string(bytes);
  // value = bytes / base^k in tenths, rounded up.
  int k = 0;
  uint64_t divisor = 1;
  while (bytes / divisor >= base && k < 8) {
    divisor *= base;
    ++k;
  }
  for (;;) {
    // tenths, rounded up
    unsigned __int128 tenths = ((unsigned __int128)bytes * 10 + divisor - 1) / divisor;
    std::string out;
    if (tenths < 100) {
      out = std::to_string((uint64_t)(tenths / 10)) + "." + std::to_string((uint64_t)(tenths % 10));
    } else {
      uint64_t whole = (bytes + divisor - 1) / divisor;
      if (whole >= base && k < 8) {
        divisor *= base;
        ++k;
        continue;
      }
      out = std::to_string(whole);
    }
    out += units[k - 1];
    return out;
  }
}

namespace {

// Finds the line of a colon-separated database whose field `key_field` equals key.
bool find_entry(vfs::Filesystem& fs, const char* path, int key_field, std::string_view key,
                std::vector<std::string>& fields) {
  std::string data;
  if (vfs::read_file(fs, path, data)) return false;
  size_t pos = 0;
  while (pos < data.size()) {
    size_t end = data.find('\n', pos);
    if (end == std::string::npos) end = data.size();
    std::string_view line(data.data() + pos, end - pos);
    pos = end + 1;
    fields.clear();
    size_t start = 0;
    for (;;) {
      size_t colon = line.find(':', start);
      fields.emplace_back(line.substr(start, colon == std::string_view::npos ? std::string_view::npos : colon - start));
      if (colon == std::string_view::npos) break;
      start = colon + 1;
    }
    if ((int)fields.size() > key_field && fields[key_field] == key) return true;
  }
  return false;
}

}  // namespace

std::string user_name(vfs::Filesystem& fs, uint32_t uid) {
  std::vector<std::string> f;
  if (find_entry(fs, "/etc/passwd", 2, std::to_string(uid), f)) return f[0];
  return std::to_string(uid);
}

std::string group_name(vfs::Filesystem& fs, uint32_t gid) {
  std::vector<std::string> f;
  if (find_entry(fs, "/etc/group", 2, std::to_string(gid), f)) return f[0];
  return std::to_string(gid);
}

std::optional<uint32_t> user_id(vfs::Filesystem& fs, std::string_view name) {
  std::vector<std::string> f;
  if (find_entry(fs, "/etc/passwd", 0, name, f) && f.size() > 2) return (uint32_t)strtoul(f[2].c_str(), nullptr, 10);
  return std::nullopt;
}

std::optional<uint32_t> group_id(vfs::Filesystem& fs, std::string_view name) {
  std::vector<std::string> f;
  if (find_entry(fs, "/etc/group", 0, name, f) && f.size() > 2) return (uint32_t)strtoul(f[2].c_str(), nullptr, 10);
  return std::nullopt;
}

std::optional<uint32_t> user_gid(vfs::Filesystem& fs, uint32_t uid) {
  std::vector<std::string> f;
  if (find_entry(fs, "/etc/passwd", 2, std::to_string(uid), f) && f.size() > 3)
    return (uint32_t)strtoul(f[3].c_str(), nullptr, 10);
  return std::nullopt;
}

int64_t days_from_civil(int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int64_t>(doe) - 719468;
}

CivilTime civil_time(int64_t sec, int64_t nsec, int gmtoff, std::string zone) {
  CivilTime t{};
  int64_t local = sec + gmtoff;
  int64_t days = local / 86400;
  int64_t rem = local % 86400;
  if (rem < 0) {
    rem += 86400;
    --days;
  }
  t.hour = rem / 3600;
  t.minute = rem % 3600 / 60;
  t.second = rem % 60;
  t.wday = (int)(((days % 7) + 11) % 7);  // 1970-01-01 was a Thursday
  int64_t z = days + 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  int64_t y = static_cast<int64_t>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  t.year = (int)(y + (m <= 2));
  t.month = m;
  t.day = d;
  t.yday = (int)(days - days_from_civil(t.year, 1, 1));
  t.nsec = nsec;
  t.gmtoff = gmtoff;
  t.zone = std::move(zone);
  return t;
}

void parse_tz(std::string_view tz, int& gmtoff, std::string& zone) {
  gmtoff = 0;
  zone = "UTC";
  if (tz.empty()) return;
  if (tz[0] == ':') tz.remove_prefix(1);
  if (tz == "UTC" || tz == "GMT" || tz == "Etc/UTC" || tz == "Universal" || tz == "Zulu" || tz == "Etc/GMT") {
    zone = std::string(tz.substr(tz.rfind('/') == std::string_view::npos ? 0 : tz.rfind('/') + 1));
    if (zone == "Universal" || zone == "Zulu") zone = "UTC";
    return;
  }
  // POSIX form: std offset, e.g. "EST5", "UTC-3", "<+03>-3".
  size_t i = 0;
  std::string name;
  if (!tz.empty() && tz[0] == '<') {
    size_t close = tz.find('>');
    if (close == std::string_view::npos) return;
    name = std::string(tz.substr(1, close - 1));
    i = close + 1;
  } else {
    while (i < tz.size() && isalpha((unsigned char)tz[i])) ++i;
    name = std::string(tz.substr(0, i));
  }
  if (name.size() < 3 || i >= tz.size()) return;
  int sign = 1;
  if (tz[i] == '+' || tz[i] == '-') {
    if (tz[i] == '-') sign = -1;
    ++i;
  }
  int parts[3] = {0, 0, 0}, n = 0;
  bool digits = false;
  while (i < tz.size() && n < 3) {
    if (isdigit((unsigned char)tz[i])) {
      parts[n] = parts[n] * 10 + (tz[i] - '0');
      digits = true;
    } else if (tz[i] == ':') {
      ++n;
    } else {
      break;
    }
    ++i;
  }
  if (!digits) return;
  // POSIX offsets are west-positive.
  gmtoff = -sign * (parts[0] * 3600 + parts[1] * 60 + parts[2]);
  zone = name;
}

CivilTime local_time(const Invocation& inv, vfs::Timespec t) {
  int off;
  std::string zone;
  parse_tz(inv.getenv("TZ"), off, zone);
  return civil_time(t.sec, t.nsec, off, zone);
}

namespace {

const char* kDays[] = {"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"};
const char* kMonths[] = {"January", "February", "March",     "April",   "May",      "June",
                         "July",    "August",   "September", "October", "November", "December"};

int iso_week(const CivilTime& t, int& iso_year) {
  int wday = (t.wday + 6) % 7;  // Monday = 0
  int week = (t.yday - wday + 10) / 7;
  iso_year = t.year;
  auto weeks_in = [](int y) {
    auto dow = [](int yy) {  // weekday of Dec 31 (Monday = 0)
      int64_t d = days_from_civil(yy, 12, 31);
      return (int)((((d % 7) + 11) % 7 + 6) % 7);
    };
    int p = dow(y), q = dow(y - 1);
    return (p == 3 || q == 2) ? 53 : 52;
  };
  if (week < 1) {
    iso_year = t.year - 1;
    week = weeks_in(iso_year);
  } else if (week > weeks_in(t.year)) {
    iso_year = t.year + 1;
    week = 1;
  }
  return week;
}

}  // namespace

std::string format_time(std::string_view fmt, const CivilTime& t) {
  std::string out;
  for (size_t i = 0; i < fmt.size(); ++i) {
    char c = fmt[i];
    if (c != '%' || i + 1 >= fmt.size()) {
      out += c;
      continue;
    }
    size_t start = i;
    ++i;
    char pad = 0;  // '-', '_', '0'
    bool upper = false, swap_case = false;
    while (i < fmt.size() && strchr("-_0^#", fmt[i])) {
      if (fmt[i] == '^') upper = true;
      else if (fmt[i] == '#') swap_case = true;
      else pad = fmt[i];
      ++i;
    }
    int width = -1;
    while (i < fmt.size() && isdigit((unsigned char)fmt[i])) {
      width = (width < 0 ? 0 : width * 10) + (fmt[i] - '0');
      ++i;
    }
    int colons = 0;
    while (i < fmt.size() && fmt[i] == ':') {
      ++colons;
      ++i;
    }
    if (i >= fmt.size()) {
      out.append(fmt.substr(start));
      break;
    }
    char conv = fmt[i];
    // Numbers: default pad char and width per conversion.
    auto num = [&](int64_t v, int def_width, char def_pad) {
      char p = pad ? pad : def_pad;
      int w = width >= 0 ? width : def_width;
      if (p == '-') w = 0;
      std::string digits = std::to_string(v < 0 ? -v : v);
      std::string s;
      if (v < 0) s += '-';
      int fill = w - (int)digits.size() - (v < 0 ? 1 : 0);
      if (p == '_') {
        std::string spaces(fill > 0 ? fill : 0, ' ');
        s = spaces + s + digits;
      } else {
        s += std::string(fill > 0 ? fill : 0, '0') + digits;
      }
      out += s;
    };
    auto text = [&](std::string s) {
      if (upper) {
        for (char& ch : s) ch = toupper((unsigned char)ch);
      } else if (swap_case) {
        bool all_upper = true;
        for (char ch : s) if (islower((unsigned char)ch)) all_upper = false;
        for (char& ch : s) ch = all_upper ? tolower((unsigned char)ch) : toupper((unsigned char)ch);
      }
      if (width > (int)s.size()) s = std::string(width - s.size(), pad == '0' ? '0' : ' ') + s;
      out += s;
    };
    int hour12 = t.hour % 12 == 0 ? 12 : t.hour % 12;
    switch (conv) {
      case '%': out += '%'; break;
      case 'a': text(std::string(kDays[t.wday]).substr(0, 3)); break;
      case 'A': text(kDays[t.wday]); break;
      case 'b': case 'h': text(std::string(kMonths[t.month - 1]).substr(0, 3)); break;
      case 'B': text(kMonths[t.month - 1]); break;
      case 'c': text(format_time("%a %b %e %H:%M:%S %Y", t)); break;
      case 'C': num(t.year / 100, 2, '0'); break;
      case 'd': num(t.day, 2, '0'); break;
      case 'D': text(format_time("%m/%d/%y", t)); break;
      case 'e': num(t.day, 2, '_'); break;
      case 'F': {
        std::string s = format_time("%Y-%m-%d", t);
        text(s);
        break;
      }
      case 'g': { int y; iso_week(t, y); num(((y % 100) + 100) % 100, 2, '0'); break; }
      case 'G': { int y; iso_week(t, y); num(y, 4, '0'); break; }
      case 'H': num(t.hour, 2, '0'); break;
      case 'I': num(hour12, 2, '0'); break;
      case 'j': num(t.yday + 1, 3, '0'); break;
      case 'k': num(t.hour, 2, '_'); break;
      case 'l': num(hour12, 2, '_'); break;
      case 'm': num(t.month, 2, '0'); break;
      case 'M': num(t.minute, 2, '0'); break;
      case 'n': out += '\n'; break;
      case 'N': {
        char buf[16];
        snprintf(buf, sizeof buf, "%09lld", (long long)t.nsec);
        int w = width >= 0 ? width : 9;
        if (pad == '-' && width < 0) {
          std::string s(buf);
          out += s;
        } else {
          std::string s(buf);
          if (w <= 9) s = s.substr(0, w);
          else s += std::string(w - 9, '0');
          out += s;
        }
        break;
      }
      case 'p': text(t.hour < 12 ? "AM" : "PM"); break;
      case 'q': num((t.month - 1) / 3 + 1, 1, '0'); break;
      case 'P': text(t.hour < 12 ? "am" : "pm"); break;
      case 'r': text(format_time("%I:%M:%S %p", t)); break;
      case 'R': text(format_time("%H:%M", t)); break;
      case 's': {
        int64_t secs = days_from_civil(t.year, t.month, t.day) * 86400 + t.hour * 3600 + t.minute * 60 + t.second -
                       t.gmtoff;
        num(secs, 1, '0');
        break;
      }
      case 'S': num(t.second, 2, '0'); break;
      case 't': out += '\t'; break;
      case 'T': text(format_time("%H:%M:%S", t)); break;
      case 'u': num(t.wday == 0 ? 7 : t.wday, 1, '0'); break;
      case 'U': num((t.yday + 7 - t.wday) / 7, 2, '0'); break;
      case 'V': { int y; num(iso_week(t, y), 2, '0'); break; }
      case 'w': num(t.wday, 1, '0'); break;
      case 'W': num((t.yday + 7 - (t.wday + 6) % 7) / 7, 2, '0'); break;
      case 'x': text(format_time("%m/%d/%y", t)); break;
      case 'X': text(format_time("%H:%M:%S", t)); break;
      case 'y': num(((t.year % 100) + 100) % 100, 2, '0'); break;
      case 'Y': num(t.year, 1, '0'); break;
      case 'z': {
        int off = t.gmtoff;
        char sign = off < 0 ? '-' : '+';
        if (off < 0) off = -off;
        char buf[32];
        if (colons == 0) snprintf(buf, sizeof buf, "%c%02d%02d", sign, off / 3600, off % 3600 / 60);
        else if (colons == 1) snprintf(buf, sizeof buf, "%c%02d:%02d", sign, off / 3600, off % 3600 / 60);
        else if (colons == 2) snprintf(buf, sizeof buf, "%c%02d:%02d:%02d", sign, off / 3600, off % 3600 / 60, off % 60);
        else {
          if (off % 3600 == 0) snprintf(buf, sizeof buf, "%c%02d", sign, off / 3600);
          else if (off % 60 == 0) snprintf(buf, sizeof buf, "%c%02d:%02d", sign, off / 3600, off % 3600 / 60);
          else snprintf(buf, sizeof buf, "%c%02d:%02d:%02d", sign, off / 3600, off % 3600 / 60, off % 60);
        }
        out += buf;
        break;
      }
      case 'Z': text(t.zone); break;
      default: out.append(fmt.substr(start, i - start + 1)); break;
    }
  }
  return out;
}

bool is_dir(vfs::Filesystem& fs, const std::string& path) {
  vfs::Stat st;
  return !fs.stat(path, st) && S_ISDIR(st.mode);
}

bool exists(vfs::Filesystem& fs, const std::string& path) {
  vfs::Stat st;
  return !fs.lstat(path, st);
}

vfs::Error copy_file_data(vfs::Filesystem& fs, const std::string& src, const std::string& dst, uint32_t mode,
                          bool exclusive) {
  vfs::FilePtr in, out;
  if (vfs::Error err = fs.open(src, O_RDONLY, 0, in)) return err;
  int flags = O_WRONLY | O_CREAT | O_TRUNC | (exclusive ? O_EXCL : 0);
  if (vfs::Error err = fs.open(dst, flags, mode, out)) {
    in->close();
    return err;
  }
  std::vector<char> buf(65536);
  vfs::Error result;
  for (;;) {
    size_t got = 0;
    if ((result = in->read(buf.data(), buf.size(), got))) break;
    if (got == 0) break;
    size_t written = 0;
    if ((result = out->write(buf.data(), got, written))) break;
  }
  in->close();
  vfs::Error close_err = out->close();
  return result ? result : close_err;
}

vfs::Error remove_tree(vfs::Filesystem& fs, const std::string& path) {
  vfs::Stat st;
  if (vfs::Error err = fs.lstat(path, st)) return err;
  if (!S_ISDIR(st.mode)) return fs.unlink(path);
  std::vector<vfs::DirEntry> entries;
  if (vfs::Error err = fs.readdir(path, entries)) return err;
  for (const auto& e : entries) {
    if (vfs::Error err = remove_tree(fs, vfs::join(path, e.name))) return err;
  }
  return fs.rmdir(path);
}

std::string strip_trailing_slashes(std::string_view s) {
  while (s.size() > 1 && s.back() == '/') s.remove_suffix(1);
  return std::string(s);
}

std::string base_name(std::string_view s) {
  std::string t = strip_trailing_slashes(s);
  if (t == "/") return "/";
  size_t slash = t.rfind('/');
  return slash == std::string::npos ? t : t.substr(slash + 1);
}

bool apply_mode_spec(std::string_view spec, uint32_t mode, bool is_dir, uint32_t umask, uint32_t& out) {
  if (spec.empty()) return false;
  if (spec.find_first_not_of("01234567") == std::string_view::npos) {
    if (spec.size() > 8) return false;
    uint32_t v = (uint32_t)strtoul(std::string(spec).c_str(), nullptr, 8);
    if (v > 07777) return false;
    uint32_t keep = 0;
    if (is_dir && spec.size() < 5) keep = mode & (S_ISUID | S_ISGID) & ~v;
    out = (mode & S_IFMT) | v | keep;
    return true;
  }
  uint32_t cur = mode & 07777;
  size_t i = 0;
  for (;;) {
    uint32_t who = 0;
    while (i < spec.size() && strchr("ugoa", spec[i])) {
      switch (spec[i]) {
        case 'u': who |= 04700; break;
        case 'g': who |= 02070; break;
        case 'o': who |= 01007; break;
        case 'a': who |= 07777; break;
      }
      ++i;
    }
    if (i >= spec.size() || !strchr("+-=", spec[i])) return false;
    while (i < spec.size() && strchr("+-=", spec[i])) {
      char op = spec[i++];
      uint32_t bits = 0;
      bool copy = false;
      if (i < spec.size() && strchr("ugo", spec[i])) {
        uint32_t src = 0;
        switch (spec[i]) {
          case 'u': src = (cur >> 6) & 7; break;
          case 'g': src = (cur >> 3) & 7; break;
          case 'o': src = cur & 7; break;
        }
        bits = src * 0111;
        copy = true;
        ++i;
      } else {
        while (i < spec.size() && strchr("rwxXst", spec[i])) {
          switch (spec[i]) {
            case 'r': bits |= 0444; break;
            case 'w': bits |= 0222; break;
            case 'x': bits |= 0111; break;
            case 'X': if (is_dir || (cur & 0111)) bits |= 0111; break;
            case 's': bits |= 06000; break;
            case 't': bits |= 01000; break;
          }
          ++i;
        }
      }
      (void)copy;
      uint32_t affected = who ? who : 07777;
      uint32_t value = bits & (who ? who : (~umask & 07777) | 07000);
      if (!who && (bits & 01000) == 0) value &= ~01000u;
      if (op == '+') {
        cur |= value;
      } else if (op == '-') {
        cur &= ~value;
      } else {
        uint32_t clear = affected;
        // '=' keeps a directory's set-id bits unless they are named.
        if (is_dir) clear &= ~((S_ISUID | S_ISGID) & ~bits);
        if (!who) clear &= ~umask | 07000;
        cur = (cur & ~clear) | value;
      }
    }
    if (i >= spec.size()) break;
    if (spec[i] != ',') return false;
    ++i;
  }
  out = (mode & S_IFMT) | cur;
  return true;
}

}  // namespace burrow::fsu

namespace burrow::fsu {

namespace {

void split_components(std::string_view path, std::vector<std::string>& out) {
  size_t pos = 0;
  while (pos < path.size()) {
    size_t end = path.find('/', pos);
    if (end == std::string_view::npos) end = path.size();
    if (end > pos) out.emplace_back(path.substr(pos, end - pos));
    pos = end + 1;
  }
}

}  // namespace

vfs::Error canonicalize(vfs::Filesystem& fs, const std::string& path, Canon mode, std::string& out) {
  std::vector<std::string> pending;  // reversed: back() is next
  {
    std::vector<std::string> parts;
    split_components(path, parts);
    pending.assign(parts.rbegin(), parts.rend());
  }
  std::vector<std::string> resolved;
  auto joined = [&]() {
    std::string s;
    for (const auto& p : resolved) s += "/" + p;
    return s.empty() ? std::string("/") : s;
  };
  int links = 0;
  bool missing = false;  // a component did not exist (only with kMissingOk / last)
  while (!pending.empty()) {
    std::string name = std::move(pending.back());
    pending.pop_back();
    if (name == ".") continue;
    if (name == "..") {
      if (!resolved.empty()) resolved.pop_back();
      continue;
    }
    resolved.push_back(name);
    if (missing) continue;
    std::string candidate = joined();
    vfs::Stat st;
    if (vfs::Error err = fs.lstat(candidate, st)) {
      bool last = pending.empty();
      if (mode == Canon::kMissingOk || (mode == Canon::kAllButLast && last && err.value() == ENOENT)) {
        missing = true;
        continue;
      }
      return err;
    }
    if (S_ISLNK(st.mode)) {
      if (++links > 40) return vfs::make_error(ELOOP);
      std::string target;
      if (vfs::Error err = fs.readlink(candidate, target)) return err;
      resolved.pop_back();
      if (!target.empty() && target[0] == '/') resolved.clear();
      std::vector<std::string> parts;
      split_components(target, parts);
      for (auto it = parts.rbegin(); it != parts.rend(); ++it) pending.push_back(*it);
      continue;
    }
    if (!S_ISDIR(st.mode) && !pending.empty()) {
      if (mode == Canon::kMissingOk) {
        missing = true;
        continue;
      }
      return vfs::make_error(ENOTDIR);
    }
  }
  out = joined();
  return {};
}

std::string relative_path(const std::string& from, const std::string& to) {
  std::vector<std::string> a, b;
  split_components(from, a);
  split_components(to, b);
  size_t common = 0;
  while (common < a.size() && common < b.size() && a[common] == b[common]) ++common;
  std::string out;
  for (size_t i = common; i < a.size(); ++i) out += out.empty() ? ".." : "/..";
  for (size_t i = common; i < b.size(); ++i) {
    if (!out.empty()) out += '/';
    out += b[i];
  }
  return out.empty() ? "." : out;
}

}  // namespace burrow::fsu

namespace burrow::fsu {

uint32_t current_uid(Invocation& inv) {
  for (const char* var : {"USER", "LOGNAME"}) {
    std::string name = inv.getenv(var);
    if (!name.empty() && inv.fs) {
      if (auto uid = user_id(*inv.fs, name)) return *uid;
    }
  }
  return 0;
}

uint32_t current_gid(Invocation& inv) {
  uint32_t uid = current_uid(inv);
  if (inv.fs) {
    if (auto gid = user_gid(*inv.fs, uid)) return *gid;
  }
  return uid;
}

std::vector<uint32_t> groups_of(vfs::Filesystem& fs, const std::string& user, uint32_t primary_gid) {
  std::vector<uint32_t> out{primary_gid};
  std::string data;
  if (vfs::read_file(fs, "/etc/group", data)) return out;
  size_t pos = 0;
  while (pos < data.size()) {
    size_t end = data.find('\n', pos);
    if (end == std::string::npos) end = data.size();
    std::string line = data.substr(pos, end - pos);
    pos = end + 1;
    std::vector<std::string> f;
    size_t s = 0;
    for (;;) {
      size_t c = line.find(':', s);
      f.push_back(line.substr(s, c == std::string::npos ? std::string::npos : c - s));
      if (c == std::string::npos) break;
      s = c + 1;
    }
    if (f.size() < 4) continue;
    uint32_t gid = (uint32_t)strtoul(f[2].c_str(), nullptr, 10);
    size_t m = 0;
    std::string members = f[3];
    while (m <= members.size()) {
      size_t comma = members.find(',', m);
      std::string member = members.substr(m, comma == std::string::npos ? std::string::npos : comma - m);
      if (member == user && std::find(out.begin(), out.end(), gid) == out.end()) out.push_back(gid);
      if (comma == std::string::npos) break;
      m = comma + 1;
    }
  }
  return out;
}

std::string host_name(vfs::Filesystem* fs) {
  std::string data;
  if (fs && !vfs::read_file(*fs, "/etc/hostname", data)) {
    while (!data.empty() && isspace((unsigned char)data.back())) data.pop_back();
    if (!data.empty()) return data;
  }
  return "burrow";
}

}  // namespace burrow::fsu

#include "commands/args.h"

namespace burrow::fsu {

bool utf8_locale(const Invocation& inv) {
  std::string value;
  for (const char* var : {"LC_ALL", "LC_CTYPE", "LANG"}) {
    value = inv.getenv(var);
    if (!value.empty()) break;
  }
  for (char& c : value) c = tolower((unsigned char)c);
  return value.find("utf-8") != std::string::npos || value.find("utf8") != std::string::npos;
}

std::string quote_arg(const Invocation& inv, std::string_view s) {
  if (utf8_locale(inv)) return "\xE2\x80\x98" + std::string(s) + "\xE2\x80\x99";
  return "'" + std::string(s) + "'";
}

void invalid_argument(Invocation& inv, std::string_view value, std::string_view option,
                      std::initializer_list<std::initializer_list<const char*>> groups) {
  inv.error("invalid argument " + quote_arg(inv, value) + " for " + quote_arg(inv, option));
  OutStream& e = inv.err();
  e << "Valid arguments are:\n";
  for (const auto& g : groups) {
    e << "  - ";
    bool first = true;
    for (const char* v : g) {
      if (!first) e << ", ";
      e << quote_arg(inv, v);
      first = false;
    }
    e << '\n';
  }
  print_try_help(inv);
}

}  // namespace burrow::fsu

#include "commands/common/input.h"

namespace burrow::fsu {

vfs::Error read_operand(Invocation& inv, const std::string& operand, std::string& data) {
  if (operand == "-") {
    inv.in().read_all(data);
    return inv.in().ok() ? vfs::Error{} : inv.in().error();
  }
  std::string path = inv.path(operand);
  vfs::Stat st;
  if (vfs::Error err = inv.fs->stat(path, st)) return err;
  if (S_ISDIR(st.mode)) return vfs::make_error(EISDIR);
  return vfs::read_file(*inv.fs, path, data);
}

}  // namespace burrow::fsu
