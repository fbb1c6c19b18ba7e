// diff3: compare three files line by line (GNU diffutils). The two-way
// comparisons come from diff's own engine (commands/text/diffseq.h); the
// three-way grouping and every output format follow GNU's diff3.c.
#include <algorithm>
#include <unordered_map>

#include "commands/args.h"
#include "commands/text/common.h"
#include "commands/text/diffseq.h"

namespace burrow {
namespace {

enum Opt { kMerge, kShowAll, kEd, kShowOverlap, kOverlapOnly, kXOverlap, kEasyOnly, kInitialTab, kLabel, kText,
           kWriteQuit, kStripCr, kDiffProgram };

constexpr OptionSpec kOptions[] = {
    {kShowAll, 'A', "show-all", ArgKind::kNone, "output all changes, bracketing conflicts"},
    {kEd, 'e', "ed", ArgKind::kNone, "output ed script incorporating changes from OLDFILE to YOURFILE into MYFILE"},
    {kShowOverlap, 'E', "show-overlap", ArgKind::kNone, "like -e, but bracket conflicts"},
    {kEasyOnly, '3', "easy-only", ArgKind::kNone, "like -e, but incorporate only nonoverlapping changes"},
    {kOverlapOnly, 'x', "overlap-only", ArgKind::kNone, "like -e, but incorporate only overlapping changes"},
    {kXOverlap, 'X', "", ArgKind::kNone, "like -x, but bracket conflicts"},
    {kWriteQuit, 'i', "", ArgKind::kNone, "append 'w' and 'q' commands to ed scripts"},
    {kMerge, 'm', "merge", ArgKind::kNone, "output actual merged file, according to -A if no other options are given"},
    {kText, 'a', "text", ArgKind::kNone, "treat all files as text"},
    {kStripCr, 0, "strip-trailing-cr", ArgKind::kNone, "strip trailing carriage return on input"},
    {kInitialTab, 'T', "initial-tab", ArgKind::kNone, "make tabs line up by prepending a tab"},
    {kDiffProgram, 0, "diff-program", ArgKind::kRequired, "use PROGRAM to compare files", "PROGRAM"},
    {kLabel, 'L', "label", ArgKind::kRequired, "use LABEL instead of file name (can be repeated up to three times)",
     "LABEL"},
};

constexpr CommandSpec kSpec{
    "Usage: diff3 [OPTION]... MYFILE OLDFILE YOURFILE",
    "Compare three files line by line.",
    kOptions,
    2,
    false,
    "",
    false,
    true,
};

struct File {
  std::string data;
  std::vector<std::string_view> lines;  // each with its newline, if it has one
};

// A two-way change: lines [c_lo, c_hi] of the common file became [o_lo,
// o_hi] of the other (1-based; lo == hi + 1 for an empty range).
struct Block2 {
  int64_t c_lo, c_hi, o_lo, o_hi;
};

enum class Kind { kAll, kFirst, kSecond, kThird };

// A three-way block: ranges in MYFILE (0), OLDFILE (1) and YOURFILE (2).
struct Block3 {
  Kind kind;
  int64_t lo[3], hi[3];
  int64_t count(int f) const { return hi[f] - lo[f] + 1; }
};

std::vector<Block2> two_way(const File& common, const File& other, std::unordered_map<std::string_view, int64_t>& classes) {
  auto classify = [&](const File& f) {
    std::vector<int64_t> e;
    for (auto l : f.lines) e.push_back(classes.emplace(l, static_cast<int64_t>(classes.size() + 1)).first->second);
    return e;
  };
  std::vector<int64_t> a = classify(common), b = classify(other);
  // Leave the identical prefix and suffix out, as diff does.
  size_t pre = 0;
  while (pre < a.size() && pre < b.size() && a[pre] == b[pre]) ++pre;
  size_t suf = 0;
  while (suf < a.size() - pre && suf < b.size() - pre && a[a.size() - 1 - suf] == b[b.size() - 1 - suf]) ++suf;
  std::vector<int64_t> sa(a.begin() + pre, a.end() - suf), sb(b.begin() + pre, b.end() - suf);
  std::vector<char> ma, mb;
  text::diff_sequences(sa, sb, false, ma, mb);
  std::vector<Block2> out;
  int64_t na = static_cast<int64_t>(sa.size()), nb = static_cast<int64_t>(sb.size()), i = 0, j = 0;
  while (i < na || j < nb) {
    if ((i < na && ma[i]) || (j < nb && mb[j])) {
      int64_t i0 = i, j0 = j;
      while (i < na && ma[i]) ++i;
      while (j < nb && mb[j]) ++j;
      out.push_back({static_cast<int64_t>(pre) + i0 + 1, static_cast<int64_t>(pre) + i,
                     static_cast<int64_t>(pre) + j0 + 1, static_cast<int64_t>(pre) + j});
    } else {
      ++i, ++j;
    }
  }
  return out;
}

// GNU's make_3way_diff: blocks of either comparison that overlap or touch
// in the common file become one three-way block.
std::vector<Block3> three_way(const std::vector<Block2>& mine, const std::vector<Block2>& yours, const File& f0,
                              const File& f2) {
  std::vector<Block3> out;
  size_t idx[2] = {0, 0};
  const std::vector<Block2>* threads[2] = {&mine, &yours};
  int64_t delta[2] = {0, 0};  // other-file line minus common-file line after the last block
  while (idx[0] < mine.size() || idx[1] < yours.size()) {
    int first;
    if (idx[0] >= mine.size()) first = 1;
    else if (idx[1] >= yours.size()) first = 0;
    else first = (*threads[1])[idx[1]].c_lo < (*threads[0])[idx[0]].c_lo ? 1 : 0;
    size_t start[2] = {idx[0], idx[1]};
    int64_t high = (*threads[first])[idx[first]].c_hi;
    ++idx[first];
    for (bool added = true; added;) {
      added = false;
      for (int t = 0; t < 2; ++t) {
        while (idx[t] < threads[t]->size() && (*threads[t])[idx[t]].c_lo <= high + 1) {
          high = std::max(high, (*threads[t])[idx[t]].c_hi);
          ++idx[t];
          added = true;
        }
      }
    }
    int64_t c_lo = INT64_MAX, c_hi = INT64_MIN;
    for (int t = 0; t < 2; ++t)
      for (size_t k = start[t]; k < idx[t]; ++k) {
        c_lo = std::min(c_lo, (*threads[t])[k].c_lo);
        c_hi = std::max(c_hi, (*threads[t])[k].c_hi);
      }
    Block3 b{};
    b.lo[1] = c_lo;
    b.hi[1] = c_hi;
    for (int t = 0; t < 2; ++t) {
      int file = t == 0 ? 0 : 2;
      if (start[t] == idx[t]) {
        b.lo[file] = c_lo + delta[t];
        b.hi[file] = c_hi + delta[t];
      } else {
        const Block2& firstb = (*threads[t])[start[t]];
        const Block2& lastb = (*threads[t])[idx[t] - 1];
        b.lo[file] = c_lo + (firstb.o_lo - firstb.c_lo);
        b.hi[file] = c_hi + (lastb.o_hi - lastb.c_hi);
        delta[t] = lastb.o_hi - lastb.c_hi;
      }
    }
    if (start[0] == idx[0]) {
      b.kind = Kind::kThird;
    } else if (start[1] == idx[1]) {
      b.kind = Kind::kFirst;
    } else {
      bool same = b.count(0) == b.count(2);
      for (int64_t k = 0; same && k < b.count(0); ++k)
        same = f0.lines[b.lo[0] - 1 + k] == f2.lines[b.lo[2] - 1 + k];
      b.kind = same ? Kind::kSecond : Kind::kAll;
    }
    out.push_back(b);
  }
  return out;
}

struct Output {
  OutStream& out;
  const File* files[3];
  std::string labels[3];

