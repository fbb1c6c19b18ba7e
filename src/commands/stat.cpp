// stat: display file or file system status (GNU coreutils 9).
#include <cstring>

#include "commands/args.h"
#include "commands/common/fs_util.h"

namespace burrow {
namespace {

enum Opt { kDereference, kFileSystem, kFormat, kPrintf, kTerse, kCached };

constexpr OptionSpec kOptions[] = {
    {kDereference, 'L', "dereference", ArgKind::kNone, "follow links"},
    {kFileSystem, 'f', "file-system", ArgKind::kNone, "display file system status instead of file status"},
    {kCached, 0, "cached", ArgKind::kRequired, "specify how to use cached attributes", "MODE"},
    {kFormat, 'c', "format", ArgKind::kRequired, "use the specified FORMAT instead of the default; output a newline after each use of FORMAT", "FORMAT"},
    {kPrintf, 0, "printf", ArgKind::kRequired, "like --format, but interpret backslash escapes, and do not output a mandatory trailing newline", "FORMAT"},
    {kTerse, 't', "terse", ArgKind::kNone, "print the information in terse form"},
};

constexpr CommandSpec kSpec{"Usage: stat [OPTION]... FILE...", "Display file or file system status.", kOptions};

constexpr const char* kDefaultFile =
    "  File: %N\n  Size: %-10s\tBlocks: %-10b IO Block: %-6o %F\n";
constexpr const char* kDefaultDev = "Device: %Hd,%Ld\tInode: %-11i Links: %-5h Device type: %Hr,%Lr\n";
constexpr const char* kDefaultNonDev = "Device: %Hd,%Ld\tInode: %-11i Links: %h\n";
constexpr const char* kDefaultTail =
    "Access: (%04a/%10.10A)  Uid: (%5u/%8U)   Gid: (%5g/%8G)\nAccess: %x\nModify: %y\nChange: %z\n Birth: %w\n";
constexpr const char* kTerseFile = "%n %s %b %f %u %g %D %i %h %t %T %X %Y %Z %W %o\n";
constexpr const char* kDefaultFs =
    "  File: \"%n\"\n    ID: %-8i Namelen: %-7l Type: %T\nBlock size: %-10s Fundamental block size: %S\n"
    "Blocks: Total: %-10b Free: %-10f Available: %a\nInodes: Total: %-10c Free: %d\n";
constexpr const char* kTerseFs = "%n %i %l %t %s %S %b %f %a %c %d\n";

uint64_t dev_major(uint64_t dev) { return ((dev >> 8) & 0xfff) | ((dev >> 32) & ~0xfffull); }
uint64_t dev_minor(uint64_t dev) { return (dev & 0xff) | ((dev >> 12) & ~0xffull); }

struct Target {
  std::string operand;
  std::string path;
  vfs::Stat st;
  vfs::FsStat fs;
  bool is_fs = false;
};

std::string human_time(Invocation& inv, vfs::Timespec t) {
  return fsu::format_time("%Y-%m-%d %H:%M:%S.%N %z", fsu::local_time(inv, t));
}

// "%.3Y": seconds with a fraction.
std::string seconds_text(vfs::Timespec t, int precision) {
  std::string s = std::to_string(t.sec);
  if (precision > 0) {
    char buf[16];
    snprintf(buf, sizeof buf, "%09lld", (long long)t.nsec);
    std::string frac(buf);
    if (precision <= 9) frac.resize(precision);
    else frac += std::string(precision - 9, '0');
    s += "." + frac;
  }
  return s;
}

// Expands one conversion of a file format. Numbers are returned as text with
// `numeric` set so that printf-style flags (0, +) apply.
bool expand_file(Invocation& inv, const Target& t, char conv, char modifier, int precision, std::string& out,
                 bool& numeric, bool literal_names) {
  const vfs::Stat& st = t.st;
  char buf[64];
  numeric = false;
  auto num = [&](uint64_t v) {
    out = std::to_string(v);
    numeric = true;
  };
  switch (conv) {
    case 'a': snprintf(buf, sizeof buf, "%o", st.mode & 07777); out = buf; numeric = true; break;
    case 'A': out = fsu::mode_string(st.mode); break;
    case 'b': num(st.blocks); break;
    case 'B': num(512); break;
    case 'C': out = "?"; break;
    case 'd':
      if (modifier == 'H') num(dev_major(st.dev));
      else if (modifier == 'L') num(dev_minor(st.dev));
      else num(st.dev);
      break;
    case 'D': snprintf(buf, sizeof buf, "%llx", (unsigned long long)st.dev); out = buf; break;
    case 'f': snprintf(buf, sizeof buf, "%x", st.mode); out = buf; break;
    case 'F': out = fsu::type_name(st.mode, st.size); break;
    case 'g': num(st.gid); break;
    case 'G': out = fsu::group_name(*inv.fs, st.gid); break;
    case 'h': num(st.nlink); break;
    case 'i': num(st.ino); break;
    case 'm': out = "/"; break;
    case 'n': out = t.operand; break;
    case 'N': {
      out = literal_names ? t.operand : fsu::quote(t.operand);
      if (S_ISLNK(st.mode)) {
        std::string target;
        if (!inv.fs->readlink(t.path, target)) out += " -> " + (literal_names ? target : fsu::quote(target));
      }
      break;
    }
    case 'o': num(st.blksize); break;
    case 's': out = std::to_string(st.size); numeric = true; break;
    case 'r':
      if (modifier == 'H') num(dev_major(st.rdev));
      else if (modifier == 'L') num(dev_minor(st.rdev));
      else num(st.rdev);
      break;
    case 'R': snprintf(buf, sizeof buf, "%llx", (unsigned long long)st.rdev); out = buf; break;
    case 't': snprintf(buf, sizeof buf, "%llx", (unsigned long long)dev_major(st.rdev)); out = buf; break;
    case 'T': snprintf(buf, sizeof buf, "%llx", (unsigned long long)dev_minor(st.rdev)); out = buf; break;
    case 'u': num(st.uid); break;
    case 'U': out = fsu::user_name(*inv.fs, st.uid); break;
    case 'w': out = "-"; break;
    case 'W': out = "0"; numeric = true; break;
    case 'x': out = human_time(inv, st.atime); break;
    case 'X': out = seconds_text(st.atime, precision); numeric = precision < 0; break;
    case 'y': out = human_time(inv, st.mtime); break;
    case 'Y': out = seconds_text(st.mtime, precision); numeric = precision < 0; break;
    case 'z': out = human_time(inv, st.ctime); break;
    case 'Z': out = seconds_text(st.ctime, precision); numeric = precision < 0; break;
    default: return false;
  }
  return true;
}

bool expand_fs(const Target& t, char conv, std::string& out, bool& numeric) {
  const vfs::FsStat& f = t.fs;
  numeric = true;
  auto num = [&](uint64_t v) { out = std::to_string(v); };
  switch (conv) {
    case 'a': num(f.blocks_available); break;
    case 'b': num(f.blocks); break;
    case 'c': num(f.files); break;
    case 'd': num(f.files_free); break;
    case 'f': num(f.blocks_free); break;
    case 'i': out = "0"; numeric = false; break;
    case 'l': num(f.name_max); break;
    case 'n': out = t.operand; numeric = false; break;
    case 's': num(f.block_size); break;
    case 'S': num(f.block_size); break;
    case 't': out = "0"; numeric = false; break;
    case 'T': out = f.type.empty() ? "UNKNOWN" : f.type; numeric = false; break;
    default: return false;
  }
  return true;
}

// Applies printf-style flags and width to an expanded value.
std::string pad(const std::string& value, const std::string& flags, int width, int precision, bool numeric,
                char conv) {
  std::string v = value;
  bool left = flags.find('-') != std::string::npos;
  bool zero = flags.find('0') != std::string::npos && !left;
  if (numeric && flags.find('+') != std::string::npos && (v.empty() || v[0] != '-')) v = "+" + v;
  else if (numeric && flags.find(' ') != std::string::npos && (v.empty() || v[0] != '-')) v = " " + v;
  if (!numeric && precision >= 0 && strchr("XYZ", conv) == nullptr && (int)v.size() > precision)
    v.resize(precision);
  if (numeric && precision >= 0) {
    size_t sign = (!v.empty() && (v[0] == '+' || v[0] == '-' || v[0] == ' ')) ? 1 : 0;
    int digits = (int)v.size() - (int)sign;
    if (digits < precision) v.insert(sign, std::string(precision - digits, '0'));
    zero = false;
  }
  if ((int)v.size() < width) {
    size_t fill = width - v.size();
    if (left) v += std::string(fill, ' ');
    else if (zero && numeric) {
      size_t sign = (!v.empty() && (v[0] == '+' || v[0] == '-' || v[0] == ' ')) ? 1 : 0;
      v.insert(sign, std::string(fill, '0'));
    } else v = std::string(fill, ' ') + v;
  }
  return v;
}

// Interprets --printf backslash escapes.
void append_escape(std::string_view fmt, size_t& i, std::string& out) {
  // fmt[i] is the character after the backslash.
  char c = fmt[i];
  switch (c) {
    case 'a': out += '\a'; break;
    case 'b': out += '\b'; break;
    case 'e': out += '\033'; break;
    case 'f': out += '\f'; break;
    case 'n': out += '\n'; break;
    case 'r': out += '\r'; break;
    case 't': out += '\t'; break;
    case 'v': out += '\v'; break;
    case '\\': out += '\\'; break;
    case '"': out += '"'; break;
    case 'x': {
      int v = 0, n = 0;
      while (n < 2 && i + 1 < fmt.size() && isxdigit((unsigned char)fmt[i + 1])) {
        char h = fmt[++i];
        v = v * 16 + (isdigit((unsigned char)h) ? h - '0' : (tolower(h) - 'a' + 10));
        ++n;
      }
      if (n == 0) out += "\\x";
      else out += (char)v;
      break;
    }
    default:
      if (c >= '0' && c <= '7') {
        int v = c - '0', n = 1;
        while (n < 3 && i + 1 < fmt.size() && fmt[i + 1] >= '0' && fmt[i + 1] <= '7') {
          v = v * 8 + (fmt[++i] - '0');
          ++n;
        }
        out += (char)v;
      } else {
        out += '\\';
        out += c;
      }
  }
}

std::string render(Invocation& inv, const Target& t, std::string_view fmt, bool escapes, bool literal_names = false) {
  std::string out;
  for (size_t i = 0; i < fmt.size(); ++i) {
    char c = fmt[i];
    if (c == '\\' && escapes && i + 1 < fmt.size()) {
      ++i;
      append_escape(fmt, i, out);
      continue;
    }
    if (c != '%') {
      out += c;
      continue;
    }
    size_t start = i++;
    std::string flags;
    while (i < fmt.size() && strchr("-+ #0'", fmt[i])) flags += fmt[i++];
    int width = 0;
    while (i < fmt.size() && isdigit((unsigned char)fmt[i])) width = width * 10 + (fmt[i++] - '0');
    int precision = -1;
    if (i < fmt.size() && fmt[i] == '.') {
      ++i;
      precision = 0;
      while (i < fmt.size() && isdigit((unsigned char)fmt[i])) precision = precision * 10 + (fmt[i++] - '0');
    }
    char modifier = 0;
    if (i < fmt.size() && (fmt[i] == 'H' || fmt[i] == 'L') && i + 1 < fmt.size() && strchr("dr", fmt[i + 1]))
      modifier = fmt[i++];
    if (i >= fmt.size()) {
      out += fmt.substr(start);
      break;
    }
    char conv = fmt[i];
    if (conv == '%') {
      out += '%';
      continue;
    }
    std::string value;
    bool numeric = false;
    bool ok = t.is_fs ? expand_fs(t, conv, value, numeric)
                      : expand_file(inv, t, conv, modifier, precision, value, numeric, literal_names);
    if (!ok) {
      out.append(fmt.substr(start, i - start + 1));
      continue;
    }
    int prec = strchr("XYZ", conv) && !t.is_fs ? -1 : precision;
    out += pad(value, flags, width, prec, numeric, conv);
  }
  return out;
}

int run_stat(Invocation& inv) {
  ParsedArgs args;
  if (auto status = parse_args(inv, kSpec, args)) return *status;
  bool follow = args.has(kDereference), filesystem = args.has(kFileSystem), terse = args.has(kTerse);
  std::optional<std::string> format;
  bool escapes = false;
  for (const ParsedOption& o : args.options) {
    if (o.id == kFormat) {
      format = o.value + "\n";
      escapes = false;
    } else if (o.id == kPrintf) {
      format = o.value;
      escapes = true;
    }
  }
  if (args.operands.empty()) {
    inv.error("missing operand");
    print_try_help(inv);
    return 1;
  }
  int status = 0;
  for (const std::string& operand : args.operands) {
    Target t;
    t.operand = operand;
    t.path = inv.path(operand);
    if (filesystem) {
      if (vfs::Error err = inv.fs->statfs(t.path, t.fs)) {
        inv.error("cannot read file system information for " + fsu::quote(operand), err);
        status = 1;
        continue;
      }
      t.is_fs = true;
      std::string fmt = format ? *format : terse ? kTerseFs : kDefaultFs;
      inv.out() << render(inv, t, fmt, escapes);
      continue;
    }
    vfs::Error err = follow ? inv.fs->stat(t.path, t.st) : inv.fs->lstat(t.path, t.st);
    if (!err && operand.size() > 1 && operand.back() == '/') {
      vfs::Stat target;
      if (inv.fs->stat(t.path, target) || !S_ISDIR(target.mode)) err = vfs::make_error(ENOTDIR);
      else t.st = target;
    }
    if (err) {
      inv.error("cannot statx " + fsu::quote(operand), err);
      status = 1;
      continue;
    }
    std::string fmt;
    if (format) {
      fmt = *format;
    } else if (terse) {
      fmt = kTerseFile;
    } else {
      fmt = kDefaultFile;
      fmt += (S_ISCHR(t.st.mode) || S_ISBLK(t.st.mode)) ? kDefaultDev : kDefaultNonDev;
      fmt += kDefaultTail;
    }
    inv.out() << render(inv, t, fmt, escapes, !format && !terse);
  }
  return status;
}

}  // namespace

BURROW_COMMAND(stat, "display file or file system status", run_stat);

}  // namespace burrow
