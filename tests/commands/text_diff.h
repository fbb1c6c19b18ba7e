// Differential testing of text commands: each case runs through Burrow's
// command (via the harness, no shell) and through the host's GNU tool in a
// scratch directory, and stdout, stderr and exit status must agree.
#pragma once

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "support/command_harness.h"
#include "text_test_fs.h"
#if __has_include("vfs/mem_fs.h")
#include "vfs/mem_fs.h"
#define BURROW_TEXT_HAVE_MEMFS 1
#endif

namespace burrow::textdiff {

struct Case {
  std::string cmd;    // shell words, quoted with '...' or "..." as in sh
  std::string input;  // stdin (always a pipe on both sides)
};

// Fixture files present in the working directory of both runs.
inline const std::vector<std::pair<std::string, std::string>>& fixtures() {
  static const std::vector<std::pair<std::string, std::string>> files = {
      {"f1", "one\ntwo\nthree\nfour\nfive\nsix\nseven\neight\nnine\nten\neleven\ntwelve\n"},
      {"f2", "alpha\nbeta\ngamma\n"},
      {"nonl", "no newline at end"},
      {"empty", ""},
      {"nums", "10\n9\n100\n-5\n3.5\n1e3\n0x10\n 7\nabc\n\n2K\n1M\n"},
      {"csv", "name,age,city\nbob,25,paris\nalice,30,london\ncarol,,rome\n"},
      {"tsv", "a\tb\tc\n1\t2\t3\nx\ty\n"},
      {"utf8", "héllo wörld\n日本語 テキスト\nnaïve café\n"},
      {"sorted1", "apple\nbanana\ncherry\ndate\n"},
      {"sorted2", "banana\ncarrot\ndate\negg\n"},
      {"words", "the quick brown fox\njumps over the lazy dog\nthe end\n"},
      {"code1", "#include <stdio.h>\n\nint main(void) {\n  int x = 1;\n  int y = 2;\n  printf(\"%d\\n\", x + y);\n  return 0;\n}\n\nvoid helper(void) {\n  /* nothing */\n}\n\nvoid other(void) {\n  return;\n}\n"},
      {"code2", "#include <stdio.h>\n#include <stdlib.h>\n\nint main(void) {\n  int x = 1;\n  int y = 3;\n  printf(\"%d\\n\", x + y);\n  return 0;\n}\n\nvoid other(void) {\n  return;\n}\n\nvoid added(void) {\n}\n"},
      {"rep1", "a\nb\nc\na\nb\nc\na\nb\nc\n"},
      {"rep2", "a\nb\na\nb\nc\nc\na\nc\n"},
      {"ws1", "hello  world\n  indented\nTrailing   \n\nend\n"},
      {"ws2", "hello world\nindented\ntrailing\nend\n"},
      {"bin1", std::string("ab\0cd\n", 6)},
  };
  return files;
}

std::vector<std::string> split_words(const std::string& s);

inline std::string scratch_dir() {
  static std::string dir = [] {
    char tmpl[] = "/tmp/burrow-textdiff-XXXXXX";
    std::string d = mkdtemp(tmpl);
    for (const auto& [name, data] : fixtures()) {
      std::ofstream(d + "/" + name, std::ios::binary) << data;
    }
    std::filesystem::create_directory(d + "/dir");
    return d;
  }();
  return dir;
}

inline testing::CommandResult run_host(const Case& c) {
  std::string dir = scratch_dir();
  {
    std::ofstream(dir + "/.stdin", std::ios::binary) << c.input;
  }
  std::string script = "cd '" + dir + "' && export LC_ALL=C.UTF-8 && cat .stdin | " + c.cmd + " 2>.stderr";
  testing::CommandResult r;
  FILE* p = popen(("sh -c '" + [&] {
                    std::string q;
                    for (char ch : script) {
                      if (ch == '\'') q += "'\\''";
                      else q += ch;
                    }
                    return q;
                  }() + "'").c_str(),
                  "r");
  char buf[65536];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) r.out.append(buf, n);
  int st = pclose(p);
  r.status = WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
  std::ifstream e(dir + "/.stderr", std::ios::binary);
  std::stringstream ss;
  ss << e.rdbuf();
  r.err = ss.str();
  return r;
}

inline vfs::Filesystem* test_fs() {
#ifdef BURROW_TEXT_HAVE_MEMFS
  static std::shared_ptr<vfs::MemFs> fs = [] {
    auto m = std::make_shared<vfs::MemFs>();
    m->mkdir("/w", 0755);
    for (const auto& [name, data] : fixtures()) vfs::write_file(*m, "/w/" + name, data);
    m->mkdir("/w/dir", 0755);
    return m;
  }();
  return fs.get();
#else
  static std::shared_ptr<TinyFs> fs = [] {
    auto m = std::make_shared<TinyFs>();
    m->mkdir("/w", 0755);
    for (const auto& [name, data] : fixtures()) vfs::write_file(*m, "/w/" + name, data);
    m->mkdir("/w/dir", 0755);
    return m;
  }();
  return fs.get();
#endif
}

inline testing::CommandResult run_ours(const Case& c) {
  return testing::run_command_in(test_fs(), split_words(c.cmd), c.input, "/w");
}

inline std::vector<std::string> split_words(const std::string& s) {
  std::vector<std::string> words;
  std::string cur;
  bool have = false;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == ' ') {
      if (have) words.push_back(cur);
      cur.clear();
      have = false;
    } else if (c == '\'') {
      have = true;
      size_t j = s.find('\'', i + 1);
      cur += s.substr(i + 1, j - i - 1);
      i = j;
    } else if (c == '"') {
      have = true;
      for (++i; i < s.size() && s[i] != '"'; ++i) {
        if (s[i] == '\\' && i + 1 < s.size() && std::string("\\\"$`").find(s[i + 1]) != std::string::npos) ++i;
        cur += s[i];
      }
    } else if (c == '\\' && i + 1 < s.size()) {
      have = true;
      cur += s[++i];
    } else {
      have = true;
      cur += c;
    }
  }
  if (have) words.push_back(cur);
  return words;
}

inline bool uses_files(const Case& c) {
  auto words = split_words(c.cmd);
  for (size_t i = 1; i < words.size(); ++i) {
    for (const auto& [name, data] : fixtures())
      if (words[i] == name || words[i].ends_with("=" + name)) return true;
    if (words[i] == "dir" || words[i] == "missing" || words[i].starts_with("out")) return true;
    if (words[i].find("files0-from") != std::string::npos) return true;
  }
  return false;
}

// Runs every case; returns how many were compared.
inline int run_table(const std::vector<Case>& cases) {
  int compared = 0;
  for (const Case& c : cases) {
    if (!test_fs() && uses_files(c)) continue;
    SCOPED_TRACE("case: " + c.cmd);
    auto host = run_host(c);
    auto ours = run_ours(c);
    if (ours.out != host.out || ours.err != host.err || ours.status != host.status) {
      auto show = [](const std::string& s) { return s.size() > 400 ? s.substr(0, 400) + "..." : s; };
      ADD_FAILURE() << "case: " << c.cmd << "\n--- ours (status " << ours.status << ")\n" << show(ours.out)
                    << "\n--- ours stderr\n" << show(ours.err) << "\n--- host (status " << host.status << ")\n"
                    << show(host.out) << "\n--- host stderr\n" << show(host.err);
    }
    ++compared;
  }
  return compared;
}

}  // namespace burrow::textdiff
