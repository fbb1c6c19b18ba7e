// awk interpreter: evaluation, statements, records and fields.
#include <algorithm>
#include <cinttypes>
#include <cstring>

#include "commands/awk/runtime.h"

namespace burrow::awk {

namespace {

inline bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\n'; }

// awk's string-to-number: leading blanks, an optional sign, a decimal number.
double parse_number(std::string_view s, size_t* used = nullptr) {
  size_t i = 0;
  while (i < s.size() && (is_blank(s[i]) || s[i] == '\r' || s[i] == '\f' || s[i] == '\v')) ++i;
  size_t start = i;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
  // gawk accepts +inf/-inf/+nan/-nan with an explicit sign.
  if (i > start && i + 3 <= s.size()) {
    std::string w(s.substr(i, 3));
    for (auto& c : w) c = static_cast<char>(tolower(c));
    if (w == "inf" || w == "nan") {
      if (used) *used = i + 3;
      double v = w == "inf" ? INFINITY : NAN;
      return s[start] == '-' ? -v : v;
    }
  }
  size_t digits = 0;
  while (i < s.size() && isdigit(static_cast<unsigned char>(s[i]))) ++i, ++digits;
  if (i < s.size() && s[i] == '.') {
    ++i;
    while (i < s.size() && isdigit(static_cast<unsigned char>(s[i]))) ++i, ++digits;
  }
  if (digits == 0) {
    if (used) *used = 0;
    return 0;
  }
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    size_t k = i + 1;
    if (k < s.size() && (s[k] == '+' || s[k] == '-')) ++k;
    if (k < s.size() && isdigit(static_cast<unsigned char>(s[k]))) {
      i = k;
      while (i < s.size() && isdigit(static_cast<unsigned char>(s[i]))) ++i;
    }
  }
  if (used) *used = i;
  char small[64];
  size_t len = i - start;
  if (len < sizeof small) {
    memcpy(small, s.data() + start, len);
    small[len] = 0;
    return strtod(small, nullptr);
  }
  return strtod(std::string(s.substr(start, len)).c_str(), nullptr);
}

bool looks_numeric(std::string_view s) {
  size_t used = 0;
  parse_number(s, &used);
  if (used == 0) return false;
  while (used < s.size() && (is_blank(s[used]) || s[used] == '\r' || s[used] == '\f' || s[used] == '\v')) ++used;
  return used == s.size();
}

}  // namespace

double str_to_num(std::string_view s) { return parse_number(s); }

Interp::Interp(Invocation& inv, Program& prog, std::string progname)
    : inv_(inv), prog_(prog), progname_(std::move(progname)) {
  globals_.resize(prog.globals.size());
  globals_[kFS].v.set_str(" ");
  globals_[kOFS].v.set_str(" ");
  globals_[kORS].v.set_str("\n");
  globals_[kRS].v.set_str("\n");
  globals_[kSUBSEP].v.set_str("\034");
  globals_[kCONVFMT].v.set_str("%.6g");
  globals_[kOFMT].v.set_str("%.6g");
  globals_[kNR].v.set_num(0);
  globals_[kFNR].v.set_num(0);
  globals_[kNF].v.set_num(0);
  globals_[kRSTART].v.set_num(0);
  globals_[kRLENGTH].v.set_num(-1);
  globals_[kIGNORECASE].v.set_num(0);
  globals_[kFILENAME].v.set_str("");
  globals_[kRT].v.set_str("");
  globals_[kFIELDWIDTHS].v.set_str("");
  globals_[kFPAT].v.set_str("[^[:space:]]+");
  globals_[kBINMODE].v.set_num(0);
  globals_[kERRNO].v.set_str("");
  globals_[kTEXTDOMAIN].v.set_str("messages");
  globals_[kENVIRON].arr = std::make_shared<Array>();
  if (inv.env) {
    for (const auto& [k, v] : *inv.env) globals_[kENVIRON].arr->map[k] = Value::strnum(v);
  }
  globals_[kPROCINFO].arr = std::make_shared<Array>();
  auto& pi = globals_[kPROCINFO].arr->map;
  pi["version"] = Value(std::string("5.2.1"));
  pi["FS"] = Value(std::string("FS"));
  pi["pid"] = Value(1000.0);
  pi["ppid"] = Value(1.0);
  pi["uid"] = Value(1000.0);
  pi["gid"] = Value(1000.0);
  pi["euid"] = Value(1000.0);
  pi["egid"] = Value(1000.0);
  pi["strftime"] = Value(std::string("%a %b %e %H:%M:%S %Z %Y"));
  globals_[kARGV].arr = std::make_shared<Array>();
  utf8_ = text::locale_is_utf8(inv.getenv("LC_ALL"), inv.getenv("LC_CTYPE"), inv.getenv("LANG"));
  fields_.resize(16);
}

