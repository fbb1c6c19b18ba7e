#pragma once

#include <string>
#include <string_view>

namespace burrow::cli {

// A JSON string literal for arbitrary bytes: invalid UTF-8 becomes U+FFFD so
// that the output is always valid JSON.
std::string json_string(std::string_view bytes);

}  // namespace burrow::cli
