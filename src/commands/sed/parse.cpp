// sed script parser (GNU sed 4.9 syntax and diagnostics).
#include <cctype>
#include <map>

#include "commands/sed/script.h"

namespace burrow::sed {
namespace {

using text::Regex;

struct ParseError {
  std::string message;
  int status = 1;
  bool plain = false;  // printed without the location prefix
};

class Parser {
 public:
  Parser(const std::vector<ScriptPiece>& pieces, const Options& options, Program& program)
      : pieces_(pieces), options_(options), program_(program) {
    for (size_t k = 0; k < pieces.size(); ++k) {
      if (k) src_ += '\n';
      starts_.push_back(src_.size());
      src_ += pieces[k].text;
    }
  }

  void parse() {
    while (true) {
      skip_separators();
      if (at_end()) break;
      parse_command();
    }
    if (!blocks_.empty()) throw ParseError{block_locations_.back() + ": unmatched `{'"};
    resolve_labels();
  }

  // "-e expression #N, char M" or "file F line L" for the last character
  // consumed (pos_ counts consumed characters of the joined script).
  std::string location() const {
    size_t consumed = pos_;
    size_t k = 0;
    for (size_t j = 0; j < starts_.size(); ++j)
      if (consumed > starts_[j] || (consumed == starts_[j] && j == 0)) k = j;
    const ScriptPiece& piece = pieces_[k];
    size_t local = consumed - starts_[k];
    if (piece.from_file) {
      size_t line = 1;
      for (size_t i = starts_[k]; i < consumed && i < src_.size(); ++i)
        if (src_[i] == '\n' && i + 1 < consumed) ++line;
      return piece.origin + " line " + std::to_string(line);
    }
    return piece.origin + ", char " + std::to_string(local);
  }

 private:
  [[noreturn]] void fail(const std::string& message) { throw ParseError{location() + ": " + message}; }
  // Where an unmatched "{" is reported: its expression with char 0, or its
  // script file line.
  std::string block_location() const {
    std::string here = location();
    size_t comma = here.rfind(", char ");
    return comma == std::string::npos ? here : here.substr(0, comma) + ", char 0";
  }

  bool at_end() const { return pos_ >= src_.size(); }
  int peek() const { return at_end() ? -1 : static_cast<unsigned char>(src_[pos_]); }
  int get() { return at_end() ? -1 : static_cast<unsigned char>(src_[pos_++]); }
  void skip_spaces() {
    while (!at_end() && (src_[pos_] == ' ' || src_[pos_] == '\t')) ++pos_;
  }
  void skip_separators() {
    while (!at_end()) {
      char c = src_[pos_];
      if (c == ' ' || c == '\t' || c == '\n' || c == ';') ++pos_;
      else if (c == '#') {
        while (!at_end() && src_[pos_] != '\n') ++pos_;
      } else break;
    }
  }

  unsigned regex_flags() const {
    unsigned f = text::kSedEscapes;
    if (options_.utf8) f |= text::kUtf8;
    return f;
  }

  // Reads up to the (unescaped) delimiter. In regex mode "\delim" becomes
  // delim and other escapes are kept for the regex layer; newlines may be
  // written as "\n" or, escaped, literally.
  bool read_delimited(char delim, std::string& out, bool regex) {
    while (true) {
      int c = get();
      if (c < 0) return false;
      if (c == delim) return true;
      if (c == '\n' && regex) return false;
      if (c == '[' && regex) {
        // A bracket expression may contain the delimiter.
        size_t save = pos_;
        std::string bracket = "[";
        if (peek() == '^') bracket += static_cast<char>(get());
        if (peek() == ']') bracket += static_cast<char>(get());
        bool closed = false;
        while (!at_end() && src_[pos_] != '\n') {
          char b = src_[pos_++];
          bracket += b;
          if (b == '[' && !at_end() && (src_[pos_] == ':' || src_[pos_] == '.' || src_[pos_] == '=')) {
            char kind = src_[pos_];
            size_t close = src_.find(std::string(1, kind) + "]", pos_ + 1);
            if (close == std::string::npos) break;
            bracket.append(src_, pos_, close + 2 - pos_);
            pos_ = close + 2;
            continue;
          }
          if (b == ']') {
            closed = true;
            break;
          }
        }
        if (closed) {
          out += bracket;
          continue;
        }
        pos_ = save;
        out += '[';
        continue;
      }
      if (c == '\\') {
        int d = get();
        if (d < 0) return false;
        if (d == delim) {
          char ch = static_cast<char>(d);
          if (!regex || std::isalnum(static_cast<unsigned char>(ch))) out += ch;
          else if (ch == '^') out += "\\^";
          else if (ch == '\n') out += "\\n";
          else {
            out += '[';
            out += ch;
            out += ']';
          }
        } else if (d == '\n') {
          out += regex ? "\\n" : "\n";
        } else {
          out += '\\';
          out += static_cast<char>(d);
        }
        continue;
      }
      out += static_cast<char>(c);
    }
  }

