// Help topics for the `help` builtin (help_topics.cpp).
#pragma once

#include <vector>

namespace burrow::shell {

struct HelpTopic {
  const char* name;      // "cd", "for ((", "{ ... }"
  const char* synopsis;  // the usage line
  const char* summary;   // one line
};

const std::vector<HelpTopic>& help_topics();

}  // namespace burrow::shell
