#include "vfs/mem_fs.h"

#include <gtest/gtest.h>

#include <thread>

#include "fs_property.h"
#include "vfs/layout.h"

namespace burrow::vfs {
namespace {

int err(Error e) { return e ? e.value() : 0; }

std::string read_all(Filesystem& fs, const std::string& path) {
  std::string out;
  EXPECT_EQ(err(read_file(fs, path, out)), 0) << path;
  return out;
}

TEST(MemFs, CreateWriteReadAndStat) {
  MemFs fs;
  ASSERT_EQ(err(write_file(fs, "/f", "hello")), 0);
  EXPECT_EQ(read_all(fs, "/f"), "hello");
  Stat st;
  ASSERT_EQ(err(fs.stat("/f", st)), 0);
  EXPECT_TRUE(S_ISREG(st.mode));
  EXPECT_EQ(st.mode & 07777, 0644u);
  EXPECT_EQ(st.size, 5);
  EXPECT_EQ(st.uid, 1000u);
}

TEST(MemFs, OpenFlagSemantics) {
  MemFs fs;
  FilePtr f;
  EXPECT_EQ(err(fs.open("/missing", O_RDONLY, 0, f)), ENOENT);
  ASSERT_EQ(err(write_file(fs, "/f", "abc")), 0);
  EXPECT_EQ(err(fs.open("/f", O_WRONLY | O_CREAT | O_EXCL, 0644, f)), EEXIST);
  EXPECT_EQ(err(fs.open("/f", O_RDONLY | O_DIRECTORY, 0, f)), ENOTDIR);
  ASSERT_EQ(err(fs.mkdir("/d", 0755)), 0);
  EXPECT_EQ(err(fs.open("/d", O_WRONLY, 0, f)), EISDIR);
  ASSERT_EQ(err(fs.symlink("f", "/l")), 0);
  EXPECT_EQ(err(fs.open("/l", O_RDONLY | O_NOFOLLOW, 0, f)), ELOOP);
  ASSERT_EQ(err(fs.open("/f", O_WRONLY | O_APPEND, 0, f)), 0);
  size_t n = 0;
  ASSERT_EQ(err(f->write("de", 2, n)), 0);
  char buf[8];
  EXPECT_EQ(err(f->read(buf, sizeof buf, n)), EBADF);
  f.reset();
  EXPECT_EQ(read_all(fs, "/f"), "abcde");
  ASSERT_EQ(err(fs.open("/f", O_WRONLY | O_TRUNC, 0, f)), 0);
  f.reset();
  EXPECT_EQ(read_all(fs, "/f"), "");
  ASSERT_EQ(err(fs.open("/d", O_RDONLY, 0, f)), 0);
  EXPECT_EQ(err(f->read(buf, sizeof buf, n)), EISDIR);
}

TEST(MemFs, UnlinkedFileStaysReadableWhileOpen) {
  MemFs fs;
  ASSERT_EQ(err(write_file(fs, "/f", "data")), 0);
  FilePtr f;
  ASSERT_EQ(err(fs.open("/f", O_RDONLY, 0, f)), 0);
  ASSERT_EQ(err(fs.unlink("/f")), 0);
  char buf[8];
  size_t n = 0;
  ASSERT_EQ(err(f->read(buf, sizeof buf, n)), 0);
  EXPECT_EQ(std::string(buf, n), "data");
  Stat st;
  EXPECT_EQ(err(fs.stat("/f", st)), ENOENT);
}

TEST(MemFs, HardLinksShareDataAndCountLinks) {
  MemFs fs;
  ASSERT_EQ(err(write_file(fs, "/a", "one")), 0);
  ASSERT_EQ(err(fs.link("/a", "/b")), 0);
  ASSERT_EQ(err(write_file(fs, "/b", "two")), 0);
  EXPECT_EQ(read_all(fs, "/a"), "two");
  Stat st;
  fs.stat("/a", st);
  EXPECT_EQ(st.nlink, 2u);
  ASSERT_EQ(err(fs.mkdir("/d", 0755)), 0);
  EXPECT_EQ(err(fs.link("/d", "/e")), EPERM);
}

TEST(MemFs, SymlinksResolveInsideTheRoot) {
  MemFs fs;
  ASSERT_EQ(err(fs.mkdir("/d", 0755)), 0);
  ASSERT_EQ(err(write_file(fs, "/d/f", "x")), 0);
  ASSERT_EQ(err(fs.symlink("/d", "/abs")), 0);
  ASSERT_EQ(err(fs.symlink("../../../../d/f", "/d/up")), 0);
  EXPECT_EQ(read_all(fs, "/abs/f"), "x");
  EXPECT_EQ(read_all(fs, "/d/up"), "x");
  ASSERT_EQ(err(fs.symlink("loop2", "/loop1")), 0);
  ASSERT_EQ(err(fs.symlink("loop1", "/loop2")), 0);
  Stat st;
  EXPECT_EQ(err(fs.stat("/loop1", st)), ELOOP);
  std::string real;
  ASSERT_EQ(err(fs.realpath("/abs/f", real)), 0);
  EXPECT_EQ(real, "/d/f");
}

TEST(MemFs, DirectoryRules) {
  MemFs fs;
  ASSERT_EQ(err(fs.mkdir("/d", 0755)), 0);
  EXPECT_EQ(err(fs.mkdir("/d", 0755)), EEXIST);
  EXPECT_EQ(err(fs.mkdir("/x/y", 0755)), ENOENT);
  ASSERT_EQ(err(fs.mkdir("/d/sub", 0755)), 0);
  Stat st;
  fs.stat("/d", st);
  EXPECT_EQ(st.nlink, 3u);
  EXPECT_EQ(err(fs.rmdir("/d")), ENOTEMPTY);
  EXPECT_EQ(err(fs.unlink("/d")), EISDIR);
  EXPECT_EQ(err(fs.rename("/d", "/d/sub/inner")), EINVAL);
  ASSERT_EQ(err(fs.rename("/d", "/e")), 0);
  EXPECT_EQ(err(fs.stat("/e/sub", st)), 0);
  ASSERT_EQ(err(write_file(fs, "/file", "")), 0);
  EXPECT_EQ(err(fs.rename("/e", "/file")), ENOTDIR);
  EXPECT_EQ(err(fs.rename("/file", "/e")), EISDIR);
  EXPECT_EQ(err(fs.rmdir("/")), EBUSY);
}

TEST(MemFs, QuotaGivesEnospcAndFreesOnUnlink) {
  MemFs::Options options;
  options.quota_bytes = 10;
  MemFs fs(options);
  EXPECT_EQ(err(write_file(fs, "/a", "0123456789")), 0);
  EXPECT_EQ(err(write_file(fs, "/b", "x")), ENOSPC);
  ASSERT_EQ(err(fs.unlink("/a")), 0);
  EXPECT_EQ(err(write_file(fs, "/b", "x")), 0);
  EXPECT_EQ(fs.bytes_used(), 1u);
}

TEST(MemFs, ForkIsIndependentInBothDirections) {
  MemFs fs;
  ASSERT_EQ(err(fs.mkdir("/d", 0755)), 0);
  ASSERT_EQ(err(write_file(fs, "/d/f", "original")), 0);
  ASSERT_EQ(err(fs.link("/d/f", "/hard")), 0);
  std::shared_ptr<MemFs> child = fs.fork();
  ASSERT_EQ(err(write_file(*child, "/d/f", "child")), 0);
  ASSERT_EQ(err(write_file(*child, "/new", "n")), 0);
  ASSERT_EQ(err(fs.unlink("/hard")), 0);
  EXPECT_EQ(read_all(fs, "/d/f"), "original");
  EXPECT_EQ(read_all(*child, "/d/f"), "child");
  // The hard link survives copy-on-write in the fork.
  EXPECT_EQ(read_all(*child, "/hard"), "child");
  Stat st;
  EXPECT_EQ(err(fs.stat("/new", st)), ENOENT);
  EXPECT_EQ(err(child->stat("/hard", st)), 0);
}

TEST(MemFs, ConcurrentWritersInSeparateFiles) {
  MemFs fs;
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&fs, t] {
      std::string path = "/t" + std::to_string(t);
      for (int i = 0; i < 200; ++i) {
        FilePtr f;
        ASSERT_EQ(err(fs.open(path, O_WRONLY | O_CREAT | O_APPEND, 0644, f)), 0);
        size_t n = 0;
        ASSERT_EQ(err(f->write("x", 1, n)), 0);
      }
    });
  }
  for (auto& th : threads) th.join();
  for (int t = 0; t < 8; ++t) {
    Stat st;
    ASSERT_EQ(err(fs.stat("/t" + std::to_string(t), st)), 0);
    EXPECT_EQ(st.size, 200);
  }
}