  RegexPtr compile_regex(const std::string& pattern, unsigned extra_flags) {
    if (pattern.empty()) {
      if (!compiled_any_) throw ParseError{"-e expression #1, char 0: no previous regular expression"};
      return nullptr;
    }
    compiled_any_ = true;
    auto result = Regex::compile(pattern, options_.extended ? text::Syntax::kExtended : text::Syntax::kBasic,
                                 regex_flags() | extra_flags);
    if (!result) {
      if (result.error.rfind("character class syntax is", 0) == 0) throw ParseError{result.error, 4, true};
      fail(result.error);
    }
    return result.regex;
  }

  bool read_number(long long& v) {
    if (peek() < '0' || peek() > '9') return false;
    v = 0;
    while (peek() >= '0' && peek() <= '9') v = std::min(v * 10 + (get() - '0'), 1LL << 50);
    return true;
  }

  bool read_address(Address& a, bool second) {
    int c = peek();
    if (c >= '0' && c <= '9') {
      long long n;
      read_number(n);
      skip_spaces();
      if (peek() == '~' && !second) {
        get();
        skip_spaces();
        long long step = 0;
        read_number(step);
        a.kind = Address::kStep;
        a.n1 = n;
        a.n2 = step;
        return true;
      }
      a.kind = Address::kLine;
      a.n1 = n;
      return true;
    }
    if (c == '+' || c == '~') {
      get();
      long long n = 0;
      read_number(n);
      a.kind = c == '+' ? Address::kPlus : Address::kTilde;
      a.n1 = n;
      return true;
    }
    if (c == '$') {
      get();
      a.kind = Address::kLast;
      return true;
    }
    if (c == '/' || c == '\\') {
      get();
      char delim = '/';
      if (c == '\\') {
        int d = get();
        if (d < 0 || d == '\n' || d == '\\') fail("unterminated address regex");
        delim = static_cast<char>(d);
      }
      std::string pattern;
      if (!read_delimited(delim, pattern, true)) fail("unterminated address regex");
      unsigned flags = 0;
      while (peek() == 'I' || peek() == 'M') {
        flags |= get() == 'I' ? text::kIgnoreCase : text::kMultiline;
      }
      a.kind = Address::kRegex;
      a.re = compile_regex(pattern, flags);
      return true;
    }
    return false;
  }

  // Text argument of a, i, c.
  // Text argument of a, i, c, including its final newline ("" when the
  // script ends right after "a\\": nothing is output then).
  std::string read_text() {
    skip_spaces();
    std::string text;
    if (peek() == '\\') {
      get();
      if (peek() == '\n') get();
      if (at_end()) return text;
    } else if (options_.posix || at_end() || peek() == '\n') {
      fail("expected \\ after `a', `c' or `i'");
    }
    while (!at_end()) {
      int c = get();
      if (c == '\\') {
        int d = get();
        if (d < 0) break;
        text += static_cast<char>(d);
        continue;
      }
      if (c == '\n') break;
      text += static_cast<char>(c);
    }
    return text + "\n";
  }

  std::string read_filename() {
    skip_spaces();
    std::string name;
    while (!at_end() && src_[pos_] != '\n') name += src_[pos_++];
    return name;
  }

  std::string read_label() {
    skip_spaces();
    std::string label;
    while (!at_end() && src_[pos_] != '\n' && src_[pos_] != ';') label += src_[pos_++];
    while (!label.empty() && (label.back() == ' ' || label.back() == '\t')) label.pop_back();
    return label;
  }

  void end_of_command() {
    skip_spaces();
    int c = peek();
    if (c < 0 || c == '\n' || c == ';' || c == '#') return;
    if (c == '}') return;
    get();
    fail("extra characters after command");
  }

