// ls: list directory contents (GNU coreutils 9).
#include <fnmatch.h>

#include <algorithm>
#include <cstring>
#include <map>

#include "commands/args.h"
#include "commands/common/fs_util.h"

namespace burrow {
namespace {

enum Opt {
  kAll, kAlmostAll, kAuthor, kEscape, kBlockSize, kIgnoreBackups, kCtime, kColumns, kColor, kDirectory, kDired,
  kUnsortedAll, kClassify, kFileType, kFormat, kFullTime, kNoOwner, kGroupDirsFirst, kNoGroup, kHuman, kSi,
  kDerefCommandLine, kDerefCommandLineDir, kHide, kHyperlink, kIndicatorStyle, kInode, kIgnore, kKibibytes, kLong,
  kDereference, kCommas, kNumeric, kLiteral, kNoGroupLong, kSlash, kHideControl, kShowControl, kQuoteName,
  kQuotingStyle, kReverse, kRecursive, kSize, kSortSize, kSort, kTime, kTimeStyle, kSortTime, kTabsize, kAtime,
  kUnsorted, kVersion, kWidth, kAcross, kExtension, kContext, kZero, kOnePerLine,
};

constexpr OptionSpec kOptions[] = {
    {kAll, 'a', "all", ArgKind::kNone, "do not ignore entries starting with ."},
    {kAlmostAll, 'A', "almost-all", ArgKind::kNone, "do not list implied . and .."},
    {kAuthor, 0, "author", ArgKind::kNone, "with -l, print the author of each file"},
    {kEscape, 'b', "escape", ArgKind::kNone, "print C-style escapes for nongraphic characters"},
    {kBlockSize, 0, "block-size", ArgKind::kRequired, "scale sizes by SIZE when printing them", "SIZE"},
    {kIgnoreBackups, 'B', "ignore-backups", ArgKind::kNone, "do not list implied entries ending with ~"},
    {kCtime, 'c', "", ArgKind::kNone, "with -lt: sort by, and show, ctime"},
    {kColumns, 'C', "", ArgKind::kNone, "list entries by columns"},
    {kColor, 0, "color", ArgKind::kOptional, "color the output WHEN; more info below", "WHEN"},
    {kColor, 0, "colour", ArgKind::kOptional, "", "WHEN"},
    {kDirectory, 'd', "directory", ArgKind::kNone, "list directories themselves, not their contents"},
    {kDired, 'D', "dired", ArgKind::kNone, "generate output designed for Emacs' dired mode"},
    {kUnsortedAll, 'f', "", ArgKind::kNone, "list all entries in directory order"},
    {kClassify, 'F', "classify", ArgKind::kOptional, "append indicator (one of */=>@|) to entries WHEN", "WHEN"},
    {kFileType, 0, "file-type", ArgKind::kNone, "likewise, except do not append '*'"},
    {kFormat, 0, "format", ArgKind::kRequired, "across -x, commas -m, horizontal -x, long -l, single-column -1, verbose -l, vertical -C", "WORD"},
    {kFullTime, 0, "full-time", ArgKind::kNone, "like -l --time-style=full-iso"},
    {kNoOwner, 'g', "", ArgKind::kNone, "like -l, but do not list owner"},
    {kGroupDirsFirst, 0, "group-directories-first", ArgKind::kNone, "group directories before files"},
    {kNoGroup, 'G', "no-group", ArgKind::kNone, "in a long listing, don't print group names"},
    {kHuman, 'h', "human-readable", ArgKind::kNone, "with -l and -s, print sizes like 1K 234M 2G etc."},
    {kSi, 0, "si", ArgKind::kNone, "likewise, but use powers of 1000 not 1024"},
    {kDerefCommandLine, 'H', "dereference-command-line", ArgKind::kNone, "follow symbolic links listed on the command line"},
    {kDerefCommandLineDir, 0, "dereference-command-line-symlink-to-dir", ArgKind::kNone, "follow each command line symbolic link that points to a directory"},
    {kHide, 0, "hide", ArgKind::kRequired, "do not list implied entries matching shell PATTERN", "PATTERN"},
    {kHyperlink, 0, "hyperlink", ArgKind::kOptional, "hyperlink file names WHEN", "WHEN"},
    {kIndicatorStyle, 0, "indicator-style", ArgKind::kRequired, "append indicator with style WORD to entry names", "WORD"},
    {kInode, 'i', "inode", ArgKind::kNone, "print the index number of each file"},
    {kIgnore, 'I', "ignore", ArgKind::kRequired, "do not list implied entries matching shell PATTERN", "PATTERN"},
    {kKibibytes, 'k', "kibibytes", ArgKind::kNone, "default to 1024-byte blocks for file system usage"},
    {kLong, 'l', "", ArgKind::kNone, "use a long listing format"},
    {kDereference, 'L', "dereference", ArgKind::kNone, "show information for the file references rather than for the link itself"},
    {kCommas, 'm', "", ArgKind::kNone, "fill width with a comma separated list of entries"},
    {kNumeric, 'n', "numeric-uid-gid", ArgKind::kNone, "like -l, but list numeric user and group IDs"},
    {kLiteral, 'N', "literal", ArgKind::kNone, "print entry names without quoting"},
    {kNoGroupLong, 'o', "", ArgKind::kNone, "like -l, but do not list group information"},
    {kSlash, 'p', "", ArgKind::kNone, "append / indicator to directories"},
    {kHideControl, 'q', "hide-control-chars", ArgKind::kNone, "print ? instead of nongraphic characters"},
    {kShowControl, 0, "show-control-chars", ArgKind::kNone, "show nongraphic characters as-is"},
    {kQuoteName, 'Q', "quote-name", ArgKind::kNone, "enclose entry names in double quotes"},
    {kQuotingStyle, 0, "quoting-style", ArgKind::kRequired, "use quoting style WORD for entry names", "WORD"},
    {kReverse, 'r', "reverse", ArgKind::kNone, "reverse order while sorting"},
    {kRecursive, 'R', "recursive", ArgKind::kNone, "list subdirectories recursively"},
    {kSize, 's', "size", ArgKind::kNone, "print the allocated size of each file, in blocks"},
    {kSortSize, 'S', "", ArgKind::kNone, "sort by file size, largest first"},
    {kSort, 0, "sort", ArgKind::kRequired, "sort by WORD instead of name: none, size, time, version, extension, width", "WORD"},
    {kTime, 0, "time", ArgKind::kRequired, "select which timestamp used to display or sort", "WORD"},
    {kTimeStyle, 0, "time-style", ArgKind::kRequired, "time/date format with -l", "TIME_STYLE"},
    {kSortTime, 't', "", ArgKind::kNone, "sort by time, newest first"},
    {kTabsize, 'T', "tabsize", ArgKind::kRequired, "assume tab stops at each COLS instead of 8", "COLS"},
    {kAtime, 'u', "", ArgKind::kNone, "with -lt: sort by, and show, access time"},
    {kUnsorted, 'U', "", ArgKind::kNone, "do not sort; list entries in directory order"},
    {kVersion, 'v', "", ArgKind::kNone, "natural sort of (version) numbers within text"},
    {kWidth, 'w', "width", ArgKind::kRequired, "set output width to COLS.  0 means no limit", "COLS"},
    {kAcross, 'x', "", ArgKind::kNone, "list entries by lines instead of by columns"},
    {kExtension, 'X', "", ArgKind::kNone, "sort alphabetically by entry extension"},
    {kContext, 'Z', "context", ArgKind::kNone, "print any security context of each file"},
    {kZero, 0, "zero", ArgKind::kNone, "end each output line with NUL, not newline"},
    {kOnePerLine, '1', "", ArgKind::kNone, "list one file per line"},
};

constexpr CommandSpec kSpec{
    "Usage: ls [OPTION]... [FILE]...",
    "List information about the FILEs (the current directory by default).\n"
    "Sort entries alphabetically if none of -cftuvSUX nor --sort is specified.",
    kOptions,
    2,
};

enum class Format { kLong, kOnePerLine, kColumns, kAcross, kCommas };
enum class Sort { kName, kNone, kSize, kTime, kVersion, kExtension, kWidth };
enum class TimeField { kMtime, kAtime, kCtime };
enum class Indicator { kNone, kSlash, kFileType, kClassify };
enum class Quoting { kLiteral, kShell, kShellAlways, kShellEscape, kShellEscapeAlways, kC, kEscape };

struct Options {
  bool all = false, almost_all = false, ignore_backups = false, directory = false, recursive = false;
  bool show_owner = true, show_group = true, numeric = false, inode = false, size = false;
  bool human = false, si = false, reverse = false, group_dirs_first = false, hide_control = false;
  bool color = false, zero = false, author = false, context = false;
  enum { kDerefNone, kDerefCommandLine, kDerefCommandLineDirs, kDerefAll } deref = kDerefNone;
  Format format = Format::kOnePerLine;
  Sort sort = Sort::kName;
  TimeField time = TimeField::kMtime;
  Indicator indicator = Indicator::kNone;
  Quoting quoting = Quoting::kLiteral;
  std::string time_style = "locale";
  std::vector<std::string> ignore, hide;
  size_t width = 80;
  size_t tabsize = 8;
  uint64_t block_size = 1024;
};

struct Entry {
  std::string name;  // as displayed (operand or basename)
  std::string path;  // absolute sandbox path
  vfs::Stat st;
  bool stat_ok = false;
  std::string link_target;
  bool link_ok = false;  // the link target exists
  vfs::Stat link_st;
  bool is_dir_operand = false;
};

// Default LS_COLORS, overridable by the LS_COLORS environment variable.
struct Colors {
  std::map<std::string, std::string, std::less<>> types{
      {"di", "01;34"}, {"ln", "01;36"}, {"ex", "01;32"}, {"pi", "40;33"}, {"so", "01;35"}, {"bd", "40;33;01"},
      {"cd", "40;33;01"}, {"su", "37;41"}, {"sg", "30;43"}, {"tw", "30;42"}, {"ow", "34;42"}, {"st", "37;44"},
      {"do", "01;35"}, {"rs", "0"}, {"lc", "\033["}, {"rc", "m"}};
  std::vector<std::pair<std::string, std::string>> extensions;
  bool used = false;

