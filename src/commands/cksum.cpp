// cksum (CRC and -a digests) and sum (BSD and System V checksums), GNU coreutils 9.
#include "commands/args.h"
#include "commands/common/digest.h"
#include "commands/common/fs_util.h"

namespace burrow {
namespace {

vfs::Error read_all(Invocation& inv, const std::string& operand, std::string& data) {
  if (operand == "-") {
    inv.in().read_all(data);
    return {};
  }
  std::string path = inv.path(operand);
  vfs::Stat st;
  if (vfs::Error err = inv.fs->stat(path, st)) return err;
  if (S_ISDIR(st.mode)) return vfs::make_error(EISDIR);
  return vfs::read_file(*inv.fs, path, data);
}

uint32_t posix_crc(const std::string& data) {
  static uint32_t table[256];
  static bool init = [] {
    for (uint32_t i = 0; i < 256; ++i) {
      uint32_t c = i << 24;
      for (int k = 0; k < 8; ++k) c = (c & 0x80000000u) ? (c << 1) ^ 0x04C11DB7u : c << 1;
      table[i] = c;
    }
    return true;
  }();
  (void)init;
  uint32_t crc = 0;
  for (unsigned char c : data) crc = (crc << 8) ^ table[((crc >> 24) ^ c) & 0xff];
  for (uint64_t n = data.size(); n; n >>= 8) crc = (crc << 8) ^ table[((crc >> 24) ^ (n & 0xff)) & 0xff];
  return ~crc;
}

enum Opt { kAlgorithm, kBase64, kCheck, kLength, kRaw, kTag, kUntagged, kZero, kIgnoreMissing, kQuiet, kStatus, kStrict, kWarn, kDebug };

constexpr OptionSpec kCksumOptions[] = {
    {kAlgorithm, 'a', "algorithm", ArgKind::kRequired, "select the digest type to use.  See DIGEST below.", "TYPE"},
    {kBase64, 0, "base64", ArgKind::kNone, "emit base64-encoded digests, not hexadecimal"},
    {kCheck, 'c', "check", ArgKind::kNone, "read checksums from the FILEs and check them"},
    {kLength, 'l', "length", ArgKind::kRequired, "digest length in bits", "BITS"},
    {kRaw, 0, "raw", ArgKind::kNone, "emit a raw binary digest, not hexadecimal"},
    {kTag, 0, "tag", ArgKind::kNone, "create a BSD-style checksum (the default)"},
    {kUntagged, 0, "untagged", ArgKind::kNone, "create a reversed style checksum, without digest type"},
    {kZero, 'z', "zero", ArgKind::kNone, "end each output line with NUL, not newline"},
    {kIgnoreMissing, 0, "ignore-missing", ArgKind::kNone, "don't fail or report status for missing files"},
    {kQuiet, 0, "quiet", ArgKind::kNone, "don't print OK for each successfully verified file"},
    {kStatus, 0, "status", ArgKind::kNone, "don't output anything, status code shows success"},
    {kStrict, 0, "strict", ArgKind::kNone, "exit non-zero for improperly formatted checksum lines"},
    {kWarn, 'w', "warn", ArgKind::kNone, "warn about improperly formatted checksum lines"},
    {kDebug, 0, "debug", ArgKind::kNone, "indicate which implementation used"},
};

constexpr CommandSpec kCksumSpec{"Usage: cksum [OPTION]... [FILE]...",
                                 "Print or verify checksums.\nBy default use the 32 bit CRC algorithm.", kCksumOptions};

std::string bsd_line(const std::string& data, const std::string& name, bool with_name) {
  uint32_t sum = 0;
  for (unsigned char c : data) {
    sum = (sum >> 1) + ((sum & 1) << 15);
    sum = (sum + c) & 0xffff;
  }
  char buf[64];
  snprintf(buf, sizeof buf, "%05u %5llu", sum, (unsigned long long)((data.size() + 1023) / 1024));
  std::string out = buf;
  if (with_name) out += " " + name;
  return out;
}

std::string sysv_line(const std::string& data, const std::string& name, bool with_name) {
  uint64_t s = 0;
  for (unsigned char c : data) s += c;
  uint32_t r = (s & 0xffff) + ((s & 0xffffffff) >> 16);
  uint32_t checksum = (r & 0xffff) + (r >> 16);
  std::string out = std::to_string(checksum) + " " + std::to_string((data.size() + 511) / 512);
  if (with_name) out += " " + name;
  return out;
}

int run_cksum(Invocation& inv) {
  ParsedArgs args;
  if (auto status = parse_args(inv, kCksumSpec, args)) return *status;
  std::string algo = "crc";
  bool untagged = false, check = false;
  digest::Options o;
  for (const ParsedOption& p : args.options) {
    switch (p.id) {
      case kAlgorithm: algo = p.value; break;
      case kUntagged: untagged = true; break;
      case kTag: untagged = false; break;
      case kCheck: check = true; break;
      case kZero: o.zero = true; break;
      case kIgnoreMissing: o.ignore_missing = true; break;
      case kQuiet: o.quiet = true; break;
      case kStatus: o.status_only = true; break;
      case kStrict: o.strict = true; break;
      case kWarn: o.warn = true; break;
      default: break;
    }
  }
  struct Known {
    const char* name;
    const char* evp;
    const char* tag;
  };
  static const Known known[] = {{"md5", "MD5", "MD5"},          {"sha1", "SHA1", "SHA1"},
                                {"sha224", "SHA224", "SHA224"}, {"sha256", "SHA256", "SHA256"},
                                {"sha384", "SHA384", "SHA384"}, {"sha512", "SHA512", "SHA512"},
                                {"blake2b", "BLAKE2b512", "BLAKE2b"}, {"sm3", "SM3", "SM3"}};
  const Known* digest_algo = nullptr;
  for (const auto& k : known)
    if (algo == k.name) digest_algo = &k;
  if (!digest_algo && algo != "crc" && algo != "sysv" && algo != "bsd") {
    fsu::invalid_argument(inv, algo, "--algorithm",
                          {{"bsd"}, {"sysv"}, {"crc"}, {"md5"}, {"sha1"}, {"sha224"}, {"sha256"}, {"sha384"},
                           {"sha512"}, {"blake2b"}, {"sm3"}});
    return 1;
  }
  auto ops = args.operands;
  if (ops.empty()) ops.push_back("-");
  int status = 0;
  if (digest_algo) {
    o.algo = digest_algo->evp;
    o.tag_name = digest_algo->tag;
    o.tag = !untagged;
    for (const auto& op : ops) status |= check ? digest::check_file(inv, o, op) : digest::print_file(inv, o, op);
    return status;
  }
  if (check) {
    inv.error("--check is not supported with --algorithm={bsd,sysv,crc}");
    return 1;
  }
  for (const auto& op : ops) {
    std::string data;
    if (vfs::Error err = read_all(inv, op, data)) {
      inv.error(op, err);
      status = 1;
      continue;
    }
    bool named = op != "-";
    if (algo == "crc") {
      inv.out() << std::to_string(posix_crc(data)) << ' ' << std::to_string(data.size());
      if (op != "-") inv.out() << ' ' << op;
      inv.out() << '\n';
    } else if (algo == "bsd") {
      inv.out() << bsd_line(data, op, named && op != "-") << '\n';
    } else {
      inv.out() << sysv_line(data, op, named && op != "-") << '\n';
    }
  }
  return status;
}

int run_sum(Invocation& inv) {
  enum { kBsd, kSysv };
  static constexpr OptionSpec options[] = {
      {kBsd, 'r', "", ArgKind::kNone, "use BSD sum algorithm (the default), use 1K blocks"},
      {kSysv, 's', "sysv", ArgKind::kNone, "use System V sum algorithm, use 512 bytes blocks"},
  };
  static constexpr CommandSpec spec{"Usage: sum [OPTION]... [FILE]...", "Print checksum and block counts for each FILE.", options};
  ParsedArgs args;
  if (auto status = parse_args(inv, spec, args)) return *status;
  bool sysv = false;
  for (const auto& p : args.options) sysv = p.id == kSysv;
  auto ops = args.operands;
  bool with_names = ops.size() > 1;
  if (ops.empty()) ops.push_back("-");
  int status = 0;
  for (const auto& op : ops) {
    std::string data;
    if (vfs::Error err = read_all(inv, op, data)) {
      inv.error(op, err);
      status = 1;
      continue;
    }
    bool named = op != "-";
    (void)with_names;
    inv.out() << (sysv ? sysv_line(data, op, named) : bsd_line(data, op, named)) << '\n';
  }
  return status;
}

}  // namespace

BURROW_COMMAND(cksum, "compute and verify file checksums", run_cksum);
BURROW_COMMAND(sum, "checksum and count the blocks in a file", run_sum);

}  // namespace burrow