  void parse_replacement(const std::string& raw, Command& cmd) {
    std::vector<ReplacementPart>& parts = cmd.replacement;
    auto literal = [&](char ch) {
      if (parts.empty() || parts.back().kind != ReplacementPart::kLiteral) parts.push_back({});
      parts.back().text += ch;
    };
    for (size_t i = 0; i < raw.size(); ++i) {
      char c = raw[i];
      if (c == '&') {
        parts.push_back({ReplacementPart::kGroup, "", 0});
        continue;
      }
      if (c != '\\' || i + 1 >= raw.size()) {
        literal(c);
        continue;
      }
      char d = raw[++i];
      if (d >= '0' && d <= '9') {
        parts.push_back({ReplacementPart::kGroup, "", d - '0'});
        continue;
      }
      switch (d) {
        case 'L': parts.push_back({ReplacementPart::kLowerAll}); continue;
        case 'U': parts.push_back({ReplacementPart::kUpperAll}); continue;
        case 'l': parts.push_back({ReplacementPart::kLowerNext}); continue;
        case 'u': parts.push_back({ReplacementPart::kUpperNext}); continue;
        case 'E': parts.push_back({ReplacementPart::kEndCase}); continue;
        case 'n': literal('\n'); continue;
        case 't': literal('\t'); continue;
        case 'a': literal('\a'); continue;
        case 'f': literal('\f'); continue;
        case 'v': literal('\v'); continue;
        case 'r': literal('\r'); continue;
        case 'c':
          if (i + 1 < raw.size()) {
            char x = raw[++i];
            if (x >= 'a' && x <= 'z') x -= 32;
            literal(static_cast<char>(x ^ 0x40));
            continue;
          }
          literal('c');
          continue;
        case 'd': case 'o': case 'x': {
          int base = d == 'd' ? 10 : d == 'o' ? 8 : 16;
          int max_len = d == 'x' ? 2 : 3;
          int v = 0, len = 0;
          size_t p = i + 1;
          while (len < max_len && p < raw.size()) {
            char h = raw[p];
            int val = h >= '0' && h <= '9' ? h - '0' : (h | 0x20) >= 'a' && (h | 0x20) <= 'f' ? (h | 0x20) - 'a' + 10 : 99;
            if (val >= base) break;
            v = v * base + val;
            ++p;
            ++len;
          }
          if (len == 0) {
            literal(d);
          } else {
            literal(static_cast<char>(v & 0xFF));
            i = p - 1;
          }
          continue;
        }
        default: literal(d); continue;
      }
    }
  }

  void parse_s(Command& cmd) {
    int delim = get();
    if (delim < 0 || delim == '\n' || delim == '\\') fail("unterminated `s' command");
    std::string pattern, replacement;
    if (!read_delimited(static_cast<char>(delim), pattern, true)) fail("unterminated `s' command");
    // The replacement keeps its escapes for parse_replacement; "\delim" is the delimiter.
    while (true) {
      int c = get();
      if (c < 0) fail("unterminated `s' command");
      if (c == delim) break;
      if (c == '\\') {
        int d = get();
        if (d < 0) fail("unterminated `s' command");
        if (d == delim && d != '&' && d != '\n') {
          replacement += static_cast<char>(d);
        } else if (d == '\n') {
          replacement += '\n';
        } else {
          replacement += '\\';
          replacement += static_cast<char>(d);
        }
        continue;
      }
      if (c == '\n' && false) fail("unterminated `s' command");
      replacement += static_cast<char>(c);
    }
    unsigned flags = 0;
    bool have_number = false;
    while (true) {
      int c = peek();
      if (c == 'g') {
        get();
        if (cmd.global) fail("multiple `g' options to `s' command");
        cmd.global = true;
      } else if (c == 'p') {
        get();
        if (cmd.print) fail("multiple `p' options to `s' command");
        cmd.print = true;
      } else if (c >= '0' && c <= '9') {
        if (have_number) {
          get();
          fail("multiple number options to `s' command");
        }
        long long n = 0;
        read_number(n);
        if (n == 0) fail("number option to `s' command may not be zero");
        cmd.nth = n;
        have_number = true;
      } else if (c == 'i' || c == 'I') {
        get();
        flags |= text::kIgnoreCase;
      } else if (c == 'm' || c == 'M') {
        get();
        flags |= text::kMultiline;
      } else if (c == 'e') {
        get();
        if (options_.sandbox) fail("e/r/w commands disabled in sandbox mode");
        cmd.eval = true;
      } else if (c == 'w') {
        get();
        if (options_.sandbox) fail("e/r/w commands disabled in sandbox mode");
        cmd.wfile = read_filename();
        if (cmd.wfile.empty()) fail("missing filename in r/R/w/W commands");
        program_.wfiles.push_back(cmd.wfile);
        break;
      } else if (c < 0 || c == '\n' || c == ';' || c == ' ' || c == '\t' || c == '}' || c == '#') {
        break;
      } else {
        get();
        fail("unknown option to `s'");
      }
    }
    cmd.re = compile_regex(pattern, flags);
    parse_replacement(replacement, cmd);
    size_t groups = cmd.re ? cmd.re->group_count() : 9;
    for (const auto& part : cmd.replacement) {
      if (part.kind == ReplacementPart::kGroup && part.group > static_cast<int>(groups))
        fail("invalid reference \\" + std::to_string(part.group) + " on `s' command's RHS");
    }
  }

