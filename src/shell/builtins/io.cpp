// I/O builtins: echo, printf, read.
#include <cmath>
#include <cstring>
#include <ctime>

#include "shell/builtins/util.h"
#include "shell/parser.h"

namespace burrow::shell {
namespace {

// Backslash escapes of echo -e and printf %b. Returns false at \c.
bool append_escapes(std::string& out, std::string_view s, bool printf_b) {
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c != '\\' || i + 1 >= s.size()) {
      out += c;
      continue;
    }
    char n = s[++i];
    switch (n) {
      case 'a': out += '\a'; break;
      case 'b': out += '\b'; break;
      case 'c': return false;
      case 'e':
      case 'E': out += '\x1b'; break;
      case 'f': out += '\f'; break;
      case 'n': out += '\n'; break;
      case 'r': out += '\r'; break;
      case 't': out += '\t'; break;
      case 'v': out += '\v'; break;
      case '\\': out += '\\'; break;
      case '0': {
        int v = 0, k = 0;
        while (k < 3 && i + 1 < s.size() && s[i + 1] >= '0' && s[i + 1] <= '7') {
          v = v * 8 + (s[++i] - '0');
          ++k;
        }
        out += static_cast<char>(v);
        break;
      }
      case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
        if (!printf_b) {
          out += '\\';
          out += n;
          break;
        }
        int v = n - '0', k = 1;
        while (k < 3 && i + 1 < s.size() && s[i + 1] >= '0' && s[i + 1] <= '7') {
          v = v * 8 + (s[++i] - '0');
          ++k;
        }
        out += static_cast<char>(v);
        break;
      }
      case 'x': {
        int v = 0, k = 0;
        while (k < 2 && i + 1 < s.size() && isxdigit(static_cast<unsigned char>(s[i + 1]))) {
          char h = s[++i];
          v = v * 16 + (isdigit(static_cast<unsigned char>(h)) ? h - '0' : (tolower(h) - 'a' + 10));
          ++k;
        }
        if (k == 0) out += "\\x";
        else out += static_cast<char>(v);
        break;
      }
      case 'u':
      case 'U': {
        int maxd = n == 'u' ? 4 : 8, k = 0;
        unsigned v = 0;
        while (k < maxd && i + 1 < s.size() && isxdigit(static_cast<unsigned char>(s[i + 1]))) {
          char h = s[++i];
          v = v * 16 + (isdigit(static_cast<unsigned char>(h)) ? h - '0' : (tolower(h) - 'a' + 10));
          ++k;
        }
        if (k == 0) {
          out += '\\';
          out += n;
          break;
        }
        append_utf8(out, v);
        break;
      }
      default:
        out += '\\';
        out += n;
    }
  }
  return true;
}

int b_echo(Interp& sh, Invocation& inv) {
  bool newline = true, escapes = false;
  size_t i = 1;
  for (; i < inv.argv.size(); ++i) {
    const std::string& a = inv.argv[i];
    if (a.size() < 2 || a[0] != '-' || a.find_first_not_of("neE", 1) != std::string::npos) break;
    for (size_t k = 1; k < a.size(); ++k) {
      if (a[k] == 'n') newline = false;
      else if (a[k] == 'e') escapes = true;
      else escapes = false;
    }
  }
  std::string out;
  for (size_t j = i; j < inv.argv.size(); ++j) {
    if (j > i) out += ' ';
    if (escapes) {
      if (!append_escapes(out, inv.argv[j], false)) {
        inv.out() << out;
        return 0;
      }
    } else {
      out += inv.argv[j];
    }
  }
  if (newline) out += '\n';
  inv.out() << out;
  inv.out().flush();
  // A write error on an open stdout is reported as for every builtin.
  if (!inv.fds->get(1) && !out.empty()) {
    sh.error("echo: write error: " + vfs::error_text(inv.out().error()));
    return 1;
  }
  return 0;
}

