// awk built-in functions and printf formatting.
#include <algorithm>
#include <cstring>
#include <ctime>

#include "commands/awk/runtime.h"

namespace burrow::awk {

namespace {
void append_utf8(std::string& out, unsigned cp) {
  if (cp < 0x80) out += static_cast<char>(cp);
  else if (cp < 0x800) { out += static_cast<char>(0xC0 | (cp >> 6)); out += static_cast<char>(0x80 | (cp & 0x3F)); }
  else if (cp < 0x10000) { out += static_cast<char>(0xE0 | (cp >> 12)); out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F)); out += static_cast<char>(0x80 | (cp & 0x3F)); }
  else { out += static_cast<char>(0xF0 | (cp >> 18)); out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F)); out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F)); out += static_cast<char>(0x80 | (cp & 0x3F)); }
}
}  // namespace

std::string Interp::format(const std::string& fmt, const std::vector<Value>& args, size_t first, const char* who) {
  (void)who;
  std::string out;
  size_t ai = first;
  size_t spec_start = 0;
  auto next_arg = [&]() -> const Value& {
    if (ai >= args.size()) {
      fatal("not enough arguments to satisfy format string\n\t`" + fmt + "'\n\t" +
            std::string(spec_start + 1, ' ') + "^ ran out for this one");
    }
    return args[ai++];
  };
  for (size_t i = 0; i < fmt.size(); ++i) {
    char c = fmt[i];
    if (c != '%') {
      out += c;
      continue;
    }
    size_t start = i;
    spec_start = i;
    ++i;
    if (i >= fmt.size()) {
      out += '%';
      break;
    }
    if (fmt[i] == '%') {
      out += '%';
      continue;
    }
    std::string spec = "%";
    while (i < fmt.size() && strchr("-+ #0'", fmt[i])) {
      if (fmt[i] != '\'') spec += fmt[i];
      ++i;
    }
    auto number = [&]() {
      if (i < fmt.size() && fmt[i] == '*') {
        ++i;
        spec += std::to_string(to_int(to_num(next_arg())));
        return;
      }
      while (i < fmt.size() && isdigit(static_cast<unsigned char>(fmt[i]))) spec += fmt[i++];
    };
    number();
    bool has_prec = false;
    if (i < fmt.size() && fmt[i] == '.') {
      has_prec = true;
      spec += '.';
      ++i;
      number();
    }
    while (i < fmt.size() && strchr("hlLqjzt", fmt[i])) ++i;
    if (i >= fmt.size()) {
      out.append(fmt, start, std::string::npos);
      break;
    }
    char conv = fmt[i];
    char buf[512];
    auto emit = [&](const std::string& f, auto value) {
      int n = snprintf(buf, sizeof buf, f.c_str(), value);
      if (n < 0) return;
      if (n < static_cast<int>(sizeof buf)) {
        out.append(buf, n);
      } else {
        check_len(static_cast<size_t>(n));
        std::string big(static_cast<size_t>(n) + 1, '\0');
        snprintf(big.data(), big.size(), f.c_str(), value);
        big.resize(n);
        out += big;
      }
    };
    switch (conv) {
      case 'd':
      case 'i': {
        double d = to_num(next_arg());
        if (std::isnan(d) || std::isinf(d)) {
          std::string f = spec;
          f += 'f';
          emit(f, d);
          break;
        }
        d = std::trunc(d);
        if (std::fabs(d) < 9.2e18) {
          emit(spec + "lld", to_int(d));
        } else {
          // Too big for an integer: print all the digits.
          std::string f = spec;
          if (has_prec) f = f.substr(0, f.find('.'));
          emit(f + ".0f", d);
        }
        break;
      }
      case 'o': case 'x': case 'X': case 'u': {
        double d = std::trunc(to_num(next_arg()));
        if (d < 0) {
          if (d >= -9.2e18) emit(spec + "ll" + conv, static_cast<unsigned long long>(to_int(d)));
          else emit(spec + "g", d);
        } else if (d < 1.8e19) {
          emit(spec + "ll" + conv, static_cast<unsigned long long>(d));
        } else {
          emit(spec + ".0f", d);
        }
        break;
      }
      case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case 'a': case 'A':
        emit(spec + conv, to_num(next_arg()));
        break;
      case 'c': {
        const Value& v = next_arg();
        std::string ch;
        if (v.kind == Value::kNum) {
          double d = v.n;
          unsigned cp = static_cast<unsigned>(to_int(d));
          if (utf8_ && cp >= 128) append_utf8(ch, cp);
          else ch += static_cast<char>(cp & 0xff);
        } else {
          std::string s = to_str(v);
          if (!s.empty()) {
            size_t len = 1;
            if (utf8_) {
              unsigned char b = static_cast<unsigned char>(s[0]);
              len = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
              len = std::min(len, s.size());
            }
            ch = s.substr(0, len);
          } else {
            ch = std::string(1, '\0');
          }
        }
        std::string f = spec;
        if (has_prec) f = f.substr(0, f.find('.'));
        f += 's';
        if (ch.size() == 1 && ch[0] == 0) {
          // A NUL byte: pad by hand.
          int width = atoi(f.c_str() + 1 + (f.size() > 1 && f[1] == '-'));
          bool left = f.find('-') != std::string::npos;
          std::string pad(width > 1 ? static_cast<size_t>(width - 1) : 0, ' ');
          if (left) out += ch + pad;
          else out += pad + ch;
        } else {
          emit(f, ch.c_str());
        }
        break;
      }
      case 's': {
        std::string s = to_str(next_arg());
        if (utf8_ && spec != "%") {
          // Width and precision count characters, not bytes.
          size_t k = 1;
          bool left = false;
          while (k < spec.size() && strchr("-+ #0", spec[k])) left |= spec[k++] == '-';
          size_t width = 0, prec = std::string::npos;
          while (k < spec.size() && isdigit(static_cast<unsigned char>(spec[k]))) width = width * 10 + (spec[k++] - '0');
          if (k < spec.size() && spec[k] == '.') {
            prec = 0;
            ++k;
            while (k < spec.size() && isdigit(static_cast<unsigned char>(spec[k]))) prec = prec * 10 + (spec[k++] - '0');
          }
          if (prec != std::string::npos) s = utf8_substr(s, 0, prec);
          size_t len = utf8_length(s);
          std::string pad(width > len ? width - len : 0, ' ');
          check_len(width);
          out += left ? s + pad : pad + s;
        } else if (spec == "%") {
          out += s;
        } else if (s.find('\0') == std::string::npos) {
          emit(spec + 's', s.c_str());
        } else {
          out += s;
        }
        break;
      }
      case '%':
        out += '%';
        break;
      default:
        out.append(fmt, start, i - start + 1);
        break;
    }
    check_len(out.size());
  }
  return out;
}