void Interp::fatal(const std::string& msg) {
  std::string src_name = static_cast<size_t>(src_) < prog_.source_names.size() ? prog_.source_names[static_cast<size_t>(src_)] : "cmd. line";
  std::string where = prog_.rules.empty() && prog_.functions.empty() ? "" : src_name + ":" + std::to_string(line_) + ": ";
  if (in_main_rules_) {
    std::string fn = to_str(globals_[kFILENAME].v);
    where += "(FILENAME=" + (fn.empty() ? std::string("-") : fn) + " FNR=" + to_str(globals_[kFNR].v) + ") ";
  }
  throw Fatal{progname_ + ": " + where + "fatal: " + msg, true};
}

void Interp::warning(const std::string& msg) {
  flush_all();
  std::string src_name = static_cast<size_t>(src_) < prog_.source_names.size() ? prog_.source_names[static_cast<size_t>(src_)] : "cmd. line";
  inv_.err() << progname_ << ": " << src_name << ":" << std::to_string(line_) << ": warning: " << msg << "\n";
}

// ---------------- values ----------------

std::string Interp::num_to_str(double d, const std::string& fmt) const {
  if (std::isnan(d)) return std::signbit(d) ? "-nan" : "+nan";
  if (std::isinf(d)) return d < 0 ? "-inf" : "+inf";
  char buf[512];
  if (d == std::floor(d)) {
    if (std::fabs(d) < 1e18) {
      long long v = to_int(d);
      int n = snprintf(buf, sizeof buf, "%lld", v);
      return std::string(buf, n);
    }
    int n = snprintf(buf, sizeof buf, "%.0f", d);
    return std::string(buf, static_cast<size_t>(std::min(n, 511)));
  }
  char conv = fmt.empty() ? 0 : fmt.back();
  if (conv == 'd' || conv == 'i' || conv == 'x' || conv == 'X' || conv == 'o' || conv == 'u' || conv == 'c') {
    std::string f = fmt.substr(0, fmt.size() - 1) + "lld";
    if (conv != 'd' && conv != 'i' && conv != 'c') f.back() = conv;
    int n = snprintf(buf, sizeof buf, f.c_str(), to_int(d));
    return std::string(buf, static_cast<size_t>(std::max(0, std::min(n, 511))));
  }
  if (fmt.find('s') != std::string::npos || fmt.find('%') == std::string::npos) return std::to_string(d);
  int n = snprintf(buf, sizeof buf, fmt.c_str(), d);
  if (n < 0) return "";
  if (n >= static_cast<int>(sizeof buf)) {
    std::string big(static_cast<size_t>(n) + 1, '\0');
    snprintf(big.data(), big.size(), fmt.c_str(), d);
    big.resize(n);
    return big;
  }
  return std::string(buf, n);
}

double Interp::to_num(const Value& v) const {
  switch (v.kind) {
    case Value::kNum: return v.n;
    case Value::kUninit: return 0;
    default:
      if (!v.num_valid) {
        v.n = parse_number(v.s);
        v.num_valid = true;
      }
      return v.n;
  }
}

std::string Interp::to_str(const Value& v) const {
  if (v.kind == Value::kNum) return num_to_str(v.n, convfmt_);
  if (v.kind == Value::kUninit) return "";
  return v.s;
}

std::string Interp::to_out_str(const Value& v) const {
  if (v.kind == Value::kNum) return num_to_str(v.n, ofmt_);
  if (v.kind == Value::kUninit) return "";
  return v.s;
}