  void load(std::string_view spec) {
    size_t pos = 0;
    while (pos < spec.size()) {
      size_t end = spec.find(':', pos);
      if (end == std::string_view::npos) end = spec.size();
      std::string_view item = spec.substr(pos, end - pos);
      pos = end + 1;
      size_t eq = item.find('=');
      if (eq == std::string_view::npos) continue;
      std::string key(item.substr(0, eq)), value(item.substr(eq + 1));
      if (!key.empty() && key[0] == '*') extensions.emplace_back(key.substr(1), value);
      else types[key] = value;
    }
  }
  const std::string* get(std::string_view key) const {
    auto it = types.find(key);
    if (it == types.end() || it->second.empty()) return nullptr;
    return &it->second;
  }
};

struct Lister {
  Invocation& inv;
  Options opt;
  Colors colors;
  int status = 0;
  bool printed_any = false;  // for the blank line between directory listings
  int64_t now = 0;
  char eol = '\n';
  std::map<uint32_t, std::string> user_cache, group_cache;

  explicit Lister(Invocation& i) : inv(i) {}

  const std::string& user(uint32_t uid) {
    auto it = user_cache.find(uid);
    if (it == user_cache.end()) it = user_cache.emplace(uid, fsu::user_name(*inv.fs, uid)).first;
    return it->second;
  }
  const std::string& group(uint32_t gid) {
    auto it = group_cache.find(gid);
    if (it == group_cache.end()) it = group_cache.emplace(gid, fsu::group_name(*inv.fs, gid)).first;
    return it->second;
  }

  vfs::Timespec entry_time(const vfs::Stat& st) const {
    switch (opt.time) {
      case TimeField::kAtime: return st.atime;
      case TimeField::kCtime: return st.ctime;
      default: return st.mtime;
    }
  }

  // --- names --------------------------------------------------------------

