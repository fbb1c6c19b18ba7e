// sed's executor: the cycle over input lines, addresses and commands.
#include <algorithm>
#include <cstring>
#include <map>

#include "commands/sed/script.h"
#include "process/string_files.h"

namespace burrow::sed {
namespace {

// Where text goes: a stream (stdout, a w file) or a string (sed -i).
struct Output {
  OutStream* stream = nullptr;
  std::unique_ptr<OutStream> owned;
  std::string* capture = nullptr;
  bool missing_newline = false;

  void write(std::string_view s) {
    if (s.empty()) return;
    if (missing_newline) {
      raw("\n");
      missing_newline = false;
    }
    raw(s);
  }
  void raw(std::string_view s) {
    if (capture) capture->append(s);
    else if (stream) stream->write(s);
  }
};

class Input {
 public:
  Input(Invocation& inv, const std::vector<std::string>& files, char eol) : inv_(inv), files_(files), eol_(eol) {}

  // Reads the next line of the current stream group. Returns false at the end.
  bool next(std::string& line, bool& had_eol) {
    if (!fill()) return false;
    line = std::move(pending_);
    had_eol = pending_eol_;
    has_pending_ = false;
    current_name_ = pending_name_;
    return true;
  }
  // True when no line follows in this group (the last file, or this file with -s).
  bool at_last() { return !fill(); }
  const std::string& name() const { return current_name_; }
  int status() const { return status_; }
  // Moves to the next file for -s/-i; false when none is left.
  bool next_file() {
    stream_.reset();
    has_pending_ = false;
    while (index_ < files_.size()) {
      if (open(files_[index_++])) return true;
    }
    return false;
  }
  const std::string& file_name() const { return open_name_; }
  void set_separate(bool s) { separate_ = s; }

 private:
  bool open(const std::string& name) {
    open_name_ = name;
    if (name == "-") {
      stream_ = nullptr;
      use_stdin_ = true;
      return true;
    }
    use_stdin_ = false;
    vfs::FilePtr f;
    vfs::Error err = inv_.fs->open(inv_.path(name), O_RDONLY, 0, f);
    vfs::Stat st;
    if (!err && !f->stat(st) && S_ISDIR(st.mode)) {
      inv_.error("couldn't edit " + name + ": not a regular file");
      status_ = 2;
      return false;
    }
    if (err) {
      inv_.error("can't read " + name + ": " + vfs::error_text(err));
      status_ = 2;
      return false;
    }
    stream_ = std::make_unique<InStream>(f);
    return true;
  }

  InStream* current() { return use_stdin_ ? &inv_.in() : stream_.get(); }

  bool fill() {
    if (has_pending_) return true;
    while (true) {
      if (!started_) {
        started_ = true;
        if (!separate_) {
          bool opened = false;
          while (index_ < files_.size() && !opened) opened = open(files_[index_++]);
          if (!opened) return false;
        }
      }
      InStream* in = current();
      if (in && (stream_ || use_stdin_) && in->read_line(pending_, eol_)) {
        pending_eol_ = in->ended_with_delim();
        pending_name_ = open_name_;
        has_pending_ = true;
        return true;
      }
      if (separate_) return false;
      // Continue with the next file.
      stream_.reset();
      use_stdin_ = false;
      bool opened = false;
      while (index_ < files_.size() && !opened) opened = open(files_[index_++]);
      if (!opened) return false;
    }
  }

 public:
  void start_separate() { started_ = true; }

 private:
  Invocation& inv_;
  const std::vector<std::string>& files_;
  char eol_;
  size_t index_ = 0;
  bool started_ = false;
  bool separate_ = false;
  std::unique_ptr<InStream> stream_;
  bool use_stdin_ = false;
  std::string open_name_, pending_name_, current_name_;
  std::string pending_;
  bool pending_eol_ = false, has_pending_ = false;
  int status_ = 0;
};

class Executor {
 public:
  Executor(Invocation& inv, Program& program, const Options& options, Input& input)
      : inv_(inv), program_(program), o_(options), input_(input) {
    eol_ = o_.null_data ? '\0' : '\n';
    if (inv.limits && inv.limits->max_string_bytes) max_space_ = std::max<size_t>(inv.limits->max_string_bytes, 1 << 20);
  }

