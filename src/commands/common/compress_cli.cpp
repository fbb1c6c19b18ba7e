#include "commands/common/compress_cli.h"

#include <cstdio>
#include <vector>

#include "commands/args.h"
#include "commands/common/fs_util.h"

namespace burrow {
namespace {

enum Opt { kLevel0 = 100, kStdout, kDecompress, kCompress, kForce, kKeep, kList, kNoName, kName, kQuiet, kRecursive, kSuffix,
           kTest, kVerbose, kFast, kBest, kLevel1, kLevel9 = kLevel1 + 8 };

constexpr OptionSpec kOptions[] = {
    {kStdout, 'c', "stdout", ArgKind::kNone, "write on standard output, keep original files unchanged"},
    {kDecompress, 'd', "decompress", ArgKind::kNone, "decompress"},
    {kDecompress, 0, "uncompress", ArgKind::kNone, ""},
    {kCompress, 'z', "compress", ArgKind::kNone, "force compression"},
    {kForce, 'f', "force", ArgKind::kNone, "force overwrite of output file and compress links"},
    {kKeep, 'k', "keep", ArgKind::kNone, "keep (don't delete) input files"},
    {kList, 'l', "list", ArgKind::kNone, "list compressed file contents"},
    {kNoName, 'n', "no-name", ArgKind::kNone, "do not save or restore the original name and timestamp"},
    {kName, 'N', "name", ArgKind::kNone, "save or restore the original name and timestamp"},
    {kQuiet, 'q', "quiet", ArgKind::kNone, "suppress all warnings"},
    {kRecursive, 'r', "recursive", ArgKind::kNone, "operate recursively on directories"},
    {kSuffix, 'S', "suffix", ArgKind::kRequired, "use suffix SUF on compressed files", "SUF"},
    {kTest, 't', "test", ArgKind::kNone, "test compressed file integrity"},
    {kVerbose, 'v', "verbose", ArgKind::kNone, "verbose mode"},
    {kFast, 0, "fast", ArgKind::kNone, "compress faster"},
    {kBest, 0, "best", ArgKind::kNone, "compress better"},
    {kLevel0, '0', "", ArgKind::kNone, ""},
    {kLevel1 + 0, '1', "", ArgKind::kNone, ""},
    {kLevel1 + 1, '2', "", ArgKind::kNone, ""},
    {kLevel1 + 2, '3', "", ArgKind::kNone, ""},
    {kLevel1 + 3, '4', "", ArgKind::kNone, ""},
    {kLevel1 + 4, '5', "", ArgKind::kNone, ""},
    {kLevel1 + 5, '6', "", ArgKind::kNone, ""},
    {kLevel1 + 6, '7', "", ArgKind::kNone, ""},
    {kLevel1 + 7, '8', "", ArgKind::kNone, ""},
    {kLevel1 + 8, '9', "", ArgKind::kNone, ""},
};

class Runner {
 public:
  Runner(Invocation& inv, const CompressTool& tool, CompressMode mode) : inv_(inv), tool_(tool), mode_(mode) {}

