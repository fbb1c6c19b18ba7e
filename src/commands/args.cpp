#include "commands/args.h"

#include <algorithm>

namespace burrow {
namespace {

constexpr int kHelpId = -1000;
constexpr int kVersionId = -1001;

bool declares_long(const CommandSpec& spec, std::string_view name) {
  return std::any_of(spec.options.begin(), spec.options.end(),
                     [&](const OptionSpec& o) { return o.long_name == name; });
}

void usage_error(Invocation& inv, const CommandSpec& spec, std::string_view message) {
  inv.error(message);
  if (spec.usage_line_on_error) {
    std::string_view usage = spec.usage;
    if (usage.substr(0, 6) != "Usage:") inv.err() << "Usage: ";
    inv.err() << usage << "\n";
  }
  print_try_help(inv, spec.try_help_with_name);
}

struct LongMatch {
  const OptionSpec* spec = nullptr;  // nullptr with special_id set for --help/--version
  int special_id = 0;
};

}  // namespace

bool ParsedArgs::has(int id) const {
  return std::any_of(options.begin(), options.end(), [&](const ParsedOption& o) { return o.id == id; });
}

const std::string* ParsedArgs::last(int id) const {
  for (auto it = options.rbegin(); it != options.rend(); ++it) {
    if (it->id == id) return &it->value;
  }
  return nullptr;
}

size_t ParsedArgs::count(int id) const {
  return std::count_if(options.begin(), options.end(), [&](const ParsedOption& o) { return o.id == id; });
}

void print_try_help(Invocation& inv) { print_try_help(inv, false); }

void print_try_help(Invocation& inv, bool with_name) {
  OutStream& e = inv.err();
  if (with_name) e << inv.name() << ": ";
  e << "Try '" << inv.name() << " --help' for more information.\n";
  e.flush();
}

void print_version(Invocation& inv) {
  inv.out() << inv.name() << " (Burrow) 0.1.0\n";
}

void print_help(Invocation& inv, const CommandSpec& spec) {
  OutStream& out = inv.out();
  std::string_view usage = spec.usage;
  if (usage.substr(0, 6) != "Usage:") out << "Usage: ";
  out << usage << '\n';
  if (!spec.description.empty()) out << spec.description << '\n';
  bool any = false;
  auto line = [&](std::string left, std::string_view help) {
    if (!any) {
      out << '\n';
      any = true;
    }
    out << "  " << left;
    if (left.size() < 28) out << std::string(28 - left.size(), ' ');
    else out << "\n" << std::string(30, ' ');
    out << help << '\n';
  };
  for (const OptionSpec& o : spec.options) {
    if (o.help.empty()) continue;
    std::string left;
    if (o.short_name) {
      left += '-';
      left += o.short_name;
      if (!o.long_name.empty()) left += ", ";
    } else {
      left += "    ";
    }
    if (!o.long_name.empty()) {
      left += "--";
      left += o.long_name;
      if (o.arg == ArgKind::kRequired) left += "=" + std::string(o.arg_name);
      if (o.arg == ArgKind::kOptional) left += "[=" + std::string(o.arg_name) + "]";
    } else if (o.arg == ArgKind::kRequired) {
      left += " " + std::string(o.arg_name);
    }
    line(left, o.help);
  }
  if (!declares_long(spec, "help")) line("    --help", "display this help and exit");
  if (!declares_long(spec, "version")) line("    --version", "output version information and exit");
  if (!spec.epilog.empty()) out << '\n' << spec.epilog << '\n';
}

std::optional<int> parse_args(Invocation& inv, const CommandSpec& spec, ParsedArgs& out,
                              size_t first) {
  const auto& argv = inv.argv;
  bool options_done = false;
  for (size_t i = first; i < argv.size(); ++i) {
    const std::string& arg = argv[i];
    if (options_done || arg.size() < 2 || arg[0] != '-') {
      out.operands.push_back(arg);
      if (spec.stop_at_operand) options_done = true;
      continue;
    }
    if (arg == "--") {
      options_done = true;
      continue;
    }
    if (arg[1] == '-') {
      // Long option, possibly abbreviated, possibly with "=value".
      std::string_view body = std::string_view(arg).substr(2);
      size_t eq = body.find('=');
      std::string_view name = body.substr(0, eq);
      LongMatch exact, partial;
      std::vector<std::string_view> candidates;
      int partial_count = 0;
      auto consider = [&](std::string_view long_name, const OptionSpec* o, int special) {
        if (long_name.empty() || long_name.substr(0, name.size()) != name) return;
        if (long_name.size() == name.size()) {
          exact = {o, special};
          return;
        }
        candidates.push_back(long_name);
        // Abbreviations of several names for one option are not ambiguous.
        int id = o ? o->id : special;
        int partial_id = partial.spec ? partial.spec->id : partial.special_id;
        if (partial_count == 0 || id != partial_id) ++partial_count;
        partial = {o, special};
      };
      for (const OptionSpec& o : spec.options) consider(o.long_name, &o, 0);
      if (!declares_long(spec, "help")) consider("help", nullptr, kHelpId);
      if (!declares_long(spec, "version")) consider("version", nullptr, kVersionId);

      LongMatch match = exact;
      if (!match.spec && !match.special_id) {
        if (partial_count == 1) {
          match = partial;
        } else if (partial_count > 1) {
          std::string message = "option '" + arg.substr(0, eq == std::string_view::npos ? arg.size() : eq + 2) +
                                "' is ambiguous; possibilities:";
          for (auto c : candidates) message += " '--" + std::string(c) + "'";
          usage_error(inv, spec, message);
          return spec.usage_status;
        } else {
          usage_error(inv, spec, "unrecognized option '" + arg + "'");
          return spec.usage_status;
        }
      }
      if (match.special_id) {
        if (eq != std::string_view::npos) {
          usage_error(inv, spec, "option '--" + std::string(match.special_id == kHelpId ? "help" : "version") +
                               "' doesn't allow an argument");
          return spec.usage_status;
        }
        if (match.special_id == kHelpId) print_help(inv, spec);
        else print_version(inv);
        return 0;
      }
      const OptionSpec& o = *match.spec;
      ParsedOption parsed{o.id, {}, false};
      if (eq != std::string_view::npos) {
        if (o.arg == ArgKind::kNone) {
          usage_error(inv, spec, "option '--" + std::string(o.long_name) + "' doesn't allow an argument");
          return spec.usage_status;
        }
        parsed.value = std::string(body.substr(eq + 1));
        parsed.has_value = true;
      } else if (o.arg == ArgKind::kRequired) {
        if (i + 1 >= argv.size()) {
          usage_error(inv, spec, "option '--" + std::string(o.long_name) + "' requires an argument");
          return spec.usage_status;
        }
        parsed.value = argv[++i];
        parsed.has_value = true;
      }
      out.options.push_back(std::move(parsed));
      continue;
    }
    // A bundle of short options.
    for (size_t j = 1; j < arg.size(); ++j) {
      char c = arg[j];
      const OptionSpec* found = nullptr;
      for (const OptionSpec& o : spec.options) {
        if (o.short_name == c) {
          found = &o;
          break;
        }
      }
      if (!found) {
        usage_error(inv, spec, std::string("invalid option -- '") + c + "'");
        return spec.usage_status;
      }
      ParsedOption parsed{found->id, {}, false};
      if (found->arg != ArgKind::kNone) {
        if (j + 1 < arg.size()) {
          parsed.value = arg.substr(j + 1);
          parsed.has_value = true;
        } else if (found->arg == ArgKind::kRequired) {
          if (i + 1 >= argv.size()) {
            usage_error(inv, spec, std::string("option requires an argument -- '") + c + "'");
            return spec.usage_status;
          }
          parsed.value = argv[++i];
          parsed.has_value = true;
        }
        out.options.push_back(std::move(parsed));
        break;
      }
      out.options.push_back(std::move(parsed));
    }
  }
  return std::nullopt;
}

}  // namespace burrow
