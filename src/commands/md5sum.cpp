// md5sum, sha1sum, sha224sum, sha256sum, sha384sum, sha512sum, b2sum: compute
// and check message digests (GNU coreutils 9), using OpenSSL's EVP digests.
#include <openssl/evp.h>

#include "commands/args.h"
#include "commands/common/digest.h"
#include "commands/common/fs_util.h"

namespace burrow {
namespace {

enum Opt { kBinary, kCheck, kTag, kText, kZero, kIgnoreMissing, kQuiet, kStatus, kStrict, kWarn, kLength };

constexpr OptionSpec kOptions[] = {
    {kBinary, 'b', "binary", ArgKind::kNone, "read in binary mode"},
    {kCheck, 'c', "check", ArgKind::kNone, "read checksums from the FILEs and check them"},
    {kLength, 'l', "length", ArgKind::kRequired, "digest length in bits; must not exceed the max for the blake2 algorithm and must be a multiple of 8", "BITS"},
    {kTag, 0, "tag", ArgKind::kNone, "create a BSD-style checksum"},
    {kText, 't', "text", ArgKind::kNone, "read in text mode (default)"},
    {kZero, 'z', "zero", ArgKind::kNone, "end each output line with NUL, not newline, and disable file name escaping"},
    {kIgnoreMissing, 0, "ignore-missing", ArgKind::kNone, "don't fail or report status for missing files"},
    {kQuiet, 0, "quiet", ArgKind::kNone, "don't print OK for each successfully verified file"},
    {kStatus, 0, "status", ArgKind::kNone, "don't output anything, status code shows success"},
    {kStrict, 0, "strict", ArgKind::kNone, "exit non-zero for improperly formatted checksum lines"},
    {kWarn, 'w', "warn", ArgKind::kNone, "warn about improperly formatted checksum lines"},
};

struct Algo {
  const char* command;
  const char* evp;
  const char* tag;
  const char* upper;  // name in messages: "MD5", "SHA256"
};

int run_digest(Invocation& inv, const Algo& algo) {
  std::string usage = std::string("Usage: ") + algo.command + " [OPTION]... [FILE]...";
  std::string description = std::string("Print or check ") + algo.upper + " checksums.\n\n" +
                            "With no FILE, or when FILE is -, read standard input.";
  std::span<const OptionSpec> options(kOptions);
  std::vector<OptionSpec> filtered;
  for (const auto& o : kOptions)
    if (o.id != kLength || std::string_view(algo.command) == "b2sum") filtered.push_back(o);
  CommandSpec spec{usage, description, filtered};
  ParsedArgs args;
  if (auto status = parse_args(inv, spec, args)) return *status;
  (void)options;
  digest::Options o;
  o.algo = algo.evp;
  o.tag_name = algo.tag;
  o.binary = false;
  bool check = false;
  for (const ParsedOption& p : args.options) {
    switch (p.id) {
      case kBinary: o.binary = true; break;
      case kText: o.binary = false; break;
      case kCheck: check = true; break;
      case kTag: o.tag = true; break;
      case kZero: o.zero = true; break;
      case kIgnoreMissing: o.ignore_missing = true; break;
      case kQuiet: o.quiet = true; break;
      case kStatus: o.status_only = true; break;
      case kStrict: o.strict = true; break;
      case kWarn: o.warn = true; break;
      case kLength: {
        const std::string& v = p.value;
        if (v.empty() || v.find_first_not_of("0123456789") != std::string::npos || v.size() > 6) {
          inv.error("invalid length: " + fsu::quote_arg(inv, v));
          return 1;
        }
        int bits = std::stoi(v);
        if (bits % 8 != 0) {
          inv.error("invalid length: " + fsu::quote_arg(inv, v));
          inv.error("length is not a multiple of 8");
          return 1;
        }
        if (bits > 512) {
          inv.error("invalid length: " + fsu::quote_arg(inv, v));
          inv.error("maximum digest length for " + fsu::quote("BLAKE2b") + " is 512 bits");
          return 1;
        }
        if (bits != 0 && bits != 512) {
          inv.error("digest lengths other than 512 bits are not supported");
          return 1;
        }
        break;
      }
    }
  }
  if (o.tag && check) {
    inv.error("the --tag option is meaningless when verifying checksums");
    print_try_help(inv);
    return 1;
  }
  if (o.tag && o.binary) {
    // GNU ignores -b with --tag silently.
  }
  if (!check && (o.ignore_missing || o.quiet || o.status_only || o.strict || o.warn)) {
    const char* which = o.ignore_missing ? "--ignore-missing" : o.status_only ? "--status" : o.warn ? "--warn"
                        : o.strict ? "--strict" : "--quiet";
    inv.error(std::string("the ") + which + " option is meaningful only when verifying checksums");
    print_try_help(inv);
    return 1;
  }
  auto ops = args.operands;
  if (ops.empty()) ops.push_back("-");
  int status = 0;
  for (const auto& op : ops) {
    if (check) status |= digest::check_file(inv, o, op);
    else status |= digest::print_file(inv, o, op);
  }
  return status;
}

int run_md5(Invocation& inv) { return run_digest(inv, {"md5sum", "MD5", "MD5", "MD5"}); }
int run_sha1(Invocation& inv) { return run_digest(inv, {"sha1sum", "SHA1", "SHA1", "SHA1"}); }
int run_sha224(Invocation& inv) { return run_digest(inv, {"sha224sum", "SHA224", "SHA224", "SHA224"}); }
int run_sha256(Invocation& inv) { return run_digest(inv, {"sha256sum", "SHA256", "SHA256", "SHA256"}); }
int run_sha384(Invocation& inv) { return run_digest(inv, {"sha384sum", "SHA384", "SHA384", "SHA384"}); }
int run_sha512(Invocation& inv) { return run_digest(inv, {"sha512sum", "SHA512", "SHA512", "SHA512"}); }
int run_b2(Invocation& inv) { return run_digest(inv, {"b2sum", "BLAKE2b512", "BLAKE2b", "BLAKE2b"}); }

}  // namespace

BURROW_COMMAND(md5sum, "compute and check MD5 message digest", run_md5);
BURROW_COMMAND(sha1sum, "compute and check SHA1 message digest", run_sha1);
BURROW_COMMAND(sha224sum, "compute and check SHA224 message digest", run_sha224);
BURROW_COMMAND(sha256sum, "compute and check SHA256 message digest", run_sha256);
BURROW_COMMAND(sha384sum, "compute and check SHA384 message digest", run_sha384);
BURROW_COMMAND(sha512sum, "compute and check SHA512 message digest", run_sha512);
BURROW_COMMAND(b2sum, "compute and check BLAKE2 message digest", run_b2);

}  // namespace burrow