  int run() {
    usage_ = "Usage: " + std::string(program()) + " [OPTION]... [FILE]...";
    CommandSpec spec{.usage = usage_,
                     .description = "Compress or uncompress FILEs (by default, compress FILES in-place).",
                     .options = kOptions};
    ParsedArgs args;
    if (auto status = parse_args(inv_, spec, args)) return *status;
    level_ = tool_.default_level;
    for (const ParsedOption& o : args.options) {
      if (o.id == kLevel0) {
        // Only xz has a level 0; gzip and bzip2 reject it.
        if (tool_.style != CompressTool::Style::kXz) {
          inv_.err() << program() << ": invalid option -- '0'\n";
          print_try_help(inv_);
          return 1;
        }
        level_ = 0;
      } else if (o.id >= kLevel1 && o.id <= kLevel9) level_ = o.id - kLevel1 + 1;
      else if (o.id == kFast) level_ = 1;
      else if (o.id == kBest) level_ = 9;
      else if (o.id == kDecompress) mode_ = mode_ == CompressMode::kCat ? mode_ : CompressMode::kDecompress;
      else if (o.id == kCompress) mode_ = CompressMode::kCompress;
    }
    to_stdout_ = args.has(kStdout) || mode_ == CompressMode::kCat;
    force_ = args.has(kForce);
    keep_ = args.has(kKeep) || to_stdout_;
    quiet_ = args.has(kQuiet);
    verbose_ = args.has(kVerbose) && !quiet_;
    test_ = args.has(kTest);
    list_ = args.has(kList) && tool_.style == CompressTool::Style::kGzip;
    recursive_ = args.has(kRecursive);
    save_name_ = !args.has(kNoName);
    if (const std::string* s = args.last(kSuffix)) suffix_ = *s;
    else suffix_ = std::string(tool_.suffix);
    if (test_ || list_) mode_ = CompressMode::kDecompress;
    if (mode_ == CompressMode::kCat) mode_ = CompressMode::kDecompress;

    std::vector<std::string> operands = args.operands;
    if (operands.empty()) operands.push_back("-");
    if (list_) print_list_header();
    for (const std::string& name : operands) {
      if (inv_.cancelled()) return 130;
      if (name == "-") process_stdin();
      else process_path(name, true);
    }
    if (list_ && listed_ > 1) print_list_line(total_compressed_, total_uncompressed_, total_overhead_, "(totals)");
    return status_;
  }

 private:
  std::string_view program() const {
    // gunzip and zcat are gzip under other names and speak as gzip.
    return tool_.style == CompressTool::Style::kGzip ? "gzip" : std::string_view(inv_.argv[0]);
  }
  void say(std::string_view text) { inv_.err() << program() << ": " << text << "\n"; }
  void fail(std::string_view text, int status = 1) {
    say(text);
    status_ = std::max(status_, status);
  }
  void warn(std::string_view text) {
    if (!quiet_) say(text);
    if (status_ == 0) status_ = 2;
  }

  bool compressing() const { return mode_ == CompressMode::kCompress; }

  void process_stdin() {
    if (compressing() && !to_stdout_ && !force_ && inv_.out().is_terminal()) {
      if (tool_.style == CompressTool::Style::kGzip)
        fail("compressed data not written to a terminal. Use -f to force compression.\nFor help, type: gzip -h");
      else if (tool_.style == CompressTool::Style::kBzip2)
        fail("I won't write compressed data to a terminal.\n" + std::string(program()) +
             ": For help, type: `" + std::string(program()) + " --help'.");
      else fail("Compressed data cannot be written to a terminal");
      return;
    }
    uint64_t in_bytes = 0, out_bytes = 0;
    auto read = [&](char* buf, size_t n) { return inv_.in().read(buf, n); };
    bool discard = test_ || list_;
    auto sink = [&](std::string_view data) {
      out_bytes += data.size();
      if (discard) return true;
      inv_.out().write(data);
      return inv_.out().ok();
    };
    std::string error;
    bool ok = transform(read, sink, in_bytes, error, "", "stdin");
    if (!ok) report_data_error("stdin", error);
    else if (verbose_ && test_) inv_.err() << "stdin:\t OK\n";
  }

