// Internal: translation of GNU BRE/ERE into the syntax RE2 and PCRE2 share.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "text/regex.h"

namespace burrow::text::detail {

struct Translation {
  std::string pattern;      // engine syntax, without flag prefixes
  int groups = 0;           // capturing groups the user wrote
  bool needs_pcre = false;  // uses something only PCRE2 can match
  bool literal = false;     // the pattern is a plain string: `text`
  bool plain = false;       // like literal, ignoring -i/-w/-x
  std::string text;
  std::string error;
  std::vector<std::string> warnings;
};

// for_pcre: the output may use lookaround and back-references.
// group_offset: engine group number of the user's group 1, minus one.
Translation translate(std::string_view pattern, Syntax syntax, unsigned flags, bool for_pcre,
                      int group_offset);

// Appends `byte_or_cp` as an escaped literal that both engines accept.
void append_escaped(std::string& out, uint32_t cp);

}  // namespace burrow::text::detail
