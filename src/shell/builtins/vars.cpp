// Variable and option builtins: set unset export readonly local declare
// typeset shopt getopts.
#include <algorithm>

#include "shell/builtins/util.h"
#include <cstring>

#include "shell/parser.h"
#include "shell/printer.h"

namespace burrow::shell {

namespace {

std::string dquote(const std::string& v) {
  if (needs_ansi_c_quotes(v)) return quote_for_shell(v);
  std::string out = "\"";
  for (char c : v) {
    if (c == '"' || c == '\\' || c == '$' || c == '`') out += '\\';
    out += c;
  }
  return out + "\"";
}

// bash quotes an associative array's key in `declare -p` when it has
// characters the shell would otherwise interpret.
static bool has_shell_metas(const std::string& k) {
  for (size_t i = 0; i < k.size(); ++i) {
    char c = k[i];
    if (c != '\0' && strchr(" \t\n'\"\\|&;()<>!{}*[?]^$`", c)) return true;
    if (c == '~' && (i == 0 || k[i - 1] == '=' || k[i - 1] == ':')) return true;
    if (c == '#' && i == 0) return true;
  }
  return false;
}

}  // namespace

// An associative array's key and a value as declare -p and ${A[@]@K} write them.
std::string quoted_assoc_key(const std::string& k) { return has_shell_metas(k) ? dquote(k) : k; }
std::string quoted_declare_value(const std::string& v) { return dquote(v); }

namespace {

// Splits "(a 'b c' [3]=d)" as produced by expand_words for array assignments.
std::vector<std::string> split_array_literal(const std::string& s) {
  std::vector<std::string> out;
  std::string cur;
  bool in_word = false;
  for (size_t i = 1; i + 1 < s.size(); ++i) {
    char c = s[i];
    if (c == ' ' && !in_word) continue;
    if (c == ' ') {
      out.push_back(cur);
      cur.clear();
      in_word = false;
      continue;
    }
    in_word = true;
    if (c == '\'') {
      size_t j = s.find('\'', i + 1);
      cur += s.substr(i + 1, j - i - 1);
      i = j;
    } else if (c == '\\' && i + 1 < s.size()) {
      cur += s[++i];
    } else if (c == '$' && i + 1 < s.size() && s[i + 1] == '\'') {
      size_t j = i + 2;
      std::string raw;
      while (j < s.size() && s[j] != '\'') {
        if (s[j] == '\\') raw += s[j++];
        raw += s[j++];
      }
      cur += decode_ansi_c(raw);
      i = j;
    } else {
      cur += c;
    }
  }
  if (in_word) out.push_back(cur);
  return out;
}

// Where the `=` of a declaration argument is: after the subscript of
// `name[sub]=value`, whose subscript may hold `=` itself; npos if none.
size_t assignment_eq(const std::string& arg) {
  size_t i = 0;
  while (i < arg.size() && (isalnum(static_cast<unsigned char>(arg[i])) || arg[i] == '_')) ++i;
  if (i > 0 && i < arg.size() && arg[i] == '[') {
    int depth = 0;
    for (; i < arg.size(); ++i) {
      if (arg[i] == '[') ++depth;
      else if (arg[i] == ']' && --depth == 0) break;
    }
  }
  return arg.find('=', i < arg.size() ? i : 0);
}

// How bash shows a declaration's array element in messages: it quotes the
// expanded words again before it parses them.
std::string single_quoted(const std::string& s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\'') out += "'\\''";
    else out += c;
  }
  return out + "'";
}

// The elements of "(a 'b c' [3]=d [k]+=e)", an array literal that
// expand_words has expanded and quoted again.
std::vector<ArrayLiteralItem> literal_items(const std::string& literal) {
  std::vector<ArrayLiteralItem> items;
  for (std::string& el : split_array_literal(literal)) {
    ArrayLiteralItem it;
    size_t rb = el.empty() || el[0] != '[' ? std::string::npos : std::min(el.find("]="), el.find("]+="));
    if (rb != std::string::npos) {
      it.keyed = true;
      it.append = el[rb + 1] == '+';
    }
    if (it.keyed) {
      it.key = el.substr(1, rb - 1);
      it.value = el.substr(rb + (it.append ? 3 : 2));
      it.raw = "[" + single_quoted(it.key) + "]" + (it.append ? "+=" : "=") + single_quoted(it.value);
    } else {
      it.value = std::move(el);
      it.raw = single_quoted(it.value);
    }
    items.push_back(std::move(it));
  }
  return items;
}

}  // namespace

std::string declare_line(std::string_view name, const Var& v) {
  std::string flags;
  if (v.assoc) flags += 'A';
  else if (v.is_array) flags += 'a';
  if (v.integer) flags += 'i';
  if (v.nameref) flags += 'n';
  if (v.readonly) flags += 'r';
  if (v.exported) flags += 'x';
  std::string out = "declare -" + (flags.empty() ? std::string("-") : flags) + " " + std::string(name);
  if (!v.set) return out;
  if (v.assoc) {
    out += "=(";
    for (auto* e : v.amap.in_bash_order()) {
      const std::string& k = e->first;
      out += '[';
      out += has_shell_metas(k) ? dquote(k) : k;
      out += "]=";
      out += dquote(e->second);
      out += ' ';
    }
    return out + ")";
  }
  if (v.is_array) {
    out += "=(";
    bool first = true;
    for (auto& [k, val] : v.array) {
      if (!first) out += ' ';
      first = false;
      out += '[';
      out += std::to_string(k);
      out += "]=";
      out += dquote(val);
    }
    return out + ")";
  }
  return out + "=" + dquote(v.value);
}

