// zip: package and compress files into a zip archive (Info-ZIP Zip 3.0),
// written through libarchive to the virtual filesystem. An existing archive
// is updated: its members are carried over unless a new file replaces them.
#include <archive_entry.h>

#include <zlib.h>

#include <cstdio>
#include <set>

#include "commands/args.h"
#include "commands/common/archive_io.h"
#include "commands/common/fs_util.h"

namespace burrow {
namespace {

enum Opt { kRecurse, kQuiet, kJunk, kStore, kLevel1, kLevel9 = kLevel1 + 8, kDelete };

constexpr OptionSpec kOptions[] = {
    {kRecurse, 'r', "recurse-paths", ArgKind::kNone, "recurse into directories"},
    {kQuiet, 'q', "quiet", ArgKind::kNone, "quiet operation"},
    {kJunk, 'j', "junk-paths", ArgKind::kNone, "junk (don't record) directory names"},
    {kStore, '0', "", ArgKind::kNone, "store only"},
    {kLevel1 + 0, '1', "", ArgKind::kNone, "compress faster"},
    {kLevel1 + 1, '2', "", ArgKind::kNone, ""},
    {kLevel1 + 2, '3', "", ArgKind::kNone, ""},
    {kLevel1 + 3, '4', "", ArgKind::kNone, ""},
    {kLevel1 + 4, '5', "", ArgKind::kNone, ""},
    {kLevel1 + 5, '6', "", ArgKind::kNone, ""},
    {kLevel1 + 6, '7', "", ArgKind::kNone, ""},
    {kLevel1 + 7, '8', "", ArgKind::kNone, ""},
    {kLevel1 + 8, '9', "", ArgKind::kNone, "compress better"},
    {kDelete, 'd', "delete", ArgKind::kNone, "delete entries in zipfile"},
};

constexpr CommandSpec kSpec{
    .usage = "Usage: zip [-options] zipfile list",
    .description = "The default action is to add or replace zipfile entries from list.",
    .options = kOptions,
    .usage_status = 16,
};

struct Member {
  std::string name;    // as stored
  std::string path;    // sandbox path of the file to add
  vfs::Stat st;
};

class Zip {
 public:
  explicit Zip(Invocation& inv) : inv_(inv) {}

  int run() {
    ParsedArgs args;
    if (auto status = parse_args(inv_, kSpec, args)) return *status;
    recurse_ = args.has(kRecurse);
    quiet_ = args.has(kQuiet);
    junk_ = args.has(kJunk);
    for (const ParsedOption& o : args.options) {
      if (o.id == kStore) level_ = 0;
      if (o.id >= kLevel1 && o.id <= kLevel9) level_ = o.id - kLevel1 + 1;
    }
    if (args.operands.empty()) {
      print_help(inv_, kSpec);
      return 0;
    }
    zip_name_ = args.operands[0];
    // "zip out files" writes out.zip: a name without an extension gets one.
    size_t dot = zip_name_.rfind('.'), slash = zip_name_.rfind('/');
    if (zip_name_ != "-" && (dot == std::string::npos || (slash != std::string::npos && slash > dot)))
      zip_name_ += ".zip";
    if (args.operands.size() < 2) {
      inv_.err() << "\nzip error: Nothing to do! (" << zip_name_ << ")\n";
      return 12;
    }
    std::vector<Member> members;
    for (size_t i = 1; i < args.operands.size(); ++i) collect(args.operands[i], members);
    if (missing_ && members.empty()) {
      inv_.out() << "\nzip error: Nothing to do! (" << zip_name_ << ")\n";
      return 12;
    }
    return write(members);
  }

 private:
  void collect(const std::string& name, std::vector<Member>& out) {
    std::string path = inv_.path(name);
    vfs::Stat st;
    if (inv_.fs->stat(path, st)) {
      if (!quiet_) inv_.err() << "\tzip warning: name not matched: " << name << "\n";
      missing_ = true;
      return;
    }
    std::string stored = name;
    while (stored.size() > 2 && stored.compare(0, 2, "./") == 0) stored = stored.substr(2);
    while (!stored.empty() && stored[0] == '/') stored = stored.substr(1);
    if (junk_) stored = fsu::base_name(stored);
    if (S_ISDIR(st.mode)) {
      if (!junk_) out.push_back({stored.back() == '/' ? stored : stored + "/", path, st});
      if (!recurse_) return;
      std::vector<vfs::DirEntry> entries;
      if (inv_.fs->readdir(path, entries)) return;
      std::string prefix = name.back() == '/' ? name : name + "/";
      for (const vfs::DirEntry& e : entries) collect(prefix + e.name, out);
      return;
    }
    if (S_ISREG(st.mode)) out.push_back({stored, path, st});
  }

  // Copies the existing archive's members that no new file replaces.
  bool carry_over(struct archive* w, const std::set<std::string>& replaced, const std::string& zip_path) {
    ArchiveSource src{&inv_, nullptr};
    if (inv_.fs->open(zip_path, O_RDONLY, 0, src.file)) return true;  // a new archive
    struct archive* r = archive_read_new();
    std::unique_ptr<struct archive, int (*)(struct archive*)> guard(r, archive_read_free);
    archive_read_support_format_zip_seekable(r);
    if (archive_open_source(r, src) != ARCHIVE_OK) {
      inv_.err() << "\nzip error: Zip file structure invalid (" << zip_name_ << ")\n";
      return false;
    }
    archive_entry* e;
    std::vector<char> buf(64 * 1024);
    while (archive_read_next_header(r, &e) == ARCHIVE_OK) {
      std::string name = archive_entry_pathname(e) ? archive_entry_pathname(e) : "";
      existing_.insert(name);
      if (replaced.count(name)) continue;
      archive_write_header(w, e);
      for (la_ssize_t n; (n = archive_read_data(r, buf.data(), buf.size())) > 0;)
        archive_write_data(w, buf.data(), static_cast<size_t>(n));
    }
    return true;
  }

