// find: search for files in a directory hierarchy (GNU findutils 4.9).
//
// The command line is parsed into an expression tree (precedence: ( ) > !
// > -a > -o > ,), then each file of a depth-first walk is evaluated against
// it. -exec and friends run through the sandbox shell.
#include <algorithm>
#include <charconv>
#include <cstring>
#include <cmath>
#include <functional>
#include <memory>
#include <set>

#include "commands/command.h"
#include "commands/common/fs_util.h"
#include "shell/interp.h"
#include "text/regex.h"

namespace burrow {
namespace {

struct Entry {
  std::string path;      // as printed
  std::string abs;       // sandbox path
  std::string name;      // last component
  int depth = 0;
  size_t start_len = 0;  // length of the starting point prefix in `path`
  vfs::Stat st;          // lstat, or stat under -L
  bool have_stat = false;
};

struct Finder;

struct Node {
  virtual ~Node() = default;
  virtual bool eval(Finder& f, Entry& e) = 0;
  virtual bool has_action() const { return false; }
};
using NodePtr = std::unique_ptr<Node>;

struct Finder {
  Invocation& inv;
  bool follow = false;  // -L
  bool follow_args = false;  // -H
  int max_depth = -1, min_depth = 0;
  bool depth_first = false;
  bool quit = false;
  bool pruned = false;
  // False while every test seen needs only names and file types, which the
  // directory listing already gives: the walk then skips an lstat per entry.
  bool needs_stat = false;
  int status = 0;
  int64_t now = vfs::now().sec;
  std::vector<std::function<void()>> at_end;  // -exec ... + batches
  explicit Finder(Invocation& i) : inv(i) {}

