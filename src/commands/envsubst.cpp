// envsubst: substitute environment variables in shell format strings
// (GNU gettext): $VAR and ${VAR} only.
#include <set>

#include "commands/args.h"
#include "commands/text/common.h"

namespace burrow {
namespace {

enum Opt { kVariables };

constexpr OptionSpec kOptions[] = {
    {kVariables, 'v', "variables", ArgKind::kNone, "output the variables occurring in SHELL-FORMAT"},
};

constexpr CommandSpec kSpec{
    "Usage: envsubst [OPTION] [SHELL-FORMAT]",
    "Substitutes the values of environment variables.",
    kOptions,
};

bool name_start(char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == '_'; }
bool name_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

// Calls fn(name, begin, end) for each $VAR / ${VAR} reference in s.
template <typename Fn>
void scan(std::string_view s, Fn fn) {
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '$' || i + 1 >= s.size()) continue;
    size_t j = i + 1;
    bool brace = s[j] == '{';
    if (brace) ++j;
    if (j >= s.size() || !name_start(s[j])) continue;
    size_t k = j;
    while (k < s.size() && name_char(s[k])) ++k;
    if (brace) {
      if (k >= s.size() || s[k] != '}') continue;
      fn(s.substr(j, k - j), i, k + 1);
      i = k;
    } else {
      fn(s.substr(j, k - j), i, k);
      i = k - 1;
    }
  }
}

int run_envsubst(Invocation& inv) {
  ParsedArgs args;
  if (auto status = parse_args(inv, kSpec, args)) return *status;
  if (args.operands.size() > 1) {
    inv.error("too many arguments");
    print_try_help(inv);
    return 1;
  }
  if (args.has(kVariables)) {
    if (args.operands.empty()) {
      inv.error("missing arguments");
      print_try_help(inv);
      return 1;
    }
    scan(args.operands[0], [&](std::string_view name, size_t, size_t) { inv.out() << name << "\n"; });
    return 0;
  }
  std::set<std::string, std::less<>> allowed;
  bool restrict = !args.operands.empty();
  if (restrict) scan(args.operands[0], [&](std::string_view name, size_t, size_t) { allowed.emplace(name); });
  std::string line, out;
  InStream& in = inv.in();
  while (in.read_line(line)) {
    out.clear();
    size_t last = 0;
    scan(line, [&](std::string_view name, size_t b, size_t e) {
      if (restrict && !allowed.count(name)) return;
      out.append(line, last, b - last);
      if (inv.env) {
        auto it = inv.env->find(name);
        if (it != inv.env->end()) out += it->second;
      }
      last = e;
    });
    out.append(line, last, std::string::npos);
    if (in.ended_with_delim()) out += '\n';
    inv.out() << out;
  }
  return text::report_write_error(inv) ? 1 : 0;
}

}  // namespace

BURROW_COMMAND(envsubst, "substitute environment variables", run_envsubst);

}  // namespace burrow
