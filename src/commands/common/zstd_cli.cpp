// The zstd 1.5 command line (Debian 12's zstd 1.5.4): inputs are kept unless
// --rm, "-o FILE" gathers every output into one file, levels are -1..-19 and
// --fast=N, a display level moved by -q and -v decides what is said, and an
// existing output is only replaced after a "y" on standard input.
#include <cctype>
#include <cstdarg>
#include <cstdio>
#include <optional>
#include <vector>

// For the frame header parser that -l walks frames with.
#define ZSTD_STATIC_LINKING_ONLY
#include <zstd.h>

#include "commands/common/compress_cli.h"
#include "commands/common/fs_util.h"

namespace burrow {
namespace {

constexpr std::string_view kBanner = "*** Zstandard CLI (64-bit) v1.5.4, by Yann Collet ***\n";
constexpr std::string_view kStdinName = "/*stdin*\\";
constexpr int kMaxLevel = 19;

constexpr std::string_view kShortUsage =
    "Compress or decompress the INPUT file(s); reads from STDIN if INPUT is `-` or not provided.\n"
    "\n"
    "Usage: zstd [OPTIONS...] [INPUT... | -] [-o OUTPUT]\n"
    "\n"
    "Options:\n"
    "  -o OUTPUT                     Write output to a single file, OUTPUT.\n"
    "  -k, --keep                    Preserve INPUT file(s). [Default] \n"
    "  --rm                          Remove INPUT file(s) after successful (de)compression.\n"
    "\n"
    "  -#                            Desired compression level, where `#` is a number between 1 and 19;\n"
    "                                lower numbers provide faster compression, higher numbers yield\n"
    "                                better compression ratios. [Default: 3]\n"
    "\n"
    "  -d, --decompress              Perform decompression.\n"
    "  -D DICT                       Use DICT as the dictionary for compression or decompression.\n"
    "\n"
    "  -f, --force                   Disable input and output checks. Allows overwriting existing files,\n"
    "                                receiving input from the console, printing ouput to STDOUT, and\n"
    "                                operating on links, block devices, etc. Unrecognized formats will be\n"
    "                                passed-through through as-is.\n"
    "\n"
    "  -h                            Display short usage and exit.\n"
    "  -H, --help                    Display full help and exit.\n"
    "  -V, --version                 Display the program version and exit.\n"
    "\n";

std::string format(const char* fmt, ...) __attribute__((format(printf, 1, 2)));
std::string format(const char* fmt, ...) {
  char buf[1024];
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(buf, sizeof buf, fmt, ap);
  va_end(ap);
  return std::string(buf, n < 0 ? 0 : std::min<size_t>(n, sizeof buf - 1));
}

// A size scaled to B, KiB, MiB... with zstd's choice of precision.
struct HumanSize {
  double value;
  const char* suffix;
  int precision;
};

HumanSize human_size(uint64_t size) {
  static const char* const kSuffixes[] = {" B", " KiB", " MiB", " GiB", " TiB", " PiB", " EiB"};
  int unit = 0;
  while (unit < 6 && size >= (1ull << (10 * (unit + 1)))) ++unit;
  HumanSize h{static_cast<double>(size) / static_cast<double>(1ull << (10 * unit)), kSuffixes[unit], 0};
  if (h.value >= 100 || static_cast<uint64_t>(h.value) == size) h.precision = 0;
  else if (h.value >= 10) h.precision = 1;
  else if (h.value > 1) h.precision = 2;
  else h.precision = 3;
  return h;
}

// What -l learns from walking the frames of a file.
struct FrameList {
  uint64_t compressed = 0, decompressed = 0;
  unsigned frames = 0, skips = 0;
  bool size_known = true, checked = false;
};

class ZstdRunner {
 public:
  ZstdRunner(Invocation& inv, const CompressTool& tool, CompressMode mode) : inv_(inv), tool_(tool), mode_(mode) {}

