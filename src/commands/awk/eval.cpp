// awk interpreter: expressions, statements, user functions, regexes.
#include <algorithm>
#include <cstring>

#include "process/stack_guard.h"
#include "commands/awk/runtime.h"

namespace burrow::awk {

const text::Regex& Interp::dynamic_regex(const std::string& re) {
  std::string key = re;
  key += ignorecase_ ? '\1' : '\0';
  auto it = regex_cache_.find(key);
  if (it != regex_cache_.end()) return *it->second;
  auto r = text::Regex::compile(translate_regex(re), text::Syntax::kExtended, regex_flags_ | (utf8_ ? unsigned(text::kUtf8) : 0u));
  if (!r) fatal("invalid regexp: " + r.error + ": /" + re + "/");
  if (regex_cache_.size() > 500) regex_cache_.clear();
  auto [pos, ok] = regex_cache_.emplace(std::move(key), r.regex);
  return *pos->second;
}

const text::Regex& Interp::regex_for(Node* n) {
  if (n->kind == NodeKind::kRegex) {
    if (ignorecase_) return dynamic_regex(n->str);
    if (!n->regex) {
      auto r = text::Regex::compile(translate_regex(n->str), text::Syntax::kExtended, utf8_ ? unsigned(text::kUtf8) : 0u);
      if (!r) fatal("invalid regexp: " + r.error + ": /" + n->str + "/");
      n->regex = r.regex;
    }
    return *n->regex;
  }
  return dynamic_regex(eval_str(n));
}

bool Interp::match_node(Node* re, std::string_view text) { return regex_for(re).matches(text); }

double Interp::eval_num(Node* n) {
  switch (n->kind) {
    case NodeKind::kNum: return n->num;
    case NodeKind::kVar:
    case NodeKind::kLocal: {
      Var& v = var_of(n);
      if (n->kind == NodeKind::kVar && n->index == kNF) return static_cast<double>(nf());
      return to_num(v.v);
    }
    case NodeKind::kField: {
      double d = eval_num(n->kid(0));
      if (d < 0) fatal("attempt to access field " + std::to_string(to_int(d)));
      long long i = to_int(d);
      if (i == 0) return str_to_num(record());
      if (i > nf()) return 0;
      return to_num(fields_[static_cast<size_t>(i)]);
    }
    default: return to_num(eval(n));
  }
}

std::string Interp::eval_str(Node* n) {
  switch (n->kind) {
    case NodeKind::kStr: return n->str;
    default: return to_str(eval(n));
  }
}

namespace {
double arith(Interp& in, int op, double a, double b) {
  switch (op) {
    case '+': return a + b;
    case '-': return a - b;
    case '*': return a * b;
    case '/':
      if (b == 0) in.fatal("division by zero attempted");
      return a / b;
    case '%':
      if (b == 0) in.fatal("division by zero attempted in `%'");
      return std::fmod(a, b);
    case '^': {
      // Integer exponents by repeated multiplication, as gawk does.
      if (b == std::floor(b) && std::fabs(b) < 1024) {
        long long e = to_int(std::fabs(b));
        double r = 1, x = a;
        while (e) {
          if (e & 1) r *= x;
          x *= x;
          e >>= 1;
        }
        return b < 0 ? 1 / r : r;
      }
      return std::pow(a, b);
    }
  }
  return 0;
}
}  // namespace

Value Interp::eval(Node* n) {
  if (stack_nearly_exhausted()) fatal("expression nested too deeply (sandbox limit)");
  struct Depth {
    int& d;
    Depth(Interp& in, int& depth) : d(depth) {
      if (++d > 2000) in.fatal("expression nested too deeply (sandbox limit)");
    }
    ~Depth() { --d; }
  } depth(*this, eval_depth_);
  switch (n->kind) {
    case NodeKind::kNum: return Value(n->num);
    case NodeKind::kStr: return Value(n->str);
    case NodeKind::kRegex: return Value(match_node(n, record()) ? 1.0 : 0.0);
    case NodeKind::kVar:
    case NodeKind::kLocal: {
      Var& v = var_of(n);
      if (v.arr) fatal("attempt to use array `" + n->str + "' in a scalar context");
      if (n->kind == NodeKind::kVar && n->index == kNF) nf();
      return v.v;
    }
    case NodeKind::kIndex: {
      std::string key = subscript(n, 1);
      Array& a = array_of(n->kid(0));
      if (a.map.size() >= kMaxArrayElements && !a.map.count(key)) fatal("too many array elements (sandbox limit)");
      return a.map[key];
    }
    case NodeKind::kField: {
      double d = eval_num(n->kid(0));
      if (d < 0) fatal("attempt to access field " + std::to_string(to_int(d)));
      long long i = to_int(d);
      if (i == 0) return Value::strnum(record());
      if (i > nf()) return Value::strnum("");
      return fields_[static_cast<size_t>(i)];
    }
    case NodeKind::kGroup:
      if (n->kids.size() == 1) return eval(n->kid(0));
      fatal("syntax error: list used as value");
    case NodeKind::kAssign: {
      Node* target = n->kid(0);
      Value rhs = eval(n->kid(1));
      if (n->op != '=') {
        double cur = eval_num(target);
        rhs = Value(arith(*this, n->op, cur, to_num(rhs)));
      } else if (rhs.kind == Value::kStr || rhs.kind == Value::kStrNum) {
        check_len(rhs.s.size());
      }
      Value copy = rhs;
      assign(target, std::move(rhs));
      return copy;
    }
    case NodeKind::kCondition:
      return to_bool(eval(n->kid(0))) ? eval(n->kid(1)) : eval(n->kid(2));
    case NodeKind::kAnd:
      return Value(to_bool(eval(n->kid(0))) && to_bool(eval(n->kid(1))) ? 1.0 : 0.0);
    case NodeKind::kOr:
      return Value(to_bool(eval(n->kid(0))) || to_bool(eval(n->kid(1))) ? 1.0 : 0.0);
    case NodeKind::kNot:
      return Value(to_bool(eval(n->kid(0))) ? 0.0 : 1.0);
    case NodeKind::kIn: {
      std::string key = subscript(n, 1);
      Array& a = array_of(n->kid(0));
      return Value(a.map.count(key) ? 1.0 : 0.0);
    }
    case NodeKind::kMatch:
    case NodeKind::kNotMatch: {
      std::string s = eval_str(n->kid(0));
      bool m = regex_for(n->kid(1)).matches(s);
      return Value((m != (n->kind == NodeKind::kNotMatch)) ? 1.0 : 0.0);
    }
    case NodeKind::kCompare: {
      Value a = eval(n->kid(0));
      Value b = eval(n->kid(1));
      int c = compare(a, b);
      bool r = false;
      switch (n->op) {
        case '<': r = c < 0; break;
        case 'l': r = c <= 0; break;
        case '=': r = c == 0; break;
        case '!': r = c != 0; break;
        case 'g': r = c >= 0; break;
        case '>': r = c > 0; break;
      }
      return Value(r ? 1.0 : 0.0);
    }
    case NodeKind::kConcat: {
      std::string s;
      // Flatten left-leaning chains.
      std::vector<Node*> parts;
      Node* cur = n;
      while (cur->kind == NodeKind::kConcat) {
        parts.push_back(cur->kid(1));
        cur = cur->kid(0);
      }
      parts.push_back(cur);
      for (auto it = parts.rbegin(); it != parts.rend(); ++it) {
        append_node(s, *it, false);
        check_len(s.size());
      }
      return Value(std::move(s));
    }
    case NodeKind::kBinary: {
      double a = eval_num(n->kid(0));
      double b = eval_num(n->kid(1));
      return Value(arith(*this, n->op, a, b));
    }
    case NodeKind::kUnary: {
      double a = eval_num(n->kid(0));
      return Value(n->op == '-' ? -a : a);
    }
    case NodeKind::kPreIncr:
    case NodeKind::kPreDecr:
    case NodeKind::kPostIncr:
    case NodeKind::kPostDecr: {
      Node* t = n->kid(0);
      double delta = (n->kind == NodeKind::kPreIncr || n->kind == NodeKind::kPostIncr) ? 1 : -1;
      double old, nv;
      if (t->kind == NodeKind::kIndex || (t->kind == NodeKind::kVar && t->index >= kSpecialCount) ||
          t->kind == NodeKind::kLocal) {
        Value& r = lvalue(t);
        old = to_num(r);
        nv = old + delta;
        r.set_num(nv);
      } else {
        old = eval_num(t);
        nv = old + delta;
        assign(t, Value(nv));
      }
      return Value((n->kind == NodeKind::kPreIncr || n->kind == NodeKind::kPreDecr) ? nv : old);
    }
    case NodeKind::kCall: return call(n);
    case NodeKind::kBuiltin: return builtin(n);
    case NodeKind::kGetline: {
      std::string rec;
      int r = getline_main(rec);
      if (r <= 0) return Value(static_cast<double>(r));
      globals_[kNR].v.set_num(to_num(globals_[kNR].v) + 1);
      globals_[kFNR].v.set_num(to_num(globals_[kFNR].v) + 1);
      if (n->kid(0)) {
        Value v;
        v.set_strnum(rec);
        assign(n->kid(0), std::move(v));
      } else {
        set_record(rec);
      }
      return Value(1.0);
    }
    case NodeKind::kFileGetline:
    case NodeKind::kCmdGetline: {
      bool is_cmd = n->kind == NodeKind::kCmdGetline;
      std::string name = eval_str(is_cmd ? n->kid(0) : n->kid(1));
      Node* target = is_cmd ? n->kid(1) : n->kid(0);
      auto it = readers_.find(name);
      if (it == readers_.end()) {
        auto r = std::make_unique<Reader>();
        if (is_cmd) {
          std::string out;
          run_command_capture(name, out);
          r->owned = std::make_unique<InStream>(make_string_source(std::move(out)));
          r->in = r->owned.get();
        } else if (name == "-" || name == "/dev/stdin") {
          r->in = &inv_.in();
        } else {
          vfs::FilePtr file;
          if (inv_.fs->open(inv_.path(name), O_RDONLY, 0, file)) return Value(-1.0);
          vfs::Stat st;
          if (!file->stat(st) && S_ISDIR(st.mode)) return Value(-1.0);
          r->owned = std::make_unique<InStream>(file);
          r->in = r->owned.get();
        }
        it = readers_.emplace(name, std::move(r)).first;
      }
      std::string rec;
      if (!read_record(*it->second, rec)) return Value(0.0);
      if (is_cmd) globals_[kNR].v.set_num(to_num(globals_[kNR].v) + 1);
      if (target) {
        Value v;
        v.set_strnum(rec);
        assign(target, std::move(v));
      } else {
        set_record(rec);
      }
      return Value(1.0);
    }
    default:
      fatal("internal error: bad expression node");
  }
}

Value Interp::call(Node* n) {
  Function& f = prog_.functions[static_cast<size_t>(n->index)];
  if (!f.defined) fatal("function `" + f.name + "' not defined");
  if (n->kids.size() > f.params.size()) {
    fatal("function `" + f.name + "' called with more arguments than declared");
  }
  uint32_t max_depth = inv_.limits ? inv_.limits->max_function_depth : 1000;
  if (static_cast<uint32_t>(call_depth_) >= max_depth || stack_nearly_exhausted())
    fatal("function call nesting too deep (sandbox limit)");
  std::vector<Var> frame(f.params.size());
  for (size_t i = 0; i < n->kids.size(); ++i) {
    Node* a = n->kid(i);
    if (a->kind == NodeKind::kVar || a->kind == NodeKind::kLocal) {
      Var& v = var_of(a);
      if (v.arr) {
        frame[i].arr = v.arr;
        continue;
      }
      if (v.v.kind == Value::kUninit && !(a->kind == NodeKind::kVar && a->index < kSpecialCount)) {
        // Untyped: becomes an array in the caller if the callee uses it as one.
        v.arr = std::make_shared<Array>();
        frame[i].arr = v.arr;
        lazy_arrays_.push_back(&v);
        continue;
      }
    }
    frame[i].v = eval(a);
  }
  frame_stack_.push_back(std::move(frame));
  ++call_depth_;
  Flow fl = exec(f.body.get());
  --call_depth_;
  frame_stack_.pop_back();
  Value result;
  if (fl == Flow::kReturn) {
    result = std::move(return_value_);
    return_value_ = Value();
  } else if (fl == Flow::kExit || fl == Flow::kNext || fl == Flow::kNextFile) {
    pending_flow_ = fl;
  }
  // Arrays created for untyped arguments that stayed empty revert to untyped.
  while (!lazy_arrays_.empty()) {
    Var* v = lazy_arrays_.back();
    lazy_arrays_.pop_back();
    if (v->arr && v->arr->map.empty() && v->arr.use_count() == 1) v->arr.reset();
  }
  return result;
}

Flow Interp::exec(Node* n) {
  if (!n) return Flow::kNormal;
  line_ = n->line;
  src_ = n->src;
  switch (n->kind) {
    case NodeKind::kBlock:
      for (auto& k : n->kids) {
        Flow f = exec(k.get());
        if (f != Flow::kNormal) return f;
      }
      return Flow::kNormal;
    case NodeKind::kNop: return Flow::kNormal;
    case NodeKind::kExprStmt:
      eval(n->kid(0));
      if (pending_flow_ != Flow::kNormal) {
        Flow f = pending_flow_;
        pending_flow_ = Flow::kNormal;
        return f;
      }
      return Flow::kNormal;
    case NodeKind::kPrint:
    case NodeKind::kPrintf: {
      Node* args = n->kid(0);
      std::string out;
      if (n->kind == NodeKind::kPrint) {
        if (args->kids.empty()) {
          out = record();
        } else {
          bool first = true;
          for (auto& a : args->kids) {
            if (!first) out += ofs_;
            first = false;
            append_node(out, a.get(), true);
          }
        }
        out += ors_;
      } else {
        if (args->kids.empty()) fatal("printf: no arguments");
        std::vector<Value> vals;
        vals.reserve(args->kids.size());
        for (auto& a : args->kids) vals.push_back(eval(a.get()));
        out = format(to_str(vals[0]), vals, 1, "printf");
      }
      check_len(out.size());
      OutStream& os = n->kid(1) ? output_for(n->kid(1), n->op) : inv_.out();
      os.write(out);
      if (!os.ok() && os.broken_pipe() && &os == &inv_.out()) throw Cancelled{};
      if (pending_flow_ != Flow::kNormal) {
        Flow f = pending_flow_;
        pending_flow_ = Flow::kNormal;
        return f;
      }
      return Flow::kNormal;
    }
    case NodeKind::kIf:
      if (to_bool(eval(n->kid(0)))) return exec(n->kid(1));
      return exec(n->kid(2));
    case NodeKind::kWhile:
      while (to_bool(eval(n->kid(0)))) {
        check_cancel();
        Flow f = exec(n->kid(1));
        if (f == Flow::kBreak) break;
        if (f == Flow::kContinue) continue;
        if (f != Flow::kNormal) return f;
      }
      return Flow::kNormal;
    case NodeKind::kDo:
      do {
        check_cancel();
        Flow f = exec(n->kid(0));
        if (f == Flow::kBreak) break;
        if (f == Flow::kContinue) continue;
        if (f != Flow::kNormal) return f;
      } while (to_bool(eval(n->kid(1))));
      return Flow::kNormal;
    case NodeKind::kFor:
      for (exec(n->kid(0)); !n->kid(1) || to_bool(eval(n->kid(1))); exec(n->kid(2))) {
        check_cancel();
        Flow f = exec(n->kid(3));
        if (f == Flow::kBreak) break;
        if (f == Flow::kContinue) continue;
        if (f != Flow::kNormal) return f;
      }
      return Flow::kNormal;
    case NodeKind::kForIn: {
      Array& a = array_of(n->kid(1));
      std::shared_ptr<Array> keep = var_of(n->kid(1)).arr;
      std::vector<std::string> keys = sorted_keys(a);
      for (auto& k : keys) {
        check_cancel();
        if (!a.map.count(k)) continue;
        Value kv;
        kv.set_strnum(k);
        assign(n->kid(0), std::move(kv));
        Flow f = exec(n->kid(2));
        if (f == Flow::kBreak) break;
        if (f == Flow::kContinue) continue;
        if (f != Flow::kNormal) return f;
      }
      return Flow::kNormal;
    }
    case NodeKind::kBreak: return Flow::kBreak;
    case NodeKind::kContinue: return Flow::kContinue;
    case NodeKind::kNext:
      if (in_begin_end_) fatal("`next' used in BEGIN or END action");
      return Flow::kNext;
    case NodeKind::kNextFile: return Flow::kNextFile;
    case NodeKind::kExit:
      if (n->kid(0)) exit_status_ = static_cast<int>(to_int(eval_num(n->kid(0)))) & 0xff;
      return Flow::kExit;
    case NodeKind::kReturn:
      return_value_ = n->kid(0) ? eval(n->kid(0)) : Value();
      return Flow::kReturn;
    case NodeKind::kDelete: {
      std::string key = subscript(n, 1);
      array_of(n->kid(0)).map.erase(key);
      return Flow::kNormal;
    }
    case NodeKind::kDeleteAll:
      array_of(n->kid(0)).map.clear();
      return Flow::kNormal;
    default:
      eval(n);
      return Flow::kNormal;
  }
}

}  // namespace burrow::awk