  std::string q(std::string_view s) const { return fsu::quote_arg(inv, s); }
  void file_error(const std::string& path, vfs::Error err) {
    inv.error(q(path) + ": " + vfs::error_text(err));
    status = 1;
  }
};

// --- tests and actions -----------------------------------------------------

struct Fn : Node {
  std::function<bool(Finder&, Entry&)> fn;
  bool action = false;
  Fn(std::function<bool(Finder&, Entry&)> f, bool is_action = false) : fn(std::move(f)), action(is_action) {}
  bool eval(Finder& f, Entry& e) override { return fn(f, e); }
  bool has_action() const override { return action; }
};

struct Not : Node {
  NodePtr a;
  bool eval(Finder& f, Entry& e) override { return !a->eval(f, e); }
  bool has_action() const override { return a->has_action(); }
};

struct And : Node {
  NodePtr a, b;
  bool eval(Finder& f, Entry& e) override { return a->eval(f, e) && b->eval(f, e); }
  bool has_action() const override { return a->has_action() || b->has_action(); }
};

struct Or : Node {
  NodePtr a, b;
  bool eval(Finder& f, Entry& e) override { return a->eval(f, e) || b->eval(f, e); }
  bool has_action() const override { return a->has_action() || b->has_action(); }
};

struct Comma : Node {
  NodePtr a, b;
  bool eval(Finder& f, Entry& e) override {
    a->eval(f, e);
    return b->eval(f, e);
  }
  bool has_action() const override { return a->has_action() || b->has_action(); }
};

// -type letters: f d l p s b c.
bool type_matches(uint32_t mode, const std::string& letters) {
  for (char c : letters) {
    if (c == ',') continue;
    uint32_t want = c == 'f' ? S_IFREG : c == 'd' ? S_IFDIR : c == 'l' ? S_IFLNK : c == 'p' ? S_IFIFO
                  : c == 's' ? S_IFSOCK : c == 'b' ? S_IFBLK : c == 'c' ? S_IFCHR : 0;
    if ((mode & S_IFMT) == want) return true;
  }
  return false;
}

// A numeric argument with an optional + (greater) or - (less) prefix.
struct Compare {
  char sign = 0;
  double value = 0;
  bool matches(double x) const { return sign == '+' ? x > value : sign == '-' ? x < value : x == value; }
};

bool parse_compare(std::string_view text, Compare& out, std::string_view* suffix = nullptr) {
  out = Compare{};
  if (!text.empty() && (text[0] == '+' || text[0] == '-')) {
    out.sign = text[0];
    text.remove_prefix(1);
  }
  size_t digits = 0;
  while (digits < text.size() && (isdigit(static_cast<unsigned char>(text[digits])) || text[digits] == '.')) ++digits;
  if (digits == 0) return false;
  out.value = std::stod(std::string(text.substr(0, digits)));
  std::string_view rest = text.substr(digits);
  if (suffix) *suffix = rest;
  else if (!rest.empty()) return false;
  return true;
}

std::string printf_escape_octal(uint32_t v) {
  char buf[16];
  snprintf(buf, sizeof buf, "%o", v);
  return buf;
}

// -printf directives.
std::string format_entry(Finder& f, Entry& e, const std::string& fmt) {
  std::string out;
  for (size_t i = 0; i < fmt.size(); ++i) {
    char c = fmt[i];
    if (c == '\\' && i + 1 < fmt.size()) {
      char n = fmt[++i];
      switch (n) {
        case 'n': out += '\n'; break;
        case 't': out += '\t'; break;
        case '0': out += '\0'; break;
        case '\\': out += '\\'; break;
        case 'a': out += '\a'; break;
        case 'r': out += '\r'; break;
        case 'c': return out;
        default: out += '\\'; out += n;
      }
      continue;
    }
    if (c != '%' || i + 1 >= fmt.size()) {
      out += c;
      continue;
    }
    // Flags and width, as printf takes them.
    size_t spec_start = i;
    ++i;
    std::string flags;
    while (i < fmt.size() && (strchr("-+ #0", fmt[i]) || isdigit(static_cast<unsigned char>(fmt[i])) || fmt[i] == '.')) {
      flags += fmt[i++];
    }
    if (i >= fmt.size()) {
      out += fmt.substr(spec_start);
      break;
    }
    char d = fmt[i];
    std::string value;
    bool numeric = false;
    const vfs::Stat& st = e.st;
    switch (d) {
      case '%': value = "%"; break;
      case 'p': value = e.path; break;
      case 'f': value = e.name; break;
      case 'h': {
        size_t slash = e.path.rfind('/');
        value = slash == std::string::npos ? "." : slash == 0 ? "/" : e.path.substr(0, slash);
        break;
      }
      case 'P': value = e.path.size() > e.start_len ? e.path.substr(e.start_len + (e.path[e.start_len] == '/' ? 1 : 0)) : ""; break;
      case 'H': value = e.path.substr(0, e.start_len); break;
      case 's': value = std::to_string(st.size); numeric = true; break;
      case 'd': value = std::to_string(e.depth); numeric = true; break;
      case 'm': value = printf_escape_octal(st.mode & 07777); numeric = true; break;
      case 'M': value = fsu::mode_string(st.mode); break;
      case 'n': value = std::to_string(st.nlink); numeric = true; break;
      case 'i': value = std::to_string(st.ino); numeric = true; break;
      case 'k': value = std::to_string((st.blocks + 1) / 2); numeric = true; break;
      case 'b': value = std::to_string(st.blocks); numeric = true; break;
      case 'u': value = fsu::user_name(*f.inv.fs, st.uid); break;
      case 'g': value = fsu::group_name(*f.inv.fs, st.gid); break;
      case 'U': value = std::to_string(st.uid); numeric = true; break;
      case 'G': value = std::to_string(st.gid); numeric = true; break;
      case 'y': value = std::string(1, fsu::type_char(st.mode) == '-' ? 'f' : fsu::type_char(st.mode)); break;
      case 'l': {
        if (S_ISLNK(st.mode)) f.inv.fs->readlink(e.abs, value);
        break;
      }
      case 'a':
      case 'c':
      case 't':
      case 'A':
      case 'C':
      case 'T': {
        vfs::Timespec t = (d == 'a' || d == 'A') ? st.atime : (d == 'c' || d == 'C') ? st.ctime : st.mtime;
        fsu::CivilTime ct = fsu::local_time(f.inv, t);
        if (d == 'a' || d == 'c' || d == 't') {
          value = fsu::format_time("%a %b %e %H:%M:%S.%N0 %Y", ct);
          // GNU prints 10 fractional digits (nanoseconds and a 0).
        } else if (i + 1 < fmt.size()) {
          char k = fmt[++i];
          if (k == '@') {
            char buf[64];
            snprintf(buf, sizeof buf, "%lld.%09lld0", static_cast<long long>(t.sec), static_cast<long long>(t.nsec));
            value = buf;
          } else if (k == '+') {
            value = fsu::format_time("%Y-%m-%d+%H:%M:%S.%N0", ct);
          } else {
            value = fsu::format_time(std::string("%") + k, ct);
          }
        }
        break;
      }
      default:
        value = std::string("%") + flags + d;  // unknown directives print as written
        flags.clear();
    }
    if (!flags.empty()) {
      char buf[4096];
      std::string spec = "%" + flags + (numeric ? "s" : "s");
      snprintf(buf, sizeof buf, spec.c_str(), value.c_str());
      value = buf;
    }
    out += value;
  }
  return out;
}

std::string ls_line(Finder& f, Entry& e) {
  const vfs::Stat& st = e.st;
  fsu::CivilTime ct = fsu::local_time(f.inv, st.mtime);
  bool recent = std::llabs(f.now - st.mtime.sec) < 15552000;  // six months
  std::string when = fsu::format_time(recent ? "%b %e %H:%M" : "%b %e  %Y", ct);
  char buf[512];
  snprintf(buf, sizeof buf, "%9llu %6lld %s %3u %-8s %-8s %8lld %s ", static_cast<unsigned long long>(st.ino),
           static_cast<long long>((st.blocks + 1) / 2), fsu::mode_string(st.mode).c_str(), st.nlink,
           fsu::user_name(*f.inv.fs, st.uid).c_str(), fsu::group_name(*f.inv.fs, st.gid).c_str(),
           static_cast<long long>(st.size), when.c_str());
  std::string line = buf + e.path;
  if (S_ISLNK(st.mode)) {
    std::string target;
    f.inv.fs->readlink(e.abs, target);
    line += " -> " + target;
  }
  return line + "\n";
}

int run_child(Finder& f, const std::vector<std::string>& argv, const std::string& cwd) {
  f.inv.out().flush();
  Invocation child;
  child.argv = argv;
  child.fds = f.inv.fds;
  child.fs = f.inv.fs;
  child.cwd = cwd;
  child.env = f.inv.env;
  child.host = f.inv.host;
  child.cancel = f.inv.cancel;
  child.limits = f.inv.limits;
  return f.inv.host ? f.inv.host->run_argv(argv, child) : 127;
}

std::string replace_braces(const std::string& arg, const std::string& path) {
  std::string out;
  for (size_t i = 0; i < arg.size(); ++i) {
    if (arg.compare(i, 2, "{}") == 0) {
      out += path;
      ++i;
    } else {
      out += arg[i];
    }
  }
  return out;
}

// --- the command line --------------------------------------------------------

class Parser {
 public:
  Parser(Finder& f, std::vector<std::string> args) : f_(f), args_(std::move(args)) {}

