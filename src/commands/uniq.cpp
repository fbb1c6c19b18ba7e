// uniq: report or omit repeated lines (GNU coreutils 9).
#include <cstring>

#include "commands/args.h"
#include "commands/text/common.h"

namespace burrow {
namespace {

enum Opt { kCount, kRepeated, kAllRepeated, kAllRepeatedLong, kSkipFields, kGroup, kIgnoreCase, kSkipChars, kUnique, kZero, kCheckChars };

constexpr OptionSpec kOptions[] = {
    {kCount, 'c', "count", ArgKind::kNone, "prefix lines by the number of occurrences"},
    {kRepeated, 'd', "repeated", ArgKind::kNone, "only print duplicate lines, one for each group"},
    {kAllRepeated, 'D', "", ArgKind::kNone, "print all duplicate lines"},
    {kAllRepeatedLong, 0, "all-repeated", ArgKind::kOptional, "like -D, but allow separating groups with an empty line; METHOD={none(default),prepend,separate}", "METHOD"},
    {kSkipFields, 'f', "skip-fields", ArgKind::kRequired, "avoid comparing the first N fields", "N"},
    {kGroup, 0, "group", ArgKind::kOptional, "show all items, separating groups with an empty line; METHOD={separate(default),prepend,append,both}", "METHOD"},
    {kIgnoreCase, 'i', "ignore-case", ArgKind::kNone, "ignore differences in case when comparing"},
    {kSkipChars, 's', "skip-chars", ArgKind::kRequired, "avoid comparing the first N characters", "N"},
    {kUnique, 'u', "unique", ArgKind::kNone, "only print unique lines"},
    {kZero, 'z', "zero-terminated", ArgKind::kNone, "line delimiter is NUL, not newline"},
    {kCheckChars, 'w', "check-chars", ArgKind::kRequired, "compare no more than N characters in lines", "N"},
};

constexpr CommandSpec kSpec{
    "Usage: uniq [OPTION]... [INPUT [OUTPUT]]",
    "Filter adjacent matching lines from INPUT (or standard input),\n"
    "writing to OUTPUT (or standard output).\n\n"
    "With no options, matching lines are merged to the first occurrence.",
    kOptions,
};

enum class Delimit { kNone, kPrepend, kSeparate, kAppend, kBoth };

struct Settings {
  size_t skip_fields = 0, skip_chars = 0, check_chars = SIZE_MAX;
  bool ignore_case = false, count = false;
  bool print_unique = true, print_repeated = true, all_repeated = false, group = false;
  Delimit delimit = Delimit::kNone;
  char delim = '\n';
};

std::string_view key_of(std::string_view line, const Settings& s) {
  size_t i = 0;
  for (size_t f = 0; f < s.skip_fields && i < line.size(); ++f) {
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
    while (i < line.size() && !(line[i] == ' ' || line[i] == '\t')) ++i;
  }
  i += std::min(s.skip_chars, line.size() - i);
  std::string_view k = line.substr(i);
  if (k.size() > s.check_chars) k = k.substr(0, s.check_chars);
  return k;
}

bool same(std::string_view a, std::string_view b, bool ignore_case) {
  if (a.size() != b.size()) return false;
  if (!ignore_case) return std::memcmp(a.data(), b.data(), a.size()) == 0;
  for (size_t i = 0; i < a.size(); ++i)
    if (std::toupper(static_cast<unsigned char>(a[i])) != std::toupper(static_cast<unsigned char>(b[i])))
      return false;
  return true;
}

bool parse_count_arg(Invocation& inv, const std::string& v, size_t& out, const char* what) {
  uint64_t n;
  auto r = text::parse_size(v, n, "");
  if (r == text::NumResult::kInvalid) {
    inv.error(v + ": " + what);
    return false;
  }
  out = r == text::NumResult::kOverflow ? SIZE_MAX : static_cast<size_t>(n);
  return true;
}

int run_uniq(Invocation& inv) {
  // Obsolete "-N" (skip N fields).
  for (size_t i = 1; i < inv.argv.size(); ++i) {
    std::string& a = inv.argv[i];
    if (a == "--") break;
    if (a.size() > 1 && a[0] == '-' && std::isdigit(static_cast<unsigned char>(a[1])) &&
        a.find_first_not_of("0123456789", 1) == std::string::npos) {
      a = "--skip-fields=" + a.substr(1);
    }
  }
  ParsedArgs args;
  if (auto status = parse_args(inv, kSpec, args)) return *status;
  Settings s;
  bool repeated_only = false, unique_only = false;
  bool out_unique = true, out_first = true, out_later = false;
  for (const ParsedOption& o : args.options) {
    switch (o.id) {
      case kCount: s.count = true; break;
      case kRepeated: repeated_only = true; out_unique = false; break;
      case kAllRepeated:
      case kAllRepeatedLong:
        s.all_repeated = true;
        out_unique = false;
        out_later = true;
        if (o.has_value) {
          static const char* kNames[] = {"none", "prepend", "separate"};
          int match = -1, n = 0;
          for (int k = 0; k < 3; ++k) {
            if (o.value == kNames[k]) { match = k; n = 1; break; }
            if (!o.value.empty() && std::string_view(kNames[k]).starts_with(o.value)) match = k, ++n;
          }
          if (n != 1) {
            inv.error(std::string(n ? "ambiguous" : "invalid") + " argument " + text::quote(o.value) + " for " +
                      text::quote("--all-repeated") + "\nValid arguments are:\n  - " + text::quote("none") +
                      "\n  - " + text::quote("prepend") + "\n  - " + text::quote("separate"));
            print_try_help(inv);
            return 1;
          }
          s.delimit = match == 0 ? Delimit::kNone : match == 1 ? Delimit::kPrepend : Delimit::kSeparate;
        }
        break;
      case kGroup: {
        s.group = true;
        s.delimit = Delimit::kSeparate;
        if (o.has_value) {
          static const char* kNames[] = {"prepend", "append", "separate", "both"};
          int match = -1, n = 0;
          for (int k = 0; k < 4; ++k) {
            if (o.value == kNames[k]) { match = k; n = 1; break; }
            if (!o.value.empty() && std::string_view(kNames[k]).starts_with(o.value)) match = k, ++n;
          }
          if (n != 1) {
            inv.error(std::string(n ? "ambiguous" : "invalid") + " argument " + text::quote(o.value) + " for " +
                      text::quote("--group") + "\nValid arguments are:\n  - " + text::quote("prepend") +
                      "\n  - " + text::quote("append") + "\n  - " + text::quote("separate") + "\n  - " +
                      text::quote("both"));
            print_try_help(inv);
            return 1;
          }
          static const Delimit kMap[] = {Delimit::kPrepend, Delimit::kAppend, Delimit::kSeparate, Delimit::kBoth};
          s.delimit = kMap[match];
        }
        break;
      }
      case kSkipFields:
        if (!parse_count_arg(inv, o.value, s.skip_fields, "invalid number of fields to skip")) return 1;
        break;
      case kSkipChars:
        if (!parse_count_arg(inv, o.value, s.skip_chars, "invalid number of bytes to skip")) return 1;
        break;
      case kCheckChars:
        if (!parse_count_arg(inv, o.value, s.check_chars, "invalid number of bytes to compare")) return 1;
        break;
      case kIgnoreCase: s.ignore_case = true; break;
      case kUnique: unique_only = true; out_first = false; break;
      case kZero: s.delim = '\0'; break;
    }
  }
  if (args.operands.size() > 2) {
    inv.error("extra operand " + text::quote(args.operands[2]));
    print_try_help(inv);
    return 1;
  }
  if (s.group && (s.count || repeated_only || unique_only || s.all_repeated)) {
    inv.error("--group is mutually exclusive with -c/-d/-D/-u");
    print_try_help(inv);
    return 1;
  }
  if (s.all_repeated && s.count) {
    inv.error("printing all duplicated lines and repeat counts is meaningless");
    print_try_help(inv);
    return 1;
  }
  std::string in_name = args.operands.empty() ? "-" : args.operands[0];
  text::Input in;
  if (vfs::Error err = text::open_input(inv, in_name, in)) {
    inv.error(text::quotef(in_name) + ": " + vfs::error_text(err));
    return 1;
  }
  std::unique_ptr<OutStream> file_out;
  OutStream* out = &inv.out();
  if (args.operands.size() == 2 && args.operands[1] != "-") {
    vfs::FilePtr f;
    vfs::Error err = inv.fs ? inv.fs->open(inv.path(args.operands[1]), O_WRONLY | O_CREAT | O_TRUNC, 0666, f)
                            : vfs::make_error(ENOENT);
    if (err) {
      inv.error(text::quotef(args.operands[1]) + ": " + vfs::error_text(err));
      return 1;
    }
    file_out = std::make_unique<OutStream>(f);
    out = file_out.get();
  }
  if (in.is_dir) {
    inv.error("error reading " + text::quoteaf(in_name));
    return 1;
  }

  std::string prev, cur;
  auto write_line = [&](const std::string& l, bool match, uint64_t count) {
    bool show = count == 0 ? out_unique : !match ? out_first : out_later;
    if (!show) return;
    if (s.count) {
      char tmp[32];
      int n = snprintf(tmp, sizeof tmp, "%7llu ", static_cast<unsigned long long>(count + 1));
      out->write(tmp, n);
    }
    out->write(l);
    out->put(s.delim);
  };
  if (out_unique && out_first && !s.count) {
    bool have_prev = false, first_group_printed = false;
    std::string prev_key_line;
    while (in.in->read_line(cur, s.delim)) {
      if (inv.cancelled()) return 130;
      bool new_group = !have_prev || !same(key_of(cur, s), key_of(prev, s), s.ignore_case);
      if (new_group && s.group &&
          (s.delimit == Delimit::kPrepend || s.delimit == Delimit::kBoth ||
           (first_group_printed && (s.delimit == Delimit::kAppend || s.delimit == Delimit::kSeparate))))
        out->put(s.delim);
      if (new_group || s.group) {
        out->write(cur);
        out->put(s.delim);
        prev.swap(cur);
        have_prev = true;
        first_group_printed = true;
      }
      if (!out->ok()) break;
    }
    if (s.group && first_group_printed && (s.delimit == Delimit::kBoth || s.delimit == Delimit::kAppend))
      out->put(s.delim);
  } else if (in.in->read_line(prev, s.delim)) {
    uint64_t match_count = 0;
    bool first_delimiter = true;
    while (in.in->read_line(cur, s.delim)) {
      if (inv.cancelled()) return 130;
      bool match = same(key_of(cur, s), key_of(prev, s), s.ignore_case);
      match_count += match;
      if (s.delimit != Delimit::kNone) {
        if (!match) {
          if (match_count) first_delimiter = false;
        } else if (match_count == 1) {
          if (s.delimit == Delimit::kPrepend || (s.delimit == Delimit::kSeparate && !first_delimiter))
            out->put(s.delim);
        }
      }
      if (!match || out_later) {
        write_line(prev, match, match_count);
        prev.swap(cur);
        if (!match) match_count = 0;
      }
      if (!out->ok()) break;
    }
    write_line(prev, false, match_count);
  }
  if (!in.in->ok()) {
    inv.error(text::quotef(in_name) + ": " + vfs::error_text(in.in->error()));
    return 1;
  }
  out->flush();
  if (!out->ok() && !out->broken_pipe()) {
    inv.error("write error: " + vfs::error_text(out->error()));
    return 1;
  }
  return 0;
}

}  // namespace

BURROW_COMMAND(uniq, "report or omit repeated lines", run_uniq);

}  // namespace burrow