bool declare_assign(Interp& sh, Invocation& inv, const std::string& arg, bool local, bool global, Var** out) {
  size_t eq = assignment_eq(arg);
  std::string name = eq == std::string::npos ? arg : arg.substr(0, eq);
  bool append = false;
  if (!name.empty() && name.back() == '+') {
    append = true;
    name.pop_back();
  }
  std::string index;
  bool has_index = false;
  size_t lb = name.find('[');
  if (lb != std::string::npos && name.back() == ']') {
    index = name.substr(lb + 1, name.size() - lb - 2);
    name = name.substr(0, lb);
    has_index = true;
  }
  if (!is_name(name)) {
    berror(sh, inv, inv.argv[0] + ": `" + arg + "': not a valid identifier");
    return false;
  }
  Var* v = nullptr;
  if (local) {
    VarMap& frame = *sh.function_scope();
    auto it = frame.find(name);
    if (it == frame.end()) {
      Var nv;
      nv.set = false;
      // `local x` inherits nothing; `declare` in a function is local too.
      v = &(frame[name] = nv);
    } else {
      v = &it->second;
    }
  } else if (global) {
    auto [it, created] = sh.st.globals.try_emplace(name);
    v = &it->second;
    if (created) v->set = false;
  } else {
    v = sh.find_var(name);
    if (!v) {
      v = &sh.st.globals[name];
      v->set = false;
    }
  }
  *out = v;
  if (eq == std::string::npos) return true;
  if (v->readonly) {
    berror(sh, inv, name + ": readonly variable");
    return false;
  }
  std::string value = arg.substr(eq + 1);
  if (v->assoc) {
    if (value.size() >= 2 && value.front() == '(' && value.back() == ')' && !has_index) {
      sh.assign_array_literal(name, *v, literal_items(value), append);
    } else {
      std::string k = has_index ? index : "0";
      if (append) v->amap[k] += value;
      else v->amap[k] = value;
    }
    v->set = true;
    return true;
  }
  if (value.size() >= 2 && value.front() == '(' && value.back() == ')' && !has_index) {
    sh.assign_array_literal(name, *v, literal_items(value), append);
    return true;
  }
  if (v->integer) {
    try {
      long long n = sh.arith_eval(value);
      if (append) n += std::atoll((v->is_array ? v->array[0] : v->value).c_str());
      value = std::to_string(n);
      append = false;
    } catch (const ArithError& e) {
      berror(sh, inv, e.message);
      return false;
    }
  }
  if (has_index || v->is_array) {
    long long k = 0;
    if (has_index) {
      try {
        k = sh.arith_eval(index);
      } catch (const ArithError& e) {
        berror(sh, inv, e.message);
        return false;
      }
    }
    if (!v->is_array) {
      v->is_array = true;
      if (v->set) v->array[0] = v->value;
      v->value.clear();
    }
    if (append) v->array[k] += value;
    else v->array[k] = value;
  } else if (append && v->set) {
    v->value += value;
  } else {
    v->value = value;
  }
  v->set = true;
  return true;
}

