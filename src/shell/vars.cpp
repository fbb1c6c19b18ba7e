// Variables: dynamic scoping through function frames, special parameters,
// dynamic variables (RANDOM, SECONDS, LINENO, ...) and the exported environment.
#include <algorithm>

#include "shell/interp.h"

namespace burrow::shell {

Var* Interp::find_var(std::string_view name) {
  Var* v = find_var_noref(name);
  if (!v || !v->nameref || !v->set) return v;
  return find_var_noref(resolve_nameref(name));
}

std::string Interp::resolve_nameref(std::string_view name) {
  std::string cur(name);
  // A chain that comes back on itself names nothing: "" (bash's circular name reference).
  for (int depth = 0; depth < 16; ++depth) {
    Var* v = find_var_noref(cur);
    if (!v || !v->nameref || !v->set || v->value.empty() || v->value == cur) return cur;
    cur = v->value;
    if (cur == name) return "";
  }
  return "";
}

bool Interp::circular_nameref(std::string_view name) {
  Var* v = find_var_noref(name);
  if (!v || !v->nameref || !resolve_nameref(name).empty()) return false;
  error("warning: " + std::string(name) + ": circular name reference");
  return true;
}

Var* Interp::find_var_noref(std::string_view name) {
  for (auto it = st.frames.rbegin(); it != st.frames.rend(); ++it) {
    auto f = it->find(name);
    if (f != it->end()) return &f->second;
  }
  // The call-stack arrays are read off the interpreter's stacks when asked for.
  if (name.size() >= 8 && (name[0] == 'B' || name[0] == 'F') && refresh_call_stack_var(name))
    return &st.globals.find(name)->second;
  auto g = st.globals.find(name);
  return g == st.globals.end() ? nullptr : &g->second;
}

std::optional<std::string> Interp::special_param(std::string_view name) {
  if (name.empty()) return std::nullopt;
  char c = name[0];
  if (isdigit(static_cast<unsigned char>(c))) {
    size_t n = 0;
    for (char d : name) {
      if (!isdigit(static_cast<unsigned char>(d))) return std::nullopt;
      n = n * 10 + (d - '0');
      if (n > 1000000) return std::nullopt;
    }
    if (n == 0) return st.arg0;
    if (n <= st.positional.size()) return st.positional[n - 1];
    return std::nullopt;
  }
  if (name.size() == 1) {
    switch (c) {
      case '?': return std::to_string(st.last_status);
      case '#': return std::to_string(st.positional.size());
      case '$': return std::to_string(st.pid);
      case '!':
        if (st.last_bg_pid == 0) return std::nullopt;
        return std::to_string(st.last_bg_pid);
      case '_': return st.last_arg;
      case '-': {
        std::string f;
        if (st.opts.allexport) f += 'a';
        if (st.opts.errexit) f += 'e';
        if (st.opts.noglob) f += 'f';
        if (st.opts.hashall) f += 'h';
        if (st.interactive || st.opts.interactive) f += 'i';
        if (st.opts.nounset) f += 'u';
        if (st.opts.verbose) f += 'v';
        if (st.opts.xtrace) f += 'x';
        if (st.opts.braceexpand) f += 'B';
        if (st.opts.noclobber) f += 'C';
        if (st.opts.errtrace) f += 'E';
        if (st.opts.functrace) f += 'T';
        f += 'c';
        return f;
      }
      case '@':
      case '*': {
        std::string out;
        for (size_t i = 0; i < st.positional.size(); ++i) {
          if (i) out += ' ';
          out += st.positional[i];
        }
        return out;
      }
    }
  }
  if (name == "RANDOM") {
    Var* v = find_var(name);
    if (v && !v->set) return std::nullopt;
    return std::to_string((*st.random)() % 32768);
  }
  if (name == "SECONDS") {
    auto secs = std::chrono::duration_cast<std::chrono::seconds>(std::chrono::steady_clock::now() - st.start_time).count();
    return std::to_string(secs + st.seconds_base);
  }
  if (name == "LINENO") return std::to_string(st.lineno);
  if (name == "BASH_COMMAND") return bash_command();
  if (name == "BASHPID") return std::to_string(st.bashpid);
  if (name == "PPID") return std::to_string(st.ppid);
  if (name == "BASH_SUBSHELL") return std::to_string(st.subshell_level);
  if (name == "EPOCHSECONDS") return std::to_string(std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count());
  if (name == "EPOCHREALTIME") {
    auto us = std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::system_clock::now().time_since_epoch()).count();
    char buf[64];
    snprintf(buf, sizeof buf, "%lld.%06lld", static_cast<long long>(us / 1000000), static_cast<long long>(us % 1000000));
    return std::string(buf);
  }
  if (name == "SRANDOM") return std::to_string((*st.random)());
  return std::nullopt;
}