std::vector<std::string> Interp::sorted_keys(Array& a) {
  std::vector<std::string> keys;
  keys.reserve(a.map.size());
  for (auto& [k, v] : a.map) keys.push_back(k);
  auto& pi = globals_[kPROCINFO].arr->map;
  auto it = pi.find("sorted_in");
  std::string how = it == pi.end() ? "" : to_str(it->second);
  if (how.empty()) {
    // gawk keeps integer subscripts in a separate table that it walks in
    // ascending order; other keys come out in hash order, which we do not
    // reproduce.
    bool all_int = true;
    for (const auto& k : keys) {
      size_t i = k[0] == '-' ? 1 : 0;
      if (i >= k.size() || k.size() > 15 || (k[i] == '0' && k.size() > i + 1)) { all_int = false; break; }
      for (; i < k.size(); ++i) if (!isdigit(static_cast<unsigned char>(k[i]))) { all_int = false; break; }
      if (!all_int) break;
    }
    if (all_int) {
      std::sort(keys.begin(), keys.end(), [](const std::string& x, const std::string& y) {
        return std::stoll(x) < std::stoll(y);
      });
    } else {
      std::reverse(keys.begin(), keys.end());
    }
    return keys;
  }
  bool desc = how.size() > 5 && how.compare(how.size() - 5, 5, "_desc") == 0;
  auto num_of = [&](const std::string& k) { return str_to_num(k); };
  if (how.rfind("@ind_num", 0) == 0) {
    std::stable_sort(keys.begin(), keys.end(), [&](const std::string& x, const std::string& y) {
      double a1 = num_of(x), b1 = num_of(y);
      if (a1 != b1) return desc ? a1 > b1 : a1 < b1;
      return desc ? x > y : x < y;
    });
  } else if (how.rfind("@ind_str", 0) == 0) {
    std::sort(keys.begin(), keys.end());
    if (desc) std::reverse(keys.begin(), keys.end());
  } else if (how.rfind("@val_", 0) == 0) {
    bool numeric = how.rfind("@val_num", 0) == 0;
    bool typed = how.rfind("@val_type", 0) == 0;
    (void)typed;
    std::stable_sort(keys.begin(), keys.end(), [&](const std::string& x, const std::string& y) {
      const Value& vx = a.map[x];
      const Value& vy = a.map[y];
      int c;
      if (numeric) {
        double p = to_num(vx), q = to_num(vy);
        c = p < q ? -1 : p > q ? 1 : 0;
      } else {
        bool nx = vx.kind == Value::kNum || (vx.kind == Value::kStrNum && is_numeric(vx));
        bool ny = vy.kind == Value::kNum || (vy.kind == Value::kStrNum && is_numeric(vy));
        if (nx && ny) {
          double p = to_num(vx), q = to_num(vy);
          c = p < q ? -1 : p > q ? 1 : 0;
        } else if (nx != ny) {
          c = nx ? -1 : 1;
        } else {
          c = to_str(vx).compare(to_str(vy));
        }
      }
      if (c == 0) c = x.compare(y);
      return desc ? c > 0 : c < 0;
    });
  } else if (!how.empty() && how[0] != '@') {
    auto fit = prog_.function_index.find(how);
    if (fit == prog_.function_index.end()) fatal("sort comparison function `" + how + "' is not defined");
    Function& f = prog_.functions[static_cast<size_t>(fit->second)];
    std::stable_sort(keys.begin(), keys.end(), [&](const std::string& x, const std::string& y) {
      std::vector<Var> frame(std::max<size_t>(f.params.size(), 4));
      frame[0].v = Value(x);
      frame[1].v = a.map[x];
      frame[2].v = Value(y);
      frame[3].v = a.map[y];
      frame_stack_.push_back(std::move(frame));
      Flow fl = exec(f.body.get());
      frame_stack_.pop_back();
      double r = fl == Flow::kReturn ? to_num(return_value_) : 0;
      return r < 0;
    });
  }
  return keys;
}

