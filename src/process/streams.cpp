#include "process/streams.h"

#include <cerrno>
#include <cstring>

namespace burrow {

OutStream::OutStream(vfs::FilePtr file, size_t buffer_size)
    : file_(std::move(file)), capacity_(buffer_size) {
  buf_.reserve(capacity_);
  if (file_ && file_->is_terminal()) line_buffered_ = true;
  if (!file_) error_ = vfs::make_error(EBADF);
}

OutStream::~OutStream() { flush(); }

void OutStream::write(std::string_view data) {
  if (error_) return;
  if (buf_.size() + data.size() <= capacity_) {
    buf_.append(data);
    if (line_buffered_ && data.find('\n') != std::string_view::npos) flush();
    return;
  }
  flush();
  if (data.size() >= capacity_) {
    size_t written = 0;
    error_ = file_->write(data.data(), data.size(), written);
  } else {
    buf_.append(data);
    if (line_buffered_ && data.find('\n') != std::string_view::npos) flush();
  }
}

OutStream& OutStream::operator<<(long long v) {
  char tmp[24];
  int n = snprintf(tmp, sizeof tmp, "%lld", v);
  write(std::string_view(tmp, n));
  return *this;
}

void OutStream::flush() {
  if (buf_.empty()) return;
  if (!error_) {
    size_t written = 0;
    error_ = file_->write(buf_.data(), buf_.size(), written);
  }
  buf_.clear();
}

InStream::InStream(vfs::FilePtr file, size_t buffer_size) : file_(std::move(file)), capacity_(buffer_size) {
  if (!file_) error_ = vfs::make_error(EBADF);
}

bool InStream::fill() {
  if (eof_ || error_) return false;
  if (!buf_) buf_.reset(new char[capacity_]);
  if (pos_ > 0) {
    std::memmove(buf_.get(), buf_.get() + pos_, end_ - pos_);
    end_ -= pos_;
    pos_ = 0;
  }
  size_t got = 0;
  error_ = file_->read(buf_.get() + end_, capacity_ - end_, got);
  if (error_ || got == 0) {
    eof_ = true;
    return false;
  }
  end_ += got;
  return true;
}

bool InStream::read_line(std::string& line, char delim) {
  line.clear();
  for (;;) {
    const char* start = buffered() + pos_;
    const void* hit = std::memchr(start, delim, end_ - pos_);
    if (hit) {
      size_t len = static_cast<const char*>(hit) - start;
      line.append(start, len);
      pos_ += len + 1;
      ended_with_delim_ = true;
      return true;
    }
    // Keep the partial line and refill; the buffer never has to grow.
    line.append(start, end_ - pos_);
    pos_ = end_;
    if (!fill()) break;
  }
  ended_with_delim_ = false;
  return !line.empty();
}

size_t InStream::read(char* out, size_t n) {
  if (pos_ == end_) {
    // Large reads bypass the buffer.
    if (n >= capacity_) {
      if (eof_ || error_) return 0;
      size_t got = 0;
      error_ = file_->read(out, n, got);
      if (error_ || got == 0) eof_ = true;
      return got;
    }
    if (!fill()) return 0;
  }
  size_t take = std::min(n, end_ - pos_);
  std::memcpy(out, buf_.get() + pos_, take);
  pos_ += take;
  return take;
}

void InStream::read_all(std::string& out) {
  out.append(buffered() + pos_, end_ - pos_);
  pos_ = end_;
  char tmp[65536];
  while (!eof_ && !error_) {
    size_t got = 0;
    error_ = file_->read(tmp, sizeof tmp, got);
    if (error_ || got == 0) {
      eof_ = true;
      break;
    }
    out.append(tmp, got);
  }
}

std::string_view InStream::peek() {
  if (pos_ == end_) fill();
  return std::string_view(buffered() + pos_, end_ - pos_);
}

}  // namespace burrow