  bool open_wfiles() {
    for (const auto& name : program_.wfiles) {
      if (wfiles_.count(name)) continue;
      auto out = std::make_unique<Output>();
      if (name == "/dev/stdout") {
        out.reset();
        wfiles_[name] = nullptr;
        continue;
      }
      if (name == "/dev/stderr") {
        out->stream = &inv_.err();
      } else {
        vfs::FilePtr f;
        if (vfs::Error err = inv_.fs->open(inv_.path(name), O_WRONLY | O_CREAT | O_TRUNC, 0666, f)) {
          inv_.error("couldn't open file " + name + ": " + vfs::error_text(err));
          return false;
        }
        out->owned = std::make_unique<OutStream>(f);
        out->stream = out->owned.get();
      }
      wfiles_[name] = std::move(out);
    }
    return true;
  }

  void set_output(Output* out) { out_ = out; }
  void set_stdout(Output* out) { stdout_ = out; }
  void reset_line_number() { line_ = 0; }
  bool quit() const { return quit_; }
  int exit_code() const { return exit_code_; }
  bool error() const { return runtime_error_; }
  bool cancelled() const { return cancelled_; }

  // Runs cycles until the input group ends or the script quits.
  void run() {
    std::string line;
    bool had_eol;
    while (!quit_) {
      if (inv_.cancelled()) {
        cancelled_ = quit_ = true;
        return;
      }
      if (!restart_without_read_) {
        if (!input_.next(line, had_eol)) break;
        ps_ = std::move(line);
        chomped_ = had_eol;
        ++line_;
        replaced_ = false;
      }
      restart_without_read_ = false;
      cycle();
      if (runtime_error_) return;
    }
  }

 private:
  void emit_ps(Output& out, std::string_view text, bool newline) {
    out.write(text);
    if (newline) out.write(std::string_view(&eol_, 1));
    else if (!text.empty()) out.missing_newline = true;
  }
  void print_ps() { emit_ps(*out_, ps_, chomped_); }

  Output& wfile(const std::string& name) {
    auto it = wfiles_.find(name);
    if (it == wfiles_.end() || !it->second) return stdout_ ? *stdout_ : *out_;  // /dev/stdout, even with -i
    return *it->second;
  }

  bool match_one(const Address& a) {
    switch (a.kind) {
      case Address::kNone: return true;
      case Address::kLine: return line_ == a.n1;
      case Address::kLast: return input_.at_last();
      case Address::kStep:
        if (a.n2 <= 0) return line_ == a.n1;
        return line_ >= a.n1 && (line_ - a.n1) % a.n2 == 0;
      case Address::kRegex: {
        const text::Regex* re = use_regex(a.re);
        return re && re->matches(ps_);
      }
      default: return false;
    }
  }

  const text::Regex* use_regex(const RegexPtr& re) {
    if (re) {
      last_regex_ = re;
      return re.get();
    }
    if (!last_regex_) {
      inv_.error("-e expression #1, char 0: no previous regular expression");
      runtime_error_ = true;
      quit_ = true;
      exit_code_ = 1;
      return nullptr;
    }
    return last_regex_.get();
  }

