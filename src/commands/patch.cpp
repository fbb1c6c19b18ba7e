// patch: apply a diff to files (GNU patch 2.7). Reads unified, context and
// normal diffs, finds each hunk with GNU's offset and fuzz search, detects
// reversed patches, writes failed hunks to FILE.rej, and prints GNU's
// messages. There is never a terminal to ask, so questions are answered with
// their defaults exactly as GNU patch does when it has no tty.
#include <algorithm>
#include <optional>

#include "commands/args.h"
#include "commands/common/fs_util.h"
#include "commands/text/common.h"

namespace burrow {
namespace {

enum Opt {
  kStrip, kReverse, kForward, kDryRun, kInput, kOutput, kBackup, kRemoveEmpty, kSilent, kForce, kBatch,
  kFuzz, kDirectory, kRejectFile, kUnifiedHint, kContextHint, kNormalHint, kNoBackupMismatch,
  kBackupMismatch, kVerbose, kSuffix, kPosix
};

constexpr OptionSpec kOptions[] = {
    {kStrip, 'p', "strip", ArgKind::kRequired, "strip NUM leading components from file names", "NUM"},
    {kReverse, 'R', "reverse", ArgKind::kNone, "assume patches were created with old and new files swapped"},
    {kForward, 'N', "forward", ArgKind::kNone, "ignore patches that seem to be reversed or already applied"},
    {kDryRun, 0, "dry-run", ArgKind::kNone, "do not actually change any files; just print what would happen"},
    {kInput, 'i', "input", ArgKind::kRequired, "read patch from PATCHFILE instead of stdin", "PATCHFILE"},
    {kOutput, 'o', "output", ArgKind::kRequired, "output patched files to FILE", "FILE"},
    {kBackup, 'b', "backup", ArgKind::kNone, "back up the original contents of each file"},
    {kRemoveEmpty, 'E', "remove-empty-files", ArgKind::kNone, "remove output files that are empty after patching"},
    {kSilent, 's', "silent", ArgKind::kNone, "work silently unless an error occurs"},
    {kSilent, 0, "quiet", ArgKind::kNone, ""},
    {kForce, 'f', "force", ArgKind::kNone, "like -t, but ignore bad-Prereq patches, and assume unreversed"},
    {kBatch, 't', "batch", ArgKind::kNone, "ask no questions; skip bad-Prereq patches; assume reversed"},
    {kFuzz, 'F', "fuzz", ArgKind::kRequired, "set the fuzz factor to LINES for inexact matching", "LINES"},
    {kDirectory, 'd', "directory", ArgKind::kRequired, "change the working directory to DIR first", "DIR"},
    {kRejectFile, 'r', "reject-file", ArgKind::kRequired, "output rejects to FILE", "FILE"},
    {kUnifiedHint, 'u', "unified", ArgKind::kNone, "interpret the patch as a unified diff"},
    {kContextHint, 'c', "context", ArgKind::kNone, "interpret the patch as a context diff"},
    {kNormalHint, 'n', "normal", ArgKind::kNone, "interpret the patch as a normal diff"},
    {kNoBackupMismatch, 0, "no-backup-if-mismatch", ArgKind::kNone, "back up mismatches only if otherwise requested"},
    {kBackupMismatch, 0, "backup-if-mismatch", ArgKind::kNone, "back up mismatches"},
    {kVerbose, 0, "verbose", ArgKind::kNone, "output extra information about the work being done"},
    {kSuffix, 'z', "suffix", ArgKind::kRequired, "use SUFFIX as backup extension instead of .orig", "SUFFIX"},
    {kPosix, 0, "posix", ArgKind::kNone, "conform to the POSIX standard"},
};

constexpr CommandSpec kSpec{
    "Usage: patch [OPTION]... [ORIGFILE [PATCHFILE]]",
    "Apply a diff file to an original.",
    kOptions,
    2,
};

enum class Format { kUnified, kContext, kNormal };

struct HunkLine {
  char kind;  // ' ' context, '-' only in the old file, '+' only in the new
  std::string text;
  bool no_newline = false;  // followed by "\ No newline at end of file"
};

struct Hunk {
  int64_t old_first = 0, new_first = 0;  // where the old lines start (an insertion: the line after)
  int64_t old_start_raw = 0, new_start_raw = 0;  // as written in the header, for rejects
  std::string function;                          // text after "@@ ... @@"
  std::vector<HunkLine> lines;

