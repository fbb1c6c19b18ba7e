#include "commands/common/codec.h"

#include <bzlib.h>
#include <lzma.h>
#include <zlib.h>
#include <zstd.h>

#include <cstring>
#include <vector>

namespace burrow::codec {
namespace {

constexpr size_t kOutChunk = 128 * 1024;

class GzipEncoder : public Stream {
 public:
  GzipEncoder(int level, const GzipHeader& h) : name_(h.name) {
    // windowBits 15 + 16: a gzip wrapper instead of zlib's.
    deflateInit2(&z_, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
    header_.name = name_.empty() ? Z_NULL : reinterpret_cast<Bytef*>(name_.data());
    header_.time = static_cast<uLong>(h.mtime);
    header_.os = 3;  // Unix, as GNU gzip writes
    deflateSetHeader(&z_, &header_);
  }
  ~GzipEncoder() override { deflateEnd(&z_); }
  bool update(std::string_view in, bool finish, const Sink& sink) override {
    z_.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
    z_.avail_in = static_cast<uInt>(in.size());
    int flush = finish ? Z_FINISH : Z_NO_FLUSH;
    for (;;) {
      z_.next_out = reinterpret_cast<Bytef*>(buf_);
      z_.avail_out = sizeof buf_;
      int r = deflate(&z_, flush);
      size_t have = sizeof buf_ - z_.avail_out;
      if (have && !sink(std::string_view(buf_, have))) return false;
      if (r == Z_STREAM_END) return true;
      if (r == Z_STREAM_ERROR) {
        error_ = "compression failed";
        return false;
      }
      if (z_.avail_in == 0 && z_.avail_out != 0) return true;
    }
  }

 private:
  z_stream z_{};
  gz_header header_{};
  std::string name_;
  char buf_[kOutChunk];
};

class GzipDecoder : public Stream {
 public:
  GzipDecoder() { inflateInit2(&z_, 15 + 16); }
  ~GzipDecoder() override { inflateEnd(&z_); }
  bool complete() const override { return !in_member_ && members_ > 0; }
  bool update(std::string_view in, bool finish, const Sink& sink) override {
    if (stopped_) return true;
    pending_.append(in);
    for (;;) {
      if (!in_member_) {
        if (pending_.size() < 2 && !finish) return true;
        if (pending_.empty()) return true;
        if (!has_magic(Format::kGzip, pending_)) {
          if (members_ == 0) return fail("not in gzip format");
          // After a complete member: trailing garbage, ignored with a
          // warning (GNU gzip says nothing about zero padding).
          trailing_garbage_ = pending_.find_first_not_of('\0') != std::string::npos;
          stopped_ = true;
          return true;
        }
        in_member_ = true;
        inflateReset(&z_);
      }
      z_.next_in = reinterpret_cast<Bytef*>(pending_.data());
      z_.avail_in = static_cast<uInt>(pending_.size());
      int r;
      do {
        z_.next_out = reinterpret_cast<Bytef*>(buf_);
        z_.avail_out = sizeof buf_;
        r = inflate(&z_, Z_NO_FLUSH);
        size_t have = sizeof buf_ - z_.avail_out;
        if (have && !sink(std::string_view(buf_, have))) return false;
        if (r == Z_DATA_ERROR || r == Z_NEED_DICT) return fail("invalid compressed data--format violated");
        if (r == Z_MEM_ERROR) return fail("out of memory");
      } while (r == Z_OK && (z_.avail_in > 0 || z_.avail_out == 0));
      pending_.erase(0, pending_.size() - z_.avail_in);
      if (r != Z_STREAM_END) return true;  // needs more input
      in_member_ = false;
      ++members_;
    }
  }

 private:
  bool fail(const char* why) {
    error_ = why;
    return false;
  }
  z_stream z_{};
  std::string pending_;
  bool in_member_ = false, stopped_ = false;
  int members_ = 0;
  char buf_[kOutChunk];
};

class Bzip2Stream : public Stream {
 public:
  Bzip2Stream(bool encode, int level) : encode_(encode) {
    if (encode_) BZ2_bzCompressInit(&b_, level, 0, 0);
    else BZ2_bzDecompressInit(&b_, 0, 0);
  }
  ~Bzip2Stream() override {
    if (encode_) BZ2_bzCompressEnd(&b_);
    else BZ2_bzDecompressEnd(&b_);
  }
  bool complete() const override { return encode_ || (streams_ > 0 && !in_stream_); }
  bool update(std::string_view in, bool finish, const Sink& sink) override {
    b_.next_in = const_cast<char*>(in.data());
    b_.avail_in = static_cast<unsigned>(in.size());
    for (;;) {
      b_.next_out = buf_;
      b_.avail_out = sizeof buf_;
      int r;
      if (encode_) {
        r = BZ2_bzCompress(&b_, finish ? BZ_FINISH : BZ_RUN);
      } else {
        if (stopped_ || b_.avail_in == 0) return true;
        in_stream_ = true;
        r = BZ2_bzDecompress(&b_);
      }
      size_t have = sizeof buf_ - b_.avail_out;
      if (have && !sink(std::string_view(buf_, have))) return false;
      if (encode_) {
        if (r == BZ_STREAM_END) return true;
        if (r < 0) return fail("compression failed");
        if (!finish && b_.avail_in == 0) return true;
        continue;
      }
      if (r == BZ_STREAM_END) {
        ++streams_;
        in_stream_ = false;
        // bzip2 files may hold several streams back to back.
        std::string rest(b_.next_in, b_.avail_in);
        BZ2_bzDecompressEnd(&b_);
        b_ = {};
        BZ2_bzDecompressInit(&b_, 0, 0);
        if (rest.empty()) return true;
        if (rest.size() < 3 || rest.compare(0, 3, "BZh") != 0) {
          trailing_garbage_ = true;
          stopped_ = true;
          return true;
        }
        return update(rest, finish, sink);
      }
      if (r == BZ_DATA_ERROR_MAGIC) return fail(streams_ ? "trailing garbage" : "not a bzip2 file");
      if (r < 0) return fail("data integrity (CRC) error in data");
      if (b_.avail_in == 0 && b_.avail_out != 0) return true;
    }
  }

