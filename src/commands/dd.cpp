// dd: convert and copy a file (GNU coreutils 9).
#include <chrono>
#include <cstring>

#include "commands/args.h"
#include "commands/common/fs_util.h"

namespace burrow {
namespace {

constexpr CommandSpec kSpec{"Usage: dd [OPERAND]...\n  or:  dd OPTION",
                            "Copy a file, converting and formatting according to the operands.", {}};

std::optional<uint64_t> parse_number(Invocation& inv, const std::string& s) {
  // N[c w b kB K MB M ...], and products "2x512".
  size_t x = s.find('x');
  if (x != std::string::npos) {
    auto a = parse_number(inv, s.substr(0, x));
    auto b = parse_number(inv, s.substr(x + 1));
    if (!a || !b) return std::nullopt;
    return *a * *b;
  }
  size_t i = 0;
  uint64_t n = 0;
  while (i < s.size() && isdigit((unsigned char)s[i])) n = n * 10 + (s[i++] - '0');
  if (i == 0) return std::nullopt;
  std::string suffix = s.substr(i);
  if (suffix.empty()) return n;
  if (suffix == "c") return n;
  if (suffix == "w") return n * 2;
  if (suffix == "b") return n * 512;
  static const std::string letters = "KMGTPE";
  size_t idx = letters.find((char)toupper(suffix[0]));
  if (idx == std::string::npos) return std::nullopt;
  uint64_t base = 1024;
  if (suffix.size() == 2 && suffix[1] == 'B') base = 1000;
  else if (suffix.size() == 3 && suffix.substr(1) == "iB") base = 1024;
  else if (suffix.size() != 1) return std::nullopt;
  if (suffix == "k") return std::nullopt;
  for (size_t k = 0; k <= idx; ++k) n *= base;
  return n;
}

std::string human_rate(double v, bool si) {
  const char* units_si[] = {"", "kB", "MB", "GB", "TB", "PB"};
  const char* units_bin[] = {"", "KiB", "MiB", "GiB", "TiB", "PiB"};
  int u = 0;
  double base = si ? 1000 : 1024;
  while (v >= base && u < 5) {
    v /= base;
    ++u;
  }
  char buf[32];
  if (u == 0) snprintf(buf, sizeof buf, "%.0f B", v);
  else snprintf(buf, sizeof buf, v < 10 ? "%.1f %s" : "%.0f %s", v, si ? units_si[u] : units_bin[u]);
  return buf;
}

int run_dd(Invocation& inv) {
  // dd has no options besides --help/--version; everything else is KEY=VALUE.
  ParsedArgs args;
  if (inv.argv.size() == 2 && (inv.argv[1] == "--help" || inv.argv[1] == "--version")) {
    if (auto status = parse_args(inv, kSpec, args)) return *status;
  }
  std::string in_file, out_file, status_level;
  uint64_t ibs = 512, obs = 512, count = UINT64_MAX, skip = 0, seek = 0;
  bool bs_set = false, count_bytes = false, skip_bytes = false, seek_bytes = false;
  bool notrunc = false, ucase = false, lcase = false, sync_pad = false, excl = false, nocreat = false, swab = false;
  for (size_t i = 1; i < inv.argv.size(); ++i) {
    const std::string& a = inv.argv[i];
    size_t eq = a.find('=');
    if (eq == std::string::npos) {
      inv.error("unrecognized operand " + fsu::quote_arg(inv, a));
      print_try_help(inv);
      return 1;
    }
    std::string key = a.substr(0, eq), value = a.substr(eq + 1);
    auto number = [&](uint64_t& slot) {
      auto v = parse_number(inv, value);
      if (!v) {
        inv.error("invalid number: " + fsu::quote_arg(inv, value));
        return false;
      }
      slot = *v;
      return true;
    };
    auto flags = [&](auto&& apply) {
      size_t p = 0;
      while (p <= value.size()) {
        size_t c = value.find(',', p);
        std::string f = value.substr(p, c == std::string::npos ? std::string::npos : c - p);
        if (!apply(f)) return false;
        if (c == std::string::npos) break;
        p = c + 1;
      }
      return true;
    };
    if (key == "if") in_file = value;
    else if (key == "of") out_file = value;
    else if (key == "bs") {
      uint64_t v;
      if (!number(v)) return 1;
      ibs = obs = v;
      bs_set = true;
    } else if (key == "ibs") {
      if (!number(ibs)) return 1;
    } else if (key == "obs") {
      if (!number(obs)) return 1;
    } else if (key == "count") {
      if (!number(count)) return 1;
    } else if (key == "skip" || key == "iseek") {
      if (!number(skip)) return 1;
    } else if (key == "seek" || key == "oseek") {
      if (!number(seek)) return 1;
    } else if (key == "status") {
      if (value != "none" && value != "noxfer" && value != "progress") {
        fsu::invalid_argument(inv, value, "status", {{"none"}, {"noxfer"}, {"progress"}});
        return 1;
      }
      status_level = value;
    } else if (key == "conv") {
      bool ok = flags([&](const std::string& f) {
        if (f == "notrunc") notrunc = true;
        else if (f == "ucase") ucase = true;
        else if (f == "lcase") lcase = true;
        else if (f == "sync") sync_pad = true;
        else if (f == "excl") excl = true;
        else if (f == "nocreat") nocreat = true;
        else if (f == "swab") swab = true;
        else if (f == "noerror" || f == "fsync" || f == "fdatasync" || f == "sparse" || f == "block" || f == "unblock" ||
                 f == "ascii" || f == "ebcdic" || f == "ibm") {
        } else {
          inv.error("invalid conversion: " + fsu::quote_arg(inv, f));
          print_try_help(inv);
          return false;
        }
        return true;
      });
      if (!ok) return 1;
    } else if (key == "iflag" || key == "oflag") {
      bool ok = flags([&](const std::string& f) {
        if (f == "count_bytes") count_bytes = true;
        else if (f == "skip_bytes") skip_bytes = true;
        else if (f == "seek_bytes") seek_bytes = true;
        else if (f == "append" || f == "direct" || f == "dsync" || f == "sync" || f == "fullblock" || f == "nonblock" ||
                 f == "noatime" || f == "nocache" || f == "noctty" || f == "nofollow" || f == "binary" || f == "text" ||
                 f == "directory") {
        } else {
          inv.error("invalid input flag: " + fsu::quote_arg(inv, f));
          print_try_help(inv);
          return false;
        }
        return true;
      });
      if (!ok) return 1;
    } else {
      inv.error("unrecognized operand " + fsu::quote_arg(inv, a));
      print_try_help(inv);
      return 1;
    }
  }
  if (ibs == 0 || obs == 0) {
    inv.error("invalid number: " + fsu::quote_arg(inv, "0"));
    return 1;
  }
  (void)bs_set;
  auto start = std::chrono::steady_clock::now();
  // Input and output are streamed block by block: `dd if=/dev/zero` must not
  // read its whole (endless) input first.
  vfs::FilePtr in_fp;
  if (!in_file.empty()) {
    if (vfs::Error err = inv.fs->open(inv.path(in_file), O_RDONLY, 0, in_fp)) {
      inv.error("failed to open " + fsu::quote(in_file), err);
      return 1;
    }
  }
  std::string in_name = in_file.empty() ? "standard input" : in_file;
  vfs::Error read_error;
  // One read of up to n bytes, as dd's read(2): a pipe may give a short block.
  auto read_some = [&](char* buf, size_t n) -> size_t {
    if (!in_fp) return inv.in().read(buf, n);
    size_t got = 0;
    read_error = in_fp->read(buf, n, got);
    return read_error ? 0 : got;
  };
  auto read_block = [&](std::string& block) {
    block.resize(ibs);
    size_t got = read_some(block.data(), ibs);
    // Regular files give full blocks until the end, as the kernel would.
    if (in_fp)
      while (got > 0 && got < ibs && !read_error) {
        size_t more = read_some(block.data() + got, ibs - got);
        if (more == 0) break;
        got += more;
      }
    block.resize(got);
    return got;
  };

  vfs::FilePtr out_fp;
  uint64_t out_offset = 0;
  if (!out_file.empty()) {
    int flags = O_WRONLY | (nocreat ? 0 : O_CREAT) | (excl ? O_EXCL : 0);
    if (vfs::Error err = inv.fs->open(inv.path(out_file), flags, 0666 & ~fsu::kUmask, out_fp)) {
      inv.error("failed to open " + fsu::quote(out_file), err);
      return 1;
    }
    out_offset = seek_bytes ? seek : seek * obs;
    if (!notrunc) {
      vfs::Stat st;
      bool regular = !out_fp->stat(st) && S_ISREG(st.mode);
      if (regular)
        if (vfs::Error err = out_fp->truncate(out_offset)) {
          inv.error("failed to truncate to " + std::to_string(out_offset) + " bytes in output file " +
                        fsu::quote(out_file),
                    err);
          return 1;
        }
    }
  }

  uint64_t full_in = 0, partial_in = 0, full_out = 0, partial_out = 0, bytes_out = 0;
  int status = 0;
  std::string pending;  // output waiting to fill an obs-sized record
  auto write_record = [&](std::string_view rec) {
    if (out_fp) {
      size_t written = 0;
      if (vfs::Error err = out_fp->pwrite(rec.data(), rec.size(), out_offset, written)) {
        out_offset += written;
        bytes_out += written;
        inv.error("error writing " + fsu::quote(out_file), err);
        return false;
      }
      out_offset += written;
    } else {
      inv.out().write(rec);
      if (!inv.out().ok()) {
        inv.error("error writing 'standard output'", inv.out().error());
        return false;
      }
    }
    bytes_out += rec.size();
    (rec.size() == obs ? full_out : partial_out) += 1;
    return true;
  };

  std::string block;
  uint64_t skip_left = skip_bytes ? skip : skip * ibs;
  while (skip_left > 0 && !inv.cancelled()) {
    block.resize(std::min<uint64_t>(skip_left, 1 << 20));
    size_t got = read_some(block.data(), block.size());
    if (got == 0) {
      inv.error(fsu::quote(in_name) + ": cannot skip to specified offset");
      break;
    }
    skip_left -= got;
  }
  uint64_t left = count == UINT64_MAX ? UINT64_MAX : (count_bytes ? count : count * ibs);
  uint64_t blocks_left = count_bytes ? UINT64_MAX : count;
  while (left > 0 && blocks_left > 0 && !inv.cancelled()) {
    if (read_block(block) == 0) break;
    if (block.size() > left) block.resize(left);
    left -= block.size();
    --blocks_left;
    (block.size() == ibs ? full_in : partial_in) += 1;
    if (swab)
      for (size_t k = 0; k + 1 < block.size(); k += 2) std::swap(block[k], block[k + 1]);
    if (ucase)
      for (char& c : block) c = toupper((unsigned char)c);
    if (lcase)
      for (char& c : block) c = tolower((unsigned char)c);
    if (sync_pad && block.size() < ibs) block.resize(ibs, '\0');
    bool ok = true;
    if (ibs == obs) {
      ok = write_record(block);
    } else {
      pending += block;
      size_t used = 0;
      while (ok && pending.size() - used >= obs) {
        ok = write_record(std::string_view(pending).substr(used, obs));
        used += obs;
      }
      pending.erase(0, used);
    }
    if (!ok) {
      status = 1;
      break;
    }
  }
  if (read_error) {
    inv.error("error reading " + fsu::quote(in_name), read_error);
    status = 1;
  }
  if (status == 0 && !pending.empty() && !write_record(pending)) status = 1;
  if (out_fp) out_fp->close();
  if (inv.cancelled()) return 130;
  if (status_level != "none") {
    OutStream& e = inv.err();
    e << std::to_string(full_in) << "+" << std::to_string(partial_in) << " records in\n"
      << std::to_string(full_out) << "+" << std::to_string(partial_out) << " records out\n";
    if (status_level != "noxfer") {
      double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      if (secs <= 0) secs = 1e-9;
      char tbuf[32];
      snprintf(tbuf, sizeof tbuf, "%.5g", secs);
      std::string bytes = std::to_string(bytes_out);
      if (bytes_out == 1) e << "1 byte copied, ";
      else if (bytes_out < 1000) e << bytes << " bytes copied, ";
      else e << bytes << " bytes (" << human_rate((double)bytes_out, true) << ", " << human_rate((double)bytes_out, false) << ") copied, ";
      e << tbuf << " s, " << human_rate(bytes_out / secs, true) << "/s\n";
    }
  }
  return status;
}

}  // namespace

BURROW_COMMAND(dd, "convert and copy a file", run_dd);

}  // namespace burrow
