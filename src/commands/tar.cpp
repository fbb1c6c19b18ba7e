// tar: create, list and extract archives (GNU tar 1.34), over libarchive.
// libarchive only encodes and decodes: every byte comes from and goes to the
// virtual filesystem through our own callbacks, and extraction is done here,
// so that nothing is written outside the target directory: member names are
// stripped of leading "/" and refused with "..", and nothing is written
// through a symlink that the archive itself may have planted.
#include <archive_entry.h>

#include <fnmatch.h>

#include <cstring>
#include <functional>
#include <set>
#include <vector>

#include "commands/args.h"
#include "commands/common/archive_io.h"
#include "commands/common/fs_util.h"

namespace burrow {
namespace {

enum Opt { kCreate, kExtract, kList, kAppend, kFile, kDirectory, kVerbose, kGzip, kBzip2, kXz, kZstd, kAuto,
           kPreserve, kStrip, kExclude, kFilesFrom, kToStdout, kKeepOld, kNoSameOwner, kNumericOwner, kOverwrite };

constexpr OptionSpec kOptions[] = {
    {kCreate, 'c', "create", ArgKind::kNone, "create a new archive"},
    {kExtract, 'x', "extract", ArgKind::kNone, "extract files from an archive"},
    {kExtract, 0, "get", ArgKind::kNone, ""},
    {kList, 't', "list", ArgKind::kNone, "list the contents of an archive"},
    {kAppend, 'r', "append", ArgKind::kNone, "append files to the end of an archive"},
    {kFile, 'f', "file", ArgKind::kRequired, "use archive file ARCHIVE ('-' for standard input/output)", "ARCHIVE"},
    {kDirectory, 'C', "directory", ArgKind::kRequired, "change to directory DIR", "DIR"},
    {kVerbose, 'v', "verbose", ArgKind::kNone, "verbosely list files processed"},
    {kGzip, 'z', "gzip", ArgKind::kNone, "filter the archive through gzip"},
    {kGzip, 0, "gunzip", ArgKind::kNone, ""},
    {kBzip2, 'j', "bzip2", ArgKind::kNone, "filter the archive through bzip2"},
    {kXz, 'J', "xz", ArgKind::kNone, "filter the archive through xz"},
    {kZstd, 0, "zstd", ArgKind::kNone, "filter the archive through zstd"},
    {kAuto, 'a', "auto-compress", ArgKind::kNone, "use archive suffix to determine the compression program"},
    {kPreserve, 'p', "preserve-permissions", ArgKind::kNone, "extract information about file permissions"},
    {kPreserve, 0, "same-permissions", ArgKind::kNone, ""},
    {kStrip, 0, "strip-components", ArgKind::kRequired, "strip NUMBER leading components from file names", "NUMBER"},
    {kExclude, 0, "exclude", ArgKind::kRequired, "exclude files, given as a PATTERN", "PATTERN"},
    {kFilesFrom, 'T', "files-from", ArgKind::kRequired, "get names to extract or create from FILE", "FILE"},
    {kToStdout, 'O', "to-stdout", ArgKind::kNone, "extract files to standard output"},
    {kKeepOld, 'k', "keep-old-files", ArgKind::kNone, "don't replace existing files when extracting"},
    {kNoSameOwner, 0, "no-same-owner", ArgKind::kNone, "extract files as yourself"},
    {kNumericOwner, 0, "numeric-owner", ArgKind::kNone, "always use numbers for user/group names"},
    {kOverwrite, 0, "overwrite", ArgKind::kNone, "overwrite existing files when extracting"},
};

constexpr CommandSpec kSpec{
    .usage = "Usage: tar [OPTION...] [FILE]...",
    .description = "GNU 'tar' saves many files together into a single tape or disk archive, and can\n"
                   "restore individual files from the archive.",
    .options = kOptions,
    .usage_status = 2,
};

// Old-style "tar czf out.tgz dir": the first word is a bundle of letters
// whose arguments follow in order. Rewritten into "-c -z -f out.tgz dir".
std::vector<std::string> expand_old_style(const std::vector<std::string>& argv) {
  if (argv.size() < 2 || argv[1].empty() || argv[1][0] == '-') return argv;
  std::vector<std::string> out{argv[0]};
  size_t next = 2;
  std::vector<std::string> tail;
  for (char c : argv[1]) {
    out.push_back(std::string("-") + c);
    if (strchr("fCTXb", c) && next < argv.size()) out.push_back(argv[next++]);
  }
  for (; next < argv.size(); ++next) out.push_back(argv[next]);
  return out;
}

class Tar {
 public:
  explicit Tar(Invocation& inv) : inv_(inv) {}

