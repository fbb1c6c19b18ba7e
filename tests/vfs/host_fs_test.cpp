#include "vfs/host_fs.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <atomic>
#include <fstream>
#include <thread>

#include "fs_property.h"
#include "vfs/layout.h"

namespace burrow::vfs {
namespace {

int err(Error e) { return e ? e.value() : 0; }

std::string host_read(const std::string& path) {
  std::ifstream in(path);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

void host_write(const std::string& path, const std::string& data) { std::ofstream(path) << data; }

// A sandbox root and, beside it, an "outside" folder with a secret that no
// operation through the sandbox may read or change.
struct EscapeFixture : ::testing::Test {
  std::string base, root, outside, secret;
  int cases = 0;
  void SetUp() override {
    base = testing::make_temp_dir();
    root = base + "/root";
    outside = base + "/outside";
    secret = outside + "/secret";
    ::mkdir(root.c_str(), 0755);
    ::mkdir(outside.c_str(), 0755);
    host_write(secret, "TOP SECRET");
  }
  void TearDown() override {
    EXPECT_EQ(host_read(secret), "TOP SECRET");
    struct stat st;
    EXPECT_NE(::stat((outside + "/created").c_str(), &st), 0) << "a file appeared outside the root";
    testing::remove_tree(base);
    std::printf("escape cases checked: %d\n", cases);
  }
  // Reading `path` through fs must not produce the secret.
  void expect_no_secret(Filesystem& fs, const std::string& path) {
    ++cases;
    std::string data;
    Error e = read_file(fs, path, data);
    EXPECT_TRUE(e || data != "TOP SECRET") << path << " reached the secret";
  }
  void expect_cannot_write(Filesystem& fs, const std::string& path) {
    ++cases;
    write_file(fs, path, "pwned");
  }
};

TEST_F(EscapeFixture, SymlinksAndDotDotStayInside) {
  HostFs fs(root, false);
  ASSERT_EQ(::symlink(secret.c_str(), (root + "/abs").c_str()), 0);
  ASSERT_EQ(::symlink("../outside/secret", (root + "/rel").c_str()), 0);
  ASSERT_EQ(::symlink("../../../../../../../../outside/secret", (root + "/deep").c_str()), 0);
  ASSERT_EQ(::symlink(outside.c_str(), (root + "/dirlink").c_str()), 0);
  ASSERT_EQ(::symlink("/proc/self/root", (root + "/procroot").c_str()), 0);
  ASSERT_EQ(::symlink("/proc/self/cwd", (root + "/proccwd").c_str()), 0);
  for (const char* p : {"/abs", "/rel", "/deep", "/dirlink/secret", "/../outside/secret",
                        "/../../../../outside/secret", "/procroot" , "/proccwd/secret"}) {
    expect_no_secret(fs, p);
  }
  std::string procpath = "/procroot" + secret;
  expect_no_secret(fs, procpath);
  for (const char* p : {"/abs", "/rel", "/deep", "/dirlink/created", "/../outside/created"}) {
    expect_cannot_write(fs, p);
  }
  ++cases;
  fs.mkdir("/dirlink/created", 0755);
  ++cases;
  fs.symlink("x", "/dirlink/created");
  ++cases;
  fs.chmod("/abs", 0777);
  ++cases;
  fs.truncate("/rel", 0);
  ++cases;
  fs.rename("/rel", "/dirlink/created");
  ++cases;
  fs.link("/abs", "/dirlink/created");
  ++cases;
  fs.unlink("/dirlink/secret");
  ++cases;
  fs.utimes("/abs", TimeChange::at({1, 0}), TimeChange::at({1, 0}), true);
  struct stat st;
  ASSERT_EQ(::stat(secret.c_str(), &st), 0);
  EXPECT_NE(st.st_mtime, 1);
  EXPECT_NE(st.st_mode & 0777, 0777u);
}

TEST_F(EscapeFixture, SessionRootResolvesLinksAgainstTheSandboxRoot) {
  auto fs = make_session_root(std::make_shared<HostFs>(root, false), [](int) { return FilePtr(); });
  ASSERT_EQ(::symlink(secret.c_str(), (root + "/abs").c_str()), 0);
  ASSERT_EQ(::symlink("../../../outside", (root + "/up").c_str()), 0);
  expect_no_secret(*fs, "/abs");
  expect_no_secret(*fs, "/up/secret");
  expect_cannot_write(*fs, "/up/created");
  // The link text is a sandbox path: it resolves inside.
  ASSERT_EQ(err(write_file(*fs, "/inside", "mine")), 0);
  ASSERT_EQ(err(fs->symlink("/inside", "/ok")), 0);
  std::string data;
  ASSERT_EQ(err(read_file(*fs, "/ok", data)), 0);
  EXPECT_EQ(data, "mine");
}

TEST_F(EscapeFixture, HardLinkCannotBeMadeToAnOutsideFile) {
  HostFs fs(root, false);
  ++cases;
  EXPECT_NE(err(fs.link("/../outside/secret", "/stolen")), 0);
  struct stat st;
  EXPECT_NE(::stat((root + "/stolen").c_str(), &st), 0);
}

TEST_F(EscapeFixture, SymlinkSwappedInDuringLookupNeverEscapes) {
  HostFs fs(root, false);
  std::string dir = root + "/d";
  ::mkdir(dir.c_str(), 0755);
  host_write(dir + "/secret", "harmless");
  std::atomic<bool> stop{false};
  std::thread flipper([&] {
    std::string tmp = root + "/d.tmp";
    while (!stop) {
      // Swap d between a real directory and a symlink to the outside folder.
      ::rename(dir.c_str(), (root + "/d.real").c_str());
      ::symlink(outside.c_str(), tmp.c_str());
      ::rename(tmp.c_str(), dir.c_str());
      ::unlink(dir.c_str());
      ::rename((root + "/d.real").c_str(), dir.c_str());
    }
  });
  int reads = 0;
  for (int i = 0; i < 3000; ++i) {
    std::string data;
    if (!read_file(fs, "/d/secret", data)) {
      ++reads;
      ASSERT_NE(data, "TOP SECRET") << "race reached outside the root";
    }
    write_file(fs, "/d/created", "x");
    ++cases;
  }
  stop = true;
  flipper.join();
  std::printf("race iterations: 3000, successful confined reads: %d\n", reads);
}

TEST_F(EscapeFixture, ReadOnlyRootRefusesWrites) {
  host_write(root + "/file", "keep");
  HostFs fs(root, true);
  FilePtr f;
  EXPECT_EQ(err(fs.open("/file", O_WRONLY, 0, f)), EROFS);
  EXPECT_EQ(err(fs.open("/new", O_WRONLY | O_CREAT, 0644, f)), EROFS);
  EXPECT_EQ(err(fs.unlink("/file")), EROFS);
  EXPECT_EQ(err(fs.mkdir("/d", 0755)), EROFS);
  EXPECT_EQ(err(fs.chmod("/file", 0600)), EROFS);
  EXPECT_EQ(host_read(root + "/file"), "keep");
  std::string data;
  ASSERT_EQ(err(read_file(fs, "/file", data)), 0);
  EXPECT_EQ(data, "keep");
  cases += 6;
}

TEST(HostFs, MissingRootThrowsWithoutCrashing) {
  EXPECT_THROW(HostFs("/nonexistent/burrow/root", false), std::runtime_error);
}

TEST(HostFs, PropertySequencesMatchARealDirectory) {
  int total = 0;
  for (uint32_t seed = 200; seed < 230; ++seed) {
    std::string ours_dir = testing::make_temp_dir();
    std::string real = testing::make_temp_dir();
    ::chmod(ours_dir.c_str(), 0755);
    ::chmod(real.c_str(), 0755);
    {
      HostFs fs(ours_dir, false);
      testing::PropertyRun run = testing::run_property_sequence(fs, real, seed, 400);
      total += run.operations;
      EXPECT_EQ(run.mismatches, 0) << "seed " << seed << ": " << run.first_mismatch;
    }
    testing::remove_tree(ours_dir);
    testing::remove_tree(real);
  }
  std::printf("HostFs property test: %d operations compared with a real directory\n", total);
  EXPECT_GE(total, 10000);
}

}  // namespace
}  // namespace burrow::vfs
