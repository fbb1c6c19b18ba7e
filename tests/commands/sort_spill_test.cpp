// sort's external merge: inputs larger than -S are sorted in chunks written
// as run files to the temporary directory of the sandbox's filesystem, then
// merged. The output must equal the in-memory sort's, and no run file may be
// left behind, whether the sort succeeds or fails.
#include <gtest/gtest.h>

#include <algorithm>
#include <random>

#include "support/command_harness.h"
#include "vfs/mem_fs.h"

namespace burrow::testing {
namespace {

// Lines like "kiwi 42 x7,3": a word, a number and a comma-separated tail,
// with many repeats so that -u and -s have equal keys to deal with.
std::string make_input(size_t lines, uint32_t seed) {
  static const char* kWords[] = {"apple", "Banana", "cherry", "date", "elder", "fig", "grape", "kiwi", "", "lime"};
  std::mt19937 rng(seed);
  std::string out;
  for (size_t i = 0; i < lines; ++i) {
    out += kWords[rng() % 10];
    out += ' ';
    out += std::to_string(static_cast<int>(rng() % 200) - 50);
    out += ' ';
    out += "x" + std::to_string(rng() % 13) + "," + std::to_string(rng() % 7);
    out += '\n';
  }
  return out;
}

std::vector<std::string> tmp_entries(vfs::MemFs& fs, const std::string& dir = "/tmp") {
  std::vector<vfs::DirEntry> entries;
  EXPECT_FALSE(fs.readdir(dir, entries));
  std::vector<std::string> names;
  for (auto& e : entries)
    if (e.name != "." && e.name != "..") names.push_back(e.name);
  return names;
}

std::unique_ptr<vfs::MemFs> make_fs(const std::string& input) {
  auto fs = std::make_unique<vfs::MemFs>();
  EXPECT_FALSE(fs->mkdir("/tmp", 01777));
  EXPECT_FALSE(vfs::write_file(*fs, "/in", input));
  return fs;
}

std::vector<std::string> with(std::vector<std::string> head, const std::vector<std::string>& tail) {
  head.insert(head.end(), tail.begin(), tail.end());
  return head;
}

TEST(SortSpill, SmallBufferMatchesInMemorySort) {
  std::string input = make_input(4000, 7);
  const std::vector<std::vector<std::string>> option_sets = {
      {},
      {"-u"},
      {"-r"},
      {"-n"},
      {"-s", "-k2,2n"},
      {"-k2,2n", "-k1,1"},
      {"-u", "-k1,1"},
      {"-s", "-u", "-k3,3", "-t,"},
      {"-t,", "-k2,2nr", "-k1"},
      {"-f", "-u"},
      {"-b", "-k3"},
  };
  for (const auto& opts : option_sets) {
    std::string label;
    for (auto& o : opts) label += o + " ";
    auto fs = make_fs(input);
    CommandResult expected = run_command_in(fs.get(), with(with({"sort"}, opts), {"/in"}));
    ASSERT_EQ(expected.status, 0) << label << expected.err;
    for (std::vector<std::string> spill : {std::vector<std::string>{"-S", "4k"},
                                           std::vector<std::string>{"-S", "2k", "--batch-size=2"},
                                           std::vector<std::string>{"--buffer-size=3000b", "--batch-size=3"}}) {
      CommandResult got = run_command_in(fs.get(), with(with(with({"sort"}, spill), opts), {"/in"}));
      EXPECT_EQ(got.status, 0) << label << got.err;
      EXPECT_EQ(got.err, "") << label;
      EXPECT_EQ(got.out, expected.out) << label << spill[0] << spill[1];
      EXPECT_TRUE(tmp_entries(*fs).empty()) << label;
    }
  }
}

TEST(SortSpill, PlainByteOrderAgainstReference) {
  std::string input = make_input(5000, 11) + "no newline at the end";
  std::vector<std::string> lines;
  size_t start = 0;
  for (size_t nl; (nl = input.find('\n', start)) != std::string::npos; start = nl + 1)
    lines.push_back(input.substr(start, nl - start));
  lines.push_back(input.substr(start));
  std::sort(lines.begin(), lines.end());
  std::string want;
  for (auto& l : lines) want += l + "\n";
  auto fs = make_fs(input);
  CommandResult got = run_command_in(fs.get(), {"sort", "-S", "1k", "/in"});
  EXPECT_EQ(got.status, 0) << got.err;
  EXPECT_EQ(got.out, want);
  EXPECT_TRUE(tmp_entries(*fs).empty());
  // Standard input spills the same way.
  got = run_command_in(fs.get(), {"sort", "-S", "1k"}, input);
  EXPECT_EQ(got.out, want);
  EXPECT_TRUE(tmp_entries(*fs).empty());
}

TEST(SortSpill, RunsGoToTheTemporaryDirectory) {
  std::string input = make_input(3000, 3);
  auto fs = make_fs(input);
  // Without spilling, a missing -T directory is never looked at.
  CommandResult in_memory = run_command_in(fs.get(), {"sort", "-T", "/nowhere", "/in"});
  EXPECT_EQ(in_memory.status, 0);
  CommandResult spilled = run_command_in(fs.get(), {"sort", "-S", "4k", "-T", "/nowhere", "/in"});
  EXPECT_EQ(spilled.status, 2);
  EXPECT_EQ(spilled.out, "");
  EXPECT_EQ(spilled.err, "sort: cannot create temporary file in '/nowhere': No such file or directory\n");
  // -T over $TMPDIR over /tmp.
  ASSERT_FALSE(fs->mkdir("/scratch", 0755));
  CommandResult via_env = run_command_in(fs.get(), {"sort", "-S", "4k", "/in"}, "", "/", {{"TMPDIR", "/scratch"}});
  EXPECT_EQ(via_env.status, 0);
  EXPECT_EQ(via_env.out, in_memory.out);
  EXPECT_TRUE(tmp_entries(*fs, "/scratch").empty());
  CommandResult env_missing = run_command_in(fs.get(), {"sort", "-S", "4k", "/in"}, "", "/", {{"TMPDIR", "/gone"}});
  EXPECT_EQ(env_missing.status, 2);
  EXPECT_EQ(env_missing.err, "sort: cannot create temporary file in '/gone': No such file or directory\n");
}

TEST(SortSpill, FullTemporaryDirectoryFailsWithoutLosingData) {
  std::string input = make_input(6000, 5);
  auto fs = make_fs(input);
  // Room for the input and a little more: the runs cannot all fit.
  fs->set_quota(fs->bytes_used() + input.size() / 3);
  CommandResult r = run_command_in(fs.get(), {"sort", "-S", "8k", "-o", "/in", "/in"});
  EXPECT_EQ(r.status, 2);
  EXPECT_EQ(r.err.rfind("sort: write failed: /tmp/sort", 0), 0u) << r.err;
  EXPECT_NE(r.err.find(": No space left on device\n"), std::string::npos) << r.err;
  EXPECT_TRUE(tmp_entries(*fs).empty());
  std::string left;
  ASSERT_FALSE(vfs::read_file(*fs, "/in", left));
  EXPECT_EQ(left, input);  // -o was never opened: the input is intact
}

TEST(SortSpill, OutputOverItsOwnInput) {
  std::string input = make_input(3000, 9);
  auto fs = make_fs(input);
  CommandResult want = run_command_in(fs.get(), {"sort", "/in"});
  CommandResult r = run_command_in(fs.get(), {"sort", "-S", "4k", "-o", "/in", "/in"});
  EXPECT_EQ(r.status, 0) << r.err;
  std::string sorted;
  ASSERT_FALSE(vfs::read_file(*fs, "/in", sorted));
  EXPECT_EQ(sorted, want.out);
  // -m over its own output: the input is copied to a run file first.
  ASSERT_FALSE(vfs::write_file(*fs, "/b", "m\nn\n"));
  r = run_command_in(fs.get(), {"sort", "-m", "-o", "/in", "/b", "/in"});
  EXPECT_EQ(r.status, 0) << r.err;
  CommandResult merged = run_command_in(fs.get(), {"sort", "/in"});
  std::string got;
  ASSERT_FALSE(vfs::read_file(*fs, "/in", got));
  EXPECT_EQ(got.size(), sorted.size() + 4);
  EXPECT_EQ(got, merged.out);
  EXPECT_TRUE(tmp_entries(*fs).empty());
}

TEST(SortSpill, MergeManyInputsInBatches) {
  auto fs = make_fs("");
  std::vector<std::string> argv = {"sort", "-m", "--batch-size=2"};
  std::vector<std::string> all;
  for (int i = 0; i < 9; ++i) {
    std::string name = "/m" + std::to_string(i);
    std::string text;
    for (int j = 0; j < 50; ++j) {
      all.push_back(std::to_string(1000 + j * 9 + i));
      text += all.back() + "\n";
    }
    ASSERT_FALSE(vfs::write_file(*fs, name, text));
    argv.push_back(name);
  }
  std::sort(all.begin(), all.end());
  std::string want;
  for (auto& l : all) want += l + "\n";
  CommandResult r = run_command_in(fs.get(), argv);
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.out, want);
  EXPECT_TRUE(tmp_entries(*fs).empty());
}

}  // namespace
}  // namespace burrow::testing