  int run() {
    inv_.argv = expand_old_style(inv_.argv);
    ParsedArgs args;
    if (auto status = parse_args(inv_, kSpec, args)) return *status;
    int modes = args.has(kCreate) + args.has(kExtract) + args.has(kList) + args.has(kAppend);
    if (modes == 0) {
      say("You must specify one of the '-Acdtrux', '--delete' or '--test-label' options");
      try_help();
      return 2;
    }
    if (modes > 1) {
      say("You may not specify more than one '-Acdtrux', '--delete' or  '--test-label' option");
      try_help();
      return 2;
    }
    archive_ = args.last(kFile) ? *args.last(kFile) : "-";
    verbose_ = args.count(kVerbose);
    preserve_ = args.has(kPreserve);
    to_stdout_ = args.has(kToStdout);
    keep_old_ = args.has(kKeepOld);
    numeric_ = args.has(kNumericOwner);
    if (const std::string* s = args.last(kStrip)) strip_ = std::atoi(s->c_str());
    for (const ParsedOption& o : args.options) {
      if (o.id == kExclude) excludes_.push_back(o.value);
      if (o.id == kGzip) filter_ = ARCHIVE_FILTER_GZIP;
      if (o.id == kBzip2) filter_ = ARCHIVE_FILTER_BZIP2;
      if (o.id == kXz) filter_ = ARCHIVE_FILTER_XZ;
      if (o.id == kZstd) filter_ = ARCHIVE_FILTER_ZSTD;
    }
    if (args.has(kAuto) || filter_ == ARCHIVE_FILTER_NONE) filter_ = std::max(filter_, filter_from_suffix());
    base_ = inv_.cwd;
    if (const std::string* dir = args.last(kDirectory)) base_ = inv_.path(*dir);
    names_ = args.operands;
    if (const std::string* from = args.last(kFilesFrom)) {
      std::string text;
      if (vfs::Error err = vfs::read_file(*inv_.fs, inv_.path(*from), text)) {
        say(*from + ": Cannot open: " + vfs::error_text(err));
        say("Error is not recoverable: exiting now");
        return 2;
      }
      size_t pos = 0;
      while (pos < text.size()) {
        size_t nl = text.find('\n', pos);
        std::string line = text.substr(pos, nl == std::string::npos ? std::string::npos : nl - pos);
        if (!line.empty()) names_.push_back(line);
        if (nl == std::string::npos) break;
        pos = nl + 1;
      }
    }
    if (args.has(kCreate)) return create();
    if (args.has(kAppend)) {
      say("appending is not supported; create a new archive instead");
      return 2;
    }
    return read_archive(args.has(kExtract));
  }

 private:
  void say(std::string_view text) { inv_.err() << "tar: " << text << "\n"; }
  void try_help() { inv_.err() << "Try 'tar --help' or 'tar --usage' for more information.\n"; }
  void error(std::string_view text) {
    say(text);
    status_ = 2;
  }
  int finish() {
    if (status_ == 2) say("Exiting with failure status due to previous errors");
    return status_;
  }

  int filter_from_suffix() const {
    auto ends = [&](std::string_view s) {
      return archive_.size() > s.size() && archive_.compare(archive_.size() - s.size(), s.size(), s) == 0;
    };
    if (ends(".tgz") || ends(".gz") || ends(".taz")) return ARCHIVE_FILTER_GZIP;
    if (ends(".tbz2") || ends(".tbz") || ends(".bz2")) return ARCHIVE_FILTER_BZIP2;
    if (ends(".txz") || ends(".xz")) return ARCHIVE_FILTER_XZ;
    if (ends(".tzst") || ends(".zst")) return ARCHIVE_FILTER_ZSTD;
    return ARCHIVE_FILTER_NONE;
  }