  void process_path(const std::string& name, bool top) {
    std::string path = inv_.path(name);
    vfs::Stat st;
    if (vfs::Error err = inv_.fs->lstat(path, st)) {
      report_missing(name, err);
      return;
    }
    if (S_ISLNK(st.mode) && !force_ && !to_stdout_) {
      if (tool_.style == CompressTool::Style::kGzip) warn(name + ": is not a directory or a regular file - ignored");
      else warn(name + ": Is a symbolic link, skipping");
      return;
    }
    if (S_ISLNK(st.mode) && inv_.fs->stat(path, st)) {
      report_missing(name, vfs::make_error(ENOENT));
      return;
    }
    if (S_ISDIR(st.mode)) {
      if (recursive_) {
        std::vector<vfs::DirEntry> entries;
        if (vfs::Error err = inv_.fs->readdir(path, entries)) {
          fail(name + ": " + vfs::error_text(err));
          return;
        }
        for (const vfs::DirEntry& e : entries) process_path(name + "/" + e.name, false);
        return;
      }
      if (tool_.style == CompressTool::Style::kGzip) warn(name + " is a directory -- ignored");
      else if (tool_.style == CompressTool::Style::kBzip2) fail("Input file " + name + " is a directory.");
      else warn(name + ": Is a directory, skipping");
      return;
    }
    (void)top;
    if (!S_ISREG(st.mode) && !to_stdout_) {
      warn(name + " is not a directory or a regular file - ignored");
      return;
    }
    std::string out_name;
    if (!to_stdout_ && !test_ && !list_) {
      if (!output_name(name, out_name)) return;
    }
    vfs::FilePtr in;
    if (vfs::Error err = inv_.fs->open(path, O_RDONLY, 0, in)) {
      report_missing(name, err);
      return;
    }
    if (list_) {
      list_file(name, in, st);
      return;
    }
    vfs::FilePtr out;
    std::string out_path;
    if (!out_name.empty()) {
      out_path = inv_.path(out_name);
      int flags = O_WRONLY | O_CREAT | O_TRUNC | (force_ ? 0 : O_EXCL);
      if (force_) inv_.fs->unlink(out_path);
      if (vfs::Error err = inv_.fs->open(out_path, flags, st.mode & 07777, out)) {
        if (err.value() == EEXIST) report_exists(out_name);
        else fail(out_name + ": " + vfs::error_text(err));
        return;
      }
    }
    uint64_t in_bytes = 0, out_bytes = 0;
    vfs::Error write_error;
    auto read = [&](char* buf, size_t n) -> size_t {
      size_t got = 0;
      if (in->read(buf, n, got)) return 0;
      return got;
    };
    auto sink = [&](std::string_view data) {
      out_bytes += data.size();
      if (test_) return true;
      if (!out) {
        inv_.out().write(data);
        return inv_.out().ok();
      }
      size_t written = 0;
      write_error = out->write(data.data(), data.size(), written);
      return !write_error;
    };
    std::string error;
    bool ok = transform(read, sink, in_bytes, error, compressing() ? fsu::base_name(name) : std::string(), name,
                        st.mtime.sec);
    if (out) out->close();
    if (!ok) {
      if (!out_path.empty()) inv_.fs->unlink(out_path);
      if (write_error) fail(out_name + ": " + vfs::error_text(write_error));
      else if (!error.empty()) report_data_error(name, error);
      else if (!inv_.out().ok() && !inv_.out().broken_pipe()) fail("stdout: " + vfs::error_text(inv_.out().error()));
      return;
    }
    if (test_) {
      if (verbose_) inv_.err() << name << ":\t OK\n";
      return;
    }
    if (out) {
      inv_.fs->utimes(out_path, vfs::TimeChange::at(st.atime), vfs::TimeChange::at(st.mtime), true);
      inv_.fs->chmod(out_path, st.mode & 07777);
    }
    if (verbose_ && tool_.style == CompressTool::Style::kGzip) {
      uint64_t overhead = compressing() ? 18 + (save_name_ ? fsu::base_name(name).size() + 1 : 0) : 0;
      uint64_t plain = compressing() ? in_bytes : out_bytes, packed = compressing() ? out_bytes : in_bytes;
      if (!compressing()) overhead = 18 + (save_name_ ? out_name.size() + 1 : 0);
      inv_.err() << name << ":\t" << ratio_text(plain, packed > overhead ? packed - overhead : 0);
      if (out) inv_.err() << " -- replaced with " << out_name;
      inv_.err() << "\n";
    }
    if (!keep_ && out) inv_.fs->unlink(path);
  }

