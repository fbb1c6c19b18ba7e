// shuf: generate random permutations (GNU coreutils 9).
#include <random>
#include <unordered_map>

#include "commands/args.h"
#include "commands/text/common.h"

namespace burrow {
namespace {

enum Opt { kEcho, kRange, kCount, kOutput, kRandomSource, kRepeat, kZero };

constexpr OptionSpec kOptions[] = {
    {kEcho, 'e', "echo", ArgKind::kNone, "treat each ARG as an input line"},
    {kRange, 'i', "input-range", ArgKind::kRequired, "treat each number LO through HI as an input line", "LO-HI"},
    {kCount, 'n', "head-count", ArgKind::kRequired, "output at most COUNT lines", "COUNT"},
    {kOutput, 'o', "output", ArgKind::kRequired, "write result to FILE instead of standard output", "FILE"},
    {kRandomSource, 0, "random-source", ArgKind::kRequired, "get random bytes from FILE", "FILE"},
    {kRepeat, 'r', "repeat", ArgKind::kNone, "output lines can be repeated"},
    {kZero, 'z', "zero-terminated", ArgKind::kNone, "line delimiter is NUL, not newline"},
};

constexpr CommandSpec kSpec{
    "Usage: shuf [OPTION]... [FILE]\n  or:  shuf -e [OPTION]... [ARG]...\n  or:  shuf -i LO-HI [OPTION]...",
    "Write a random permutation of the input lines to standard output.\n\n"
    "With no FILE, or when FILE is -, read standard input.",
    kOptions,
};

int run_shuf(Invocation& inv) {
  ParsedArgs args;
  if (auto status = parse_args(inv, kSpec, args)) return *status;
  bool echo = args.has(kEcho), repeat = args.has(kRepeat);
  char eol = args.has(kZero) ? '\0' : '\n';
  uint64_t count = UINT64_MAX;
  const std::string* range = args.last(kRange);
  const std::string* output = args.last(kOutput);
  for (const ParsedOption& o : args.options) {
    if (o.id == kCount) {
      uint64_t v;
      if (text::parse_size(o.value, v, "") != text::NumResult::kOk) {
        inv.error("invalid line count: " + text::quote(o.value));
        return 1;
      }
      count = std::min(count, v);
    }
  }
  if (echo && range) {
    inv.error("cannot combine -e and -i options");
    print_try_help(inv);
    return 1;
  }
  std::vector<std::string> items;
  uint64_t lo = 0, hi = 0;
  bool use_range = false;
  if (range) {
    size_t dash = range->find('-');
    uint64_t a, b;
    if (dash == std::string::npos || text::parse_size(range->substr(0, dash), a, "") != text::NumResult::kOk ||
        text::parse_size(range->substr(dash + 1), b, "") != text::NumResult::kOk || (b + 1 < a)) {
      inv.error("invalid input range: " + text::quote(*range));
      return 1;
    }
    if (!args.operands.empty()) {
      inv.error("extra operand " + text::quote(args.operands[0]));
      print_try_help(inv);
      return 1;
    }
    lo = a;
    hi = b;
    use_range = true;
  } else if (echo) {
    items = args.operands;
  } else {
    if (args.operands.size() > 1) {
      inv.error("extra operand " + text::quote(args.operands[1]));
      print_try_help(inv);
      return 1;
    }
    std::string name = args.operands.empty() ? "-" : args.operands[0];
    text::Input in;
    if (vfs::Error err = text::open_input(inv, name, in)) {
      inv.error(text::quotef(name) + ": " + vfs::error_text(err));
      return 1;
    }
    if (in.is_dir) {
      inv.error("read error: " + vfs::error_text(vfs::make_error(EISDIR)));
      return 1;
    }
    std::string line;
    while (in.in->read_line(line, eol)) items.push_back(line);
  }
  std::mt19937_64 rng;
  if (const std::string* src = args.last(kRandomSource)) {
    text::Input rs;
    if (vfs::Error err = text::open_input(inv, *src, rs)) {
      inv.error(text::quotef(*src) + ": " + vfs::error_text(err));
      return 1;
    }
    std::string seed_bytes(64, '\0');
    seed_bytes.resize(rs.in->read(seed_bytes.data(), seed_bytes.size()));
    std::seed_seq seq(seed_bytes.begin(), seed_bytes.end());
    rng.seed(seq);
  } else {
    std::random_device rd;
    rng.seed((static_cast<uint64_t>(rd()) << 32) | rd());
  }
  std::unique_ptr<OutStream> file_out;
  OutStream* out = &inv.out();
  if (output) {
    vfs::FilePtr f;
    vfs::Error err = inv.fs ? inv.fs->open(inv.path(*output), O_WRONLY | O_CREAT | O_TRUNC, 0666, f) : vfs::make_error(ENOENT);
    if (err) {
      inv.error(text::quotef(*output) + ": " + vfs::error_text(err));
      return 1;
    }
    file_out = std::make_unique<OutStream>(f);
    out = file_out.get();
  }
  uint64_t n = use_range ? hi - lo + 1 : items.size();
  auto emit = [&](uint64_t idx) {
    if (use_range) *out << std::to_string(lo + idx);
    else *out << items[idx];
    out->put(eol);
  };
  if (repeat) {
    if (n == 0) {
      if (count != 0 && count != UINT64_MAX) {
        inv.error("no lines to repeat");
        return 1;
      }
      return 0;
    }
    std::uniform_int_distribution<uint64_t> dist(0, n - 1);
    for (uint64_t i = 0; i < count; ++i) {
      emit(dist(rng));
      if (!out->ok() || ((i & 1023) == 0 && inv.cancelled())) break;
    }
  } else {
    uint64_t k = std::min(count, n);
    if (use_range && n > (1u << 22)) {
      // Sparse Fisher-Yates for huge ranges.
      std::unordered_map<uint64_t, uint64_t> swapped;
      for (uint64_t i = 0; i < k; ++i) {
        std::uniform_int_distribution<uint64_t> dist(i, n - 1);
        uint64_t j = dist(rng);
        uint64_t vi = swapped.count(i) ? swapped[i] : i;
        uint64_t vj = swapped.count(j) ? swapped[j] : j;
        swapped[j] = vi;
        emit(vj);
        if (!out->ok()) break;
      }
    } else {
      std::vector<uint64_t> idx(n);
      for (uint64_t i = 0; i < n; ++i) idx[i] = i;
      for (uint64_t i = 0; i < k; ++i) {
        std::uniform_int_distribution<uint64_t> dist(i, n - 1);
        std::swap(idx[i], idx[dist(rng)]);
        emit(idx[i]);
        if (!out->ok()) break;
      }
    }
  }
  out->flush();
  return 0;
}

}  // namespace

BURROW_COMMAND(shuf, "generate random permutations", run_shuf);

}  // namespace burrow