  bool matches(Command& c) {
    bool m;
    if (c.a1.kind == Address::kNone) {
      m = true;
    } else if (c.a2.kind == Address::kNone) {
      m = match_one(c.a1);
    } else if (c.range_active) {
      switch (c.a2.kind) {
        case Address::kLine: case Address::kPlus: case Address::kTilde:
          if (line_ >= c.range_end) c.range_active = false;
          m = line_ <= c.range_end;
          break;
        case Address::kLast:
          if (input_.at_last()) c.range_active = false;
          m = true;
          break;
        default:
          if (match_one(c.a2)) c.range_active = false;
          m = true;
      }
    } else {
      bool start;
      if (c.a1.kind == Address::kZero) {
        start = line_ == 1 && !c.range_end;
        if (start) {
          c.range_end = 1;  // only once
          if (match_one(c.a2)) return !c.negate;
          c.range_active = true;
          return !c.negate;
        }
        return c.negate;
      }
      start = match_one(c.a1);
      if (start) {
        switch (c.a2.kind) {
          case Address::kLine:
            if (c.a2.n1 > line_) {
              c.range_active = true;
              c.range_end = c.a2.n1;
            }
            break;
          case Address::kPlus:
            if (c.a2.n1 > 0) {
              c.range_active = true;
              c.range_end = line_ + c.a2.n1;
            }
            break;
          case Address::kTilde:
            if (c.a2.n1 > 0) {
              c.range_active = true;
              c.range_end = (line_ / c.a2.n1 + 1) * c.a2.n1;
            }
            break;
          case Address::kLast:
            if (!input_.at_last()) c.range_active = true;
            break;
          default:
            c.range_active = true;
        }
      }
      m = start;
    }
    return c.negate ? !m : m;
  }

  void flush_appends() {
    for (const auto& [kind, text] : appends_) {
      if (kind == 'a') {
        out_->write(text);
      } else if (kind == 'r') {
        if (text == "/dev/stdin") {
          std::string all;
          inv_.in().read_all(all);
          out_->write(all);
          continue;
        }
        std::string data;
        if (!vfs::read_file(*inv_.fs, inv_.path(text), data)) {
          out_->write(data);
          if (!data.empty() && data.back() != '\n') out_->missing_newline = true;
        }
      } else {
        out_->write(text);
      }
    }
    appends_.clear();
  }

  void end_cycle(bool autoprint) {
    if (autoprint && !o_.quiet) print_ps();
    flush_appends();
    if (o_.unbuffered && out_->stream) out_->stream->flush();
  }

  std::string run_shell(const std::string& script, bool& ok) {
    ok = false;
    if (!inv_.host) {
      inv_.error("e: cannot run commands here");
      return "";
    }
    if (out_->stream) out_->stream->flush();
    FdTable fds = inv_.fds ? *inv_.fds : FdTable();
    auto sink = std::make_shared<StringSink>();
    fds.set(1, sink);
    Invocation child;
    child.argv = {"sh"};
    child.fds = &fds;
    child.fs = inv_.fs;
    child.cwd = inv_.cwd;
    child.env = inv_.env;
    child.host = inv_.host;
    child.cancel = inv_.cancel;
    child.limits = inv_.limits;
    inv_.host->run_script(script, child);
    child.finish(0);
    ok = true;
    return sink->take();
  }

  // Simple case mapping for the alphabets agents meet most (ASCII, Latin-1,
  // Latin Extended-A, Greek, Cyrillic); other characters are unchanged.
  static uint32_t map_case(uint32_t cp, bool upper) {
    if (cp < 0x80) {
      if (upper && cp >= 'a' && cp <= 'z') return cp - 32;
      if (!upper && cp >= 'A' && cp <= 'Z') return cp + 32;
      return cp;
    }
    if (upper) {
      if ((cp >= 0xE0 && cp <= 0xFE && cp != 0xF7) || (cp >= 0x3B1 && cp <= 0x3C9 && cp != 0x3C2) ||
          (cp >= 0x430 && cp <= 0x44F))
        return cp - 32;
      if (cp >= 0x450 && cp <= 0x45F) return cp - 80;
      if (cp >= 0x100 && cp <= 0x17F && cp != 0x130 && cp != 0x131 && cp != 0x138 && cp != 0x149 && cp != 0x17F) {
        bool odd_lower = (cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17E);
        if (odd_lower ? (cp % 2 == 0) : (cp % 2 == 1)) return cp - 1;
      }
      return cp;
    }
    if ((cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) || (cp >= 0x391 && cp <= 0x3A9 && cp != 0x3A2) ||
        (cp >= 0x410 && cp <= 0x42F))
      return cp + 32;
    if (cp >= 0x400 && cp <= 0x40F) return cp + 80;
    if (cp >= 0x100 && cp <= 0x17F && cp != 0x130 && cp != 0x131 && cp != 0x138 && cp != 0x149 && cp != 0x17F) {
      bool odd_lower = (cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17E);
      if (odd_lower ? (cp % 2 == 1) : (cp % 2 == 0)) return cp + 1;
    }
    return cp;
  }