namespace {
// gawk's bit functions take the integer part as an unsigned 64-bit value; a
// number past 2^64 becomes 0 there, and so it does here (a plain cast of it is
// undefined behaviour).
uint64_t bit_operand(double d) {
  if (!(d < 18446744073709551616.0)) return 0;
  return static_cast<uint64_t>(d);
}

std::string fixed6(double d) {
  char buf[64];
  snprintf(buf, sizeof buf, "%f", d);
  return buf;
}
}  // namespace

Value Interp::builtin(Node* n) {
  size_t argc = n->kids.size();
  auto arg = [&](size_t i) { return n->kid(i); };
  auto need = [&](size_t lo, size_t hi) {
    if (argc < lo || argc > hi) fatal(n->str + ": called with wrong number of arguments");
  };
  switch (n->op) {
    case kBLength: {
      need(0, 1);
      if (argc == 0) {
        const std::string& r = record();
        return Value(static_cast<double>(utf8_ ? utf8_length(r) : r.size()));
      }
      Node* a = arg(0);
      if (a->kind == NodeKind::kVar || a->kind == NodeKind::kLocal) {
        Var& v = var_of(a);
        if (v.arr) return Value(static_cast<double>(v.arr->map.size()));
      }
      std::string s = eval_str(a);
      return Value(static_cast<double>(utf8_ ? utf8_length(s) : s.size()));
    }
    case kBSubstr: {
      need(2, 3);
      std::string s = eval_str(arg(0));
      double start = eval_num(arg(1));
      double len = argc == 3 ? eval_num(arg(2)) : INFINITY;
      // gawk 5 truncates both; a start before 1 is clipped without shortening.
      if (std::isnan(start)) start = 1;
      double rs = std::trunc(start);
      double end;
      if (argc == 3) {
        if (std::isnan(len)) return Value(std::string());
        if (rs < 1) rs = 1;
        end = rs + std::trunc(len);
      } else {
        end = INFINITY;
      }
      size_t total = utf8_ ? utf8_length(s) : s.size();
      if (rs < 1) rs = 1;
      if (end > static_cast<double>(total) + 1) end = static_cast<double>(total) + 1;
      if (end <= rs) return Value(std::string());
      size_t b = static_cast<size_t>(rs) - 1, e = static_cast<size_t>(end) - 1;
      if (utf8_) return Value(utf8_substr(s, b, e - b));
      return Value(s.substr(b, e - b));
    }
    case kBIndex: {
      need(2, 2);
      std::string s = eval_str(arg(0));
      std::string t = eval_str(arg(1));
      size_t p = s.find(t);
      if (p == std::string::npos) return Value(0.0);
      return Value(static_cast<double>((utf8_ ? utf8_length(s.substr(0, p)) : p) + 1));
    }
    case kBSplit:
    case kBPatsplit: {
      need(2, 4);
      std::string s = eval_str(arg(0));
      Array& a = array_of(arg(1));
      std::vector<std::string> parts, seps;
      if (n->op == kBPatsplit) {
        const text::Regex& re = argc >= 3 ? regex_for(arg(2)) : dynamic_regex(to_str(globals_[kFPAT].v));
        size_t pos = 0, last = 0;
        text::Match m;
        seps.push_back("");
        while (pos <= s.size() && re.search(s, pos, &m)) {
          size_t b = static_cast<size_t>(m[0].begin), e = static_cast<size_t>(m[0].end);
          if (e == b) {
            if (b >= s.size()) break;
            pos = b + 1;
            continue;
          }
          if (parts.empty()) seps[0] = s.substr(last, b - last);
          else seps.push_back(s.substr(last, b - last));
          parts.push_back(s.substr(b, e - b));
          pos = last = e;
        }
        seps.push_back(s.substr(last));
      } else {
        split_with(s, nullptr, argc >= 3 ? arg(2) : nullptr, parts, argc == 4 ? &seps : nullptr);
      }
      a.map.clear();
      for (size_t i = 0; i < parts.size(); ++i) a.map[std::to_string(i + 1)] = Value::strnum(parts[i]);
      if (argc == 4) {
        Array& sa = array_of(arg(3));
        sa.map.clear();
        if (n->op == kBPatsplit) {
          for (size_t i = 0; i < seps.size() && i <= parts.size(); ++i) {
            if (i == 0 && seps[0].empty()) continue;
            if (i == parts.size() && seps[i].empty()) continue;
            sa.map[std::to_string(i)] = Value(seps[i]);
          }
        } else {
          for (auto& [k, v] : seps_out_) sa.map[k] = Value(v);
        }
      }
      return Value(static_cast<double>(parts.size()));
    }
    case kBSub:
    case kBGsub:
    case kBGensub: {
      bool gensub = n->op == kBGensub;
      if (gensub) need(3, 4);
      else need(2, 3);
      const text::Regex& re = regex_for(arg(0));
      std::shared_ptr<const text::Regex> hold;  // regex_for may return a cache entry
      std::string repl = eval_str(arg(1));
      bool global = n->op == kBGsub;
      long long which = 1;
      Node* target = nullptr;
      std::string text;
      if (gensub) {
        Value how = eval(arg(2));
        std::string hs = to_str(how);
        if (!hs.empty() && (hs[0] == 'g' || hs[0] == 'G')) global = true;
        else {
          which = to_int(to_num(how));
          if (which <= 0) {
            warning("gensub: third argument " + hs + " treated as 1");
            which = 1;
          }
        }
        text = argc == 4 ? eval_str(arg(3)) : record();
      } else {
        target = argc == 3 ? arg(2) : nullptr;
        if (target && !(target->kind == NodeKind::kVar || target->kind == NodeKind::kLocal ||
                        target->kind == NodeKind::kIndex || target->kind == NodeKind::kField)) {
          fatal(n->str + ": 3rd argument is not a changeable object");
        }
        text = target ? eval_str(target) : record();
      }
      std::string out;
      size_t pos = 0, copied = 0;
      long long count = 0, seen = 0;
      ptrdiff_t last_end = -1;
      text::Match m;
      while (pos <= text.size() && re.search(text, pos, &m, false)) {
        check_cancel();
        size_t b = static_cast<size_t>(m[0].begin), e = static_cast<size_t>(m[0].end);
        if (b == e && static_cast<ptrdiff_t>(b) == last_end) {
          if (b >= text.size()) break;
          pos = b + 1;
          continue;
        }
        ++seen;
        bool do_it = global || seen == which;
        if (do_it) {
          out.append(text, copied, b - copied);
          // Build the replacement.
          for (size_t i = 0; i < repl.size(); ++i) {
            char c = repl[i];
            if (c == '\\' && i + 1 < repl.size()) {
              char d = repl[i + 1];
              if (gensub) {
                if (d == '&') { out += '&'; ++i; continue; }
                if (isdigit(static_cast<unsigned char>(d))) {
                  size_t g = static_cast<size_t>(d - '0');
                  if (g < m.size() && m[g].matched()) out.append(text, static_cast<size_t>(m[g].begin), m[g].size());
                  ++i;
                  continue;
                }
                if (d == '\\') { out += '\\'; ++i; continue; }
                out += c;
                continue;
              }
              if (d == '&') { out += '&'; ++i; continue; }
              if (d == '\\' && i + 2 < repl.size() && repl[i + 2] == '&') { out += '\\'; ++i; continue; }
              if (d == '\\') { out += '\\'; ++i; continue; }
              out += c;
              continue;
            }
            if (c == '&') out.append(text, b, e - b);
            else out += c;
          }
          copied = e;
          ++count;
          check_len(out.size());
        }
        if (b == e) {
          if (b >= text.size()) break;
          pos = b + 1;
        } else {
          pos = e;
          last_end = static_cast<ptrdiff_t>(e);
        }
        if (!global && do_it) break;
      }
      out.append(text, copied, std::string::npos);
      (void)hold;
      if (gensub) return Value(std::move(out));
      if (count > 0) {
        if (target) assign(target, Value(std::move(out)));
        else set_record(out);
      }
      return Value(static_cast<double>(count));
    }
    case kBMatch: {
      need(2, 3);
      std::string s = eval_str(arg(0));
      const text::Regex& re = regex_for(arg(1));
      text::Match m;
      double rstart = 0, rlength = -1;
      Array* arr = nullptr;
      if (argc == 3) {
        arr = &array_of(arg(2));
        arr->map.clear();
      }
      if (re.search(s, 0, &m)) {
        size_t b = static_cast<size_t>(m[0].begin);
        rstart = static_cast<double>((utf8_ ? utf8_length(s.substr(0, b)) : b) + 1);
        rlength = static_cast<double>(utf8_ ? utf8_length(s.substr(b, m[0].size())) : m[0].size());
        if (arr) {
          for (size_t g = 0; g < m.size(); ++g) {
            if (!m[g].matched()) continue;
            std::string gs = std::to_string(g);
            arr->map[gs] = Value::strnum(s.substr(static_cast<size_t>(m[g].begin), m[g].size()));
            arr->map[gs + subsep_ + "start"] = Value(static_cast<double>(m[g].begin + 1));
            arr->map[gs + subsep_ + "length"] = Value(static_cast<double>(m[g].size()));
          }
        }
      }
      globals_[kRSTART].v.set_num(rstart);
      globals_[kRLENGTH].v.set_num(rlength);
      return Value(rstart);
    }
    case kBSprintf: {
      if (argc == 0) fatal("sprintf: no arguments");
      std::vector<Value> vals;
      for (size_t i = 0; i < argc; ++i) vals.push_back(eval(arg(i)));
      return Value(format(to_str(vals[0]), vals, 1, "sprintf"));
    }
    case kBTolower:
    case kBToupper: {
      need(1, 1);
      std::string s = eval_str(arg(0));
      if (utf8_) return Value(utf8_case(s, n->op == kBToupper));
      for (auto& c : s) {
        unsigned char u = static_cast<unsigned char>(c);
        if (u < 128) c = static_cast<char>(n->op == kBTolower ? tolower(u) : toupper(u));
      }
      return Value(std::move(s));
    }
    case kBInt: need(1, 1); return Value(std::trunc(eval_num(arg(0))));
    case kBSqrt: {
      need(1, 1);
      double d = eval_num(arg(0));
      if (d < 0) warning("sqrt: called with negative argument " + num_to_str(d, "%.6g"));
      return Value(std::sqrt(d));
    }
    case kBExp: need(1, 1); return Value(std::exp(eval_num(arg(0))));
    case kBLog: {
      need(1, 1);
      double d = eval_num(arg(0));
      if (d < 0) warning("log: received negative argument " + num_to_str(d, "%.6g"));
      return Value(std::log(d));
    }
    case kBSin: need(1, 1); return Value(std::sin(eval_num(arg(0))));
    case kBCos: need(1, 1); return Value(std::cos(eval_num(arg(0))));
    case kBAtan2: need(2, 2); { double y = eval_num(arg(0)); return Value(std::atan2(y, eval_num(arg(1)))); }
    case kBRand: {
      need(0, 0);
      return Value(std::uniform_real_distribution<double>(0.0, 1.0)(rng_));
    }
    case kBSrand: {
      need(0, 1);
      double prev = seed_;
      seed_ = argc ? std::trunc(eval_num(arg(0))) : static_cast<double>(time(nullptr));
      rng_.seed(static_cast<uint32_t>(to_int(seed_)));
      return Value(prev);
    }
    case kBSystem: {
      need(1, 1);
      std::string cmd = eval_str(arg(0));
      return Value(static_cast<double>(system_cmd(cmd)));
    }
    case kBClose: {
      need(1, 2);
      std::string name = eval_str(arg(0));
      return Value(static_cast<double>(close_stream(name)));
    }
    case kBFflush: {
      need(0, 1);
      flush_all();
      return Value(0.0);
    }
    case kBSystime: need(0, 0); return Value(static_cast<double>(time(nullptr)));
    case kBStrftime: {
      need(0, 3);
      std::string f = argc >= 1 ? eval_str(arg(0)) : "%a %b %e %H:%M:%S %Z %Y";
      time_t t = argc >= 2 ? static_cast<time_t>(eval_num(arg(1))) : time(nullptr);
      bool utc = argc >= 3 && to_bool(eval(arg(2)));
      struct tm tm;
      if (utc) gmtime_r(&t, &tm);
      else localtime_r(&t, &tm);
      std::string buf(f.size() * 4 + 256, '\0');
      size_t len = f.empty() ? 0 : strftime(buf.data(), buf.size(), f.c_str(), &tm);
      buf.resize(len);
      return Value(std::move(buf));
    }
    case kBMktime: {
      need(1, 2);
      std::string spec = eval_str(arg(0));
      struct tm tm{};
      int dst = -1;
      int got = sscanf(spec.c_str(), "%d %d %d %d %d %d %d", &tm.tm_year, &tm.tm_mon, &tm.tm_mday, &tm.tm_hour,
                       &tm.tm_min, &tm.tm_sec, &dst);
      if (got < 6) return Value(-1.0);
      tm.tm_year -= 1900;
      tm.tm_mon -= 1;
      tm.tm_isdst = dst;
      bool utc = argc == 2 && to_bool(eval(arg(1)));
      time_t t = utc ? timegm(&tm) : mktime(&tm);
      return Value(static_cast<double>(t));
    }
    case kBAsort:
    case kBAsorti: {
      need(1, 3);
      Array& src = array_of(arg(0));
      std::vector<Value> items;
      for (auto& [k, v] : src.map) items.push_back(n->op == kBAsort ? v : Value::strnum(k));
      std::string how = argc == 3 ? eval_str(arg(2)) : "";
      bool desc = how.find("desc") != std::string::npos;
      auto cmp = [&](const Value& x, const Value& y) {
        if (n->op == kBAsorti && how.find("num") == std::string::npos) {
          int c = to_str(x).compare(to_str(y));
          return desc ? c > 0 : c < 0;
        }
        bool nx = x.kind == Value::kNum || (x.kind == Value::kStrNum && is_numeric(x));
        bool ny = y.kind == Value::kNum || (y.kind == Value::kStrNum && is_numeric(y));
        if (how.find("num") != std::string::npos) nx = ny = true;
        int c;
        if (nx && ny) {
          double p = to_num(x), q = to_num(y);
          c = p < q ? -1 : p > q ? 1 : 0;
        } else if (nx != ny) {
          c = nx ? -1 : 1;
        } else {
          c = to_str(x).compare(to_str(y));
        }
        return desc ? c > 0 : c < 0;
      };
      std::stable_sort(items.begin(), items.end(), cmp);
      Array& dst = argc >= 2 ? array_of(arg(1)) : src;
      dst.map.clear();
      for (size_t i = 0; i < items.size(); ++i) dst.map[std::to_string(i + 1)] = items[i];
      return Value(static_cast<double>(items.size()));
    }
    case kBIsarray: {
      need(1, 1);
      Node* a = arg(0);
      if (a->kind == NodeKind::kVar || a->kind == NodeKind::kLocal) return Value(var_of(a).arr ? 1.0 : 0.0);
      return Value(0.0);
    }
    case kBTypeof: {
      need(1, 2);
      Node* a = arg(0);
      if (a->kind == NodeKind::kVar || a->kind == NodeKind::kLocal) {
        Var& v = var_of(a);
        if (v.arr) return Value(std::string("array"));
      }
      Value v = eval(a);
      switch (v.kind) {
        case Value::kUninit: return Value(std::string("untyped"));
        case Value::kNum: return Value(std::string("number"));
        case Value::kStr: return Value(std::string("string"));
        case Value::kStrNum: return Value(std::string(is_numeric(v) ? "strnum" : "string"));
      }
      return Value(std::string("unassigned"));
    }
    case kBAnd: case kBOr: case kBXor: {
      if (argc < 2) fatal(n->str + ": called with less than two arguments");
      uint64_t r = 0;
      for (size_t i = 0; i < argc; ++i) {
        double d = eval_num(arg(i));
        if (d < 0) {
          fatal(n->str + ": argument " + std::to_string(i + 1) + " negative value " + num_to_str(d, convfmt_) +
                " is not allowed");
        }
        uint64_t x = bit_operand(d);
        if (i == 0) r = x;
        else r = n->op == kBAnd ? (r & x) : n->op == kBOr ? (r | x) : (r ^ x);
      }
      return Value(static_cast<double>(r));
    }
    case kBLshift: case kBRshift: {
      need(2, 2);
      double value = eval_num(arg(0)), count = eval_num(arg(1));
      if (value < 0 || count < 0) {
        fatal(n->str + "(" + fixed6(value) + ", " + fixed6(count) + "): negative values are not allowed");
      }
      // Like the hardware gawk runs on, the shift count is taken modulo 64.
      unsigned shift = static_cast<unsigned>(bit_operand(count) & 63);
      uint64_t a = bit_operand(value);
      return Value(static_cast<double>(n->op == kBLshift ? a << shift : a >> shift));
    }
    case kBCompl: {
      need(1, 1);
      double d = eval_num(arg(0));
      if (d < 0) fatal("compl(" + fixed6(d) + "): negative value is not allowed");
      return Value(static_cast<double>(~bit_operand(d) & ((1ULL << 53) - 1)));
    }
    case kBStrtonum: {
      need(1, 1);
      Value v = eval(arg(0));
      if (v.kind == Value::kNum) return v;
      std::string s = to_str(v);
      size_t i = 0;
      while (i < s.size() && isspace(static_cast<unsigned char>(s[i]))) ++i;
      if (i + 1 < s.size() && s[i] == '0' && (s[i + 1] == 'x' || s[i + 1] == 'X'))
        return Value(static_cast<double>(strtoull(s.c_str() + i, nullptr, 16)));
      if (i < s.size() && s[i] == '0' && s.find_first_of(".eE") == std::string::npos)
        return Value(static_cast<double>(strtoull(s.c_str() + i, nullptr, 8)));
      return Value(str_to_num(s));
    }
  }
  fatal("unknown builtin");
}

