// unzip: list, test and extract zip archives (Info-ZIP UnZip 6.0), reading
// through libarchive from the virtual filesystem. Extraction stays inside
// the target directory: absolute names lose their "/", names with ".." are
// refused, and nothing is written through a symlink the archive planted.
#include <archive_entry.h>
#include <fnmatch.h>

#include <cstdio>
#include <set>

#include "commands/args.h"
#include "commands/common/archive_io.h"
#include "commands/common/fs_util.h"

namespace burrow {
namespace {

enum Opt { kList, kOverwrite, kNever, kDir, kQuiet, kPipe, kTest, kJunk, kExclude, kVerbose };

constexpr OptionSpec kOptions[] = {
    {kList, 'l', "", ArgKind::kNone, "list files (short format)"},
    {kOverwrite, 'o', "", ArgKind::kNone, "overwrite files WITHOUT prompting"},
    {kNever, 'n', "", ArgKind::kNone, "never overwrite existing files"},
    {kDir, 'd', "", ArgKind::kRequired, "extract files into exdir", "exdir"},
    {kQuiet, 'q', "", ArgKind::kNone, "quiet mode (-qq => quieter)"},
    {kPipe, 'p', "", ArgKind::kNone, "extract files to pipe, no messages"},
    {kTest, 't', "", ArgKind::kNone, "test compressed archive data"},
    {kJunk, 'j', "", ArgKind::kNone, "junk paths (do not make directories)"},
    {kExclude, 'x', "", ArgKind::kNone, "exclude files that follow (in xlist)"},
    {kVerbose, 'v', "", ArgKind::kNone, "list verbosely/show version info"},
};

constexpr CommandSpec kSpec{
    .usage = "Usage: unzip [-Z] [-opts[modifiers]] file[.zip] [list] [-x xlist] [-d exdir]",
    .description = "Default action is to extract files in list, except those in xlist, to exdir.",
    .options = kOptions,
    .usage_status = 10,
};

class Unzip {
 public:
  explicit Unzip(Invocation& inv) : inv_(inv) {}

  int run() {
    ParsedArgs args;
    if (auto status = parse_args(inv_, kSpec, args)) return *status;
    if (args.operands.empty()) {
      print_help(inv_, kSpec);
      return 0;
    }
    list_ = args.has(kList) || args.has(kVerbose);
    overwrite_ = args.has(kOverwrite);
    never_ = args.has(kNever);
    quiet_ = args.count(kQuiet);
    pipe_ = args.has(kPipe);
    test_ = args.has(kTest);
    junk_ = args.has(kJunk);
    base_ = inv_.cwd;
    if (const std::string* d = args.last(kDir)) base_ = inv_.path(*d);
    zip_name_ = args.operands[0];
    // Names after -x are exclusions; the parser collected them as operands,
    // so split where -x appeared among the arguments.
    bool excluding = false;
    for (size_t i = 1; i < inv_.argv.size(); ++i) {
      if (inv_.argv[i] == "-x") excluding = true;
    }
    for (size_t i = 1; i < args.operands.size(); ++i) (excluding ? excludes_ : wanted_).push_back(args.operands[i]);
    if (excluding && args.has(kExclude)) split_exclusions(args);
    return extract_all();
  }

 private:
  void split_exclusions(const ParsedArgs& args) {
    // Rebuild from argv: everything after -x (until another option) is excluded.
    wanted_.clear();
    excludes_.clear();
    bool after_x = false;
    bool seen_zip = false;
    for (size_t i = 1; i < inv_.argv.size(); ++i) {
      const std::string& a = inv_.argv[i];
      if (a == "-x") {
        after_x = true;
        continue;
      }
      if (a == "-d") {
        ++i;
        continue;
      }
      if (!a.empty() && a[0] == '-') continue;
      if (!seen_zip) {
        seen_zip = true;
        continue;
      }
      (after_x ? excludes_ : wanted_).push_back(a);
    }
    (void)args;
  }

  void say(std::string_view text) { inv_.err() << text << "\n"; }

  bool open_zip(vfs::FilePtr& file, std::string& shown) {
    for (const std::string& candidate : {zip_name_, zip_name_ + ".zip", zip_name_ + ".ZIP"}) {
      if (!inv_.fs->open(inv_.path(candidate), O_RDONLY, 0, file)) {
        shown = candidate;
        return true;
      }
    }
    inv_.err() << "unzip:  cannot find or open " << zip_name_ << ", " << zip_name_ << ".zip or " << zip_name_
               << ".ZIP.\n";
    return false;
  }

