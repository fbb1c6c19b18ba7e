// comm: compare two sorted files line by line (GNU coreutils 9).
#include <cstring>

#include "commands/args.h"
#include "commands/text/common.h"

namespace burrow {
namespace {

enum Opt { kNo1, kNo2, kNo3, kCheckOrder, kNoCheckOrder, kOutDelim, kTotal, kZero };

constexpr OptionSpec kOptions[] = {
    {kNo1, '1', "", ArgKind::kNone, "suppress column 1 (lines unique to FILE1)"},
    {kNo2, '2', "", ArgKind::kNone, "suppress column 2 (lines unique to FILE2)"},
    {kNo3, '3', "", ArgKind::kNone, "suppress column 3 (lines that appear in both files)"},
    {kCheckOrder, 0, "check-order", ArgKind::kNone, "check that the input is correctly sorted, even if all input lines are pairable"},
    {kNoCheckOrder, 0, "nocheck-order", ArgKind::kNone, "do not check that the input is correctly sorted"},
    {kOutDelim, 0, "output-delimiter", ArgKind::kRequired, "separate columns with STR", "STR"},
    {kTotal, 0, "total", ArgKind::kNone, "output a summary"},
    {kZero, 'z', "zero-terminated", ArgKind::kNone, "line delimiter is NUL, not newline"},
};

constexpr CommandSpec kSpec{
    "Usage: comm [OPTION]... FILE1 FILE2",
    "Compare sorted files FILE1 and FILE2 line by line.\n\n"
    "When FILE1 or FILE2 (not both) is -, read standard input.",
    kOptions,
};

int compare(const std::string& a, const std::string& b) {
  size_t n = std::min(a.size(), b.size());
  int c = n ? std::memcmp(a.data(), b.data(), n) : 0;
  if (c) return c < 0 ? -1 : 1;
  return a.size() < b.size() ? -1 : a.size() > b.size();
}

int run_comm(Invocation& inv) {
  ParsedArgs args;
  if (auto status = parse_args(inv, kSpec, args)) return *status;
  bool show[3] = {!args.has(kNo1), !args.has(kNo2), !args.has(kNo3)};
  int check = 0;  // 0 default, 1 enabled, -1 disabled
  for (const ParsedOption& o : args.options) {
    if (o.id == kCheckOrder) check = 1;
    if (o.id == kNoCheckOrder) check = -1;
  }
  std::string sep = "\t";
  if (const std::string* d = args.last(kOutDelim)) {
    sep = d->empty() ? std::string(1, '\0') : *d;
  }
  char eol = args.has(kZero) ? '\0' : '\n';
  const auto& ops = args.operands;
  if (ops.size() < 2) {
    inv.error(ops.empty() ? "missing operand" : "missing operand after " + text::quote(ops[0]));
    print_try_help(inv);
    return 1;
  }
  if (ops.size() > 2) {
    inv.error("extra operand " + text::quote(ops[2]));
    print_try_help(inv);
    return 1;
  }
  text::Input in[2];
  for (int i = 0; i < 2; ++i) {
    if (vfs::Error err = text::open_input(inv, ops[i], in[i])) {
      inv.error(text::quotef(ops[i]) + ": " + vfs::error_text(err));
      return 1;
    }
  }
  OutStream& out = inv.out();
  std::string line[2], prev[2];
  bool have[2];
  bool warned[2] = {false, false};
  bool seen_unpairable = false;
  uint64_t total[3] = {0, 0, 0};
  auto read = [&](int i) -> bool {
    if (in[i].is_dir) {
      inv.error(text::quotef(ops[i]) + ": " + vfs::error_text(vfs::make_error(EISDIR)));
      in[i].is_dir = false;
      return false;
    }
    return in[i].in->read_line(line[i], eol);
  };
  have[0] = read(0);
  have[1] = read(1);
  auto write = [&](const std::string& l, int col) {
    if (!show[col]) return;
    if (col >= 1 && show[0]) out << sep;
    if (col == 2 && show[1]) out << sep;
    out << l;
    out.put(eol);
  };
  while (have[0] || have[1]) {
    int order = !have[0] ? 1 : !have[1] ? -1 : compare(line[0], line[1]);
    if (order == 0) {
      ++total[2];
      write(line[1], 2);
    } else {
      seen_unpairable = true;
      if (order < 0) {
        ++total[0];
        write(line[0], 0);
      } else {
        ++total[1];
        write(line[1], 1);
      }
    }
    bool step[2] = {order <= 0, order >= 0};
    for (int i = 0; i < 2; ++i) {
      if (!step[i]) continue;
      prev[i].swap(line[i]);
      have[i] = read(i);
      if (have[i] && check >= 0 && (check == 1 || seen_unpairable) && !warned[i] && compare(prev[i], line[i]) > 0) {
        inv.error("file " + std::to_string(i + 1) + " is not in sorted order");
        if (check == 1) return 1;
        warned[i] = true;
      }
    }
    if (!out.ok()) break;
  }
  if (args.has(kTotal)) {
    out << std::to_string(total[0]) << sep << std::to_string(total[1]) << sep << std::to_string(total[2]) << sep
        << "total";
    out.put(eol);
  }
  if (warned[0] || warned[1]) {
    inv.error("input is not in sorted order");
    return 1;
  }
  if (text::report_write_error(inv)) return 1;
  return 0;
}

}  // namespace

BURROW_COMMAND(comm, "compare two sorted files line by line", run_comm);

}  // namespace burrow