  // Splits y's strings into characters (UTF-8 aware), resolving escapes.
  std::vector<std::string> y_chars(const std::string& s, char delim) {
    std::vector<std::string> out;
    for (size_t i = 0; i < s.size();) {
      unsigned char c = s[i];
      if (c == '\\' && i + 1 < s.size()) {
        char d = s[i + 1];
        i += 2;
        if (d == 'n') out.push_back("\n");
        else if (d == 't') out.push_back("\t");
        else if (d == 'r') out.push_back("\r");
        else if (d == '\\') out.push_back("\\");
        else if (d == delim) out.push_back(std::string(1, d));
        else if (d == 'a') out.push_back("\a");
        else if (d == 'f') out.push_back("\f");
        else if (d == 'v') out.push_back("\v");
        else out.push_back(std::string(1, d));
        continue;
      }
      size_t len = 1;
      if (options_.utf8 && c >= 0xC0) {
        len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
        if (i + len > s.size()) len = 1;
      }
      out.push_back(s.substr(i, len));
      i += len;
    }
    return out;
  }

  void parse_y(Command& cmd) {
    int delim = get();
    if (delim < 0 || delim == '\n' || delim == '\\') fail("unterminated `y' command");
    std::string from, to;
    auto read_raw = [&](std::string& out) {
      while (true) {
        int c = get();
        if (c < 0 || c == '\n') return false;
        if (c == delim) return true;
        if (c == '\\') {
          int d = get();
          if (d < 0) return false;
          out += '\\';
          out += static_cast<char>(d);
          continue;
        }
        out += static_cast<char>(c);
      }
    };
    if (!read_raw(from) || !read_raw(to)) fail("unterminated `y' command");
    auto a = y_chars(from, static_cast<char>(delim));
    auto b = y_chars(to, static_cast<char>(delim));
    if (a.size() != b.size()) fail("strings for `y' command are different lengths");
    bool bytes = true;
    for (size_t k = 0; k < a.size(); ++k) {
      cmd.ymap.emplace_back(a[k], b[k]);
      if (a[k].size() != 1 || b[k].size() != 1) bytes = false;
    }
    if (bytes) {
      cmd.ytable.resize(256);
      for (int k = 0; k < 256; ++k) cmd.ytable[k] = static_cast<char>(k);
      // The first mapping of a character wins, as in GNU sed.
      for (size_t k = a.size(); k-- > 0;) cmd.ytable[static_cast<unsigned char>(a[k][0])] = b[k][0];
    }
  }