  bool excluded(const std::string& name) const {
    std::string base = fsu::base_name(name);
    for (const std::string& pat : excludes_) {
      if (fnmatch(pat.c_str(), name.c_str(), 0) == 0 || fnmatch(pat.c_str(), base.c_str(), 0) == 0) return true;
    }
    return false;
  }

  // ---- listing ------------------------------------------------------------

  void list_entry(archive_entry* e, const std::string& name) {
    if (verbose_ == 0) {
      inv_.out() << name << "\n";
      return;
    }
    uint32_t mode = archive_entry_mode(e);
    std::string owner;
    const char* u = archive_entry_uname(e);
    const char* g = archive_entry_gname(e);
    owner = (!numeric_ && u && *u) ? u : std::to_string(archive_entry_uid(e));
    owner += "/";
    owner += (!numeric_ && g && *g) ? g : std::to_string(archive_entry_gid(e));
    std::string size = std::to_string(archive_entry_size(e));
    // GNU tar pads "owner/group size" to a width that only ever grows.
    size_t used = owner.size() + 1 + size.size();
    if (used > owner_width_) owner_width_ = used;
    std::string pad(owner_width_ - used, ' ');
    vfs::Timespec mtime{archive_entry_mtime(e), 0};
    std::string when = fsu::format_time("%Y-%m-%d %H:%M", fsu::local_time(inv_, mtime));
    inv_.out() << fsu::mode_string(mode) << " " << owner << " " << pad << size << " " << when << " " << name;
    if (const char* link = archive_entry_symlink(e)) inv_.out() << " -> " << link;
    else if (const char* hard = archive_entry_hardlink(e)) inv_.out() << " link to " << hard;
    inv_.out() << "\n";
  }

  // ---- reading ------------------------------------------------------------

  int read_archive(bool extract) {
    ArchiveSource src{&inv_, nullptr};
    if (archive_ != "-") {
      if (vfs::Error err = inv_.fs->open(inv_.path(archive_), O_RDONLY, 0, src.file)) {
        say(archive_ + ": Cannot open: " + vfs::error_text(err));
        say("Error is not recoverable: exiting now");
        return 2;
      }
    }
    if (extract && !to_stdout_ && !fsu::is_dir(*inv_.fs, base_)) {
      say(base_ + ": Cannot open: No such file or directory");
      say("Error is not recoverable: exiting now");
      return 2;
    }
    struct archive* a = archive_read_new();
    std::unique_ptr<struct archive, int (*)(struct archive*)> guard(a, archive_read_free);
    if (!archive_support_builtin_filters(a)) {
      say("this archive library would need an external program");
      return 2;
    }
    archive_read_support_format_tar(a);
    archive_read_support_format_gnutar(a);
    archive_read_support_format_zip(a);
    archive_read_support_format_cpio(a);
    if (archive_open_source(a, src) != ARCHIVE_OK) {
      error("This does not look like a tar archive");
      return finish();
    }
    std::set<std::string> wanted(names_.begin(), names_.end()), seen;
    archive_entry* e;
    int r;
    int entries = 0;
    while ((r = archive_read_next_header(a, &e)) == ARCHIVE_OK || r == ARCHIVE_WARN) {
      ++entries;
      if (inv_.cancelled()) return 130;
      std::string name = archive_entry_pathname(e) ? archive_entry_pathname(e) : "";
      if (!wanted.empty() && !matches_wanted(name, wanted, seen)) {
        archive_read_data_skip(a);
        continue;
      }
      if (excluded(name)) {
        archive_read_data_skip(a);
        continue;
      }
      if (!extract) {
        list_entry(e, name);
        archive_read_data_skip(a);
        continue;
      }
      if (verbose_ == 1) inv_.out() << name << "\n";
      else if (verbose_ > 1) list_entry(e, name);
      extract_entry(a, e, name);
    }
    if (r != ARCHIVE_EOF) {
      if (entries == 0) {
        error("This does not look like a tar archive");
        return finish();
      }
      error("Unexpected EOF in archive");
      say("Error is not recoverable: exiting now");
      return 2;
    }
    // Directories get their modes and times last, once their contents are in.
    for (auto it = dir_modes_.rbegin(); it != dir_modes_.rend(); ++it) {
      inv_.fs->chmod(it->path, it->perm);
      vfs::Timespec mtime{it->mtime, 0};
      inv_.fs->utimes(it->path, vfs::TimeChange::at(mtime), vfs::TimeChange::at(mtime), false);
    }
    for (const std::string& w : wanted) {
      if (!seen.count(w)) error(w + ": Not found in archive");
    }
    return finish();
  }