  // Null with an error printed (status set) on a bad expression.
  NodePtr parse() {
    if (pos_ >= args_.size()) return nullptr;
    NodePtr n = parse_comma();
    if (!n) return nullptr;
    if (pos_ < args_.size()) {
      const std::string& a = args_[pos_];
      if (a == ")") fail("unexpected ')'");
      else fail("paths must precede expression: " + f_.q(a));
      return nullptr;
    }
    return n;
  }
  bool failed() const { return failed_; }

 private:
  void fail(const std::string& message) {
    if (!failed_) f_.inv.error(message);
    failed_ = true;
  }
  bool at(const char* s) const { return pos_ < args_.size() && args_[pos_] == s; }

  NodePtr parse_comma() {
    NodePtr left = parse_or();
    while (left && at(",")) {
      ++pos_;
      auto n = std::make_unique<Comma>();
      n->a = std::move(left);
      n->b = parse_or();
      if (!n->b) return nullptr;
      left = std::move(n);
    }
    return left;
  }
  NodePtr parse_or() {
    NodePtr left = parse_and();
    while (left && (at("-o") || at("-or"))) {
      ++pos_;
      auto n = std::make_unique<Or>();
      n->a = std::move(left);
      n->b = parse_and();
      if (!n->b) {
        fail("invalid expression; you have used a binary operator '-o' with nothing before it.");
        return nullptr;
      }
      left = std::move(n);
    }
    return left;
  }
  NodePtr parse_and() {
    NodePtr left = parse_not();
    while (left && pos_ < args_.size() && !at("-o") && !at("-or") && !at(",") && !at(")")) {
      if (at("-a") || at("-and")) ++pos_;
      auto n = std::make_unique<And>();
      n->a = std::move(left);
      n->b = parse_not();
      if (!n->b) return nullptr;
      left = std::move(n);
    }
    return left;
  }
  NodePtr parse_not() {
    if (at("!") || at("-not")) {
      ++pos_;
      auto n = std::make_unique<Not>();
      n->a = parse_not();
      if (!n->a) {
        if (!failed_) fail("invalid expression; you have used a binary operator '!' with nothing after it.");
        return nullptr;
      }
      return n;
    }
    return parse_primary();
  }

