// tr: translate, squeeze, and/or delete characters (GNU coreutils 9; works
// on bytes, as GNU tr does).
#include <cstring>
#include <memory>

#include "commands/args.h"
#include "commands/text/common.h"

namespace burrow {
namespace {

enum Opt { kComplement, kDelete, kSqueeze, kTruncate };

constexpr OptionSpec kOptions[] = {
    {kComplement, 'c', "complement", ArgKind::kNone, "use the complement of SET1"},
    {kComplement, 'C', "", ArgKind::kNone, ""},
    {kDelete, 'd', "delete", ArgKind::kNone, "delete characters in SET1, do not translate"},
    {kSqueeze, 's', "squeeze-repeats", ArgKind::kNone,
     "replace each sequence of a repeated character that is listed in the last specified SET, with a single occurrence of that character"},
    {kTruncate, 't', "truncate-set1", ArgKind::kNone, "first truncate SET1 to length of SET2"},
};

constexpr CommandSpec kSpec{
    "Usage: tr [OPTION]... SET1 [SET2]",
    "Translate, squeeze, and/or delete characters from standard input,\n"
    "writing to standard output.  SET1 and SET2 specify arrays of characters.",
    kOptions,
};

enum class Kind { kChar, kRange, kClass, kRepeat };

struct Element {
  Kind kind;
  unsigned char a = 0, b = 0;  // char, or range ends, or repeated char
  std::string cls;             // class name
  uint64_t count = 0;          // repeat count; 0 means fill ([c*])
};

struct Spec {
  std::vector<Element> elems;
  bool has_class = false;
  int fills = 0;
};

const char* kClasses[] = {"alnum", "alpha", "blank", "cntrl", "digit", "graph", "lower",
                          "print", "punct", "space", "upper", "xdigit"};

bool in_class(const std::string& cls, int c) {
  if (cls == "alnum") return std::isalnum(c);
  if (cls == "alpha") return std::isalpha(c);
  if (cls == "blank") return c == ' ' || c == '\t';
  if (cls == "cntrl") return std::iscntrl(c);
  if (cls == "digit") return std::isdigit(c);
  if (cls == "graph") return std::isgraph(c);
  if (cls == "lower") return std::islower(c);
  if (cls == "print") return std::isprint(c);
  if (cls == "punct") return std::ispunct(c);
  if (cls == "space") return std::isspace(c);
  if (cls == "upper") return std::isupper(c);
  if (cls == "xdigit") return std::isxdigit(c);
  return false;
}

std::string printable(std::string_view s) {
  std::string out;
  for (unsigned char c : s) {
    switch (c) {
      case '\\': out += "\\\\"; break;
      case '\a': out += "\\a"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      case '\v': out += "\\v"; break;
      default:
        if (std::isprint(c)) out += static_cast<char>(c);
        else {
          char tmp[8];
          snprintf(tmp, sizeof tmp, "\\%03o", c);
          out += tmp;
        }
    }
  }
  return out;
}

struct Parser {
  Invocation& inv;

  // Unescapes backslash sequences; escaped[i] marks bytes that came from one.
  void unescape(std::string_view s, std::string& out, std::vector<bool>& escaped) {
    for (size_t i = 0; i < s.size(); ++i) {
      if (s[i] != '\\') {
        out += s[i];
        escaped.push_back(false);
        continue;
      }
      if (i + 1 >= s.size()) {
        inv.error("warning: an unescaped backslash at end of string is not portable");
        out += '\\';
        escaped.push_back(false);
        continue;
      }
      char c = s[i + 1];
      unsigned char v;
      switch (c) {
        case 'a': v = '\a'; break;
        case 'b': v = '\b'; break;
        case 'f': v = '\f'; break;
        case 'n': v = '\n'; break;
        case 'r': v = '\r'; break;
        case 't': v = '\t'; break;
        case 'v': v = '\v'; break;
        case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
          int n = c - '0';
          if (i + 2 < s.size() && s[i + 2] >= '0' && s[i + 2] <= '7') {
            n = n * 8 + (s[i + 2] - '0');
            ++i;
            if (i + 2 < s.size() && s[i + 2] >= '0' && s[i + 2] <= '7') {
              if (n * 8 + (s[i + 2] - '0') < 256) {
                n = n * 8 + (s[i + 2] - '0');
                ++i;
              } else {
                char msg[160];
                snprintf(msg, sizeof msg,
                         "warning: the ambiguous octal escape \\%c%c%c is being\n\tinterpreted as the 2-byte sequence \\0%c%c, %c",
                         s[i], s[i + 1], s[i + 2], s[i], s[i + 1], s[i + 2]);
                inv.error(msg);
              }
            }
          }
          v = static_cast<unsigned char>(n);
          break;
        }
        default: v = static_cast<unsigned char>(c); break;
      }
      ++i;
      out += static_cast<char>(v);
      escaped.push_back(true);
    }
  }