  int64_t count(char side) const {
    int64_t n = 0;
    for (const auto& l : lines) n += l.kind == ' ' || l.kind == side;
    return n;
  }
  int64_t prefix_context() const {
    int64_t n = 0;
    while (n < static_cast<int64_t>(lines.size()) && lines[n].kind == ' ') ++n;
    return n;
  }
  int64_t suffix_context() const {
    int64_t n = 0;
    while (n < static_cast<int64_t>(lines.size()) && lines[lines.size() - 1 - n].kind == ' ') ++n;
    return n;
  }
  void swap_sides() {
    for (auto& l : lines)
      if (l.kind != ' ') l.kind = l.kind == '-' ? '+' : '-';
    std::swap(old_first, new_first);
    std::swap(old_start_raw, new_start_raw);
    // Reversing a context diff puts the new lines first; keep deletions
    // ahead of insertions inside each change, as a forward diff has them.
    for (size_t i = 0; i < lines.size();) {
      if (lines[i].kind == ' ') {
        ++i;
        continue;
      }
      size_t j = i;
      while (j < lines.size() && lines[j].kind != ' ') ++j;
      std::stable_partition(lines.begin() + i, lines.begin() + j, [](const HunkLine& l) { return l.kind == '-'; });
      i = j;
    }
  }
};

struct FilePatch {
  Format format = Format::kUnified;
  std::string old_name, new_name, index_name;  // raw names from the headers
  std::string old_header, new_header;          // header lines, for the reject file
  bool old_is_null = false, new_is_null = false;
  std::vector<std::string> leading_text;  // lines before the hunks, for "can't find file"
  int64_t hunk_line = 0;                  // input line number of the first hunk
  std::vector<Hunk> hunks;
};

bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

bool parse_num(std::string_view s, size_t& i, int64_t& out) {
  size_t start = i;
  int64_t v = 0;
  while (i < s.size() && s[i] >= '0' && s[i] <= '9') {
    if (v > INT64_MAX / 10 - 10) return false;
    v = v * 10 + (s[i++] - '0');
  }
  out = v;
  return i > start;
}

// "A" or "A,B" at s[i..].
bool parse_range(std::string_view s, size_t& i, int64_t& a, int64_t& b, bool& has_b) {
  if (!parse_num(s, i, a)) return false;
  has_b = false;
  b = a;
  if (i < s.size() && s[i] == ',') {
    ++i;
    if (!parse_num(s, i, b)) return false;
    has_b = true;
  }
  return true;
}

bool is_normal_command(std::string_view s, int64_t& a1, int64_t& a2, char& cmd, int64_t& b1, int64_t& b2) {
  size_t i = 0;
  bool h;
  if (!parse_range(s, i, a1, a2, h)) return false;
  if (i >= s.size() || (s[i] != 'a' && s[i] != 'c' && s[i] != 'd')) return false;
  cmd = s[i++];
  if (!parse_range(s, i, b1, b2, h)) return false;
  return i == s.size();
}

// A header's file name: up to the tab that starts the timestamp.
std::string header_name(std::string_view rest) {
  size_t tab = rest.find('\t');
  std::string_view name = rest.substr(0, tab);
  while (!name.empty() && (name.back() == ' ' || name.back() == '\r')) name.remove_suffix(1);
  if (name.size() >= 2 && name.front() == '"' && name.back() == '"') name = name.substr(1, name.size() - 2);
  return std::string(name);
}

// A timestamp of the epoch marks a file that does not exist (diff -N).
bool header_is_null(std::string_view rest, const std::string& name) {
  if (name == "/dev/null") return true;
  size_t tab = rest.find('\t');
  if (tab == std::string_view::npos) return false;
  std::string_view ts = rest.substr(tab + 1);
  return starts_with(ts, "1970-01-01 00:00:00") || starts_with(ts, "Thu Jan  1 00:00:00 1970");
}

// The two header lines of a unified (`---`/`+++`) or context (`***`/`---`)
// diff: each is a 4-character marker, then the name and perhaps a time stamp.
void take_headers(FilePatch& fp, Format format, const std::string& old_line, const std::string& new_line) {
  fp.format = format;
  fp.old_header = old_line;
  fp.new_header = new_line;
  std::string_view old_rest = std::string_view(old_line).substr(4), new_rest = std::string_view(new_line).substr(4);
  fp.old_name = header_name(old_rest);
  fp.new_name = header_name(new_rest);
  fp.old_is_null = header_is_null(old_rest, fp.old_name);
  fp.new_is_null = header_is_null(new_rest, fp.new_name);
}

struct PatchParser {
  std::vector<std::string> lines;
  bool last_has_newline = true;
  size_t pos = 0;

  explicit PatchParser(const std::string& data) {
    size_t p = 0;
    while (p < data.size()) {
      size_t nl = data.find('\n', p);
      if (nl == std::string::npos) {
        lines.push_back(data.substr(p));
        last_has_newline = false;
        break;
      }
      std::string line = data.substr(p, nl - p);
      lines.push_back(std::move(line));
      p = nl + 1;
    }
  }

  bool at(size_t i, std::string_view prefix) const { return i < lines.size() && starts_with(lines[i], prefix); }

  void mark_no_newline(Hunk& h, size_t& i) {
    if (at(i, "\\") && !h.lines.empty()) {
      h.lines.back().no_newline = true;
      ++i;
    }
  }

