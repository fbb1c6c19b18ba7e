// Escape attempts through the shell and its commands. Each test runs a script
// in a sandbox rooted at ROOT (read-write host root, and copy-on-write overlay)
// while a sibling folder OUTSIDE holds a secret. The secret must never reach
// the script's output, and nothing may appear in, or change under, OUTSIDE.
#include <gtest/gtest.h>

#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <thread>
#include <fstream>
#include <sstream>
#include <string>

#include <archive.h>
#include <archive_entry.h>

#include "burrow/sandbox.h"

namespace {

namespace fs = std::filesystem;

constexpr const char* kSecret = "TOP-SECRET-CANARY";

std::string read_file(const fs::path& p) {
  std::ifstream in(p);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Lists every entry under dir with its size and content, to prove it unchanged.
std::string snapshot(const fs::path& dir) {
  std::string out;
  for (auto& e : fs::recursive_directory_iterator(dir)) {
    out += e.path().string();
    if (e.is_regular_file()) out += "=" + read_file(e.path());
    out += "\n";
  }
  return out;
}

class Escape : public ::testing::TestWithParam<burrow::SandboxOptions::Root> {
 protected:
  fs::path base, root, outside;
  std::string before;

  void SetUp() override {
    char tmpl[] = "/tmp/burrow-escape-XXXXXX";
    base = mkdtemp(tmpl);
    root = base / "root";
    outside = base / "outside";
    fs::create_directories(root / "home/user");
    fs::create_directories(root / "tmp");
    fs::create_directories(outside / "bin");
    std::ofstream(outside / "secret") << kSecret << "\n";
    std::ofstream(outside / "script.sh") << "echo " << kSecret << "\n";
    std::ofstream(outside / "bin/evil") << "#!/bin/sh\necho " << kSecret << "\n";
    fs::permissions(outside / "bin/evil", fs::perms::owner_all);
    std::ofstream(root / "home/user/ok.txt") << "inside\n";
    before = snapshot(outside);
  }

  void TearDown() override {
    EXPECT_EQ(snapshot(outside), before) << "the outside folder changed";
    EXPECT_FALSE(fs::exists(base / "created"));
    fs::remove_all(base);
  }

  // names_in_data: the script handles data that itself names host paths
  // (an archive's member names), so seeing them printed is no leak.
  burrow::ExecResult run(const std::string& script, bool names_in_data = false) {
    burrow::SandboxOptions o;
    o.root = GetParam();
    o.host_dir = root.string();
    o.cwd = "/home/user";
    o.limits.wall_time_seconds = 20;
    auto sb = burrow::Sandbox::create(o);
    auto r = sb->exec(script);
    EXPECT_EQ(r.stdout_data.find(kSecret), std::string::npos) << script << "\n" << r.stdout_data;
    EXPECT_EQ(r.stderr_data.find(kSecret), std::string::npos) << script << "\n" << r.stderr_data;
    // Host paths never appear in what the sandbox prints (unless the script
    // itself typed them).
    if (!names_in_data && script.find(base.string()) == std::string::npos) {
      EXPECT_EQ(r.stdout_data.find(base.string()), std::string::npos) << script;
      EXPECT_EQ(r.stderr_data.find(base.string()), std::string::npos) << script;
    }
    return r;
  }

  // The host path of OUTSIDE seen from the sandbox root, by "..".
  std::string up(int levels) {
    std::string s;
    for (int i = 0; i < levels; ++i) s += "../";
    return s + "outside";
  }
};

TEST_P(Escape, DotDotChainsStayAtTheRoot) {
  for (int n : {1, 2, 3, 8, 40}) {
    auto r = run("cat " + up(n) + "/secret; cat /" + up(n) + "/secret; ls " + up(n) +
                 "; cd " + up(n) + " && pwd; echo x > " + up(n) + "/created; echo done");
    EXPECT_NE(r.stdout_data.find("done"), std::string::npos);
  }
  auto r = run("cd /; cd ..; cd ..; pwd; cd /../../..; pwd; ls /..");
  EXPECT_EQ(r.stdout_data.substr(0, 4), "/\n/\n");
}

TEST_P(Escape, SymlinksMadeInsideResolveAgainstTheRoot) {
  const std::string abs = outside.string();
  run("ln -s " + abs + "/secret abs; cat abs; ln -s ../../../outside/secret rel; cat rel;"
      "ln -s " + abs + " dir; cat dir/secret; echo x > dir/created; ls dir; "
      "ln -s /proc/self/root pr; cat pr" + abs + "/secret; cat /proc/self/root" + abs + "/secret");
  // A symlink on the host pointing outside is followed as if / were ROOT.
  fs::create_symlink(outside / "secret", root / "home/user/hostlink");
  fs::create_symlink(outside, root / "home/user/hostdir");
  run("cat hostlink; cat hostdir/secret; echo x > hostdir/created; echo y >> hostlink;"
      "cp hostlink stolen; cat stolen; mv hostlink moved; cat moved; rm -rf hostdir/; touch hostdir/created");
}

TEST_P(Escape, DevFdAndProcTricks) {
  run("cat /dev/fd/3 3<" + outside.string() + "/secret; exec 4<../../outside/secret; cat <&4;"
      "cat /proc/self/cwd/../../../outside/secret; ls -la /proc/1/root/ 2>&1; cat /proc/self/environ;"
      "readlink -f /proc/self/exe; cat /dev/fd/../../outside/secret");
}

TEST_P(Escape, RedirectionAndHereDocTargets) {
  run("echo x > " + outside.string() + "/created; echo x >> ../../../created;"
      "cat > /../created <<EOF\nhello\nEOF\n"
      "cat <<< hi > " + outside.string() + "/secret; exec 5>" + outside.string() + "/created; echo y >&5");
}

TEST_P(Escape, SourceAndPathToHostFolders) {
  run("source " + outside.string() + "/script.sh; . ../../outside/script.sh;"
      "PATH=" + outside.string() + "/bin:$PATH; evil; " + outside.string() + "/bin/evil;"
      "bash " + outside.string() + "/script.sh; sh < " + outside.string() + "/script.sh");
}

TEST_P(Escape, CommandsThatWalkTrees) {
  fs::create_symlink(outside, root / "home/user/loop");
  run("find / -name secret; find -L . -name secret -exec cat {} +; grep -r CANARY / ; grep -R CANARY .;"
      "du -sL loop; cp -rL loop copy; cat copy/secret; tar cf - / 2>/dev/null | cat | grep -a CANARY;"
      "rm -rf loop/; chmod 777 loop/secret; touch -h loop; ls -lR / | grep secret");
  EXPECT_TRUE(fs::exists(outside / "secret"));
}

TEST_P(Escape, SymlinkRaceThroughTheShell) {
  // A directory flips between real and a link to OUTSIDE while the script
  // reads and writes through it.
  fs::create_directories(root / "home/user/d");
  std::ofstream(root / "home/user/d/secret") << "inside\n";
  std::atomic<bool> stop{false};
  std::thread flipper([&] {
    fs::path d = root / "home/user/d", tmp = root / "home/user/d.tmp", real = root / "home/user/d.real";
    while (!stop) {
      std::error_code ec;
      fs::rename(d, real, ec);
      fs::create_symlink(outside, tmp, ec);
      fs::rename(tmp, d, ec);
      fs::remove(d, ec);
      fs::rename(real, d, ec);
    }
  });
  run("for i in $(seq 300); do cat d/secret 2>/dev/null; echo x 2>/dev/null > d/created; done; true");
  stop = true;
  flipper.join();
}

// Writes a tar archive on the host whose members try to land outside.
void write_hostile_archive(const fs::path& file, const fs::path& outside, bool zip) {
  struct archive* a = archive_write_new();
  if (zip) archive_write_set_format_zip(a);
  else archive_write_set_format_gnutar(a);
  ASSERT_EQ(archive_write_open_filename(a, file.c_str()), ARCHIVE_OK);
  auto add = [&](const std::string& name, unsigned type, const std::string& link, const std::string& data) {
    archive_entry* e = archive_entry_new();
    archive_entry_set_pathname(e, name.c_str());
    archive_entry_set_filetype(e, type);
    archive_entry_set_perm(e, 0644);
    archive_entry_set_size(e, type == AE_IFREG ? data.size() : 0);
    if (type == AE_IFLNK) archive_entry_set_symlink(e, link.c_str());
    archive_write_header(a, e);
    if (type == AE_IFREG) archive_write_data(a, data.data(), data.size());
    archive_entry_free(e);
  };
  add("../../../../outside/created", AE_IFREG, "", "dotdot");
  add("../created", AE_IFREG, "", "dotdot");
  add((outside / "created").string(), AE_IFREG, "", "absolute");
  add("escape", AE_IFLNK, outside.string(), "");
  add("escape/created", AE_IFREG, "", "through a symlink");
  add("rel", AE_IFLNK, "../../../outside", "");
  add("rel/created", AE_IFREG, "", "through a relative symlink");
  add("sub/../../created", AE_IFREG, "", "dotdot inside");
  add("hard", AE_IFREG, "", "x");
  archive_write_close(a);
  archive_write_free(a);
}

TEST_P(Escape, HostileArchivesExtractInside) {
  write_hostile_archive(root / "home/user/evil.tar", outside, false);
  write_hostile_archive(root / "home/user/evil.zip", outside, true);
  auto r = run("tar xvf evil.tar; echo status $?; tar xf evil.tar -C /tmp; gzip -c evil.tar > e.tgz; tar xzf e.tgz;"
               "ls -la; cat escape/created rel/created; unzip -o evil.zip; unzip -o evil.zip -d /tmp/z; cat escape/created",
               true);
  EXPECT_NE(r.stdout_data.find("status 2"), std::string::npos) << r.stdout_data << r.stderr_data;
  EXPECT_NE(r.stderr_data.find("Member name contains '..'"), std::string::npos) << r.stderr_data;
}

INSTANTIATE_TEST_SUITE_P(Roots, Escape,
                         ::testing::Values(burrow::SandboxOptions::Root::kHost,
                                           burrow::SandboxOptions::Root::kOverlay),
                         [](const auto& info) {
                           return info.param == burrow::SandboxOptions::Root::kHost ? "HostRoot" : "OverlayRoot";
                         });

}  // namespace