void Interp::split_with(std::string_view s, const Value* fs_override, Node* re_node, std::vector<std::string>& parts,
                        std::vector<std::string>* seps) {
  (void)fs_override;
  seps_out_.clear();
  std::string fs;
  bool is_regex_node = re_node && re_node->kind == NodeKind::kRegex;
  if (re_node && !is_regex_node) fs = eval_str(re_node);
  else if (!re_node) fs = to_str(globals_[kFS].v);
  if (!is_regex_node && fs == " ") {
    size_t i = 0;
    size_t last = 0;
    while (true) {
      size_t ws = i;
      while (i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n')) ++i;
      if (seps && i > ws) {
        std::string sep(s.substr(ws, i - ws));
        if (parts.empty()) seps_out_.emplace_back("0", sep);
        else if (i < s.size()) seps_out_.emplace_back(std::to_string(parts.size()), sep);
        else seps_out_.emplace_back(std::to_string(parts.size()), sep);
      }
      if (i >= s.size()) break;
      size_t st = i;
      while (i < s.size() && s[i] != ' ' && s[i] != '\t' && s[i] != '\n') ++i;
      parts.emplace_back(s.substr(st, i - st));
      last = i;
    }
    (void)last;
    return;
  }
  if (s.empty()) return;
  if (!is_regex_node && fs.empty()) {
    for (size_t i = 0; i < s.size();) {
      size_t len = 1;
      if (utf8_) while (i + len < s.size() && (static_cast<unsigned char>(s[i + len]) & 0xC0) == 0x80) ++len;
      parts.emplace_back(s.substr(i, len));
      i += len;
    }
    return;
  }
  if (!is_regex_node && fs.size() == 1 && fs[0] != '\\') {
    size_t start = 0;
    while (true) {
      size_t at = s.find(fs[0], start);
      if (at == std::string_view::npos) {
        parts.emplace_back(s.substr(start));
        break;
      }
      parts.emplace_back(s.substr(start, at - start));
      if (seps) seps_out_.emplace_back(std::to_string(parts.size()), fs);
      start = at + 1;
    }
    return;
  }
  const text::Regex& re = is_regex_node ? regex_for(re_node)
                                        : dynamic_regex(fs.size() == 1 ? (fs == "\\" ? "[\\\\]" : "[" + fs + "]") : fs);
  size_t start = 0, pos = 0;
  text::Match m;
  while (pos <= s.size() && re.search(s, pos, &m)) {
    size_t b = static_cast<size_t>(m[0].begin), e = static_cast<size_t>(m[0].end);
    if (e == b) {
      if (b >= s.size()) break;
      pos = b + 1;
      continue;
    }
    parts.emplace_back(s.substr(start, b - start));
    if (seps) seps_out_.emplace_back(std::to_string(parts.size()), std::string(s.substr(b, e - b)));
    start = pos = e;
  }
  parts.emplace_back(s.substr(start));
}

namespace {
// Case mapping for the common alphabets (Latin-1, Latin Extended-A, Greek, Cyrillic).
unsigned map_case(unsigned cp, bool upper) {
  if (cp < 128) return static_cast<unsigned>(upper ? toupper(static_cast<int>(cp)) : tolower(static_cast<int>(cp)));
  if (upper) {
    if ((cp >= 0xE0 && cp <= 0xFE && cp != 0xF7)) return cp - 0x20;
    if (cp == 0xFF) return 0x178;
    if (cp >= 0x100 && cp <= 0x17F && cp != 0x130 && cp != 0x131 && cp != 0x138 && cp != 0x149 && cp != 0x17F) {
      bool odd_lower = (cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17E);
      if (odd_lower ? (cp % 2 == 0) : (cp % 2 == 1)) return cp - 1;
      return cp;
    }
    if (cp >= 0x3B1 && cp <= 0x3C9 && cp != 0x3C2) return cp - 0x20;
    if (cp >= 0x430 && cp <= 0x44F) return cp - 0x20;
    if (cp >= 0x450 && cp <= 0x45F) return cp - 0x50;
    return cp;
  }
  if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) return cp + 0x20;
  if (cp == 0x178) return 0xFF;
  if (cp >= 0x100 && cp <= 0x17F && cp != 0x130 && cp != 0x131 && cp != 0x138 && cp != 0x149 && cp != 0x17F) {
    bool odd_lower = (cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17E);
    if (odd_lower ? (cp % 2 == 1) : (cp % 2 == 0)) return cp + 1;
    return cp;
  }
  if (cp >= 0x391 && cp <= 0x3A9 && cp != 0x3A2) return cp + 0x20;
  if (cp >= 0x410 && cp <= 0x42F) return cp + 0x20;
  if (cp >= 0x400 && cp <= 0x40F) return cp + 0x50;
  return cp;
}
}  // namespace