  bool parse_unified_hunk(size_t& i, Hunk& h) {
    std::string_view s = lines[i];
    size_t k = 4;
    int64_t a, b, c, d;
    bool hb, hd;
    if (!parse_range(s, k, a, b, hb) || !starts_with(s.substr(k), " +")) return false;
    k += 2;
    if (!parse_range(s, k, c, d, hd) || !starts_with(s.substr(k), " @@")) return false;
    if (!hb) b = 1;
    if (!hd) d = 1;
    h.function = std::string(s.substr(k + 3));
    h.old_start_raw = a;
    h.new_start_raw = c;
    h.old_first = b == 0 ? a + 1 : a;
    h.new_first = d == 0 ? c + 1 : c;
    ++i;
    int64_t old_left = b, new_left = d;
    while (old_left > 0 || new_left > 0) {
      if (i >= lines.size()) return false;
      const std::string& l = lines[i];
      char kind = l.empty() ? ' ' : l[0];
      if (kind == '\\') {
        mark_no_newline(h, i);
        continue;
      }
      if (kind != ' ' && kind != '-' && kind != '+') return false;
      if ((kind != '+' && old_left == 0) || (kind != '-' && new_left == 0)) return false;
      h.lines.push_back({kind, l.empty() ? std::string() : l.substr(1)});
      if (kind != '+') --old_left;
      if (kind != '-') --new_left;
      ++i;
    }
    mark_no_newline(h, i);
    return true;
  }

  // "*** A,B ****" ... "--- C,D ----" ...; either half may be left out when
  // it holds nothing but context.
  bool parse_context_hunk(size_t& i, Hunk& h) {
    ++i;  // "***************"
    if (!at(i, "*** ")) return false;
    int64_t a, b, c, d;
    bool hb, hd;
    size_t k = 4;
    if (!parse_range(lines[i], k, a, b, hb)) return false;
    ++i;
    std::vector<HunkLine> old_part, new_part;
    while (i < lines.size() && !at(i, "--- ")) {
      const std::string& l = lines[i];
      if (l.size() >= 1 && l[0] == '\\') {
        if (!old_part.empty()) old_part.back().no_newline = true;
        ++i;
        continue;
      }
      if (l.size() < 2 || (l[0] != ' ' && l[0] != '-' && l[0] != '!') || l[1] != ' ') return false;
      old_part.push_back({l[0], l.substr(2)});
      ++i;
    }
    if (!at(i, "--- ")) return false;
    k = 4;
    if (!parse_range(lines[i], k, c, d, hd)) return false;
    ++i;
    while (i < lines.size()) {
      const std::string& l = lines[i];
      if (l.size() >= 1 && l[0] == '\\') {
        if (!new_part.empty()) new_part.back().no_newline = true;
        ++i;
        continue;
      }
      if (l.size() < 2 || (l[0] != ' ' && l[0] != '+' && l[0] != '!') || l[1] != ' ') break;
      new_part.push_back({l[0], l.substr(2)});
      ++i;
    }
    if (old_part.empty())
      for (const auto& l : new_part)
        if (l.kind == ' ') old_part.push_back(l);
    if (new_part.empty())
      for (const auto& l : old_part)
        if (l.kind == ' ') new_part.push_back(l);
    // Merge the halves into one sequence of context, deletions, insertions.
    size_t x = 0, y = 0;
    while (x < old_part.size() || y < new_part.size()) {
      if (x < old_part.size() && old_part[x].kind == '-') {
        h.lines.push_back({'-', old_part[x].text, old_part[x].no_newline});
        ++x;
      } else if (y < new_part.size() && new_part[y].kind == '+') {
        h.lines.push_back({'+', new_part[y].text, new_part[y].no_newline});
        ++y;
      } else if (x < old_part.size() && old_part[x].kind == '!') {
        while (x < old_part.size() && old_part[x].kind == '!') {
          h.lines.push_back({'-', old_part[x].text, old_part[x].no_newline});
          ++x;
        }
        while (y < new_part.size() && new_part[y].kind == '!') {
          h.lines.push_back({'+', new_part[y].text, new_part[y].no_newline});
          ++y;
        }
      } else if (y < new_part.size() && new_part[y].kind == '!') {
        while (y < new_part.size() && new_part[y].kind == '!') {
          h.lines.push_back({'+', new_part[y].text, new_part[y].no_newline});
          ++y;
        }
      } else if (x < old_part.size() && y < new_part.size()) {
        HunkLine l = old_part[x];
        l.no_newline = old_part[x].no_newline && new_part[y].no_newline;
        h.lines.push_back(l);
        ++x, ++y;
      } else {
        return false;
      }
    }
    int64_t old_n = h.count('-'), new_n = h.count('+');
    h.old_start_raw = a;
    h.new_start_raw = c;
    h.old_first = old_n == 0 ? a + 1 : a;
    h.new_first = new_n == 0 ? c + 1 : c;
    return true;
  }

  bool parse_normal_hunk(size_t& i, Hunk& h) {
    int64_t a1, a2, b1, b2;
    char cmd;
    if (!is_normal_command(lines[i], a1, a2, cmd, b1, b2)) return false;
    ++i;
    h.old_start_raw = a1;
    h.new_start_raw = b1;
    if (cmd != 'a') {
      for (int64_t n = a1; n <= a2; ++n) {
        if (!at(i, "< ")) return false;
        h.lines.push_back({'-', lines[i].substr(2)});
        ++i;
        mark_no_newline(h, i);
      }
    }
    if (cmd == 'c') {
      if (!at(i, "---")) return false;
      ++i;
    }
    if (cmd != 'd') {
      for (int64_t n = b1; n <= b2; ++n) {
        if (!at(i, "> ")) return false;
        h.lines.push_back({'+', lines[i].substr(2)});
        ++i;
        mark_no_newline(h, i);
      }
    }
    h.old_first = cmd == 'a' ? a1 + 1 : a1;
    h.new_first = cmd == 'd' ? b1 + 1 : b1;
    return true;
  }