  void parse_command() {
    Command cmd;
    if (read_address(cmd.a1, false)) {
      if (cmd.a1.kind == Address::kPlus || cmd.a1.kind == Address::kTilde)
        fail("invalid usage of +N or ~N as first address");
      skip_spaces();
      if (peek() == ',') {
        get();
        skip_spaces();
        if (!read_address(cmd.a2, true)) {
          get();
          fail("unexpected `,'");
        }
        if (cmd.a2.kind == Address::kStep) cmd.a2.kind = Address::kLine;
      }
      if (cmd.a1.kind == Address::kLine && cmd.a1.n1 == 0) {
        if (cmd.a2.kind != Address::kRegex) {
          skip_spaces();
          get();
          fail("invalid usage of line address 0");
        }
        cmd.a1.kind = Address::kZero;
      }
    }
    skip_spaces();
    while (peek() == '!') {
      get();
      if (cmd.negate) fail("multiple `!'s");
      cmd.negate = true;
      skip_spaces();
    }
    int c = get();
    if (c < 0) fail("missing command");
    cmd.name = static_cast<char>(c);
    bool has_addr = cmd.a1.kind != Address::kNone;
    bool two = cmd.a2.kind != Address::kNone;
    auto one_address = [&] {
      if (two) fail("command only uses one address");
    };
    switch (c) {
      case '{':
        blocks_.push_back(program_.commands.size());
        block_locations_.push_back(block_location());
        program_.commands.push_back(std::move(cmd));
        return;
      case '}':
        if (has_addr) fail("} doesn't want any addresses");
        if (blocks_.empty()) fail("unexpected `}'");
        program_.commands[blocks_.back()].jump = program_.commands.size();
        blocks_.pop_back();
        block_locations_.pop_back();
        program_.commands.push_back(std::move(cmd));
        end_of_command();
        return;
      case '#':
        if (has_addr) fail("comments don't accept any addresses");
        while (!at_end() && src_[pos_] != '\n') ++pos_;
        return;
      case ':': {
        if (has_addr) fail(": doesn't want any addresses");
        std::string label = read_label();
        if (label.empty()) fail("\":\" lacks a label");
        cmd.text = label;
        labels_[label] = program_.commands.size();
        break;
      }
      case 'a': case 'i': case 'c':
        if (c != 'c' && false) one_address();
        cmd.text = read_text();
        break;
      case '=': case 'd': case 'D': case 'g': case 'G': case 'h': case 'H': case 'n': case 'N': case 'p':
      case 'P': case 'x': case 'z': case 'F':
        end_of_command();
        break;
      case 'l': case 'L': case 'q': case 'Q': {
        if (c == 'q' || c == 'Q') one_address();
        skip_spaces();
        long long n = 0;
        if (read_number(n)) {
          cmd.int_arg = static_cast<int>(n);
          cmd.has_int = true;
        }
        end_of_command();
        break;
      }
      case 'b': case 't': case 'T': {
        std::string label = read_label();
        cmd.text = label;
        cmd.has_label = !label.empty();
        break;
      }
      case 'r': case 'R': case 'w': case 'W':
        if (options_.sandbox) fail("e/r/w commands disabled in sandbox mode");
        cmd.text = read_filename();
        if (cmd.text.empty()) fail("missing filename in r/R/w/W commands");
        if (c == 'w' || c == 'W') program_.wfiles.push_back(cmd.text);
        break;
      case 'e':
        if (options_.sandbox) fail("e/r/w commands disabled in sandbox mode");
        cmd.text = read_filename();
        break;
      case 'v': {
        std::string version = read_label();
        if (!version.empty() && version > "4.9" && version.size() >= 3) fail("expected newer version of sed");
        break;
      }
      case 's':
        parse_s(cmd);
        end_of_command();
        break;
      case 'y':
        parse_y(cmd);
        end_of_command();
        break;
      default:
        fail(std::string("unknown command: `") + static_cast<char>(c) + "'");
    }
    program_.commands.push_back(std::move(cmd));
  }

  void resolve_labels() {
    for (auto& cmd : program_.commands) {
      if ((cmd.name == 'b' || cmd.name == 't' || cmd.name == 'T')) {
        if (!cmd.has_label) {
          cmd.jump = program_.commands.size();
          continue;
        }
        auto it = labels_.find(cmd.text);
        if (it == labels_.end()) throw ParseError{"can't find label for jump to `" + cmd.text + "'", 4, true};
        cmd.jump = it->second;
      }
    }
  }

  const std::vector<ScriptPiece>& pieces_;
  const Options& options_;
  Program& program_;
  std::string src_;
  std::vector<size_t> starts_;
  size_t pos_ = 0;
  std::vector<size_t> blocks_;
  std::vector<std::string> block_locations_;
  std::map<std::string, size_t> labels_;
  bool compiled_any_ = false;
};

}  // namespace

bool parse_program(const std::vector<ScriptPiece>& pieces, const Options& options, Program& program,
                   std::string& error, int& error_status) {
  Parser parser(pieces, options, program);
  try {
    parser.parse();
  } catch (const ParseError& e) {
    error = e.message;
    error_status = e.status;
    return false;
  }
  return true;
}

}  // namespace burrow::sed