 private:
  bool fail(const char* why) {
    error_ = why;
    return false;
  }
  bz_stream b_{};
  bool encode_;
  bool in_stream_ = false, stopped_ = false;
  int streams_ = 0;
  char buf_[kOutChunk];
};

class XzStream : public Stream {
 public:
  XzStream(bool encode, int level) : encode_(encode) {
    lzma_ret r = encode ? lzma_easy_encoder(&s_, static_cast<uint32_t>(level), LZMA_CHECK_CRC64)
                        : lzma_stream_decoder(&s_, UINT64_MAX, LZMA_CONCATENATED);
    if (r != LZMA_OK) error_ = "cannot initialise the codec";
  }
  ~XzStream() override { lzma_end(&s_); }
  bool complete() const override { return encode_ || ended_; }
  bool update(std::string_view in, bool finish, const Sink& sink) override {
    if (!error_.empty()) return false;
    if (!encode_ && !checked_magic_) {
      // Judge the format on the first bytes, as xz does, so that short
      // plain text is "not recognized" rather than "unexpected end".
      head_.append(in.substr(0, 6 - std::min<size_t>(6, head_.size())));
      if (head_.size() >= 6 || finish) {
        if (!has_magic(Format::kXz, head_)) return fail("File format not recognized");
        checked_magic_ = true;
      }
    }
    s_.next_in = reinterpret_cast<const uint8_t*>(in.data());
    s_.avail_in = in.size();
    lzma_action action = finish ? LZMA_FINISH : LZMA_RUN;
    for (;;) {
      s_.next_out = reinterpret_cast<uint8_t*>(buf_);
      s_.avail_out = sizeof buf_;
      lzma_ret r = lzma_code(&s_, action);
      size_t have = sizeof buf_ - s_.avail_out;
      if (have && !sink(std::string_view(buf_, have))) return false;
      if (r == LZMA_STREAM_END) {
        ended_ = true;
        return true;
      }
      if (r == LZMA_FORMAT_ERROR) return fail("File format not recognized");
      if (r == LZMA_DATA_ERROR) return fail("Compressed data is corrupt");
      if (r == LZMA_BUF_ERROR) return fail("Unexpected end of input");
      if (r == LZMA_MEM_ERROR) return fail("Cannot allocate memory");
      if (r != LZMA_OK) return fail("Internal error");
      if (s_.avail_in == 0 && s_.avail_out != 0 && !finish) return true;
    }
  }

 private:
  bool fail(const char* why) {
    error_ = why;
    return false;
  }
  lzma_stream s_ = LZMA_STREAM_INIT;
  bool encode_;
  bool ended_ = false;
  bool checked_magic_ = false;
  std::string head_;
  char buf_[kOutChunk];
};

// zstd frames as the zstd CLI writes them: checksummed, with the content
// size in the header when the input's size is known.
class ZstdEncoder : public Stream {
 public:
  ZstdEncoder(int level, int64_t content_size) : c_(ZSTD_createCCtx()) {
    if (!c_) {
      error_ = "cannot allocate the compressor";
      return;
    }
    ZSTD_CCtx_setParameter(c_, ZSTD_c_compressionLevel, level);
    ZSTD_CCtx_setParameter(c_, ZSTD_c_checksumFlag, 1);
    if (content_size >= 0) ZSTD_CCtx_setPledgedSrcSize(c_, static_cast<unsigned long long>(content_size));
  }
  ~ZstdEncoder() override { ZSTD_freeCCtx(c_); }
  bool update(std::string_view in, bool finish, const Sink& sink) override {
    if (!c_) return false;
    ZSTD_inBuffer input{in.data(), in.size(), 0};
    for (;;) {
      ZSTD_outBuffer output{buf_, sizeof buf_, 0};
      size_t r = ZSTD_compressStream2(c_, &output, &input, finish ? ZSTD_e_end : ZSTD_e_continue);
      if (ZSTD_isError(r)) {
        error_ = std::string("compression failed: ") + ZSTD_getErrorName(r);
        return false;
      }
      if (output.pos && !sink(std::string_view(buf_, output.pos))) return false;
      if (finish ? r == 0 : input.pos == input.size && output.pos < sizeof buf_) return true;
    }
  }