namespace {

// A nameref names a variable or an element of one (a[2], m[key]).
bool valid_nameref_target(const std::string& t) {
  size_t lb = t.find('[');
  if (lb == std::string::npos) return is_name(t);
  return lb > 0 && t.back() == ']' && t.size() > lb + 2 && is_name(t.substr(0, lb));
}

int declare_impl(Interp& sh, Invocation& inv, bool is_local) {
  std::string on, off;
  size_t i = 1;
  for (; i < inv.argv.size(); ++i) {
    const std::string& a = inv.argv[i];
    if (a == "--") {
      ++i;
      break;
    }
    if (a.size() < 2 || (a[0] != '-' && a[0] != '+')) break;
    for (size_t k = 1; k < a.size(); ++k) {
      if (!strchr("aAfFgilnprtux", a[k])) {
        berror(sh, inv, inv.argv[0] + ": -" + std::string(1, a[k]) + ": invalid option");
        inv.err() << inv.argv[0] << ": usage: " << inv.argv[0]
                  << (is_local ? " [option] name[=value] ..." : " [-aAfFgiIlnrtux] [name[=value] ...] or " + inv.argv[0] + " -p [-aAfFilnrtux] [name ...]")
                  << "\n";
        return 2;
      }
      (a[0] == '-' ? on : off) += a[k];
    }
  }
  auto has = [&](char c) { return on.find(c) != std::string::npos; };
  if (is_local && !sh.function_scope()) {
    berror(sh, inv, "local: can only be used in a function");
    return 1;
  }
  bool in_function = sh.function_scope() != nullptr;
  bool local = is_local || (in_function && !has('g'));
  if (has('f') || has('F')) {
    int status = 0;
    if (i >= inv.argv.size()) {
      for (auto& [name, def] : sh.st.functions) {
        if (has('F')) inv.out() << "declare -f " << name << "\n";
        else inv.out() << print_function(*def) << "\n";
      }
      return 0;
    }
    // declare -ft NAME / -f +t NAME: the function's trace attribute (it
    // inherits the DEBUG and RETURN traps); nothing is printed.
    bool trace_on = has('t'), trace_off = off.find('t') != std::string::npos;
    for (; i < inv.argv.size(); ++i) {
      auto it = sh.st.functions.find(inv.argv[i]);
      if (it == sh.st.functions.end()) {
        status = 1;
        continue;
      }
      if (trace_on || trace_off) {
        if (trace_on) sh.st.traced_functions.insert(inv.argv[i]);
        else sh.st.traced_functions.erase(inv.argv[i]);
        continue;
      }
      const FunctionDef& def = *it->second;
      if (has('F') && has('p')) inv.out() << "declare -f " << inv.argv[i] << "\n";
      // extdebug: where the function was defined
      else if (has('F') && sh.st.opts.extdebug) inv.out() << inv.argv[i] << ' ' << std::to_string(def.line) << ' ' << def.source_file << "\n";
      else if (has('F')) inv.out() << inv.argv[i] << "\n";
      else inv.out() << print_function(def) << "\n";
    }
    return status;
  }
  if (has('p') || (i >= inv.argv.size() && off.empty())) {
    int status = 0;
    if (i >= inv.argv.size()) {
      std::map<std::string, const Var*> all;
      for (auto& [k, v] : sh.st.globals) all[k] = &v;
      for (auto& f : sh.st.frames)
        for (auto& [k, v] : f) all[k] = &v;
      for (auto& [k, v] : all) {
        if (has('x') && !v->exported) continue;
        if (has('r') && !v->readonly) continue;
        if (has('a') && (!v->is_array || v->assoc)) continue;
        if (has('A') && !v->assoc) continue;
        if (has('i') && !v->integer) continue;
        if (has('n') && !v->nameref) continue;
        if (!has('p') && on.empty()) {
          if (!v->set) continue;
          if (v->is_array) inv.out() << k << "=" << declare_line(k, *v).substr(declare_line(k, *v).find('=') + 1) << "\n";
          else inv.out() << k << "=" << quote_for_shell(v->value) << "\n";
        } else {
          inv.out() << declare_line(k, *v) << "\n";
        }
      }
      return 0;
    }
    for (; i < inv.argv.size(); ++i) {
      Var* v = sh.find_var_noref(inv.argv[i]);
      if (!v) {
        berror(sh, inv, inv.argv[0] + ": " + inv.argv[i] + ": not found");
        status = 1;
        continue;
      }
      inv.out() << declare_line(inv.argv[i], *v) << "\n";
    }
    return status;
  }
  int status = 0;
  for (; i < inv.argv.size(); ++i) {
    const std::string& arg = inv.argv[i];
    size_t eq = assignment_eq(arg);
    std::string name = arg.substr(0, eq == std::string::npos ? arg.size() : eq);
    if (off.find('n') != std::string::npos && eq == std::string::npos) {
      // +n: the variable keeps the target's name as its plain value
      if (Var* ref = sh.find_var_noref(name)) ref->nameref = false;
      continue;
    }
    if (has('n') && !has('a') && !has('A')) {
      // A nameref stores the target's name; reads and writes go to the target (Interp::find_var).
      if (!is_name(name)) {
        berror(sh, inv, inv.argv[0] + ": `" + arg + "': not a valid identifier");
        status = 1;
        continue;
      }
      Var* found = sh.find_var_noref(name);
      std::string target = eq != std::string::npos ? arg.substr(eq + 1) : (found && found->set ? found->value : "");
      if ((eq != std::string::npos || !target.empty()) && !valid_nameref_target(target)) {
        berror(sh, inv, inv.argv[0] + ": `" + target + "': invalid variable name for name reference");
        status = 1;
        continue;
      }
      Var* ref = local ? &(*sh.function_scope())[name] : (has('g') ? &sh.st.globals[name] : found);
      if (!ref) ref = &sh.st.globals[name];
      if (ref->readonly) {
        berror(sh, inv, name + ": readonly variable");
        status = 1;
        continue;
      }
      if (eq != std::string::npos) {
        if (target == name) {
          berror(sh, inv, inv.argv[0] + ": " + name + ": nameref variable self references not allowed");
          status = 1;
          continue;
        }
        ref->value = target;
        ref->set = true;
      } else if (!ref->nameref) {
        ref->set = ref->set && !ref->value.empty();
      }
      ref->nameref = true;
      if (has('r')) ref->readonly = true;
      if (has('x')) ref->exported = true;
      continue;
    }
    Var* existing = sh.find_var(name);
    if (existing && existing->readonly && (eq != std::string::npos || has('r') == false) && eq != std::string::npos) {
      berror(sh, inv, name + ": readonly variable");
      status = 1;
      continue;
    }
    // Attributes first (integer affects the assignment).
    Var* v = nullptr;
    std::string bare = name;
    if (!bare.empty() && bare.back() == '+') bare.pop_back();
    if (has('A')) {
      Var* pre = nullptr;
      if (!declare_assign(sh, inv, bare, local, has('g'), &pre)) {
        status = 1;
        continue;
      }
      if (pre->is_array && !pre->assoc) {
        if (eq != std::string::npos) {
          // With a value it is the assignment's error: it abandons the line.
          berror(sh, inv, bare + ": cannot convert indexed to associative array");
          throw DiscardSignal{};
        }
        berror(sh, inv, inv.argv[0] + ": " + bare + ": cannot convert indexed to associative array");
        status = 1;
        continue;
      }
      if (!pre->assoc) {
        // A scalar's value becomes element "0".
        if (pre->set) pre->amap["0"] = pre->value;
        pre->value.clear();
        pre->assoc = true;
        pre->is_array = true;
        pre->array.clear();
      }
    }
    if (has('i') || has('a')) {
      Var* pre = nullptr;
      if (!declare_assign(sh, inv, bare, local, has('g'), &pre)) {
        status = 1;
        continue;
      }
      if (has('a') && pre->assoc) {
        if (eq != std::string::npos) {
          // With a value it is the assignment's error: it abandons the line.
          berror(sh, inv, bare + ": cannot convert associative to indexed array");
          throw DiscardSignal{};
        }
        berror(sh, inv, inv.argv[0] + ": " + bare + ": cannot convert associative to indexed array");
        status = 1;
        continue;
      }
      if (has('i')) pre->integer = true;
      if (has('a') && !pre->is_array) {
        pre->is_array = true;
        if (pre->set) pre->array[0] = pre->value;
        pre->value.clear();
      }
    }
    if (!declare_assign(sh, inv, arg, local, has('g'), &v)) {
      status = 1;
      continue;
    }
    if (has('x')) v->exported = true;
    if (off.find('x') != std::string::npos) v->exported = false;
    if (has('i')) v->integer = true;
    if (off.find('i') != std::string::npos) v->integer = false;
    if (has('l') && v->set) {
      for (char& c : v->value) c = tolower(static_cast<unsigned char>(c));
    }
    if (has('u') && v->set) {
      for (char& c : v->value) c = toupper(static_cast<unsigned char>(c));
    }
    if (has('r')) v->readonly = true;
  }
  return status;
}

int b_declare(Interp& sh, Invocation& inv) { return declare_impl(sh, inv, false); }
int b_local(Interp& sh, Invocation& inv) { return declare_impl(sh, inv, true); }

int export_like(Interp& sh, Invocation& inv, bool readonly) {
  bool unexport = false, print = false, functions = false;
  bool indexed = false, assoc = false;  // -a, -A: arrays of that kind
  size_t i = 1;
  for (; i < inv.argv.size(); ++i) {
    const std::string& a = inv.argv[i];
    if (a == "--") {
      ++i;
      break;
    }
    if (a.size() < 2 || a[0] != '-') break;
    for (size_t k = 1; k < a.size(); ++k) {
      if (a[k] == 'n' && !readonly) unexport = true;
      else if (a[k] == 'p') print = true;
      else if (a[k] == 'f') functions = true;
      else if (a[k] == 'a') indexed = true;
      else if (a[k] == 'A') assoc = true;
      else {
        berror(sh, inv, inv.argv[0] + ": -" + std::string(1, a[k]) + ": invalid option");
        inv.err() << inv.argv[0] << ": usage: " << inv.argv[0]
                  << (readonly ? " [-aAf] [name[=value] ...] or readonly -p" : " [-fn] [name[=value] ...] or export -p") << "\n";
        return 2;
      }
    }
  }
  (void)functions;
  if (i >= inv.argv.size() || print) {
    std::map<std::string, const Var*> all;
    for (auto& [k, v] : sh.st.globals) all[k] = &v;
    for (auto& [k, v] : all) {
      if (readonly ? !v->readonly : !v->exported) continue;
      if ((indexed && (!v->is_array || v->assoc)) || (assoc && !v->assoc)) continue;
      inv.out() << declare_line(k, *v) << "\n";
    }
    return 0;
  }
  int status = 0;
  for (; i < inv.argv.size(); ++i) {
    const std::string& arg = inv.argv[i];
    size_t eq = assignment_eq(arg);
    std::string name = arg.substr(0, eq == std::string::npos ? arg.size() : eq);
    if (!name.empty() && name.back() == '+') name.pop_back();
    if (!is_name(name)) {
      // bash names an array element reference without its value.
      size_t lb = name.find('[');
      bool element = lb != std::string::npos && name.back() == ']' && is_name(name.substr(0, lb));
      berror(sh, inv, inv.argv[0] + ": `" + (element ? name : arg) + "': not a valid identifier");
      status = 1;
      continue;
    }
    Var* v = sh.find_var(name);
    if (eq != std::string::npos) {
      if (v && v->readonly) {
        berror(sh, inv, name + ": readonly variable");
        status = 1;
        continue;
      }
      if (indexed || assoc) {
        // readonly -a x=..., readonly -A x=(...): the kind applies before the value.
        if (!v) {
          v = &sh.st.globals[name];
          v->set = false;
        }
        if (assoc && !v->assoc) {
          if (v->is_array) {
            berror(sh, inv, inv.argv[0] + ": " + name + ": cannot convert indexed to associative array");
            status = 1;
            continue;
          }
          if (v->set) v->amap["0"] = v->value;
          v->value.clear();
          v->assoc = v->is_array = true;
        } else if (indexed && !v->is_array) {
          if (v->set) v->array[0] = v->value;
          v->value.clear();
          v->is_array = true;
        }
      }
      if (!declare_assign(sh, inv, arg, false, false, &v)) {
        status = 1;
        continue;
      }
    }
    if (!v) {
      v = &sh.st.globals[name];
      v->set = false;
    }
    if (readonly) v->readonly = true;
    else v->exported = !unexport;
  }
  return status;
}

int b_export(Interp& sh, Invocation& inv) { return export_like(sh, inv, false); }
int b_readonly(Interp& sh, Invocation& inv) { return export_like(sh, inv, true); }

int b_unset(Interp& sh, Invocation& inv) {
  bool funcs = false, vars_only = false, ref_itself = false;
  size_t i = 1;
  for (; i < inv.argv.size(); ++i) {
    const std::string& a = inv.argv[i];
    if (a == "--") {
      ++i;
      break;
    }
    if (a.size() < 2 || a[0] != '-') break;
    for (size_t k = 1; k < a.size(); ++k) {
      if (a[k] == 'f') funcs = true;
      else if (a[k] == 'v') vars_only = true;
      else if (a[k] == 'n') ref_itself = true;
      else {
        berror(sh, inv, "unset: -" + std::string(1, a[k]) + ": invalid option");
        inv.err() << "unset: usage: unset [-f] [-v] [-n] [name ...]\n";
        return 2;
      }
    }
  }
  int status = 0;
  for (; i < inv.argv.size(); ++i) {
    const std::string& name = inv.argv[i];
    if (funcs) {
      sh.st.functions.erase(name);
      continue;
    }
    size_t lb = name.find('[');
    if (lb != std::string::npos && name.back() == ']') {
      std::string base = name.substr(0, lb);
      std::string sub = name.substr(lb + 1, name.size() - lb - 2);
      Var* v = sh.find_var(base);
      if (!v) continue;
      if (sub != "@" && sub != "*" && !v->assoc) {
        // unset 'a[$i]': the subscript is expanded as in a[...]=v (an
        // associative array's key is expanded below)
        ParseError perr;
        Word w = parse_subscript_word(sub, perr);
        if (!perr) sub = sh.expand_word_string(w);
      }
      if (v->readonly) {
        berror(sh, inv, "unset: " + base + ": cannot unset: readonly variable");
        status = 1;
        continue;
      }
      if ((sub == "@" || sub == "*") && !v->assoc) {
        // An indexed array loses its elements but stays declared; bash
        // refuses a scalar. For an associative array "@" is just a key.
        if (!v->is_array) {
          berror(sh, inv, "unset: " + base + ": not an array variable");
          status = 1;
        } else {
          v->array.clear();
        }
        continue;
      }
      if (v->assoc) {
        // The key is expanded: unset 'A["k"]', unset 'A[$k]'.
        std::optional<Word> key = parse_subscript(sub);
        v->amap.erase(key ? sh.expand_word_string(*key) : sub);
        continue;
      }
      try {
        long long k = sh.arith_eval(sub);
        if (v->is_array) {
          if (k < 0 && !v->array.empty()) k += v->array.rbegin()->first + 1;
          if (k < 0) {
            berror(sh, inv, "unset: [" + sub + "]: bad array subscript");
            status = 1;
            continue;
          }
          v->array.erase(k);
        } else if (k == 0) {
          sh.unset_var(base);
        } else {
          berror(sh, inv, "unset: " + base + ": not an array variable");
          status = 1;
        }
      } catch (const ArithError& e) {
        berror(sh, inv, e.message);
        status = 1;
      }
      continue;
    }
    if (!is_name(name)) {
      berror(sh, inv, "unset: `" + name + "': not a valid identifier");
      status = 1;
      continue;
    }
    if (ref_itself) {
      // unset -n: the nameref, not what it names
      Var* ref = sh.find_var_noref(name);
      if (ref && ref->nameref) {
        if (ref->readonly) {
          berror(sh, inv, "unset: " + name + ": cannot unset: readonly variable");
          status = 1;
        } else {
          ref->nameref = false;
          sh.unset_var(name);
        }
        continue;
      }
    }
    Var* v = sh.find_var(name);
    if (!v && !vars_only && sh.st.functions.count(name)) {
      sh.st.functions.erase(name);
      continue;
    }
    if (!sh.unset_var(name)) {
      berror(sh, inv, "unset: " + name + ": cannot unset: readonly variable");
      status = 1;
    }
  }
  return status;
}

struct OptName {
  const char* name;
  bool ShellOptions::*field;
  char letter;
};

const OptName kSetOptions[] = {
    {"allexport", &ShellOptions::allexport, 'a'}, {"braceexpand", &ShellOptions::braceexpand, 'B'},
    {"errexit", &ShellOptions::errexit, 'e'},     {"hashall", &ShellOptions::hashall, 'h'},
    {"errtrace", &ShellOptions::errtrace, 'E'},   {"functrace", &ShellOptions::functrace, 'T'},
    {"noclobber", &ShellOptions::noclobber, 'C'}, {"noexec", &ShellOptions::noexec, 'n'},
    {"noglob", &ShellOptions::noglob, 'f'},       {"nounset", &ShellOptions::nounset, 'u'},
    {"pipefail", &ShellOptions::pipefail, 0},     {"verbose", &ShellOptions::verbose, 'v'},
    {"xtrace", &ShellOptions::xtrace, 'x'},       {"history", &ShellOptions::history, 0},
    {"posix", &ShellOptions::posix, 0},
};
const char* const kOtherSetOptions[] = {"emacs", "histexpand", "ignoreeof",
                                        "interactive-comments", "keyword", "monitor", "nolog", "notify",
                                        "onecmd", "physical", "privileged", "vi"};

// The value of a `set -o` option, whether it acts here or is only kept.
bool* set_option_field(Interp& sh, std::string_view name) {
  for (auto& o : kSetOptions)
    if (name == o.name) return &(sh.st.opts.*o.field);
  for (const char* o : kOtherSetOptions)
    if (name == o) {
      auto it = sh.st.inert_set_options.find(name);
      if (it == sh.st.inert_set_options.end())
        it = sh.st.inert_set_options.emplace(std::string(name), name == "interactive-comments").first;
      return &it->second;
    }
  return nullptr;
}

// Every `set -o` option with its value, in bash's (alphabetical) order.
std::vector<std::pair<std::string, bool>> set_option_states(Interp& sh) {
  std::vector<std::pair<std::string, bool>> all;
  for (auto& o : kSetOptions) all.push_back({o.name, sh.st.opts.*o.field});
  for (const char* o : kOtherSetOptions) all.push_back({o, *set_option_field(sh, o)});
  std::sort(all.begin(), all.end());
  return all;
}

// `set -o` as bash lists it ("name<TAB>on") or, for `set +o`, as commands.
void print_set_options(Interp& sh, Invocation& inv, bool as_commands, int only = -1) {
  for (auto& [name, val] : set_option_states(sh)) {
    if (only >= 0 && val != (only == 1)) continue;
    if (as_commands) {
      inv.out() << "set " << (val ? "-o " : "+o ") << name << "\n";
    } else {
      char buf[64];
      snprintf(buf, sizeof buf, "%-15s\t%s\n", name.c_str(), val ? "on" : "off");
      inv.out() << buf;
    }
  }
}

int b_set(Interp& sh, Invocation& inv) {
  auto& args = inv.argv;
  if (args.size() == 1) {
    std::map<std::string, const Var*> all;
    for (auto& [k, v] : sh.st.globals) all[k] = &v;
    for (auto& f : sh.st.frames)
      for (auto& [k, v] : f) all[k] = &v;
    for (auto& [k, v] : all) {
      if (!v->set) continue;
      if (v->is_array) {
        std::string line = declare_line(k, *v);
        inv.out() << k << "=" << line.substr(line.find('=') + 1) << "\n";
      } else {
        inv.out() << k << "=" << quote_for_shell(v->value) << "\n";
      }
    }
    return 0;
  }
  size_t i = 1;
  for (; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "--") {
      ++i;
      sh.st.positional.assign(args.begin() + i, args.end());
      return 0;
    }
    if (a == "+") continue;  // an empty set of flags, as bash reads it
    if (a == "-" ) {
      sh.st.opts.xtrace = sh.st.opts.verbose = false;
      ++i;
      break;
    }
    if (a.size() < 2 || (a[0] != '-' && a[0] != '+')) break;
    bool on = a[0] == '-';
    for (size_t k = 1; k < a.size(); ++k) {
      char c = a[k];
      if (c == 'o') {
        if (i + 1 >= args.size()) {
          print_set_options(sh, inv, !on);
          continue;
        }
        const std::string& name = args[++i];
        if (!sh.set_named_option(name, on)) {
          berror(sh, inv, "set: " + name + ": invalid option name");
          return 2;
        }
        continue;
      }
      bool found = false;
      if (c == 'H') *set_option_field(sh, "histexpand") = on;
      if (c == 'm') *set_option_field(sh, "monitor") = on;
      for (auto& o : kSetOptions)
        if (o.letter == c) {
          sh.st.opts.*o.field = on;
          found = true;
        }
      if (!found && !strchr("bhkmpPtTHE", c)) {
        berror(sh, inv, "set: " + std::string(1, a[0]) + std::string(1, c) + ": invalid option");
        inv.err() << "set: usage: set [-abefhkmnptuvxBCEHPT] [-o option-name] [--] [-] [arg ...]\n";
        return 2;
      }
    }
  }
  if (i < args.size()) sh.st.positional.assign(args.begin() + i, args.end());
  return 0;
}