std::optional<std::string> Interp::get_var(std::string_view name) {
  if (Var* v = find_var(name)) {
    if (!v->set) return std::nullopt;
    if (v->assoc) {
      auto it = v->amap.find("0");
      if (it == v->amap.end()) return std::nullopt;
      return it->second;
    }
    if (v->is_array) {
      auto it = v->array.find(0);
      if (it == v->array.end()) return std::nullopt;
      return it->second;
    }
    return v->value;
  }
  return special_param(name);
}

bool Interp::set_var(std::string_view name, std::string value, bool append) {
  if (value.size() > ctx->limits.max_string_bytes) {
    ctx->hit_limit("string too long (max " + std::to_string(ctx->limits.max_string_bytes) + " bytes)");
    check_cancel();
  }
  if (name == "PATH") st.hashed.clear();  // any assignment empties the hash table
  Var* v = find_var(name);
  if (!v) {
    std::string target = resolve_nameref(name);
    if (target.empty()) {
      circular_nameref(name);
      return true;
    }
    size_t lb = target.find('[');
    if (target != name && lb != std::string::npos && lb > 0 && target.back() == ']')
      return set_element(target.substr(0, lb), target.substr(lb + 1, target.size() - lb - 2), std::move(value), append);
    if (name == "RANDOM") {
      st.random->seed(static_cast<unsigned>(std::atoll(value.c_str())));
      return true;
    }
    if (name == "SECONDS") {
      st.start_time = std::chrono::steady_clock::now();
      st.seconds_base = std::atoll(value.c_str());
      return true;
    }
    v = &st.globals[resolve_nameref(name)];
    v->set = false;
    if (st.opts.allexport) v->exported = true;
  }
  if (v->readonly) return false;
  if (v->integer) {
    long long cur = 0;
    if (append && v->set) cur = std::atoll(v->value.c_str());
    long long n;
    try {
      n = arith_eval(value);
    } catch (const ArithError& e) {
      error(e.message);
      throw FatalSignal{1};
    }
    value = std::to_string(append ? cur + n : n);
    append = false;
  }
  if (v->assoc) {
    std::string& slot = v->amap["0"];
    slot = append ? slot + value : value;
  } else if (v->is_array) {
    std::string& slot = v->array[0];
    slot = append ? slot + value : value;
  } else {
    if (append && v->set) v->value += value;
    else v->value = std::move(value);
  }
  v->set = true;
  // Assigning HISTSIZE / HISTFILESIZE trims the history / its file at once.
  if (name.size() > 4 && name.compare(0, 4, "HIST") == 0) history_var_assigned(*this, std::string(name));
  return true;
}

// NAME[KEY]=value, for a nameref whose target is an element (declare -n r='a[2]').
bool Interp::set_element(const std::string& name, const std::string& key, std::string value, bool append) {
  Var* v = find_var(name);
  if (!v) {
    v = &st.globals[name];
    v->set = false;
  }
  if (v->readonly) return false;
  if (v->assoc) {
    std::string& slot = v->amap[key];
    slot = append ? slot + value : value;
    v->set = true;
    return true;
  }
  long long idx;
  try {
    idx = arith_eval(key);
  } catch (const ArithError& e) {
    error(e.message);
    throw FatalSignal{1};
  }
  if (!v->is_array) {
    v->is_array = true;
    if (v->set) v->array[0] = v->value;
    v->value.clear();
  }
  if (idx < 0 && !v->array.empty()) idx += v->array.rbegin()->first + 1;
  if (idx < 0) {
    error(name + "[" + key + "]: bad array subscript");
    return true;
  }
  std::string& slot = v->array[idx];
  slot = append ? slot + value : value;
  v->set = true;
  return true;
}