  // Converts s[from..] (mode 1 lower, 2 upper); with `first_only`, just the
  // first character.
  void case_convert(std::string& s, size_t from, int mode, bool first_only = false) const {
    size_t k = from;
    while (k < s.size()) {
      unsigned char c = s[k];
      if (c < 0x80 || !o_.utf8) {
        uint32_t m = c < 0x80 ? map_case(c, mode == 2) : c;
        s[k] = static_cast<char>(m);
        ++k;
      } else {
        size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
        if (k + len > s.size() || len == 1 || len > 2) {
          k += len == 1 || k + len > s.size() ? 1 : len;  // only 2-byte letters are mapped
        } else {
          uint32_t cp = ((c & 0x1F) << 6) | (s[k + 1] & 0x3F);
          uint32_t m = map_case(cp, mode == 2);
          if (m != cp && m >= 0x80 && m < 0x800) {
            s[k] = static_cast<char>(0xC0 | (m >> 6));
            s[k + 1] = static_cast<char>(0x80 | (m & 0x3F));
          }
          k += 2;
        }
      }
      if (first_only) break;
    }
  }

  void expand(const Command& c, const text::Match& m, std::string& out) {
    int mode = 0;      // 0 none, 1 lower, 2 upper
    int one_shot = 0;  // applies to the next character produced
    auto add = [&](std::string_view piece) {
      if (piece.empty()) return;
      size_t at = out.size();
      out.append(piece);
      if (mode) case_convert(out, at, mode);
      if (one_shot) {
        case_convert(out, at, one_shot, true);
        one_shot = 0;
      }
    };
    for (const auto& part : c.replacement) {
      switch (part.kind) {
        case ReplacementPart::kLiteral: add(part.text); break;
        case ReplacementPart::kGroup:
          if (static_cast<size_t>(part.group) < m.size() && m[part.group].matched())
            add(std::string_view(ps_).substr(m[part.group].begin, m[part.group].size()));
          break;
        case ReplacementPart::kLowerAll: mode = 1; one_shot = 0; break;
        case ReplacementPart::kUpperAll: mode = 2; one_shot = 0; break;
        case ReplacementPart::kLowerNext: one_shot = 1; break;
        case ReplacementPart::kUpperNext: one_shot = 2; break;
        case ReplacementPart::kEndCase: mode = 0; one_shot = 0; break;
      }
    }
  }