  // Returns false after reporting an error.
  bool parse(std::string_view arg, Spec& spec) {
    std::string p;
    std::vector<bool> esc;
    unescape(arg, p, esc);
    size_t len = p.size();
    size_t i = 0;
    while (i < len) {
      if (p[i] == '[' && !esc[i] && i + 1 < len) {
        if ((p[i + 1] == ':' || p[i + 1] == '=') && !esc[i + 1]) {
          char d = p[i + 1];
          size_t close = std::string::npos;
          for (size_t j = i + 2; j + 1 < len; ++j) {
            if (p[j] == d && !esc[j] && p[j + 1] == ']' && !esc[j + 1]) {
              close = j;
              break;
            }
          }
          if (close != std::string::npos) {
            std::string operand = p.substr(i + 2, close - (i + 2));
            if (operand.empty()) {
              inv.error(d == ':' ? "missing character class name '[::]'" : "missing equivalence class character '[==]'");
              return false;
            }
            if (d == ':') {
              bool ok = false;
              for (const char* c : kClasses) ok |= operand == c;
              if (!ok) {
                inv.error("invalid character class " + text::quote(printable(operand)));
                return false;
              }
              spec.elems.push_back({Kind::kClass, 0, 0, operand, 0});
              spec.has_class = true;
            } else {
              if (operand.size() != 1) {
                inv.error(printable(operand) + ": equivalence class operand must be a single character");
                return false;
              }
              spec.elems.push_back({Kind::kChar, static_cast<unsigned char>(operand[0]), 0, "", 0});
            }
            i = close + 2;
            continue;
          }
        }
        // [c*n]
        size_t start = i + 1;
        if (start + 1 < len && p[start + 1] == '*' && !esc[start + 1]) {
          size_t j = start + 2;
          for (; j < len && !esc[j]; ++j)
            if (p[j] == ']') break;
          if (j < len && p[j] == ']' && !esc[j]) {
            std::string digits = p.substr(start + 2, j - start - 2);
            uint64_t count = 0;
            if (!digits.empty()) {
              int base = digits[0] == '0' ? 8 : 10;
              bool ok = true;
              unsigned __int128 v = 0;
              for (char c : digits) {
                int dv = c - '0';
                if (dv < 0 || dv >= base) {
                  ok = false;
                  break;
                }
                v = v * base + dv;
                if (v > UINT64_MAX) ok = false;
              }
              if (!ok) {
                inv.error("invalid repeat count " + text::quote(printable(digits)) + " in [c*n] construct");
                return false;
              }
              count = static_cast<uint64_t>(v);
            }
            spec.elems.push_back({Kind::kRepeat, static_cast<unsigned char>(p[start]), 0, "", count});
            if (count == 0) ++spec.fills;
            i = j + 1;
            continue;
          }
        }
      }
      if (i + 2 < len && p[i + 1] == '-' && !esc[i + 1]) {
        unsigned char a = p[i], b = p[i + 2];
        if (b < a) {
          inv.error("range-endpoints of '" + printable(std::string(1, a)) + "-" + printable(std::string(1, b)) +
                    "' are in reverse collating sequence order");
          return false;
        }
        spec.elems.push_back({Kind::kRange, a, b, "", 0});
        i += 3;
        continue;
      }
      spec.elems.push_back({Kind::kChar, static_cast<unsigned char>(p[i]), 0, "", 0});
      ++i;
    }
    return true;
  }
};

// Expands a spec; class_at records where upper/lower classes start.
void expand(const Spec& spec, std::string& out, std::vector<std::pair<size_t, std::string>>* class_at,
            uint64_t fill = 0) {
  for (const Element& e : spec.elems) {
    switch (e.kind) {
      case Kind::kChar: out += static_cast<char>(e.a); break;
      case Kind::kRange:
        for (int c = e.a; c <= e.b; ++c) out += static_cast<char>(c);
        break;
      case Kind::kClass:
        if (class_at) class_at->push_back({out.size(), e.cls});
        for (int c = 0; c < 256; ++c)
          if (in_class(e.cls, c)) out += static_cast<char>(c);
        break;
      case Kind::kRepeat: {
        uint64_t n = e.count ? e.count : fill;
        if (n > (1u << 24)) n = 1u << 24;
        out.append(static_cast<size_t>(n), static_cast<char>(e.a));
        break;
      }
    }
  }
}

int run_tr(Invocation& inv) {
  ParsedArgs args;
  if (auto status = parse_args(inv, kSpec, args)) return *status;
  bool complement = args.has(kComplement), del = args.has(kDelete), squeeze = args.has(kSqueeze),
       truncate = args.has(kTruncate);
  const auto& ops = args.operands;
  auto usage = [&](const std::string& msg) {
    inv.error(msg);
    print_try_help(inv);
    return 1;
  };
  bool translating = !del && ops.size() == 2;
  size_t min_ops = (del && squeeze) || (!del && !squeeze) ? 2 : 1;
  size_t max_ops = del && !squeeze ? 1 : 2;
  if (ops.empty()) return usage("missing operand");
  if (ops.size() < min_ops) {
    std::string why = squeeze ? "Two strings must be given when both deleting and squeezing repeats."
                              : "Two strings must be given when translating.";
    return usage("missing operand after " + text::quote(ops.back()) + "\n" + why);
  }
  if (ops.size() > max_ops) {
    std::string msg = "extra operand " + text::quote(ops[max_ops]);
    if (del && !squeeze && ops.size() == 2)
      msg += "\nOnly one string may be given when deleting without squeezing repeats.";
    return usage(msg);
  }
  Parser parser{inv};
  Spec s1, s2;
  if (!parser.parse(ops[0], s1)) return 1;
  if (ops.size() == 2 && !parser.parse(ops[1], s2)) return 1;
  for (const Element& e : s1.elems) {
    if (e.kind == Kind::kRepeat) {
      inv.error("the [c*] repeat construct may not appear in string1");
      return 1;
    }
  }
  if (s2.fills > 1) {
    inv.error("only one [c*] repeat construct may appear in string2");
    return 1;
  }
  if (ops.size() == 2 && translating) {
    for (const Element& e : s2.elems) {
      if (e.kind == Kind::kClass && e.cls != "upper" && e.cls != "lower") {
        inv.error("when translating, the only character classes that may appear in\nstring2 are 'upper' and 'lower'");
        return 1;
      }
    }
  } else if (ops.size() == 2 && s2.has_class) {
    // Deleting/squeezing: any class may appear in string2.
  }

  std::string set1;
  std::vector<std::pair<size_t, std::string>> classes1, classes2;
  expand(s1, set1, &classes1);
  bool member[256] = {};
  for (unsigned char c : set1) member[c] = true;
  if (complement) {
    set1.clear();
    for (int c = 0; c < 256; ++c)
      if (!member[c]) set1 += static_cast<char>(c);
    for (int c = 0; c < 256; ++c) member[c] = !member[c];
  }

  unsigned char xlate[256];
  for (int c = 0; c < 256; ++c) xlate[c] = static_cast<unsigned char>(c);
  bool squeeze_set[256] = {};
  if (translating) {
    std::string probe;
    expand(s2, probe, nullptr, 0);
    uint64_t fill = set1.size() > probe.size() ? set1.size() - probe.size() : 0;
    std::string set2;
    expand(s2, set2, &classes2, fill);
    for (const auto& [pos, cls] : classes2) {
      bool ok = false;
      for (const auto& [pos1, cls1] : classes1)
        if (pos1 == pos && (cls1 == "upper" || cls1 == "lower")) ok = true;
      if (!ok || complement) {
        inv.error("misaligned [:upper:] and/or [:lower:] construct");
        return 1;
      }
    }
    if (complement && s1.has_class) {
      bool homogeneous = true;
      for (char c : set2) homogeneous &= c == set2[0];
      if (!homogeneous) {
        inv.error("when translating with complemented character classes,\nstring2 must map all characters in the domain to one");
        return 1;
      }
    }
    if (set2.empty() && !truncate && !set1.empty()) {
      inv.error("when not truncating set1, string2 must be non-empty");
      return 1;
    }
    if (truncate && set1.size() > set2.size()) set1.resize(set2.size());
    if (!set2.empty() && set2.size() < set1.size()) set2.append(set1.size() - set2.size(), set2.back());
    for (size_t i = 0; i < set1.size(); ++i) xlate[static_cast<unsigned char>(set1[i])] = set2[i];
    if (squeeze)
      for (unsigned char c : set2) squeeze_set[c] = true;
  } else if (squeeze) {
    if (ops.size() == 2) {
      std::string set2;
      expand(s2, set2, nullptr);
      for (unsigned char c : set2) squeeze_set[c] = true;
    } else {
      for (int c = 0; c < 256; ++c) squeeze_set[c] = member[c];
    }
  }
  bool delete_set[256] = {};
  if (del)
    for (int c = 0; c < 256; ++c) delete_set[c] = member[c];

  InStream& in = inv.in();
  OutStream& out = inv.out();
  // On the heap, uninitialised: a thread_local array would be zeroed in
  // every thread the process ever starts.
  constexpr size_t kBufSize = 1 << 16;
  std::unique_ptr<char[]> buffer(new char[kBufSize]);
  char* buf = buffer.get();
  int last = -1;
  while (size_t got = in.read(buf, kBufSize)) {
    if (!del && !squeeze) {
      for (size_t i = 0; i < got; ++i) buf[i] = static_cast<char>(xlate[static_cast<unsigned char>(buf[i])]);
      out.write(buf, got);
    } else {
      char* w = buf;
      for (size_t i = 0; i < got; ++i) {
        unsigned char c = buf[i];
        if (delete_set[c]) continue;
        c = xlate[c];
        if (squeeze_set[c] && last == c) continue;
        last = c;
        *w++ = static_cast<char>(c);
      }
      out.write(buf, w - buf);
    }
    if (!out.ok() || inv.cancelled()) break;
  }
  if (!in.ok()) {
    inv.error("read error: " + vfs::error_text(in.error()));
    return 1;
  }
  if (text::report_write_error(inv)) return 1;
  return 0;
}

}  // namespace

BURROW_COMMAND(tr, "translate or delete characters", run_tr);

}  // namespace burrow
