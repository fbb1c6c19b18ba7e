// du: estimate file space usage (GNU coreutils 9).
#include <fnmatch.h>

#include <algorithm>
#include <set>

#include "commands/args.h"
#include "commands/common/fs_util.h"

namespace burrow {
namespace {

enum Opt { kNull, kAll, kApparent, kBlockSize, kBytes, kTotal, kDerefArgs, kMaxDepth, kFilesFrom, kHuman, kInodes,
           kKilo, kDereference, kCountLinks, kMega, kNoDereference, kSeparateDirs, kSi, kSummarize, kThreshold,
           kTime, kTimeStyle, kExclude, kExcludeFrom, kOneFs };

constexpr OptionSpec kOptions[] = {
    {kNull, '0', "null", ArgKind::kNone, "end each output line with NUL, not newline"},
    {kAll, 'a', "all", ArgKind::kNone, "write counts for all files, not just directories"},
    {kApparent, 0, "apparent-size", ArgKind::kNone, "print apparent sizes rather than device usage"},
    {kBlockSize, 'B', "block-size", ArgKind::kRequired, "scale sizes by SIZE before printing them", "SIZE"},
    {kBytes, 'b', "bytes", ArgKind::kNone, "equivalent to '--apparent-size --block-size=1'"},
    {kTotal, 'c', "total", ArgKind::kNone, "produce a grand total"},
    {kDerefArgs, 'D', "dereference-args", ArgKind::kNone, "dereference only symlinks that are listed on the command line"},
    {kDerefArgs, 'H', "", ArgKind::kNone, "equivalent to --dereference-args (-D)"},
    {kMaxDepth, 'd', "max-depth", ArgKind::kRequired, "print the total for a directory only if it is N or fewer levels below the command line argument", "N"},
    {kFilesFrom, 0, "files0-from", ArgKind::kRequired, "summarize device usage of the NUL-terminated file names specified in file F", "F"},
    {kHuman, 'h', "human-readable", ArgKind::kNone, "print sizes in human readable format (e.g., 1K 234M 2G)"},
    {kInodes, 0, "inodes", ArgKind::kNone, "list inode usage information instead of block usage"},
    {kKilo, 'k', "", ArgKind::kNone, "like --block-size=1K"},
    {kDereference, 'L', "dereference", ArgKind::kNone, "dereference all symbolic links"},
    {kCountLinks, 'l', "count-links", ArgKind::kNone, "count sizes many times if hard linked"},
    {kMega, 'm', "", ArgKind::kNone, "like --block-size=1M"},
    {kNoDereference, 'P', "no-dereference", ArgKind::kNone, "don't follow any symbolic links (this is the default)"},
    {kSeparateDirs, 'S', "separate-dirs", ArgKind::kNone, "for directories do not include size of subdirectories"},
    {kSi, 0, "si", ArgKind::kNone, "like -h, but use powers of 1000 not 1024"},
    {kSummarize, 's', "summarize", ArgKind::kNone, "display only a total for each argument"},
    {kThreshold, 't', "threshold", ArgKind::kRequired, "exclude entries smaller than SIZE if positive, or entries greater than SIZE if negative", "SIZE"},
    {kTime, 0, "time", ArgKind::kOptional, "show time of the last modification of any file in the directory", "WORD"},
    {kTimeStyle, 0, "time-style", ArgKind::kRequired, "show times using STYLE", "STYLE"},
    {kExcludeFrom, 'X', "exclude-from", ArgKind::kRequired, "exclude files that match any pattern in FILE", "FILE"},
    {kExclude, 0, "exclude", ArgKind::kRequired, "exclude files that match PATTERN", "PATTERN"},
    {kOneFs, 'x', "one-file-system", ArgKind::kNone, "skip directories on different file systems"},
};

constexpr CommandSpec kSpec{"Usage: du [OPTION]... [FILE]...\n  or:  du [OPTION]... --files0-from=F",
                            "Summarize device usage of the set of FILEs, recursively for directories.", kOptions};

struct Du {
  Invocation& inv;
  bool all = false, apparent = false, human = false, si = false, summarize = false, count_links = false;
  bool separate = false, inodes = false, deref_all = false, deref_args = false, show_time = false;
  int64_t max_depth = -1;
  uint64_t block_size = 1024;
  int64_t threshold = 0;
  char eol = '\n';
  std::vector<std::string> excludes;
  std::set<std::pair<uint64_t, uint64_t>> seen;
  int status = 0;

  uint64_t size_of(const vfs::Stat& st) const {
    if (inodes) return 1;
    return apparent ? (uint64_t)std::max<int64_t>(st.size, 0) : (uint64_t)st.blocks * 512;
  }

  std::string format(uint64_t n) const {
    if (inodes) return std::to_string(n);
    if (human || si) return fsu::human_size(n, si);
    return std::to_string((n + block_size - 1) / block_size);
  }

  void print(uint64_t size, const std::string& name, vfs::Timespec mtime) {
    if (threshold > 0 && (int64_t)size < threshold) return;
    if (threshold < 0 && (int64_t)size > -threshold) return;
    inv.out() << format(size) << '\t';
    if (show_time)
      inv.out() << fsu::format_time("%Y-%m-%d %H:%M", fsu::local_time(inv, mtime)) << '\t';
    inv.out() << name << eol;
  }

  bool excluded(const std::string& name) const {
    for (const auto& p : excludes)
      if (fnmatch(p.c_str(), name.c_str(), 0) == 0) return true;
    return false;
  }

