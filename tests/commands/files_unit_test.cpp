// Tests with expected outputs written by hand, for utilities the host cannot
// compare (tree is not installed, identity and df are the sandbox's own) or
// whose GNU output depends on the host's disk (du, df).
#include <gtest/gtest.h>

#include "files_diff.h"

namespace burrow::testing {
namespace {

class FilesUnit : public ::testing::Test {
 protected:
  void SetUp() override {
    f.setup("mkdir -p d/sub e; printf abc > d/x; printf hello > d/sub/y; touch a; ln -s d dl; printf '#!/bin/sh\\necho\\n' > s.sh; chmod 755 s.sh");
  }
  CommandResult run(std::vector<std::string> argv, std::string in = "") { return f.ours(std::move(argv), in); }
  DiffFixture f;
};

TEST_F(FilesUnit, TreeDefault) {
  auto r = run({"tree"});
  EXPECT_EQ(r.out,
            ".\n"
            "├── a\n"
            "├── d\n"
            "│   ├── sub\n"
            "│   │   └── y\n"
            "│   └── x\n"
            "├── dl -> d\n"
            "├── e\n"
            "└── s.sh\n"
            "\n"
            "4 directories, 4 files\n");
  EXPECT_EQ(r.status, 0);
}

TEST_F(FilesUnit, TreeDirsOnlyLevelAndOptions) {
  EXPECT_EQ(run({"tree", "-d"}).out, ".\n├── d\n│   └── sub\n├── dl -> d\n└── e\n\n4 directories\n");
  EXPECT_EQ(run({"tree", "-L", "1", "d"}).out, "d\n├── sub\n└── x\n\n1 directory, 1 file\n");
  EXPECT_EQ(run({"tree", "--noreport", "-F", "d"}).out, "d\n├── sub/\n│   └── y\n└── x\n");
  EXPECT_EQ(run({"tree", "-f", "d"}).out, "d\n├── d/sub\n│   └── d/sub/y\n└── d/x\n\n1 directory, 2 files\n");
  EXPECT_EQ(run({"tree", "-i", "--noreport", "d"}).out, "d\nsub\ny\nx\n");
  EXPECT_EQ(run({"tree", "--charset=ascii", "--noreport", "d"}).out, "d\n|-- sub\n|   `-- y\n`-- x\n");
  EXPECT_EQ(run({"tree", "-I", "sub", "--noreport", "d"}).out, "d\n└── x\n");
  EXPECT_EQ(run({"tree", "-P", "y", "--noreport", "d"}).out, "d\n└── sub\n    └── y\n");
  EXPECT_EQ(run({"tree", "-s", "--noreport", "d/sub"}).out, "d/sub\n└── [          5]  y\n");
  EXPECT_EQ(run({"tree", "--dirsfirst", "--noreport", "d"}).out, "d\n├── sub\n│   └── y\n└── x\n");
  EXPECT_EQ(run({"tree", "-L", "0"}).err, "tree: Invalid level, must be greater than 0.\n");
  EXPECT_EQ(run({"tree", "nope"}).out, "nope  [error opening dir]\n\n0 directories, 0 files\n");
}

TEST_F(FilesUnit, DuApparentBytesOfFiles) {
  auto r = run({"du", "-ab", "d/x", "d/sub/y"});
  EXPECT_EQ(r.out, "3\td/x\n5\td/sub/y\n");
  r = run({"du", "-cb", "d/x", "d/sub/y"});
  EXPECT_EQ(r.out, "3\td/x\n5\td/sub/y\n8\ttotal\n");
  r = run({"du", "nope"});
  EXPECT_EQ(r.err, "du: cannot access 'nope': No such file or directory\n");
  EXPECT_EQ(r.status, 1);
  r = run({"du", "-s", "-a", "d"});
  EXPECT_EQ(r.status, 1);
  r = run({"du", "--max-depth=x"});
  EXPECT_EQ(r.status, 1);
}

TEST_F(FilesUnit, DuStructure) {
  auto r = run({"du", "-a", "d"});
  // Post-order: children before their directory, the operand last.
  std::vector<std::string> names;
  size_t pos = 0;
  while (pos < r.out.size()) {
    size_t nl = r.out.find('\n', pos);
    std::string line = r.out.substr(pos, nl - pos);
    names.push_back(line.substr(line.find('\t') + 1));
    pos = nl + 1;
  }
  EXPECT_EQ(names, (std::vector<std::string>{"d/sub/y", "d/sub", "d/x", "d"}));
  r = run({"du", "-s", "d"});
  EXPECT_NE(r.out.find("\td\n"), std::string::npos);
  EXPECT_EQ(r.out.find("sub"), std::string::npos);
  r = run({"du", "-d", "0", "d"});
  EXPECT_EQ(r.out.find("sub"), std::string::npos);
}

TEST_F(FilesUnit, DfShape) {
  auto r = run({"df"});
  EXPECT_EQ(r.out.substr(0, 10), "Filesystem");
  EXPECT_NE(r.out.find("1K-blocks"), std::string::npos);
  EXPECT_NE(r.out.find(" /\n"), std::string::npos);
  r = run({"df", "-h", "."});
  EXPECT_NE(r.out.find("Size"), std::string::npos);
  r = run({"df", "nope"});
  EXPECT_EQ(r.err, "df: nope: No such file or directory\n");
  EXPECT_EQ(r.status, 1);
}

TEST_F(FilesUnit, Identity) {
  EXPECT_EQ(run({"id"}).out, "uid=0(root) gid=0(root) groups=0(root)\n");
  EXPECT_EQ(run({"id", "user"}).out, "uid=1000(user) gid=1000(user) groups=1000(user)\n");
  EXPECT_EQ(run({"id", "-un"}).out, "root\n");
  EXPECT_EQ(run({"id", "-u", "user"}).out, "1000\n");
  EXPECT_EQ(run({"id", "-Gn", "user"}).out, "user\n");
  EXPECT_EQ(run({"id", "nobody"}).err, "id: \xE2\x80\x98nobody\xE2\x80\x99: no such user\n");
  EXPECT_EQ(run({"whoami"}).out, "root\n");
  EXPECT_EQ(run({"groups"}).out, "root\n");
  EXPECT_EQ(run({"groups", "user"}).out, "user : user\n");
}

TEST_F(FilesUnit, ChownAndChgrp) {
  auto r = run({"chown", "-v", "user:user", "a"});
  EXPECT_EQ(r.out, "changed ownership of 'a' from root:root to user:user\n");
  r = run({"stat", "-c", "%U:%G %u:%g", "a"});
  EXPECT_EQ(r.out, "user:user 1000:1000\n");
  r = run({"chgrp", "-c", "root", "a"});
  EXPECT_EQ(r.out, "changed group of 'a' from user to root\n");
  r = run({"chown", "nobody", "a"});
  EXPECT_EQ(r.err, "chown: invalid user: \xE2\x80\x98nobody\xE2\x80\x99\n");
  EXPECT_EQ(r.status, 1);
  r = run({"chown", "-R", "1000", "d"});
  EXPECT_EQ(run({"stat", "-c", "%u", "d/sub/y"}).out, "1000\n");
  r = run({"chown", "root", "nope"});
  EXPECT_EQ(r.err, "chown: cannot access 'nope': No such file or directory\n");
}

TEST_F(FilesUnit, TruncateSizes) {
  EXPECT_EQ(run({"truncate", "-s", "10", "a"}).status, 0);
  EXPECT_EQ(run({"stat", "-c", "%s", "a"}).out, "10\n");
  run({"truncate", "-s", "+5", "a"});
  EXPECT_EQ(run({"stat", "-c", "%s", "a"}).out, "15\n");
  run({"truncate", "-s", "%8", "a"});
  EXPECT_EQ(run({"stat", "-c", "%s", "a"}).out, "16\n");
  run({"truncate", "-s", "/5", "a"});
  EXPECT_EQ(run({"stat", "-c", "%s", "a"}).out, "15\n");
  run({"truncate", "-s", "1K", "new"});
  EXPECT_EQ(run({"stat", "-c", "%s", "new"}).out, "1024\n");
  EXPECT_EQ(run({"truncate", "-c", "-s", "0", "none"}).status, 0);
  EXPECT_EQ(run({"stat", "none"}).status, 1);
  auto r = run({"truncate", "a"});
  EXPECT_EQ(r.err, "truncate: you must specify either \xE2\x80\x98--size\xE2\x80\x99 or \xE2\x80\x98--reference\xE2\x80\x99\n"
                   "Try 'truncate --help' for more information.\n");
  r = run({"truncate", "-s", "5", "zz/q"});
  EXPECT_EQ(r.err, "truncate: cannot open 'zz/q' for writing: No such file or directory\n");
}

TEST_F(FilesUnit, Mktemp) {
  auto r = run({"mktemp", "-p", ".", "fooXXXX"});
  ASSERT_EQ(r.status, 0) << r.err;
  ASSERT_EQ(r.out.size(), std::string("./fooXXXX\n").size());
  EXPECT_EQ(r.out.substr(0, 5), "./foo");
  EXPECT_EQ(run({"stat", "-c", "%a %F", r.out.substr(0, r.out.size() - 1)}).out, "600 regular empty file\n");
  r = run({"mktemp", "-d", "-p", ".", "dirXXX"});
  EXPECT_EQ(run({"stat", "-c", "%a %F", r.out.substr(0, r.out.size() - 1)}).out, "700 directory\n");
  r = run({"mktemp", "fooXX"});
  EXPECT_EQ(r.err, "mktemp: too few X's in template \xE2\x80\x98" "fooXX\xE2\x80\x99\n");
  r = run({"mktemp", "-u", "-p", ".", "zzXXXXXX.txt"});
  EXPECT_EQ(r.out.size(), std::string("./zzXXXXXX.txt\n").size());
  EXPECT_EQ(r.out.substr(r.out.size() - 5), ".txt\n");
}

TEST_F(FilesUnit, LinkUnlinkInstall) {
  EXPECT_EQ(run({"link", "d/x", "hard"}).status, 0);
  EXPECT_EQ(run({"stat", "-c", "%h", "d/x"}).out, "2\n");
  EXPECT_EQ(run({"unlink", "hard"}).status, 0);
  EXPECT_EQ(run({"unlink", "d"}).err, "unlink: cannot unlink 'd': Is a directory\n");
  EXPECT_EQ(run({"link", "a"}).err, "link: missing operand after \xE2\x80\x98" "a\xE2\x80\x99\nTry 'link --help' for more information.\n");
  auto r = run({"install", "-m", "644", "-D", "d/x", "inst/deep/x"});
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(run({"stat", "-c", "%a %s", "inst/deep/x"}).out, "644 3\n");
  r = run({"install", "-d", "-v", "q/r"});
  EXPECT_EQ(r.out, "install: creating directory 'q'\ninstall: creating directory 'q/r'\n");
}

TEST_F(FilesUnit, DdSplitShred) {
  auto r = run({"dd", "if=d/sub/y", "of=copy", "bs=2", "status=noxfer"});
  EXPECT_EQ(r.err, "2+1 records in\n2+1 records out\n");
  EXPECT_EQ(run({"cat", "copy"}).out, "hello");
  r = run({"dd", "bs=1", "skip=1", "count=3", "status=none", "conv=ucase"}, "hello");
  EXPECT_EQ(r.out, "ELL");
  r = run({"dd", "foo"});
  EXPECT_EQ(r.status, 1);
  r = run({"split", "-l", "1", "-", "part"}, "1\n2\n3\n");
  EXPECT_EQ(run({"cat", "partaa", "partab", "partac"}).out, "1\n2\n3\n");
  r = run({"split", "-b", "2", "-d", "--verbose", "d/sub/y", "b"});
  EXPECT_EQ(r.out, "creating file 'b00'\ncreating file 'b01'\ncreating file 'b02'\n");
  r = run({"shred", "-u", "-n", "1", "d/x"});
  EXPECT_EQ(r.status, 0);
  EXPECT_EQ(run({"stat", "d/x"}).status, 1);
}

TEST_F(FilesUnit, WhichAndFile) {
  EXPECT_EQ(run({"which", "ls"}).out, "/usr/bin/ls\n");
  EXPECT_EQ(run({"which", "no-such-command"}).status, 1);
  auto r = run({"file", "a", "d", "dl", "s.sh", "d/x"});
  EXPECT_EQ(r.out,
            "a:    empty\n"
            "d:    directory\n"
            "dl:   symbolic link to d\n"
            "s.sh: POSIX shell script, ASCII text executable\n"
            "d/x:  ASCII text, with no line terminators\n");
  EXPECT_EQ(run({"file", "-b", "nope"}).out, "cannot open `nope' (No such file or directory)\n");
}

TEST_F(FilesUnit, EnvAndPrintenv) {
  auto r = run({"env", "-i", "A=1", "B=2"});
  EXPECT_EQ(r.out, "A=1\nB=2\n");
  r = run({"printenv", "TZ"});
  EXPECT_EQ(r.out, "UTC\n");
  r = run({"env", "-u", "TZ", "-u", "HOME", "-u", "USER", "-u", "LC_ALL", "-u", "COLUMNS"});
  EXPECT_EQ(r.out, "");
}

TEST_F(FilesUnit, HelpListsCommands) {
  auto r = run({"help"});
  EXPECT_NE(r.out.find("  ls "), std::string::npos);
  EXPECT_NE(r.out.find("list directory contents"), std::string::npos);
  r = run({"commands"});
  EXPECT_NE(r.out.find("\nmkdir\n"), std::string::npos);
}

}  // namespace
}  // namespace burrow::testing

