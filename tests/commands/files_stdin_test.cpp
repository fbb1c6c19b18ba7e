// Differential tests for commands that read standard input or only their
// arguments (digests, encodings, path and identity commands), against the
// host's GNU tools.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "support/command_harness.h"

namespace burrow::testing {
namespace {

std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string quoted(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

CommandResult run_host(const std::vector<std::string>& argv, const std::string& input) {
  char tmpl[] = "/tmp/burrow-stdin-XXXXXX";
  std::string dir = mkdtemp(tmpl);
  {
    std::ofstream(dir + "/in", std::ios::binary) << input;
  }
  std::string cmd = "cd " + dir + " && LC_ALL=C.UTF-8 TZ=UTC ";
  for (const auto& a : argv) cmd += quoted(a) + " ";
  cmd += "<in >out 2>err";
  int rc = std::system(cmd.c_str());
  CommandResult r;
  r.status = WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
  r.out = read_text(dir + "/out");
  r.err = read_text(dir + "/err");
  std::filesystem::remove_all(dir);
  return r;
}

struct Case {
  const char* name;
  std::vector<std::string> argv;
  std::string input;
};

void PrintTo(const Case& c, std::ostream* os) { *os << c.name; }

class StdinDiff : public ::testing::TestWithParam<Case> {};

TEST_P(StdinDiff, MatchesGnu) {
  const Case& c = GetParam();
  Environment env{{"LC_ALL", "C.UTF-8"}, {"TZ", "UTC"}};
  CommandResult ours = run_command_in(nullptr, c.argv, c.input, "/", env);
  CommandResult host = run_host(c.argv, c.input);
  EXPECT_EQ(ours.out, host.out);
  EXPECT_EQ(ours.err, host.err);
  EXPECT_EQ(ours.status, host.status);
}

const std::string kBinary("\x00\x01\xff\xfe hello\n\x80", 11);

const Case kCases[] = {
    {"md5_empty", {"md5sum"}, ""},
    {"md5_hello", {"md5sum"}, "hello\n"},
    {"md5_dash", {"md5sum", "-"}, "hello\n"},
    {"md5_tag", {"md5sum", "--tag"}, "hello\n"},
    {"md5_binary", {"md5sum", "-b"}, "hello\n"},
    {"md5_zero", {"md5sum", "-z"}, "hello\n"},
    {"sha1", {"sha1sum"}, "abc"},
    {"sha224", {"sha224sum"}, "abc"},
    {"sha256", {"sha256sum"}, "abc"},
    {"sha256_tag", {"sha256sum", "--tag"}, "abc"},
    {"sha384", {"sha384sum"}, "abc"},
    {"sha512", {"sha512sum"}, "abc"},
    {"b2sum", {"b2sum"}, "abc"},
    {"b2sum_tag", {"b2sum", "--tag"}, "abc"},
    {"md5_bin_data", {"md5sum"}, kBinary},
    {"md5_check_bad_format", {"md5sum", "-c"}, "garbage\n"},
    {"md5_check_tag_meaningless", {"md5sum", "-c", "--tag"}, ""},
    {"md5_status_without_check", {"md5sum", "--status"}, ""},
    {"md5_bad_option", {"md5sum", "-q"}, ""},
    {"cksum_crc", {"cksum"}, "hello\n"},
    {"cksum_crc_empty", {"cksum"}, ""},
    {"cksum_crc_big", {"cksum"}, std::string(100000, 'x')},
    {"cksum_md5", {"cksum", "-a", "md5"}, "hello\n"},
    {"cksum_sha256_untagged", {"cksum", "-a", "sha256", "--untagged"}, "hello\n"},
    {"cksum_bsd", {"cksum", "-a", "bsd"}, "hello\n"},
    {"cksum_sysv", {"cksum", "-a", "sysv"}, "hello\n"},
    {"cksum_bad_algo", {"cksum", "-a", "foo"}, ""},
    {"sum_bsd", {"sum"}, "hello\n"},
    {"sum_bsd_big", {"sum"}, std::string(5000, 'q')},
    {"sum_sysv", {"sum", "-s"}, "hello\n"},
    {"sum_sysv_big", {"sum", "-s"}, std::string(5000, 'q')},
    {"base64_enc", {"base64"}, "hello world\n"},
    {"base64_enc_pad1", {"base64"}, "ab"},
    {"base64_enc_pad2", {"base64"}, "a"},
    {"base64_empty", {"base64"}, ""},
    {"base64_long", {"base64"}, std::string(200, 'z')},
    {"base64_w0", {"base64", "-w0"}, std::string(100, 'z')},
    {"base64_w10", {"base64", "-w", "10"}, "hello world\n"},
    {"base64_bin", {"base64"}, kBinary},
    {"base64_dec", {"base64", "-d"}, "aGVsbG8gd29ybGQK\n"},
    {"base64_dec_bad", {"base64", "-d"}, "aGVsbG8@\n"},
    {"base64_dec_ignore", {"base64", "-di"}, "aGVs@bG8K\n"},
    {"base64_dec_multiline", {"base64", "-d"}, "aGVs\nbG8K\n"},
    {"base64_bad_wrap", {"base64", "-w", "x"}, ""},
    {"base32_enc", {"base32"}, "hello world\n"},
    {"base32_enc_short", {"base32"}, "a"},
    {"base32_dec", {"base32", "-d"}, "NBSWY3DPEB3W64TMMQFA====\n"},
    {"base32_dec_bad", {"base32", "-d"}, "NBSWY3D!\n"},
    {"basenc_base16", {"basenc", "--base16"}, "hello\n"},
    {"basenc_base64url", {"basenc", "--base64url"}, "\xfb\xff\xfe"},
    {"basenc_base32hex", {"basenc", "--base32hex"}, "hello\n"},
    {"basenc_base2msbf", {"basenc", "--base2msbf"}, "AB"},
    {"basenc_base2lsbf", {"basenc", "--base2lsbf"}, "AB"},
    {"basenc_z85", {"basenc", "--z85"}, "hell"},
    {"basenc_base16_dec", {"basenc", "--base16", "-d"}, "68656C6C6F0A"},
    {"basenc_missing", {"basenc"}, "x"},
    {"basename_simple", {"basename", "a/b/c.txt", ".txt"}, ""},
    {"dirname_simple", {"dirname", "a/b/c.txt"}, ""},
    {"date_epoch", {"date", "-d", "@1700000000"}, ""},
    {"date_epoch_u", {"date", "-u", "-d", "@0"}, ""},
    {"date_format", {"date", "-d", "@1700000000", "+%Y-%m-%d %H:%M:%S %Z %z %a %A %b %B %j %u %w"}, ""},
    {"date_format2", {"date", "-d", "@1700000000", "+%C %D %e %F %g %G %h %I %k %l %M %p %P %r %R %s %T %U %V %W %x %X %y"}, ""},
    {"date_format_pad", {"date", "-d", "@1700000000", "+%-d %_m %05Y %^a %#b %10A %-H %3N %N"}, ""},
    {"date_format_colon_z", {"date", "-d", "@1700000000", "+%:z %::z %:::z"}, ""},
    {"date_iso", {"date", "-d", "@1700000000", "-I"}, ""},
    {"date_iso_seconds", {"date", "-d", "@1700000000", "--iso-8601=seconds"}, ""},
    {"date_iso_ns", {"date", "-d", "@1700000000.123456789", "--iso-8601=ns"}, ""},
    {"date_iso_hours", {"date", "-d", "@1700000000", "-Ihours"}, ""},
    {"date_iso_minutes", {"date", "-d", "@1700000000", "-Iminutes"}, ""},
    {"date_rfc_email", {"date", "-d", "@1700000000", "-R"}, ""},
    {"date_rfc3339", {"date", "-d", "@1700000000", "--rfc-3339=seconds"}, ""},
    {"date_rfc3339_date", {"date", "-d", "@1700000000", "--rfc-3339=date"}, ""},
    {"date_iso_input", {"date", "-d", "2025-11-22", "+%s"}, ""},
    {"date_iso_time_input", {"date", "-d", "2025-11-22 10:24:05", "+%s"}, ""},
    {"date_iso_t_input", {"date", "-d", "2025-11-22T10:24:05Z", "+%s"}, ""},
    {"date_iso_offset", {"date", "-d", "2025-11-22T10:24:05+05:30", "+%s"}, ""},
    {"date_month_name", {"date", "-d", "Nov 22 2025", "+%s"}, ""},
    {"date_day_month", {"date", "-d", "22 Nov 2025 10:00", "+%s"}, ""},
    {"date_us", {"date", "-d", "11/22/2025", "+%s"}, ""},
    {"date_rel_from_fixed", {"date", "-d", "2025-11-22 +2 days", "+%F"}, ""},
    {"date_ago_from_fixed", {"date", "-d", "2025-11-22 3 days ago", "+%F"}, ""},
    {"date_month_overflow", {"date", "-d", "2025-01-31 +1 month", "+%F"}, ""},
    {"date_invalid", {"date", "-d", "notadate"}, ""},
    {"date_extra", {"date", "+%s", "x"}, ""},
    {"date_bad_iso", {"date", "-Ifoo"}, ""},
    {"date_noon_rejected", {"date", "-d", "2025-11-22 noon", "+%F %T"}, ""},
    {"date_pm", {"date", "-d", "2025-11-22 3:04pm", "+%F %T"}, ""},
    {"date_week", {"date", "-d", "@1704067200", "+%U %V %W %G %g %j"}, ""},
    {"date_week2", {"date", "-d", "@1735603200", "+%U %V %W %G %g %j"}, ""},
    {"date_neg_epoch", {"date", "-d", "@-86401", "+%F %T"}, ""},
    {"date_percent", {"date", "-d", "@0", "+100%% %q %"}, ""},
    {"xxd", {"xxd"}, std::string("Hello, world! 0123456789abcdef\n\x00\x01", 33)},
    {"xxd_p", {"xxd", "-p"}, std::string(100, 'q')},
    {"xxd_g1_c8", {"xxd", "-g", "1", "-c", "8"}, "Hello, world! 0123456789"},
    {"xxd_u_l", {"xxd", "-u", "-l", "4"}, "Hello"},
    {"xxd_s", {"xxd", "-s", "3"}, "Hello, world"},
    {"xxd_i_stdin", {"xxd", "-i"}, "Hello, world"},
    {"xxd_b", {"xxd", "-b"}, "Hello, world"},
    {"xxd_r", {"xxd", "-r"}, "00000000: 4865 6c6c 6f2c 2077 6f72 6c64 2120 3031  Hello, world! 01\n"},
    {"xxd_rp", {"xxd", "-r", "-p"}, "48656c6c6f0a\n"},
    {"xxd_empty", {"xxd"}, ""},
    {"hexdump", {"hexdump"}, std::string("Hello, world! 0123456789abcdef\n\x00\x01", 33)},
    {"hexdump_C", {"hexdump", "-C"}, std::string("Hello, world! 0123456789abcdef\n\x00\x01", 33)},
    {"hexdump_C_squeeze", {"hexdump", "-C"}, std::string(64, 'a') + "b"},
    {"hexdump_c", {"hexdump", "-c"}, "ab\tc\n\x01\x7f"},
    {"hexdump_b", {"hexdump", "-b"}, "abc"},
    {"hexdump_x", {"hexdump", "-x"}, "abcde"},
    {"hexdump_d", {"hexdump", "-d"}, "abcde"},
    {"hexdump_o", {"hexdump", "-o"}, "abcde"},
    {"hexdump_n_s", {"hexdump", "-C", "-n", "4", "-s", "2"}, "abcdefgh"},
    {"hexdump_empty", {"hexdump", "-C"}, ""},
    {"od_default", {"od"}, std::string("Hello\x80\xff\x01\x00", 9)},
    {"od_c", {"od", "-c"}, std::string("Hello\x80\xff\x01\x00\t\n", 11)},
    {"od_a", {"od", "-a"}, std::string("Hello \x7f\x01\x00", 9)},
    {"od_b", {"od", "-b"}, "Hello"},
    {"od_x", {"od", "-x"}, "Hello"},
    {"od_d", {"od", "-d"}, "Hello"},
    {"od_s", {"od", "-s"}, std::string("He\x80\xffZ", 5)},
    {"od_i", {"od", "-i"}, "Hello, world"},
    {"od_tx1", {"od", "-An", "-tx1"}, "Hello, world! 0123456789"},
    {"od_tx4", {"od", "-t", "x4"}, "Hello, world"},
    {"od_to4", {"od", "-t", "o4"}, "Hello, world"},
    {"od_td1", {"od", "-t", "d1"}, std::string("Hello\x80\xff", 7)},
    {"od_tu1", {"od", "-t", "u1"}, std::string("Hello\x80\xff", 7)},
    {"od_tu2", {"od", "-t", "u2"}, std::string("Hello\x80\xff", 7)},
    {"od_td4", {"od", "-t", "d4"}, std::string("Hello\x80\xff", 7)},
    {"od_td8", {"od", "-t", "d8"}, std::string("Hello\x80\xff\x01\x00", 9)},
    {"od_tx8", {"od", "-t", "x8"}, std::string("Hello\x80\xff\x01\x00", 9)},
    {"od_Ax", {"od", "-Ax", "-tx1"}, "Hello, world"},
    {"od_Ad", {"od", "-Ad", "-c"}, "Hello, world"},
    {"od_w4", {"od", "-w4", "-tx1"}, "Hello, world"},
    {"od_z", {"od", "-t", "x1z"}, std::string("Hello\x80\xff\x01\x00", 9)},
    {"od_two_types", {"od", "-t", "x1", "-t", "c"}, std::string("Hello\x80\xff\x01\x00", 9)},
    {"od_squeeze", {"od", "-c"}, std::string(48, 'a')},
    {"od_v", {"od", "-v", "-c"}, std::string(48, 'a')},
    {"od_j_N", {"od", "-j", "2", "-N", "3", "-c"}, "Hello, world"},
    {"od_empty", {"od"}, ""},
    {"od_bad_type", {"od", "-t", "q"}, ""},
    {"sleep_bad", {"sleep", "x"}, ""},
    {"sleep_none", {"sleep"}, ""},
    {"sleep_zero", {"sleep", "0"}, ""},
    {"sleep_frac", {"sleep", "0.01s"}, ""},
    {"true", {"true"}, ""},
    {"false", {"false"}, ""},
    {"yes_pipe_status", {"true", "x"}, ""},
    {"arch", {"arch"}, ""},
    {"uname_s", {"uname"}, ""},
    {"uname_bad", {"uname", "-q"}, ""},
    {"uname_extra", {"uname", "x"}, ""},
    {"printenv_missing", {"printenv", "NO_SUCH_VAR_X"}, ""},
    {"nproc_bad", {"nproc", "--ignore=x"}, ""},
};

INSTANTIATE_TEST_SUITE_P(Files, StdinDiff, ::testing::ValuesIn(kCases),
                         [](const ::testing::TestParamInfo<Case>& info) { return std::string(info.param.name); });

}  // namespace
}  // namespace burrow::testing