struct ShoptName {
  const char* name;
  bool ShellOptions::*field;
};
const ShoptName kShopts[] = {
    {"dotglob", &ShellOptions::dotglob},     {"expand_aliases", &ShellOptions::expand_aliases},
    {"extdebug", &ShellOptions::extdebug},   {"extglob", &ShellOptions::extglob},
    {"failglob", &ShellOptions::failglob},
    {"globstar", &ShellOptions::globstar},   {"lastpipe", &ShellOptions::lastpipe},
    {"inherit_errexit", &ShellOptions::inherit_errexit},
    {"nocaseglob", &ShellOptions::nocaseglob}, {"nocasematch", &ShellOptions::nocasematch},
    {"nullglob", &ShellOptions::nullglob},
};
const char* const kOtherShopts[] = {"autocd", "assoc_expand_once", "cdable_vars", "cdspell", "checkhash",
                                    "checkjobs", "checkwinsize", "cmdhist", "compat31", "compat32", "compat40",
                                    "compat41", "compat42", "compat43", "compat44", "complete_fullquote",
                                    "direxpand", "dirspell", "execfail", "extquote", "force_fignore",
                                    "globasciiranges", "globskipdots", "gnu_errfmt", "histappend", "histreedit",
                                    "histverify", "hostcomplete", "huponexit",
                                    "interactive_comments", "lithist", "localvar_inherit", "localvar_unset",
                                    "login_shell", "mailwarn", "no_empty_cmd_completion", "noexpand_translation",
                                    "patsub_replacement", "progcomp", "progcomp_alias", "promptvars",
                                    "restricted_shell", "shift_verbose", "sourcepath", "varredir_close",
                                    "xpg_echo"};

}  // namespace

