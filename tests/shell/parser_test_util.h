#pragma once
#include <cstdio>
#include <string>

#include "shell/parser.h"
#include "shell/printer.h"

namespace parser_test {

// Runs the host's bash with `script` as -c argument; returns stdout+stderr.
inline std::string run_bash(const std::string& script, const std::string& opts = "") {
  std::string quoted = "'";
  for (char c : script) {
    if (c == '\'') quoted += "'\\''";
    else quoted.push_back(c);
  }
  quoted += "'";
  std::string cmd = "bash " + opts + " -c " + quoted + " 2>&1";
  FILE* f = popen(cmd.c_str(), "r");
  if (!f) return "<popen failed>";
  std::string out;
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, f)) > 0) out.append(buf, n);
  pclose(f);
  return out;
}

// Our `declare -f f` for a script that defines f (first function found).
inline std::string our_declare_f(const std::string& script) {
  using namespace burrow::shell;
  ParseError err;
  auto l = parse_script(script, err);
  if (!l) return "parse error: " + err.message;
  for (const auto& it : l->items)
    for (const auto& p : it.and_or.pipelines)
      for (const auto& c : p.commands)
        if (c->kind == CommandKind::FunctionDef) return print_function(c->as<FunctionDef>()) + "\n";
  return "no function";
}

// bash's error output for a script, in our format.
inline std::string our_error(const std::string& script) {
  using namespace burrow::shell;
  Parser p(script);
  ParseError err;
  while (p.next_command(err)) {
  }
  if (!err) return "";
  return err.format("bash: -c");
}

}  // namespace parser_test
