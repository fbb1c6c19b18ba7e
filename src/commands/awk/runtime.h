// awk interpreter state and helpers shared by interp.cpp and builtins.cpp.
#pragma once

#include <cmath>
#include <cstdint>
#include <functional>
#include <random>

#include "commands/awk/awk.h"
#include "process/streams.h"
#include "process/string_files.h"

namespace burrow::awk {

double str_to_num(std::string_view s);
size_t utf8_length(std::string_view s);
std::string utf8_case(std::string_view s, bool upper);
std::string utf8_substr(std::string_view s, size_t start, size_t count);

// A number as a 64-bit integer the way awk truncates it; values beyond the
// range saturate and NaN becomes 0, because a plain cast of those is undefined.
inline long long to_int(double d) {
  if (std::isnan(d)) return 0;
  if (d >= 9.2233720368547758e18) return INT64_MAX;
  if (d <= -9.2233720368547758e18) return INT64_MIN;
  return static_cast<long long>(d);
}

// Elements in one array before awk stops with a fatal error.
constexpr size_t kMaxArrayElements = 20'000'000;

struct Var {
  Value v;
  std::shared_ptr<Array> arr;
};

enum class Flow { kNormal, kBreak, kContinue, kNext, kNextFile, kExit, kReturn };

struct Cancelled {};

// A source of records: the main input, a getline file or a command's output.
struct Reader {
  std::unique_ptr<InStream> owned;
  InStream* in = nullptr;
  std::string buf;  // regex RS: everything not yet consumed
  size_t buf_pos = 0;
  bool slurped = false;
  bool eof = false;
};

struct Output {
  std::unique_ptr<OutStream> stream;  // files
  bool is_pipe = false;
  std::shared_ptr<StringSink> sink;   // print | "cmd": fed to the command at close
};

class Interp {
 public:
  Interp(Invocation& inv, Program& prog, std::string progname);
  int main(const std::vector<std::string>& operands, const std::vector<std::pair<std::string, std::string>>& assigns);

  // ---- values ----
  double to_num(const Value& v) const;
  std::string to_str(const Value& v) const;  // CONVFMT
  std::string to_out_str(const Value& v) const;  // OFMT
  void append_str(std::string& out, const Value& v, bool output) const;
  void append_node(std::string& out, Node* n, bool output);
  bool to_bool(const Value& v) const;
  std::string num_to_str(double d, const std::string& fmt) const;
  bool is_numeric(const Value& v) const;
  int compare(const Value& a, const Value& b) const;

  // ---- evaluation ----
  Value eval(Node* n);
  double eval_num(Node* n);
  std::string eval_str(Node* n);
  Flow exec(Node* n);
  Value& lvalue(Node* n);
  void assign(Node* target, Value v);
  void after_assign(Node* target);
  Var& var_of(Node* n);
  Array& array_of(Node* n);
  std::string subscript(Node* n, size_t first);
  Value call(Node* n);
  Value builtin(Node* n);

  // ---- records and fields ----
  void set_record(std::string_view rec);
  void split_record();
  void rebuild_record();
  Value& field(long long i);
  void set_nf(long long nf);
  const std::string& record();
  long long nf();
  void split_with(std::string_view s, const Value* fs_override, Node* re_node, std::vector<std::string>& parts,
                  std::vector<std::string>* seps);

  // ---- regex ----
  const text::Regex& regex_for(Node* n);
  const text::Regex& dynamic_regex(const std::string& re);
  bool match_node(Node* re, std::string_view text);

  // ---- io ----
  bool read_record(Reader& r, std::string& out);
  int getline_main(std::string& out);
  bool open_next_file();
  OutStream& output_for(Node* dest, int mode);
  int close_stream(const std::string& name);
  void close_all();
  int run_command_capture(const std::string& cmd, std::string& out);
  int run_command_feed(const std::string& cmd, const std::string& in);
  int system_cmd(const std::string& cmd);
  void flush_all();

  std::string format(const std::string& fmt, const std::vector<Value>& args, size_t first, const char* who);
  [[noreturn]] void fatal(const std::string& msg);
  void warning(const std::string& msg);
  void check_cancel() {
    if ((++ticks_ & 0xfff) == 0 && inv_.cancelled()) throw Cancelled{};
  }
  void check_len(size_t n) {
    if (inv_.limits && n > inv_.limits->max_string_bytes) fatal("string too long (sandbox limit)");
  }

  Invocation& inv_;
  Program& prog_;
  std::string progname_;
  std::vector<Var> globals_;
  std::vector<std::vector<Var>>* frames_ = nullptr;
  std::vector<std::vector<Var>> frame_stack_;
  Value return_value_;
  int exit_status_ = 0;
  bool exiting_ = false;
  unsigned ticks_ = 0;
  int line_ = 1;
  int src_ = 0;

  // record state
  std::string record_;
  std::vector<Value> fields_;  // [0] unused
  long long nf_ = 0;
  bool fields_valid_ = true;
  bool record_valid_ = true;

  // cached specials
  std::string convfmt_ = "%.6g", ofmt_ = "%.6g", ofs_ = " ", ors_ = "\n", subsep_ = "\034";
  std::string fs_cache_key_;
  std::shared_ptr<const text::Regex> fs_regex_;
  std::unordered_map<std::string, std::shared_ptr<const text::Regex>> regex_cache_;
  bool ignorecase_ = false;
  unsigned regex_flags_ = 0;
  bool utf8_ = false;
  int fields_mode_ = 0;  // 0 FS, 1 FIELDWIDTHS, 2 FPAT
  int rs_mode_ = 0;      // 0 newline, 1 other single char, 2 regex, 3 paragraph
  char rs_char_ = '\n';
  void update_rs();

  // input
  Reader main_reader_;
  bool main_open_ = false;
  bool main_done_ = false;
  long long argv_index_ = 1;
  bool used_file_operand_ = false;
  std::map<std::string, std::unique_ptr<Reader>> readers_;  // getline < file, cmd | getline
  std::map<std::string, std::unique_ptr<Output>> outputs_;
  std::vector<std::string> output_order_;

  std::mt19937 rng_{0};
  double seed_ = 0;
  int call_depth_ = 0;
  int eval_depth_ = 0;
  bool in_end_ = false;
  bool in_begin_end_ = false;
  bool skip_file_ = false;
  std::string print_buf_;
  bool in_main_rules_ = false;
  bool fs_changed_ = true;
  std::string fs_active_ = " ";
  std::vector<std::pair<std::string, std::string>> seps_out_;
  bool file_error_ = false;
  void assign_var(const std::string& name, const std::string& raw);
  Flow pending_flow_ = Flow::kNormal;
  std::vector<Var*> lazy_arrays_;
  std::vector<std::string> sorted_keys(Array& a);
  void run_rules(PatternKind kind);
  Flow run_main_rules();
};

}  // namespace burrow::awk
