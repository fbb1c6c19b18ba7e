// libFuzzer target for the shell parser: any input must parse or fail with a
// ParseError, and whatever parses must print and re-parse.
#include <cstddef>
#include <cstdint>
#include <string>

#include "shell/parser.h"
#include "shell/printer.h"

using namespace burrow::shell;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > 1 << 16) return 0;
  std::string src(reinterpret_cast<const char*>(data), size);
  ParserOptions opts;
  // Exercise the alias path too: a couple of fixed aliases.
  opts.alias_lookup = [](std::string_view n) -> std::optional<std::string> {
    if (n == "ll") return std::string("ls -l ");
    if (n == "x") return std::string("if true; then ");
    return std::nullopt;
  };
  opts.max_depth = 200;
  Parser p(src, opts);
  ParseError err;
  int n = 0;
  while (auto l = p.next_command(err)) {
    std::string printed = print_list(*l);
    std::string oneline = print_list_oneline(*l);
    List copy = l->clone();
    (void)copy;
    (void)oneline;
    ParseError err2;
    auto again = parse_script(printed, err2);
    (void)again;
    if (++n > 10000) break;
  }
  (void)p.take_warnings();
  return 0;
}
