#pragma once
#include <cstdio>
#include <stdexcept>
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

namespace parser_test {

// Compact dump of word parts: L(text) unquoted literal, Q(text) quoted
// literal, S(..) single quotes, A(..) $'..', D[..] double quotes, T(user)
// tilde, P{..} parameter, C{..} command substitution, B{..} backquotes,
// X(..) arithmetic, I{..}/O{..} process substitution.
inline std::string dump_parts(const std::vector<burrow::shell::WordPart>& parts);

inline std::string dump_param(const burrow::shell::ParamExp& e) {
  using namespace burrow::shell;
  static const char* ops[] = {"None",     "Length",    "Default",      "Assign",   "Error",
                              "Alternate", "RemovePrefix", "RemoveSuffix", "Replace",
                              "UpperFirst", "LowerFirst", "ToggleFirst", "Substring",
                              "Transform", "PrefixNames", "ArrayKeys", "Bad"};
  std::string s = e.name;
  if (e.has_subscript) s += "[" + e.subscript_raw + "]";
  if (e.indirect) s = "!" + s;
  if (e.op != ParamOp::None) s += std::string(" ") + ops[static_cast<int>(e.op)];
  if (e.colon) s += ":";
  if (e.longest) s += "2";
  if (e.op == ParamOp::Replace) s += "/" + std::to_string(static_cast<int>(e.replace_mode));
  if (e.transform) s += std::string(" @") + e.transform;
  if (e.names_char) s += std::string(" ") + e.names_char;
  if (!e.arg.parts.empty()) s += " " + dump_parts(e.arg.parts);
  if (e.has_arg2) s += " | " + dump_parts(e.arg2.parts);
  return s;
}

inline std::string dump_parts(const std::vector<burrow::shell::WordPart>& parts) {
  using namespace burrow::shell;
  std::string s;
  for (const auto& p : parts) {
    switch (p.kind) {
      case WordPartKind::Literal: s += (p.quoted ? "Q(" : "L(") + p.text + ")"; break;
      case WordPartKind::SingleQuoted: s += "S(" + p.text + ")"; break;
      case WordPartKind::AnsiC: s += "A(" + p.text + ")"; break;
      case WordPartKind::DoubleQuoted: s += "D[" + dump_parts(p.parts) + "]"; break;
      case WordPartKind::LocaleQuoted: s += "$D[" + dump_parts(p.parts) + "]"; break;
      case WordPartKind::Tilde: s += "T(" + p.text + ")"; break;
      case WordPartKind::Param: s += "P{" + dump_param(*p.param) + "}"; break;
      case WordPartKind::CommandSubst:
        if (!p.command) s += "B!{" + p.backquote_source + "}";
        else s += (p.backquote ? "B{" : "C{") + print_list_oneline(*p.command) + "}";
        break;
      case WordPartKind::Arith: s += "X(" + dump_parts(p.arith->parts) + ")"; break;
      case WordPartKind::ProcessSubst:
        s += (p.process_output ? "O{" : "I{") + print_list_oneline(*p.command) + "}";
        break;
    }
  }
  return s;
}

inline std::unique_ptr<burrow::shell::List> parse_ok(const std::string& src,
                                                     burrow::shell::ParserOptions o = {}) {
  burrow::shell::ParseError err;
  auto l = burrow::shell::parse_script(src, err, std::move(o));
  if (!l) throw std::runtime_error("parse failed: " + err.message + " in: " + src);
  return l;
}

// The first command of the first pipeline of item i.
inline const burrow::shell::Command& cmd_at(const burrow::shell::List& l, size_t i = 0) {
  return *l.items.at(i).and_or.pipelines.at(0).commands.at(0);
}

inline const burrow::shell::SimpleCommand& simple(const burrow::shell::List& l, size_t i = 0) {
  return cmd_at(l, i).as<burrow::shell::SimpleCommand>();
}

// Parts of word n of the first simple command of src.
inline std::string word_dump(const std::string& src, size_t n = 1) {
  auto l = parse_ok(src);
  return dump_parts(simple(*l).words.at(n).parts);
}

}  // namespace parser_test