  static std::string without_slash(std::string s) {
    while (s.size() > 1 && s.back() == '/') s.pop_back();
    return s;
  }
  bool matches_wanted(const std::string& name, const std::set<std::string>& wanted, std::set<std::string>& seen) {
    std::string n = without_slash(name);
    for (const std::string& w : wanted) {
      std::string ws = without_slash(w);
      if (n == ws || (n.size() > ws.size() && n.compare(0, ws.size(), ws) == 0 && n[ws.size()] == '/')) {
        seen.insert(w);
        return true;
      }
    }
    return false;
  }

  // The member name as it will be written: no leading "/", no "..", and
  // --strip-components applied. Empty: skip the member.
  std::string safe_name(const std::string& name) {
    std::string n = name;
    size_t slashes = 0;
    while (slashes < n.size() && n[slashes] == '/') ++slashes;
    if (slashes) {
      if (!warned_slash_) say("Removing leading `/' from member names");
      warned_slash_ = true;
      n = n.substr(slashes);
    }
    std::vector<std::string> parts;
    size_t pos = 0;
    while (pos <= n.size()) {
      size_t end = n.find('/', pos);
      if (end == std::string::npos) end = n.size();
      std::string part = n.substr(pos, end - pos);
      if (part == "..") {
        error(name + ": Member name contains '..'");
        return "";
      }
      if (!part.empty() && part != ".") parts.push_back(part);
      pos = end + 1;
    }
    if (static_cast<int>(parts.size()) <= strip_) return "";
    std::string out;
    for (size_t i = strip_; i < parts.size(); ++i) out += (out.empty() ? "" : "/") + parts[i];
    return out;
  }

  void extract_entry(struct archive* a, archive_entry* e, const std::string& name) {
    std::string rel = safe_name(name);
    if (rel.empty()) {
      archive_read_data_skip(a);
      return;
    }
    uint32_t type = archive_entry_filetype(e);
    if (to_stdout_) {
      if (type == AE_IFREG) copy_data(a, nullptr, name);
      else archive_read_data_skip(a);
      return;
    }
    std::string path = vfs::join(base_, rel);
    if (!archive_parents_are_real(*inv_.fs, base_, rel)) {
      error(name + ": Cannot open: Not a directory");
      archive_read_data_skip(a);
      return;
    }
    archive_make_parents(*inv_.fs, path);
    uint32_t perm = archive_entry_perm(e) & (preserve_ ? 07777 : 0777 & ~fsu::kUmask);
    vfs::Stat existing;
    bool exists = !inv_.fs->lstat(path, existing);
    if (exists && keep_old_ && type != AE_IFDIR) {
      error(name + ": Cannot open: File exists");
      archive_read_data_skip(a);
      return;
    }
    if (type == AE_IFDIR) {
      if (!exists) {
        if (vfs::Error err = inv_.fs->mkdir(path, perm | 0700)) error(name + ": Cannot mkdir: " + vfs::error_text(err));
      }
      dir_modes_.push_back({path, perm, archive_entry_mtime(e)});
      archive_read_data_skip(a);
      return;
    }
    // GNU tar replaces what is there (a symlink is never followed).
    if (exists && !S_ISDIR(existing.mode)) inv_.fs->unlink(path);
    if (type == AE_IFLNK) {
      const char* target = archive_entry_symlink(e);
      if (vfs::Error err = inv_.fs->symlink(target ? target : "", path))
        error(name + ": Cannot create symlink to '" + std::string(target ? target : "") + "': " + vfs::error_text(err));
      archive_read_data_skip(a);
      return;
    }
    if (const char* hard = archive_entry_hardlink(e)) {
      std::string target_rel = safe_name(hard);
      if (!target_rel.empty() && archive_parents_are_real(*inv_.fs, base_, target_rel)) {
        if (vfs::Error err = inv_.fs->link(vfs::join(base_, target_rel), path))
          error(name + ": Cannot hard link to '" + std::string(hard) + "': " + vfs::error_text(err));
      }
      archive_read_data_skip(a);
      return;
    }
    if (type != AE_IFREG) {
      error(name + ": Cannot create special file: Operation not permitted");
      archive_read_data_skip(a);
      return;
    }
    vfs::FilePtr out;
    if (vfs::Error err = inv_.fs->open(path, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW, perm, out)) {
      error(name + ": Cannot open: " + vfs::error_text(err));
      archive_read_data_skip(a);
      return;
    }
    copy_data(a, out, name);
    out->close();
    inv_.fs->chmod(path, perm);
    vfs::Timespec mtime{archive_entry_mtime(e), 0};
    inv_.fs->utimes(path, vfs::TimeChange::at(mtime), vfs::TimeChange::at(mtime), false);
  }

