// Helpers shared by the text commands (head, sort, cut, ...): opening inputs
// with GNU's diagnostics, GNU's quoting of names in messages, size suffixes.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "commands/command.h"

namespace burrow::text {

// An input operand: "-" is standard input, anything else a file.
struct Input {
  std::string name;          // the operand as given
  InStream* in = nullptr;    // valid after a successful open
  vfs::FilePtr file;         // the underlying file (also for stdin)
  bool is_stdin = false;
  bool is_dir = false;       // reads fail with EISDIR, as on Linux
  std::unique_ptr<InStream> owned;
  // The name diagnostics use: "standard input" for "-".
  std::string display() const { return is_stdin ? "standard input" : name; }
};

// Opens `operand` for reading. On failure returns the error and leaves
// `out.in` null; the caller words the message as its GNU twin does.
vfs::Error open_input(Invocation& inv, const std::string& operand, Input& out);

// Reads up to n bytes, reporting EISDIR for directories.
size_t read_block(Input& in, char* buf, size_t n, vfs::Error& err);

// GNU quoting styles used in diagnostics.
// quote(): locale style, 'x' in curly quotes under a UTF-8 locale (‘x’).
std::string quote(std::string_view s);
// quoteaf(): shell-escape-always style: 'x' with ASCII quotes.
std::string quoteaf(std::string_view s);
// quotef(): shell-escape style, quoted only when needed.
std::string quotef(std::string_view s);

// xstrtoumax-like parsing of "NUM[SUFFIX]" with GNU multipliers:
// b=512, K/k=KiB=1024, KB/kB=1000, M, MB, MiB, ... Y, R, Q.
enum class NumResult { kOk, kInvalid, kOverflow };
NumResult parse_size(std::string_view s, uint64_t& out, std::string_view valid_suffixes);

// Prints "NAME: write error: ..." when stdout failed for a reason other than
// a reader that went away; returns true if it did.
bool report_write_error(Invocation& inv);

// Display width of one UTF-8 code point (wcwidth under C.UTF-8).
int char_width(uint32_t cp);
bool is_printable(uint32_t cp);
bool is_wspace(uint32_t cp);
// Decodes one UTF-8 sequence at s[0..n). Returns its length, or 0 when
// invalid/incomplete (the caller treats one byte as invalid).
int decode_utf8(const unsigned char* s, size_t n, uint32_t& cp);

}  // namespace burrow::text
