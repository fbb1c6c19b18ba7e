// df: report file system space usage (GNU coreutils 9). The sandbox has one
// file system, mounted on /.
#include <algorithm>

#include "commands/args.h"
#include "commands/common/fs_util.h"

namespace burrow {
namespace {

enum Opt { kAll, kBlockSize, kHuman, kSi, kInodes, kKilo, kLocal, kNoSync, kOutput, kPortability, kSync, kTotal,
           kType, kPrintType, kExcludeType };

constexpr OptionSpec kOptions[] = {
    {kAll, 'a', "all", ArgKind::kNone, "include pseudo, duplicate, inaccessible file systems"},
    {kBlockSize, 'B', "block-size", ArgKind::kRequired, "scale sizes by SIZE before printing them", "SIZE"},
    {kHuman, 'h', "human-readable", ArgKind::kNone, "print sizes in powers of 1024 (e.g., 1023M)"},
    {kSi, 'H', "si", ArgKind::kNone, "print sizes in powers of 1000 (e.g., 1.1G)"},
    {kInodes, 'i', "inodes", ArgKind::kNone, "list inode information instead of block usage"},
    {kKilo, 'k', "", ArgKind::kNone, "like --block-size=1K"},
    {kLocal, 'l', "local", ArgKind::kNone, "limit listing to local file systems"},
    {kNoSync, 0, "no-sync", ArgKind::kNone, "do not invoke sync before getting usage info (default)"},
    {kOutput, 0, "output", ArgKind::kOptional, "use the output format defined by FIELD_LIST", "FIELD_LIST"},
    {kPortability, 'P', "portability", ArgKind::kNone, "use the POSIX output format"},
    {kSync, 0, "sync", ArgKind::kNone, "invoke sync before getting usage info"},
    {kTotal, 0, "total", ArgKind::kNone, "elide all entries insignificant to available space, and produce a grand total"},
    {kType, 't', "type", ArgKind::kRequired, "limit listing to file systems of type TYPE", "TYPE"},
    {kPrintType, 'T', "print-type", ArgKind::kNone, "print file system type"},
    {kExcludeType, 'x', "exclude-type", ArgKind::kRequired, "limit listing to file systems not of type TYPE", "TYPE"},
};

constexpr CommandSpec kSpec{"Usage: df [OPTION]... [FILE]...",
                            "Show information about the file system on which each FILE resides,\n"
                            "or all file systems by default.",
                            kOptions};

int run_df(Invocation& inv) {
  ParsedArgs args;
  if (auto status = parse_args(inv, kSpec, args)) return *status;
  bool human = false, si = false, inodes = false, print_type = false, total = false, posix = false;
  uint64_t block_size = 1024;
  std::optional<std::string> output;
  for (const ParsedOption& o : args.options) {
    switch (o.id) {
      case kHuman: human = true; si = false; break;
      case kSi: si = true; human = false; break;
      case kInodes: inodes = true; break;
      case kKilo: block_size = 1024; break;
      case kBlockSize: {
        std::string v = o.value;
        uint64_t mult = 1;
        if (!v.empty() && isalpha((unsigned char)v.back())) {
          char c = toupper(v.back());
          const std::string letters = "KMGTPE";
          size_t idx = letters.find(c);
          if (idx == std::string::npos) {
            inv.error("invalid -B argument " + fsu::quote_arg(inv, o.value));
            return 1;
          }
          for (size_t k = 0; k <= idx; ++k) mult *= 1024;
          v.pop_back();
        }
        block_size = (v.empty() ? 1 : std::stoull(v)) * mult;
        break;
      }
      case kPrintType: print_type = true; break;
      case kTotal: total = true; break;
      case kPortability: posix = true; break;
      case kOutput: output = o.has_value ? o.value : "source,fstype,itotal,iused,iavail,ipcent,size,used,avail,pcent,file,target"; break;
      default: break;
    }
  }
  std::vector<std::string> ops = args.operands;
  int status = 0;
  for (const auto& op : ops) {
    vfs::Stat st;
    if (vfs::Error err = inv.fs->stat(inv.path(op), st)) {
      inv.error(op, err);
      status = 1;
    }
  }
  std::vector<std::string> shown = ops.empty() ? std::vector<std::string>{"/"} : ops;
  if (!ops.empty() && status && std::all_of(ops.begin(), ops.end(), [&](const std::string& op) {
        vfs::Stat st;
        return (bool)inv.fs->stat(inv.path(op), st);
      }))
    return 1;

  vfs::FsStat fsst;
  inv.fs->statfs("/", fsst);
  std::string source = fsst.type.empty() ? "burrow" : fsst.type;
  auto scaled = [&](uint64_t blocks) {
    uint64_t bytes = blocks * fsst.block_size;
    if (human || si) return fsu::human_size(bytes, si);
    return std::to_string((bytes + block_size - 1) / block_size);
  };
  uint64_t used_blocks = fsst.blocks - fsst.blocks_free;
  uint64_t avail = fsst.blocks_available;
  auto percent = [](uint64_t used, uint64_t avail) -> std::string {
    if (used + avail == 0) return "-";
    uint64_t p = (used * 100 + (used + avail) - 1) / (used + avail);
    return std::to_string(p) + "%";
  };
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> header{"Filesystem"};
  if (print_type) header.push_back("Type");
  if (inodes) {
    header.insert(header.end(), {"Inodes", "IUsed", "IFree", "IUse%"});
  } else if (human || si) {
    header.insert(header.end(), {"Size", "Used", "Avail", "Use%"});
  } else {
    std::string bs = block_size == 1024 ? "1K" : block_size % (1024 * 1024) == 0 ? std::to_string(block_size / 1024 / 1024) + "M"
                                        : block_size % 1024 == 0 ? std::to_string(block_size / 1024) + "K"
                                                                 : std::to_string(block_size);
    header.insert(header.end(), {bs + "-blocks", "Used", posix ? "Available" : "Available", posix ? "Capacity" : "Use%"});
  }
  header.push_back("Mounted on");
  rows.push_back(header);
  size_t n = total ? 1 : shown.size();
  for (size_t i = 0; i < n; ++i) {
    std::vector<std::string> row{source};
    if (print_type) row.push_back(source);
    if (inodes) {
      uint64_t iused = fsst.files - fsst.files_free;
      row.insert(row.end(), {std::to_string(fsst.files), std::to_string(iused), std::to_string(fsst.files_free),
                             percent(iused, fsst.files_free)});
    } else {
      row.insert(row.end(), {scaled(fsst.blocks), scaled(used_blocks), scaled(avail), percent(used_blocks, avail)});
    }
    row.push_back("/");
    rows.push_back(row);
  }
  if (total) {
    std::vector<std::string> row = rows.back();
    row[0] = "total";
    if (print_type) row[1] = "-";
    row.back() = "-";
    rows.push_back(row);
  }
  (void)output;
  std::vector<size_t> widths(header.size(), 0);
  for (const auto& r : rows)
    for (size_t c = 0; c < r.size(); ++c) widths[c] = std::max(widths[c], r[c].size());
  if (!posix) widths[0] = std::max<size_t>(widths[0], 14);
  for (const auto& r : rows) {
    std::string line;
    for (size_t c = 0; c < r.size(); ++c) {
      bool left = c == 0 || c == r.size() - 1 || (print_type && c == 1);
      if (c) line += ' ';
      if (c == r.size() - 1) {
        line += r[c];
      } else if (left) {
        line += r[c] + std::string(widths[c] - r[c].size(), ' ');
      } else {
        line += std::string(widths[c] - r[c].size(), ' ') + r[c];
      }
    }
    inv.out() << line << '\n';
  }
  return status;
}

}  // namespace

BURROW_COMMAND(df, "report file system space usage", run_df);

}  // namespace burrow