  static std::string ratio_text(uint64_t plain, uint64_t packed) {
    double r = plain == 0 ? 0.0 : (static_cast<double>(plain) - static_cast<double>(packed)) * 100.0 / plain;
    char buf[32];
    snprintf(buf, sizeof buf, "%5.1f%%", r);
    return buf;
  }

  // Streams the whole input through the codec into the sink.
  template <class Read, class Sink>
  bool transform(Read&& read, Sink&& sink, uint64_t& in_bytes, std::string& error, const std::string& name,
                 const std::string& display_name, int64_t mtime = 0) {
    codec::GzipHeader header;
    if (save_name_) {
      header.name = name;
      header.mtime = mtime;
    }
    auto stream = compressing() ? codec::make_encoder(tool_.format, level_, header) : codec::make_decoder(tool_.format);
    std::vector<char> buf(64 * 1024);
    codec::Sink to_sink = [&](std::string_view d) { return sink(d); };
    for (;;) {
      if (inv_.cancelled()) return false;
      size_t got = read(buf.data(), buf.size());
      in_bytes += got;
      if (!stream->update(std::string_view(buf.data(), got), got == 0, to_sink)) {
        error = stream->error();
        return false;
      }
      if (got == 0) break;
    }
    if (!compressing()) {
      if (!stream->complete()) {
        error = in_bytes == 0 && tool_.style == CompressTool::Style::kGzip ? "unexpected end of file"
                                                                           : "unexpected end of file";
        return false;
      }
      if (stream->trailing_garbage() && tool_.style == CompressTool::Style::kGzip) {
        if (!quiet_) inv_.err() << "\n";
        warn(display_name + ": decompression OK, trailing garbage ignored");
      }
    }
    return true;
  }

  bool output_name(const std::string& name, std::string& out) {
    if (compressing()) {
      if (name.size() > suffix_.size() && name.compare(name.size() - suffix_.size(), suffix_.size(), suffix_) == 0) {
        // gzip warns but, unlike its other warnings, keeps the status 0.
        if (tool_.style == CompressTool::Style::kGzip) {
          if (!quiet_) say(name + " already has " + suffix_ + " suffix -- unchanged");
        }
        else if (tool_.style == CompressTool::Style::kBzip2)
          fail("Input file " + name + " already has " + suffix_ + " suffix.");
        else warn(name + ": File already has `" + suffix_ + "' suffix, skipping");
        return false;
      }
      out = name + suffix_;
      return true;
    }
    auto ends_with = [&](std::string_view s) {
      return name.size() > s.size() && name.compare(name.size() - s.size(), s.size(), s) == 0;
    };
    if (ends_with(suffix_)) {
      out = name.substr(0, name.size() - suffix_.size());
      return true;
    }
    for (const auto& [from, to] : tool_.other_suffixes) {
      if (ends_with(from)) {
        out = name.substr(0, name.size() - from.size()) + std::string(to);
        return true;
      }
    }
    if (tool_.style == CompressTool::Style::kBzip2) {
      out = name + ".out";
      say("Can't guess original name for " + name + " -- using " + out);
      return true;
    }
    if (tool_.style == CompressTool::Style::kGzip) {
      warn(name + ": unknown suffix -- ignored");
      return false;
    }
    // xz looks at the data before the name: plain text is "not recognized".
    std::string head;
    vfs::FilePtr f;
    if (!inv_.fs->open(inv_.path(name), O_RDONLY, 0, f)) {
      head.resize(6);
      size_t got = 0;
      f->read(head.data(), head.size(), got);
      head.resize(got);
    }
    if (!codec::has_magic(tool_.format, head)) fail(name + ": File format not recognized");
    else warn(name + ": Filename has an unknown suffix, skipping");
    return false;
  }

