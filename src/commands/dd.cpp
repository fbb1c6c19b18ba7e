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
  std::string data;
  if (in_file.empty()) {
    inv.in().read_all(data);
  } else if (vfs::Error err = vfs::read_file(*inv.fs, inv.path(in_file), data)) {
    inv.error("failed to open " + fsu::quote(in_file), err);
    return 1;
  }
  uint64_t skip_b = skip_bytes ? skip : skip * ibs;
  if (skip_b > data.size()) {
    inv.error(std::string("") + fsu::quote(in_file.empty() ? "standard input" : in_file) + ": cannot skip to specified offset");
    skip_b = data.size();
  }
  data = data.substr(skip_b);
  uint64_t limit = count == UINT64_MAX ? UINT64_MAX : (count_bytes ? count : count * ibs);
  if (limit < data.size()) data.resize(limit);
  uint64_t full_in = data.size() / ibs, partial_in = data.size() % ibs ? 1 : 0;
  std::string out;
  for (size_t i = 0; i < data.size(); i += ibs) {
    std::string block = data.substr(i, ibs);
    if (swab)
      for (size_t k = 0; k + 1 < block.size(); k += 2) std::swap(block[k], block[k + 1]);
    if (ucase)
      for (char& c : block) c = toupper((unsigned char)c);
    if (lcase)
      for (char& c : block) c = tolower((unsigned char)c);
    if (sync_pad && block.size() < ibs) block.resize(ibs, '\0');
    out += block;
  }
  uint64_t full_out = out.size() / obs, partial_out = out.size() % obs ? 1 : 0;
  if (ibs == obs) {
    full_out = full_in;
    partial_out = partial_in;
    if (sync_pad) full_out += partial_out, partial_out = 0;
  }
  if (out_file.empty()) {
    inv.out() << out;
  } else {
    std::string path = inv.path(out_file);
    vfs::FilePtr file;
    int flags = O_WRONLY | (nocreat ? 0 : O_CREAT) | (excl ? O_EXCL : 0);
    if (vfs::Error err = inv.fs->open(path, flags, 0666 & ~fsu::kUmask, file)) {
      inv.error("failed to open " + fsu::quote(out_file), err);
      return 1;
    }
    uint64_t seek_b = seek_bytes ? seek : seek * obs;
    size_t written = 0;
    vfs::Error err;
    if (!notrunc) err = file->truncate(seek_b);
    if (!err) err = file->pwrite(out.data(), out.size(), seek_b, written);
    file->close();
    if (err) {
      inv.error("error writing " + fsu::quote(out_file), err);
      return 1;
    }
  }
  if (status_level != "none") {
    OutStream& e = inv.err();
    e << std::to_string(full_in) << "+" << std::to_string(partial_in) << " records in\n"
      << std::to_string(full_out) << "+" << std::to_string(partial_out) << " records out\n";
    if (status_level != "noxfer") {
      double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      if (secs <= 0) secs = 1e-9;
      char tbuf[32];
      snprintf(tbuf, sizeof tbuf, "%.5g", secs);
      std::string bytes = std::to_string(out.size());
      if (out.size() == 1) e << "1 byte copied, ";
      else if (out.size() < 1000) e << bytes << " bytes copied, ";
      else e << bytes << " bytes (" << human_rate((double)out.size(), true) << ", " << human_rate((double)out.size(), false) << ") copied, ";
      e << tbuf << " s, " << human_rate(out.size() / secs, true) << "/s\n";
    }
  }
  return 0;
}

}  // namespace

BURROW_COMMAND(dd, "convert and copy a file", run_dd);

}  // namespace burrow
