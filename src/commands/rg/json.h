// Pieces of rg --json output (JSON Lines, as ripgrep's grep-printer writes
// them): strings escaped as serde_json escapes them, and data that is either
// {"text":"..."} when valid UTF-8 or {"bytes":"<base64>"} when not.
#pragma once

#include <string>
#include <string_view>

namespace burrow::rg {

bool valid_utf8(std::string_view s);
// Appends s as a quoted JSON string (s must be valid UTF-8).
void append_json_string(std::string& out, std::string_view s);
// Appends {"text":...} or {"bytes":...}.
void append_json_data(std::string& out, std::string_view s);
// Appends {"secs":S,"nanos":N,"human":"0.000123s"}; with sorted keys
// (ripgrep's summary message) human, nanos, secs.
void append_json_duration(std::string& out, unsigned long long nanos, bool sorted_keys);

}  // namespace burrow::rg