void Interp::append_node(std::string& out, Node* n, bool output) {
  if (n->kind == NodeKind::kStr) {
    out += n->str;
    return;
  }
  if (n->kind == NodeKind::kField) {
    double d = eval_num(n->kid(0));
    if (d < 0) fatal("attempt to access field " + std::to_string(to_int(d)));
    long long i = to_int(d);
    if (i == 0) {
      out += record();
      return;
    }
    if (i > nf()) return;
    append_str(out, fields_[static_cast<size_t>(i)], output);
    return;
  }
  append_str(out, eval(n), output);
}

void Interp::append_str(std::string& out, const Value& v, bool output) const {
  if (v.kind == Value::kNum) {
    double d = v.n;
    if (d == std::floor(d) && std::fabs(d) < 1e18) {
      char buf[32];
      int n = snprintf(buf, sizeof buf, "%lld", to_int(d));
      out.append(buf, n);
      return;
    }
    out += num_to_str(d, output ? ofmt_ : convfmt_);
  } else if (v.kind != Value::kUninit) {
    out += v.s;
  }
}

bool Interp::is_numeric(const Value& v) const {
  if (v.kind == Value::kNum || v.kind == Value::kUninit) return true;
  if (v.kind == Value::kStr) return false;
  if (v.strnum_state < 0) v.strnum_state = looks_numeric(v.s) ? 1 : 0;
  return v.strnum_state == 1;
}

bool Interp::to_bool(const Value& v) const {
  switch (v.kind) {
    case Value::kNum: return v.n != 0;
    case Value::kUninit: return false;
    case Value::kStr: return !v.s.empty();
    case Value::kStrNum:
      if (is_numeric(v)) return to_num(v) != 0;
      return !v.s.empty();
  }
  return false;
}

int Interp::compare(const Value& a, const Value& b) const {
  if (is_numeric(a) && is_numeric(b)) {
    double x = to_num(a), y = to_num(b);
    if (x < y) return -1;
    if (x > y) return 1;
    if (x == y) return 0;
    // NaN: gawk orders it consistently; treat as equal-ish.
    return std::isnan(x) ? (std::isnan(y) ? 0 : 1) : -1;
  }
  std::string sa = to_str(a), sb = to_str(b);
  if (ignorecase_) {
    for (auto& c : sa) c = static_cast<char>(tolower(static_cast<unsigned char>(c)));
    for (auto& c : sb) c = static_cast<char>(tolower(static_cast<unsigned char>(c)));
  }
  int c = sa.compare(sb);
  return c < 0 ? -1 : c > 0 ? 1 : 0;
}

// ---------------- variables ----------------

Var& Interp::var_of(Node* n) {
  if (n->kind == NodeKind::kLocal) return frame_stack_.back()[static_cast<size_t>(n->index)];
  return globals_[static_cast<size_t>(n->index)];
}

Array& Interp::array_of(Node* n) {
  Var& v = var_of(n);
  if (!v.arr) {
    if (v.v.kind != Value::kUninit) fatal("attempt to use scalar `" + n->str + "' as an array");
    v.arr = std::make_shared<Array>();
  }
  return *v.arr;
}

std::string Interp::subscript(Node* n, size_t first) {
  if (n->kids.size() == first + 1) {
    Node* k = n->kid(first);
    if (k->kind == NodeKind::kStr) return k->str;
    if (k->kind == NodeKind::kField) {
      std::string out;
      append_node(out, k, false);
      return out;
    }
    Value v = eval(k);
    if (v.kind == Value::kNum) {
      double d = v.n;
      if (d == std::floor(d) && std::fabs(d) < 1e15) {
        char buf[32];
        int len = snprintf(buf, sizeof buf, "%lld", to_int(d));
        return std::string(buf, len);
      }
    }
    return to_str(v);
  }
  std::string key;
  for (size_t i = first; i < n->kids.size(); ++i) {
    if (i > first) key += subsep_;
    key += to_str(eval(n->kid(i)));
  }
  return key;
}

Value& Interp::lvalue(Node* n) {
  switch (n->kind) {
    case NodeKind::kVar:
    case NodeKind::kLocal: {
      Var& v = var_of(n);
      if (v.arr && n->kind == NodeKind::kVar) fatal("attempt to use array `" + n->str + "' in a scalar context");
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
      return field(to_int(d));
    }
    default:
      fatal("assignment to non-lvalue");
  }
}

