// Differential tests for the file-changing utilities (mkdir, rm, cp, mv, ln,
// touch, chmod, rmdir) and the path utilities, against the host's GNU tools.
// Each case compares stdout, stderr, status and the resulting tree.
#include "files_diff.h"

namespace burrow::testing {
namespace {

constexpr const char* kTree =
    "mkdir -p d/sub e full/inner ; touch a b d/x d/sub/y full/inner/z ; echo hello > f.txt ; printf abc > g ;"
    "chmod 755 g ; ln -s f.txt link ; ln -s nowhere dangling ; ln -s d dlink ; chmod 640 b";

struct Case {
  const char* name;
  std::vector<std::string> argv;
  const char* setup = kTree;
  const char* input = "";
};

void PrintTo(const Case& c, std::ostream* os) { *os << c.name; }

class OpsDiff : public ::testing::TestWithParam<Case> {};

TEST_P(OpsDiff, MatchesGnu) {
  const Case& c = GetParam();
  DiffFixture f;
  f.setup(c.setup);
  auto ours = f.ours(c.argv, c.input);
  std::string our_tree = f.our_tree();
  auto host = f.host(c.argv, c.input);
  std::string host_tree = f.host_tree();
  EXPECT_EQ(ours.out, host.out);
  EXPECT_EQ(ours.err, host.err);
  EXPECT_EQ(ours.status, host.status);
  EXPECT_EQ(our_tree, host_tree);
}

const Case kCases[] = {
    // mkdir
    {"mkdir_one", {"mkdir", "n"}},
    {"mkdir_many_v", {"mkdir", "-v", "n1", "n2"}},
    {"mkdir_exists", {"mkdir", "d"}},
    {"mkdir_exists_file", {"mkdir", "a"}},
    {"mkdir_missing_parent", {"mkdir", "x/y"}},
    {"mkdir_p", {"mkdir", "-p", "x/y/z"}},
    {"mkdir_pv", {"mkdir", "-pv", "x/y/z"}},
    {"mkdir_p_existing", {"mkdir", "-p", "d/sub"}},
    {"mkdir_p_file_in_way", {"mkdir", "-p", "a/b"}},
    {"mkdir_m", {"mkdir", "-m", "700", "priv"}},
    {"mkdir_m_symbolic", {"mkdir", "-m", "u=rwx,g=rx,o=", "m2"}},
    {"mkdir_m_bad", {"mkdir", "-m", "abc", "m3"}},
    {"mkdir_no_operand", {"mkdir"}},
    {"mkdir_trailing_slash", {"mkdir", "t/"}},
    {"mkdir_pm", {"mkdir", "-p", "-m", "711", "q/r"}},
    // rmdir
    {"rmdir_empty", {"rmdir", "e"}},
    {"rmdir_nonempty", {"rmdir", "d"}},
    {"rmdir_ignore", {"rmdir", "--ignore-fail-on-non-empty", "d"}},
    {"rmdir_missing", {"rmdir", "nope"}},
    {"rmdir_file", {"rmdir", "a"}},
    {"rmdir_p", {"rmdir", "-p", "x/y/z"}, "mkdir -p x/y/z"},
    {"rmdir_pv", {"rmdir", "-pv", "x/y/z"}, "mkdir -p x/y/z"},
    {"rmdir_p_stop", {"rmdir", "-p", "x/y/z"}, "mkdir -p x/y/z; touch x/keep"},
    {"rmdir_v", {"rmdir", "-v", "e"}},
    // rm
    {"rm_file", {"rm", "a"}},
    {"rm_v", {"rm", "-v", "a", "b"}},
    {"rm_missing", {"rm", "nope"}},
    {"rm_missing_f", {"rm", "-f", "nope"}},
    {"rm_dir", {"rm", "d"}},
    {"rm_dir_d_nonempty", {"rm", "-d", "d"}},
    {"rm_dir_d_empty", {"rm", "-dv", "e"}},
    {"rm_r", {"rm", "-r", "d"}},
    {"rm_rv", {"rm", "-rv", "full"}},
    {"rm_rf_mixed", {"rm", "-rf", "d", "nope", "a"}},
    {"rm_link", {"rm", "link", "dangling"}},
    {"rm_dlink", {"rm", "dlink"}},
    {"rm_dot", {"rm", "-r", "."}},
    {"rm_dotdot", {"rm", "-rf", "d/.."}},
    {"rm_no_operand", {"rm"}},
    {"rm_f_no_operand", {"rm", "-f"}},
    {"rm_i_yes", {"rm", "-i", "a"}, kTree, "y\n"},
    {"rm_i_no", {"rm", "-i", "a", "b"}, kTree, "n\ny\n"},
    {"rm_root", {"rm", "-r", "/"}},
    {"rm_bad_interactive", {"rm", "--interactive=sometimes", "a"}},
    // cp
    {"cp_file", {"cp", "a", "a2"}},
    {"cp_v", {"cp", "-v", "f.txt", "copy.txt"}},
    {"cp_into_dir", {"cp", "f.txt", "g", "e"}},
    {"cp_into_dir_v", {"cp", "-v", "f.txt", "g", "e/"}},
    {"cp_overwrite", {"cp", "f.txt", "a"}},
    {"cp_missing", {"cp", "nope", "x"}},
    {"cp_dir_no_r", {"cp", "d", "x"}},
    {"cp_r", {"cp", "-r", "d", "x"}},
    {"cp_rv", {"cp", "-rv", "d", "x"}},
    {"cp_r_into_existing", {"cp", "-r", "d", "e"}},
    {"cp_same", {"cp", "a", "a"}},
    // An empty directory: with siblings, what GNU copies before the error
    // depends on directory order.
    {"cp_into_itself", {"cp", "-r", "e", "e"}},
    {"cp_n", {"cp", "-n", "f.txt", "a"}},
    {"cp_no_dest", {"cp", "a"}},
    {"cp_no_operand", {"cp"}},
    {"cp_not_dir_target", {"cp", "a", "b", "f.txt"}},
    {"cp_missing_target_dir", {"cp", "a", "b", "zz"}},
    {"cp_t", {"cp", "-t", "e", "a", "f.txt"}},
    {"cp_T", {"cp", "-rT", "d", "e"}},
    {"cp_link_follow", {"cp", "link", "copy"}},
    {"cp_link_P", {"cp", "-P", "link", "copy"}},
    {"cp_d", {"cp", "-d", "dangling", "copy"}},
    {"cp_r_links", {"cp", "-r", "dlink", "x"}},
    {"cp_a", {"cp", "-a", "d", "x"}},
    {"cp_p_mode", {"cp", "-p", "g", "g2"}},
    {"cp_mode_kept", {"cp", "b", "b2"}},
    {"cp_parents", {"cp", "--parents", "d/sub/y", "e"}},
    {"cp_dir_over_file", {"cp", "-r", "d", "a"}},
    {"cp_file_over_dir", {"cp", "a", "d/sub", "e"}, "mkdir -p d/sub e/sub; touch a"},
    {"cp_s", {"cp", "-s", "f.txt", "sym"}},
    {"cp_l", {"cp", "-l", "f.txt", "hard"}},
    {"cp_bad_preserve", {"cp", "--preserve=foo", "a", "b9"}},
    {"cp_i_no", {"cp", "-i", "f.txt", "a"}, kTree, "n\n"},
    {"cp_i_yes", {"cp", "-i", "f.txt", "a"}, kTree, "y\n"},
    // mv
    {"mv_rename", {"mv", "a", "a2"}},
    {"mv_v", {"mv", "-v", "a", "a2"}},
    {"mv_into_dir", {"mv", "a", "b", "e"}},
    {"mv_over", {"mv", "f.txt", "a"}},
    {"mv_dir", {"mv", "d", "x"}},
    {"mv_dir_into_dir", {"mv", "d", "e"}},
    {"mv_missing", {"mv", "nope", "x"}},
    {"mv_into_self", {"mv", "d", "d/sub"}},
    {"mv_same", {"mv", "a", "a"}},
    {"mv_n", {"mv", "-n", "f.txt", "a"}},
    {"mv_not_dir_target", {"mv", "a", "b", "g"}},
    {"mv_t", {"mv", "-t", "e", "a", "b"}},
    {"mv_T_file", {"mv", "-T", "a", "x"}},
    {"mv_dir_over_file", {"mv", "d", "a"}},
    {"mv_file_over_dir", {"mv", "a", "e"}, "mkdir -p e/a; touch a"},
    {"mv_link", {"mv", "link", "l2"}},
    {"mv_no_dest", {"mv", "a"}},
    {"mv_nonempty_dir", {"mv", "d", "e"}, "mkdir -p d/x e/d; touch e/d/y"},
    {"mv_i_no", {"mv", "-i", "f.txt", "a"}, kTree, "n\n"},
    // ln
    {"ln_s", {"ln", "-s", "f.txt", "s1"}},
    {"ln_sv", {"ln", "-sv", "f.txt", "s1"}},
    {"ln_hard", {"ln", "f.txt", "h1"}},
    {"ln_hard_v", {"ln", "-v", "f.txt", "h1"}},
    {"ln_exists", {"ln", "-s", "f.txt", "a"}},
    {"ln_hard_exists", {"ln", "f.txt", "a"}},
    {"ln_sf", {"ln", "-sf", "f.txt", "a"}},
    {"ln_into_dir", {"ln", "-s", "../a", "e"}},
    {"ln_many_into_dir", {"ln", "-s", "/x", "/y", "e"}},
    {"ln_one_operand", {"ln", "-s", "d/x"}},
    {"ln_missing_hard", {"ln", "nope", "h"}},
    {"ln_dir_hard", {"ln", "d", "h"}},
    {"ln_sfn", {"ln", "-sfn", "e", "dlink"}},
    {"ln_sf_dirlink", {"ln", "-sf", "e", "dlink"}},
    {"ln_sr", {"ln", "-sr", "d/sub/y", "e/ylink"}},
    {"ln_sr_v", {"ln", "-srv", "f.txt", "d/sub/flink"}},
    {"ln_r_no_s", {"ln", "-r", "a", "b"}},
    {"ln_not_dir", {"ln", "-s", "a", "b", "g"}},
    {"ln_T", {"ln", "-sT", "a", "e"}},
    {"ln_t", {"ln", "-s", "-t", "e", "/a", "/b"}},
    {"ln_no_operand", {"ln"}},
    // touch
    {"touch_new", {"touch", "new"}},
    {"touch_c", {"touch", "-c", "new"}},
    {"touch_missing_dir", {"touch", "x/y"}},
    {"touch_no_operand", {"touch"}},
    {"touch_bad_date", {"touch", "-d", "garbage", "a"}},
    {"touch_bad_stamp", {"touch", "-t", "99999", "a"}},
    // chmod
    {"chmod_octal", {"chmod", "600", "a"}},
    {"chmod_symbolic", {"chmod", "u+x,go-w", "a"}},
    {"chmod_a_eq", {"chmod", "a=r", "a"}},
    {"chmod_plus_x", {"chmod", "+x", "a"}},
    {"chmod_minus_r", {"chmod", "-r", "a"}},
    {"chmod_X", {"chmod", "-R", "a+X", "d", "a"}},
    {"chmod_R", {"chmod", "-R", "700", "d"}},
    {"chmod_v", {"chmod", "-v", "644", "a", "g"}},
    {"chmod_c", {"chmod", "-c", "644", "a", "g"}},
    {"chmod_missing", {"chmod", "644", "nope"}},
    {"chmod_bad_mode", {"chmod", "xyz", "a"}},
    {"chmod_no_file", {"chmod", "644"}},
    {"chmod_no_operand", {"chmod"}},
    {"chmod_reference", {"chmod", "--reference=g", "a"}},
    {"chmod_copy_perm", {"chmod", "g=u", "g"}},
    {"chmod_setuid", {"chmod", "u+s,g+s,+t", "a"}},
    {"chmod_4digit", {"chmod", "2755", "a"}},
    {"chmod_dangling", {"chmod", "644", "dangling"}},
    {"chmod_eq_empty", {"chmod", "go=", "g"}},
    {"chmod_o_eq_u", {"chmod", "o=u", "b"}},
};

INSTANTIATE_TEST_SUITE_P(Files, OpsDiff, ::testing::ValuesIn(kCases),
                         [](const ::testing::TestParamInfo<Case>& info) { return std::string(info.param.name); });

// Commands whose output depends only on their arguments and the tree.
struct PathCase {
  const char* name;
  std::vector<std::string> argv;
};

void PrintTo(const PathCase& c, std::ostream* os) { *os << c.name; }

class PathDiff : public ::testing::TestWithParam<PathCase> {};

TEST_P(PathDiff, MatchesGnu) {
  DiffFixture f;
  f.setup("mkdir -p d/sub e; touch a d/x; ln -s d dl; ln -s ../a d/up; ln -s nowhere dangling; ln -s loop1 loop2; ln -s loop2 loop1; ln -s /etc abs");
  EXPECT_SAME_AS_HOST(f, GetParam().argv);
}

const PathCase kPathCases[] = {
    {"basename_plain", {"basename", "/usr/lib/x.so"}},
    {"basename_suffix", {"basename", "/usr/lib/x.so", ".so"}},
    {"basename_suffix_whole", {"basename", ".so", ".so"}},
    {"basename_trailing", {"basename", "/usr/lib/"}},
    {"basename_root", {"basename", "/"}},
    {"basename_slashes", {"basename", "//"}},
    {"basename_empty", {"basename", ""}},
    {"basename_a", {"basename", "-a", "x/y", "z/w/"}},
    {"basename_s", {"basename", "-s", ".c", "a.c", "b.c", "c.h"}},
    {"basename_z", {"basename", "-z", "a/b"}},
    {"basename_extra", {"basename", "a", "b", "c"}},
    {"basename_none", {"basename"}},
    {"dirname_plain", {"dirname", "/usr/lib/x.so"}},
    {"dirname_rel", {"dirname", "x"}},
    {"dirname_trailing", {"dirname", "/usr/lib/"}},
    {"dirname_root", {"dirname", "/"}},
    {"dirname_slashes", {"dirname", "//a//b//"}},
    {"dirname_many", {"dirname", "a/b", "c", "/d"}},
    {"dirname_empty", {"dirname", ""}},
    {"dirname_none", {"dirname"}},
    {"readlink_plain", {"readlink", "dl"}},
    {"readlink_not_link", {"readlink", "a"}},
    {"readlink_f", {"readlink", "-f", "dl/up"}},
    {"readlink_f_missing_last", {"readlink", "-f", "d/nope"}},
    {"readlink_f_missing_mid", {"readlink", "-f", "nope/x"}},
    {"readlink_e_missing", {"readlink", "-e", "d/nope"}},
    {"readlink_m", {"readlink", "-m", "nope/x/../y"}},
    {"readlink_f_dotdot", {"readlink", "-f", "dl/../a"}},
    {"readlink_f_loop", {"readlink", "-f", "loop1"}},
    {"readlink_ev_loop", {"readlink", "-ev", "loop1"}},
    {"readlink_n", {"readlink", "-n", "dl"}},
    {"readlink_multi", {"readlink", "dl", "dangling", "a"}},
    {"readlink_v_missing", {"readlink", "-v", "nope"}},
    {"readlink_none", {"readlink"}},
    {"readlink_abs", {"readlink", "-f", "abs"}},
    {"realpath_plain", {"realpath", "dl/up"}},
    {"realpath_missing_last", {"realpath", "d/nope"}},
    {"realpath_missing_mid", {"realpath", "nope/x"}},
    {"realpath_e", {"realpath", "-e", "d/nope"}},
    {"realpath_m", {"realpath", "-m", "nope/../x"}},
    {"realpath_s", {"realpath", "-s", "dl/up"}},
    {"realpath_relative_to", {"realpath", "--relative-to=d/sub", "a", "d/x"}},
    {"realpath_relative_base", {"realpath", "--relative-base=d", "a", "d/x"}},
    {"realpath_dangling", {"realpath", "dangling"}},
    {"realpath_loop", {"realpath", "loop1"}},
    {"realpath_q", {"realpath", "-q", "nope/x", "a"}},
    {"realpath_file_slash", {"realpath", "a/"}},
    {"realpath_none", {"realpath"}},
    {"realpath_dot", {"realpath", "."}},
    {"realpath_z", {"realpath", "-z", "a", "d"}},
};

INSTANTIATE_TEST_SUITE_P(Files, PathDiff, ::testing::ValuesIn(kPathCases),
                         [](const ::testing::TestParamInfo<PathCase>& info) { return std::string(info.param.name); });

}  // namespace
}  // namespace burrow::testing