  void line(std::string_view l, std::string_view prefix = "") {
    out << prefix << l;
    if (l.empty() || l.back() != '\n') out << "\n";
  }
  void raw_lines(const Block3& b, int f) {
    for (int64_t k = 0; k < b.count(f); ++k) out << files[f]->lines[b.lo[f] - 1 + k];
  }

  void normal(const std::vector<Block3>& blocks, bool initial_tab) {
    std::string_view prefix = initial_tab ? "\t" : "  ";
    for (const Block3& b : blocks) {
      int oddoneout = 3, dontprint = 3;
      std::string head = "====";
      if (b.kind != Kind::kAll) {
        oddoneout = b.kind == Kind::kFirst ? 0 : b.kind == Kind::kSecond ? 1 : 2;
        head += static_cast<char>('1' + oddoneout);
        dontprint = oddoneout == 0 ? 1 : 0;
      }
      out << head << "\n";
      static constexpr int kSkew[3] = {2, 3, 1};  // 0, 2, 1 when files 1 and 3 agree
      for (int i = 0; i < 3; i = oddoneout == 1 ? kSkew[i] : i + 1) {
        int64_t lo = b.lo[i], hi = b.hi[i];
        out << std::to_string(i + 1) << ":";
        if (lo - hi == 1) out << std::to_string(lo - 1) << "a\n";
        else if (lo == hi) out << std::to_string(lo) << "c\n";
        else out << std::to_string(lo) << "," << std::to_string(hi) << "c\n";
        if (i == dontprint) continue;
        for (int64_t k = 0; k < b.count(i); ++k) {
          std::string_view l = files[i]->lines[lo - 1 + k];
          out << prefix << l;
          if (l.empty() || l.back() != '\n') out << "\n\\ No newline at end of file\n";
        }
      }
    }
  }

