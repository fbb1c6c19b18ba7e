// tac: concatenate and print files in reverse (GNU coreutils 9).
#include <string.h>

#include <cstring>

#include "commands/args.h"
#include "commands/text/common.h"

namespace burrow {
namespace {

enum Opt { kBefore, kRegex, kSeparator };

constexpr OptionSpec kOptions[] = {
    {kBefore, 'b', "before", ArgKind::kNone, "attach the separator before instead of after"},
    {kRegex, 'r', "regex", ArgKind::kNone, "interpret the separator as a regular expression"},
    {kSeparator, 's', "separator", ArgKind::kRequired, "use STRING as the separator instead of newline", "STRING"},
};

constexpr CommandSpec kSpec{
    "Usage: tac [OPTION]... [FILE]...",
    "Write each FILE to standard output, last line first.\n\n"
    "With no FILE, or when FILE is -, read standard input.",
    kOptions,
};

void tac_buffer(OutStream& out, std::string_view data, std::string_view sep, bool before) {
  if (sep.size() == 1 && !before) {
    // Common case: scan backwards for the separator byte.
    char c = sep[0];
    size_t end = data.size();
    size_t pos = end;
    if (pos > 0 && data[pos - 1] == c) --pos;  // the last record's own separator
    while (pos > 0) {
      const void* hit = memrchr(data.data(), c, pos);
      size_t start = hit ? static_cast<const char*>(hit) - data.data() + 1 : 0;
      out.write(data.substr(start, end - start));
      end = start;
      pos = start > 0 ? start - 1 : 0;
    }
    if (end > 0) out.write(data.substr(0, end));
    return;
  }
  // Records end after each separator (or start with it, with -b).
  std::vector<std::pair<size_t, size_t>> records;
  size_t start = 0;
  size_t pos = 0;
  while (true) {
    size_t hit = data.find(sep, pos);
    if (hit == std::string_view::npos) break;
    if (before) {
      if (hit > start) records.push_back({start, hit - start});
      start = hit;
    } else {
      records.push_back({start, hit + sep.size() - start});
      start = hit + sep.size();
    }
    pos = hit + sep.size();
  }
  if (start < data.size()) records.push_back({start, data.size() - start});
  for (auto it = records.rbegin(); it != records.rend(); ++it) out.write(data.substr(it->first, it->second));
}

int run_tac(Invocation& inv) {
  ParsedArgs args;
  if (auto status = parse_args(inv, kSpec, args)) return *status;
  std::string sep = "\n";
  if (const std::string* s = args.last(kSeparator)) {
    sep = s->empty() ? std::string(1, '\0') : *s;
  }
  bool before = args.has(kBefore);
  if (args.operands.empty()) args.operands.push_back("-");
  int status = 0;
  for (const std::string& name : args.operands) {
    if (inv.cancelled()) return 130;
    text::Input in;
    if (vfs::Error err = text::open_input(inv, name, in)) {
      inv.error("failed to open " + text::quoteaf(name) + " for reading: " + vfs::error_text(err));
      status = 1;
      continue;
    }
    std::string data;
    vfs::Stat st;
    if (in.file && !in.file->stat(st) && S_ISREG(st.mode)) data.reserve(static_cast<size_t>(st.size));
    vfs::Error err;
    char buf[65536];
    for (;;) {
      size_t got = text::read_block(in, buf, sizeof buf, err);
      if (err || got == 0) break;
      data.append(buf, got);
    }
    if (err) {
      inv.error(text::quotef(name) + ": read error: " + vfs::error_text(err));
      status = 1;
      continue;
    }
    tac_buffer(inv.out(), data, sep, before);
    if (!inv.out().ok()) break;
  }
  if (text::report_write_error(inv)) status = 1;
  return status;
}

}  // namespace

BURROW_COMMAND(tac, "concatenate and print files in reverse", run_tac);

}  // namespace burrow