  std::string quoted(const std::string& name) const {
    switch (opt.quoting) {
      case Quoting::kLiteral: {
        if (!opt.hide_control) return name;
        std::string s = name;
        for (char& c : s)
          if ((unsigned char)c < 32 || c == 127) c = '?';
        return s;
      }
      case Quoting::kShell:
      case Quoting::kShellEscape: {
        std::string s = fsu::shell_quote_if_needed(name);
        return s;
      }
      case Quoting::kShellAlways:
      case Quoting::kShellEscapeAlways: return fsu::quote(name);
      case Quoting::kC:
      case Quoting::kEscape: {
        std::string s;
        bool c_style = opt.quoting == Quoting::kC;
        if (c_style) s += '"';
        for (unsigned char ch : name) {
          switch (ch) {
            case '\n': s += "\\n"; break;
            case '\t': s += "\\t"; break;
            case '\r': s += "\\r"; break;
            case '\a': s += "\\a"; break;
            case '\b': s += "\\b"; break;
            case '\f': s += "\\f"; break;
            case '\v': s += "\\v"; break;
            case '\\': s += "\\\\"; break;
            case '"':
              if (c_style) s += "\\\"";
              else s += '"';
              break;
            case ' ':
              if (c_style) s += ' ';
              else s += "\\ ";
              break;
            default:
              if (ch < 32 || ch == 127) {
                char buf[8];
                snprintf(buf, sizeof buf, "\\%03o", ch);
                s += buf;
              } else {
                s += (char)ch;
              }
          }
        }
        if (c_style) s += '"';
        return s;
      }
    }
    return name;
  }

  // Display width of a UTF-8 string (one column per code point).
  static size_t width_of(std::string_view s) {
    size_t w = 0;
    for (unsigned char c : s)
      if ((c & 0xC0) != 0x80) ++w;
    return w;
  }

  char indicator_for(uint32_t mode) const {
    if (opt.indicator == Indicator::kNone) return 0;
    if (S_ISDIR(mode)) return '/';
    if (opt.indicator == Indicator::kSlash) return 0;
    if (S_ISLNK(mode)) return '@';
    if (S_ISFIFO(mode)) return '|';
    if (S_ISSOCK(mode)) return '=';
    if (opt.indicator == Indicator::kClassify && S_ISREG(mode) && (mode & 0111)) return '*';
    return 0;
  }

  const std::string* color_for(const Entry& e, bool target) {
    uint32_t mode;
    if (target) {
      if (!e.link_ok) return colors.get("mi");
      mode = e.link_st.mode;
    } else {
      if (!e.stat_ok) return colors.get("mi");
      mode = e.st.mode;
    }
    if (S_ISLNK(mode)) {
      const std::string* ln = colors.get("ln");
      if (ln && *ln == "target") {
        if (!e.link_ok) return colors.get("or") ? colors.get("or") : nullptr;
        mode = e.link_st.mode;
      } else {
        if (!e.link_ok && colors.get("or")) return colors.get("or");
        return ln;
      }
    }
    if (S_ISDIR(mode)) {
      if ((mode & S_ISVTX) && (mode & S_IWOTH) && colors.get("tw")) return colors.get("tw");
      if ((mode & S_IWOTH) && colors.get("ow")) return colors.get("ow");
      if ((mode & S_ISVTX) && colors.get("st")) return colors.get("st");
      return colors.get("di");
    }
    if (S_ISFIFO(mode)) return colors.get("pi");
    if (S_ISSOCK(mode)) return colors.get("so");
    if (S_ISBLK(mode)) return colors.get("bd");
    if (S_ISCHR(mode)) return colors.get("cd");
    if (S_ISREG(mode)) {
      if ((mode & S_ISUID) && colors.get("su")) return colors.get("su");
      if ((mode & S_ISGID) && colors.get("sg")) return colors.get("sg");
      if ((mode & 0111) && colors.get("ex")) return colors.get("ex");
      std::string_view base = target ? std::string_view(e.link_target) : std::string_view(e.name);
      for (auto it = colors.extensions.rbegin(); it != colors.extensions.rend(); ++it) {
        if (base.size() >= it->first.size() && base.substr(base.size() - it->first.size()) == it->first)
          return it->second.empty() ? nullptr : &it->second;
      }
      return colors.get("fi");
    }
    return nullptr;
  }

  void put_colored(std::string& line, const std::string& text, const std::string* code) {
    if (!opt.color || !code) {
      line += text;
      return;
    }
    if (!colors.used) {
      colors.used = true;
      line += "\033[0m";
    }
    line += "\033[" + *code + "m" + text + "\033[0m";
  }

  // --- columns of the long format -----------------------------------------

  struct Widths {
    size_t inode = 0, blocks = 0, nlink = 0, owner = 0, group = 0, size = 0, major = 0, minor = 0;
  };

  std::string blocks_text(const vfs::Stat& st) const {
    uint64_t bytes = (uint64_t)st.blocks * 512;
    if (opt.human || opt.si) return fsu::human_size(bytes, opt.si);
    return std::to_string((bytes + opt.block_size - 1) / opt.block_size);
  }

  std::string size_text(const vfs::Stat& st) const {
    if (opt.human || opt.si) return fsu::human_size(st.size, opt.si);
    if (opt.block_size != 1024 && opt.block_size != 1) return std::to_string((st.size + opt.block_size - 1) / opt.block_size);
    return std::to_string(st.size);
  }

  std::string owner_text(const vfs::Stat& st) { return opt.numeric ? std::to_string(st.uid) : user(st.uid); }
  std::string group_text(const vfs::Stat& st) { return opt.numeric ? std::to_string(st.gid) : group(st.gid); }

  static bool is_device(const vfs::Stat& st) { return S_ISCHR(st.mode) || S_ISBLK(st.mode); }

  Widths measure(const std::vector<Entry>& entries) {
    Widths w;
    for (const Entry& e : entries) {
      if (!e.stat_ok) continue;
      w.inode = std::max(w.inode, std::to_string(e.st.ino).size());
      w.blocks = std::max(w.blocks, blocks_text(e.st).size());
      w.nlink = std::max(w.nlink, std::to_string(e.st.nlink).size());
      w.owner = std::max(w.owner, width_of(owner_text(e.st)));
      w.group = std::max(w.group, width_of(group_text(e.st)));
      if (is_device(e.st)) {
        w.major = std::max(w.major, std::to_string(major_of(e.st.rdev)).size());
        w.minor = std::max(w.minor, std::to_string(minor_of(e.st.rdev)).size());
      } else {
        w.size = std::max(w.size, size_text(e.st).size());
      }
    }
    if (w.major || w.minor) w.size = std::max(w.size, w.major + 2 + w.minor);
    return w;
  }

