// tree: list contents of directories in a tree-like format (tree 2.x).
#include <fnmatch.h>

#include <algorithm>

#include "commands/args.h"
#include "commands/common/fs_util.h"

namespace burrow {
namespace {

enum Opt { kAll, kDirsOnly, kFollow, kFullPath, kLevel, kPattern, kIgnore, kNoReport, kClassify, kSize, kHuman,
           kPerms, kUser, kGroup, kDate, kDirsFirst, kReverse, kSortTime, kNoIndent, kCharset, kNoColor, kColor,
           kIgnoreCase, kMatchDirs, kPrune, kFilesFirst, kInode, kSortName, kVersionSort, kQuote, kNoSort, kDu };

constexpr OptionSpec kOptions[] = {
    {kAll, 'a', "", ArgKind::kNone, "All files are listed."},
    {kDirsOnly, 'd', "", ArgKind::kNone, "List directories only."},
    {kFollow, 'l', "", ArgKind::kNone, "Follow symbolic links like directories."},
    {kFullPath, 'f', "", ArgKind::kNone, "Print the full path prefix for each file."},
    {kLevel, 'L', "", ArgKind::kRequired, "Descend only level directories deep.", "level"},
    {kPattern, 'P', "", ArgKind::kRequired, "List only those files that match the pattern given.", "pattern"},
    {kIgnore, 'I', "", ArgKind::kRequired, "Do not list files that match the given pattern.", "pattern"},
    {kNoReport, 0, "noreport", ArgKind::kNone, "Turn off file/directory count at end of tree listing."},
    {kClassify, 'F', "", ArgKind::kNone, "Appends '/', '=', '*', '@', '|' or '>' as per ls -F."},
    {kSize, 's', "", ArgKind::kNone, "Print the size in bytes of each file."},
    {kHuman, 'h', "", ArgKind::kNone, "Print the size in a more human readable way."},
    {kPerms, 'p', "", ArgKind::kNone, "Print the protections for each file."},
    {kUser, 'u', "", ArgKind::kNone, "Displays file owner or UID number."},
    {kGroup, 'g', "", ArgKind::kNone, "Displays file group owner or GID number."},
    {kDate, 'D', "", ArgKind::kNone, "Print the date of last modification or (-c) status change."},
    {kDirsFirst, 0, "dirsfirst", ArgKind::kNone, "List directories before files (-U disables)."},
    {kFilesFirst, 0, "filesfirst", ArgKind::kNone, "List files before directories (-U disables)."},
    {kReverse, 'r', "", ArgKind::kNone, "Reverse the order of the sort."},
    {kSortTime, 't', "", ArgKind::kNone, "Sort files by last modification time."},
    {kVersionSort, 'v', "", ArgKind::kNone, "Sort files alphanumerically by version."},
    {kNoSort, 'U', "", ArgKind::kNone, "Leave files unsorted."},
    {kNoIndent, 'i', "", ArgKind::kNone, "Don't print indentation lines."},
    {kCharset, 0, "charset", ArgKind::kRequired, "Use charset X for terminal/HTML and indentation line output.", "X"},
    {kNoColor, 'n', "", ArgKind::kNone, "Turn colorization off always (-C overrides)."},
    {kColor, 'C', "", ArgKind::kNone, "Turn colorization on always."},
    {kIgnoreCase, 0, "ignore-case", ArgKind::kNone, "Ignore case when pattern matching."},
    {kMatchDirs, 0, "matchdirs", ArgKind::kNone, "Include directory names in -P pattern matching."},
    {kPrune, 0, "prune", ArgKind::kNone, "Prune empty directories from the output."},
    {kInode, 0, "inodes", ArgKind::kNone, "Print inode number of each file."},
    {kQuote, 'Q', "", ArgKind::kNone, "Quote filenames with double quotes."},
    {kDu, 0, "du", ArgKind::kNone, "Print directory sizes."},
};

constexpr CommandSpec kSpec{"Usage: tree [-acdfghilnpqrstuvxACDFJQNSUX] [-L level [-R]] [-H  baseHREF]\n"
                            "\t[-T title] [-o filename] [-P pattern] [-I pattern] [--gitignore]\n"
                            "\t[--matchdirs] [--metafirst] [--ignore-case] [--nolinks] [--inodes]\n"
                            "\t[--device] [--noreport] [--dirsfirst] [--filesfirst] [--filelimit #]\n"
                            "\t[--si] [--du] [--prune] [--charset X] [--timefmt[=]format] [--fromfile]\n"
                            "\t[--info] [--infofile file] [--noindent] [--] [directory ...]",
                            "", kOptions};

struct Tree {
  Invocation& inv;
  bool all = false, dirs_only = false, follow = false, full_path = false, classify = false, size = false;
  bool human = false, perms = false, user = false, group = false, date = false, dirs_first = false;
  bool files_first = false, reverse = false, sort_time = false, no_indent = false, ascii = false;
  bool ignore_case = false, match_dirs = false, prune = false, quote = false, no_sort = false, version_sort = false;
  int max_level = -1;
  std::vector<std::string> patterns, ignores;
  uint64_t dirs = 0, files = 0;