  // Returns false at the end of input; sets `bad` on a malformed hunk.
  bool next(FilePatch& fp, bool& bad, std::string& bad_msg) {
    size_t lead_start = pos;
    for (; pos < lines.size(); ++pos) {
      const std::string& l = lines[pos];
      int64_t a1, a2, b1, b2;
      char cmd;
      if (starts_with(l, "--- ") && at(pos + 1, "+++ ") && at(pos + 2, "@@ -")) {
        take_headers(fp, Format::kUnified, l, lines[pos + 1]);
        pos += 2;
        break;
      }
      if (starts_with(l, "*** ") && at(pos + 1, "--- ") && at(pos + 2, "***************")) {
        take_headers(fp, Format::kContext, l, lines[pos + 1]);
        pos += 2;
        break;
      }
      if (is_normal_command(l, a1, a2, cmd, b1, b2) && (at(pos + 1, "< ") || at(pos + 1, "> "))) {
        fp.format = Format::kNormal;
        break;
      }
      if (starts_with(l, "Index: ")) fp.index_name = header_name(std::string_view(l).substr(7));
    }
    if (pos >= lines.size()) return false;
    fp.leading_text.assign(lines.begin() + lead_start, lines.begin() + pos);
    fp.hunk_line = static_cast<int64_t>(pos) + 1;
    for (;;) {
      Hunk h;
      size_t start = pos;
      bool ok;
      if (fp.format == Format::kUnified) {
        if (!at(pos, "@@ -")) break;
        ok = parse_unified_hunk(pos, h);
      } else if (fp.format == Format::kContext) {
        if (!at(pos, "***************")) break;
        ok = parse_context_hunk(pos, h);
      } else {
        int64_t a1, a2, b1, b2;
        char cmd;
        if (pos >= lines.size() || !is_normal_command(lines[pos], a1, a2, cmd, b1, b2)) break;
        ok = parse_normal_hunk(pos, h);
      }
      if (!ok) {
        bad = true;
        bad_msg = "malformed patch at line " + std::to_string(start + 1) + ": " +
                  (start < lines.size() ? lines[start] : std::string());
        return true;
      }
      fp.hunks.push_back(std::move(h));
    }
    return true;
  }
};

// A file's text as lines, with its last line's newline remembered.
struct TextFile {
  std::vector<std::string> lines;
  bool final_newline = true;

  void load(const std::string& data) {
    lines.clear();
    final_newline = true;
    size_t p = 0;
    while (p < data.size()) {
      size_t nl = data.find('\n', p);
      if (nl == std::string::npos) {
        lines.push_back(data.substr(p));
        final_newline = false;
        break;
      }
      lines.push_back(data.substr(p, nl - p));
      p = nl + 1;
    }
  }
  std::string str() const {
    std::string out;
    for (size_t i = 0; i < lines.size(); ++i) {
      out += lines[i];
      if (i + 1 < lines.size() || final_newline) out += '\n';
    }
    return out;
  }
};

std::string range_unified(int64_t start, int64_t count) {
  if (count == 1) return std::to_string(start);
  return std::to_string(start) + "," + std::to_string(count);
}

std::string range_context(int64_t first, int64_t count) {
  if (count == 0) return std::to_string(first - 1);
  if (count == 1) return std::to_string(first);
  return std::to_string(first) + "," + std::to_string(first + count - 1);
}

// A failed hunk as it goes into FILE.rej: unified stays unified, the others
// are written as context diffs, as GNU patch does.
void write_reject(const Hunk& h, Format format, std::string& out) {
  int64_t old_n = h.count('-'), new_n = h.count('+');
  auto put = [&](char kind, const HunkLine& l, std::string_view prefix) {
    out += prefix;
    out += l.text;
    out += '\n';
    if (l.no_newline) out += "\\ No newline at end of file\n";
    (void)kind;
  };
  if (format == Format::kUnified) {
    out += "@@ -" + range_unified(h.old_start_raw, old_n) + " +" + range_unified(h.new_start_raw, new_n) + " @@" +
           h.function + "\n";
    for (const auto& l : h.lines) put(l.kind, l, std::string(1, l.kind));
    return;
  }
  out += "***************\n";
  int64_t of = h.old_first, nf = h.new_first;
  if (format == Format::kNormal) {
    // GNU's rejects of normal diffs: context-like, with no context.
    out += "*** " + range_context(of, old_n) + "\n";
    for (const auto& l : h.lines)
      if (l.kind == '-') put(l.kind, l, "- ");
    out += "--- " + range_context(nf, new_n) + " -----\n";
    for (const auto& l : h.lines)
      if (l.kind == '+') put(l.kind, l, "+ ");
    return;
  }
  out += "*** " + range_context(of, old_n) + " ****\n";
  bool any_old = false, any_new = false;
  for (const auto& l : h.lines) any_old |= l.kind == '-', any_new |= l.kind == '+';
  // A line in a change block with both sides is '!'; lone sides are '-'/'+'.
  auto marks = [&](char side) {
    std::vector<std::string> m(h.lines.size());
    for (size_t i = 0; i < h.lines.size();) {
      if (h.lines[i].kind == ' ') {
        m[i] = "  ";
        ++i;
        continue;
      }
      size_t j = i;
      bool has_minus = false, has_plus = false;
      while (j < h.lines.size() && h.lines[j].kind != ' ') {
        has_minus |= h.lines[j].kind == '-';
        has_plus |= h.lines[j].kind == '+';
        ++j;
      }
      for (size_t k = i; k < j; ++k) m[k] = (has_minus && has_plus) ? "! " : std::string(1, side) + " ";
      i = j;
    }
    return m;
  };
  if (any_old) {
    auto m = marks('-');
    for (size_t i = 0; i < h.lines.size(); ++i)
      if (h.lines[i].kind != '+') put(h.lines[i].kind, h.lines[i], m[i]);
  }
  out += "--- " + range_context(nf, new_n) + " ----\n";
  if (any_new) {
    auto m = marks('+');
    for (size_t i = 0; i < h.lines.size(); ++i)
      if (h.lines[i].kind != '-') put(h.lines[i].kind, h.lines[i], m[i]);
  }
}

struct Patcher {
  Invocation& inv;
  int strip = -1;  // -1: no -p given (use the base name)
  bool reverse_specified = false, forward = false, dry_run = false, backup = false, remove_empty = false;
  bool silent = false, force = false, batch = false, backup_mismatch = true;
  int64_t max_fuzz = 2;
  std::string output, reject_file, suffix = ".orig";
  std::string origfile;
  int status = 0;

