// truncate: shrink or extend the size of a file (GNU coreutils 9).
#include <cstring>
#include "commands/args.h"
#include "commands/common/fs_util.h"

namespace burrow {
namespace {

enum Opt { kNoCreate, kIoBlocks, kReference, kSize };

constexpr OptionSpec kOptions[] = {
    {kNoCreate, 'c', "no-create", ArgKind::kNone, "do not create any files"},
    {kIoBlocks, 'o', "io-blocks", ArgKind::kNone, "treat SIZE as number of IO blocks instead of bytes"},
    {kReference, 'r', "reference", ArgKind::kRequired, "base size on RFILE", "RFILE"},
    {kSize, 's', "size", ArgKind::kRequired, "set or adjust the file size by SIZE bytes", "SIZE"},
};

constexpr CommandSpec kSpec{"Usage: truncate OPTION... FILE...",
                            "Shrink or extend the size of each FILE to the specified size", kOptions};

std::optional<int64_t> parse_size(std::string_view s) {
  if (s.empty()) return std::nullopt;
  size_t i = 0;
  int64_t n = 0;
  bool digits = false;
  while (i < s.size() && isdigit((unsigned char)s[i])) {
    if (n > INT64_MAX / 10) return std::nullopt;
    n = n * 10 + (s[i++] - '0');
    digits = true;
  }
  if (!digits) return std::nullopt;
  std::string_view suffix = s.substr(i);
  if (suffix.empty()) return n;
  static const std::string_view letters = "KMGTPEZY";
  size_t idx = letters.find((char)toupper(suffix[0]));
  if (idx == std::string_view::npos) return std::nullopt;
  int64_t base = 1024;
  if (suffix.size() == 2 && suffix[1] == 'B') base = 1000;
  else if (suffix.size() == 3 && suffix.substr(1) == "iB") base = 1024;
  else if (suffix.size() != 1) return std::nullopt;
  for (size_t k = 0; k <= idx; ++k) {
    if (n > INT64_MAX / base) return std::nullopt;
    n *= base;
  }
  return n;
}

int run_truncate(Invocation& inv) {
  ParsedArgs args;
  if (auto status = parse_args(inv, kSpec, args)) return *status;
  bool no_create = args.has(kNoCreate), io_blocks = args.has(kIoBlocks);
  const std::string* size_arg = args.last(kSize);
  const std::string* ref = args.last(kReference);
  char op = 0;
  int64_t size = 0;
  if (size_arg) {
    std::string_view s = *size_arg;
    while (!s.empty() && isspace((unsigned char)s[0])) s.remove_prefix(1);
    if (!s.empty() && strchr("+-<>/%", s[0])) {
      op = s[0];
      s.remove_prefix(1);
    }
    auto v = parse_size(s);
    if (!v) {
      inv.error("Invalid number: " + fsu::quote_arg(inv, *size_arg));
      return 1;
    }
    size = *v;
    if ((op == '/' || op == '%') && size == 0) {
      inv.error("division by zero");
      return 1;
    }
  }
  if (!size_arg && !ref) {
    inv.error("you must specify either " + fsu::quote_arg(inv, "--size") + " or " + fsu::quote_arg(inv, "--reference"));
    print_try_help(inv);
    return 1;
  }
  if (io_blocks && !size_arg) {
    inv.error("'--io-blocks' was specified but '--size' was not");
    print_try_help(inv);
    return 1;
  }
  int64_t ref_size = -1;
  if (ref) {
    vfs::Stat st;
    if (vfs::Error err = inv.fs->stat(inv.path(*ref), st)) {
      inv.error("cannot stat " + fsu::quote(*ref), err);
      return 1;
    }
    ref_size = st.size;
    if (!size_arg) op = 0, size = ref_size;
    else if (!op) {
      inv.error("you must specify a relative " + fsu::quote_arg(inv, "--size") + " with " + fsu::quote_arg(inv, "--reference"));
      print_try_help(inv);
      return 1;
    }
  }
  if (args.operands.empty()) {
    inv.error("missing file operand");
    print_try_help(inv);
    return 1;
  }
  int status = 0;
  for (const auto& operand : args.operands) {
    std::string path = inv.path(operand);
    vfs::Stat st;
    bool exists = !inv.fs->stat(path, st);
    if (!exists) {
      if (no_create) continue;
      vfs::FilePtr f;
      if (vfs::Error err = inv.fs->open(path, O_WRONLY | O_CREAT, 0666 & ~fsu::kUmask, f)) {
        inv.error("cannot open " + fsu::quote(operand) + " for writing", err);
        status = 1;
        continue;
      }
      f->close();
      st = vfs::Stat{};
    } else if (S_ISDIR(st.mode)) {
      inv.error("cannot open " + fsu::quote(operand) + " for writing", vfs::make_error(EISDIR));
      status = 1;
      continue;
    }
    int64_t unit = io_blocks ? st.blksize : 1;
    int64_t amount = size * unit;
    int64_t base = ref_size >= 0 ? ref_size : st.size;
    int64_t target = amount;
    switch (op) {
      case '+': target = base + amount; break;
      case '-': target = std::max<int64_t>(0, base - amount); break;
      case '<': target = std::min(base, amount); break;
      case '>': target = std::max(base, amount); break;
      case '/': target = base / amount * amount; break;
      case '%': target = (base + amount - 1) / amount * amount; break;
      default: break;
    }
    if (vfs::Error err = inv.fs->truncate(path, target)) {
      inv.error("failed to truncate " + fsu::quote(operand) + " at " + std::to_string(target) + " bytes", err);
      status = 1;
    }
  }
  return status;
}

}  // namespace

BURROW_COMMAND(truncate, "shrink or extend the size of a file to the specified size", run_truncate);

}  // namespace burrow