TEST(MemFs, PropertySequencesMatchARealDirectory) {
  int total = 0;
  for (uint32_t seed = 1; seed <= 40; ++seed) {
    MemFs fs(MemFs::Options{UINT64_MAX, 0, 0});
    fs.chmod("/", 0755);
    std::string real = testing::make_temp_dir();
    ::chmod(real.c_str(), 0755);
    testing::PropertyRun run = testing::run_property_sequence(fs, real, seed, 400);
    testing::remove_tree(real);
    total += run.operations;
    ASSERT_EQ(run.mismatches, 0) << "seed " << seed << ": " << run.first_mismatch;
  }
  std::printf("MemFs property test: %d operations compared with a real directory\n", total);
  EXPECT_GE(total, 10000);
}

TEST(Layout, SessionRootHasDevBinAndSamples) {
  auto world = memory_world_template()->fork();
  FilePtr stdout_file;
  auto root = make_session_root(world, [](int) { return FilePtr(); });
  Stat st;
  EXPECT_EQ(err(root->stat("/home/user/samples/people.csv", st)), 0);
  EXPECT_EQ(err(root->stat("/tmp", st)), 0);
  EXPECT_EQ(st.mode & 07777, 01777u);
  EXPECT_EQ(err(root->stat("/dev/null", st)), 0);
  EXPECT_TRUE(S_ISCHR(st.mode));
  EXPECT_EQ(err(root->stat("/usr/bin/cat", st)), 0);
  EXPECT_EQ(st.mode & 0777, 0755u);
  std::string stub;
  ASSERT_EQ(err(read_file(*root, "/bin/cat", stub)), 0);
  EXPECT_EQ(stub, "#!/bin/sh\nexec cat \"$@\"\n");
  EXPECT_EQ(err(root->rename("/home/user/samples/poem.txt", "/dev/poem")), EXDEV);
  EXPECT_EQ(err(root->rmdir("/dev")), EBUSY);
  // A symlink in the root filesystem whose target lies in another mount.
  ASSERT_EQ(err(root->symlink("/dev/null", "/tmp/sink")), 0);
  ASSERT_EQ(err(write_file(*root, "/tmp/sink", "discarded")), 0);
  std::string back;
  ASSERT_EQ(err(read_file(*root, "/tmp/sink", back)), 0);
  EXPECT_EQ(back, "");
  std::vector<DirEntry> entries;
  ASSERT_EQ(err(root->readdir("/", entries)), 0);
  bool has_dev = false;
  for (auto& e : entries) has_dev |= e.name == "dev" && e.type == S_IFDIR;
  EXPECT_TRUE(has_dev);
}