  int run() {
    if (std::optional<int> status = parse()) return *status;
    if (inputs_.empty()) inputs_.push_back("-");
    for (const std::string& name : inputs_) has_stdin_input_ |= name == "-";
    if (list_) return list_all();
    if (!out_name_ && inputs_.size() == 1 && inputs_[0] == "-" && !test_) out_name_ = "-";
    if (test_) out_name_.reset();
    // No status lines when the data itself goes to standard output.
    if (out_name_ && *out_name_ == "-" && display_ == 2) display_ = 1;
    if (display_ >= 3) inv_.err() << kBanner;
    if (recursive_) expand_directories();
    if (inputs_.empty()) {
      if (display_ >= 1) inv_.err() << "please provide correct input file(s) or non-empty directories -- ignored \n";
      return 0;
    }
    if (out_name_ && *out_name_ != "-" && inputs_.size() > 1) {
      if (display_ >= 2) {
        inv_.err() << "zstd: WARNING: all input files will be processed and concatenated into a single output file: "
                   << *out_name_ << " \n"
                   << "The concatenated output CANNOT regenerate original file names nor directory structure. \n";
      }
      if (!force_ && display_ >= 2 && !ask("Proceed? (y/n): ", "Aborting...", "yY")) return 1;
    }
    // Never wait on a person typing data, nor print compressed bytes at one.
    if (has_stdin_input_ && !force_ && inv_.in().file() && inv_.in().file()->is_terminal()) {
      if (display_ >= 1) inv_.err() << "stdin is a console, aborting\n";
      return 1;
    }
    if (compressing() && out_name_ && *out_name_ == "-" && !force_stdout_ && inv_.out().is_terminal()) {
      if (display_ >= 1) inv_.err() << "stdout is a console, aborting\n";
      return 1;
    }
    for (const std::string& name : inputs_) {
      if (inv_.cancelled()) return 130;
      process(name);
    }
    if (shared_out_) shared_out_->close();
    if (inputs_.size() > 1 && display_ >= 2 && done_ > 0) {
      if (compressing()) {
        HumanSize in = human_size(total_in_), out = human_size(total_out_);
        double ratio = total_in_ == 0 ? 0.0 : static_cast<double>(total_out_) * 100.0 / static_cast<double>(total_in_);
        inv_.err() << format("%3u files compressed : %.2f%% (%6.*f%4s => %6.*f%4s)\n", done_, ratio, in.precision,
                             in.value, in.suffix, out.precision, out.value, out.suffix);
      } else {
        inv_.err() << format("%u files decompressed : %6llu bytes total \n", done_,
                             static_cast<unsigned long long>(total_out_));
      }
    }
    return status_;
  }

 private:
  bool compressing() const { return mode_ == CompressMode::kCompress; }

  std::optional<int> bad_usage() {
    inv_.err() << "Incorrect parameters \n" << kShortUsage;
    return 1;
  }

  // zstd's own option syntax: bundled letters with numbers inside them
  // (-19, -T0, -dc), "-o FILE" taking the next argument, long options
  // matched exactly.
  std::optional<int> parse() {
    if (mode_ == CompressMode::kCat) {
      mode_ = CompressMode::kDecompress;
      out_name_ = "-";
      force_ = true;
    }
    bool expect_output = false, options_done = false;
    level_ = tool_.default_level;
    for (size_t i = 1; i < inv_.argv.size(); ++i) {
      const std::string& a = inv_.argv[i];
      if (expect_output) {
        out_name_ = a;
        expect_output = false;
        continue;
      }
      if (options_done || a.size() < 2 || a[0] != '-') {
        inputs_.push_back(a);
        continue;
      }
      if (a == "--") {
        options_done = true;
        continue;
      }
      if (a[1] == '-') {
        if (std::optional<int> status = parse_long(a)) return status;
        continue;
      }
      for (size_t j = 1; j < a.size();) {
        char c = a[j];
        if (std::isdigit(static_cast<unsigned char>(c))) {
          level_ = static_cast<int>(read_number(a, j));
          check_level();
          continue;
        }
        ++j;
        switch (c) {
          case 'd': mode_ = CompressMode::kDecompress; break;
          case 'z': mode_ = CompressMode::kCompress; break;
          case 'c':
            out_name_ = "-";
            force_stdout_ = true;
            break;
          case 'f': force_ = true; break;
          case 'k': rm_ = false; break;
          case 'q': --display_; break;
          case 'v': ++display_; break;
          case 't':
            test_ = true;
            mode_ = CompressMode::kDecompress;
            break;
          case 'l':
            list_ = true;
            mode_ = CompressMode::kDecompress;
            break;
          case 'r': recursive_ = true; break;
          case 'o': expect_output = true; break;
          case 'T': read_number(a, j); break;  // threads: accepted, one is used
          case 'V': inv_.out() << kBanner; return 0;
          case 'h':
          case 'H': inv_.out() << kShortUsage; return 0;
          default: return bad_usage();
        }
      }
    }
    if (expect_output) {
      inv_.err() << "error: missing command argument \n";
      return 1;
    }
    return std::nullopt;
  }

