// Streaming compression and decompression for gzip, bzip2, xz and zstd, over
// zlib, libbz2, liblzma and libzstd. Output goes to a sink in bounded pieces, so a
// small input that expands enormously (a "bomb") never sits in memory whole:
// the sink's writes hit the session's quota or output limit first.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

namespace burrow::codec {

enum class Format { kGzip, kBzip2, kXz, kZstd };

// Returns false to stop (the output could not be written).
using Sink = std::function<bool(std::string_view)>;

class Stream {
 public:
  virtual ~Stream() = default;
  // Feeds the next piece of input; `finish` marks the end of the input.
  // False on corrupt input or when the sink refused; error() says which.
  virtual bool update(std::string_view in, bool finish, const Sink& sink) = 0;
  // Empty after a sink refusal; otherwise why the data was rejected.
  const std::string& error() const { return error_; }
  // Decoders: bytes after the last complete stream that were not another
  // stream (gzip warns "trailing garbage ignored").
  bool trailing_garbage() const { return trailing_garbage_; }
  // Decoders: false when the input ended inside a stream.
  virtual bool complete() const { return true; }

 protected:
  std::string error_;
  bool trailing_garbage_ = false;
};

struct GzipHeader {
  std::string name;  // original file name (empty: none)
  long mtime = 0;    // seconds, 0: none
};

// content_size: the input's size when known in advance (zstd records it in
// the frame header and sizes its tables to it), -1 otherwise.
std::unique_ptr<Stream> make_encoder(Format format, int level, const GzipHeader& header = {},
                                     int64_t content_size = -1);
std::unique_ptr<Stream> make_decoder(Format format);

// Does the data start like a stream of this format?
bool has_magic(Format format, std::string_view head);

}  // namespace burrow::codec