  bool substitute(Command& c) {
    const text::Regex* re = use_regex(c.re);
    if (!re) return false;
    text::Match m;
    std::string result;
    size_t pos = 0, copy_from = 0;
    size_t prev_end = std::string::npos;
    long long count = 0;
    bool did = false;
    while (pos <= ps_.size()) {
      if (!re->search(ps_, pos, &m)) break;
      size_t b = m[0].begin, e = m[0].end;
      if (b == e && b == prev_end) {
        if (b >= ps_.size()) break;
        pos = b + 1;
        continue;
      }
      ++count;
      if (count >= c.nth) {
        result.append(ps_, copy_from, b - copy_from);
        expand(c, m, result);
        copy_from = e;
        did = true;
        if (!c.global) break;
      }
      prev_end = e;
      pos = e == b ? e + 1 : e;
    }
    if (!did) return false;
    result.append(ps_, copy_from, std::string::npos);
    ps_ = std::move(result);
    replaced_ = true;
    if (c.eval) {
      bool ok;
      std::string output = run_shell(ps_, ok);
      if (!output.empty() && output.back() == '\n') output.pop_back();
      ps_ = output;
    }
    if (c.print) print_ps();
    if (!c.wfile.empty()) emit_ps(wfile(c.wfile), ps_, true);
    return true;
  }

  void transliterate(const Command& c) {
    if (!c.ytable.empty()) {
      for (char& ch : ps_) ch = c.ytable[static_cast<unsigned char>(ch)];
      return;
    }
    std::string out;
    size_t i = 0;
    while (i < ps_.size()) {
      size_t len = 1;
      unsigned char ch = ps_[i];
      if (o_.utf8 && ch >= 0xC0) {
        len = ch >= 0xF0 ? 4 : ch >= 0xE0 ? 3 : 2;
        if (i + len > ps_.size()) len = 1;
      }
      std::string_view cur(ps_.data() + i, len);
      bool mapped = false;
      for (const auto& [from, to] : c.ymap) {
        if (from == cur) {
          out += to;
          mapped = true;
          break;
        }
      }
      if (!mapped) out.append(cur);
      i += len;
    }
    ps_ = std::move(out);
  }

  void list(int width) {
    if (width < 0) width = o_.line_wrap;
    std::string out;
    size_t col = 0;
    auto put = [&](const std::string& piece) {
      if (width > 0 && col + piece.size() > static_cast<size_t>(width - 1)) {
        out += "\\\n";
        col = 0;
      }
      out += piece;
      col += piece.size();
    };
    for (size_t i = 0; i < ps_.size(); ++i) {
      unsigned char ch = ps_[i];
      std::string piece;
      switch (ch) {
        case '\\': piece = "\\\\"; break;
        case '\a': piece = "\\a"; break;
        case '\b': piece = "\\b"; break;
        case '\f': piece = "\\f"; break;
        case '\n': piece = "\\n"; break;
        case '\r': piece = "\\r"; break;
        case '\t': piece = "\\t"; break;
        case '\v': piece = "\\v"; break;
        default:
          if (false) {
            size_t len = ch >= 0xF0 ? 4 : ch >= 0xE0 ? 3 : 2;
            bool ok = i + len <= ps_.size();
            for (size_t k = 1; ok && k < len; ++k) ok = (static_cast<unsigned char>(ps_[i + k]) & 0xC0) == 0x80;
            if (ok) {
              piece = ps_.substr(i, len);
              i += len - 1;
              if (width > 1 && col + 1 > static_cast<size_t>(width - 1)) {
                out += "\\\n";
                col = 0;
              }
              out += piece;
              col += 1;
              continue;
            }
          }
          if (ch < 32 || ch >= 127) {
            char buf[8];
            snprintf(buf, sizeof buf, "\\%03o", ch);
            piece = buf;
          } else {
            piece = std::string(1, static_cast<char>(ch));
          }
      }
      put(piece);
    }
    out += '$';
    out += eol_;
    out_->write(out);
  }

