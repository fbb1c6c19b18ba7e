// Helpers shared by the file utilities (ls, stat, cp, du, ...): mode strings,
// GNU quoting for diagnostics, human-readable sizes, user and group names from
// the sandbox's /etc/passwd and /etc/group, time formatting and file copying.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "commands/command.h"
#include "vfs/filesystem.h"

namespace burrow::fsu {

// "drwxr-xr-x" (10 characters) as ls -l and stat %A print it.
std::string mode_string(uint32_t mode);
// The type letter ls -l uses: '-', 'd', 'l', 'c', 'b', 'p', 's'.
char type_char(uint32_t mode);
// "regular file", "directory", ... as stat %F prints it (size decides "regular empty file").
std::string type_name(uint32_t mode, int64_t size);

// GNU's quote(): 'name' in diagnostics, with shell-escape rules for awkward names.
std::string quote(std::string_view name);
// Shell-escape quoting only when needed (ls on a terminal, stat %N).
std::string shell_quote_if_needed(std::string_view name);

// ls -h / du -h: "1.5K", "23M" (powers of 1024, rounded up). si: powers of 1000.
std::string human_size(uint64_t bytes, bool si = false);

// Names from the sandbox's /etc/passwd and /etc/group; numbers when unknown.
std::string user_name(vfs::Filesystem& fs, uint32_t uid);
std::string group_name(vfs::Filesystem& fs, uint32_t gid);
std::optional<uint32_t> user_id(vfs::Filesystem& fs, std::string_view name);
std::optional<uint32_t> group_id(vfs::Filesystem& fs, std::string_view name);
// The primary group of a user (fourth field of /etc/passwd).
std::optional<uint32_t> user_gid(vfs::Filesystem& fs, uint32_t uid);

// Broken-down time. Burrow's clock is UTC unless TZ names a fixed offset
// ("UTC", "UTC0", "EST5", "UTC-3", "<+03>-3"): no zone database is read.
struct CivilTime {
  int year, month, day, hour, minute, second, wday, yday;  // month 1-12, wday 0=Sunday
  int64_t nsec = 0;
  int gmtoff = 0;          // seconds east of UTC
  std::string zone = "UTC";
};
CivilTime civil_time(int64_t sec, int64_t nsec, int gmtoff = 0, std::string zone = "UTC");
// Offset and abbreviation from a TZ value (empty or unknown: UTC).
void parse_tz(std::string_view tz, int& gmtoff, std::string& zone);
CivilTime local_time(const Invocation& inv, vfs::Timespec t);
int64_t days_from_civil(int64_t y, unsigned m, unsigned d);
// strftime-like formatting with GNU extensions (%N, %-d, %_H, %:z ...).
std::string format_time(std::string_view fmt, const CivilTime& t);

// Resolves a path whose final component may be a symlink (stat semantics).
bool is_dir(vfs::Filesystem& fs, const std::string& path);
bool exists(vfs::Filesystem& fs, const std::string& path);

// Copies a regular file's bytes; creates/truncates dst with mode.
vfs::Error copy_file_data(vfs::Filesystem& fs, const std::string& src, const std::string& dst, uint32_t mode,
                          bool exclusive = false);

// Removes a path; directories recursively.
vfs::Error remove_tree(vfs::Filesystem& fs, const std::string& path);

// An operand's path with trailing slashes removed (but "/" kept), for
// messages and for naming the last component.
std::string strip_trailing_slashes(std::string_view s);
// basename of an operand as GNU basename computes it (trailing slashes ignored).
std::string base_name(std::string_view s);

// Parses an octal mode or a symbolic mode (chmod syntax) and applies it to
// `mode`. umask applies to symbolic clauses without who. Returns false on a
// malformed spec.
bool apply_mode_spec(std::string_view spec, uint32_t mode, bool is_dir, uint32_t umask, uint32_t& out);

// The sandbox user's umask (0022).
constexpr uint32_t kUmask = 022;

}  // namespace burrow::fsu

namespace burrow::fsu {

enum class Canon { kAllExist, kAllButLast, kMissingOk };
// Resolves every symlink, ".." and "." of an absolute path, as readlink -f/-e/-m.
vfs::Error canonicalize(vfs::Filesystem& fs, const std::string& path, Canon mode, std::string& out);
// A relative path from directory `from` to `to` (both absolute, canonical).
std::string relative_path(const std::string& from, const std::string& to);

// Parses a date as GNU date -d / touch -d do: "@1700000000", ISO 8601,
// "2025-11-22 10:24", "yesterday", "2 days ago", "next monday", "Nov 22 2025"...
// `now` anchors relative items; gmtoff is the local zone's offset.
std::optional<vfs::Timespec> parse_date(std::string_view text, vfs::Timespec now, int gmtoff);

}  // namespace burrow::fsu

namespace burrow::fsu {

// The sandbox user: $USER (or $LOGNAME) looked up in /etc/passwd, else uid 0.
uint32_t current_uid(Invocation& inv);
uint32_t current_gid(Invocation& inv);
// Every group uid belongs to: the primary group, then supplementary groups
// from /etc/group in file order.
std::vector<uint32_t> groups_of(vfs::Filesystem& fs, const std::string& user, uint32_t primary_gid);
// The sandbox's host name: /etc/hostname, else "burrow".
std::string host_name(vfs::Filesystem* fs);

}  // namespace burrow::fsu

namespace burrow::fsu {

// GNU's quote() for arguments that are not file names ("invalid argument
// ‘foo’ for ‘--sort’"): curly quotes when the locale (LC_ALL, LC_CTYPE,
// LANG) is UTF-8, straight quotes otherwise.
std::string quote_arg(const Invocation& inv, std::string_view s);
bool utf8_locale(const Invocation& inv);

// "invalid argument ‘x’ for ‘--opt’" + "Valid arguments are:" list + try-help.
// Each group is printed on one line ("‘always’, ‘yes’, ‘force’").
void invalid_argument(Invocation& inv, std::string_view value, std::string_view option,
                      std::initializer_list<std::initializer_list<const char*>> groups);

}  // namespace burrow::fsu