  struct Item {
    std::string name, path;
    vfs::Stat st;       // lstat
    vfs::Stat target;   // stat (for links)
    bool target_ok = false;
    std::string link;
  };

  bool match(const std::vector<std::string>& pats, const std::string& name) const {
    for (const auto& p : pats) {
      // "a|b" alternatives, as tree allows.
      size_t pos = 0;
      while (pos <= p.size()) {
        size_t bar = p.find('|', pos);
        std::string alt = p.substr(pos, bar == std::string::npos ? std::string::npos : bar - pos);
        if (fnmatch(alt.c_str(), name.c_str(), ignore_case ? FNM_CASEFOLD : 0) == 0) return true;
        if (bar == std::string::npos) break;
        pos = bar + 1;
      }
    }
    return false;
  }

  std::string attrs(const Item& it) {
    std::vector<std::string> parts;
    if (perms) parts.push_back(fsu::mode_string(it.st.mode));
    if (user) parts.push_back(fsu::user_name(*inv.fs, it.st.uid));
    if (group) parts.push_back(fsu::group_name(*inv.fs, it.st.gid));
    if (size || human) {
      std::string s;
      if (human) {
        // tree -h: one decimal below 10, unit letters K M G.
        double v = (double)it.st.size;
        const char* units = "BKMGTPE";
        int u = 0;
        while (v >= 1024 && u < 6) {
          v /= 1024;
          ++u;
        }
        char buf[32];
        if (u == 0) snprintf(buf, sizeof buf, "%4lld", (long long)it.st.size);
        else snprintf(buf, sizeof buf, v >= 9.95 ? "%3.0f%c" : "%3.1f%c", v, units[u]);
        s = buf;
      } else {
        char buf[32];
        snprintf(buf, sizeof buf, "%11lld", (long long)it.st.size);
        s = buf;
      }
      parts.push_back(s);
    }
    if (date) parts.push_back(fsu::format_time("%b %e %H:%M", fsu::local_time(inv, it.st.mtime)));
    if (parts.empty()) return "";
    std::string out = "[";
    for (size_t i = 0; i < parts.size(); ++i) {
      if (i) out += ' ';
      out += parts[i];
    }
    return out + "]  ";
  }

  static char indicator(uint32_t mode) {
    if (S_ISDIR(mode)) return '/';
    if (S_ISLNK(mode)) return '@';
    if (S_ISFIFO(mode)) return '|';
    if (S_ISSOCK(mode)) return '=';
    if (S_ISREG(mode) && (mode & 0111)) return '*';
    return 0;
  }

  bool is_dir(const Item& it) const {
    return S_ISDIR(it.st.mode) || (S_ISLNK(it.st.mode) && it.target_ok && S_ISDIR(it.target.mode));
  }

  std::vector<Item> list(const std::string& path) {
    std::vector<vfs::DirEntry> raw;
    std::vector<Item> items;
    if (inv.fs->readdir(path, raw)) return items;
    for (const auto& d : raw) {
      if (!all && d.name[0] == '.') continue;
      Item it;
      it.name = d.name;
      it.path = vfs::join(path, d.name);
      if (inv.fs->lstat(it.path, it.st)) continue;
      if (S_ISLNK(it.st.mode)) {
        inv.fs->readlink(it.path, it.link);
        it.target_ok = !inv.fs->stat(it.path, it.target);
      }
      bool dir = is_dir(it);
      if (dirs_only && !dir) continue;
      if (!ignores.empty() && match(ignores, it.name)) continue;
      if (!patterns.empty() && !dir && !match(patterns, it.name)) continue;
      if (!patterns.empty() && dir && match_dirs && !match(patterns, it.name)) {
        // directories still listed so that matches inside show
      }
      items.push_back(std::move(it));
    }
    if (!no_sort) {
      std::stable_sort(items.begin(), items.end(), [&](const Item& a, const Item& b) {
        if (dirs_first || files_first) {
          bool da = is_dir(a), db = is_dir(b);
          if (da != db) return dirs_first ? da : db;
        }
        int c;
        if (sort_time && a.st.mtime != b.st.mtime) c = a.st.mtime < b.st.mtime ? -1 : 1;
        else c = a.name.compare(b.name);
        return reverse ? c > 0 : c < 0;
      });
    }
    return items;
  }

  bool has_content(const std::string& path, int level) {
    if (max_level >= 0 && level > max_level) return false;
    for (const Item& it : list(path)) {
      if (!is_dir(it) || (S_ISLNK(it.st.mode) && !follow)) return true;
      if (has_content(it.path, level + 1)) return true;
    }
    return false;
  }