  void say(std::string_view s) {
    if (!silent) inv.out() << s;
  }

  // Applies -p to a header name; empty when it has too few components.
  std::string strip_name(const std::string& name) const {
    if (name.empty() || name == "/dev/null") return "";
    if (strip < 0) return std::string(vfs::basename_of(fsu::strip_trailing_slashes(name)));
    std::string_view s = name;
    for (int n = 0; n < strip; ++n) {
      size_t slash = s.find('/');
      if (slash == std::string_view::npos) return "";
      s = s.substr(slash + 1);
      while (!s.empty() && s[0] == '/') s.remove_prefix(1);
    }
    return std::string(s);
  }

  bool exists(const std::string& name) const { return !name.empty() && fsu::exists(*inv.fs, inv.path(name)); }

  // GNU's choice among the header names: an existing file, preferring fewer
  // path components, then a shorter base name, then a shorter name.
  std::string choose_name(const FilePatch& fp, bool& found) {
    std::vector<std::string> cands = {strip_name(fp.old_name), strip_name(fp.new_name), strip_name(fp.index_name)};
    std::string best;
    auto better = [](const std::string& a, const std::string& b) {
      auto comps = [](const std::string& s) { return std::count(s.begin(), s.end(), '/'); };
      if (comps(a) != comps(b)) return comps(a) < comps(b);
      if (vfs::basename_of(a).size() != vfs::basename_of(b).size())
        return vfs::basename_of(a).size() < vfs::basename_of(b).size();
      return a.size() < b.size();
    };
    for (const auto& c : cands)
      if (exists(c) && (best.empty() || better(c, best))) best = c;
    found = !best.empty();
    if (found) return best;
    // A file to create: the new name (or whichever name there is).
    bool creating = reverse_specified ? fp.new_is_null : fp.old_is_null;
    if (creating) {
      const std::string& n = reverse_specified ? cands[0] : cands[1];
      if (!n.empty()) {
        found = true;
        return n;
      }
    }
    for (const auto& c : cands)
      if (!c.empty() && creating) return found = true, c;
    return "";
  }

  bool match_at(const TextFile& f, const std::vector<const HunkLine*>& pat, int64_t where, int64_t prefix_fuzz,
                int64_t suffix_fuzz) const {
    int64_t n = static_cast<int64_t>(pat.size()) - suffix_fuzz;
    int64_t iline = where + prefix_fuzz;
    for (int64_t p = prefix_fuzz; p < n; ++p, ++iline) {
      if (iline < 1 || iline > static_cast<int64_t>(f.lines.size())) return false;
      if (f.lines[iline - 1] != pat[p]->text) return false;
    }
    return true;
  }

