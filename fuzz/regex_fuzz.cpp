// libFuzzer target for the regex layer: pattern translation, compilation
// and matching must never crash, hang or leak, whatever the bytes.
// Build (clang):
//   clang++ -std=c++20 -g -O1 -fsanitize=fuzzer,address,undefined -Isrc \
//     fuzz/regex_fuzz.cpp src/text/regex*.cpp $(pkg-config --cflags --libs re2 libpcre2-8) -o regex_fuzz
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "text/regex.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace burrow::text;
  if (size < 2) return 0;
  const unsigned mode = data[0];
  const unsigned flag_bits = data[1];
  std::string_view rest(reinterpret_cast<const char*>(data + 2), size - 2);
  size_t split = rest.find('\0');
  std::string_view pattern = rest.substr(0, split);
  std::string_view text = split == std::string_view::npos ? std::string_view() : rest.substr(split + 1);

  static constexpr Syntax kSyntaxes[] = {Syntax::kBasic, Syntax::kExtended, Syntax::kPerl, Syntax::kFixed,
                                         Syntax::kEmacs};
  Syntax syntax = kSyntaxes[mode % 5];
  unsigned flags = 0;
  if (flag_bits & 1) flags |= kIgnoreCase;
  if (flag_bits & 2) flags |= kMultiline;
  if (flag_bits & 4) flags |= kUtf8;
  if (flag_bits & 8) flags |= kSedEscapes;
  if (flag_bits & 16) flags |= kWholeLine;
  if (flag_bits & 32) flags |= kWholeWord;
  if (flag_bits & 64) flags |= kGrepDialect;
  if (flag_bits & 128) flags |= kLineMode;

  CompileResult r = Regex::compile(pattern, syntax, flags);
  if (!r) return 0;
  Match m;
  size_t pos = 0;
  // Walk all matches like s///g does; each step must make progress.
  for (int steps = 0; steps < 64 && pos <= text.size(); ++steps) {
    if (!r.regex->search(text, pos, &m)) break;
    if (m[0].begin < static_cast<ptrdiff_t>(pos) || m[0].end < m[0].begin ||
        m[0].end > static_cast<ptrdiff_t>(text.size()))
      __builtin_trap();
    pos = m[0].end > m[0].begin ? static_cast<size_t>(m[0].end) : static_cast<size_t>(m[0].end) + 1;
  }
  r.regex->matches(text);
  size_t where;
  r.regex->locate(text, 0, where);
  return 0;
}
