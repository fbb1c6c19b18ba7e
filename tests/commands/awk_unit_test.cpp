// awk's commands (system, pipes to and from commands) through a fake
// ProcessHost, and ordering of their output with awk's own.
#include <gtest/gtest.h>

#include "commands/text_diff_util.h"

namespace burrow::testing {
namespace {

// "echo WORDS" prints WORDS, "upper" copies stdin upper-cased, "exit N" fails.
class FakeHost : public ProcessHost {
 public:
  int run_argv(const std::vector<std::string>&, Invocation&) override { return 0; }
  int run_script(std::string_view script, Invocation& io) override {
    scripts.emplace_back(script);
    std::string s(script), out;
    if (s.rfind("echo ", 0) == 0) {
      out = s.substr(5) + "\n";
    } else if (s == "upper") {
      char buf[4096];
      size_t got;
      while (!io.fds->get(0)->read(buf, sizeof buf, got) && got) {
        for (size_t i = 0; i < got; ++i) out += static_cast<char>(toupper(static_cast<unsigned char>(buf[i])));
      }
    } else if (s.rfind("exit ", 0) == 0) {
      return std::stoi(s.substr(5));
    }
    size_t written;
    io.fds->get(1)->write(out.data(), out.size(), written);
    return 0;
  }
  std::vector<std::string> scripts;
};

CommandResult run(std::vector<std::string> argv, std::string input, ProcessHost* host) {
  const CommandInfo* command = Registry::global().find(argv.at(0));
  auto out = std::make_shared<StringSink>();
  auto err = std::make_shared<StringSink>();
  FdTable fds;
  fds.set(0, make_string_source(std::move(input)));
  fds.set(1, out);
  fds.set(2, err);
  CancelToken cancel;
  Limits limits;
  Environment env;
  vfs::MemFs fs;
  Invocation inv;
  inv.argv = std::move(argv);
  inv.fds = &fds;
  inv.fs = &fs;
  inv.env = &env;
  inv.host = host;
  inv.cancel = &cancel;
  inv.limits = &limits;
  CommandResult r;
  r.status = run_command(*command, inv);
  r.out = out->take();
  r.err = err->take();
  return r;
}

TEST(AwkCommands, System) {
  FakeHost host;
  CommandResult r = run({"awk", "BEGIN { print \"a\"; r = system(\"echo b\"); print \"c\", r; print system(\"exit 3\") }"}, "", &host);
  EXPECT_EQ(r.out, "a\nb\nc 0\n3\n");
  EXPECT_EQ(r.status, 0);
}

TEST(AwkCommands, PrintToPipe) {
  FakeHost host;
  CommandResult r = run({"awk", "{ print | \"upper\" } END { close(\"upper\"); print \"done\" }"}, "x\ny\n", &host);
  EXPECT_EQ(r.out, "X\nY\ndone\n");
  r = run({"awk", "{ print | \"upper\" }"}, "x\ny\n", &host);
  EXPECT_EQ(r.out, "X\nY\n");
  r = run({"awk", "BEGIN { printf \"%s\", \"q\" | \"exit 4\"; print close(\"exit 4\") }"}, "", &host);
  EXPECT_EQ(r.out, "4\n");
}

TEST(AwkCommands, CommandGetline) {
  FakeHost host;
  CommandResult r = run({"awk", "BEGIN { \"echo hi there\" | getline; print $2; \"echo x\" | getline v; print v, NR;"
                                " print (\"echo x\" | getline v) }"},
                        "", &host);
  EXPECT_EQ(r.out, "there\nx 2\n0\n");
  r = run({"awk", "BEGIN { cmd = \"echo \" \"a b\"; while ((cmd | getline line) > 0) print \"got\", line; close(cmd) }"}, "", &host);
  EXPECT_EQ(r.out, "got a b\n");
  ASSERT_FALSE(host.scripts.empty());
  EXPECT_EQ(host.scripts.back(), "echo a b");
}

TEST(AwkCommands, NoHost) {
  CommandResult r = run({"awk", "BEGIN { print system(\"echo x\") }"}, "", nullptr);
  EXPECT_EQ(r.out, "127\n");
}

}  // namespace
}  // namespace burrow::testing