  // Returns the total for path (subtree), printing lines as GNU du does.
  uint64_t walk(const std::string& display, const std::string& path, int depth, bool top, vfs::Timespec& newest) {
    vfs::Stat st;
    bool follow = deref_all || (top && deref_args);
    vfs::Error err = follow ? inv.fs->stat(path, st) : inv.fs->lstat(path, st);
    if (err) {
      inv.error("cannot access " + fsu::quote(display), err);
      status = 1;
      return 0;
    }
    if (!top && excluded(fsu::base_name(display))) return 0;
    if (!count_links && !S_ISDIR(st.mode) && st.nlink > 1) {
      if (!seen.insert({st.dev, st.ino}).second) return 0;
    }
    uint64_t total = size_of(st);
    newest = std::max(newest, st.mtime);
    if (S_ISDIR(st.mode)) {
      std::vector<vfs::DirEntry> entries;
      if (vfs::Error e = inv.fs->readdir(path, entries)) {
        inv.error("cannot read directory " + fsu::quote(display), e);
        status = 1;
      }
      std::sort(entries.begin(), entries.end(),
                [](const vfs::DirEntry& a, const vfs::DirEntry& b) { return a.name < b.name; });
      uint64_t own = total;
      for (const auto& e : entries) {
        if (inv.cancelled()) break;
        std::string child = display.back() == '/' ? display + e.name : display + "/" + e.name;
        vfs::Timespec child_newest{};
        uint64_t sub = walk(child, vfs::join(path, e.name), depth + 1, false, child_newest);
        newest = std::max(newest, child_newest);
        vfs::Stat cst;
        bool child_is_dir = !inv.fs->lstat(vfs::join(path, e.name), cst) && S_ISDIR(cst.mode);
        if (!separate || !child_is_dir) own += sub;
        total += sub;
      }
      if (separate) total = own;
      if (!summarize || top) {
        if (max_depth < 0 || depth <= max_depth) {
          if (!(summarize && !top)) print(separate ? own : total, display, newest);
        }
      }
      return total;
    }
    if ((all && !summarize && (max_depth < 0 || depth <= max_depth)) || top) print(total, display, st.mtime);
    return total;
  }
};

std::optional<uint64_t> parse_size(std::string_view s) {
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
  if (suffix.empty()) return n;
  static const std::string_view letters = "KMGTPEZY";
  size_t idx = letters.find((char)toupper(suffix[0]));
  if (idx == std::string_view::npos) return std::nullopt;
  uint64_t base = 1024;
  if (suffix.size() == 2 && suffix[1] == 'B') base = 1000;
  else if (suffix.size() == 3 && suffix.substr(1) == "iB") base = 1024;
  else if (suffix.size() != 1) return std::nullopt;
  for (size_t k = 0; k <= idx; ++k) n *= base;
  return n;
}

int run_du(Invocation& inv) {
  ParsedArgs args;
  if (auto status = parse_args(inv, kSpec, args)) return *status;
  Du du{inv};
  bool total = false;
  for (const ParsedOption& o : args.options) {
    switch (o.id) {
      case kNull: du.eol = '\0'; break;
      case kAll: du.all = true; break;
      case kApparent: du.apparent = true; break;
      case kBytes: du.apparent = true; du.block_size = 1; du.human = du.si = false; break;
      case kBlockSize: {
        auto bs = parse_size(o.value);
        if (!bs || *bs == 0) {
          inv.error("invalid -B argument " + fsu::quote_arg(inv, o.value));
          return 1;
        }
        du.block_size = *bs;
        du.human = du.si = false;
        break;
      }
      case kTotal: total = true; break;
      case kDerefArgs: du.deref_args = true; break;
      case kMaxDepth: {
        const std::string& v = o.value;
        if (v.empty() || v.find_first_not_of("0123456789") != std::string::npos || v.size() > 9) {
          inv.error("invalid maximum depth " + fsu::quote_arg(inv, v));
          print_try_help(inv);
          return 1;
        }
        du.max_depth = std::stol(v);
        break;
      }
      case kHuman: du.human = true; du.si = false; break;
      case kSi: du.si = true; du.human = false; break;
      case kInodes: du.inodes = true; break;
      case kKilo: du.block_size = 1024; du.human = du.si = false; break;
      case kMega: du.block_size = 1024 * 1024; du.human = du.si = false; break;
      case kDereference: du.deref_all = true; break;
      case kNoDereference: du.deref_all = false; break;
      case kCountLinks: du.count_links = true; break;
      case kSeparateDirs: du.separate = true; break;
      case kSummarize: du.summarize = true; break;
      case kThreshold: {
        std::string v = o.value;
        bool neg = !v.empty() && v[0] == '-';
        auto t = parse_size(neg ? v.substr(1) : v);
        if (!t) {
          inv.error("invalid --threshold argument " + fsu::quote_arg(inv, v));
          return 1;
        }
        du.threshold = neg ? -(int64_t)*t : (int64_t)*t;
        break;
      }
      case kTime: du.show_time = true; break;
      case kExclude: du.excludes.push_back(o.value); break;
      default: break;
    }
  }
  if (du.summarize && du.all) {
    inv.error("cannot both summarize and show all entries");
    print_try_help(inv);
    return 1;
  }
  if (du.summarize && du.max_depth > 0) {
    inv.error("warning: summarizing conflicts with --max-depth=" + std::to_string(du.max_depth));
    print_try_help(inv);
    return 1;
  }
  if (du.summarize) du.max_depth = 0;
  auto ops = args.operands;
  if (ops.empty()) ops.push_back(".");
  uint64_t grand = 0;
  vfs::Timespec newest_all{};
  for (const auto& op : ops) {
    vfs::Timespec newest{};
    grand += du.walk(op, inv.path(op), 0, true, newest);
    newest_all = std::max(newest_all, newest);
  }
  if (total) du.print(grand, "total", newest_all);
  return du.status;
}

}  // namespace

BURROW_COMMAND(du, "estimate file space usage", run_du);

}  // namespace burrow