// The value of printf's 'c argument: the code point of a UTF-8 character
// (the shell's locale is UTF-8), else the byte.
long long char_constant(const std::string& a) {
  if (a.size() < 2) return 0;
  unsigned char lead = static_cast<unsigned char>(a[1]);
  size_t len = lead >= 0xF0 && lead < 0xF5 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC2 ? 2 : 1;
  if (lead < 0x80 || lead >= 0xF5 || a.size() < 1 + len) return lead;
  long long cp = lead & (0x7F >> len);
  for (size_t k = 2; k <= len; ++k) {
    unsigned char c = static_cast<unsigned char>(a[k]);
    if ((c & 0xC0) != 0x80) return lead;
    cp = (cp << 6) | (c & 0x3F);
  }
  // Overlong forms, surrogates and values past U+10FFFF are not characters.
  static const long long kMin[] = {0, 0, 0x80, 0x800, 0x10000};
  if (cp < kMin[len] || (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) return lead;
  return cp;
}

// printf's numeric argument conversion with bash's diagnostics.
struct PrintfState {
  Interp& sh;
  Invocation& inv;
  int status = 0;

  long long to_int(const std::string& a) {
    if (a.empty()) return 0;
    if (a[0] == '\'' || a[0] == '"') return char_constant(a);
    const char* s = a.c_str();
    char* end;
    errno = 0;
    long long v = strtoll(s, &end, 0);
    if (*end || end == s) {
      if (end == s) v = 0;
      berror(sh, inv, "printf: " + a + ": invalid number");
      status = 1;
    } else if (errno == ERANGE) {
      out_of_range(a);
    }
    return v;
  }
  // bash clamps a number too big for its conversion, warns, and succeeds.
  void out_of_range(const std::string& a) { berror(sh, inv, "printf: warning: " + a + ": Numerical result out of range"); }
  unsigned long long to_uint(const std::string& a) {
    if (a.empty()) return 0;
    if (a[0] == '\'' || a[0] == '"') return char_constant(a);
    const char* s = a.c_str();
    char* end;
    errno = 0;
    // Like strtoumax, a leading minus negates modulo 2**64.
    unsigned long long v = strtoull(s, &end, 0);
    if (*end || end == s) {
      berror(sh, inv, "printf: " + a + ": invalid number");
      status = 1;
    } else if (errno == ERANGE) {
      out_of_range(a);
    }
    return v;
  }
  long double to_double(const std::string& a) {
    if (a.empty()) return 0;
    if (a[0] == '\'' || a[0] == '"') return char_constant(a);
    char* end;
    long double v = strtold(a.c_str(), &end);
    if (*end || end == a.c_str()) {
      berror(sh, inv, "printf: " + a + ": invalid number");
      status = 1;
    }
    return v;
  }
};

int b_printf(Interp& sh, Invocation& inv) {
  size_t i = 1;
  std::string var;
  if (i < inv.argv.size() && inv.argv[i] == "-v") {
    if (i + 1 >= inv.argv.size()) {
      berror(sh, inv, "printf: -v: option requires an argument");
      inv.err() << "printf: usage: printf [-v var] format [arguments]\n";
      return 2;
    }
    var = inv.argv[i + 1];
    i += 2;
    // A name, or name[subscript] for an array element.
    size_t bracket = var.find('[');
    bool valid = bracket == std::string::npos
                     ? is_name(var)
                     : bracket > 0 && is_name(var.substr(0, bracket)) && var.size() > bracket + 2 && var.back() == ']';
    if (!valid) {
      berror(sh, inv, "printf: `" + var + "': not a valid identifier");
      return 2;
    }
  }
  if (i < inv.argv.size() && inv.argv[i] == "--") ++i;
  if (i >= inv.argv.size()) {
    inv.err() << "printf: usage: printf [-v var] format [arguments]\n";
    return 2;
  }
  std::string fmt = inv.argv[i++];
  std::vector<std::string> args(inv.argv.begin() + i, inv.argv.end());
  size_t ai = 0;
  PrintfState ps{sh, inv};
  std::string out;
  auto next_arg = [&]() -> std::optional<std::string> {
    if (ai < args.size()) return args[ai++];
    return std::nullopt;
  };
  bool stop = false;
  do {
    size_t consumed_before = ai;
    for (size_t k = 0; k < fmt.size() && !stop; ++k) {
      char c = fmt[k];
      if (c == '\\') {
        size_t start = k;
        // One escape sequence.
        size_t end = k + 1;
        if (end < fmt.size()) {
          char n = fmt[end];
          if (n == 'x') {
            end++;
            for (int d = 0; d < 2 && end < fmt.size() && isxdigit(static_cast<unsigned char>(fmt[end])); ++d) end++;
          } else if (n >= '0' && n <= '7') {
            int maxd = 3;  // in the format, \0nn counts its 0 (unlike %b and echo -e)
            for (int d = 0; d < maxd && end < fmt.size() && fmt[end] >= '0' && fmt[end] <= '7'; ++d) end++;
          } else if (n == 'u' || n == 'U') {
            end++;
            int maxd = n == 'u' ? 4 : 8;
            for (int d = 0; d < maxd && end < fmt.size() && isxdigit(static_cast<unsigned char>(fmt[end])); ++d) end++;
          } else {
            end++;
          }
        }
        std::string seq = fmt.substr(start, end - start);
        if (seq.size() > 1 && seq[1] >= '1' && seq[1] <= '7') seq = "\\0" + seq.substr(1);
        if (seq == "\\c") {
          stop = true;
          break;
        }
        append_escapes(out, seq, true);
        k = end - 1;
        continue;
      }
      if (c != '%') {
        out += c;
        continue;
      }
      if (k + 1 < fmt.size() && fmt[k + 1] == '%') {
        out += '%';
        ++k;
        continue;
      }
      // %[flags][width][.prec]conv
      size_t j = k + 1;
      std::string spec = "%";
      while (j < fmt.size() && strchr("-+ #0", fmt[j])) spec += fmt[j++];
      if (j < fmt.size() && fmt[j] == '*') {
        spec += std::to_string(ps.to_int(next_arg().value_or("0")));
        ++j;
      } else {
        while (j < fmt.size() && isdigit(static_cast<unsigned char>(fmt[j]))) spec += fmt[j++];
      }
      bool has_prec = false;
      if (j < fmt.size() && fmt[j] == '.') {
        has_prec = true;
        spec += fmt[j++];
        if (j < fmt.size() && fmt[j] == '*') {
          spec += std::to_string(ps.to_int(next_arg().value_or("0")));
          ++j;
        } else {
          while (j < fmt.size() && isdigit(static_cast<unsigned char>(fmt[j]))) spec += fmt[j++];
        }
      }
      (void)has_prec;
      for (size_t d = 1; d < spec.size(); ++d) {
        if (isdigit(static_cast<unsigned char>(spec[d])) && std::atoll(spec.c_str() + d) > static_cast<long long>(sh.ctx->limits.max_string_bytes)) {
          sh.ctx->hit_limit("string too long (max " + std::to_string(sh.ctx->limits.max_string_bytes) + " bytes)");
          sh.check_cancel();
        }
      }
      while (j < fmt.size() && strchr("hlLjzt", fmt[j])) ++j;
      if (j >= fmt.size()) {
        berror(sh, inv, "printf: `" + fmt.substr(k) + "': missing format character");
        inv.out() << out;
        return 1;
      }
      char conv = fmt[j];
      k = j;
      char buf[512];
      std::string tmp;
      auto fmt_string = [&](const std::string& s) {
        std::string f = spec + "s";
        int n = snprintf(nullptr, 0, f.c_str(), s.c_str());
        tmp.resize(n + 1);
        snprintf(tmp.data(), n + 1, f.c_str(), s.c_str());
        tmp.resize(n);
        out += tmp;
      };
      switch (conv) {
        case 'd':
        case 'i': {
          long long v = ps.to_int(next_arg().value_or("0"));
          snprintf(buf, sizeof buf, (spec + "lld").c_str(), v);
          out += buf;
          break;
        }
        case 'o':
        case 'u':
        case 'x':
        case 'X': {
          unsigned long long v = ps.to_uint(next_arg().value_or("0"));
          snprintf(buf, sizeof buf, (spec + "ll" + conv).c_str(), v);
          out += buf;
          break;
        }
        case 'c': {
          std::string a = next_arg().value_or("");
          fmt_string(a.empty() ? std::string() : a.substr(0, 1));
          break;
        }
        case 's':
          fmt_string(next_arg().value_or(""));
          break;
        case 'b': {
          std::string expanded;
          bool cont = append_escapes(expanded, next_arg().value_or(""), true);
          fmt_string(expanded);
          if (!cont) stop = true;
          break;
        }
        case 'q': {
          auto a = next_arg();
          fmt_string(a ? quote_for_shell(*a) : std::string("''"));
          break;
        }
        case 'f':
        case 'F':
        case 'e':
        case 'E':
        case 'g':
        case 'G':
        case 'a':
        case 'A': {
          long double v = ps.to_double(next_arg().value_or("0"));
          snprintf(buf, sizeof buf, (spec + "L" + conv).c_str(), v);
          out += buf;
          break;
        }
        case '(': {
          size_t close = fmt.find(")T", j);
          if (close == std::string::npos) {
            berror(sh, inv, "printf: `(': invalid format character");
            return 1;
          }
          std::string tfmt = fmt.substr(j + 1, close - j - 1);
          k = close + 1;
          auto a = next_arg();
          time_t t;
          long long v = a ? ps.to_int(*a) : -1;
          if (!a || v == -1 || v == -2) t = time(nullptr);
          else t = static_cast<time_t>(v);
          struct tm tmv;
          localtime_r(&t, &tmv);
          // bash formats into 128 bytes: a longer result is empty.
          char tb[128];
          size_t n = strftime(tb, sizeof tb, tfmt.c_str(), &tmv);
          fmt_string(std::string(tb, n));
          break;
        }
        default:
          berror(sh, inv, std::string("printf: `") + conv + "': invalid format character");
          inv.out() << out;
          return 1;
      }
    }
    if (ai == consumed_before) break;
  } while (ai < args.size() && !stop);
  // A variable's value is a C string in bash: -v keeps the output up to a NUL.
  if (size_t nul = out.find('\0'); !var.empty() && nul != std::string::npos) out.resize(nul);
  if (!var.empty() && var.find('[') != std::string::npos) {
    Var* v = nullptr;
    size_t lb = var.find('[');
    std::string base = var.substr(0, lb);
    if (Var* existing = sh.find_var(base); existing && existing->readonly) {
      berror(sh, inv, base + ": readonly variable");
      return 1;
    }
    if (!sh.find_var(base)) sh.st.globals[base].set = false;
    Var& target = *sh.find_var(base);
    std::string key = var.substr(lb + 1, var.size() - lb - 2);
    if (target.assoc) {
      // The key is expanded: printf -v 'A[$k]'.
      std::optional<Word> parsed = parse_subscript(key);
      target.amap[parsed ? sh.expand_word_string(*parsed) : key] = out;
    } else {
      long long k = 0;
      try {
        k = sh.arith_eval(key);
      } catch (const ArithError& e) {
        berror(sh, inv, e.message);
        return 1;
      }
      if (!target.is_array) {
        target.is_array = true;
        if (target.set) target.array[0] = target.value;
        target.value.clear();
      }
      target.array[k] = out;
    }
    target.set = true;
    (void)v;
    return ps.status;
  }
  if (!var.empty()) {
    if (!sh.set_var(var, out)) {
      berror(sh, inv, var + ": readonly variable");
      return 1;
    }
    return ps.status;
  }
  inv.out() << out;
  return ps.status;
}

int b_read(Interp& sh, Invocation& inv) {
  bool raw = false, silent = false;
  std::string prompt, array;
  char delim = '\n';
  long long nchars = -1;
  bool exact = false;
  double timeout = -1;
  int fd = 0;
  size_t i = 1;
  auto usage = [&](const std::string& msg) {
    berror(sh, inv, "read: " + msg);
    inv.err() << "read: usage: read [-ers] [-a array] [-d delim] [-i text] [-n nchars] [-N nchars] [-p prompt] [-t timeout] [-u fd] [name ...]\n";
    return 2;
  };
  for (; i < inv.argv.size(); ++i) {
    const std::string& a = inv.argv[i];
    if (a == "--") {
      ++i;
      break;
    }
    if (a.size() < 2 || a[0] != '-') break;
    for (size_t k = 1; k < a.size(); ++k) {
      char c = a[k];
      if (c == 'r') raw = true;
      else if (c == 's') silent = true;
      else if (c == 'e') {
      } else if (strchr("padnNtui", c)) {
        std::string val;
        if (k + 1 < a.size()) val = a.substr(k + 1);
        else if (i + 1 < inv.argv.size()) val = inv.argv[++i];
        else return usage(std::string("-") + c + ": option requires an argument");
        k = a.size();
        switch (c) {
          case 'p': prompt = val; break;
          case 'a': array = val; break;
          case 'd': delim = val.empty() ? '\0' : val[0]; break;
          case 'n':
          case 'N':
            if (!parse_long(val, nchars) || nchars < 0) {
              berror(sh, inv, "read: " + val + ": invalid number");
              return 1;
            }
            exact = c == 'N';
            break;
          case 't': {
            char* end;
            timeout = strtod(val.c_str(), &end);
            if (*end || timeout < 0) {
              berror(sh, inv, "read: " + val + ": invalid timeout specification");
              return 1;
            }
            break;
          }
          case 'u': {
            long long v;
            if (!parse_long(val, v) || v < 0) {
              berror(sh, inv, "read: " + val + ": invalid file descriptor specification");
              return 1;
            }
            fd = static_cast<int>(v);
            break;
          }
          default: break;
        }
      } else {
        return usage("-" + std::string(1, c) + ": invalid option");
      }
    }
  }
  (void)silent;
  std::vector<std::string> names(inv.argv.begin() + i, inv.argv.end());
  for (auto& n : names)
    if (!is_name(n)) {
      berror(sh, inv, "read: `" + n + "': not a valid identifier");
      return 1;
    }
  vfs::FilePtr file = sh.fds.get(fd);
  if (!file) {
    berror(sh, inv, "read: " + std::to_string(fd) + ": invalid file descriptor: Bad file descriptor");
    return 1;
  }
  if (!prompt.empty() && file->is_terminal()) sh.write_err(prompt);
  auto deadline = std::chrono::steady_clock::now() + std::chrono::microseconds(static_cast<long long>(timeout * 1e6));
  if (timeout == 0) return file->can_read_now() ? 0 : 1;
  // Read byte by byte so that the rest of the input stays for the next reader.
  std::string line;
  bool got_delim = false, eof = false, timed_out = false;
  std::vector<bool> escaped_mask;
  long long nul_bytes = 0;  // dropped, as bash's strings cannot hold them, but counted for -n
  while (nchars < 0 || static_cast<long long>(line.size()) + nul_bytes < nchars) {
    if (timeout > 0) {
      while (!file->can_read_now()) {
        if (std::chrono::steady_clock::now() >= deadline) {
          timed_out = true;
          break;
        }
        sh.ctx->cancel.sleep_until(std::chrono::steady_clock::now() + std::chrono::milliseconds(5));
        sh.check_cancel();
      }
      if (timed_out) break;
    }
    char c;
    size_t got = 0;
    vfs::Error e = file->read(&c, 1, got);
    if (e) {
      sh.check_cancel();
      if (e.value() == EINTR) continue;
      eof = true;
      break;
    }
    if (got == 0) {
      eof = true;
      break;
    }
    if (!exact && c == delim) {
      got_delim = true;
      break;
    }
    if (c == '\0') {
      ++nul_bytes;
      continue;
    }
    if (!raw && !exact && c == '\\') {
      char n;
      size_t g2 = 0;
      if (file->read(&n, 1, g2) || g2 == 0) {
        eof = true;
        break;
      }
      if (n == '\n') continue;
      line += n;
      escaped_mask.resize(line.size(), false);
      escaped_mask.back() = true;
      continue;
    }
    line += c;
    escaped_mask.resize(line.size(), false);
  }
  escaped_mask.resize(line.size(), false);
  int status = (timed_out ? 142 : (eof && !got_delim && (nchars < 0 || static_cast<long long>(line.size()) + nul_bytes < nchars)) ? 1 : 0);
  if (timed_out) status = 142;
  std::string ifs = sh.get_var("IFS").value_or(" \t\n");
  auto is_ifs = [&](size_t idx) { return !escaped_mask[idx] && ifs.find(line[idx]) != std::string::npos; };
  auto is_ws = [&](size_t idx) { return is_ifs(idx) && (line[idx] == ' ' || line[idx] == '\t' || line[idx] == '\n'); };
  if (exact) {
    if (names.empty()) sh.set_var("REPLY", line);
    else sh.set_var(names[0], line);
    return status;
  }
  if (!array.empty() || names.size() != 1 || true) {
    // Field splitting: all but the last name get one field; the last gets the rest.
    std::vector<std::string> fields;
    size_t p = 0, n = line.size();
    while (p < n && is_ws(p)) ++p;
    size_t want = array.empty() ? (names.empty() ? 0 : names.size()) : SIZE_MAX;
    std::string rest;
    bool have_rest = false;
    while (p < n) {
      if (want != SIZE_MAX && fields.size() + 1 == want) {
        // The rest of the line, minus trailing IFS whitespace.
        size_t e = n;
        while (e > p && is_ws(e - 1)) --e;
        rest = line.substr(p, e - p);
        have_rest = true;
        break;
      }
      size_t s = p;
      while (p < n && !is_ifs(p)) ++p;
      fields.push_back(line.substr(s, p - s));
      if (p < n) {
        bool nonws = false;
        while (p < n && is_ws(p)) ++p;
        if (p < n && is_ifs(p) && !is_ws(p)) {
          nonws = true;
          ++p;
          while (p < n && is_ws(p)) ++p;
        }
        (void)nonws;
      }
    }
    if (names.empty() && array.empty()) {
      // REPLY keeps the line without leading/trailing IFS whitespace? No: bash keeps it whole.
      sh.set_var("REPLY", line);
      return status;
    }
    if (!array.empty()) {
      Var* v = sh.find_var(array);
      if (!v) v = &sh.st.globals[array];
      if (v->readonly) {
        berror(sh, inv, array + ": readonly variable");
        return 1;
      }
      if (v->assoc) {
        berror(sh, inv, "read: " + array + ": not an indexed array");
        return 1;
      }
      v->is_array = true;
      v->value.clear();
      v->array.clear();
      v->set = true;
      for (size_t k = 0; k < fields.size(); ++k) v->array[k] = fields[k];
      return status;
    }
    if (have_rest) fields.push_back(rest);
    for (size_t k = 0; k < names.size(); ++k) {
      if (!sh.set_var(names[k], k < fields.size() ? fields[k] : "")) {
        berror(sh, inv, names[k] + ": readonly variable");
        return 1;
      }
    }
  }
  return status;
}

// mapfile -C: runs "CALLBACK INDEX 'LINE'" as bash does, before the line
// at INDEX is stored.
int run_mapfile_callback(Interp& sh, Invocation& inv, const std::string& callback, long long index, const std::string& line) {
  std::string quoted = "'";
  for (char c : line) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
  inv.out().flush();
  return sh.run_source(callback + " " + std::to_string(index) + " " + quoted + "'", sh.st.lineno, false);
}

int b_mapfile(Interp& sh, Invocation& inv) {
  const std::string usage = inv.argv[0] +
      ": usage: " + inv.argv[0] + " [-d delim] [-n count] [-O origin] [-s count] [-t] [-u fd] [-C callback] [-c quantum] [array]\n";
  bool strip = false;
  char delim = '\n';
  long long count = 0, origin = 0, skip = 0, quantum = 5000;
  bool has_origin = false;
  int fd = 0;
  std::string callback;
  std::string name = "MAPFILE";
  size_t i = 1;
  auto invalid = [&](const std::string& val, const char* what) {
    berror(sh, inv, inv.argv[0] + ": " + val + ": " + what);
    return 1;
  };
  for (; i < inv.argv.size(); ++i) {
    const std::string& a = inv.argv[i];
    if (a == "--") {
      ++i;
      break;
    }
    if (a.size() < 2 || a[0] != '-') break;
    // Flags may be bundled (-tn 2, -tn2), as getopts reads them.
    for (size_t k = 1; k < a.size(); ++k) {
      char c = a[k];
      if (c == 't') {
        strip = true;
        continue;
      }
      if (!strchr("dnOsuCc", c)) {
        berror(sh, inv, inv.argv[0] + ": -" + std::string(1, c) + ": invalid option");
        inv.err() << usage;
        return 2;
      }
      std::string val;
      if (k + 1 < a.size()) {
        val = a.substr(k + 1);
      } else if (i + 1 < inv.argv.size()) {
        val = inv.argv[++i];
      } else {
        berror(sh, inv, inv.argv[0] + ": -" + std::string(1, c) + ": option requires an argument");
        inv.err() << usage;
        return 2;
      }
      k = a.size();
      long long n = 0;
      bool numeric = parse_long(val, n);
      switch (c) {
        case 'd': delim = val.empty() ? '\0' : val[0]; break;
        case 'n':
          if (!numeric || n < 0) return invalid(val, "invalid line count");
          count = n;
          break;
        case 'O':
          if (!numeric || n < 0) return invalid(val, "invalid array origin");
          origin = n;
          has_origin = true;
          break;
        case 's':
          if (!numeric || n < 0) return invalid(val, "invalid line count");
          skip = n;
          break;
        case 'u':
          if (!numeric || n < 0 || n > INT32_MAX) return invalid(val, "invalid file descriptor specification");
          fd = static_cast<int>(n);
          break;
        case 'C': callback = val; break;
        case 'c':
          if (!numeric || n <= 0) return invalid(val, "invalid callback quantum");
          quantum = n;
          break;
      }
    }
  }
  if (i < inv.argv.size()) name = inv.argv[i];
  if (!is_name(name)) {
    berror(sh, inv, inv.argv[0] + ": `" + name + "': not a valid identifier");
    return 1;
  }
  vfs::FilePtr file = sh.fds.get(fd);
  if (!file) {
    berror(sh, inv, inv.argv[0] + ": " + std::to_string(fd) + ": invalid file descriptor: Bad file descriptor");
    return 1;
  }
  InStream in(file);
  Var* v = sh.find_var(name);
  if (!v) v = &sh.st.globals[name];
  if (v->readonly) {
    berror(sh, inv, name + ": readonly variable");
    return 1;
  }
  if (v->assoc) {
    berror(sh, inv, inv.argv[0] + ": " + name + ": not an indexed array");
    return 1;
  }
  // Without -O the array is emptied first; a scalar becomes element 0.
  if (!v->is_array && v->set) v->array[0] = v->value;
  if (!has_origin) v->array.clear();
  v->is_array = true;
  v->set = true;
  v->value.clear();
  std::string line;
  long long idx = origin, read_n = 0;
  while ((count == 0 || read_n < count) && in.read_line(line, delim)) {
    sh.check_cancel();
    if (skip > 0) {
      --skip;
      continue;
    }
    // The delimiter is kept without -t; a NUL cannot be stored.
    if (!strip && delim != '\0' && in.ended_with_delim()) line += delim;
    // bash keeps each line as a C string: it ends at a NUL byte.
    if (size_t nul = line.find('\0'); nul != std::string::npos) line.resize(nul);
    ++read_n;
    if (!callback.empty() && read_n % quantum == 0) {
      run_mapfile_callback(sh, inv, callback, idx, line);
      v = sh.find_var(name);  // the callback may have changed variables
      if (!v) v = &sh.st.globals[name];
      if (!v->is_array) v->is_array = true, v->set = true;
    }
    v->array[idx++] = line;
  }
  return 0;
}

}  // namespace

BURROW_BUILTIN(mapfile, "mapfile", b_mapfile, false);
BURROW_BUILTIN(readarray, "readarray", b_mapfile, false);
BURROW_BUILTIN(echo, "echo", b_echo, false);
BURROW_BUILTIN(printf_, "printf", b_printf, false);
BURROW_BUILTIN(read, "read", b_read, false);

}  // namespace burrow::shell
