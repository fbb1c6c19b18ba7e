#include "process/string_files.h"

#include <cerrno>
#include <cstring>

namespace burrow {
namespace {

class StringSource : public vfs::File {
 public:
  explicit StringSource(std::string data) : data_(std::move(data)) {}

  vfs::Error read(void* buf, size_t n, size_t& got) override {
    std::lock_guard<std::mutex> lock(mutex_);
    got = std::min(n, data_.size() - pos_);
    std::memcpy(buf, data_.data() + pos_, got);
    pos_ += got;
    return {};
  }
  vfs::Error write(const void*, size_t, size_t& written) override {
    written = 0;
    return vfs::make_error(EBADF);
  }
  vfs::Error stat(vfs::Stat& out) override {
    out = vfs::Stat{};
    out.mode = S_IFIFO | 0600;
    return {};
  }
  int open_flags() const override { return O_RDONLY; }

 private:
  std::mutex mutex_;
  std::string data_;
  size_t pos_ = 0;
};

}  // namespace

vfs::FilePtr make_string_source(std::string data) {
  return std::make_shared<StringSource>(std::move(data));
}

vfs::Error StringSink::read(void*, size_t, size_t& got) {
  got = 0;
  return vfs::make_error(EBADF);
}

vfs::Error StringSink::write(const void* buf, size_t n, size_t& written) {
  std::function<void()> notify;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    written = 0;
    if (total_ + n > limit_) {
      size_t room = total_ < limit_ ? limit_ - total_ : 0;
      data_.append(static_cast<const char*>(buf), room);
      total_ += room;
      written = room;
      if (!limit_hit_) {
        limit_hit_ = true;
        notify = on_limit_;
      }
    } else {
      data_.append(static_cast<const char*>(buf), n);
      total_ += n;
      written = n;
      return {};
    }
  }
  if (notify) notify();
  return vfs::make_error(EFBIG);
}

vfs::Error StringSink::stat(vfs::Stat& out) {
  out = vfs::Stat{};
  out.mode = S_IFIFO | 0600;
  return {};
}

std::string StringSink::take() {
  std::lock_guard<std::mutex> lock(mutex_);
  std::string out = std::move(data_);
  data_.clear();
  return out;
}

std::string StringSink::contents() {
  std::lock_guard<std::mutex> lock(mutex_);
  return data_;
}

}  // namespace burrow