  void cycle() {
    size_t pc = 0;
    auto& cmds = program_.commands;
    while (pc < cmds.size()) {
      // Scripts can loop without reading input (":a;ba") or grow the pattern
      // space without bound (":a;s/.*/&&/;ba"): honour cancellation and a cap.
      if ((++steps_ & 1023) == 0 && inv_.cancelled()) {
        cancelled_ = quit_ = true;
        return;
      }
      if (ps_.size() > max_space_ || hold_.size() > max_space_) {
        inv_.error("couldn't re-allocate memory");
        runtime_error_ = quit_ = true;
        exit_code_ = 4;
        return;
      }
      Command& c = cmds[pc];
      if (!matches(c)) {
        if (runtime_error_) return;
        pc = c.name == '{' ? c.jump : pc + 1;
        continue;
      }
      if (runtime_error_) return;
      ++pc;
      switch (c.name) {
        case '{': case '}': case ':': case 'v': break;
        case '=': {
          std::string s = std::to_string(line_) + "\n";
          out_->write(s);
          break;
        }
        case 'a': appends_.emplace_back('a', c.text); break;
        case 'i':
          out_->write(c.text);
          break;
        case 'c':
          if (c.a2.kind == Address::kNone || !c.range_active || c.negate) out_->write(c.text);
          end_cycle(false);
          return;
        case 'd': end_cycle(false); return;
        case 'D': {
          size_t nl = ps_.find('\n');
          if (nl == std::string::npos) {
            end_cycle(false);
            return;
          }
          ps_.erase(0, nl + 1);
          end_cycle(false);
          restart_without_read_ = true;
          return;
        }
        case 'e': {
          bool ok;
          if (c.text.empty()) {
            std::string output = run_shell(ps_, ok);
            if (!output.empty() && output.back() == '\n') output.pop_back();
            ps_ = output;
          } else {
            std::string output = run_shell(c.text, ok);
            out_->write(output);
          }
          break;
        }
        case 'F': out_->write(input_.name() == "-" ? "-\n" : input_.name() + "\n"); break;
        case 'g': ps_ = hold_; chomped_ = hold_chomped_; break;
        case 'G': ps_ += '\n'; ps_ += hold_; chomped_ = chomped_ || hold_chomped_; break;
        case 'h': hold_ = ps_; hold_chomped_ = chomped_; break;
        case 'H': hold_ += '\n'; hold_ += ps_; break;
        case 'x': std::swap(ps_, hold_); std::swap(chomped_, hold_chomped_); break;
        case 'l': list(c.has_int ? c.int_arg : -1); break;
        case 'L': break;
        case 'n': {
          if (input_.at_last()) {
            if (!o_.posix) {
              end_cycle(true);
            }
            quit_ = true;
            return;
          }
          if (!o_.quiet) print_ps();
          flush_appends();
          std::string line;
          bool had_eol = true;
          input_.next(line, had_eol);
          ps_ = std::move(line);
          chomped_ = had_eol;
          ++line_;
          break;
        }
        case 'N': {
          if (input_.at_last()) {
            end_cycle(!o_.posix);
            quit_ = true;
            return;
          }
          flush_appends();
          std::string line;
          bool had_eol = true;
          input_.next(line, had_eol);
          ps_ += '\n';
          ps_ += line;
          chomped_ = had_eol;
          ++line_;
          break;
        }
        case 'p': print_ps(); break;
        case 'P': {
          size_t nl = ps_.find('\n');
          if (nl == std::string::npos) print_ps();
          else emit_ps(*out_, std::string_view(ps_).substr(0, nl), true);
          break;
        }
        case 'q':
          exit_code_ = c.has_int ? c.int_arg : 0;
          end_cycle(true);
          quit_ = true;
          return;
        case 'Q':
          exit_code_ = c.has_int ? c.int_arg : 0;
          quit_ = true;
          return;
        case 'r': appends_.emplace_back('r', c.text); break;
        case 'R': {
          auto& reader = readers_[c.text];
          if (!reader.opened) {
            reader.opened = true;
            vfs::FilePtr f;
            if (!inv_.fs->open(inv_.path(c.text), O_RDONLY, 0, f)) reader.in = std::make_unique<InStream>(f);
          }
          std::string line;
          if (reader.in && reader.in->read_line(line)) appends_.emplace_back('R', line + "\n");
          break;
        }
        case 's': substitute(c); if (runtime_error_) return; break;
        case 't':
          if (replaced_) {
            replaced_ = false;
            pc = c.jump;
          }
          break;
        case 'T':
          if (!replaced_) pc = c.jump;
          else replaced_ = false;
          break;
        case 'b': pc = c.jump; break;
        case 'w': emit_ps(wfile(c.text), ps_, true); break;
        case 'W': {
          size_t nl = ps_.find('\n');
          emit_ps(wfile(c.text), std::string_view(ps_).substr(0, nl), true);
          break;
        }
        case 'y': transliterate(c); break;
        case 'z': ps_.clear(); break;
      }
    }
    end_cycle(true);
  }