void Interp::after_assign(Node* target) {
  if (target->kind == NodeKind::kField) {
    // field() was called with the index; figure out which one from the value.
    return;
  }
  if (target->kind != NodeKind::kVar || target->index >= kSpecialCount) return;
  const Value& v = globals_[static_cast<size_t>(target->index)].v;
  switch (target->index) {
    case kNF: set_nf(to_int(to_num(v))); break;
    case kCONVFMT: convfmt_ = to_str(v); break;
    case kOFMT: ofmt_ = to_str(v); break;
    case kOFS: ofs_ = to_str(v); break;
    case kORS: ors_ = to_str(v); break;
    case kSUBSEP: subsep_ = to_str(v); break;
    case kFS: fields_mode_ = 0; fs_changed_ = true; break;
    case kFIELDWIDTHS: fields_mode_ = 1; break;
    case kFPAT: fields_mode_ = 2; break;
    case kRS: update_rs(); break;
    case kIGNORECASE:
      ignorecase_ = to_bool(v);
      regex_flags_ = ignorecase_ ? unsigned(text::kIgnoreCase) : 0u;
      break;
    default: break;
  }
}

void Interp::assign(Node* target, Value v) {
  if (target->kind == NodeKind::kField) {
    double d = eval_num(target->kid(0));
    if (d < 0) fatal("attempt to access field " + std::to_string(to_int(d)));
    long long i = to_int(d);
    if (i == 0) {
      std::string s = to_str(v);
      set_record(s);
      return;
    }
    Value& f = field(i);
    if (v.kind == Value::kNum) {
      f = std::move(v);
    } else if (v.kind == Value::kUninit) {
      f = Value(std::string());
    } else {
      f = std::move(v);
    }
    record_valid_ = false;
    return;
  }
  Value& ref = lvalue(target);
  ref = std::move(v);
  after_assign(target);
}

// ---------------- records ----------------

void Interp::set_record(std::string_view rec) {
  if (fs_changed_) {
    fs_active_ = to_str(globals_[kFS].v);
    fs_changed_ = false;
  }
  record_.assign(rec);
  record_valid_ = true;
  fields_valid_ = false;
}

const std::string& Interp::record() {
  if (!record_valid_) rebuild_record();
  return record_;
}

long long Interp::nf() {
  if (!fields_valid_) split_record();
  return nf_;
}

void Interp::rebuild_record() {
  std::string out;
  for (long long i = 1; i <= nf_; ++i) {
    if (i > 1) out += ofs_;
    append_str(out, fields_[static_cast<size_t>(i)], false);
  }
  check_len(out.size());
  record_ = std::move(out);
  record_valid_ = true;
}

Value& Interp::field(long long i) {
  if (i == 0) {
    record();
    // Callers that modify $0 through this reference go through assign().
    static thread_local Value tmp;
    tmp.set_strnum(record_);
    return tmp;
  }
  if (!fields_valid_) split_record();
  if (i > nf_) {
    if (i > 1000000) fatal("field index too large (sandbox limit)");
    if (static_cast<size_t>(i) >= fields_.size()) fields_.resize(static_cast<size_t>(i) + 1);
    for (long long k = nf_ + 1; k <= i; ++k) fields_[static_cast<size_t>(k)] = Value(std::string());
    nf_ = i;
    globals_[kNF].v.set_num(static_cast<double>(nf_));
    record_valid_ = false;
  }
  return fields_[static_cast<size_t>(i)];
}

void Interp::set_nf(long long n) {
  if (!fields_valid_) split_record();
  if (n < 0) fatal("NF set to negative value");
  if (n > 1000000) fatal("NF too large (sandbox limit)");
  if (static_cast<size_t>(n) >= fields_.size()) fields_.resize(static_cast<size_t>(n) + 1);
  for (long long k = nf_ + 1; k <= n; ++k) fields_[static_cast<size_t>(k)] = Value(std::string());
  nf_ = n;
  globals_[kNF].v.set_num(static_cast<double>(n));
  rebuild_record();
}

namespace {
void push_field(std::vector<Value>& fields, long long& nf, std::string_view s) {
  ++nf;
  if (static_cast<size_t>(nf) >= fields.size()) fields.resize(static_cast<size_t>(nf) * 2 + 1);
  fields[static_cast<size_t>(nf)].set_strnum(s);
}
}  // namespace

