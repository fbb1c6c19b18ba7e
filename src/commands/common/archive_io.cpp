#include "commands/common/archive_io.h"

namespace burrow {
namespace {

la_ssize_t read_source(struct archive*, void* data, const void** out) {
  auto* s = static_cast<ArchiveSource*>(data);
  if (s->inv->cancelled()) return -1;
  size_t got = 0;
  if (s->file) {
    if (s->file->read(s->buf.data(), s->buf.size(), got)) return -1;
  } else {
    got = s->inv->in().read(s->buf.data(), s->buf.size());
  }
  *out = s->buf.data();
  return static_cast<la_ssize_t>(got);
}

la_int64_t seek_source(struct archive*, void* data, la_int64_t offset, int whence) {
  auto* s = static_cast<ArchiveSource*>(data);
  int64_t now = 0;
  if (!s->file || s->file->seek(offset, whence, now)) return ARCHIVE_FATAL;
  return now;
}

la_int64_t skip_source(struct archive*, void* data, la_int64_t request) {
  auto* s = static_cast<ArchiveSource*>(data);
  int64_t now = 0;
  if (!s->file || s->file->seek(request, SEEK_CUR, now)) return 0;  // 0: libarchive reads instead
  return request;
}

la_ssize_t write_sink(struct archive*, void* data, const void* buf, size_t n) {
  auto* s = static_cast<ArchiveSink*>(data);
  if (s->file) {
    size_t written = 0;
    if ((s->error = s->file->write(buf, n, written))) return -1;
    return static_cast<la_ssize_t>(written);
  }
  s->inv->out().write(static_cast<const char*>(buf), n);
  if (!s->inv->out().ok()) {
    s->error = s->inv->out().error();
    return -1;
  }
  return static_cast<la_ssize_t>(n);
}

}  // namespace

bool archive_support_builtin_filters(struct archive* a) {
  for (auto fn : {archive_read_support_filter_gzip, archive_read_support_filter_bzip2, archive_read_support_filter_xz,
                  archive_read_support_filter_lzma, archive_read_support_filter_zstd}) {
    if (fn(a) != ARCHIVE_OK) return false;
  }
  return archive_read_support_filter_none(a) == ARCHIVE_OK;
}

int archive_open_source(struct archive* a, ArchiveSource& source) {
  if (source.file) {
    archive_read_set_seek_callback(a, seek_source);
    archive_read_set_skip_callback(a, skip_source);
  }
  archive_read_set_read_callback(a, read_source);
  archive_read_set_callback_data(a, &source);
  return archive_read_open1(a);
}

int archive_open_sink(struct archive* a, ArchiveSink& sink) {
  return archive_write_open(a, &sink, nullptr, write_sink, nullptr);
}

bool archive_parents_are_real(vfs::Filesystem& fs, const std::string& base, const std::string& relative) {
  std::string path = base;
  size_t pos = 0;
  for (;;) {
    size_t slash = relative.find('/', pos);
    if (slash == std::string::npos) return true;
    path = vfs::join(path, relative.substr(pos, slash - pos));
    vfs::Stat st;
    if (!fs.lstat(path, st) && S_ISLNK(st.mode)) return false;
    pos = slash + 1;
  }
}

void archive_make_parents(vfs::Filesystem& fs, const std::string& path) {
  size_t slash = path.rfind('/');
  if (slash == std::string::npos || slash == 0) return;
  std::string parent = path.substr(0, slash);
  vfs::Stat st;
  if (!fs.stat(parent, st) && S_ISDIR(st.mode)) return;
  archive_make_parents(fs, parent);
  fs.mkdir(parent, 0755);
}

}  // namespace burrow
