#include "process/pipe.h"

#include <cerrno>
#include <condition_variable>
#include <cstring>
#include <mutex>
#include <vector>

namespace burrow {
namespace {

using vfs::Error;
using vfs::make_error;

class PipeBuffer {
 public:
  PipeBuffer(CancelToken* cancel, size_t capacity) : cancel_(cancel), buf_(capacity) {}

  Error read(void* out, size_t n, size_t& got) {
    got = 0;
    if (n == 0) return {};
    std::unique_lock<std::mutex> lock(mutex_);
    while (size_ == 0) {
      if (!writer_open_) return {};
      if (cancel_ && cancel_->cancelled()) return make_error(EINTR);
      readable_.wait_for(lock, CancelToken::wait_slice);
    }
    size_t take = std::min(n, size_);
    char* dst = static_cast<char*>(out);
    size_t first = std::min(take, buf_.size() - head_);
    std::memcpy(dst, buf_.data() + head_, first);
    std::memcpy(dst + first, buf_.data(), take - first);
    head_ = (head_ + take) % buf_.size();
    size_ -= take;
    got = take;
    writable_.notify_all();
    return {};
  }

  Error write(const void* in, size_t n, size_t& written) {
    written = 0;
    const char* src = static_cast<const char*>(in);
    std::unique_lock<std::mutex> lock(mutex_);
    while (written < n) {
      if (!reader_open_) return make_error(EPIPE);
      if (size_ == buf_.size()) {
        if (cancel_ && cancel_->cancelled()) return make_error(EINTR);
        writable_.wait_for(lock, CancelToken::wait_slice);
        continue;
      }
      size_t tail = (head_ + size_) % buf_.size();
      size_t room = buf_.size() - size_;
      size_t put = std::min(room, n - written);
      size_t first = std::min(put, buf_.size() - tail);
      std::memcpy(buf_.data() + tail, src + written, first);
      std::memcpy(buf_.data(), src + written + first, put - first);
      size_ += put;
      written += put;
      readable_.notify_all();
    }
    return {};
  }

  bool has_data() {
    std::lock_guard<std::mutex> lock(mutex_);
    return size_ > 0 || !writer_open_;
  }

  size_t buffered() {
    std::lock_guard<std::mutex> lock(mutex_);
    return size_;
  }

  void close_reader() {
    std::lock_guard<std::mutex> lock(mutex_);
    reader_open_ = false;
    writable_.notify_all();
  }

  void close_writer() {
    std::lock_guard<std::mutex> lock(mutex_);
    writer_open_ = false;
    readable_.notify_all();
  }

 private:
  CancelToken* cancel_;
  std::mutex mutex_;
  std::condition_variable readable_, writable_;
  std::vector<char> buf_;
  size_t head_ = 0, size_ = 0;
  bool reader_open_ = true, writer_open_ = true;
};

class PipeEnd : public vfs::File {
 public:
  PipeEnd(std::shared_ptr<PipeBuffer> pipe, bool is_reader)
      : pipe_(std::move(pipe)), is_reader_(is_reader) {}
  ~PipeEnd() override {
    if (is_reader_) pipe_->close_reader();
    else pipe_->close_writer();
  }

  Error read(void* buf, size_t n, size_t& got) override {
    if (!is_reader_) {
      got = 0;
      return make_error(EBADF);
    }
    return pipe_->read(buf, n, got);
  }
  Error write(const void* buf, size_t n, size_t& written) override {
    if (is_reader_) {
      written = 0;
      return make_error(EBADF);
    }
    return pipe_->write(buf, n, written);
  }
  Error stat(vfs::Stat& out) override {
    out = vfs::Stat{};
    out.mode = S_IFIFO | 0600;
    out.size = static_cast<int64_t>(pipe_->buffered());
    out.blksize = 4096;
    return {};
  }
  int open_flags() const override { return is_reader_ ? O_RDONLY : O_WRONLY; }
  bool can_read_now() override { return pipe_->has_data(); }

 private:
  std::shared_ptr<PipeBuffer> pipe_;
  bool is_reader_;
};

}  // namespace

PipeEnds make_pipe(CancelToken* cancel, size_t capacity) {
  auto buffer = std::make_shared<PipeBuffer>(cancel, capacity);
  return {std::make_shared<PipeEnd>(buffer, true), std::make_shared<PipeEnd>(buffer, false)};
}

}  // namespace burrow