  int write(const std::vector<Member>& members) {
    std::string zip_path = inv_.path(zip_name_);
    std::set<std::string> replaced;
    for (const Member& m : members) replaced.insert(m.name);
    // Write to a temporary name and rename over the archive at the end, as
    // zip does, so the old archive can be read while the new one is written.
    std::string tmp_path = zip_path + ".burrow-tmp";
    ArchiveSink sink{&inv_, nullptr};
    if (vfs::Error err = inv_.fs->open(tmp_path, O_WRONLY | O_CREAT | O_TRUNC, 0644, sink.file)) {
      inv_.err() << "\nzip error: Could not create output file (" << zip_name_ << ")\n";
      return 15;
    }
    struct archive* w = archive_write_new();
    std::unique_ptr<struct archive, int (*)(struct archive*)> guard(w, archive_write_free);
    archive_write_set_format_zip(w);
    if (level_ == 0) archive_write_set_option(w, "zip", "compression", "store");
    else archive_write_set_option(w, "zip", "compression-level", std::to_string(level_).c_str());
    if (archive_open_sink(w, sink) != ARCHIVE_OK || !carry_over(w, replaced, zip_path)) {
      inv_.fs->unlink(tmp_path);
      return 3;
    }
    std::vector<char> buf(64 * 1024);
    for (const Member& m : members) {
      if (inv_.cancelled()) break;
      archive_entry* e = archive_entry_new();
      std::unique_ptr<archive_entry, void (*)(archive_entry*)> eg(e, archive_entry_free);
      archive_entry_set_pathname(e, m.name.c_str());
      archive_entry_set_mode(e, m.st.mode);
      archive_entry_set_mtime(e, m.st.mtime.sec, 0);
      archive_entry_set_size(e, S_ISREG(m.st.mode) ? m.st.size : 0);
      archive_entry_set_uid(e, m.st.uid);
      archive_entry_set_gid(e, m.st.gid);
      // Small files are read first so that, like Info-ZIP, a file that
      // deflate would not shrink is stored instead.
      vfs::FilePtr in;
      bool regular = S_ISREG(m.st.mode) && !inv_.fs->open(m.path, O_RDONLY, 0, in);
      std::string head;
      bool whole = false;
      if (regular) {
        while (head.size() < (1u << 20)) {
          size_t got = 0;
          if (in->read(buf.data(), buf.size(), got) || got == 0) {
            whole = true;
            break;
          }
          head.append(buf.data(), got);
        }
      }
      std::string how = how_stored(m, head, whole ? head.size() : head.size() + 1);
      if (level_ == 0 || how.compare(0, 6, "stored") == 0) archive_write_zip_set_compression_store(w);
      else archive_write_zip_set_compression_deflate(w);
      archive_write_header(w, e);
      if (!head.empty()) archive_write_data(w, head.data(), head.size());
      if (regular && !whole) {
        for (;;) {
          size_t got = 0;
          if (in->read(buf.data(), buf.size(), got) || got == 0) break;
          archive_write_data(w, buf.data(), got);
        }
      }
      if (!quiet_) {
        inv_.out() << (replaced_existing(m.name) ? "updating" : "  adding") << ": " << m.name << " (" << how
                   << ")\n";
      }
    }
    bool ok = archive_write_close(w) == ARCHIVE_OK && !sink.error;
    sink.file->close();
    if (!ok) {
      inv_.fs->unlink(tmp_path);
      inv_.err() << "\nzip error: Output file write failure (write error on zip file)\n";
      return 14;
    }
    if (vfs::Error err = inv_.fs->rename(tmp_path, zip_path)) {
      inv_.fs->unlink(tmp_path);
      inv_.err() << "\nzip error: Could not create output file (" << zip_name_ << ")\n";
      return 15;
    }
    return 0;
  }

  bool replaced_existing(const std::string& name) const { return existing_.count(name) > 0; }

  // Info-ZIP reports how much deflate saved; zlib at the same level gives
  // the figure (files over a megabyte are not measured twice).
  std::string how_stored(const Member& m, const std::string& data_sample, uint64_t size) const {
    if (S_ISDIR(m.st.mode) || size == 0 || level_ == 0) return "stored 0%";
    if (size > data_sample.size()) return "deflated";
    uLongf bound = compressBound(static_cast<uLong>(data_sample.size()));
    std::string packed(bound, '\0');
    if (compress2(reinterpret_cast<Bytef*>(packed.data()), &bound,
                  reinterpret_cast<const Bytef*>(data_sample.data()), data_sample.size(), level_) != Z_OK)
      return "deflated";
    uint64_t deflated = bound > 6 ? bound - 6 : bound;  // without zlib's own header and checksum
    if (deflated >= size) return "stored 0%";
    return "deflated " + std::to_string((size - deflated) * 100 / size) + "%";
  }

  Invocation& inv_;
  std::string zip_name_;
  std::set<std::string> existing_;  // member names of the archive being updated
  bool recurse_ = false, quiet_ = false, junk_ = false, missing_ = false;
  int level_ = 6;
};

int run_zip(Invocation& inv) {
  Zip zip(inv);
  return zip.run();
}

}  // namespace

BURROW_COMMAND(zip, "package and compress (archive) files", run_zip);

}  // namespace burrow
