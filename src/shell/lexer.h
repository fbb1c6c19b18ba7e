// Character input for the parser: the script text plus a stack of alias
// expansions being read, as bash's pushed-string list.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace burrow::shell {

constexpr int kEof = -1;

class Reader {
 public:
  Reader(std::string source, int first_line);

  int peek(size_t k = 0) const {
    if (stack_.empty()) {
      size_t p = pos_ + k;
      return p < src_.size() ? static_cast<unsigned char>(src_[p]) : kEof;
    }
    return peek_slow(k);
  }
  int get();
  bool at_end() const { return peek() == kEof; }

  // Pushes alias replacement text to be read next.
  void push_alias(std::string name, std::string text);
  // True while the text of alias `name` is still being read.
  bool alias_active(std::string_view name) const;
  // True right after the text of an alias whose value ends in a blank: bash
  // then checks the next word for an alias too.
  bool after_blank_alias() const;
  void set_after_blank_alias(bool on) { blank_alias_ended_ = on; }

  int line() const { return line_; }
  size_t pos() const { return pos_; }  // offset in the main source
  const std::string& source() const { return src_; }
  int first_line() const { return first_line_; }
  // The source line containing main offset `pos`, without its newline.
  std::string line_text_at(size_t pos) const;
  // Line number bash reports for "unexpected end of file".
  int eof_line() const;

  // Everything read since the last clear_record(), for raw word text.
  const std::string& record() const { return rec_; }
  void clear_record() { rec_.clear(); }

  struct State {
    size_t pos;
    int line;
    size_t rec_size;
    std::vector<std::pair<size_t, size_t>> stack_pos;  // (depth, pos)
  };
  State save() const;
  void restore(const State& s);

 private:
  struct Segment {
    std::string text;
    size_t pos = 0;
    std::string alias;
    bool blank_end = false;  // the alias value ends in a blank
  };
  int peek_slow(size_t k) const;

  std::string src_;
  size_t pos_ = 0;
  int line_;
  int first_line_;
  std::vector<Segment> stack_;
  bool blank_alias_ended_ = false;  // only blanks read since such an alias's text ended
  std::string rec_;
};

}  // namespace burrow::shell
