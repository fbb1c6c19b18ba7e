#include "shell/lexer.h"

namespace burrow::shell {

Reader::Reader(std::string source, int first_line)
    : src_(std::move(source)), line_(first_line), first_line_(first_line) {}

int Reader::peek_slow(size_t k) const {
  for (auto it = stack_.rbegin(); it != stack_.rend(); ++it) {
    size_t rem = it->text.size() - it->pos;
    if (k < rem) return static_cast<unsigned char>(it->text[it->pos + k]);
    k -= rem;
  }
  size_t p = pos_ + k;
  return p < src_.size() ? static_cast<unsigned char>(src_[p]) : kEof;
}

int Reader::get() {
  bool left_blank_alias = false;
  while (!stack_.empty() && stack_.back().pos >= stack_.back().text.size()) {
    left_blank_alias = left_blank_alias || stack_.back().blank_end;
    stack_.pop_back();
  }
  int c;
  if (!stack_.empty()) {
    c = static_cast<unsigned char>(stack_.back().text[stack_.back().pos++]);
  } else {
    if (pos_ >= src_.size()) return kEof;
    c = static_cast<unsigned char>(src_[pos_++]);
    if (c == '\n') ++line_;
  }
  // Blanks after such an alias's text still lead to the word it applies to.
  bool blank = c == ' ' || c == '\t';
  blank_alias_ended_ = blank && (left_blank_alias || blank_alias_ended_);
  rec_.push_back(static_cast<char>(c));
  return c;
}

void Reader::push_alias(std::string name, std::string text) {
  while (!stack_.empty() && stack_.back().pos >= stack_.back().text.size()) stack_.pop_back();
  bool blank_end = !text.empty() && (text.back() == ' ' || text.back() == '\t');
  // bash ends every alias expansion with a space, so the last word of the
  // replacement never runs into the text that follows.
  text.push_back(' ');
  stack_.push_back(Segment{std::move(text), 0, std::move(name), blank_end});
}

bool Reader::after_blank_alias() const {
  if (blank_alias_ended_) return true;
  // Read-out segments stay on the stack until the next get().
  for (auto it = stack_.rbegin(); it != stack_.rend() && it->pos >= it->text.size(); ++it)
    if (it->blank_end) return true;
  return false;
}

bool Reader::alias_active(std::string_view name) const {
  for (const auto& s : stack_)
    if (s.alias == name && s.pos < s.text.size()) return true;
  return false;
}

std::string Reader::line_text_at(size_t pos) const {
  if (pos > src_.size()) pos = src_.size();
  size_t b = pos;
  while (b > 0 && src_[b - 1] != '\n') --b;
  size_t e = src_.find('\n', pos);
  if (e == std::string::npos) e = src_.size();
  return src_.substr(b, e - b);
}

int Reader::eof_line() const {
  int n = first_line_;
  for (char c : src_)
    if (c == '\n') ++n;
  if (!src_.empty() && src_.back() != '\n') ++n;
  return n;
}

Reader::State Reader::save() const {
  State s{pos_, line_, rec_.size(), {}};
  for (size_t i = 0; i < stack_.size(); ++i) s.stack_pos.emplace_back(i, stack_[i].pos);
  return s;
}

void Reader::restore(const State& s) {
  pos_ = s.pos;
  line_ = s.line;
  rec_.resize(s.rec_size);
  // Segments pushed after the save are dropped; popped ones cannot come back,
  // so callers only restore within one alias-free stretch of text.
  if (stack_.size() > s.stack_pos.size()) stack_.resize(s.stack_pos.size());
  for (size_t i = 0; i < stack_.size() && i < s.stack_pos.size(); ++i)
    stack_[i].pos = s.stack_pos[i].second;
}

}  // namespace burrow::shell