std::vector<std::string> set_option_names() {
  std::vector<std::string> names;
  for (auto& o : kSetOptions) names.push_back(o.name);
  for (const char* o : kOtherSetOptions) names.push_back(o);
  std::sort(names.begin(), names.end());
  return names;
}

std::vector<std::string> shopt_names() {
  std::vector<std::string> names;
  for (auto& o : kShopts) names.push_back(o.name);
  for (const char* o : kOtherShopts) names.push_back(o);
  std::sort(names.begin(), names.end());
  // bash lists autocd first.
  auto it = std::find(names.begin(), names.end(), "autocd");
  if (it != names.end()) std::rotate(names.begin(), it, it + 1);
  return names;
}

namespace {

// Options with no effect here keep their values in the shell's own state,
// starting from bash's defaults.
bool& inert_shopt(Interp& sh, const std::string& name) {
  auto it = sh.st.inert_shopts.find(name);
  if (it == sh.st.inert_shopts.end()) {
    static const std::string kOnByDefault =
        " checkwinsize cmdhist complete_fullquote extquote force_fignore globasciiranges globskipdots hostcomplete "
        "interactive_comments patsub_replacement progcomp promptvars sourcepath ";
    it = sh.st.inert_shopts.emplace(name, kOnByDefault.find(" " + name + " ") != std::string::npos).first;
  }
  return it->second;
}

// Every shopt option with its value, in bash's order (alphabetical).
std::vector<std::pair<std::string, bool>> shopt_states(Interp& sh) {
  std::vector<std::pair<std::string, bool>> all;
  for (auto& o : kShopts) all.push_back({o.name, sh.st.opts.*o.field});
  for (const char* o : kOtherShopts) all.push_back({o, inert_shopt(sh, o)});
  std::sort(all.begin(), all.end());
  return all;
}

int b_shopt(Interp& sh, Invocation& inv) {
  char mode = 0;
  bool quiet = false, print = false, o_mode = false;
  size_t i = 1;
  for (; i < inv.argv.size(); ++i) {
    const std::string& a = inv.argv[i];
    if (a.size() < 2 || a[0] != '-') break;
    for (size_t k = 1; k < a.size(); ++k) {
      if (a[k] == 's' || a[k] == 'u') mode = a[k];
      else if (a[k] == 'q') quiet = true;
      else if (a[k] == 'p') print = true;
      else if (a[k] == 'o') o_mode = true;
      else {
        berror(sh, inv, "shopt: -" + std::string(1, a[k]) + ": invalid option");
        inv.err() << "shopt: usage: shopt [-pqsu] [-o] [optname ...]\n";
        return 2;
      }
    }
  }
  // shopt -o works on the `set -o` options instead.
  auto lookup = [&](const std::string& name, bool** field) -> bool {
    *field = nullptr;
    if (o_mode) {
      *field = set_option_field(sh, name);
      return *field != nullptr;
    }
    for (auto& o : kShopts)
      if (name == o.name) {
        *field = &(sh.st.opts.*o.field);
        return true;
      }
    for (const char* o : kOtherShopts)
      if (name == o) {
        *field = &inert_shopt(sh, name);
        return true;
      }
    return false;
  };
  if (i >= inv.argv.size() && o_mode) {
    print_set_options(sh, inv, print, mode == 's' ? 1 : mode == 'u' ? 0 : -1);
    return 0;
  }
  if (i >= inv.argv.size()) {
    std::vector<std::pair<std::string, bool>> all = shopt_states(sh);
    // bash lists autocd first.
    for (size_t k = 0; k < all.size(); ++k)
      if (all[k].first == "autocd") std::rotate(all.begin(), all.begin() + k, all.begin() + k + 1);
    for (auto& [name, val] : all) {
      if (mode == 's' && !val) continue;
      if (mode == 'u' && val) continue;
      if (print) inv.out() << "shopt " << (val ? "-s " : "-u ") << name << "\n";
      else {
        char buf[64];
        snprintf(buf, sizeof buf, "%-15s\t%s\n", name.c_str(), val ? "on" : "off");
        inv.out() << buf;
      }
    }
    return 0;
  }
  int status = 0;
  for (; i < inv.argv.size(); ++i) {
    const std::string& name = inv.argv[i];
    bool* field;
    if (!lookup(name, &field)) {
      berror(sh, inv, "shopt: " + name + (o_mode ? ": invalid option name" : ": invalid shell option name"));
      status = 1;
      continue;
    }
    if (mode == 's' || mode == 'u') {
      if (o_mode) sh.set_named_option(name, mode == 's');
      else if (field) *field = mode == 's';
      // extdebug carries function and error tracing with it, as in bash.
      if (field == &sh.st.opts.extdebug) {
        sh.st.opts.functrace = sh.st.opts.errtrace = mode == 's';
        // From now on frames keep their arguments, on top of the positional parameters.
        if (mode == 's') sh.init_bash_argv();
      }
      continue;
    }
    bool val = field && *field;
    if (!val) status = 1;
    if (quiet) continue;
    if (print && o_mode) inv.out() << "set " << (val ? "-o " : "+o ") << name << "\n";
    else if (print) inv.out() << "shopt " << (val ? "-s " : "-u ") << name << "\n";
    else {
      char buf[64];
      snprintf(buf, sizeof buf, "%-15s\t%s\n", name.c_str(), val ? "on" : "off");
      inv.out() << buf;
    }
  }
  return status;
}

int b_getopts(Interp& sh, Invocation& inv) {
  if (inv.argv.size() < 3) {
    inv.err() << "getopts: usage: getopts optstring name [arg ...]\n";
    return 2;
  }
  std::string optstring = inv.argv[1];
  std::string var = inv.argv[2];
  std::vector<std::string> args;
  if (inv.argv.size() > 3) args.assign(inv.argv.begin() + 3, inv.argv.end());
  else args = sh.st.positional;
  bool silent = !optstring.empty() && optstring[0] == ':';
  if (silent) optstring = optstring.substr(1);
  long long optind = 1;
  parse_long(sh.get_var("OPTIND").value_or("1"), optind);
  if (optind < 1) optind = 1;
  int& ci = sh.st.getopts_char_index;
  // bash sets OPTIND and OPTARG first, then the name; a bad name fails the
  // call (status 1) but the scan still moves on.
  auto set_name = [&](const std::string& value) {
    if (is_name(var)) {
      sh.set_var(var, value);
      return 0;
    }
    berror(sh, inv, "getopts: `" + var + "': not a valid identifier");
    return 1;
  };
  if (ci == 0 && sh.last_optind_ != optind) ci = 0;
  auto finish_end = [&]() {
    sh.unset_var("OPTARG");
    sh.set_var("OPTIND", std::to_string(optind));
    ci = 0;
    sh.last_optind_ = optind;
    set_name("?");
    return 1;
  };
  // Past the arguments (an OPTIND left by another loop), OPTIND is pulled
  // back to just after the last one, as bash does.
  if (optind > static_cast<long long>(args.size())) {
    optind = static_cast<long long>(args.size()) + 1;
    return finish_end();
  }
  const std::string& cur = args[optind - 1];
  if (ci == 0) {
    if (cur.size() < 2 || cur[0] != '-') return finish_end();
    if (cur == "--") {
      ++optind;
      return finish_end();
    }
    ci = 1;
  }
  char c = cur[ci++];
  bool at_end = ci >= static_cast<int>(cur.size());
  auto advance = [&]() {
    if (at_end) {
      ++optind;
      ci = 0;
    }
  };
  size_t pos = optstring.find(c);
  if (pos == std::string::npos || c == ':') {
    advance();
    if (silent) {
      sh.set_var("OPTARG", std::string(1, c));
    } else {
      inv.out().flush();
      sh.write_err(sh.st.arg0 + ": illegal option -- " + std::string(1, c) + "\n");
      sh.unset_var("OPTARG");
    }
    sh.set_var("OPTIND", std::to_string(optind));
    sh.last_optind_ = optind;
    return set_name("?");
  }
  if (pos + 1 < optstring.size() && optstring[pos + 1] == ':') {
    if (!at_end) {
      sh.set_var("OPTARG", cur.substr(ci));
      ++optind;
      ci = 0;
    } else if (optind < static_cast<long long>(args.size())) {
      sh.set_var("OPTARG", args[optind]);
      optind += 2;
      ci = 0;
    } else {
      ++optind;
      ci = 0;
      if (silent) {
        sh.set_var("OPTARG", std::string(1, c));
      } else {
        inv.out().flush();
        sh.write_err(sh.st.arg0 + ": option requires an argument -- " + std::string(1, c) + "\n");
        sh.unset_var("OPTARG");
      }
      sh.set_var("OPTIND", std::to_string(optind));
      sh.last_optind_ = optind;
      return set_name(silent ? ":" : "?");
    }
  } else {
    advance();
    sh.unset_var("OPTARG");
  }
  sh.set_var("OPTIND", std::to_string(optind));
  sh.last_optind_ = optind;
  return set_name(std::string(1, c));
}

// Option changes show in SHELLOPTS and BASHOPTS at once.
int b_set_options(Interp& sh, Invocation& inv) {
  int status = b_set(sh, inv);
  sh.refresh_option_vars();
  return status;
}

int b_shopt_options(Interp& sh, Invocation& inv) {
  int status = b_shopt(sh, inv);
  sh.refresh_option_vars();
  return status;
}

std::string on_names(const std::vector<std::pair<std::string, bool>>& states) {
  std::string out;
  for (auto& [name, on] : states)
    if (on) out += (out.empty() ? "" : ":") + name;
  return out;
}

}  // namespace