  void copy_data(struct archive* a, const vfs::FilePtr& out, const std::string& name) {
    std::vector<char> buf(64 * 1024);
    for (;;) {
      la_ssize_t n = archive_read_data(a, buf.data(), buf.size());
      if (n == 0) return;
      if (n < 0) {
        error(name + ": " + std::string(archive_error_string(a) ? archive_error_string(a) : "read error"));
        return;
      }
      if (!out) {
        inv_.out().write(buf.data(), static_cast<size_t>(n));
        continue;
      }
      size_t written = 0;
      if (vfs::Error err = out->write(buf.data(), static_cast<size_t>(n), written)) {
        error(name + ": Cannot write: " + vfs::error_text(err));
        return;
      }
    }
  }

  // ---- creating -----------------------------------------------------------

  int create() {
    if (names_.empty()) {
      say("Cowardly refusing to create an empty archive");
      try_help();
      return 2;
    }
    ArchiveSink sink{&inv_, nullptr};
    std::string archive_path;
    if (archive_ != "-") {
      archive_path = inv_.path(archive_);
      if (vfs::Error err = inv_.fs->open(archive_path, O_WRONLY | O_CREAT | O_TRUNC, 0666 & ~fsu::kUmask, sink.file)) {
        say(archive_ + ": Cannot open: " + vfs::error_text(err));
        say("Error is not recoverable: exiting now");
        return 2;
      }
    }
    struct archive* a = archive_write_new();
    std::unique_ptr<struct archive, int (*)(struct archive*)> guard(a, archive_write_free);
    archive_write_set_format_gnutar(a);
    int fr = ARCHIVE_OK;
    switch (filter_) {
      case ARCHIVE_FILTER_GZIP: fr = archive_write_add_filter_gzip(a); break;
      case ARCHIVE_FILTER_BZIP2: fr = archive_write_add_filter_bzip2(a); break;
      case ARCHIVE_FILTER_XZ: fr = archive_write_add_filter_xz(a); break;
      case ARCHIVE_FILTER_ZSTD: fr = archive_write_add_filter_zstd(a); break;
      default: break;
    }
    if (fr != ARCHIVE_OK) {
      say("this compression would need an external program");
      return 2;
    }
    // GNU tar pads only the tar stream, not the compressed one: zero
    // padding after the last zstd frame would read back as a bad frame.
    if (filter_ != ARCHIVE_FILTER_NONE) archive_write_set_bytes_in_last_block(a, 1);
    if (archive_open_sink(a, sink) != ARCHIVE_OK) {
      say(std::string("cannot write the archive: ") + (archive_error_string(a) ? archive_error_string(a) : ""));
      return 2;
    }
    for (const std::string& name : names_) {
      if (inv_.cancelled()) return 130;
      add_path(a, name, vfs::normalize(name, base_), archive_path);
    }
    if (archive_write_close(a) != ARCHIVE_OK || sink.error) {
      error(archive_ + ": Cannot write: " + vfs::error_text(sink.error ? sink.error : vfs::make_error(EIO)));
    }
    if (sink.file) sink.file->close();
    return finish();
  }

