// paste: merge lines of files (GNU coreutils 9).
#include <algorithm>

#include "commands/args.h"
#include "commands/text/common.h"

namespace burrow {
namespace {

enum Opt { kDelims, kSerial, kZero };

constexpr OptionSpec kOptions[] = {
    {kDelims, 'd', "delimiters", ArgKind::kRequired, "reuse characters from LIST instead of TABs", "LIST"},
    {kSerial, 's', "serial", ArgKind::kNone, "paste one file at a time instead of in parallel"},
    {kZero, 'z', "zero-terminated", ArgKind::kNone, "line delimiter is NUL, not newline"},
};

constexpr CommandSpec kSpec{
    "Usage: paste [OPTION]... [FILE]...",
    "Write lines consisting of the sequentially corresponding lines from\n"
    "each FILE, separated by TABs, to standard output.\n\n"
    "With no FILE, or when FILE is -, read standard input.",
    kOptions,
};

// Delimiter list with \n \t \\ \0 (empty) escapes; each entry may be empty.
bool parse_delims(std::string_view s, std::vector<std::string>& out) {
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '\\') {
      out.emplace_back(1, s[i]);
      continue;
    }
    if (++i == s.size()) return false;
    switch (s[i]) {
      case '0': out.emplace_back(); break;
      case 'b': out.emplace_back(1, '\b'); break;
      case 'f': out.emplace_back(1, '\f'); break;
      case 'n': out.emplace_back(1, '\n'); break;
      case 'r': out.emplace_back(1, '\r'); break;
      case 't': out.emplace_back(1, '\t'); break;
      case 'v': out.emplace_back(1, '\v'); break;
      default: out.emplace_back(1, s[i]); break;
    }
  }
  return true;
}

int run_paste(Invocation& inv) {
  ParsedArgs args;
  if (auto status = parse_args(inv, kSpec, args)) return *status;
  std::vector<std::string> delims{"\t"};
  bool serial = args.has(kSerial);
  char eol = args.has(kZero) ? '\0' : '\n';
  if (const std::string* d = args.last(kDelims)) {
    delims.clear();
    if (!parse_delims(*d, delims)) {
      inv.error("delimiter list ends with an unescaped backslash: " + *d);
      return 1;
    }
    if (delims.empty()) delims.emplace_back();
  }
  if (args.operands.empty()) args.operands.push_back("-");
  std::vector<std::unique_ptr<text::Input>> inputs;
  for (const std::string& name : args.operands) {
    auto in = std::make_unique<text::Input>();
    if (vfs::Error err = text::open_input(inv, name, *in)) {
      inv.error(text::quotef(name) + ": " + vfs::error_text(err));
      return 1;
    }
    inputs.push_back(std::move(in));
  }
  OutStream& out = inv.out();
  int status = 0;
  std::string line;
  std::vector<const text::Input*> reported;
  auto read = [&](text::Input& in, std::string& l) {
    if (in.is_dir) {
      if (std::find(reported.begin(), reported.end(), &in) == reported.end()) {
        inv.error(text::quotef(in.name) + ": " + vfs::error_text(vfs::make_error(EISDIR)));
        reported.push_back(&in);
        status = 1;
      }
      return false;
    }
    return in.in->read_line(l, eol);
  };
  if (serial) {
    for (auto& in : inputs) {
      size_t di = 0;
      bool any = false;
      while (read(*in, line)) {
        if (any) {
          out << delims[di];
          di = (di + 1) % delims.size();
        }
        out << line;
        any = true;
        if (!out.ok()) break;
      }
      out.put(eol);
    }
  } else {
    std::vector<bool> done(inputs.size(), false);
    size_t live = inputs.size();
    // Stdin named several times is read in turn by each column.
    while (live > 0) {
      std::string row;
      bool got_any = false;
      size_t di = 0;
      for (size_t i = 0; i < inputs.size(); ++i) {
        if (!done[i]) {
          if (read(*inputs[i], line)) {
            got_any = true;
            row += line;
          } else {
            done[i] = true;
            --live;
          }
        }
        if (i + 1 < inputs.size()) {
          row += delims[di];
          di = (di + 1) % delims.size();
        }
      }
      if (!got_any) break;
      row += eol;
      out.write(row);
      if (!out.ok() || inv.cancelled()) break;
    }
  }
  if (text::report_write_error(inv)) status = 1;
  return status;
}

}  // namespace

BURROW_COMMAND(paste, "merge lines of files", run_paste);

}  // namespace burrow