TEST(DevFs, DevicesBehaveLikeLinux) {
  auto root = make_session_root(std::make_shared<MemFs>(), [](int) { return FilePtr(); });
  FilePtr f;
  char buf[16];
  size_t n = 0;
  ASSERT_EQ(err(root->open("/dev/zero", O_RDONLY, 0, f)), 0);
  ASSERT_EQ(err(f->read(buf, sizeof buf, n)), 0);
  EXPECT_EQ(n, sizeof buf);
  EXPECT_EQ(buf[7], 0);
  ASSERT_EQ(err(root->open("/dev/full", O_WRONLY, 0, f)), 0);
  EXPECT_EQ(err(f->write("x", 1, n)), ENOSPC);
  ASSERT_EQ(err(root->open("/dev/null", O_RDONLY, 0, f)), 0);
  ASSERT_EQ(err(f->read(buf, sizeof buf, n)), 0);
  EXPECT_EQ(n, 0u);
  EXPECT_EQ(err(root->open("/dev/stdin", O_RDONLY, 0, f)), ENOENT);
}

TEST(DevFs, FdEntriesUseTheCallersTable) {
  auto mem = std::make_shared<MemFs>();
  ASSERT_EQ(err(write_file(*mem, "/x", "through fd 5")), 0);
  FilePtr five;
  ASSERT_EQ(err(mem->open("/x", O_RDONLY, 0, five)), 0);
  auto root = make_session_root(mem, [&](int fd) { return fd == 5 ? five : FilePtr(); });
  FilePtr f;
  ASSERT_EQ(err(root->open("/dev/fd/5", O_RDONLY, 0, f)), 0);
  EXPECT_EQ(f, five);
  std::string link;
  ASSERT_EQ(err(root->readlink("/dev/fd/5", link)), 0);
  EXPECT_EQ(link, "/proc/self/fd/5");
  std::vector<DirEntry> entries;
  ASSERT_EQ(err(root->readdir("/dev/fd", entries)), 0);
  ASSERT_EQ(entries.size(), 1u);
  EXPECT_EQ(entries[0].name, "5");
  EXPECT_EQ(err(root->open("/dev/fd/6", O_RDONLY, 0, f)), ENOENT);
}

}  // namespace
}  // namespace burrow::vfs

namespace burrow::vfs {
namespace {

TEST(MountFs, PropertySequencesThroughTheSessionRootMatchARealDirectory) {
  int total = 0;
  for (uint32_t seed = 100; seed < 130; ++seed) {
    auto mem = std::make_shared<MemFs>(MemFs::Options{UINT64_MAX, 0, 0});
    auto root = make_session_root(mem, [](int) { return FilePtr(); });
    std::string real = testing::make_temp_dir();
    ::chmod(real.c_str(), 0755);
    testing::PropertyRun run = testing::run_property_sequence(*root, real, seed, 400);
    testing::remove_tree(real);
    total += run.operations;
    ASSERT_EQ(run.mismatches, 0) << "seed " << seed << ": " << run.first_mismatch;
  }
  std::printf("MountFs property test: %d operations compared with a real directory\n", total);
  EXPECT_GE(total, 10000);
}

}  // namespace
}  // namespace burrow::vfs
