// awk: shared declarations for the lexer, parser and interpreter (gawk 5 semantics).
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "commands/command.h"
#include "text/regex.h"

namespace burrow::awk {

// A fatal runtime or parse error: "fatal: MESSAGE" (or the syntax error text).
struct Fatal {
  std::string message;
  bool raw = false;  // message already fully formatted (syntax errors)
  int status = 2;
};

struct Value {
  enum Kind : uint8_t { kUninit, kNum, kStr, kStrNum };
  Kind kind = kUninit;
  // For kStrNum: whether s looks numeric is decided on first use.
  mutable int8_t strnum_state = -1;  // -1 unknown, 0 string, 1 number
  mutable bool num_valid = false;
  mutable double n = 0;
  std::string s;

  Value() = default;
  explicit Value(double d) : kind(kNum), num_valid(true), n(d) {}
  explicit Value(std::string str) : kind(kStr), s(std::move(str)) {}
  static Value strnum(std::string str) {
    Value v;
    v.kind = kStrNum;
    v.s = std::move(str);
    return v;
  }
  void set_num(double d) {
    kind = kNum;
    n = d;
    num_valid = true;
  }
  void set_str(std::string_view str) {
    kind = kStr;
    s.assign(str);
    num_valid = false;
  }
  void set_strnum(std::string_view str) {
    kind = kStrNum;
    s.assign(str);
    num_valid = false;
    strnum_state = -1;
  }
};

struct Array {
  std::unordered_map<std::string, Value> map;
};

enum class NodeKind : uint8_t {
  kNum, kStr, kRegex, kVar, kLocal, kIndex, kField, kGroup,
  kAssign, kCondition, kAnd, kOr, kNot, kIn, kMatch, kNotMatch, kCompare, kConcat,
  kBinary, kUnary, kPreIncr, kPreDecr, kPostIncr, kPostDecr, kCall, kBuiltin,
  kGetline, kCmdGetline, kFileGetline,
  // statements
  kBlock, kExprStmt, kPrint, kPrintf, kIf, kWhile, kDo, kFor, kForIn, kBreak, kContinue,
  kNext, kNextFile, kExit, kReturn, kDelete, kDeleteAll, kNop,
};

struct Node {
  NodeKind kind;
  int op = 0;            // operator char / builtin id / redirection kind
  int index = -1;        // variable slot / function index
  int line = 0;
  int src = 0;           // index into Program::source_names
  double num = 0;
  std::string str;       // string literal, regex source, name
  std::shared_ptr<const text::Regex> regex;  // compiled literal regex
  std::vector<std::unique_ptr<Node>> kids;
  Node* kid(size_t i) const { return i < kids.size() ? kids[i].get() : nullptr; }

  Node() = default;
  Node(const Node&) = delete;
  Node& operator=(const Node&) = delete;
  // Iterative, so that a long `1+1+1+...` chain cannot exhaust the stack.
  ~Node() {
    std::vector<std::unique_ptr<Node>> pending;
    for (auto& k : kids) if (k) pending.push_back(std::move(k));
    while (!pending.empty()) {
      std::unique_ptr<Node> n = std::move(pending.back());
      pending.pop_back();
      for (auto& k : n->kids) if (k) pending.push_back(std::move(k));
    }
  }
};
using NodePtr = std::unique_ptr<Node>;

struct Function {
  std::string name;
  std::vector<std::string> params;
  NodePtr body;
  bool defined = false;
};

enum class PatternKind : uint8_t { kBegin, kEnd, kBeginFile, kEndFile, kMain };

struct Rule {
  PatternKind kind = PatternKind::kMain;
  NodePtr pattern, pattern2;  // pattern2: range end
  NodePtr action;             // null: print $0
  bool in_range = false;
};

// Builtin function ids.
enum Builtin {
  kBLength, kBSubstr, kBIndex, kBSplit, kBSub, kBGsub, kBMatch, kBSprintf, kBTolower, kBToupper,
  kBInt, kBSqrt, kBExp, kBLog, kBSin, kBCos, kBAtan2, kBRand, kBSrand, kBSystem, kBClose, kBFflush,
  kBGensub, kBSystime, kBStrftime, kBMktime, kBAsort, kBAsorti, kBPatsplit, kBIsarray, kBTypeof,
  kBAnd, kBOr, kBXor, kBLshift, kBRshift, kBCompl, kBStrtonum,
};

struct Program {
  std::vector<Rule> rules;
  std::vector<Function> functions;
  std::map<std::string, int, std::less<>> function_index;
  std::vector<std::string> globals;  // slot -> name
  std::map<std::string, int, std::less<>> global_index;
  std::vector<std::string> warnings;  // printed before the program runs
  std::vector<std::string> source_names;  // "cmd. line" or -f file names
  bool has_main = false, has_end = false, has_beginfile = false, has_endfile = false;
};

// Special variable slots, created first in this order.
enum SpecialVar { kNR, kFNR, kNF, kFS, kOFS, kORS, kRS, kFILENAME, kSUBSEP, kRSTART, kRLENGTH,
                  kCONVFMT, kOFMT, kENVIRON, kARGC, kARGV, kRT, kIGNORECASE, kFPAT, kFIELDWIDTHS,
                  kPROCINFO, kBINMODE, kLINT, kTEXTDOMAIN, kERRNO, kSpecialCount };

struct Source {
  std::string text;
  std::string name;  // "cmd. line" or the file name
};

// Parses the program; throws Fatal with gawk-style syntax error text.
void parse_program(const std::vector<Source>& sources, Program& prog, const std::string& progname);

// awk's escape processing for string literals and -v assignments.
std::string unescape(std::string_view s, bool for_regex = false, std::vector<std::string>* warnings = nullptr);
// Translates an awk ERE into the regex layer's ERE syntax.
std::string translate_regex(std::string_view re);

int run(Invocation& inv);

}  // namespace burrow::awk
