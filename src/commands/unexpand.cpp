// unexpand: convert spaces to tabs (GNU coreutils 9.1, byte columns).
#include "commands/args.h"
#include "commands/text/common.h"
#include "commands/text/tabstops.h"

namespace burrow {
namespace {

enum Opt { kAll, kFirstOnly, kTabs };

constexpr OptionSpec kOptions[] = {
    {kAll, 'a', "all", ArgKind::kNone, "convert all blanks, instead of just initial blanks"},
    {kFirstOnly, 0, "first-only", ArgKind::kNone, "convert only leading sequences of blanks (overrides -a)"},
    {kTabs, 't', "tabs", ArgKind::kRequired, "have tabs N characters apart instead of 8 (enables -a)", "N"},
};

constexpr CommandSpec kSpec{
    "Usage: unexpand [OPTION]... [FILE]...",
    "Convert blanks in each FILE to tabs, writing to standard output.\n\n"
    "With no FILE, or when FILE is -, read standard input.",
    kOptions,
};

int run_unexpand(Invocation& inv) {
  for (size_t i = 1; i < inv.argv.size(); ++i) {
    std::string& a = inv.argv[i];
    if (a == "--") break;
    if (a.size() > 1 && a[0] == '-' && std::isdigit(static_cast<unsigned char>(a[1]))) a = "-t" + a.substr(1);
  }
  ParsedArgs args;
  if (auto status = parse_args(inv, kSpec, args)) return *status;
  text::TabStops tabs;
  bool all = args.has(kAll);
  for (const ParsedOption& o : args.options) {
    if (o.id == kTabs) {
      if (!text::parse_tabstops(inv, o.value, tabs)) return 1;
      all = true;
    }
  }
  if (args.has(kFirstOnly)) all = false;
  if (!text::finish_tabstops(inv, tabs)) return 1;
  if (args.operands.empty()) args.operands.push_back("-");
  int status = 0;
  std::string line, out, pending;
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
      pending.clear();
      uint64_t col = 0;
      bool converting = true;
      for (char c : line) {
        if ((c == ' ' || c == '\t') && converting) {
          uint64_t stop = tabs.next(col);
          if (stop == 0) {
            // Past the last tab stop: nothing more to convert.
            out += pending;
            pending.clear();
            converting = false;
            out += c;
            ++col;
            continue;
          }
          col = c == ' ' ? col + 1 : stop;
          pending += c;
          if (col == stop) {
            out += pending.size() > 1 || pending[0] == '\t' ? '\t' : ' ';
            pending.clear();
          }
          continue;
        }
        out += pending;
        pending.clear();
        if (c == '\b') {
          if (col) --col;
        } else {
          ++col;
        }
        if (!all) converting = false;
        out += c;
      }
      out += pending;
      if (in.in->ended_with_delim()) out += '\n';
      inv.out().write(out);
      if (!inv.out().ok()) break;
    }
  }
  if (text::report_write_error(inv)) status = 1;
  return status;
}

}  // namespace

BURROW_COMMAND(unexpand, "convert spaces to tabs", run_unexpand);

}  // namespace burrow