  static uint64_t major_of(uint64_t dev) { return ((dev >> 8) & 0xfff) | ((dev >> 32) & ~0xfffull); }
  static uint64_t minor_of(uint64_t dev) { return (dev & 0xff) | ((dev >> 12) & ~0xffull); }

  static void pad_left(std::string& line, const std::string& s, size_t width) {
    if (s.size() < width) line.append(width - s.size(), ' ');
    line += s;
  }
  static void pad_right(std::string& line, const std::string& s, size_t width) {
    line += s;
    size_t w = width_of(s);
    if (w < width) line.append(width - w, ' ');
  }

  std::string time_text(vfs::Timespec t) {
    fsu::CivilTime ct = fsu::local_time(inv, t);
    std::string style = opt.time_style;
    if (style.rfind("posix-", 0) == 0) style = "locale";
    if (style == "full-iso") return fsu::format_time("%Y-%m-%d %H:%M:%S.%N %z", ct);
    if (style == "long-iso") return fsu::format_time("%Y-%m-%d %H:%M", ct);
    bool recent = t.sec > now - 31556952 / 2 && t <= vfs::Timespec{now, 999999999};
    if (style == "iso") return fsu::format_time(recent ? "%m-%d %H:%M" : "%Y-%m-%d ", ct);
    if (!style.empty() && style[0] == '+') {
      std::string fmt = style.substr(1);
      size_t nl = fmt.find('\n');
      if (nl != std::string::npos) fmt = recent ? fmt.substr(0, nl) : fmt.substr(nl + 1);
      return fsu::format_time(fmt, ct);
    }
    return fsu::format_time(recent ? "%b %e %H:%M" : "%b %e  %Y", ct);
  }

  std::string prefix_columns(const Entry& e, const Widths& w) {
    std::string line;
    if (opt.inode) {
      pad_left(line, e.stat_ok ? std::to_string(e.st.ino) : "?", w.inode);
      line += ' ';
    }
    if (opt.size) {
      pad_left(line, e.stat_ok ? blocks_text(e.st) : "?", w.blocks);
      line += ' ';
    }
    return line;
  }

  std::string long_line(const Entry& e, const Widths& w) {
    std::string line = prefix_columns(e, w);
    if (!e.stat_ok) {
      line += fsu::type_char(e.st.mode);
      line += "????????? ";
      pad_left(line, "?", w.nlink);
      line += ' ';
      if (opt.show_owner) {
        pad_right(line, "?", w.owner);
        line += ' ';
      }
      if (opt.show_group) {
        pad_right(line, "?", w.group);
        line += ' ';
      }
      pad_left(line, "?", w.size);
      line += ' ';
      std::string t = time_text({now, 0});
      pad_left(line, "?", width_of(t));
      line += ' ';
    } else {
      line += fsu::mode_string(e.st.mode);
      line += ' ';
      pad_left(line, std::to_string(e.st.nlink), w.nlink);
      line += ' ';
      if (opt.show_owner) {
        pad_right(line, owner_text(e.st), w.owner);
        line += ' ';
      }
      if (opt.show_group) {
        pad_right(line, group_text(e.st), w.group);
        line += ' ';
      }
      if (is_device(e.st)) {
        std::string maj = std::to_string(major_of(e.st.rdev)), min = std::to_string(minor_of(e.st.rdev));
        std::string s;
        pad_left(s, maj, w.size > w.minor + 2 ? w.size - w.minor - 2 : 0);
        s += ", ";
        pad_left(s, min, w.minor);
        line += s;
      } else {
        pad_left(line, size_text(e.st), w.size);
      }
      line += ' ';
      line += time_text(entry_time(e.st));
      line += ' ';
    }
    put_colored(line, quoted(e.name), color_for(e, false));
    if (e.stat_ok && S_ISLNK(e.st.mode)) {
      line += " -> ";
      put_colored(line, quoted(e.link_target), color_for(e, true));
      if (e.link_ok) {
        if (char c = indicator_for(e.link_st.mode)) line += c;
      }
    } else if (e.stat_ok) {
      if (char c = indicator_for(e.st.mode)) line += c;
    }
    return line;
  }

  // The name with inode, blocks and indicator, and its display width.
  std::string short_item(const Entry& e, const Widths& w, size_t& width) {
    std::string item = prefix_columns(e, w);
    size_t pre = item.size();
    std::string q = quoted(e.name);
    put_colored(item, q, color_for(e, false));
    width = pre + width_of(q);
    if (e.stat_ok) {
      if (char c = indicator_for(e.st.mode)) {
        item += c;
        ++width;
      }
    }
    return item;
  }

  // --- output -------------------------------------------------------------

  void print_entries(const std::vector<Entry>& entries) {
    Widths w = measure(entries);
    OutStream& out = inv.out();
    if (opt.format == Format::kLong) {
      for (const Entry& e : entries) {
        out << long_line(e, w) << eol;
      }
      return;
    }
    std::vector<std::string> items;
    std::vector<size_t> widths;
    for (const Entry& e : entries) {
      size_t width;
      items.push_back(short_item(e, w, width));
      widths.push_back(width);
    }
    switch (opt.format) {
      case Format::kOnePerLine:
        for (auto& item : items) out << item << eol;
        break;
      case Format::kCommas: print_commas(items, widths); break;
      default: print_grid(items, widths, opt.format == Format::kColumns); break;
    }
  }

  void print_commas(const std::vector<std::string>& items, const std::vector<size_t>& widths) {
    OutStream& out = inv.out();
    size_t pos = 0;
    for (size_t i = 0; i < items.size(); ++i) {
      size_t len = opt.width ? widths[i] : 0;
      if (i > 0) {
        if (!opt.width || pos + len + 2 < opt.width) {
          out << ", ";
          pos += 2;
        } else {
          out << ",\n";
          pos = 0;
        }
      }
      out << items[i];
      pos += len;
    }
    if (!items.empty()) out << eol;
  }

  void indent(std::string& line, size_t from, size_t to) {
    while (from < to) {
      if (opt.tabsize && to / opt.tabsize > (from + 1) / opt.tabsize) {
        line += '\t';
        from += opt.tabsize - from % opt.tabsize;
      } else {
        line += ' ';
        ++from;
      }
    }
  }