  bool selected(const std::string& name, std::set<std::string>& matched) {
    for (const std::string& x : excludes_)
      if (fnmatch(x.c_str(), name.c_str(), 0) == 0) return false;
    if (wanted_.empty()) return true;
    for (const std::string& w : wanted_) {
      if (fnmatch(w.c_str(), name.c_str(), 0) == 0) {
        matched.insert(w);
        return true;
      }
    }
    return false;
  }

  int extract_all() {
    ArchiveSource src{&inv_, nullptr};
    std::string shown;
    if (!open_zip(src.file, shown)) return 9;
    struct archive* a = archive_read_new();
    std::unique_ptr<struct archive, int (*)(struct archive*)> guard(a, archive_read_free);
    archive_read_support_format_zip_seekable(a);
    if (!pipe_ && quiet_ == 0) inv_.out() << "Archive:  " << shown << "\n";
    if (archive_open_source(a, src) != ARCHIVE_OK) return not_a_zip(shown);
    if (list_) inv_.out() << "  Length      Date    Time    Name\n---------  ---------- -----   ----\n";
    std::set<std::string> matched;
    archive_entry* e;
    int r;
    uint64_t total = 0;
    int files = 0, status = 0, entries = 0;
    while ((r = archive_read_next_header(a, &e)) == ARCHIVE_OK || r == ARCHIVE_WARN) {
      ++entries;
      if (inv_.cancelled()) return 130;
      std::string name = archive_entry_pathname(e) ? archive_entry_pathname(e) : "";
      if (!selected(name, matched)) continue;
      if (list_) {
        char line[64];
        snprintf(line, sizeof line, "%9lld  ", static_cast<long long>(archive_entry_size(e)));
        vfs::Timespec mtime{archive_entry_mtime(e), 0};
        inv_.out() << line << fsu::format_time("%Y-%m-%d %H:%M", fsu::local_time(inv_, mtime)) << "   " << name << "\n";
        total += archive_entry_size(e);
        ++files;
        continue;
      }
      if (test_) {
        bool ok = drain(a, nullptr);
        char line[256];
        snprintf(line, sizeof line, "    testing: %-24s %s\n", name.c_str(), ok ? "OK" : "bad");
        inv_.out() << line;
        if (!ok) status = 2;
        continue;
      }
      if (pipe_) {
        if (archive_entry_filetype(e) == AE_IFREG) drain(a, &inv_.out());
        continue;
      }
      int s = extract(a, e, name);
      if (s > status) status = s;
    }
    if (r != ARCHIVE_EOF && entries == 0) return not_a_zip(shown);
    if (r != ARCHIVE_EOF) {
      say(std::string("error: ") + (archive_error_string(a) ? archive_error_string(a) : "invalid zipfile"));
      status = std::max(status, 2);
    }
    if (list_) {
      char line[96];
      snprintf(line, sizeof line, "---------                     -------\n%9llu                     %d file%s\n",
               static_cast<unsigned long long>(total), files, files == 1 ? "" : "s");
      inv_.out() << line;
    }
    if (test_ && status == 0) inv_.out() << "No errors detected in compressed data of " << shown << ".\n";
    for (const std::string& w : wanted_) {
      if (!matched.count(w)) {
        inv_.err() << "caution: filename not matched:  " << w << "\n";
        status = std::max(status, 11);
      }
    }
    return status;
  }

  int not_a_zip(const std::string& shown) {
    inv_.err() << "  End-of-central-directory signature not found.  Either this file is not\n"
                  "  a zipfile, or it constitutes one disk of a multi-part archive.  In the\n"
                  "  latter case the central directory and zipfile comment will be found on\n"
                  "  the last disk(s) of this archive.\n";
    inv_.err() << "unzip:  cannot find zipfile directory in one of " << shown << " or\n        " << shown
               << ".zip, and cannot find " << shown << ".ZIP, period.\n";
    return 9;
  }

  // Reads the member's data, to `out` if given; false on corrupt data.
  bool drain(struct archive* a, OutStream* out, const vfs::FilePtr& file = nullptr, vfs::Error* werr = nullptr) {
    std::vector<char> buf(64 * 1024);
    for (;;) {
      la_ssize_t n = archive_read_data(a, buf.data(), buf.size());
      if (n == 0) return true;
      if (n < 0) return false;
      if (out) out->write(buf.data(), static_cast<size_t>(n));
      if (file) {
        size_t written = 0;
        if (vfs::Error err = file->write(buf.data(), static_cast<size_t>(n), written)) {
          if (werr) *werr = err;
          return false;
        }
      }
      if (inv_.cancelled()) return false;
    }
  }