  bool take_arg(const std::string& name, std::string& out) {
    if (pos_ >= args_.size()) {
      fail("missing argument to `" + name + "'");
      return false;
    }
    out = args_[pos_++];
    return true;
  }

  NodePtr parse_primary() {
    if (pos_ >= args_.size()) {
      fail("invalid expression");
      return nullptr;
    }
    std::string p = args_[pos_++];
    static const std::set<std::string_view> kNeedNoStat = {
        "(", ")", "!", "-not", "-a", "-and", "-o", "-or", ",", "-true", "-false", "-name", "-iname", "-path",
        "-ipath", "-wholename", "-iwholename", "-regex", "-iregex", "-type", "-print", "-print0", "-prune",
        "-quit", "-maxdepth", "-mindepth", "-depth", "-d", "-regextype", "-noleaf", "-nowarn", "-warn",
        "-ignore_readdir_race", "-noignore_readdir_race", "-exec", "-execdir", "-ok", "-okdir", "-delete"};
    if (!kNeedNoStat.count(p)) f_.needs_stat = true;
    if (p == "(") {
      NodePtr inner = parse_comma();
      if (!inner) return nullptr;
      if (!at(")")) {
        fail("invalid expression; I was expecting to find a ')' somewhere but did not see one.");
        return nullptr;
      }
      ++pos_;
      return inner;
    }
    auto fn = [](auto f, bool action = false) -> NodePtr { return std::make_unique<Fn>(std::move(f), action); };
    std::string arg;
    // Global options: true, and they change the walk.
    if (p == "-maxdepth" || p == "-mindepth") {
      if (!take_arg(p, arg)) return nullptr;
      int v = -1;
      auto [end, ec] = std::from_chars(arg.data(), arg.data() + arg.size(), v);
      if (ec != std::errc() || end != arg.data() + arg.size() || v < 0) {
        fail("Expected a positive decimal integer argument to " + p + ", but got " + f_.q(arg));
        return nullptr;
      }
      (p == "-maxdepth" ? f_.max_depth : f_.min_depth) = v;
      return fn([](Finder&, Entry&) { return true; });
    }
    if (p == "-depth" || p == "-d") {
      f_.depth_first = true;
      return fn([](Finder&, Entry&) { return true; });
    }
    if (p == "-follow") {
      f_.follow = true;
      return fn([](Finder&, Entry&) { return true; });
    }
    if (p == "-xdev" || p == "-mount" || p == "-noleaf" || p == "-ignore_readdir_race" ||
        p == "-noignore_readdir_race" || p == "-daystart" || p == "-nowarn" || p == "-warn") {
      return fn([](Finder&, Entry&) { return true; });
    }
    if (p == "-regextype") {
      if (!take_arg(p, arg)) return nullptr;
      regextype_ = arg;
      return fn([](Finder&, Entry&) { return true; });
    }
    if (p == "-true") return fn([](Finder&, Entry&) { return true; });
    if (p == "-false") return fn([](Finder&, Entry&) { return false; });
    if (p == "-name" || p == "-iname" || p == "-path" || p == "-ipath" || p == "-wholename" || p == "-iwholename") {
      if (!take_arg(p, arg)) return nullptr;
      bool nocase = p[1] == 'i';
      bool whole = p.find("name") == std::string::npos || p.find("wholename") != std::string::npos;
      return fn([arg, nocase, whole](Finder&, Entry& e) {
        return shell::pattern_match(arg, whole ? e.path : e.name, nocase);
      });
    }
    if (p == "-regex" || p == "-iregex") {
      if (!take_arg(p, arg)) return nullptr;
      text::Syntax syntax = regextype_ == "posix-extended" || regextype_ == "egrep" ? text::Syntax::kExtended
                            : regextype_ == "posix-basic" || regextype_ == "grep" || regextype_ == "sed"
                                ? text::Syntax::kBasic
                                : text::Syntax::kEmacs;
      unsigned flags = text::kWholeLine | (p == "-iregex" ? unsigned(text::kIgnoreCase) : 0u);
      text::CompileResult r = text::Regex::compile(arg, syntax, flags);
      if (!r) {
        fail(r.error);
        return nullptr;
      }
      auto re = r.regex;
      return fn([re](Finder&, Entry& e) { return re->matches(e.path); });
    }
    if (p == "-type" || p == "-xtype") {
      if (!take_arg(p, arg)) return nullptr;
      for (char c : arg) {
        if (!strchr("fdlpsbcD,", c)) {
          fail("Unknown argument to " + p + ": " + std::string(1, c));
          return nullptr;
        }
      }
      bool x = p == "-xtype";
      return fn([arg, x](Finder& f, Entry& e) {
        uint32_t mode = e.st.mode;
        if (x) {
          vfs::Stat other;
          vfs::Error err = f.follow ? f.inv.fs->lstat(e.abs, other) : f.inv.fs->stat(e.abs, other);
          if (!err) mode = other.mode;
        }
        return type_matches(mode, arg);
      });
    }
    if (p == "-size") {
      if (!take_arg(p, arg)) return nullptr;
      Compare c;
      std::string_view unit;
      if (!parse_compare(arg, c, &unit) || unit.size() > 1 || (unit.size() == 1 && !strchr("bcwkMG", unit[0]))) {
        fail("invalid -size type " + f_.q(arg));
        return nullptr;
      }
      int64_t block = unit.empty() || unit == "b" ? 512 : unit == "c" ? 1 : unit == "w" ? 2 : unit == "k" ? 1024
                    : unit == "M" ? 1048576 : 1073741824;
      return fn([c, block](Finder&, Entry& e) {
        double blocks = std::ceil(static_cast<double>(e.st.size) / static_cast<double>(block));
        return c.matches(blocks);
      });
    }
    if (p == "-empty") {
      return fn([](Finder& f, Entry& e) {
        if (S_ISREG(e.st.mode)) return e.st.size == 0;
        if (S_ISDIR(e.st.mode)) {
          std::vector<vfs::DirEntry> entries;
          return !f.inv.fs->readdir(e.abs, entries) && entries.empty();
        }
        return false;
      });
    }
    if (p == "-mtime" || p == "-atime" || p == "-ctime" || p == "-mmin" || p == "-amin" || p == "-cmin") {
      if (!take_arg(p, arg)) return nullptr;
      Compare c;
      if (!parse_compare(arg, c)) {
        fail("invalid argument " + f_.q(arg) + " to " + f_.q(p));
        return nullptr;
      }
      char which = p[1];
      bool minutes = p.substr(2) == "min";
      return fn([c, which, minutes](Finder& f, Entry& e) {
        const vfs::Timespec& t = which == 'm' ? e.st.mtime : which == 'a' ? e.st.atime : e.st.ctime;
        double age = static_cast<double>(f.now - t.sec);
        double units = minutes ? std::ceil(age / 60) : std::floor(age / 86400);
        return c.matches(units);
      });
    }
    if (p == "-newer" || p == "-anewer" || p == "-cnewer") {
      if (!take_arg(p, arg)) return nullptr;
      vfs::Stat ref;
      if (vfs::Error err = f_.inv.fs->stat(f_.inv.path(arg), ref)) {
        fail(f_.q(arg) + ": " + vfs::error_text(err));
        return nullptr;
      }
      char which = p[1] == 'n' ? 'm' : p[1];
      return fn([ref, which](Finder&, Entry& e) {
        const vfs::Timespec& t = which == 'm' ? e.st.mtime : which == 'a' ? e.st.atime : e.st.ctime;
        return t > ref.mtime;
      });
    }
    if (p == "-perm") {
      if (!take_arg(p, arg)) return nullptr;
      char kind = 0;
      std::string spec = arg;
      if (!spec.empty() && (spec[0] == '-' || spec[0] == '/' || spec[0] == '+')) {
        kind = spec[0];
        spec = spec.substr(1);
      }
      uint32_t mode = 0;
      if (!fsu::apply_mode_spec(spec, 0, false, 0, mode)) {
        fail("invalid mode " + f_.q(arg));
        return nullptr;
      }
      return fn([kind, mode](Finder&, Entry& e) {
        uint32_t m = e.st.mode & 07777;
        if (kind == '-') return (m & mode) == mode;
        if (kind == '/' || kind == '+') return mode == 0 || (m & mode) != 0;
        return m == mode;
      });
    }
    if (p == "-user" || p == "-group" || p == "-uid" || p == "-gid") {
      if (!take_arg(p, arg)) return nullptr;
      bool user = p == "-user" || p == "-uid";
      std::optional<uint32_t> id;
      uint32_t n = 0;
      auto [end, ec] = std::from_chars(arg.data(), arg.data() + arg.size(), n);
      if (ec == std::errc() && end == arg.data() + arg.size()) id = n;
      else if (p == "-user") id = fsu::user_id(*f_.inv.fs, arg);
      else if (p == "-group") id = fsu::group_id(*f_.inv.fs, arg);
      if (!id) {
        fail(std::string(user ? "‘" : "‘") + arg + (user ? "’ is not the name of a known user" : "’ is not the name of an existing group"));
        return nullptr;
      }
      uint32_t want = *id;
      return fn([want, user](Finder&, Entry& e) { return (user ? e.st.uid : e.st.gid) == want; });
    }
    if (p == "-nouser" || p == "-nogroup") {
      bool user = p == "-nouser";
      return fn([user](Finder& f, Entry& e) {
        return user ? !fsu::user_name(*f.inv.fs, e.st.uid).empty() &&
                          isdigit(static_cast<unsigned char>(fsu::user_name(*f.inv.fs, e.st.uid)[0]))
                    : isdigit(static_cast<unsigned char>(fsu::group_name(*f.inv.fs, e.st.gid)[0]));
      });
    }
    if (p == "-links" || p == "-inum") {
      if (!take_arg(p, arg)) return nullptr;
      Compare c;
      if (!parse_compare(arg, c)) {
        fail("invalid argument " + f_.q(arg) + " to " + f_.q(p));
        return nullptr;
      }
      bool links = p == "-links";
      return fn([c, links](Finder&, Entry& e) { return c.matches(static_cast<double>(links ? e.st.nlink : e.st.ino)); });
    }
    if (p == "-samefile") {
      if (!take_arg(p, arg)) return nullptr;
      vfs::Stat ref;
      if (vfs::Error err = f_.inv.fs->stat(f_.inv.path(arg), ref)) {
        fail(f_.q(arg) + ": " + vfs::error_text(err));
        return nullptr;
      }
      return fn([ref](Finder&, Entry& e) { return e.st.ino == ref.ino && e.st.dev == ref.dev; });
    }
    if (p == "-readable" || p == "-writable" || p == "-executable") {
      char which = p[1];
      return fn([which](Finder&, Entry& e) {
        uint32_t m = e.st.mode;
        return which == 'r' ? (m & 0444) != 0 : which == 'w' ? (m & 0222) != 0 : (m & 0111) != 0;
      });
    }
    // Actions.
    if (p == "-print" || p == "-print0") {
      char end = p == "-print" ? '\n' : '\0';
      return fn([end](Finder& f, Entry& e) {
        f.inv.out() << e.path << end;
        return true;
      }, true);
    }
    if (p == "-printf" || p == "-fprintf" || p == "-fprint" || p == "-fprint0" || p == "-fls") {
      std::string file;
      if (p != "-printf" && !take_arg(p, file)) return nullptr;
      std::string format;
      if ((p == "-printf" || p == "-fprintf") && !take_arg(p, format)) return nullptr;
      std::shared_ptr<OutStream> sink;
      if (!file.empty()) {
        vfs::FilePtr handle;
        if (vfs::Error err = f_.inv.fs->open(f_.inv.path(file), O_WRONLY | O_CREAT | O_TRUNC, 0666, handle)) {
          fail(f_.q(file) + ": " + vfs::error_text(err));
          return nullptr;
        }
        sink = std::make_shared<OutStream>(handle);
      }
      std::string kind = p;
      return fn([sink, format, kind](Finder& f, Entry& e) {
        OutStream& out = sink ? *sink : f.inv.out();
        if (kind == "-fprint") out << e.path << '\n';
        else if (kind == "-fprint0") out << e.path << '\0';
        else if (kind == "-fls") out << ls_line(f, e);
        else out << format_entry(f, e, format);
        return true;
      }, true);
    }
    if (p == "-ls") {
      return fn([](Finder& f, Entry& e) {
        f.inv.out() << ls_line(f, e);
        return true;
      }, true);
    }
    if (p == "-prune") {
      return fn([](Finder& f, Entry& e) {
        if (!f.depth_first && S_ISDIR(e.st.mode)) f.pruned = true;
        return true;
      });
    }
    if (p == "-quit") {
      return fn([](Finder& f, Entry&) {
        f.quit = true;
        return true;
      }, true);
    }
    if (p == "-delete") {
      f_.depth_first = true;
      return fn([](Finder& f, Entry& e) {
        if (e.path == ".") return true;
        vfs::Error err = S_ISDIR(e.st.mode) ? f.inv.fs->rmdir(e.abs) : f.inv.fs->unlink(e.abs);
        if (err) {
          f.inv.error("cannot delete " + f.q(e.path) + ": " + vfs::error_text(err));
          f.status = 1;
          return false;
        }
        return true;
      }, true);
    }
    if (p == "-exec" || p == "-execdir" || p == "-ok" || p == "-okdir") {
      std::vector<std::string> cmd;
      bool plus = false;
      bool closed = false;
      while (pos_ < args_.size()) {
        std::string a = args_[pos_++];
        if (a == ";") {
          closed = true;
          break;
        }
        if (a == "+" && !cmd.empty() && cmd.back() == "{}") {
          plus = true;
          closed = true;
          cmd.pop_back();
          break;
        }
        cmd.push_back(a);
      }
      if (!closed || cmd.empty()) {
        fail("missing argument to `" + p + "'");
        return nullptr;
      }
      bool in_dir = p == "-execdir" || p == "-okdir";
      bool ask = p == "-ok" || p == "-okdir";
      if (plus) {
        auto batch = std::make_shared<std::vector<std::string>>();
        auto flush = [cmd, batch](Finder& f) {
          if (batch->empty()) return;
          std::vector<std::string> argv = cmd;
          argv.insert(argv.end(), batch->begin(), batch->end());
          batch->clear();
          if (run_child(f, argv, f.inv.cwd) != 0) f.status = 1;
        };
        Finder* finder = &f_;
        f_.at_end.push_back([flush, finder] { flush(*finder); });
        return fn([batch, flush, in_dir](Finder& f, Entry& e) {
          batch->push_back(in_dir ? "./" + e.name : e.path);
          if (batch->size() >= 4096) flush(f);
          return true;
        }, true);
      }
      return fn([cmd, in_dir, ask](Finder& f, Entry& e) {
        std::string target = in_dir ? "./" + e.name : e.path;
        std::vector<std::string> argv;
        for (const std::string& a : cmd) argv.push_back(replace_braces(a, target));
        if (ask) {
          std::string prompt = "< ";
          for (size_t i = 0; i < argv.size(); ++i) prompt += (i ? " " : "") + argv[i];
          f.inv.err() << prompt << " > ? ";
          f.inv.err().flush();
          std::string answer;
          f.inv.in().read_line(answer);
          if (answer.empty() || (answer[0] != 'y' && answer[0] != 'Y')) return false;
        }
        std::string cwd = f.inv.cwd;
        if (in_dir) cwd = std::string(vfs::dirname_of(e.abs));
        return run_child(f, argv, cwd) == 0;
      }, true);
    }
    if (p.size() > 1 && p[0] == '-') fail("unknown predicate `" + p + "'");
    else fail("paths must precede expression: " + f_.q(p));
    return nullptr;
  }