  void print_grid(const std::vector<std::string>& items, const std::vector<size_t>& widths, bool by_columns) {
    size_t n = items.size();
    if (n == 0) return;
    const size_t kMin = 3;
    size_t max_cols = opt.width ? opt.width / kMin + (opt.width % kMin != 0) : n;
    max_cols = std::max<size_t>(1, std::min(max_cols, n));
    struct Layout {
      bool valid = true;
      size_t line_len = 0;
      std::vector<size_t> col;
    };
    std::vector<Layout> layouts(max_cols);
    for (size_t i = 0; i < max_cols; ++i) {
      layouts[i].line_len = (i + 1) * kMin;
      layouts[i].col.assign(i + 1, kMin);
    }
    for (size_t f = 0; f < n; ++f) {
      for (size_t i = 0; i < max_cols; ++i) {
        Layout& l = layouts[i];
        if (!l.valid) continue;
        size_t idx = by_columns ? f / ((n + i) / (i + 1)) : f % (i + 1);
        size_t real = widths[f] + (idx == i ? 0 : 2);
        if (l.col[idx] < real) {
          l.line_len += real - l.col[idx];
          l.col[idx] = real;
          l.valid = !opt.width || l.line_len < opt.width;
        }
      }
    }
    size_t cols = 1;
    for (size_t i = max_cols; i > 0; --i) {
      if (layouts[i - 1].valid) {
        cols = i;
        break;
      }
    }
    const std::vector<size_t>& col = layouts[cols - 1].col;
    OutStream& out = inv.out();
    if (by_columns) {
      size_t rows = n / cols + (n % cols != 0);
      for (size_t row = 0; row < rows; ++row) {
        std::string line;
        size_t c = 0, pos = 0;
        size_t f = row;
        for (;;) {
          line += items[f];
          size_t max_w = col[c++];
          f += rows;
          if (f >= n) break;
          indent(line, pos + widths[f - rows], pos + max_w);
          pos += max_w;
        }
        out << line << eol;
      }
    } else {
      std::string line = items[0];
      size_t pos = 0;
      for (size_t f = 1; f < n; ++f) {
        size_t c = f % cols;
        if (c == 0) {
          out << line << eol;
          line.clear();
          pos = 0;
        } else {
          indent(line, pos + widths[f - 1], pos + col[c - 1]);
          pos += col[c - 1];
        }
        line += items[f];
      }
      out << line << eol;
    }
  }

  // --- gathering and sorting ----------------------------------------------

  bool fill(Entry& e, bool follow) {
    vfs::Error err = follow ? inv.fs->stat(e.path, e.st) : inv.fs->lstat(e.path, e.st);
    if (err && follow) {
      // A dangling symlink under -L is still listed, as a link.
      if (!inv.fs->lstat(e.path, e.st) && S_ISLNK(e.st.mode)) err = {};
    }
    if (err) return false;
    e.stat_ok = true;
    if (S_ISLNK(e.st.mode)) {
      inv.fs->readlink(e.path, e.link_target);
      e.link_ok = !inv.fs->stat(e.path, e.link_st);
    }
    return true;
  }

  bool ignored(const std::string& name) const {
    if (name[0] == '.' && !opt.all && !opt.almost_all) return true;
    if (opt.ignore_backups && name.back() == '~') return true;
    for (const auto& p : opt.ignore)
      if (fnmatch(p.c_str(), name.c_str(), FNM_PERIOD) == 0) return true;
    if (!opt.all && !opt.almost_all)
      for (const auto& p : opt.hide)
        if (fnmatch(p.c_str(), name.c_str(), FNM_PERIOD) == 0) return true;
    return false;
  }

  static int version_order(unsigned char c) {
    if (isdigit(c)) return 0;
    if (isalpha(c)) return c;
    if (c == '~') return -1;
    return c + 256;
  }

  static int verrevcmp(std::string_view a, std::string_view b) {
    size_t i = 0, j = 0;
    while (i < a.size() || j < b.size()) {
      int first_diff = 0;
      while ((i < a.size() && !isdigit((unsigned char)a[i])) || (j < b.size() && !isdigit((unsigned char)b[j]))) {
        int ac = i < a.size() ? version_order(a[i]) : 0;
        int bc = j < b.size() ? version_order(b[j]) : 0;
        if (ac != bc) return ac - bc;
        ++i;
        ++j;
      }
      while (i < a.size() && a[i] == '0') ++i;
      while (j < b.size() && b[j] == '0') ++j;
      while (i < a.size() && j < b.size() && isdigit((unsigned char)a[i]) && isdigit((unsigned char)b[j])) {
        if (!first_diff) first_diff = a[i] - b[j];
        ++i;
        ++j;
      }
      if (i < a.size() && isdigit((unsigned char)a[i])) return 1;
      if (j < b.size() && isdigit((unsigned char)b[j])) return -1;
      if (first_diff) return first_diff;
    }
    return 0;
  }

  // Length of a name without its version-sort suffix (\.[A-Za-z~][A-Za-z0-9~]*)*$.
  static size_t prefix_len(std::string_view s) {
    size_t prefix = s.size();
    size_t i = s.size();
    // Scan backwards over suffix groups.
    for (;;) {
      size_t dot = s.rfind('.', i == 0 ? 0 : i - 1);
      if (dot == std::string_view::npos || dot + 1 >= i) break;
      std::string_view part = s.substr(dot + 1, i - dot - 1);
      bool ok = isalpha((unsigned char)part[0]) || part[0] == '~';
      for (char c : part) ok = ok && (isalnum((unsigned char)c) || c == '~');
      if (!ok || dot == 0) break;
      prefix = dot;
      i = dot;
    }
    return prefix;
  }

  static int filevercmp(std::string_view a, std::string_view b) {
    if (a == b) return 0;
    if (a.empty()) return -1;
    if (b.empty()) return 1;
    if (a == ".") return -1;
    if (b == ".") return 1;
    if (a == "..") return -1;
    if (b == "..") return 1;
    if (a[0] == '.' && b[0] != '.') return -1;
    if (a[0] != '.' && b[0] == '.') return 1;
    if (a[0] == '.' && b[0] == '.') {
      a.remove_prefix(1);
      b.remove_prefix(1);
    }
    size_t ap = prefix_len(a), bp = prefix_len(b);
    bool same_prefix = ap == bp && a.substr(0, ap) == b.substr(0, bp);
    int r = same_prefix ? verrevcmp(a, b) : verrevcmp(a.substr(0, ap), b.substr(0, bp));
    if (r) return r;
    return a.compare(b);
  }

