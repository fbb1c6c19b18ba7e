// file: determine file type. Regular files are classified by libmagic's
// magic_buffer() on bytes read through the sandbox filesystem (when libmagic
// is available), directories and links from their metadata.
#if __has_include(<magic.h>)
#include <magic.h>
#define BURROW_HAVE_MAGIC 1
#endif

#include <algorithm>

#include "commands/args.h"
#include "commands/common/fs_util.h"

namespace burrow {
namespace {

enum Opt { kBrief, kMime, kMimeType, kMimeEncoding, kNoPad, kDereference, kNoDereference, kSeparator, kFilesFrom, kZero, kNull };

constexpr OptionSpec kOptions[] = {
    {kBrief, 'b', "brief", ArgKind::kNone, "do not prepend filenames to output lines"},
    {kMime, 'i', "mime", ArgKind::kNone, "output MIME type strings (--mime-type and --mime-encoding)"},
    {kMimeType, 0, "mime-type", ArgKind::kNone, "output the MIME type"},
    {kMimeEncoding, 0, "mime-encoding", ArgKind::kNone, "output the MIME encoding"},
    {kNoPad, 'N', "no-pad", ArgKind::kNone, "do not pad output"},
    {kDereference, 'L', "dereference", ArgKind::kNone, "follow symlinks"},
    {kNoDereference, 'h', "no-dereference", ArgKind::kNone, "don't follow symlinks (default)"},
    {kSeparator, 'F', "separator", ArgKind::kRequired, "use string as separator instead of ':'", "STRING"},
    {kFilesFrom, 'f', "files-from", ArgKind::kRequired, "read the filenames to be examined from FILE", "FILE"},
    {kNull, '0', "print0", ArgKind::kNone, "terminate filenames with ASCII NUL"},
};

constexpr CommandSpec kSpec{"Usage: file [OPTION...] [FILE...]", "Determine type of FILEs.", kOptions};

std::string sniff(const std::string& data, int mime_flags) {
#ifdef BURROW_HAVE_MAGIC
  // magic_t is not thread-safe: one per thread and flag set.
  thread_local magic_t cookies[4] = {nullptr, nullptr, nullptr, nullptr};
  thread_local bool failed[4] = {false, false, false, false};
  static const int flags[4] = {MAGIC_NONE, MAGIC_MIME, MAGIC_MIME_TYPE, MAGIC_MIME_ENCODING};
  magic_t& cookie = cookies[mime_flags];
  if (!cookie && !failed[mime_flags]) {
    cookie = magic_open(flags[mime_flags]);
    if (!cookie || magic_load(cookie, nullptr) != 0) {
      if (cookie) magic_close(cookie);
      cookie = nullptr;
      failed[mime_flags] = true;
    }
  }
  if (cookie) {
    const char* r = magic_buffer(cookie, data.data(), data.size());
    if (r) return r;
  }
#endif
  // Fallback content sniffing.
  bool ascii = true, utf8_ok = true;
  for (size_t i = 0; i < data.size(); ++i) {
    unsigned char c = data[i];
    if (c >= 0x80) ascii = false;
    if (c < 32 && c != '\n' && c != '\t' && c != '\r' && c != '\f' && c != 27 && c != '\b') utf8_ok = ascii = false;
  }
  if (mime_flags) return ascii ? "text/plain" : "application/octet-stream";
  if (data.empty()) return "empty";
  if (ascii) return "ASCII text";
  if (utf8_ok) return "Unicode text, UTF-8 text";
  return "data";
}

int run_file(Invocation& inv) {
  ParsedArgs args;
  if (auto status = parse_args(inv, kSpec, args)) return *status;
  bool brief = args.has(kBrief), no_pad = args.has(kNoPad), deref = false, null_term = args.has(kNull);
  int mime = 0;
  std::string sep = ":";
  for (const auto& o : args.options) {
    switch (o.id) {
      case kMime: mime = 1; break;
      case kMimeType: mime = 2; break;
      case kMimeEncoding: mime = 3; break;
      case kDereference: deref = true; break;
      case kNoDereference: deref = false; break;
      case kSeparator: sep = o.value; break;
    }
  }
  std::vector<std::string> names = args.operands;
  if (const std::string* from = args.last(kFilesFrom)) {
    std::string list;
    vfs::Error err = *from == "-" ? (inv.in().read_all(list), vfs::Error{}) : vfs::read_file(*inv.fs, inv.path(*from), list);
    if (err) {
      inv.err() << "file: Cannot open `" << *from << "' (" << vfs::error_text(err) << ").\n";
      return 1;
    }
    size_t pos = 0;
    while (pos < list.size()) {
      size_t nl = list.find('\n', pos);
      if (nl == std::string::npos) nl = list.size();
      if (nl > pos) names.push_back(list.substr(pos, nl - pos));
      pos = nl + 1;
    }
  }
  if (names.empty()) {
    inv.err() << "Usage: file [-bcCdEhikLlNnprsSvzZ0] [--apple] [--extension] [--mime-encoding]\n"
                 "            [--mime-type] [-e <testname>] [-F <separator>]  [-f <namefile>]\n"
                 "            [-m <magicfiles>] [-P <parameter=value>] [--exclude-quiet]\n"
                 "            <file> ...\n"
                 "       file -C [-m <magicfiles>]\n"
                 "       file [--help]\n";
    return 1;
  }
  size_t width = 0;
  for (const auto& n : names) width = std::max(width, n.size() + sep.size());
  for (const auto& name : names) {
    std::string desc;
    std::string path = inv.path(name);
    vfs::Stat st;
    vfs::Error err = deref ? inv.fs->stat(path, st) : inv.fs->lstat(path, st);
    if (name == "-") {
      std::string data;
      inv.in().read_all(data);
      desc = sniff(data, mime);
    } else if (err) {
      desc = mime ? "cannot open `" + name + "' (" + vfs::error_text(err) + ")"
                  : "cannot open `" + name + "' (" + vfs::error_text(err) + ")";
    } else if (S_ISLNK(st.mode)) {
      std::string target;
      inv.fs->readlink(path, target);
      vfs::Stat tst;
      if (mime) desc = mime == 3 ? "binary" : mime == 2 ? "inode/symlink" : "inode/symlink; charset=binary";
      else desc = (inv.fs->stat(path, tst) ? "broken symbolic link to " : "symbolic link to ") + target;
    } else if (S_ISDIR(st.mode)) {
      if (mime) desc = mime == 3 ? "binary" : mime == 2 ? "inode/directory" : "inode/directory; charset=binary";
      else {
        if (st.mode & S_ISUID) desc += "setuid, ";
        if (st.mode & S_ISGID) desc += "setgid, ";
        if (st.mode & S_ISVTX) desc += "sticky, ";
        desc += "directory";
      }
    } else if (S_ISCHR(st.mode) || S_ISBLK(st.mode)) {
      desc = mime ? "inode/chardevice; charset=binary"
                  : std::string(S_ISCHR(st.mode) ? "character special" : "block special") + " (" +
                        std::to_string((st.rdev >> 8) & 0xfff) + "/" + std::to_string(st.rdev & 0xff) + ")";
    } else if (S_ISFIFO(st.mode)) {
      desc = mime ? "inode/fifo; charset=binary" : "fifo (named pipe)";
    } else {
      std::string data;
      if (vfs::Error e = vfs::read_file(*inv.fs, path, data)) {
        desc = "cannot open `" + name + "' (" + vfs::error_text(e) + ")";
      } else {
        desc = sniff(data, mime);
      }
    }
    if (!brief) {
      inv.out() << name;
      if (null_term) inv.out() << '\0';
      else inv.out() << sep;
      if (!no_pad) inv.out() << std::string(width - name.size() - sep.size(), ' ');
      inv.out() << ' ';
    }
    inv.out() << desc << '\n';
  }
  return 0;
}

}  // namespace

BURROW_COMMAND(file, "determine file type", run_file);

}  // namespace burrow