  void add_path(struct archive* a, const std::string& name, const std::string& path, const std::string& archive_path) {
    if (excluded(name)) return;
    vfs::Stat st;
    if (vfs::Error err = inv_.fs->lstat(path, st)) {
      error(name + ": Cannot stat: " + vfs::error_text(err));
      return;
    }
    if (path == archive_path) {
      say(name + ": file is the archive; not dumped");
      return;
    }
    std::string member = name;
    size_t slashes = 0;
    while (slashes < member.size() && member[slashes] == '/') ++slashes;
    if (slashes && slashes < member.size()) {
      if (!warned_slash_) say("Removing leading `/' from member names");
      warned_slash_ = true;
      member = member.substr(slashes);
    }
    if (S_ISDIR(st.mode) && (member.empty() || member.back() != '/')) member += '/';
    if (verbose_ == 1) inv_.out() << member << "\n";
    archive_entry* e = archive_entry_new();
    std::unique_ptr<archive_entry, void (*)(archive_entry*)> entry_guard(e, archive_entry_free);
    archive_entry_set_pathname(e, member.c_str());
    archive_entry_set_mode(e, st.mode);
    archive_entry_set_uid(e, st.uid);
    archive_entry_set_gid(e, st.gid);
    archive_entry_set_uname(e, fsu::user_name(*inv_.fs, st.uid).c_str());
    archive_entry_set_gname(e, fsu::group_name(*inv_.fs, st.gid).c_str());
    archive_entry_set_mtime(e, st.mtime.sec, 0);
    archive_entry_set_size(e, S_ISREG(st.mode) ? st.size : 0);
    std::string target;
    if (S_ISLNK(st.mode)) {
      inv_.fs->readlink(path, target);
      archive_entry_set_symlink(e, target.c_str());
    }
    if (verbose_ > 1) list_entry(e, member);
    if (archive_write_header(a, e) != ARCHIVE_OK) {
      error(name + ": " + std::string(archive_error_string(a) ? archive_error_string(a) : "cannot write header"));
      return;
    }
    if (S_ISREG(st.mode)) {
      vfs::FilePtr in;
      if (vfs::Error err = inv_.fs->open(path, O_RDONLY, 0, in)) {
        error(name + ": Cannot open: " + vfs::error_text(err));
        return;
      }
      std::vector<char> buf(64 * 1024);
      for (;;) {
        size_t got = 0;
        if (in->read(buf.data(), buf.size(), got) || got == 0) break;
        if (archive_write_data(a, buf.data(), got) < 0) return;
      }
    }
    if (S_ISDIR(st.mode)) {
      std::vector<vfs::DirEntry> entries;
      if (vfs::Error err = inv_.fs->readdir(path, entries)) {
        error(name + ": Cannot open: " + vfs::error_text(err));
        return;
      }
      std::string prefix = name.back() == '/' ? name : name + "/";
      for (const vfs::DirEntry& c : entries) add_path(a, prefix + c.name, vfs::join(path, c.name), archive_path);
    }
  }

  struct DirMode {
    std::string path;
    uint32_t perm;
    int64_t mtime;
  };

  Invocation& inv_;
  std::string archive_;
  std::string base_;
  std::vector<std::string> names_;
  std::vector<std::string> excludes_;
  std::vector<DirMode> dir_modes_;
  int verbose_ = 0;
  int strip_ = 0;
  int filter_ = ARCHIVE_FILTER_NONE;
  bool preserve_ = false, to_stdout_ = false, keep_old_ = false, numeric_ = false, warned_slash_ = false;
  size_t owner_width_ = 19;
  int status_ = 0;
};

int run_tar(Invocation& inv) {
  Tar tar(inv);
  return tar.run();
}

}  // namespace

BURROW_COMMAND(tar, "an archiving utility", run_tar);

}  // namespace burrow
