// shred: overwrite a file to hide its contents, and optionally delete it
// (GNU coreutils 9). Random passes use a per-process generator.
#include <atomic>
#include <chrono>
#include <cstring>

#include "commands/args.h"
#include "commands/common/fs_util.h"

namespace burrow {
namespace {

enum Opt { kForce, kIterations, kRandomSource, kSize, kRemove, kUnlink, kVerbose, kExact, kZero };

constexpr OptionSpec kOptions[] = {
    {kForce, 'f', "force", ArgKind::kNone, "change permissions to allow writing if necessary"},
    {kIterations, 'n', "iterations", ArgKind::kRequired, "overwrite N times instead of the default (3)", "N"},
    {kRandomSource, 0, "random-source", ArgKind::kRequired, "get random bytes from FILE", "FILE"},
    {kSize, 's', "size", ArgKind::kRequired, "shred this many bytes (suffixes like K, M, G accepted)", "N"},
    {kUnlink, 'u', "", ArgKind::kNone, "deallocate and remove file after overwriting"},
    {kRemove, 0, "remove", ArgKind::kOptional, "like -u but give control on HOW to delete", "HOW"},
    {kVerbose, 'v', "verbose", ArgKind::kNone, "show progress"},
    {kExact, 'x', "exact", ArgKind::kNone, "do not round file sizes up to the next full block"},
    {kZero, 'z', "zero", ArgKind::kNone, "add a final overwrite with zeros to hide shredding"},
};

constexpr CommandSpec kSpec{"Usage: shred [OPTION]... FILE...",
                            "Overwrite the specified FILE(s) repeatedly, in order to make it harder\n"
                            "for even very expensive hardware probing to recover the data.",
                            kOptions};

uint64_t next_random() {
  static std::atomic<uint64_t> state{(uint64_t)std::chrono::steady_clock::now().time_since_epoch().count()};
  uint64_t x = state.fetch_add(0x9E3779B97F4A7C15ull) + 0x9E3779B97F4A7C15ull;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
  return x ^ (x >> 31);
}

int run_shred(Invocation& inv) {
  ParsedArgs args;
  if (auto status = parse_args(inv, kSpec, args)) return *status;
  uint64_t passes = 3;
  bool remove = args.has(kUnlink) || args.has(kRemove), verbose = args.has(kVerbose), zero = args.has(kZero);
  bool exact = args.has(kExact);
  std::optional<int64_t> size;
  if (const std::string* n = args.last(kIterations)) {
    if (n->empty() || n->find_first_not_of("0123456789") != std::string::npos || n->size() > 9) {
      inv.error("invalid number of passes: " + fsu::quote_arg(inv, *n));
      return 1;
    }
    passes = std::stoull(*n);
  }
  if (const std::string* s = args.last(kSize)) {
    if (s->empty() || !isdigit((unsigned char)(*s)[0])) {
      inv.error("invalid file size: " + fsu::quote_arg(inv, *s));
      return 1;
    }
    char* end = nullptr;
    int64_t v = strtoll(s->c_str(), &end, 10);
    std::string suffix = end;
    if (suffix == "K") v *= 1024;
    else if (suffix == "M") v *= 1024 * 1024;
    else if (suffix == "G") v *= 1024ll * 1024 * 1024;
    else if (!suffix.empty()) {
      inv.error("invalid file size: " + fsu::quote_arg(inv, *s));
      return 1;
    }
    size = v;
  }
  if (args.operands.empty()) {
    inv.error("missing file operand");
    print_try_help(inv);
    return 1;
  }
  int status = 0;
  for (const auto& name : args.operands) {
    std::string path = inv.path(name);
    vfs::FilePtr file;
    if (vfs::Error err = inv.fs->open(path, O_WRONLY, 0, file)) {
      inv.error(name + ": failed to open for writing", err);
      status = 1;
      continue;
    }
    vfs::Stat st;
    file->stat(st);
    int64_t length = size ? *size : st.size;
    if (!size && !exact && length % 4096) length += 4096 - length % 4096;
    uint64_t total = passes + (zero ? 1 : 0);
    std::string buf(std::min<int64_t>(length, 1 << 16), '\0');
    for (uint64_t p = 0; p < total; ++p) {
      bool zero_pass = zero && p == passes;
      if (verbose) {
        inv.err() << "shred: " << name << ": pass " << std::to_string(p + 1) << "/" << std::to_string(total) << " ("
                  << (zero_pass ? "000000" : "random") << ")...\n";
      }
      for (int64_t off = 0; off < length; off += buf.size()) {
        size_t n = (size_t)std::min<int64_t>(buf.size(), length - off);
        if (zero_pass) std::fill(buf.begin(), buf.begin() + n, '\0');
        else
          for (size_t k = 0; k < n; k += 8) {
            uint64_t r = next_random();
            memcpy(&buf[k], &r, std::min<size_t>(8, n - k));
          }
        size_t written = 0;
        if (vfs::Error err = file->pwrite(buf.data(), n, off, written)) {
          inv.error(name + ": error writing at offset " + std::to_string(off), err);
          status = 1;
          break;
        }
      }
    }
    file->close();
    if (remove) {
      if (verbose) inv.err() << "shred: " << name << ": removing\n";
      if (vfs::Error err = inv.fs->unlink(path)) {
        inv.error(name + ": failed to remove", err);
        status = 1;
      } else if (verbose) {
        inv.err() << "shred: " << name << ": removed\n";
      }
    }
  }
  return status;
}

}  // namespace

BURROW_COMMAND(shred, "overwrite a file to hide its contents, and optionally delete it", run_shred);

}  // namespace burrow