int Interp::named_option(std::string_view name) {
  bool* field = set_option_field(*this, name);
  return field ? *field : -1;
}

bool Interp::set_named_option(std::string_view name, bool on) {
  bool* field = set_option_field(*this, name);
  if (!field) return false;
  *field = on;
  // The two editing modes exclude each other.
  if (on && (name == "emacs" || name == "vi")) *set_option_field(*this, name == "vi" ? "emacs" : "vi") = false;
  return true;
}

// bash keeps these readonly, and they follow every option change; exported,
// SHELLOPTS carries the set -o options into a new shell.
void Interp::refresh_option_vars() {
  std::pair<const char*, std::string> lists[] = {{"SHELLOPTS", on_names(set_option_states(*this))},
                                                 {"BASHOPTS", on_names(shopt_states(*this))}};
  for (auto& [name, value] : lists) {
    Var& v = st.globals[name];
    bool exported = v.exported;
    v = Var{};
    v.value = value;
    v.exported = exported;
    v.readonly = true;
  }
}

BURROW_BUILTIN(declare, "declare", b_declare, false);
BURROW_BUILTIN(typeset, "typeset", b_declare, false);
BURROW_BUILTIN(local, "local", b_local, false);
BURROW_BUILTIN(export_, "export", b_export, true);
BURROW_BUILTIN(readonly_, "readonly", b_readonly, true);
BURROW_BUILTIN(unset, "unset", b_unset, true);
BURROW_BUILTIN(set, "set", b_set_options, true);
BURROW_BUILTIN(shopt, "shopt", b_shopt_options, false);
BURROW_BUILTIN(getopts, "getopts", b_getopts, false);

}  // namespace burrow::shell
