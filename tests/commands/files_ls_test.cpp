// Differential tests for ls against the host's GNU ls.
#include "files_diff.h"

namespace burrow::testing {
namespace {

// A tree with files of several kinds, sizes and ages. Times are fixed so that
// both sides agree on "recent" and "old" dates.
constexpr const char* kTree =
    "mkdir -p d/sub e 'sp ace' ; touch a b c .hidden d/x d/sub/y 'sp ace/z' 'with space' ;"
    "echo hello > f.txt ; printf abc > g.c ; printf '%2000s' x > big ; chmod 755 g.c ;"
    "ln -s f.txt link ; ln -s nowhere dangling ; ln -s d dlink ;"
    "touch -d '2025-01-01 10:00' a ; touch -d '2026-11-20 08:30:15' b ; touch -d '2026-11-22 09:00' c ;"
    "touch -d '2024-06-30 23:59:59' f.txt ; touch -d '2026-10-01 00:00' g.c big ;"
    "touch -h -d '2026-11-02 03:04' link dangling dlink ;"
    "touch -d '2026-01-01' d/x d/sub/y 'sp ace/z' 'with space' .hidden ;"
    "touch -d '2026-02-02' d/sub d 'sp ace' e";

struct Case {
  const char* name;
  std::vector<std::string> argv;
  const char* setup = kTree;
};

void PrintTo(const Case& c, std::ostream* os) { *os << c.name; }

class LsDiff : public ::testing::TestWithParam<Case> {};

TEST_P(LsDiff, MatchesGnu) {
  DiffFixture f;
  f.setup(GetParam().setup);
  EXPECT_SAME_AS_HOST(f, GetParam().argv);
}

const Case kCases[] = {
    {"plain", {"ls"}},
    {"all", {"ls", "-a"}},
    {"almost_all", {"ls", "-A"}},
    {"one", {"ls", "-1"}},
    {"reverse", {"ls", "-r"}},
    {"columns", {"ls", "-C"}},
    {"columns_w40", {"ls", "-C", "-w", "40"}},
    {"columns_w20", {"ls", "-Cw20"}},
    {"columns_all", {"ls", "-Ca"}},
    {"across", {"ls", "-x"}},
    {"across_w30", {"ls", "-x", "--width=30"}},
    {"commas", {"ls", "-m"}},
    {"commas_w20", {"ls", "-m", "-w", "20"}},
    {"classify", {"ls", "-F"}},
    {"slash", {"ls", "-p"}},
    {"file_type", {"ls", "--file-type"}},
    {"classify_columns", {"ls", "-CF"}},
    {"dir_operand", {"ls", "d"}},
    {"dir_slash", {"ls", "d/"}},
    {"two_dirs", {"ls", "d", "e"}},
    {"files_and_dirs", {"ls", "d", "a", "e", "b"}},
    {"dir_flag", {"ls", "-d", "d", "e", "a"}},
    {"dir_flag_none", {"ls", "-d"}},
    {"recursive", {"ls", "-R"}},
    {"recursive_dir", {"ls", "-R", "d"}},
    {"recursive_dir_slash", {"ls", "-R", "d/"}},
    {"recursive_all", {"ls", "-Ra", "d"}},
    {"sort_time", {"ls", "-t"}},
    {"sort_time_rev", {"ls", "-tr"}},
    {"sort_size", {"ls", "-S"}},
    {"sort_size_rev", {"ls", "-Sr"}},
    {"sort_ext", {"ls", "-X"}},
    {"sort_none", {"ls", "-U", "a"}},
    {"sort_word_size", {"ls", "--sort=size"}},
    {"sort_word_time", {"ls", "--sort=time"}},
    {"sort_version",
     {"ls", "-v"},
     "touch a1 a10 a2 a1.1 a1.10 a1.2 b.txt b.tar.gz file-1.0 file-1.10 file-1.9 .x ~t"},
    {"sort_version_all",
     {"ls", "-va"},
     "touch a1 a10 a2 a01 a001 z9 z09 .b10 .b9"},
    {"name_collation", {"ls"}, "touch B a _x Z z 10 9 '#h' ./-dash '~t' 'é' 'E'"},
    {"group_dirs_first", {"ls", "--group-directories-first"}},
    {"group_dirs_first_rev", {"ls", "--group-directories-first", "-r"}},
    {"ignore", {"ls", "-I", "*.c"}},
    {"ignore_long", {"ls", "--ignore=[ab]"}},
    {"hide", {"ls", "--hide=*.txt"}},
    {"hide_with_all", {"ls", "-a", "--hide=*.txt"}},
    {"ignore_backups", {"ls", "-B"}, "touch a a~ b~ c"},
    {"long_files", {"ls", "-l", "a", "b", "c", "f.txt", "g.c", "big"}},
    {"long_old_recent", {"ls", "-l", "a", "f.txt", "c"}},
    {"long_numeric", {"ls", "-n", "a", "b"}},
    {"long_no_owner", {"ls", "-g", "a", "b"}},
    {"long_no_group", {"ls", "-o", "a", "b"}},
    {"long_G", {"ls", "-lG", "a", "b"}},
    {"long_human", {"ls", "-lh", "a", "big", "f.txt"}},
    {"long_si", {"ls", "-l", "--si", "big"}},
    {"long_link", {"ls", "-l", "link", "dangling"}},
    {"long_link_classify", {"ls", "-lF", "link", "g.c"}},
    {"long_full_time", {"ls", "--full-time", "a", "b"}},
    {"long_iso", {"ls", "-l", "--time-style=long-iso", "a", "b"}},
    {"long_full_iso", {"ls", "-l", "--time-style=full-iso", "a"}},
    {"long_iso_style", {"ls", "-l", "--time-style=iso", "a", "c"}},
    {"long_plus_style", {"ls", "-l", "--time-style=+%Y/%m/%d", "a", "c"}},
    {"long_sort_time", {"ls", "-lt", "a", "b", "c", "f.txt"}},
    {"long_dlink", {"ls", "-l", "dlink"}},
    {"dlink_follow", {"ls", "dlink"}},
    {"dlink_H", {"ls", "-lH", "dlink"}},
    {"deref_L", {"ls", "-lL", "link", "a"}},
    {"long_setuid", {"ls", "-l"}, "touch s t u v; chmod 4755 s; chmod 2644 t; chmod 1777 u; chmod 4644 v; touch -d 2026-01-01 s t u v"},
    {"long_modes", {"ls", "-l"}, "touch m1 m2 m3; chmod 000 m1; chmod 777 m2; chmod 640 m3; touch -d 2026-01-01 m1 m2 m3"},
    {"long_sizes_align", {"ls", "-l"}, "printf 1 > s1; printf '%100s' > s100; printf '%12345s' > s12345; touch -d 2026-01-01 s1 s100 s12345"},
    {"human_sizes", {"ls", "-lh"}, "printf '%1023s' > a; printf '%1024s' > b; printf '%1536s' > c; printf '%10240s' > d; printf '%1048576s' > e; printf '%10239s' > f; touch -d 2026-01-01 a b c d e f"},
    {"missing", {"ls", "nope"}},
    {"missing_and_present", {"ls", "nope", "a"}},
    {"missing_quoted", {"ls", "no pe"}},
    {"not_dir_slash", {"ls", "a/"}},
    {"bad_option", {"ls", "--bogus"}},
    {"bad_short_option", {"ls", "-j"}},
    {"bad_sort", {"ls", "--sort=foo"}},
    {"bad_format", {"ls", "--format=foo"}},
    {"bad_width", {"ls", "-w", "x"}},
    {"format_commas", {"ls", "--format=commas"}},
    {"format_long", {"ls", "--format=long", "a"}},
    {"quote_c", {"ls", "-Q"}},
    {"quoting_shell", {"ls", "--quoting-style=shell"}},
    {"quoting_shell_always", {"ls", "--quoting-style=shell-always"}},
    {"quoting_escape", {"ls", "-b"}},
    {"literal", {"ls", "-N"}},
    {"zero", {"ls", "--zero"}},
    {"color_always", {"ls", "--color=always"}},
    {"color_never", {"ls", "--color=never"}},
    {"color_long", {"ls", "-l", "--color=always", "link", "dangling", "g.c", "a"}},
    {"color_classify", {"ls", "-F", "--color=always"}},
    {"size_blocks_files", {"ls", "-s", "a", "big"}},
    {"one_dir_all_long", {"ls", "-la", "e"}},
    {"empty_dir", {"ls", "e"}},
    {"empty_dir_long", {"ls", "-l", "e"}},
    {"many_cols", {"ls", "-C"}, "for i in $(seq 1 60); do touch file$i; done"},
    {"many_across", {"ls", "-x"}, "for i in $(seq 1 60); do touch f$i; done"},
    {"many_commas", {"ls", "-m"}, "for i in $(seq 1 60); do touch f$i; done"},
    {"long_names_cols", {"ls", "-C"}, "touch aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb c d e"},
    {"tabsize0", {"ls", "-C", "-T", "0"}, "for i in $(seq 1 30); do touch file$i; done"},
    {"ctime_sort_cu", {"ls", "-1", "--sort=none", "-d", "a"}},
    {"time_atime", {"ls", "-lu", "--time-style=+%s", "a"}, "touch -a -d @1700000000 a; touch -m -d @1600000000 a"},
    {"time_word_atime", {"ls", "-l", "--time=atime", "--time-style=long-iso", "a"}, "touch -a -d @1700000000 a; touch -m -d @1600000000 a"},
    {"inode_off_size", {"ls", "-1", "--size", "a"}},
    {"help_status", {"ls", "--format"}},
};

INSTANTIATE_TEST_SUITE_P(Files, LsDiff, ::testing::ValuesIn(kCases),
                         [](const ::testing::TestParamInfo<Case>& info) { return std::string(info.param.name); });

}  // namespace
}  // namespace burrow::testing