  void walk(const std::string& path, const std::string& display, const std::string& prefix, int level) {
    if (max_level >= 0 && level > max_level) return;
    std::vector<Item> items = list(path);
    if (prune) {
      items.erase(std::remove_if(items.begin(), items.end(),
                                 [&](const Item& it) {
                                   return S_ISDIR(it.st.mode) && !has_content(it.path, level + 1);
                                 }),
                  items.end());
    }
    for (size_t i = 0; i < items.size(); ++i) {
      const Item& it = items[i];
      bool last = i + 1 == items.size();
      std::string line;
      if (!no_indent) line = prefix + (ascii ? (last ? "`-- " : "|-- ") : (last ? "└── " : "├── "));
      line += attrs(it);
      std::string shown = full_path ? display + "/" + it.name : it.name;
      if (quote) shown = "\"" + shown + "\"";
      line += shown;
      if (S_ISLNK(it.st.mode)) {
        line += " -> " + (quote ? "\"" + it.link + "\"" : it.link);
        if (classify && it.target_ok) {
          if (char c = indicator(it.target.mode)) line += c;
        }
      } else if (classify) {
        if (char c = indicator(it.st.mode)) line += c;
      }
      bool dir = is_dir(it);
      bool descend = S_ISDIR(it.st.mode) || (dir && follow);
      if (dir) ++dirs;
      else ++files;
      if (S_ISDIR(it.st.mode) || (dir && follow)) {
        std::vector<vfs::DirEntry> probe;
        if (vfs::Error err = inv.fs->readdir(it.path, probe)) {
          line += "  [error opening dir]";
          descend = false;
        }
      }
      inv.out() << line << '\n';
      if (descend) {
        std::string next = no_indent ? "" : prefix + (ascii ? (last ? "    " : "|   ") : (last ? "    " : "│   "));
        walk(it.path, full_path ? display + "/" + it.name : it.name, next, level + 1);
      }
      if (inv.cancelled()) return;
    }
  }
};

int run_tree(Invocation& inv) {
  ParsedArgs args;
  if (auto status = parse_args(inv, kSpec, args)) return *status;
  Tree t{inv};
  bool no_report = false;
  for (const ParsedOption& o : args.options) {
    switch (o.id) {
      case kAll: t.all = true; break;
      case kDirsOnly: t.dirs_only = true; break;
      case kFollow: t.follow = true; break;
      case kFullPath: t.full_path = true; break;
      case kLevel: {
        const std::string& v = o.value;
        if (v.empty() || v.find_first_not_of("0123456789") != std::string::npos || v.size() > 6 || std::stoi(v) < 1) {
          inv.err() << "tree: Invalid level, must be greater than 0.\n";
          return 1;
        }
        t.max_level = std::stoi(v);
        break;
      }
      case kPattern: t.patterns.push_back(o.value); break;
      case kIgnore: t.ignores.push_back(o.value); break;
      case kNoReport: no_report = true; break;
      case kClassify: t.classify = true; break;
      case kSize: t.size = true; break;
      case kHuman: t.human = true; break;
      case kPerms: t.perms = true; break;
      case kUser: t.user = true; break;
      case kGroup: t.group = true; break;
      case kDate: t.date = true; break;
      case kDirsFirst: t.dirs_first = true; break;
      case kFilesFirst: t.files_first = true; break;
      case kReverse: t.reverse = true; break;
      case kSortTime: t.sort_time = true; break;
      case kNoSort: t.no_sort = true; break;
      case kVersionSort: t.version_sort = true; break;
      case kNoIndent: t.no_indent = true; break;
      case kCharset: t.ascii = o.value == "ascii" || o.value == "ASCII"; break;
      case kIgnoreCase: t.ignore_case = true; break;
      case kMatchDirs: t.match_dirs = true; break;
      case kPrune: t.prune = true; break;
      case kQuote: t.quote = true; break;
      default: break;
    }
  }
  auto ops = args.operands;
  if (ops.empty()) ops.push_back(".");
  for (const auto& op : ops) {
    std::string path = inv.path(op);
    vfs::Stat st;
    if (inv.fs->stat(path, st)) {
      inv.out() << op << "  [error opening dir]\n";
      continue;
    }
    if (!S_ISDIR(st.mode)) {
      inv.out() << op << "  [error opening dir]\n";
      ++t.files;
      continue;
    }
    inv.out() << op << '\n';
    t.walk(path, fsu::strip_trailing_slashes(op), "", 1);
  }
  if (!no_report) {
    inv.out() << '\n' << std::to_string(t.dirs) << (t.dirs == 1 ? " directory" : " directories");
    if (!t.dirs_only) inv.out() << ", " << std::to_string(t.files) << (t.files == 1 ? " file" : " files");
    inv.out() << '\n';
  }
  return 0;
}

}  // namespace

BURROW_COMMAND(tree, "list contents of directories in a tree-like format", run_tree);

}  // namespace burrow
