#include <gtest/gtest.h>

#include "shell/parser.h"

using namespace burrow::shell;

TEST(ParserBasic, Smoke) {
  ParseError err;
  auto l = parse_script("echo hi", err);
  ASSERT_TRUE(l) << err.message;
  ASSERT_EQ(l->items.size(), 1u);
}