  std::optional<int> parse_long(const std::string& a) {
    std::string name = a, value;
    bool has_value = false;
    if (size_t eq = a.find('='); eq != std::string::npos) {
      name = a.substr(0, eq);
      value = a.substr(eq + 1);
      has_value = true;
    }
    auto plain = [&](std::string_view n) { return name == n && !has_value; };
    if (plain("--stdout")) {
      out_name_ = "-";
      force_stdout_ = true;
    } else if (plain("--decompress") || plain("--uncompress")) mode_ = CompressMode::kDecompress;
    else if (plain("--compress")) mode_ = CompressMode::kCompress;
    else if (plain("--force")) force_ = true;
    else if (plain("--keep")) rm_ = false;
    else if (plain("--rm")) rm_ = true;
    else if (plain("--quiet")) --display_;
    else if (plain("--verbose")) ++display_;
    else if (plain("--test")) {
      test_ = true;
      mode_ = CompressMode::kDecompress;
    } else if (plain("--list")) {
      list_ = true;
      mode_ = CompressMode::kDecompress;
    } else if (plain("--recursive")) recursive_ = true;
    else if (plain("--ultra")) ultra_ = true;
    else if (plain("--version")) {
      inv_.out() << kBanner;
      return 0;
    } else if (plain("--help")) {
      inv_.out() << kShortUsage;
      return 0;
    } else if (name == "--fast") {
      long n = 1;
      if (has_value) {
        size_t pos = 0;
        n = static_cast<long>(read_number(value, pos));
        if (pos == 0 || pos != value.size() || n <= 0) return bad_usage();
      }
      level_ = static_cast<int>(-std::min<long>(n, ZSTD_minCLevel() * -1L));
    } else if (name == "--threads" && has_value) {
    } else if (plain("--single-thread") || plain("--no-progress") || plain("--progress") || plain("--sparse") ||
               plain("--no-sparse") || plain("--content-size") || plain("--no-content-size") || plain("--check") ||
               plain("--exclude-compressed") || plain("--no-asyncio") || plain("--asyncio") ||
               (name == "--format" && value == "zstd")) {
      // Accepted: they change nothing a sandboxed user can observe.
    } else {
      return bad_usage();
    }
    return std::nullopt;
  }

  static uint64_t read_number(const std::string& s, size_t& pos) {
    uint64_t n = 0;
    while (pos < s.size() && std::isdigit(static_cast<unsigned char>(s[pos]))) {
      n = std::min<uint64_t>(n * 10 + (s[pos] - '0'), 1u << 30);
      ++pos;
    }
    return n;
  }

  void check_level() {
    // Levels 20-22 (--ultra) need up to a gigabyte of tables; a session
    // gets level 19 instead, which reads back the same.
    if (level_ > kMaxLevel) {
      if (!ultra_ && display_ >= 2)
        inv_.err() << "Warning : compression level higher than max, reduced to 19 \n";
      level_ = kMaxLevel;
    }
  }

  // Asks on standard input, as zstd does; anything but an accepted letter
  // (or an input read from standard input) means no.
  bool ask(std::string_view prompt, std::string_view abort_message, std::string_view accept) {
    if (has_stdin_input_) {
      inv_.err() << "stdin is an input - not proceeding.\n";
      return false;
    }
    inv_.err() << prompt;
    inv_.err().flush();
    std::string line;
    bool got = inv_.in().read_line(line);
    if (!got || line.empty() || accept.find(line[0]) == std::string_view::npos) {
      inv_.err() << abort_message << " \n";
      return false;
    }
    return true;
  }

