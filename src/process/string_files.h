// Files backed by strings: stdin fed from a buffer, stdout/stderr collected
// into one. Used by Session::exec and by tests.
#pragma once

#include <functional>
#include <mutex>
#include <string>

#include "vfs/filesystem.h"

namespace burrow {

// Reads `data` once, then EOF.
vfs::FilePtr make_string_source(std::string data);

// Collects everything written. Thread-safe: several processes may share it.
class StringSink : public vfs::File {
 public:
  // A write that would take the total past `limit` fails with EFBIG and
  // calls on_limit once (the session reports the limit and cancels).
  explicit StringSink(uint64_t limit = UINT64_MAX, std::function<void()> on_limit = {})
      : limit_(limit), on_limit_(std::move(on_limit)) {}

  vfs::Error read(void*, size_t, size_t& got) override;
  vfs::Error write(const void* buf, size_t n, size_t& written) override;
  vfs::Error stat(vfs::Stat& out) override;
  int open_flags() const override { return O_WRONLY; }

  std::string take();
  std::string contents();

 private:
  std::mutex mutex_;
  std::string data_;
  uint64_t total_ = 0;
  uint64_t limit_;
  bool limit_hit_ = false;
  std::function<void()> on_limit_;
};

}  // namespace burrow