  // Lines for an ed script: a line "." would end the input, so such lines
  // get an extra dot that a later s command removes.
  bool dotlines(const Block3& b, int f) {
    bool leading_dot = false;
    for (int64_t k = 0; k < b.count(f); ++k) {
      std::string_view l = files[f]->lines[b.lo[f] - 1 + k];
      if (!l.empty() && l[0] == '.') {
        leading_dot = true;
        out << ".";
      }
      line(l);
    }
    return leading_dot;
  }
  void undotlines(bool leading_dot, int64_t start, int64_t num) {
    out << ".\n";
    if (leading_dot) {
      if (num == 1) out << std::to_string(start) << "s/^\\.//\n";
      else out << std::to_string(start) << "," << std::to_string(start + num - 1) << "s/^\\.//\n";
    }
  }
};

struct Mode {
  bool show_2nd = false, flagging = false, overlap_only = false, simple_only = false;
  // Whether block b is written, and whether as a bracketed conflict.
  bool take(const Block3& b, bool& conflict) const {
    switch (b.kind) {
      case Kind::kSecond:
        if (!show_2nd) return false;
        conflict = true;
        return true;
      case Kind::kThird:
        if (overlap_only) return false;
        conflict = false;
        return true;
      case Kind::kAll:
        if (simple_only) return false;
        conflict = flagging;
        return true;
      default:
        return false;
    }
  }
};

bool edscript(Output& o, const std::vector<Block3>& blocks, const Mode& m, bool write_quit) {
  bool conflicts = false;
  for (auto it = blocks.rbegin(); it != blocks.rend(); ++it) {
    const Block3& b = *it;
    bool conflict = false;
    if (!o.out.ok()) break;
    if (!m.take(b, conflict)) continue;
    int64_t low0 = b.lo[0], high0 = b.hi[0];
    if (conflict) {
      conflicts = true;
      o.out << std::to_string(high0) << "a\n";
      bool leading_dot = false;
      if (b.kind == Kind::kAll) {
        if (m.show_2nd) {
          o.out << "||||||| " << o.labels[1] << "\n";
          leading_dot = o.dotlines(b, 1);
        }
        o.out << "=======\n";
        leading_dot |= o.dotlines(b, 2);
      }
      o.out << ">>>>>>> " << o.labels[2] << "\n";
      o.undotlines(leading_dot, high0 + 2, b.count(1) + b.count(2) + 1);
      o.out << std::to_string(low0 - 1) << "a\n<<<<<<< " << (b.kind == Kind::kAll ? o.labels[0] : o.labels[1])
            << "\n";
      leading_dot = false;
      if (b.kind == Kind::kSecond) {
        leading_dot = o.dotlines(b, 1);
        o.out << "=======\n";
      }
      o.undotlines(leading_dot, low0 + 1, b.count(1));
    } else if (b.count(2) == 0) {
      if (low0 == high0) o.out << std::to_string(low0) << "d\n";
      else o.out << std::to_string(low0) << "," << std::to_string(high0) << "d\n";
    } else {
      if (high0 - low0 == -1) o.out << std::to_string(high0) << "a\n";
      else if (high0 == low0) o.out << std::to_string(high0) << "c\n";
      else o.out << std::to_string(low0) << "," << std::to_string(high0) << "c\n";
      o.undotlines(o.dotlines(b, 2), low0, b.count(2));
    }
  }
  if (write_quit) o.out << "w\nq\n";
  return conflicts;
}

bool merge(Output& o, const std::vector<Block3>& blocks, const Mode& m) {
  bool conflicts = false;
  int64_t linesread = 0;
  const File& mine = *o.files[0];
  auto copy_mine = [&](int64_t n) {
    for (int64_t k = 0; k < n && linesread < static_cast<int64_t>(mine.lines.size()); ++k)
      o.out << mine.lines[linesread++];
  };
  for (const Block3& b : blocks) {
    bool conflict = false;
    if (!m.take(b, conflict)) continue;
    copy_mine(b.lo[0] - linesread - 1);
    if (conflict) {
      conflicts = true;
      o.out << "<<<<<<< " << (b.kind == Kind::kAll ? o.labels[0] : o.labels[1]) << "\n";
      if (b.kind == Kind::kAll) {
        o.raw_lines(b, 0);
        if (m.show_2nd) {
          o.out << "||||||| " << o.labels[1] << "\n";
          o.raw_lines(b, 1);
        }
        o.out << "=======\n";
      } else if (b.kind == Kind::kSecond) {
        o.raw_lines(b, 1);
        o.out << "=======\n";
      }
    }
    // Lines go out as they are: GNU adds no newline before a marker.
    o.raw_lines(b, 2);
    if (conflict) o.out << ">>>>>>> " << o.labels[2] << "\n";
    linesread += b.count(0);
  }
  copy_mine(static_cast<int64_t>(mine.lines.size()) - linesread);
  return conflicts;
}

int run_diff3(Invocation& inv) {
  ParsedArgs args;
  if (auto status = parse_args(inv, kSpec, args)) return *status;
  Mode mode;
  int incompat = 0;
  bool ed_like = false;
  for (const auto& opt : args.options) {
    switch (opt.id) {
      case kShowAll: mode.show_2nd = mode.flagging = true, ++incompat; break;
      case kEd: ++incompat; ed_like = true; break;
      case kShowOverlap: mode.flagging = true, ++incompat; break;
      case kOverlapOnly: mode.overlap_only = true, ++incompat; break;
      case kXOverlap: mode.overlap_only = mode.flagging = true, ++incompat; break;
      case kEasyOnly: mode.simple_only = true, ++incompat; break;
      default: break;
    }
  }
  (void)ed_like;
  bool merge_out = args.has(kMerge);
  if (incompat > 1) {
    inv.error("incompatible options");
    print_try_help(inv, true);
    return 2;
  }
  bool edscript_out = incompat > 0 && !merge_out;
  if (merge_out && incompat == 0) mode.show_2nd = mode.flagging = true;  // -m alone means -A
  if (args.has(kWriteQuit) && !edscript_out) {
    inv.error("incompatible options");
    print_try_help(inv, true);
    return 2;
  }
  std::vector<std::string> labels;
  for (const auto& opt : args.options)
    if (opt.id == kLabel) labels.push_back(opt.value);
  if (labels.size() > 3) {
    inv.error("too many file label options");
    print_try_help(inv, true);
    return 2;
  }
  auto& ops = args.operands;
  if (ops.size() < 3) {
    inv.error(ops.empty() ? "missing operand after 'diff3'" : "missing operand after '" + ops.back() + "'");
    print_try_help(inv, true);
    return 2;
  }
  if (ops.size() > 3) {
    inv.error("extra operand '" + ops[3] + "'");
    print_try_help(inv, true);
    return 2;
  }

  File files[3];
  for (int i = 0; i < 3; ++i) {
    text::Input in;
    vfs::Error err = text::open_input(inv, ops[i], in);
    if (!err && in.is_dir) err = vfs::make_error(EISDIR);
    char buf[65536];
    while (!err) {
      size_t got = text::read_block(in, buf, sizeof buf, err);
      if (got == 0) break;
      files[i].data.append(buf, got);
    }
    if (err) {
      inv.error(ops[i] + ": " + vfs::error_text(err));
      return 2;
    }
    if (args.has(kStripCr)) {
      std::string s;
      for (size_t k = 0; k < files[i].data.size(); ++k)
        if (!(files[i].data[k] == '\r' && k + 1 < files[i].data.size() && files[i].data[k + 1] == '\n'))
          s += files[i].data[k];
      files[i].data = std::move(s);
    }
    const std::string& d = files[i].data;
    for (size_t p = 0; p < d.size();) {
      size_t nl = d.find('\n', p);
      size_t end = nl == std::string::npos ? d.size() : nl + 1;
      files[i].lines.emplace_back(d.data() + p, end - p);
      p = end;
    }
  }
  // Lines compare with their newlines, so a missing final newline counts.
  std::unordered_map<std::string_view, int64_t> classes;
  auto mine = two_way(files[1], files[0], classes);
  auto yours = two_way(files[1], files[2], classes);
  auto blocks = three_way(mine, yours, files[0], files[2]);

  Output o{inv.out(), {&files[0], &files[1], &files[2]}, {}};
  for (int i = 0; i < 3; ++i) o.labels[i] = i < static_cast<int>(labels.size()) ? labels[i] : ops[i];
  int status = 0;
  if (merge_out) status = merge(o, blocks, mode) ? 1 : 0;
  else if (edscript_out) status = edscript(o, blocks, mode, args.has(kWriteQuit)) ? 1 : 0;
  else o.normal(blocks, args.has(kInitialTab));
  if (text::report_write_error(inv)) return 2;
  return status;
}

}  // namespace

BURROW_COMMAND(diff3, "compare three files line by line", run_diff3);

}  // namespace burrow