  bool may_overwrite(const std::string& dest) {
    if (force_) return true;
    if (display_ <= 1) {
      if (display_ >= 1) inv_.err() << "zstd: " << dest << " already exists; not overwritten  \n";
      return false;
    }
    inv_.err() << "zstd: " << dest << " already exists; ";
    return ask("overwrite (y/n) ? ", "Not overwritten  \n", "yY");
  }

  void expand_directories() {
    std::vector<std::string> out;
    for (const std::string& name : inputs_) expand(name, out);
    inputs_ = std::move(out);
  }
  void expand(const std::string& name, std::vector<std::string>& out) {
    vfs::Stat st;
    if (name != "-" && !inv_.fs->stat(inv_.path(name), st) && S_ISDIR(st.mode)) {
      std::vector<vfs::DirEntry> entries;
      if (inv_.fs->readdir(inv_.path(name), entries)) return;
      for (const vfs::DirEntry& e : entries) expand(name + "/" + e.name, out);
      return;
    }
    out.push_back(name);
  }

  void fail(std::string_view text) {
    if (display_ >= 1) inv_.err() << text;
    status_ = 1;
  }

  bool dest_name(const std::string& name, std::string& out) {
    if (compressing()) {
      out = name + std::string(tool_.suffix);
      return true;
    }
    auto ends_with = [&](std::string_view s) {
      return name.size() > s.size() && name.compare(name.size() - s.size(), s.size(), s) == 0;
    };
    if (ends_with(tool_.suffix)) {
      out = name.substr(0, name.size() - tool_.suffix.size());
      return true;
    }
    for (const auto& [from, to] : tool_.other_suffixes) {
      if (ends_with(from)) {
        out = name.substr(0, name.size() - from.size()) + std::string(to);
        return true;
      }
    }
    fail("zstd: " + name +
         ": unknown suffix (.zst/.tzst/.gz/.tgz/.lzma/.xz/.txz/.lz4/.tlz4 expected). Can't derive the output file "
         "name. Specify it with -o dstFileName. Ignoring.\n");
    return false;
  }

