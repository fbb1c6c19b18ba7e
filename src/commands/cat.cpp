// cat: concatenate files to standard output (GNU coreutils 9).
#include <cstring>

#include "commands/args.h"

namespace burrow {
namespace {

enum Opt { kShowAll, kNumberNonblank, kShowEndsNonprint, kShowEnds, kNumber, kSqueeze, kShowTabsNonprint, kShowTabs, kIgnored, kShowNonprinting };

constexpr OptionSpec kOptions[] = {
    {kShowAll, 'A', "show-all", ArgKind::kNone, "equivalent to -vET"},
    {kNumberNonblank, 'b', "number-nonblank", ArgKind::kNone, "number nonempty output lines, overrides -n"},
    {kShowEndsNonprint, 'e', "", ArgKind::kNone, "equivalent to -vE"},
    {kShowEnds, 'E', "show-ends", ArgKind::kNone, "display $ at end of each line"},
    {kNumber, 'n', "number", ArgKind::kNone, "number all output lines"},
    {kSqueeze, 's', "squeeze-blank", ArgKind::kNone, "suppress repeated empty output lines"},
    {kShowTabsNonprint, 't', "", ArgKind::kNone, "equivalent to -vT"},
    {kShowTabs, 'T', "show-tabs", ArgKind::kNone, "display TAB characters as ^I"},
    {kIgnored, 'u', "", ArgKind::kNone, "(ignored)"},
    {kShowNonprinting, 'v', "show-nonprinting", ArgKind::kNone, "use ^ and M- notation, except for LFD and TAB"},
};

constexpr CommandSpec kSpec{
    "Usage: cat [OPTION]... [FILE]...",
    "Concatenate FILE(s) to standard output.\n\nWith no FILE, or when FILE is -, read standard input.",
    kOptions,
};

struct Format {
  bool number = false, number_nonblank = false, squeeze = false;
  bool show_ends = false, show_tabs = false, show_nonprinting = false;
  bool plain() const { return !number && !number_nonblank && !squeeze && !show_ends && !show_tabs && !show_nonprinting; }
};

// Line state carried across files, as GNU cat numbers lines continuously.
struct LineState {
  long long line_number = 0;
  int blank_run = 0;
};

void append_visible(std::string& out, unsigned char c, const Format& f) {
  if (c == '\t') {
    out += f.show_tabs ? "^I" : "\t";
    return;
  }
  if (!f.show_nonprinting) {
    out += static_cast<char>(c);
    return;
  }
  if (c >= 128) {
    out += "M-";
    c -= 128;
  }
  if (c < 32) {
    out += '^';
    out += static_cast<char>(c + 64);
  } else if (c == 127) {
    out += "^?";
  } else {
    out += static_cast<char>(c);
  }
}

void format_stream(InStream& in, OutStream& out, const Format& f, LineState& state) {
  std::string line, rendered;
  while (in.read_line(line)) {
    bool blank = line.empty() && in.ended_with_delim();
    if (blank) {
      if (f.squeeze && state.blank_run >= 1) continue;
      ++state.blank_run;
    } else {
      state.blank_run = 0;
    }
    rendered.clear();
    if (f.number_nonblank ? !line.empty() : f.number) {
      char prefix[32];
      int n = snprintf(prefix, sizeof prefix, "%6lld\t", ++state.line_number);
      rendered.append(prefix, n);
    }
    if (f.show_tabs || f.show_nonprinting) {
      for (unsigned char c : line) append_visible(rendered, c, f);
    } else {
      rendered += line;
    }
    if (in.ended_with_delim()) {
      if (f.show_ends) rendered += '$';
      rendered += '\n';
    }
    out.write(rendered);
    if (!out.ok() || !in.ended_with_delim()) break;
  }
}

int run_cat(Invocation& inv) {
  ParsedArgs args;
  if (auto status = parse_args(inv, kSpec, args)) return *status;
  Format f;
  for (const ParsedOption& o : args.options) {
    switch (o.id) {
      case kShowAll: f.show_nonprinting = f.show_ends = f.show_tabs = true; break;
      case kNumberNonblank: f.number_nonblank = true; break;
      case kShowEndsNonprint: f.show_nonprinting = f.show_ends = true; break;
      case kShowEnds: f.show_ends = true; break;
      case kNumber: f.number = true; break;
      case kSqueeze: f.squeeze = true; break;
      case kShowTabsNonprint: f.show_nonprinting = f.show_tabs = true; break;
      case kShowTabs: f.show_tabs = true; break;
      case kShowNonprinting: f.show_nonprinting = true; break;
    }
  }
  if (args.operands.empty()) args.operands.push_back("-");

  int status = 0;
  LineState state;
  for (const std::string& operand : args.operands) {
    if (inv.cancelled()) return 130;
    std::unique_ptr<InStream> owned;
    InStream* in = nullptr;
    if (operand == "-") {
      in = &inv.in();
    } else {
      vfs::FilePtr file;
      if (vfs::Error err = inv.fs->open(inv.path(operand), O_RDONLY, 0, file)) {
        inv.error(operand, err);
        status = 1;
        continue;
      }
      vfs::Stat st;
      if (!file->stat(st) && S_ISDIR(st.mode)) {
        inv.error(operand + ": Is a directory");
        status = 1;
        continue;
      }
      owned = std::make_unique<InStream>(file);
      in = owned.get();
    }
    if (f.plain()) {
      // Fast path: copy blocks without looking at lines.
      char buf[65536];
      while (size_t got = in->read(buf, sizeof buf)) {
        // GNU cat writes what each read returned before reading on, so a
        // coprocess or a pipeline sees a line as soon as it arrives.
        inv.out().write(buf, got);
        inv.out().flush();
        if (!inv.out().ok() || inv.cancelled()) break;
      }
    } else {
      format_stream(*in, inv.out(), f, state);
    }
    if (!in->ok() && in->error().value() != EINTR) {
      inv.error(operand, in->error());
      status = 1;
    }
    if (!inv.out().ok()) break;
  }
  if (!inv.out().ok() && !inv.out().broken_pipe()) {
    inv.error("write error", inv.out().error());
    status = 1;
  }
  return status;
}

}  // namespace

BURROW_COMMAND(cat, "concatenate files and print on the standard output", run_cat);

}  // namespace burrow