  // The member's path relative to the target, made safe; empty: skip it.
  std::string safe_name(const std::string& name) {
    std::vector<std::string> parts;
    size_t pos = 0;
    while (pos <= name.size()) {
      size_t end = name.find('/', pos);
      if (end == std::string::npos) end = name.size();
      std::string part = name.substr(pos, end - pos);
      if (part == "..") {
        say("warning:  skipped \"../\" path component(s) in " + name);
        part.clear();
      }
      if (!part.empty() && part != ".") parts.push_back(part);
      pos = end + 1;
    }
    if (junk_ && !parts.empty()) parts.erase(parts.begin(), parts.end() - 1);
    std::string out;
    for (const std::string& p : parts) out += (out.empty() ? "" : "/") + p;
    return out;
  }

  // "  inflating: name" with the name padded as UnZip pads file lines.
  void show(const char* action, const std::string& shown_path, bool pad = true) {
    if (quiet_) return;
    char line[512];
    snprintf(line, sizeof line, pad ? "%11s: %-23s \n" : "%11s: %s\n", action, shown_path.c_str());
    inv_.out() << line;
  }

  int extract(struct archive* a, archive_entry* e, const std::string& name) {
    std::string rel = safe_name(name);
    if (rel.empty()) return 0;
    std::string shown = base_ == inv_.cwd ? rel : (args_dir_shown() + rel);
    std::string path = vfs::join(base_, rel);
    if (!archive_parents_are_real(*inv_.fs, base_, rel)) {
      say("error:  cannot create " + shown + "\n        Not a directory");
      return 1;
    }
    archive_make_parents(*inv_.fs, path);
    uint32_t type = archive_entry_filetype(e);
    if (type == AE_IFDIR) {
      if (junk_) return 0;
      if (!fsu::is_dir(*inv_.fs, path)) {
        archive_make_parents(*inv_.fs, path);
        inv_.fs->mkdir(path, 0755);
        show("creating", shown + "/", false);
      }
      return 0;
    }
    vfs::Stat st;
    if (!inv_.fs->lstat(path, st)) {
      if (never_) return 0;
      if (!overwrite_) {
        // Without a terminal to ask, unzip takes the answer as "[N]one".
        inv_.err() << "replace " << shown << "? [y]es, [n]o, [A]ll, [N]one, [r]ename:  NULL\n"
                   << "(EOF or read error, treating as \"[N]one\" ...)\n";
        never_ = true;
        return 1;
      }
      inv_.fs->unlink(path);
    }
    if (type == AE_IFLNK) {
      const char* target = archive_entry_symlink(e);
      show("linking", shown + " -> " + (target ? target : ""));
      inv_.fs->symlink(target ? target : "", path);
      return 0;
    }
    vfs::FilePtr out;
    uint32_t perm = archive_entry_perm(e) ? archive_entry_perm(e) & 0777 : 0644;
    if (vfs::Error err = inv_.fs->open(path, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW, perm, out)) {
      say("error:  cannot create " + shown + "\n        " + vfs::error_text(err));
      return 1;
    }
    show(archive_entry_size(e) > 0 && !stored(a) ? "inflating" : "extracting", shown);
    vfs::Error werr;
    bool ok = drain(a, nullptr, out, &werr);
    out->close();
    if (!ok) {
      if (werr) say("error:  cannot write " + shown + "\n        " + vfs::error_text(werr));
      else say("error:  invalid compressed data to inflate " + shown);
      return werr ? 50 : 2;
    }
    vfs::Timespec mtime{archive_entry_mtime(e), 0};
    inv_.fs->utimes(path, vfs::TimeChange::at(mtime), vfs::TimeChange::at(mtime), false);
    return 0;
  }

  static bool stored(struct archive* a) {
    // libarchive names the member's compression in its format name.
    const char* f = archive_format_name(a);
    return f && std::string_view(f).find("uncompressed") != std::string_view::npos;
  }

  std::string args_dir_shown() {
    for (size_t i = 1; i + 1 < inv_.argv.size(); ++i)
      if (inv_.argv[i] == "-d") {
        std::string d = inv_.argv[i + 1];
        return d.back() == '/' ? d : d + "/";
      }
    return "";
  }

  Invocation& inv_;
  std::string zip_name_, base_;
  std::vector<std::string> wanted_, excludes_;
  bool list_ = false, overwrite_ = false, never_ = false, pipe_ = false, test_ = false, junk_ = false;
  size_t quiet_ = 0;
};

int run_unzip(Invocation& inv) {
  Unzip unzip(inv);
  return unzip.run();
}

}  // namespace

BURROW_COMMAND(unzip, "list, test and extract compressed files in a ZIP archive", run_unzip);

}  // namespace burrow