  // One input, from its checks to its status line.
  void process(const std::string& name) {
    bool from_stdin = name == "-";
    std::string shown = from_stdin ? std::string(kStdinName) : name;
    std::string path = from_stdin ? std::string() : inv_.path(name);
    vfs::Stat st;
    if (!from_stdin) {
      if (vfs::Error err = inv_.fs->lstat(path, st)) {
        fail("zstd: can't stat " + name + " : " + vfs::error_text(err) + " -- ignored \n");
        return;
      }
      if (S_ISLNK(st.mode)) {
        if (!force_) {
          if (display_ >= 2) inv_.err() << "Warning : " << name << " is a symbolic link, ignoring \n";
          status_ = 1;
          return;
        }
        if (vfs::Error err = inv_.fs->stat(path, st)) {
          fail("zstd: can't stat " + name + " : " + vfs::error_text(err) + " -- ignored \n");
          return;
        }
      }
      if (S_ISDIR(st.mode)) {
        fail("zstd: " + name + " is a directory -- ignored \n");
        return;
      }
    }
    // Where the output goes: nowhere (-t), standard output, the shared -o
    // file, or a file named after the input.
    enum class Dest { kNone, kStdout, kShared, kOwn } dest = Dest::kNone;
    std::string dest_file;
    if (test_) dest = Dest::kNone;
    else if (out_name_ && *out_name_ == "-") dest = Dest::kStdout;
    else if (out_name_) {
      dest = Dest::kShared;
      dest_file = *out_name_;
    } else {
      if (from_stdin) dest = Dest::kStdout;
      else {
        if (!dest_name(name, dest_file)) return;
        dest = Dest::kOwn;
      }
    }
    vfs::FilePtr in;
    if (!from_stdin) {
      if (vfs::Error err = inv_.fs->open(path, O_RDONLY, 0, in)) {
        fail("zstd: " + name + ": " + vfs::error_text(err) + " \n");
        return;
      }
    }
    vfs::FilePtr own_out;
    vfs::File* out = nullptr;
    std::string dest_path = dest_file.empty() ? std::string() : inv_.path(dest_file);
    if (dest == Dest::kOwn || (dest == Dest::kShared && !shared_out_)) {
      if (!from_stdin && dest_path == path) {
        fail("zstd: Refusing to open an output file which will overwrite the input file \n");
        return;
      }
      vfs::Stat existing;
      if (!inv_.fs->stat(dest_path, existing)) {
        if (!may_overwrite(dest_file)) {
          status_ = 1;
          return;
        }
        inv_.fs->unlink(dest_path);
      }
      vfs::FilePtr f;
      mode_t mode = from_stdin ? 0666 & ~fsu::kUmask : st.mode & 07777;
      if (vfs::Error err = inv_.fs->open(dest_path, O_WRONLY | O_CREAT | O_TRUNC, mode, f)) {
        fail("zstd: " + dest_file + ": " + vfs::error_text(err) + " \n");
        return;
      }
      if (dest == Dest::kShared) shared_out_ = f;
      else own_out = f;
    }
    if (dest == Dest::kOwn) out = own_out.get();
    if (dest == Dest::kShared) out = shared_out_.get();

    uint64_t in_bytes = 0, out_bytes = 0;
    vfs::Error write_error;
    auto sink = [&](std::string_view data) {
      out_bytes += data.size();
      if (dest == Dest::kNone) return true;
      if (dest == Dest::kStdout) {
        inv_.out().write(data);
        return inv_.out().ok();
      }
      size_t written = 0;
      write_error = out->write(data.data(), data.size(), written);
      return !write_error;
    };
    auto read = [&](char* buf, size_t n) -> size_t {
      if (from_stdin) return inv_.in().read(buf, n);
      size_t got = 0;
      if (in->read(buf, n, got)) return 0;
      return got;
    };
    std::string error;
    bool ok = transform(read, sink, in_bytes, error, from_stdin ? -1 : st.size);
    if (own_out) own_out->close();
    if (!ok) {
      if (own_out) inv_.fs->unlink(dest_path);
      if (write_error) fail("zstd: " + dest_file + ": Write error : " + vfs::error_text(write_error) + " \n");
      else if (error == "unsupported format" || error == "unexpected end of file")
        fail("zstd: " + shown + ": " + error + " \n");
      else if (!error.empty()) fail(shown + " : " + error + " \n");
      else if (dest == Dest::kStdout && !inv_.out().broken_pipe())
        fail("zstd: stdout: " + vfs::error_text(inv_.out().error()) + " \n");
      else status_ = std::max(status_, 1);
      return;
    }
    if (own_out && !from_stdin) {
      inv_.fs->utimes(dest_path, vfs::TimeChange::at(st.atime), vfs::TimeChange::at(st.mtime), true);
      inv_.fs->chmod(dest_path, st.mode & 07777);
    }
    ++done_;
    total_in_ += in_bytes;
    total_out_ += out_bytes;
    if (display_ >= 2 && (inputs_.size() == 1 || display_ >= 3)) {
      std::string target = dest == Dest::kStdout ? std::string("/*stdout*\\") : dest_file;
      if (compressing()) {
        HumanSize hi = human_size(in_bytes), ho = human_size(out_bytes);
        if (in_bytes == 0)
          inv_.err() << format("%-20s :  (%6.*f%s => %6.*f%s, %s) \n", shown.c_str(), hi.precision, hi.value,
                               hi.suffix, ho.precision, ho.value, ho.suffix, target.c_str());
        else
          inv_.err() << format("%-20s :%6.2f%%   (%6.*f%s => %6.*f%s, %s) \n", shown.c_str(),
                               static_cast<double>(out_bytes) * 100.0 / static_cast<double>(in_bytes),
                               hi.precision, hi.value, hi.suffix, ho.precision, ho.value, ho.suffix, target.c_str());
      } else {
        inv_.err() << format("%-20s: %llu bytes \n", shown.c_str(), static_cast<unsigned long long>(out_bytes));
      }
    }
    if (rm_ && !from_stdin && (dest == Dest::kOwn || dest == Dest::kShared)) inv_.fs->unlink(path);
  }