std::string utf8_case(std::string_view s, bool upper) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    unsigned char b = static_cast<unsigned char>(s[i]);
    size_t len = b < 0x80 ? 1 : (b >> 5) == 6 ? 2 : (b >> 4) == 14 ? 3 : (b >> 3) == 30 ? 4 : 0;
    if (len == 0 || i + len > s.size()) {
      out += s[i++];
      continue;
    }
    unsigned cp = len == 1 ? b : len == 2 ? (b & 0x1F) : len == 3 ? (b & 0x0F) : (b & 0x07);
    bool valid = true;
    for (size_t k = 1; k < len; ++k) {
      unsigned char c = static_cast<unsigned char>(s[i + k]);
      if ((c & 0xC0) != 0x80) valid = false;
      cp = (cp << 6) | (c & 0x3F);
    }
    if (!valid) {
      out += s[i++];
      continue;
    }
    unsigned m = map_case(cp, upper);
    if (m == cp) out.append(s.substr(i, len));
    else append_utf8(out, m);
    i += len;
  }
  return out;
}

size_t utf8_length(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

std::string utf8_substr(std::string_view s, size_t start, size_t count) {
  size_t i = 0, ch = 0;
  while (i < s.size() && ch < start) {
    ++i;
    while (i < s.size() && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) ++i;
    ++ch;
  }
  size_t b = i;
  ch = 0;
  while (i < s.size() && ch < count) {
    ++i;
    while (i < s.size() && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) ++i;
    ++ch;
  }
  return std::string(s.substr(b, i - b));
}

}  // namespace burrow::awk
