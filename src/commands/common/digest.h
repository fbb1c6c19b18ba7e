// Digest computation and the md5sum-family output and --check formats,
// shared by md5sum ... b2sum and cksum -a.
#pragma once

#include <string>

#include "commands/command.h"

namespace burrow::digest {

struct Options {
  const char* algo = "MD5";       // OpenSSL EVP name
  const char* tag_name = "MD5";   // name in BSD-style lines
  bool tag = false, binary = false, zero = false;
  bool ignore_missing = false, quiet = false, status_only = false, strict = false, warn = false;
};

// Hex digest of a file ("-" is stdin); false with err set on failure.
bool hash_file(Invocation& inv, const char* algo, const std::string& operand, std::string& hex, vfs::Error& err);

int print_file(Invocation& inv, const Options& o, const std::string& operand);
int check_file(Invocation& inv, const Options& o, const std::string& operand);

}  // namespace burrow::digest