void Interp::split_record() {
  fields_valid_ = true;
  nf_ = 0;
  std::string_view rec = record_;

  const std::string& fpat = globals_[kFPAT].v.s;
  if (fields_mode_ == 1) {
    std::string fw = to_str(globals_[kFIELDWIDTHS].v);
    size_t pos = 0;
    const char* p = fw.c_str();
    while (*p) {
      while (*p == ' ' || *p == '\t') ++p;
      if (!*p) break;
      char* e;
      long skip = 0;
      long w = strtol(p, &e, 10);
      if (*e == ':') {
        skip = w;
        p = e + 1;
        w = strtol(p, &e, 10);
      }
      if (*e == '*') {
        ++e;
        w = static_cast<long>(rec.size());
      }
      if (e == p) break;
      p = e;
      pos += static_cast<size_t>(skip);
      if (pos >= rec.size()) break;
      push_field(fields_, nf_, rec.substr(pos, static_cast<size_t>(w)));
      pos += static_cast<size_t>(w);
    }
    globals_[kNF].v.set_num(static_cast<double>(nf_));
    return;
  }
  if (fields_mode_ == 2) {
    const text::Regex& re = dynamic_regex(fpat);
    size_t pos = 0;
    text::Match m;
    while (pos <= rec.size() && re.search(rec, pos, &m)) {
      size_t b = static_cast<size_t>(m[0].begin), e = static_cast<size_t>(m[0].end);
      if (e == b) {
        if (b >= rec.size()) break;
        pos = b + 1;
        continue;
      }
      push_field(fields_, nf_, rec.substr(b, e - b));
      pos = e;
    }
    globals_[kNF].v.set_num(static_cast<double>(nf_));
    return;
  }
  std::string_view fs = fs_active_;
  bool paragraph = rs_mode_ == 3;
  if (fs == " ") {
    size_t i = 0, n = rec.size();
    const char* d = rec.data();
    while (true) {
      while (i < n && (d[i] == ' ' || d[i] == '\t' || d[i] == '\n')) ++i;
      if (i >= n) break;
      size_t s = i;
      while (i < n && d[i] != ' ' && d[i] != '\t' && d[i] != '\n') ++i;
      push_field(fields_, nf_, rec.substr(s, i - s));
    }
  } else if (rec.empty()) {
    // no fields
  } else if (fs.size() == 1 && fs[0] != '\\' && !paragraph) {
    char c = fs[0];
    size_t start = 0;
    while (true) {
      const void* hit = memchr(rec.data() + start, c, rec.size() - start);
      if (!hit) {
        push_field(fields_, nf_, rec.substr(start));
        break;
      }
      size_t at = static_cast<size_t>(static_cast<const char*>(hit) - rec.data());
      push_field(fields_, nf_, rec.substr(start, at - start));
      start = at + 1;
    }
  } else if (fs.empty()) {
    for (size_t i = 0; i < rec.size();) {
      size_t len = 1;
      if (utf8_) while (i + len < rec.size() && (static_cast<unsigned char>(rec[i + len]) & 0xC0) == 0x80) ++len;
      push_field(fields_, nf_, rec.substr(i, len));
      i += len;
    }
  } else {
    std::string pat;
    if (fs.size() == 1 && fs[0] != ' ') {
      pat = "[";
      pat += fs[0] == '\\' ? "\\\\" : std::string(1, fs[0]);
      pat += "]";
      if (fs[0] == '^') pat = "\\^";
    } else {
      pat = std::string(fs);
    }
    if (paragraph) pat = "(" + pat + ")|\n";
    const text::Regex& re = dynamic_regex(pat);
    size_t start = 0, pos = 0;
    text::Match m;
    while (pos <= rec.size() && re.search(rec, pos, &m)) {
      size_t b = static_cast<size_t>(m[0].begin), e = static_cast<size_t>(m[0].end);
      if (e == b) {
        if (b >= rec.size()) break;
        pos = b + 1;
        continue;
      }
      push_field(fields_, nf_, rec.substr(start, b - start));
      start = pos = e;
    }
    push_field(fields_, nf_, rec.substr(start));
  }
  globals_[kNF].v.set_num(static_cast<double>(nf_));
}

}  // namespace burrow::awk
