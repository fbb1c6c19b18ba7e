#include "commands/args.h"

#include <gtest/gtest.h>

#include "support/command_harness.h"

namespace burrow {
namespace {

enum { kAll, kAlmostAll, kWidth, kSuffix, kNumber };
constexpr OptionSpec kOptions[] = {
    {kAll, 'a', "all", ArgKind::kNone, "show all"},
    {kAlmostAll, 'A', "almost-all", ArgKind::kNone, "almost all"},
    {kWidth, 'w', "width", ArgKind::kRequired, "set width", "COLS"},
    {kSuffix, 'i', "in-place", ArgKind::kOptional, "edit in place", "SUFFIX"},
    {kNumber, 'n', "", ArgKind::kNone, ""},
};
constexpr CommandSpec kSpec{"Usage: t [OPTION]... [FILE]...", "Test.", kOptions, 2};

struct Parsed {
  std::optional<int> status;
  ParsedArgs args;
  std::string err, out;
};

Parsed parse(std::vector<std::string> argv, bool stop_at_operand = false) {
  auto out = std::make_shared<StringSink>();
  auto err = std::make_shared<StringSink>();
  FdTable fds;
  fds.set(1, out);
  fds.set(2, err);
  Invocation inv;
  inv.argv = std::move(argv);
  inv.argv.insert(inv.argv.begin(), "t");
  inv.fds = &fds;
  CommandSpec spec = kSpec;
  spec.stop_at_operand = stop_at_operand;
  Parsed p;
  p.status = parse_args(inv, spec, p.args);
  inv.finish(0);
  p.err = err->take();
  p.out = out->take();
  return p;
}

TEST(Args, BundledShortOptionsAndAttachedArgument) {
  Parsed p = parse({"-aAw80", "x"});
  ASSERT_FALSE(p.status);
  ASSERT_EQ(p.args.options.size(), 3u);
  EXPECT_EQ(p.args.options[2].id, kWidth);
  EXPECT_EQ(p.args.options[2].value, "80");
  EXPECT_EQ(p.args.operands, std::vector<std::string>{"x"});
}

TEST(Args, SeparateArgumentAndPermutation) {
  Parsed p = parse({"x", "-w", "5", "y", "--", "-a"});
  ASSERT_FALSE(p.status);
  EXPECT_EQ(*p.args.last(kWidth), "5");
  EXPECT_EQ(p.args.operands, (std::vector<std::string>{"x", "y", "-a"}));
}

TEST(Args, StopAtFirstOperand) {
  Parsed p = parse({"-a", "cmd", "-A"}, true);
  ASSERT_FALSE(p.status);
  EXPECT_EQ(p.args.operands, (std::vector<std::string>{"cmd", "-A"}));
}

TEST(Args, LongAbbreviationAndValue) {
  Parsed p = parse({"--wid=7", "--alm"});
  ASSERT_FALSE(p.status);
  EXPECT_EQ(*p.args.last(kWidth), "7");
  EXPECT_TRUE(p.args.has(kAlmostAll));
}

TEST(Args, AmbiguousLongOption) {
  Parsed p = parse({"--al"});
  EXPECT_EQ(p.status, 2);
  EXPECT_EQ(p.err,
            "t: option '--al' is ambiguous; possibilities: '--all' '--almost-all'\n"
            "Try 't --help' for more information.\n");
}

TEST(Args, GetoptDiagnostics) {
  EXPECT_EQ(parse({"-z"}).err, "t: invalid option -- 'z'\nTry 't --help' for more information.\n");
  EXPECT_EQ(parse({"-w"}).err,
            "t: option requires an argument -- 'w'\nTry 't --help' for more information.\n");
  EXPECT_EQ(parse({"--nope"}).err,
            "t: unrecognized option '--nope'\nTry 't --help' for more information.\n");
  EXPECT_EQ(parse({"--all=1"}).err,
            "t: option '--all' doesn't allow an argument\nTry 't --help' for more information.\n");
  EXPECT_EQ(parse({"--width"}).err,
            "t: option '--width' requires an argument\nTry 't --help' for more information.\n");
}

TEST(Args, OptionalArgumentOnlyAttached) {
  Parsed p = parse({"-i", "file"});
  ASSERT_FALSE(p.status);
  EXPECT_FALSE(p.args.options[0].has_value);
  EXPECT_EQ(p.args.operands, std::vector<std::string>{"file"});
  p = parse({"-i.bak"});
  EXPECT_EQ(p.args.options[0].value, ".bak");
}

TEST(Args, HelpAndVersion) {
  Parsed p = parse({"--help"});
  EXPECT_EQ(p.status, 0);
  EXPECT_NE(p.out.find("Usage: t [OPTION]... [FILE]...\n"), std::string::npos);
  EXPECT_NE(p.out.find("  -w, --width=COLS"), std::string::npos);
  EXPECT_NE(p.out.find("--help"), std::string::npos);
  p = parse({"--version"});
  EXPECT_EQ(p.status, 0);
  EXPECT_EQ(p.out, "t (Burrow) 0.1.0\n");
}

TEST(Args, DashAloneIsAnOperand) {
  Parsed p = parse({"-"});
  ASSERT_FALSE(p.status);
  EXPECT_EQ(p.args.operands, std::vector<std::string>{"-"});
}

TEST(Cat, NumbersLinesFromStdin) {
  auto r = testing::run_command_in(nullptr, {"cat", "-n"}, "a\n\nb");
  EXPECT_EQ(r.status, 0);
  EXPECT_EQ(r.out, "     1\ta\n     2\t\n     3\tb");
}

TEST(Cat, ShowAll) {
  auto r = testing::run_command_in(nullptr, {"cat", "-A"}, "a\tb\x01\x80\n");
  EXPECT_EQ(r.out, "a^Ib^AM-^@$\n");
}

}  // namespace
}  // namespace burrow