  // Streams one input through the codec. Decompression picks the decoder by
  // the first bytes, as zstd does: zstd frames, gzip and xz streams, or (with
  // -f to standard output) anything else copied as it is.
  template <class Read, class Sink>
  bool transform(Read&& read, Sink&& sink, uint64_t& in_bytes, std::string& error, int64_t size) {
    std::vector<char> buf(64 * 1024);
    size_t got = read(buf.data(), buf.size());
    in_bytes += got;
    std::string_view first(buf.data(), got);
    // Short reads from a pipe: gather enough for the magic number.
    std::string head;
    if (!compressing() && got > 0 && got < 6) {
      head.assign(first);
      while (head.size() < 6) {
        size_t more = read(buf.data(), buf.size());
        if (more == 0) break;
        in_bytes += more;
        head.append(buf.data(), more);
      }
      first = head;
    }
    std::unique_ptr<codec::Stream> stream;
    bool passthrough = false;
    if (compressing()) {
      stream = codec::make_encoder(tool_.format, level_, {}, size);
    } else if (first.empty()) {
      if (force_ && out_name_ && *out_name_ == "-") return true;
      error = "unexpected end of file";
      return false;
    } else if (codec::has_magic(codec::Format::kZstd, first)) {
      stream = codec::make_decoder(codec::Format::kZstd);
    } else if (codec::has_magic(codec::Format::kGzip, first)) {
      stream = codec::make_decoder(codec::Format::kGzip);
    } else if (codec::has_magic(codec::Format::kXz, first)) {
      stream = codec::make_decoder(codec::Format::kXz);
    } else if (force_ && out_name_ && *out_name_ == "-") {
      passthrough = true;
    } else {
      error = "unsupported format";
      return false;
    }
    codec::Sink to_sink = [&](std::string_view d) { return sink(d); };
    std::string_view piece = first;
    for (;;) {
      if (inv_.cancelled()) return false;
      bool finish = piece.empty();
      if (passthrough) {
        if (!piece.empty() && !sink(piece)) return false;
      } else if (!stream->update(piece, finish, to_sink)) {
        error = stream->error();
        return false;
      }
      if (finish) break;
      got = read(buf.data(), buf.size());
      in_bytes += got;
      piece = std::string_view(buf.data(), got);
    }
    if (!compressing() && !passthrough && !stream->complete()) {
      error = "Read error (39) : premature end";
      return false;
    }
    return true;
  }

  // -l: frame by frame through the headers, never decompressing.
  int list_all() {
    if (has_stdin_input_) {
      inv_.err() << "zstd: --list does not support reading from standard input \n";
      if (inputs_.size() == 1) {
        inv_.err() << "No files given \n";
        return 1;
      }
    }
    FrameList total;
    unsigned listed = 0;
    bool header_done = false;
    for (const std::string& name : inputs_) {
      if (name == "-") continue;
      FrameList info;
      std::string error;
      vfs::Stat st;
      vfs::FilePtr f;
      std::string path = inv_.path(name);
      if (inv_.fs->stat(path, st) || !S_ISREG(st.mode) || inv_.fs->open(path, O_RDONLY, 0, f)) {
        inv_.err() << "Error : " << name << " is not a file \n";
        status_ = 1;
      } else if (!walk_frames(*f, static_cast<uint64_t>(st.size), info, error)) {
        inv_.err() << "Error : " << error << " " << name << " \n";
        status_ = 1;
        continue;
      }
      if (!header_done) {
        inv_.out() << "Frames  Skips  Compressed  Uncompressed  Ratio  Check  Filename\n";
        header_done = true;
      }
      if (!f || (status_ && info.frames == 0 && info.skips == 0)) continue;
      print_list_line(info, name);
      total.compressed += info.compressed;
      total.decompressed += info.decompressed;
      total.frames += info.frames;
      total.skips += info.skips;
      total.size_known &= info.size_known;
      total.checked = info.checked;
      ++listed;
    }
    if (listed > 1) {
      inv_.out() << "----------------------------------------------------------------- \n";
      print_list_line(total, std::to_string(listed) + " files");
    }
    return status_;
  }