  // GNU's locate_hunk: tries offsets 0, +1, -1, +2, ... within the file.
  int64_t locate(const TextFile& f, const Hunk& h, int64_t fuzz, int64_t& in_offset, int64_t last_frozen) const {
    std::vector<const HunkLine*> pat;
    for (const auto& l : h.lines)
      if (l.kind != '+') pat.push_back(&l);
    int64_t input_lines = static_cast<int64_t>(f.lines.size());
    int64_t first_guess = h.old_first + in_offset;
    int64_t pat_lines = static_cast<int64_t>(pat.size());
    int64_t prefix_context = h.prefix_context(), suffix_context = h.suffix_context();
    int64_t context = std::max(prefix_context, suffix_context);
    int64_t prefix_fuzz = fuzz + prefix_context - context;
    int64_t suffix_fuzz = fuzz + suffix_context - context;
    int64_t max_where = input_lines - (pat_lines - suffix_fuzz) + 1;
    int64_t min_where = last_frozen + 1 - (prefix_context - prefix_fuzz);
    int64_t max_pos_offset = max_where - first_guess;
    int64_t max_neg_offset = first_guess - min_where;
    int64_t max_offset = std::max(max_pos_offset, max_neg_offset);
    if (pat_lines == 0) return first_guess;
    if (first_guess <= max_neg_offset) max_neg_offset = first_guess - 1;
    if (prefix_fuzz < 0 && h.old_first <= 1) {
      // Only the start of the file can match.
      if (suffix_fuzz < 0 && (pat_lines != input_lines || prefix_context < last_frozen)) return 0;
      int64_t offset = 1 - first_guess;
      if (last_frozen <= prefix_context && offset <= max_pos_offset &&
          match_at(f, pat, first_guess + offset, 0, std::max<int64_t>(suffix_fuzz, 0))) {
        in_offset += offset;
        return first_guess + offset;
      }
      return 0;
    }
    if (prefix_fuzz < 0) prefix_fuzz = 0;
    if (suffix_fuzz < 0) {
      // Only the end of the file can match.
      int64_t offset = first_guess - (input_lines - pat_lines + 1);
      if (offset <= max_neg_offset && match_at(f, pat, first_guess - offset, prefix_fuzz, 0)) {
        in_offset -= offset;
        return first_guess - offset;
      }
      return 0;
    }
    for (int64_t offset = 0; offset <= max_offset; ++offset) {
      if (offset <= max_pos_offset && match_at(f, pat, first_guess + offset, prefix_fuzz, suffix_fuzz)) {
        in_offset += offset;
        return first_guess + offset;
      }
      if (offset > 0 && offset <= max_neg_offset &&
          match_at(f, pat, first_guess - offset, prefix_fuzz, suffix_fuzz)) {
        in_offset -= offset;
        return first_guess - offset;
      }
    }
    return 0;
  }

  // GNU copies the input to a new output as it goes, so line numbers (where,
  // last_frozen) always refer to the unchanged input. Context lines keep
  // the file's text: under fuzz it may differ from the hunk's.
  struct Output {
    std::vector<std::string> lines;
    int64_t copied = 0;  // input lines consumed so far
    std::optional<bool> end_newline;  // set when a hunk wrote the last line
  };

  void apply(const TextFile& f, Output& o, const Hunk& h, int64_t where) {
    int64_t n = static_cast<int64_t>(f.lines.size());
    for (; o.copied < where - 1 && o.copied < n; ++o.copied) o.lines.push_back(f.lines[o.copied]);
    int64_t i = where - 1;
    std::optional<bool> last;
    for (const auto& l : h.lines) {
      if (l.kind == ' ') {
        o.lines.push_back(i < n ? f.lines[i] : l.text);
        ++i;
        last = !l.no_newline;
      } else if (l.kind == '-') {
        ++i;
      } else {
        o.lines.push_back(l.text);
        last = !l.no_newline;
      }
    }
    o.copied = i;
    if (i >= n) o.end_newline = last ? *last : true;
  }

  void finish(const TextFile& f, Output& o, TextFile& result) {
    int64_t n = static_cast<int64_t>(f.lines.size());
    bool from_input = o.copied < n;
    for (; o.copied < n; ++o.copied) o.lines.push_back(f.lines[o.copied]);
    result.lines = std::move(o.lines);
    result.final_newline = from_input || !o.end_newline ? f.final_newline : *o.end_newline;
  }

  void cant_find(const FilePatch& fp) {
    std::string msg = "can't find file to patch at input line " + std::to_string(fp.hunk_line) + "\n";
    msg += strip < 0 ? "Perhaps you should have used the -p or --strip option?\n"
                     : "Perhaps you used the wrong -p or --strip option?\n";
    msg += "The text leading up to this was:\n--------------------------\n";
    for (const auto& l : fp.leading_text) msg += "|" + l + "\n";
    msg += "--------------------------\n";
    msg += "File to patch: \nSkip this patch? [y] \nSkipping patch.\n";
    size_t n = fp.hunks.size();
    msg += std::to_string(n) + " out of " + std::to_string(n) + (n == 1 ? " hunk" : " hunks") + " ignored\n";
    inv.out() << msg;  // shown even with -s: it explains a failure
    status = std::max(status, 1);
  }