  Finder& f_;
  std::vector<std::string> args_;
  size_t pos_ = 0;
  std::string regextype_ = "emacs";
  bool failed_ = false;
};

// --- the walk ----------------------------------------------------------------

void visit(Finder& f, Node& expr, Entry& e, bool is_start, uint32_t listed_type = 0) {
  if (f.quit || f.inv.cancelled()) return;
  bool follow_here = f.follow || (is_start && f.follow_args);
  vfs::Error err;
  if (!follow_here && !f.needs_stat && listed_type != 0) e.st.mode = listed_type;
  else err = follow_here ? f.inv.fs->stat(e.abs, e.st) : f.inv.fs->lstat(e.abs, e.st);
  if (err && follow_here) err = f.inv.fs->lstat(e.abs, e.st);  // dangling link under -L
  if (err) {
    f.file_error(e.path, err);
    return;
  }
  bool in_range = f.max_depth < 0 || e.depth <= f.max_depth;
  bool descend = S_ISDIR(e.st.mode) && (f.max_depth < 0 || e.depth < f.max_depth);
  f.pruned = false;
  if (!f.depth_first && in_range && e.depth >= f.min_depth) expr.eval(f, e);
  if (f.pruned) descend = false;
  if (descend && !f.quit) {
    std::vector<vfs::DirEntry> children;
    if (vfs::Error derr = f.inv.fs->readdir(e.abs, children)) {
      f.file_error(e.path, derr);
    } else {
      std::sort(children.begin(), children.end(),
                [](const vfs::DirEntry& a, const vfs::DirEntry& b) { return a.name < b.name; });
      for (const vfs::DirEntry& c : children) {
        if (f.quit) break;
        Entry child;
        child.name = c.name;
        child.path = e.path == "/" ? "/" + c.name : (e.path.back() == '/' ? e.path + c.name : e.path + "/" + c.name);
        child.abs = vfs::join(e.abs, c.name);
        child.depth = e.depth + 1;
        child.start_len = e.start_len;
        visit(f, expr, child, false, c.type);
      }
    }
  }
  if (f.depth_first && in_range && e.depth >= f.min_depth && !f.quit) expr.eval(f, e);
}

int run_find(Invocation& inv) {
  Finder f(inv);
  size_t i = 1;
  // Leading options: -H -L -P -D debugopts -Olevel.
  for (; i < inv.argv.size(); ++i) {
    const std::string& a = inv.argv[i];
    if (a == "-H") f.follow_args = true, f.follow = false;
    else if (a == "-L") f.follow = true;
    else if (a == "-P") f.follow = f.follow_args = false;
    else if (a == "-D" && i + 1 < inv.argv.size()) ++i;
    else if (a.size() > 2 && a.compare(0, 2, "-O") == 0) continue;
    else if (a == "--") {
      ++i;
      break;
    } else if (a == "--help") {
      inv.out() << "Usage: find [-H] [-L] [-P] [-Olevel] [-D debugopts] [path...] [expression]\n";
      return 0;
    } else if (a == "--version") {
      inv.out() << "find (Burrow) 0.1.0\n";
      return 0;
    } else break;
  }
  std::vector<std::string> starts;
  for (; i < inv.argv.size(); ++i) {
    const std::string& a = inv.argv[i];
    if ((a.size() > 1 && a[0] == '-') || a == "(" || a == "!") break;
    starts.push_back(a);
  }
  std::vector<std::string> expr_args(inv.argv.begin() + static_cast<long>(i), inv.argv.end());
  Parser parser(f, expr_args);
  NodePtr expr = parser.parse();
  if (parser.failed()) return 1;
  if (!expr || !expr->has_action()) {
    // No action: print whatever the expression selects.
    auto print = std::make_unique<Fn>([](Finder& fd, Entry& e) {
      fd.inv.out() << e.path << '\n';
      return true;
    }, true);
    if (expr) {
      auto both = std::make_unique<And>();
      both->a = std::move(expr);
      both->b = std::move(print);
      expr = std::move(both);
    } else {
      expr = std::move(print);
    }
  }
  if (starts.empty()) starts.push_back(".");
  for (const std::string& start : starts) {
    if (f.quit) break;
    if (start.empty()) {
      inv.error(f.q("") + ": No such file or directory");
      f.status = 1;
      continue;
    }
    Entry e;
    e.path = start;
    e.abs = inv.path(start);
    e.name = start == "/" ? "/" : fsu::base_name(start);
    e.start_len = start.size();
    visit(f, *expr, e, true);
  }
  for (auto& flush : f.at_end) flush();
  if (!inv.out().ok() && !inv.out().broken_pipe()) f.status = 1;
  return f.status;
}

}  // namespace

BURROW_COMMAND(find, "search for files in a directory hierarchy", run_find);

}  // namespace burrow