  struct Reader {
    bool opened = false;
    std::unique_ptr<InStream> in;
  };

  Invocation& inv_;
  Program& program_;
  const Options& o_;
  Input& input_;
  Output* out_ = nullptr;
  Output* stdout_ = nullptr;
  char eol_ = '\n';
  std::string ps_, hold_;
  bool chomped_ = true;
  bool hold_chomped_ = true;
  long long line_ = 0;
  bool replaced_ = false;
  bool quit_ = false;
  bool restart_without_read_ = false;
  bool runtime_error_ = false;
  bool cancelled_ = false;
  uint64_t steps_ = 0;
  size_t max_space_ = 256u << 20;
  int exit_code_ = 0;
  RegexPtr last_regex_;
  std::vector<std::pair<char, std::string>> appends_;
  std::map<std::string, std::unique_ptr<Output>> wfiles_;
  std::map<std::string, Reader> readers_;
};

}  // namespace

int execute(Invocation& inv, Program& program, const Options& options, const std::vector<std::string>& files_in) {
  std::vector<std::string> files = files_in;
  if (files.empty()) {
    if (options.in_place) {
      inv.error("no input files");
      return 4;
    }
    files.push_back("-");
  }
  Input input(inv, files, options.null_data ? '\0' : '\n');
  Executor exec(inv, program, options, input);
  if (!exec.open_wfiles()) return 4;
  Output stdout_output;
  stdout_output.stream = &inv.out();
  exec.set_stdout(&stdout_output);
  if (options.unbuffered) inv.out().set_line_buffered(true);

  if (!options.in_place && !options.separate) {
    exec.set_output(&stdout_output);
    exec.run();
  } else {
    input.set_separate(true);
    input.start_separate();
    while (!exec.quit() && input.next_file()) {
      std::string name = input.file_name();
      exec.reset_line_number();
      if (!options.in_place || name == "-") {
        exec.set_output(&stdout_output);
        exec.run();
        continue;
      }
      std::string captured;
      Output file_output;
      file_output.capture = &captured;
      exec.set_output(&file_output);
      exec.run();
      std::string path = inv.path(name);
      if (!options.backup_suffix.empty()) {
        std::string backup;
        if (options.backup_suffix.find('*') != std::string::npos) {
          std::string base(vfs::basename_of(path));
          for (char ch : options.backup_suffix) {
            if (ch == '*') backup += base;
            else backup += ch;
          }
          if (backup.find('/') == std::string::npos) backup = vfs::join(vfs::dirname_of(path), backup);
          else backup = inv.path(backup);
        } else {
          backup = path + options.backup_suffix;
        }
        std::string original;
        if (!vfs::read_file(*inv.fs, path, original)) vfs::write_file(*inv.fs, backup, original);
      }
      if (vfs::Error err = vfs::write_file(*inv.fs, path, captured)) {
        inv.error("couldn't edit " + name + ": " + vfs::error_text(err));
        return 4;
      }
    }
  }
  if (exec.cancelled()) return 130;
  if (exec.error()) return exec.exit_code() ? exec.exit_code() : 4;
  if (exec.quit() && exec.exit_code()) return exec.exit_code();
  return input.status();
}

}  // namespace burrow::sed