  void report_missing(const std::string& name, vfs::Error err) {
    if (tool_.style == CompressTool::Style::kBzip2)
      fail("Can't open input file " + name + ": " + vfs::error_text(err) + ".");
    else fail(name + ": " + vfs::error_text(err));
  }
  void report_exists(const std::string& out_name) {
    if (tool_.style == CompressTool::Style::kGzip) {
      say(out_name + " already exists;\tnot overwritten");
      if (status_ == 0) status_ = 2;
    } else if (tool_.style == CompressTool::Style::kBzip2) {
      fail("Output file " + out_name + " already exists.");
    } else {
      fail(out_name + ": File exists");
    }
  }
  void report_data_error(const std::string& name, const std::string& error) {
    // gzip ends the line it may have started (verbose output) first.
    if (tool_.style == CompressTool::Style::kGzip) {
      inv_.err() << "\n";
      fail(name + ": " + error);
    } else if (tool_.style == CompressTool::Style::kBzip2) {
      if (error == "not a bzip2 file") fail(name + " is not a bzip2 file.", 2);
      else fail(name + ": " + error, 2);
    } else {
      fail(name + ": " + error);
    }
  }

  // gzip -l: sizes from the trailer, without decompressing.
  void print_list_header() { inv_.out() << "         compressed        uncompressed  ratio uncompressed_name\n"; }
  void print_list_line(uint64_t compressed, uint64_t uncompressed, uint64_t overhead, const std::string& name) {
    char buf[64];
    snprintf(buf, sizeof buf, "%19llu %19llu ", static_cast<unsigned long long>(compressed),
             static_cast<unsigned long long>(uncompressed));
    uint64_t packed = compressed > overhead ? compressed - overhead : 0;
    inv_.out() << buf << ratio_text(uncompressed, packed) << " " << name << "\n";
  }
  void list_file(const std::string& name, const vfs::FilePtr& in, const vfs::Stat& st) {
    char head[10], tail[4];
    size_t got = 0;
    if (in->pread(head, sizeof head, 0, got) || got < sizeof head || head[0] != '\x1f' || head[1] != '\x8b') {
      fail(name + ": not in gzip format");
      return;
    }
    uint64_t overhead = 18;
    if (head[3] & 0x08) {  // FNAME: count the stored name
      char c;
      for (int64_t off = 10; !in->pread(&c, 1, off, got) && got == 1; ++off) {
        ++overhead;
        if (c == '\0') break;
      }
    }
    if (in->pread(tail, 4, st.size - 4, got) || got < 4) {
      fail(name + ": unexpected end of file");
      return;
    }
    uint64_t uncompressed = static_cast<unsigned char>(tail[0]) | static_cast<unsigned char>(tail[1]) << 8 |
                            static_cast<unsigned char>(tail[2]) << 16 |
                            static_cast<uint64_t>(static_cast<unsigned char>(tail[3])) << 24;
    std::string shown = name;
    if (shown.size() > suffix_.size() && shown.compare(shown.size() - suffix_.size(), suffix_.size(), suffix_) == 0)
      shown.resize(shown.size() - suffix_.size());
    print_list_line(st.size, uncompressed, overhead, shown);
    total_compressed_ += st.size;
    total_uncompressed_ += uncompressed;
    total_overhead_ += overhead;
    ++listed_;
  }

  Invocation& inv_;
  const CompressTool& tool_;
  CompressMode mode_;
  std::string usage_;
  std::string suffix_;
  int level_ = 6;
  bool to_stdout_ = false, force_ = false, keep_ = false, quiet_ = false, verbose_ = false, test_ = false,
       list_ = false, recursive_ = false, save_name_ = true;
  int status_ = 0;
  uint64_t total_compressed_ = 0, total_uncompressed_ = 0, total_overhead_ = 0;
  int listed_ = 0;
};

}  // namespace

int run_compress_tool(Invocation& inv, const CompressTool& tool, CompressMode mode) {
  if (tool.style == CompressTool::Style::kZstd) return run_zstd_tool(inv, tool, mode);
  Runner runner(inv, tool, mode);
  return runner.run();
}

}  // namespace burrow