  static int name_cmp(const std::string& a, const std::string& b) { return a.compare(b); }

  void sort_entries(std::vector<Entry>& entries) {
    if (opt.sort == Sort::kNone && !opt.group_dirs_first) return;
    auto key_cmp = [&](const Entry& a, const Entry& b) -> int {
      switch (opt.sort) {
        case Sort::kTime: {
          vfs::Timespec ta = entry_time(a.st), tb = entry_time(b.st);
          if (ta != tb) return ta > tb ? -1 : 1;
          break;
        }
        case Sort::kSize:
          if (a.st.size != b.st.size) return a.st.size > b.st.size ? -1 : 1;
          break;
        case Sort::kVersion: return filevercmp(a.name, b.name);
        case Sort::kExtension: {
          size_t da = a.name.rfind('.'), db = b.name.rfind('.');
          std::string_view ea = da == std::string::npos ? "" : std::string_view(a.name).substr(da);
          std::string_view eb = db == std::string::npos ? "" : std::string_view(b.name).substr(db);
          if (int c = ea.compare(eb)) return c;
          break;
        }
        case Sort::kWidth: {
          size_t wa = width_of(a.name), wb = width_of(b.name);
          if (wa != wb) return wa < wb ? -1 : 1;
          break;
        }
        default: break;
      }
      return name_cmp(a.name, b.name);
    };
    auto is_dir_entry = [](const Entry& e) {
      if (!e.stat_ok) return false;
      if (S_ISDIR(e.st.mode)) return true;
      return S_ISLNK(e.st.mode) && e.link_ok && S_ISDIR(e.link_st.mode);
    };
    std::stable_sort(entries.begin(), entries.end(), [&](const Entry& a, const Entry& b) {
      if (opt.group_dirs_first) {
        bool da = is_dir_entry(a), db = is_dir_entry(b);
        if (da != db) return da;
      }
      if (opt.sort == Sort::kNone) return false;
      int c = key_cmp(a, b);
      return opt.reverse ? c > 0 : c < 0;
    });
  }

  uint64_t total_blocks(const std::vector<Entry>& entries) {
    uint64_t sum = 0;
    for (const Entry& e : entries)
      if (e.stat_ok) sum += e.st.blocks;
    return sum;
  }

  void list_directory(const std::string& display, const std::string& path, bool header, bool top) {
    std::vector<vfs::DirEntry> raw;
    if (vfs::Error err = inv.fs->readdir(path, raw)) {
      inv.error("cannot open directory " + fsu::quote(display), err);
      status = top ? 2 : std::max(status, 1);
      return;
    }
    OutStream& out = inv.out();
    if (header) {
      if (printed_any) out << '\n';
      out << quoted(display) << ":" << eol;
    }
    printed_any = true;
    std::vector<Entry> entries;
    auto add = [&](const std::string& name, const std::string& entry_path) {
      Entry e;
      e.name = name;
      e.path = entry_path;
      if (!fill(e, opt.deref == Options::kDerefAll)) {
        vfs::Error err = inv.fs->lstat(e.path, e.st);
        inv.error("cannot access " + fsu::quote(display_join(display, name)), err ? err : vfs::make_error(ENOENT));
        status = std::max(status, 1);
      }
      entries.push_back(std::move(e));
    };
    if (opt.all) {
      add(".", path);
      add("..", std::string(vfs::dirname_of(path)));
    }
    for (const auto& d : raw) {
      if (ignored(d.name)) continue;
      add(d.name, vfs::join(path, d.name));
    }
    sort_entries(entries);
    if (opt.format == Format::kLong || opt.size) {
      uint64_t blocks = total_blocks(entries);
      std::string total;
      if (opt.human || opt.si) total = fsu::human_size(blocks * 512, opt.si);
      else total = std::to_string((blocks * 512 + opt.block_size - 1) / opt.block_size);
      out << "total " << total << eol;
    }
    print_entries(entries);
    if (opt.recursive) {
      for (const Entry& e : entries) {
        if (inv.cancelled() || !out.ok()) return;
        if (!e.stat_ok || !S_ISDIR(e.st.mode) || e.name == "." || e.name == "..") continue;
        list_directory(display_join(display, e.name), e.path, true, false);
      }
    }
  }

  static std::string display_join(const std::string& dir, const std::string& name) {
    if (!dir.empty() && dir.back() == '/') return dir + name;
    return dir + "/" + name;
  }