  void print_list_line(const FrameList& info, const std::string& name) {
    HumanSize c = human_size(info.compressed), d = human_size(info.decompressed);
    const char* check = info.checked ? "XXH64" : "None";
    if (info.size_known) {
      double ratio = info.compressed == 0 ? 0.0
                                          : static_cast<double>(info.decompressed) / static_cast<double>(info.compressed);
      inv_.out() << format("%6u  %5u  %6.*f%4s  %8.*f%4s  %5.3f  %5s  %s\n", info.frames, info.skips, c.precision,
                           c.value, c.suffix, d.precision, d.value, d.suffix, ratio, check, name.c_str());
    } else {
      inv_.out() << format("%6u  %5u  %6.*f%4s                       %5s  %s\n", info.frames, info.skips,
                           c.precision, c.value, c.suffix, check, name.c_str());
    }
  }

  static bool walk_frames(vfs::File& f, uint64_t size, FrameList& info, std::string& error) {
    info.compressed = size;
    uint64_t off = 0;
    auto pread = [&](void* buf, size_t n, uint64_t at) {
      size_t got = 0;
      return !f.pread(buf, n, static_cast<int64_t>(at), got) && got == n;
    };
    while (off < size) {
      unsigned char head[ZSTD_FRAMEHEADERSIZE_MAX] = {};
      size_t n = static_cast<size_t>(std::min<uint64_t>(sizeof head, size - off));
      if (n < 4 || !pread(head, n, off)) {
        error = "Error while parsing";
        return false;
      }
      uint32_t magic = head[0] | head[1] << 8 | head[2] << 16 | static_cast<uint32_t>(head[3]) << 24;
      if ((magic & ZSTD_MAGIC_SKIPPABLE_MASK) == ZSTD_MAGIC_SKIPPABLE_START) {
        if (n < 8) {
          error = "Error while parsing";
          return false;
        }
        uint64_t len = head[4] | head[5] << 8 | head[6] << 16 | static_cast<uint64_t>(head[7]) << 24;
        off += 8 + len;
        ++info.skips;
        continue;
      }
      if (magic != ZSTD_MAGICNUMBER) {
        error = info.frames == 0 && info.skips == 0 ? "not compressed by zstd:" : "Error while parsing";
        return false;
      }
      ZSTD_frameHeader fh;
      if (ZSTD_getFrameHeader(&fh, head, n) != 0) {
        error = "Error while parsing";
        return false;
      }
      if (fh.frameContentSize == ZSTD_CONTENTSIZE_UNKNOWN) info.size_known = false;
      else info.decompressed += fh.frameContentSize;
      info.checked = fh.checksumFlag;
      off += fh.headerSize;
      for (;;) {
        unsigned char b[3];
        if (off + 3 > size || !pread(b, 3, off)) {
          error = "Error while parsing";
          return false;
        }
        uint32_t bh = b[0] | b[1] << 8 | b[2] << 16;
        unsigned type = (bh >> 1) & 3;
        if (type == 3) {
          error = "Error while parsing";
          return false;
        }
        off += 3 + (type == 1 ? 1 : (bh >> 3));
        if (bh & 1) break;
      }
      if (fh.checksumFlag) off += 4;
      if (off > size) {
        error = "Error while parsing";
        return false;
      }
      ++info.frames;
    }
    return true;
  }

  Invocation& inv_;
  const CompressTool& tool_;
  CompressMode mode_;
  int display_ = 2, level_ = 3;
  bool force_ = false, force_stdout_ = false, rm_ = false, test_ = false, list_ = false, recursive_ = false,
       ultra_ = false, has_stdin_input_ = false;
  std::optional<std::string> out_name_;  // "-": standard output
  std::vector<std::string> inputs_;
  vfs::FilePtr shared_out_;
  int status_ = 0;
  unsigned done_ = 0;
  uint64_t total_in_ = 0, total_out_ = 0;
};

}  // namespace

int run_zstd_tool(Invocation& inv, const CompressTool& tool, CompressMode mode) {
  ZstdRunner runner(inv, tool, mode);
  return runner.run();
}

}  // namespace burrow