bool Interp::unset_var(std::string_view name_or_ref) {
  std::string resolved = resolve_nameref(name_or_ref);
  if (resolved.empty()) resolved = name_or_ref;  // a circular reference: the nameref itself
  std::string_view name = resolved;
  for (auto it = st.frames.rbegin(); it != st.frames.rend(); ++it) {
    auto f = it->find(name);
    if (f != it->end()) {
      if (f->second.readonly) return false;
      if (it != st.frames.rbegin()) {
        // a caller's local: it goes, and what it shadowed shows again
        it->erase(f);
        return true;
      }
      // bash: unsetting a local of the running function leaves it unset in that scope.
      f->second = Var{};
      f->second.set = false;
      return true;
    }
  }
  auto g = st.globals.find(name);
  if (g != st.globals.end()) {
    if (g->second.readonly) return false;
    st.globals.erase(g);
  }
  return true;
}

VarMap* Interp::function_scope() {
  for (size_t i = st.frames.size(); i-- > 0;)
    if (std::find(temp_env_frames_.begin(), temp_env_frames_.end(), i) == temp_env_frames_.end()) return &st.frames[i];
  return nullptr;
}

Var& Interp::declare_local(std::string_view name) {
  VarMap* scope = function_scope();
  VarMap& frame = scope ? *scope : st.globals;
  auto it = frame.find(name);
  if (it != frame.end()) return it->second;
  Var v;
  v.set = false;
  // `local x` keeps the exported flag only when declared; value starts unset.
  return frame[std::string(name)] = v;
}

Environment Interp::build_env() {
  Environment env;
  for (auto& [k, v] : st.globals)
    if (v.exported && v.set && !v.is_array) env[k] = v.value;
  for (auto& f : st.frames)
    for (auto& [k, v] : f) {
      if (v.exported && v.set && !v.is_array) env[k] = v.value;
      else env.erase(k);
    }
  // Locals that shadow an exported global without export hide it.
  return env;
}

namespace {

// Expands every element of `name=(...)` in order, before anything is
// assigned. A keyed element of an indexed array whose value brace-expands to
// several words is no longer an assignment to bash: each word becomes a plain
// element.
std::vector<ArrayLiteralItem> expand_array_literal(Interp& sh, const Assignment& a, bool assoc) {
  std::vector<ArrayLiteralItem> items;
  for (const ArrayElem& el : a.elems) {
    if (!el.has_key) {
      std::vector<std::string> words;
      sh.expand_word_into(el.value, words);
      for (std::string& w : words) {
        ArrayLiteralItem it;
        it.raw = words.size() == 1 ? el.value.raw : w;
        it.value = std::move(w);
        items.push_back(std::move(it));
      }
      continue;
    }
    std::string op = el.append ? "+=" : "=";
    std::string key = sh.expand_word_string(el.key);
    if (!assoc && sh.may_brace_expand(el.value)) {
      std::vector<Word> alternatives = sh.brace_expand_word(el.value);
      if (alternatives.size() > 1) {
        for (const Word& bw : alternatives) {
          ArrayLiteralItem it;
          it.value = "[" + key + "]" + op + sh.expand_word_string(bw);
          it.raw = it.value;
          items.push_back(std::move(it));
        }
        continue;
      }
    }
    ArrayLiteralItem it;
    it.keyed = true;
    it.append = el.append;
    it.key = std::move(key);
    it.value = assoc ? sh.expand_word_string(el.value.clone_tildes_as_text()) : sh.expand_word_string(el.value);
    it.raw = "[" + el.key_raw + "]" + op + el.value.raw;
    items.push_back(std::move(it));
  }
  return items;
}

}  // namespace