  int run(std::vector<std::string> operands) {
    now = vfs::now().sec;
    bool no_operands = operands.empty();
    if (no_operands) operands.push_back(".");
    std::vector<Entry> files, dirs;
    for (const std::string& operand : operands) {
      Entry e;
      e.name = operand;
      e.path = inv.path(operand);
      bool follow = opt.deref == Options::kDerefAll || opt.deref == Options::kDerefCommandLine;
      vfs::Error err = follow ? inv.fs->stat(e.path, e.st) : inv.fs->lstat(e.path, e.st);
      // A trailing slash on a non-directory is an error, as on Linux.
      if (!err && operand.size() > 1 && operand.back() == '/') {
        vfs::Stat target;
        if (inv.fs->stat(e.path, target) || !S_ISDIR(target.mode)) err = vfs::make_error(ENOTDIR);
        else if (S_ISLNK(e.st.mode)) e.st = target, err = {};
      }
      if (err) {
        inv.error("cannot access " + fsu::quote(operand), err);
        status = 2;
        continue;
      }
      fill(e, follow);
      bool treat_as_dir = false;
      if (!opt.directory) {
        if (S_ISDIR(e.st.mode)) treat_as_dir = true;
        else if (S_ISLNK(e.st.mode) && e.link_ok && S_ISDIR(e.link_st.mode) &&
                 opt.deref == Options::kDerefCommandLineDirs)
          treat_as_dir = true;
      }
      if (treat_as_dir) dirs.push_back(std::move(e));
      else files.push_back(std::move(e));
    }
    sort_entries(files);
    sort_entries(dirs);
    if (!files.empty()) {
      print_entries(files);
      printed_any = true;
    }
    bool header = operands.size() > 1 || opt.recursive;
    for (const Entry& d : dirs) {
      if (inv.cancelled()) return 130;
      list_directory(d.name, d.path, header, true);
    }
    return status;
  }
};

std::optional<uint64_t> parse_block_size(std::string_view s) {
  if (s.empty()) return std::nullopt;
  size_t i = 0;
  uint64_t n = 0;
  bool digits = false;
  while (i < s.size() && isdigit((unsigned char)s[i])) {
    n = n * 10 + (s[i++] - '0');
    digits = true;
  }
  if (!digits) n = 1;
  std::string_view suffix = s.substr(i);
  static const std::string_view letters = "KMGTPEZY";
  if (suffix.empty()) return n;
  size_t idx = letters.find(toupper(suffix[0]));
  if (suffix == "k") idx = 0;
  if (idx == std::string_view::npos) return std::nullopt;
  uint64_t base = 1024;
  if (suffix.size() == 3 && suffix.substr(1) == "iB") base = 1024;
  else if (suffix.size() == 2 && suffix[1] == 'B') base = 1000;
  else if (suffix.size() != 1) return std::nullopt;
  for (size_t k = 0; k <= idx; ++k) n *= base;
  return n;
}

bool parse_when(Invocation& inv, const ParsedOption& o, bool terminal, bool& out, const char* option) {
  if (!o.has_value) {
    out = true;
    return true;
  }
  const std::string& v = o.value;
  if (v == "always" || v == "yes" || v == "force") out = true;
  else if (v == "never" || v == "no" || v == "none") out = false;
  else if (v == "auto" || v == "tty" || v == "if-tty") out = terminal;
  else {
    fsu::invalid_argument(inv, v, std::string("--") + option,
                          {{"always", "yes", "force"}, {"never", "no", "none"}, {"auto", "tty", "if-tty"}});
    return false;
  }
  return true;
}

bool bad_word(Invocation& inv, const std::string& value, const char* option,
              std::initializer_list<const char*> valid) {
  inv.error("invalid argument " + fsu::quote_arg(inv, value) + " for " + fsu::quote_arg(inv, std::string("--") + option));
  inv.err() << "Valid arguments are:\n";
  for (const char* v : valid) inv.err() << "  - " << fsu::quote_arg(inv, v) << "\n";
  print_try_help(inv);
  return false;
}

int run_ls(Invocation& inv) {
  ParsedArgs args;
  if (auto status = parse_args(inv, kSpec, args)) return *status;
  Lister ls(inv);
  Options& opt = ls.opt;
  bool terminal = inv.out().is_terminal();
  opt.format = terminal ? Format::kColumns : Format::kOnePerLine;
  opt.quoting = terminal ? Quoting::kShellEscape : Quoting::kLiteral;
  opt.hide_control = terminal;
  std::string columns = inv.getenv("COLUMNS");
  if (!columns.empty() && columns.find_first_not_of("0123456789") == std::string::npos && columns.size() < 9)
    opt.width = std::stoul(columns);
  bool explicit_sort = false, long_time_sort = false;
  bool deref_cmdline_dirs_explicit = false;
  for (const ParsedOption& o : args.options) {
    switch (o.id) {
      case kAll: opt.all = true; opt.almost_all = false; break;
      case kAlmostAll: opt.almost_all = true; opt.all = false; break;
      case kAuthor: opt.author = true; break;
      case kEscape: opt.quoting = Quoting::kEscape; break;
      case kBlockSize: {
        auto bs = parse_block_size(o.value);
        if (!bs || *bs == 0) {
          inv.error("invalid --block-size argument " + fsu::quote_arg(inv, o.value));
          return 2;
        }
        opt.block_size = *bs;
        opt.human = opt.si = false;
        break;
      }
      case kIgnoreBackups: opt.ignore_backups = true; break;
      case kCtime: opt.time = TimeField::kCtime; long_time_sort = true; break;
      case kAtime: opt.time = TimeField::kAtime; long_time_sort = true; break;
      case kColumns: opt.format = Format::kColumns; break;
      case kColor: if (!parse_when(inv, o, terminal, opt.color, "color")) return 1; break;
      case kDirectory: opt.directory = true; break;
      case kDired: break;
      case kUnsortedAll: opt.all = true; opt.sort = Sort::kNone; explicit_sort = true; break;
      case kClassify: {
        bool on = true;
        if (!parse_when(inv, o, terminal, on, "classify")) return 1;
        opt.indicator = on ? Indicator::kClassify : Indicator::kNone;
        break;
      }
      case kFileType: opt.indicator = Indicator::kFileType; break;
      case kSlash: opt.indicator = Indicator::kSlash; break;
      case kIndicatorStyle:
        if (o.value == "none") opt.indicator = Indicator::kNone;
        else if (o.value == "slash") opt.indicator = Indicator::kSlash;
        else if (o.value == "file-type") opt.indicator = Indicator::kFileType;
        else if (o.value == "classify") opt.indicator = Indicator::kClassify;
        else return bad_word(inv, o.value, "indicator-style", {"none", "slash", "file-type", "classify"}), 1;
        break;
      case kFormat:
        if (o.value == "long" || o.value == "verbose") opt.format = Format::kLong;
        else if (o.value == "commas") opt.format = Format::kCommas;
        else if (o.value == "horizontal" || o.value == "across") opt.format = Format::kAcross;
        else if (o.value == "vertical") opt.format = Format::kColumns;
        else if (o.value == "single-column") opt.format = Format::kOnePerLine;
        else
          return fsu::invalid_argument(inv, o.value, "--format",
                                       {{"verbose", "long"}, {"commas"}, {"horizontal", "across"}, {"vertical"}, {"single-column"}}),
                 1;
        break;
      case kFullTime: opt.format = Format::kLong; opt.time_style = "full-iso"; break;
      case kNoOwner: opt.format = Format::kLong; opt.show_owner = false; break;
      case kNoGroupLong: opt.format = Format::kLong; opt.show_group = false; break;
      case kNoGroup: opt.show_group = false; break;
      case kGroupDirsFirst: opt.group_dirs_first = true; break;
      case kHuman: opt.human = true; opt.si = false; break;
      case kSi: opt.si = true; opt.human = false; break;
      case kDerefCommandLine: opt.deref = Options::kDerefCommandLine; break;
      case kDerefCommandLineDir:
        opt.deref = Options::kDerefCommandLineDirs;
        deref_cmdline_dirs_explicit = true;
        break;
      case kDereference: opt.deref = Options::kDerefAll; break;
      case kHide: opt.hide.push_back(o.value); break;
      case kHyperlink: break;
      case kInode: opt.inode = true; break;
      case kIgnore: opt.ignore.push_back(o.value); break;
      case kKibibytes: opt.block_size = 1024; break;
      case kLong: opt.format = Format::kLong; break;
      case kCommas: opt.format = Format::kCommas; break;
      case kNumeric: opt.format = Format::kLong; opt.numeric = true; break;
      case kLiteral: opt.quoting = Quoting::kLiteral; break;
      case kHideControl: opt.hide_control = true; break;
      case kShowControl: opt.hide_control = false; break;
      case kQuoteName: opt.quoting = Quoting::kC; break;
      case kQuotingStyle:
        if (o.value == "literal") opt.quoting = Quoting::kLiteral;
        else if (o.value == "shell") opt.quoting = Quoting::kShell;
        else if (o.value == "shell-always") opt.quoting = Quoting::kShellAlways;
        else if (o.value == "shell-escape") opt.quoting = Quoting::kShellEscape;
        else if (o.value == "shell-escape-always") opt.quoting = Quoting::kShellEscapeAlways;
        else if (o.value == "c") opt.quoting = Quoting::kC;
        else if (o.value == "escape") opt.quoting = Quoting::kEscape;
        else
          return bad_word(inv, o.value, "quoting-style",
                          {"literal", "shell", "shell-always", "shell-escape", "shell-escape-always", "c",
                           "escape", "locale", "clocale"}), 1;
        break;
      case kReverse: opt.reverse = true; break;
      case kRecursive: opt.recursive = true; break;
      case kSize: opt.size = true; break;
      case kSortSize: opt.sort = Sort::kSize; explicit_sort = true; break;
      case kSortTime: opt.sort = Sort::kTime; explicit_sort = true; break;
      case kUnsorted: opt.sort = Sort::kNone; explicit_sort = true; break;
      case kVersion: opt.sort = Sort::kVersion; explicit_sort = true; break;
      case kExtension: opt.sort = Sort::kExtension; explicit_sort = true; break;
      case kSort:
        explicit_sort = true;
        if (o.value == "none") opt.sort = Sort::kNone;
        else if (o.value == "size") opt.sort = Sort::kSize;
        else if (o.value == "time") opt.sort = Sort::kTime;
        else if (o.value == "version") opt.sort = Sort::kVersion;
        else if (o.value == "extension") opt.sort = Sort::kExtension;
        else if (o.value == "width") opt.sort = Sort::kWidth;
        else if (o.value == "name") opt.sort = Sort::kName;
        else
          return bad_word(inv, o.value, "sort", {"none", "time", "size", "extension", "version", "width"}), 1;
        break;
      case kTime:
        if (o.value == "atime" || o.value == "access" || o.value == "use") opt.time = TimeField::kAtime;
        else if (o.value == "ctime" || o.value == "status") opt.time = TimeField::kCtime;
        else if (o.value == "birth" || o.value == "creation") opt.time = TimeField::kCtime;
        else
          return fsu::invalid_argument(inv, o.value, "--time", {{"atime", "access", "use"}, {"ctime", "status"}, {"birth", "creation"}}), 1;
        long_time_sort = true;
        break;
      case kTimeStyle: {
        std::string v = o.value;
        if (v.rfind("posix-", 0) == 0) v = v.substr(6);
        if (v == "full-iso" || v == "long-iso" || v == "iso" || v == "locale" || (!v.empty() && v[0] == '+')) {
          opt.time_style = v;
        } else {
          inv.error("invalid argument " + fsu::quote_arg(inv, o.value) + " for " + fsu::quote_arg(inv, "time style"));
          inv.err() << "Valid arguments are:\n  - [posix-]full-iso\n  - [posix-]long-iso\n  - [posix-]iso\n"
                       "  - [posix-]locale\n  - +FORMAT (e.g., +%H:%M) for a 'date'-style format\n";
          print_try_help(inv);
          return 2;
        }
        break;
      }
      case kTabsize: {
        const std::string& v = o.value;
        if (v.empty() || v.find_first_not_of("0123456789") != std::string::npos || v.size() > 9) {
          inv.error("invalid tab size: " + fsu::quote_arg(inv, v));
          return 2;
        }
        opt.tabsize = std::stoul(v);
        break;
      }
      case kWidth: {
        const std::string& v = o.value;
        if (v.empty() || v.find_first_not_of("0123456789") != std::string::npos || v.size() > 18) {
          inv.error("invalid line width: " + fsu::quote_arg(inv, v));
          return 2;
        }
        opt.width = std::stoul(v);
        break;
      }
      case kAcross: opt.format = Format::kAcross; break;
      case kContext: opt.context = true; break;
      case kZero: opt.zero = true; break;
      case kOnePerLine: opt.format = Format::kOnePerLine; break;
    }
  }
  // -c and -u sort by that time unless the listing is long (then -t is needed).
  if (long_time_sort && !explicit_sort && opt.format != Format::kLong) opt.sort = Sort::kTime;
  if (opt.zero) {
    ls.eol = '\0';
    if (opt.format == Format::kColumns || opt.format == Format::kAcross || opt.format == Format::kCommas)
      opt.format = Format::kOnePerLine;
    opt.quoting = Quoting::kLiteral;
    opt.hide_control = false;
  }
  if (!deref_cmdline_dirs_explicit && opt.deref == Options::kDerefNone && !opt.directory &&
      opt.format != Format::kLong && opt.indicator != Indicator::kClassify)
    opt.deref = Options::kDerefCommandLineDirs;
  if (opt.color) {
    std::string spec = inv.getenv("LS_COLORS");
    if (!spec.empty()) ls.colors.load(spec);
  }
  int status = ls.run(args.operands);
  if (!inv.out().ok() && !inv.out().broken_pipe()) {
    inv.error("write error", inv.out().error());
    return 2;
  }
  return status;
}

}  // namespace

BURROW_COMMAND(ls, "list directory contents", run_ls);

}  // namespace burrow
