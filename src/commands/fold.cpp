// fold: wrap each input line to fit in specified width (GNU coreutils 9.1,
// which counts bytes, not characters).
#include "commands/args.h"
#include "commands/text/common.h"

namespace burrow {
namespace {

enum Opt { kBytes, kSpaces, kWidth };

constexpr OptionSpec kOptions[] = {
    {kBytes, 'b', "bytes", ArgKind::kNone, "count bytes rather than columns"},
    {kSpaces, 's', "spaces", ArgKind::kNone, "break at spaces"},
    {kWidth, 'w', "width", ArgKind::kRequired, "use WIDTH columns instead of 80", "WIDTH"},
};

constexpr CommandSpec kSpec{
    "Usage: fold [OPTION]... [FILE]...",
    "Wrap input lines in each FILE, writing to standard output.\n\n"
    "With no FILE, or when FILE is -, read standard input.",
    kOptions,
};

size_t advance(size_t col, unsigned char c, bool bytes) {
  if (bytes) return col + 1;
  switch (c) {
    case '\b': return col > 0 ? col - 1 : 0;
    case '\r': return 0;
    case '\t': return col + 8 - col % 8;
    default: return col + 1;
  }
}

void fold_line(std::string_view line, size_t width, bool bytes, bool spaces, std::string& out) {
  std::string cur;
  size_t col = 0;
  for (size_t i = 0; i < line.size(); ++i) {
    unsigned char c = line[i];
    size_t next = advance(col, c, bytes);
    if (next > width && !cur.empty()) {
      if (spaces) {
        size_t sp = cur.find_last_of(' ');
        if (sp != std::string::npos) {
          out.append(cur, 0, sp + 1);
          out += '\n';
          cur.erase(0, sp + 1);
          col = 0;
          for (unsigned char d : cur) col = advance(col, d, bytes);
          --i;
          continue;
        }
      }
      out += cur;
      out += '\n';
      cur.clear();
      col = 0;
      --i;
      continue;
    }
    cur += static_cast<char>(c);
    col = next;
  }
  out += cur;
}

int run_fold(Invocation& inv) {
  // Obsolete "-N" width.
  for (size_t i = 1; i < inv.argv.size(); ++i) {
    std::string& a = inv.argv[i];
    if (a == "--") break;
    if (a.size() > 1 && a[0] == '-' && std::isdigit(static_cast<unsigned char>(a[1])) &&
        a.find_first_not_of("0123456789", 1) == std::string::npos)
      a = "-w" + a.substr(1);
  }
  ParsedArgs args;
  if (auto status = parse_args(inv, kSpec, args)) return *status;
  size_t width = 80;
  if (const std::string* w = args.last(kWidth)) {
    uint64_t v;
    auto r = text::parse_size(*w, v, "");
    if (r != text::NumResult::kOk || v == 0) {
      inv.error("invalid number of columns: " + text::quote(*w) +
                (r == text::NumResult::kInvalid ? "" : ": Numerical result out of range"));
      return 1;
    }
    width = static_cast<size_t>(v);
  }
  bool bytes = args.has(kBytes), spaces = args.has(kSpaces);
  if (args.operands.empty()) args.operands.push_back("-");
  int status = 0;
  std::string line, out;
  for (const std::string& name : args.operands) {
    text::Input in;
    if (vfs::Error err = text::open_input(inv, name, in)) {
      inv.error(text::quotef(name) + ": " + vfs::error_text(err));
      status = 1;
      continue;
    }
    if (in.is_dir) {
      inv.error(text::quotef(name) + ": " + vfs::error_text(vfs::make_error(EISDIR)));
      status = 1;
      continue;
    }
    while (in.in->read_line(line)) {
      out.clear();
      fold_line(line, width, bytes, spaces, out);
      if (in.in->ended_with_delim()) out += '\n';
      inv.out().write(out);
      if (!inv.out().ok()) break;
    }
  }
  if (text::report_write_error(inv)) status = 1;
  return status;
}

}  // namespace

BURROW_COMMAND(fold, "wrap each input line to fit in specified width", run_fold);

}  // namespace burrow