void Interp::assign_array_literal(std::string_view name, Var& v, const std::vector<ArrayLiteralItem>& items, bool append) {
  std::string label(name);
  if (v.assoc) {
    if (!items.empty() && !items[0].keyed) {
      // bash 5.1: (key value key value ...); a keyed element is taken as
      // its text, and an odd last key gets "".
      if (!append) v.amap.clear();
      auto text = [](const ArrayLiteralItem& it) {
        return it.keyed ? "[" + it.key + "]" + (it.append ? "+=" : "=") + it.value : it.value;
      };
      for (size_t i = 0; i < items.size(); i += 2) v.amap[text(items[i])] = i + 1 < items.size() ? text(items[i + 1]) : "";
      v.set = true;
      return;
    }
    // `A=([k]+=v)` appends to k's value from before the assignment (bash 5.2).
    AssocMap before;
    if (!append) std::swap(before, v.amap);
    for (const ArrayLiteralItem& it : items) {
      if (!it.keyed) {
        error(label + ": " + it.raw + ": must use subscript when assigning associative array");
        continue;
      }
      if (it.key.empty()) {
        error(it.raw + ": bad array subscript");
        continue;
      }
      if (!it.append) {
        v.amap[it.key] = it.value;
      } else if (append) {
        v.amap[it.key] += it.value;
      } else {
        auto old = before.find(it.key);
        v.amap[it.key] = (old == before.end() ? std::string() : old->second) + it.value;
      }
    }
    v.set = true;
    return;
  }
  if (!v.is_array) {
    if (append && v.set) v.array[0] = v.value;
    v.value.clear();
    v.is_array = true;
  } else if (!append) {
    v.array.clear();
  }
  v.set = true;
  // Keys are evaluated one by one against the array as it is being filled.
  auto eval = [&](const std::string& expr) {
    try {
      return arith_eval(expr);
    } catch (const ArithError& e) {
      error(e.message);
      throw FatalSignal{1};
    }
  };
  long long next = v.array.empty() ? 0 : v.array.rbegin()->first + 1;
  for (const ArrayLiteralItem& it : items) {
    long long k = next;
    if (it.keyed) {
      k = eval(it.key);
      if (k < 0 && !v.array.empty()) k += v.array.rbegin()->first + 1;
      if (k < 0) {
        error(it.raw + ": bad array subscript");
        continue;
      }
    }
    std::string value = it.value;
    bool add = it.append && v.array.count(k);
    if (v.integer) {
      long long n = eval(value);
      if (add) n += std::atoll(v.array[k].c_str());
      value = std::to_string(n);
      add = false;
    }
    if (add) v.array[k] += value;
    else v.array[k] = std::move(value);
    next = k + 1;
  }
}

void Interp::assign(const Assignment& a, bool local) {
  if (!local && circular_nameref(a.name)) throw DiscardSignal{};
  if (!local && (a.has_index || a.is_array)) {
    // ref[0]=x or ref=(...) through a nameref to an element: bash refuses the spelled target
    std::string target = resolve_nameref(a.name);
    if (target != a.name && target.find('[') != std::string::npos) {
      error("`" + target + "': not a valid identifier");
      throw DiscardSignal{};
    }
  }
  Var* existing = find_var(a.name);
  if (existing && existing->readonly) {
    error(a.name + ": readonly variable");
    throw DiscardSignal{};
  }
  if (local) declare_local(a.name);
  if (a.is_array) {
    if (a.has_index) {
      error(a.name + "[" + a.index_raw + "]: cannot assign list to array member");
      throw DiscardSignal{};
    }
    Var* v = find_var(a.name);
    bool assoc = v && v->assoc;
    std::vector<ArrayLiteralItem> items = expand_array_literal(*this, a, assoc);
    v = find_var(a.name);  // expansions may have created variables
    if (!v) {
      v = &st.globals[a.name];
      v->set = false;
    }
    assign_array_literal(a.name, *v, items, a.append);
    return;
  }
  std::string value = expand_word_string(a.value);
  if (a.has_index) {
    if (Var* av = find_var(a.name); av && av->assoc) {
      std::string k = expand_word_string(a.index);
      if (a.append) av->amap[k] += value;
      else av->amap[k] = value;
      av->set = true;
      return;
    }
    long long idx;
    try {
      idx = arith_eval(expand_word_string(a.index));
    } catch (const ArithError& e) {
      error(e.message);
      throw FatalSignal{1};
    }
    Var* v = find_var(a.name);
    if (!v) {
      v = &st.globals[a.name];
      v->set = false;
    }
    if (!v->is_array) {
      v->is_array = true;
      if (v->set) v->array[0] = v->value;
      v->value.clear();
    }
    if (idx < 0 && !v->array.empty()) idx += v->array.rbegin()->first + 1;
    if (idx < 0) {
      error(a.name + "[" + a.index_raw + "]: bad array subscript");
      throw DiscardSignal{};
    }
    if (v->integer) {
      try {
        value = std::to_string(arith_eval(value) + (a.append ? std::atoll(v->array[idx].c_str()) : 0));
      } catch (const ArithError& e) {
        error(e.message);
        throw FatalSignal{1};
      }
      v->array[idx] = value;
    } else if (a.append) {
      v->array[idx] += value;
    } else {
      v->array[idx] = value;
    }
    v->set = true;
    return;
  }
  if (!set_var(a.name, value, a.append)) {
    error(a.name + ": readonly variable");
    throw DiscardSignal{};
  }
}

}  // namespace burrow::shell