  void patch_file(FilePatch& fp) {
    if (reverse_specified)
      for (auto& h : fp.hunks) h.swap_sides();
    bool found = true;
    std::string name = origfile;
    if (name.empty()) name = choose_name(fp, found);
    if (!found || name.empty()) {
      cant_find(fp);
      return;
    }
    std::string path = inv.path(name);
    std::string data;
    bool file_exists = fsu::exists(*inv.fs, path);
    vfs::Stat st{};
    if (file_exists) {
      inv.fs->stat(path, st);
      if (S_ISDIR(st.mode)) {
        inv.err() << "patch: **** Can't open file " << name << " : Is a directory\n";
        status = 2;
        return;
      }
      if (vfs::Error err = vfs::read_file(*inv.fs, path, data)) {
        inv.err() << "patch: **** Can't open file " << name << " : " << vfs::error_text(err) << "\n";
        status = 2;
        return;
      }
    }
    std::string out_name = output.empty() ? name : output;
    if (dry_run) say("checking file " + out_name + "\n");
    else if (!output.empty()) say("patching file " + output + " (read from " + name + ")\n");
    else say("patching file " + name + "\n");

    TextFile f;
    f.load(data);
    int64_t in_offset = 0, last_frozen = 0;
    bool reverse = reverse_specified, skip_rest = false, apply_anyway = false, mismatch = false;
    int64_t failed = 0;
    Output out;
    std::vector<Hunk> reject_copies;
    reject_copies.reserve(fp.hunks.size());
    for (size_t hi = 0; hi < fp.hunks.size(); ++hi) {
      Hunk& h = fp.hunks[hi];
      int64_t where = 0, fuzz = 0;
      int64_t context = std::max(h.prefix_context(), h.suffix_context());
      int64_t my_max_fuzz = std::min(max_fuzz, context);
      if (!skip_rest) {
        do {
          where = locate(f, h, fuzz, in_offset, last_frozen);
          if (hi == 0 && !where && !(force || apply_anyway) && reverse == reverse_specified) {
            // Does the patch apply the other way round?
            h.swap_sides();
            reverse = !reverse;
            int64_t saved_offset = in_offset;
            where = locate(f, h, fuzz, in_offset, last_frozen);
            if (!where) {
              h.swap_sides();
              reverse = !reverse;
              in_offset = saved_offset;
            } else if (forward) {
              h.swap_sides();
              reverse = !reverse;
              in_offset = saved_offset;
              say("Reversed (or previously applied) patch detected!  Skipping patch.\n");
              skip_rest = true;
              where = 0;
            } else if (batch) {
              say(std::string(reverse ? "Reversed (or previously applied)" : "Unreversed") + " patch detected!  " +
                  (reverse ? "Assuming" : "Ignoring") + " -R.\n");
              for (size_t k = hi + 1; k < fp.hunks.size(); ++k) fp.hunks[k].swap_sides();
            } else {
              // No terminal: each question takes its default, "no".
              say(std::string(reverse ? "Reversed (or previously applied)" : "Unreversed") + " patch detected!  " +
                  (reverse ? "Assume" : "Ignore") + " -R? [n] \n");
              say("Apply anyway? [n] \n");
              say("Skipping patch.\n");
              skip_rest = true;
              h.swap_sides();
              reverse = !reverse;
              in_offset = saved_offset;
              where = 0;
            }
          }
        } while (!skip_rest && !where && ++fuzz <= my_max_fuzz);
      }
      int64_t newwhere = (where ? where : h.old_first + in_offset) - h.old_first + h.new_first;
      if (skip_rest) {
        ++failed;
        reject_copies.push_back(h);
        if (reverse != reverse_specified) reject_copies.back().swap_sides();
      } else if (!where) {
        ++failed;
        mismatch = true;
        say("Hunk #" + std::to_string(hi + 1) + " FAILED at " + std::to_string(newwhere) + ".\n");
        reject_copies.push_back(h);
      } else {
        if (fuzz || in_offset) mismatch = true;
        apply(f, out, h, where);
        last_frozen = where - 1 + h.count('-');
        if (fuzz || in_offset) {
          std::string msg = "Hunk #" + std::to_string(hi + 1) + " succeeded at " + std::to_string(newwhere);
          if (fuzz) msg += " with fuzz " + std::to_string(fuzz);
          if (in_offset)
            msg += " (offset " + std::to_string(in_offset) + (in_offset == 1 || in_offset == -1 ? " line)" : " lines)");
          say(msg + ".\n");
        }
      }
    }
    TextFile result;
    finish(f, out, result);
    // GNU writes the file (and its mismatch backup) even when every hunk failed.
    if (!dry_run && !skip_rest) {
      std::string out_path = inv.path(out_name);
      if ((backup || (mismatch && backup_mismatch)) && file_exists && output.empty()) {
        vfs::write_file(*inv.fs, path + suffix, data, st.mode & 07777);
      }
      bool new_is_null = reverse ? fp.old_is_null : fp.new_is_null;
      std::string text = result.str();
      if (text.empty() && (remove_empty || new_is_null) && output.empty()) {
        inv.fs->unlink(out_path);
      } else {
        // A new file may need its directories.
        std::string dir(vfs::dirname_of(out_path));
        std::vector<std::string> missing;
        while (dir != "/" && !fsu::exists(*inv.fs, dir)) {
          missing.push_back(dir);
          dir = std::string(vfs::dirname_of(dir));
        }
        for (auto it = missing.rbegin(); it != missing.rend(); ++it) inv.fs->mkdir(*it, 0755);
        uint32_t mode = file_exists ? (st.mode & 07777) : (0666 & ~fsu::kUmask);
        if (vfs::Error err = vfs::write_file(*inv.fs, out_path, text, mode)) {
          inv.err() << "patch: **** Can't create file " << out_name << " : " << vfs::error_text(err) << "\n";
          status = 2;
          return;
        }
      }
    }
    if (failed) {
      status = std::max(status, 1);
      size_t n = fp.hunks.size();
      std::string msg = std::to_string(failed) + " out of " + std::to_string(n) + (n == 1 ? " hunk " : " hunks ") +
                        (skip_rest ? "ignored" : "FAILED");
      std::string rej = reject_file.empty() ? out_name + ".rej" : reject_file;
      if (!dry_run) {
        msg += " -- saving rejects to file " + rej;
        std::string body = fp.format == Format::kUnified ? fp.old_header + "\n" + fp.new_header + "\n" : "";
        if (fp.format == Format::kContext) body = fp.old_header + "\n" + fp.new_header + "\n";
        if (fp.format == Format::kNormal) body = "*** /dev/null\n--- /dev/null\n";
        for (const auto& h : reject_copies) write_reject(h, fp.format, body);
        vfs::write_file(*inv.fs, inv.path(rej), body, 0666 & ~fsu::kUmask);
      }
      inv.out() << msg << "\n";  // even with -s
    }
  }
};

int run_patch(Invocation& inv) {
  ParsedArgs args;
  if (auto status = parse_args(inv, kSpec, args)) return *status;
  Patcher p{inv};
  if (const auto* v = args.last(kStrip)) {
    size_t i = 0;
    int64_t n;
    if (!parse_num(*v, i, n) || i != v->size() || n > 1000000) {
      inv.err() << "patch: **** strip count " << *v << " is not a number\n";
      return 2;
    }
    p.strip = static_cast<int>(n);
  }
  if (const auto* v = args.last(kFuzz)) {
    size_t i = 0;
    if (!parse_num(*v, i, p.max_fuzz) || i != v->size()) {
      inv.err() << "patch: **** fuzz factor " << *v << " is not a number\n";
      return 2;
    }
  }
  p.reverse_specified = args.has(kReverse);
  p.forward = args.has(kForward);
  p.dry_run = args.has(kDryRun);
  p.backup = args.has(kBackup);
  p.remove_empty = args.has(kRemoveEmpty);
  p.silent = args.has(kSilent);
  p.force = args.has(kForce);
  p.batch = args.has(kBatch) || p.force;
  if (args.has(kNoBackupMismatch) || args.has(kPosix)) p.backup_mismatch = false;
  if (const auto* v = args.last(kOutput)) p.output = *v;
  if (const auto* v = args.last(kRejectFile)) p.reject_file = *v;
  if (const auto* v = args.last(kSuffix)) p.suffix = *v;
  if (const auto* v = args.last(kDirectory)) {
    std::string dir = inv.path(*v);
    if (!fsu::is_dir(*inv.fs, dir)) {
      inv.err() << "patch: **** Can't change to directory " << *v << " : No such file or directory\n";
      return 2;
    }
    inv.cwd = dir;
  }
  auto& ops = args.operands;
  if (ops.size() > 2) {
    inv.err() << "patch: " << text::quote(ops[2]) << ": extra operand\n";
    inv.err() << "patch: Try 'patch --help' for more information.\n";
    return 2;
  }
  if (!ops.empty()) p.origfile = ops[0];
  std::string patch_name = ops.size() == 2 ? ops[1] : "-";
  if (const auto* v = args.last(kInput)) patch_name = *v;

  std::string data;
  text::Input in;
  if (vfs::Error err = text::open_input(inv, patch_name, in)) {
    inv.err() << "patch: **** Can't open patch file " << patch_name << " : " << vfs::error_text(err) << "\n";
    return 2;
  }
  vfs::Error err;
  char buf[65536];
  for (;;) {
    size_t got = text::read_block(in, buf, sizeof buf, err);
    if (err || got == 0) break;
    data.append(buf, got);
  }
  if (err) {
    inv.err() << "patch: **** read error : " << vfs::error_text(err) << "\n";
    return 2;
  }

  PatchParser parser(data);
  int files = 0;
  for (;;) {
    if (inv.cancelled()) return 2;
    FilePatch fp;
    bool bad = false;
    std::string bad_msg;
    if (!parser.next(fp, bad, bad_msg)) break;
    if (bad) {
      inv.err() << "patch: **** " << bad_msg << "\n";
      return inv.finish(2);
    }
    ++files;
    p.patch_file(fp);
    if (p.status == 2) return inv.finish(2);
  }
  if (files == 0) {
    bool only_blank = std::all_of(data.begin(), data.end(), [](char c) { return c == '\n' || c == ' ' || c == '\t'; });
    if (!only_blank) {
      inv.err() << "patch: **** Only garbage was found in the patch input.\n";
      return 2;
    }
  }
  return p.status;
}

}  // namespace

BURROW_COMMAND(patch, "apply a diff file to an original", run_patch);

}  // namespace burrow
