#include "vfs/special_files.h"

#include <sys/random.h>
#include <sys/sysmacros.h>

#include <cerrno>
#include <cstring>
#include <mutex>

namespace burrow::vfs {
namespace {

class ConstFile : public File {
 public:
  ConstFile(std::shared_ptr<const std::string> data, Stat st) : data_(std::move(data)), st_(st) {}

  Error read(void* buf, size_t n, size_t& got) override {
    std::lock_guard<std::mutex> lock(mutex_);
    pread(buf, n, offset_, got);
    offset_ += static_cast<int64_t>(got);
    return {};
  }
  Error write(const void*, size_t, size_t& written) override {
    written = 0;
    return make_error(EBADF);
  }
  Error pread(void* buf, size_t n, int64_t offset, size_t& got) override {
    got = 0;
    if (offset < 0) return make_error(EINVAL);
    if (static_cast<size_t>(offset) >= data_->size()) return {};
    got = std::min(n, data_->size() - offset);
    std::memcpy(buf, data_->data() + offset, got);
    return {};
  }
  Error seek(int64_t offset, int whence, int64_t& new_offset) override {
    std::lock_guard<std::mutex> lock(mutex_);
    int64_t base = whence == SEEK_SET ? 0 : whence == SEEK_CUR ? offset_ : static_cast<int64_t>(data_->size());
    if (base + offset < 0) return make_error(EINVAL);
    new_offset = offset_ = base + offset;
    return {};
  }
  Error stat(Stat& out) override {
    out = st_;
    return {};
  }
  int open_flags() const override { return O_RDONLY; }

 private:
  std::shared_ptr<const std::string> data_;
  Stat st_;
  std::mutex mutex_;
  int64_t offset_ = 0;
};

class DeviceFile : public File {
 public:
  DeviceFile(Device device, int flags) : device_(device), flags_(flags) {}

  Error read(void* buf, size_t n, size_t& got) override {
    got = 0;
    if ((flags_ & O_ACCMODE) == O_WRONLY) return make_error(EBADF);
    switch (device_) {
      case Device::kNull:
        return {};
      case Device::kZero:
      case Device::kFull:
        std::memset(buf, 0, n);
        got = n;
        return {};
      case Device::kRandom:
      case Device::kUrandom: {
        char* out = static_cast<char*>(buf);
        while (got < n) {
          ssize_t r = getrandom(out + got, n - got, 0);
          if (r < 0) {
            if (errno == EINTR) continue;
            return make_error(errno);
          }
          got += static_cast<size_t>(r);
        }
        return {};
      }
    }
    return {};
  }
  Error write(const void*, size_t n, size_t& written) override {
    written = 0;
    if ((flags_ & O_ACCMODE) == O_RDONLY) return make_error(EBADF);
    if (device_ == Device::kFull) return make_error(ENOSPC);
    written = n;
    return {};
  }
  Error pread(void* buf, size_t n, int64_t, size_t& got) override { return read(buf, n, got); }
  Error pwrite(const void* buf, size_t n, int64_t, size_t& written) override { return write(buf, n, written); }
  Error seek(int64_t, int, int64_t& new_offset) override {
    new_offset = 0;
    return {};
  }
  Error truncate(int64_t) override { return {}; }
  Error stat(Stat& out) override {
    out = device_stat(device_);
    return {};
  }
  int open_flags() const override { return flags_; }

 private:
  Device device_;
  int flags_;
};

}  // namespace

FilePtr make_const_file(std::shared_ptr<const std::string> data, Stat st) {
  return std::make_shared<ConstFile>(std::move(data), st);
}

FilePtr make_device_file(Device device, int flags) { return std::make_shared<DeviceFile>(device, flags); }

Stat device_stat(Device device) {
  static const unsigned kMinor[] = {3, 5, 7, 8, 9};
  Stat st;
  st.dev = 5;
  st.ino = 100 + static_cast<unsigned>(device);
  st.mode = S_IFCHR | 0666;
  st.nlink = 1;
  st.rdev = makedev(1, kMinor[static_cast<int>(device)]);
  st.blksize = 4096;
  return st;
}

}  // namespace burrow::vfs
