// expand: convert tabs to spaces (GNU coreutils 9.1, byte columns).
#include <cstring>

#include "commands/args.h"
#include "commands/text/common.h"
#include "commands/text/tabstops.h"

namespace burrow {
namespace {

enum Opt { kInitial, kTabs };

constexpr OptionSpec kOptions[] = {
    {kInitial, 'i', "initial", ArgKind::kNone, "do not convert tabs after non blanks"},
    {kTabs, 't', "tabs", ArgKind::kRequired, "have tabs N characters apart, not 8, or use comma separated list of explicit tab positions", "N"},
};

constexpr CommandSpec kSpec{
    "Usage: expand [OPTION]... [FILE]...",
    "Convert tabs in each FILE to spaces, writing to standard output.\n\n"
    "With no FILE, or when FILE is -, read standard input.",
    kOptions,
};

int run_expand(Invocation& inv) {
  // Obsolete "-N" / "-N,M" tab lists.
  for (size_t i = 1; i < inv.argv.size(); ++i) {
    std::string& a = inv.argv[i];
    if (a == "--") break;
    if (a.size() > 1 && a[0] == '-' && std::isdigit(static_cast<unsigned char>(a[1]))) a = "-t" + a.substr(1);
  }
  ParsedArgs args;
  if (auto status = parse_args(inv, kSpec, args)) return *status;
  text::TabStops tabs;
  for (const ParsedOption& o : args.options)
    if (o.id == kTabs && !text::parse_tabstops(inv, o.value, tabs)) return 1;
  if (!text::finish_tabstops(inv, tabs)) return 1;
  bool initial = args.has(kInitial);
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
      if (!std::memchr(line.data(), '\t', line.size()) && !std::memchr(line.data(), '\b', line.size())) {
        inv.out().write(line);
        if (in.in->ended_with_delim()) inv.out().put('\n');
        if (!inv.out().ok()) break;
        continue;
      }
      out.clear();
      uint64_t col = 0;
      bool leading = true;
      for (char c : line) {
        if (c == '\t' && (!initial || leading)) {
          uint64_t next = tabs.next(col);
          if (next == 0) next = col + 1;
          out.append(next - col, ' ');
          col = next;
        } else if (c == '\b') {
          out += c;
          if (col) --col;
          leading = false;
        } else {
          out += c;
          ++col;
          if (c != ' ' && c != '\t') leading = false;
        }
      }
      if (in.in->ended_with_delim()) out += '\n';
      inv.out().write(out);
      if (!inv.out().ok()) break;
    }
  }
  if (text::report_write_error(inv)) status = 1;
  return status;
}

}  // namespace

BURROW_COMMAND(expand, "convert tabs to spaces", run_expand);

}  // namespace burrow
