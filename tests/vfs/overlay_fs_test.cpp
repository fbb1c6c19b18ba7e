#include "vfs/overlay_fs.h"

#include <sys/stat.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <fstream>

#include "fs_property.h"
#include "vfs/host_fs.h"
#include "vfs/layout.h"

namespace burrow::vfs {
namespace {

int err(Error e) { return e ? e.value() : 0; }

// The same small tree in a host directory.
void populate(const std::string& dir) {
  ::mkdir((dir + "/a").c_str(), 0755);
  ::mkdir((dir + "/b").c_str(), 0755);
  ::mkdir((dir + "/b/c").c_str(), 0700);
  std::ofstream(dir + "/a/b") << "lower a/b";
  std::ofstream(dir + "/b/c/dd") << "lower b/c/dd";
  std::ofstream(dir + "/dd") << "lower dd";
  ::symlink("a", (dir + "/c").c_str());
}

std::string tree_listing(const std::string& dir) {
  std::string cmd = "cd " + dir + " && find . -printf '%y %m %s %p -> %l\\n' | sort";
  std::string out;
  if (FILE* p = popen(cmd.c_str(), "r")) {
    char buf[512];
    while (fgets(buf, sizeof buf, p)) out += buf;
    pclose(p);
  }
  return out;
}

TEST(OverlayFs, CopyUpLeavesTheLowerLayerUntouched) {
  std::string lower_dir = testing::make_temp_dir();
  populate(lower_dir);
  std::string before = tree_listing(lower_dir);
  auto overlay = std::make_shared<OverlayFs>(std::make_shared<HostFs>(lower_dir, true), std::make_shared<MemFs>());
  auto fs = make_session_root(overlay, [](int) { return FilePtr(); });
  ASSERT_EQ(err(write_file(*fs, "/a/b", "changed")), 0);
  ASSERT_EQ(err(fs->unlink("/dd")), 0);
  ASSERT_EQ(err(fs->rename("/b", "/moved")), 0);
  ASSERT_EQ(err(fs->mkdir("/b", 0755)), 0);
  ASSERT_EQ(err(fs->chmod("/moved/c", 0755)), 0);
  std::string data;
  ASSERT_EQ(err(read_file(*fs, "/c/b", data)), 0);  // through the lower symlink c -> a
  EXPECT_EQ(data, "changed");
  ASSERT_EQ(err(read_file(*fs, "/moved/c/dd", data)), 0);
  EXPECT_EQ(data, "lower b/c/dd");
  std::vector<DirEntry> entries;
  ASSERT_EQ(err(fs->readdir("/b", entries)), 0);
  EXPECT_TRUE(entries.empty()) << "a re-created directory hides the lower one";
  Stat st;
  EXPECT_EQ(err(fs->stat("/dd", st)), ENOENT);
  EXPECT_EQ(tree_listing(lower_dir), before);
  testing::remove_tree(lower_dir);
}

// Reads take a one-step open when no symlink or upper-layer copy is on the
// way; everything else must still resolve through the session root.
TEST(OverlayFs, ReadOpensSeeUpperCopiesAndResolveLinksAcrossMounts) {
  std::string lower_dir = testing::make_temp_dir();
  populate(lower_dir);
  ::symlink("/dev", (lower_dir + "/devlink").c_str());
  ::symlink("/dev/null", (lower_dir + "/nulllink").c_str());
  auto overlay = std::make_shared<OverlayFs>(std::make_shared<HostFs>(lower_dir, true), std::make_shared<MemFs>());
  auto fs = make_session_root(overlay, [](int) { return FilePtr(); });
  std::string data;
  ASSERT_EQ(err(read_file(*fs, "/b/c/dd", data)), 0);
  EXPECT_EQ(data, "lower b/c/dd");
  ASSERT_EQ(err(write_file(*fs, "/b/c/dd", "upper")), 0);
  ASSERT_EQ(err(read_file(*fs, "/b/c/dd", data)), 0);
  EXPECT_EQ(data, "upper");
  ASSERT_EQ(err(fs->unlink("/dd")), 0);
  EXPECT_EQ(err(read_file(*fs, "/dd", data)), ENOENT) << "a whiteout hides the lower file";
  ASSERT_EQ(err(read_file(*fs, "/c/b", data)), 0);  // c -> a, in the lower layer
  EXPECT_EQ(data, "lower a/b");
  FilePtr f;
  ASSERT_EQ(err(fs->open("/nulllink", O_RDONLY, 0, f)), 0);
  Stat st;
  ASSERT_EQ(err(f->stat(st)), 0);
  EXPECT_TRUE(S_ISCHR(st.mode)) << "an absolute link leads to the session's /dev, not the host folder's";
  ASSERT_EQ(err(fs->open("/devlink/null", O_RDONLY, 0, f)), 0);
  ASSERT_EQ(err(f->stat(st)), 0);
  EXPECT_TRUE(S_ISCHR(st.mode));
  EXPECT_EQ(err(fs->open("/nulllink", O_RDONLY | O_NOFOLLOW, 0, f)), ELOOP);
  EXPECT_EQ(err(fs->open("/a/missing", O_RDONLY, 0, f)), ENOENT);
  EXPECT_EQ(err(fs->open("/dd/x", O_RDONLY, 0, f)), ENOENT);
  testing::remove_tree(lower_dir);
}

TEST(OverlayFs, PropertySequencesMatchARealDirectory) {
  int total = 0;
  for (uint32_t seed = 300; seed < 330; ++seed) {
    std::string lower_dir = testing::make_temp_dir();
    std::string real = testing::make_temp_dir();
    ::chmod(lower_dir.c_str(), 0755);
    ::chmod(real.c_str(), 0755);
    populate(lower_dir);
    populate(real);
    std::string before = tree_listing(lower_dir);
    {
      auto upper = std::make_shared<MemFs>(MemFs::Options{UINT64_MAX, 0, 0});
      auto overlay = std::make_shared<OverlayFs>(std::make_shared<HostFs>(lower_dir, true), upper);
      auto fs = make_session_root(overlay, [](int) { return FilePtr(); });
      testing::PropertyRun run = testing::run_property_sequence(*fs, real, seed, 400);
      total += run.operations;
      EXPECT_EQ(run.mismatches, 0) << "seed " << seed << ": " << run.first_mismatch;
    }
    EXPECT_EQ(tree_listing(lower_dir), before) << "the lower layer changed";
    testing::remove_tree(lower_dir);
    testing::remove_tree(real);
  }
  std::printf("OverlayFs property test: %d operations compared with a real directory\n", total);
  EXPECT_GE(total, 10000);
}

}  // namespace
}  // namespace burrow::vfs
