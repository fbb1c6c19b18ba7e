// Buffered reading and writing over a vfs::File, for commands and builtins.
// Commands write through OutStream so that output is batched into large
// writes; a reader that went away (EPIPE) is remembered so the command can
// stop early and the runner can report status 141, as SIGPIPE would.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "vfs/filesystem.h"

namespace burrow {

class OutStream {
 public:
  explicit OutStream(vfs::FilePtr file, size_t buffer_size = 65536);
  ~OutStream();
  OutStream(const OutStream&) = delete;
  OutStream& operator=(const OutStream&) = delete;

  void write(std::string_view data);
  void write(const char* data, size_t n) { write(std::string_view(data, n)); }
  void put(char c) {
    if (buf_.size() < capacity_) buf_.push_back(c);
    else write(std::string_view(&c, 1));
  }
  OutStream& operator<<(std::string_view s) {
    write(s);
    return *this;
  }
  OutStream& operator<<(char c) {
    put(c);
    return *this;
  }
  OutStream& operator<<(long long v);
  // Flushes after every newline (stderr, terminals, `--line-buffered`).
  void set_line_buffered(bool on) { line_buffered_ = on; }
  void flush();

  // False once a write failed; error() says why (EPIPE when the reader left).
  bool ok() const { return !error_; }
  bool broken_pipe() const { return error_.value() == EPIPE; }
  vfs::Error error() const { return error_; }
  bool is_terminal() const { return file_ && file_->is_terminal(); }
  const vfs::FilePtr& file() const { return file_; }

 private:
  vfs::FilePtr file_;
  std::string buf_;
  size_t capacity_;
  bool line_buffered_ = false;
  vfs::Error error_;
};

class InStream {
 public:
  explicit InStream(vfs::FilePtr file, size_t buffer_size = 65536);
  InStream(const InStream&) = delete;
  InStream& operator=(const InStream&) = delete;

  // Reads up to and excluding `delim`. Returns false at end of input when
  // nothing was read. ended_with_delim() tells whether the delimiter was there
  // (the last line of a file may lack it).
  bool read_line(std::string& line, char delim = '\n');
  bool ended_with_delim() const { return ended_with_delim_; }
  // Reads up to n bytes; 0 at end of input.
  size_t read(char* out, size_t n);
  // Appends everything that is left to `out`.
  void read_all(std::string& out);
  // Peeks at the buffered bytes, refilling when empty: empty at EOF.
  std::string_view peek();
  void consume(size_t n) { pos_ += n; }

  bool ok() const { return !error_; }
  vfs::Error error() const { return error_; }
  const vfs::FilePtr& file() const { return file_; }

 private:
  bool fill();
  const char* buffered() const { return buf_ ? buf_.get() : ""; }

  vfs::FilePtr file_;
  // Allocated at the first buffered read, uninitialised: commands that only
  // make large reads (grep over thousands of small files) never pay for it.
  std::unique_ptr<char[]> buf_;
  size_t capacity_;
  size_t pos_ = 0, end_ = 0;
  bool eof_ = false;
  bool ended_with_delim_ = false;
  vfs::Error error_;
};

}  // namespace burrow