 private:
  ZSTD_CCtx* c_;
  char buf_[kOutChunk];
};

// Frames back to back, skippable frames included. Whatever follows a frame
// must be another frame: the zstd CLI calls anything else an unsupported
// format rather than ignoring it.
class ZstdDecoder : public Stream {
 public:
  ZstdDecoder() : d_(ZSTD_createDCtx()) {
    // The CLI's default memory limit (128 MiB windows); a larger window is
    // refused instead of allocated.
    if (d_) ZSTD_DCtx_setParameter(d_, ZSTD_d_windowLogMax, 27);
    else error_ = "cannot allocate the decompressor";
  }
  ~ZstdDecoder() override { ZSTD_freeDCtx(d_); }
  bool complete() const override { return frames_ > 0 && !in_frame_; }
  bool update(std::string_view in, bool finish, const Sink& sink) override {
    if (!d_) return false;
    if (!in_frame_ && (!head_.empty() || in.size() < 4)) {
      // A frame boundary: gather the magic number before judging it.
      head_.append(in);
      if (head_.size() < 4 && !finish) return true;
      std::string held;
      held.swap(head_);
      return feed(held, finish, sink);
    }
    return feed(in, finish, sink);
  }

 private:
  bool feed(std::string_view in, bool finish, const Sink& sink) {
    ZSTD_inBuffer input{in.data(), in.size(), 0};
    for (;;) {
      if (!in_frame_) {
        std::string_view rest = in.substr(input.pos);
        if (rest.empty()) return true;
        if (rest.size() < 4 && !finish) {
          head_.assign(rest);
          return true;
        }
        if (!has_magic(Format::kZstd, rest)) return fail("unsupported format");
        in_frame_ = true;
      }
      ZSTD_outBuffer output{buf_, sizeof buf_, 0};
      size_t r = ZSTD_decompressStream(d_, &output, &input);
      if (ZSTD_isError(r)) return fail(std::string("Decoding error (36) : ") + ZSTD_getErrorName(r));
      if (output.pos && !sink(std::string_view(buf_, output.pos))) return false;
      if (r == 0) {
        in_frame_ = false;
        ++frames_;
        continue;
      }
      if (input.pos == input.size && output.pos < sizeof buf_) return true;
    }
  }
  bool fail(std::string why) {
    error_ = std::move(why);
    return false;
  }
  ZSTD_DCtx* d_;
  std::string head_;
  bool in_frame_ = false;
  int frames_ = 0;
  char buf_[kOutChunk];
};

}  // namespace

bool has_magic(Format format, std::string_view head) {
  switch (format) {
    case Format::kGzip: return head.size() >= 2 && head[0] == '\x1f' && head[1] == '\x8b';
    case Format::kBzip2: return head.size() >= 3 && head.compare(0, 3, "BZh") == 0;
    case Format::kXz: return head.size() >= 6 && head.compare(0, 6, std::string_view("\xfd" "7zXZ\0", 6)) == 0;
    case Format::kZstd: {
      if (head.size() < 4) return false;
      uint32_t magic = static_cast<uint8_t>(head[0]) | static_cast<uint8_t>(head[1]) << 8 |
                       static_cast<uint8_t>(head[2]) << 16 | static_cast<uint32_t>(static_cast<uint8_t>(head[3])) << 24;
      return magic == ZSTD_MAGICNUMBER || (magic & ZSTD_MAGIC_SKIPPABLE_MASK) == ZSTD_MAGIC_SKIPPABLE_START;
    }
  }
  return false;
}

std::unique_ptr<Stream> make_encoder(Format format, int level, const GzipHeader& header, int64_t content_size) {
  switch (format) {
    case Format::kGzip: return std::make_unique<GzipEncoder>(level, header);
    case Format::kBzip2: return std::make_unique<Bzip2Stream>(true, level);
    case Format::kXz: return std::make_unique<XzStream>(true, level);
    case Format::kZstd: return std::make_unique<ZstdEncoder>(level, content_size);
  }
  return nullptr;
}

std::unique_ptr<Stream> make_decoder(Format format) {
  switch (format) {
    case Format::kGzip: return std::make_unique<GzipDecoder>();
    case Format::kBzip2: return std::make_unique<Bzip2Stream>(false, 0);
    case Format::kXz: return std::make_unique<XzStream>(false, 0);
    case Format::kZstd: return std::make_unique<ZstdDecoder>();
  }
  return nullptr;
}

}  // namespace burrow::codec
