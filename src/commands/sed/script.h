// sed's compiled program: the parser (parse.cpp) turns script text into a
// flat list of commands, the executor (exec.cpp) runs it over the input.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "commands/command.h"
#include "text/regex.h"

namespace burrow::sed {

using RegexPtr = std::shared_ptr<const text::Regex>;

struct Address {
  enum Kind { kNone, kLine, kLast, kRegex, kStep, kZero, kPlus, kTilde } kind = kNone;
  long long n1 = 0, n2 = 0;  // line; first~step; +N / ~N
  RegexPtr re;               // kRegex; null means "the last regex used"
};

struct ReplacementPart {
  enum Kind { kLiteral, kGroup, kLowerAll, kUpperAll, kLowerNext, kUpperNext, kEndCase } kind = kLiteral;
  std::string text;
  int group = 0;
};

struct Command {
  Address a1, a2;
  bool negate = false;
  char name = 0;
  std::string text;    // a/i/c text, label, file name
  size_t jump = 0;     // b/t/T target, '{' -> index of its '}'
  bool has_label = false;
  // s
  RegexPtr re;
  std::vector<ReplacementPart> replacement;
  bool global = false, print = false, eval = false;
  int print_count = 0;
  long long nth = 1;
  std::string wfile;
  // y: byte map, or code point pairs in UTF-8
  std::vector<std::pair<std::string, std::string>> ymap;
  std::string ytable;  // 256 bytes when every y pair is single-byte
  // q/Q exit code, l width (-1: default)
  int int_arg = -1;
  bool has_int = false;
  // range state
  bool range_active = false;
  long long range_end = 0;
};

struct Options {
  bool quiet = false;
  bool extended = false;
  bool separate = false;
  bool in_place = false;
  std::string backup_suffix;
  bool null_data = false;
  bool unbuffered = false;
  bool posix = false;
  bool sandbox = false;
  bool debug = false;
  bool utf8 = false;
  int line_wrap = 70;
};

struct ScriptPiece {
  std::string text;
  std::string origin;  // "-e expression #N" or "file F"
  bool from_file = false;
};

struct Program {
  std::vector<Command> commands;
  std::vector<std::string> wfiles;  // files opened for w/W and s///w
};

// Parses all pieces; on error returns false with `error` set to GNU's full
// message text (without the "sed: " prefix) and `error_status` to exit with.
bool parse_program(const std::vector<ScriptPiece>& pieces, const Options& options, Program& program,
                   std::string& error, int& error_status);

// Runs the program over the input files; returns the exit status.
int execute(Invocation& inv, Program& program, const Options& options, const std::vector<std::string>& files);

}  // namespace burrow::sed
