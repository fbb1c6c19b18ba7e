// Prompt strings (PS1, PS4, ${x@P}): bash first decodes the backslash escapes
// (\u \h \w \t \nnn ...), then expands the result as inside "..." (shopt
// promptvars). Values an escape inserts are backslash-quoted first, so a
// directory named '$foo' is not expanded again.
#include <ctime>

#include "shell/interp.h"
#include "shell/parser.h"

namespace burrow::shell {
namespace {

// What inside "..." would be special gets a backslash: the expansion step
// then yields the text unchanged.
std::string quote_for_dquote(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '$' || c == '`' || c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out;
}

std::string format_time(const char* fmt) {
  time_t t = time(nullptr);
  struct tm tmv;
  localtime_r(&t, &tmv);
  char buf[512];
  size_t n = strftime(buf, sizeof buf, fmt, &tmv);
  return std::string(buf, n);
}

std::string basename_of(const std::string& path) {
  if (path == "/") return path;
  size_t slash = path.rfind('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

bool is_octal(char c) { return c >= '0' && c <= '7'; }

}  // namespace

// The escapes whose value comes from the shell's state; nullopt when `c` is
// not one of them.
std::optional<std::string> Interp::prompt_escape_value(char c, PromptKind kind) {
  auto var = [&](const char* name) { return get_var(name).value_or(""); };
  switch (c) {
    case 'u': return var("USER");
    case 'H': return var("HOSTNAME");
    case 'h': {
      std::string h = var("HOSTNAME");
      return h.substr(0, h.find('.'));
    }
    case 's': return basename_of(st.arg0);
    case 'v': return std::string("5.2");
    case 'V': return std::string("5.2.15");
    case 'w':
    case 'W': {
      std::string pwd = get_var("PWD").value_or(st.cwd);
      std::string home = var("HOME");
      if (c == 'W') return (!home.empty() && pwd == home) ? "~" : basename_of(pwd);
      if (!home.empty() && home != "/" && pwd.compare(0, home.size(), home) == 0 &&
          (pwd.size() == home.size() || pwd[home.size()] == '/'))
        return "~" + pwd.substr(home.size());
      return pwd;
    }
    case 'j': {
      int n = 0;
      for (const auto& j : job_table())
        if (j->number) ++n;
      return std::to_string(n);
    }
    case 'l': return std::string("tty");  // no terminal in the sandbox
    case '!': {
      // The history number: without a history list, 1.
      if (!st.opts.history) return std::string("1");
      int next = st.history.base + static_cast<int>(st.history.lines.size());
      return std::to_string(kind == PromptKind::PS1 || next == 1 ? next : next - 1);
    }
    case '#': return std::to_string(st.command_number);
    case 'd': return format_time("%a %b %d");
    case 't': return format_time("%H:%M:%S");
    case 'T': return format_time("%I:%M:%S");
    case '@': return format_time("%I:%M %p");
    case 'A': return format_time("%H:%M");
  }
  return std::nullopt;
}

std::string Interp::decode_prompt(std::string_view p, PromptKind kind) {
  std::string out;
  for (size_t i = 0; i < p.size(); ++i) {
    if (p[i] != '\\' || i + 1 == p.size()) {
      out += p[i];
      continue;
    }
    char c = p[++i];
    if (is_octal(c)) {
      // exactly three octal digits, taken modulo 256; a NUL adds nothing
      if (i + 2 < p.size() && is_octal(p[i + 1]) && is_octal(p[i + 2])) {
        int v = ((c - '0') * 64 + (p[i + 1] - '0') * 8 + (p[i + 2] - '0')) & 0xff;
        if (v) out += static_cast<char>(v);
        i += 2;
      } else {
        out += '\\';
        out += c;
      }
      continue;
    }
    switch (c) {
      case 'a': out += '\a'; continue;
      case 'e': out += '\033'; continue;
      case 'n': out += '\n'; continue;
      case 'r': out += '\r'; continue;
      case '\\': out += '\\'; continue;
      case '[': case ']': continue;  // readline's non-printing markers: nothing outside readline
      case '$':
        // kept escaped so the expansion step leaves the `$` alone
        out += get_var("EUID").value_or("") == "0" ? "#" : "\\$";
        continue;
      case 'D': {
        size_t close = p.find('}', i + 2);
        if (i + 1 < p.size() && p[i + 1] == '{' && close != std::string::npos) {
          std::string fmt(p.substr(i + 2, close - i - 2));
          out += quote_for_dquote(format_time(fmt.empty() ? "%X" : fmt.c_str()));
          i = close;
          continue;
        }
        break;
      }
    }
    if (auto v = prompt_escape_value(c, kind)) {
      out += quote_for_dquote(*v);
      continue;
    }
    out += '\\';
    out += c;
  }
  return out;
}

std::string Interp::expand_prompt(std::string_view p, PromptKind kind) {
  std::string decoded = decode_prompt(p, kind);
  ParseError err;
  Word w = parse_prompt_word(decoded, err);
  if (err) {
    error(err.message);
    return decoded;
  }
  try {
    return expand_word_string(w);
  } catch (const FatalSignal&) {
    // bash reports the error and shows the prompt unexpanded; the command goes on
    return decoded;
  }
}

}  // namespace burrow::shell
