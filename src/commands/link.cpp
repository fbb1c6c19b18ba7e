// link, unlink: call the link and unlink functions (GNU coreutils 9).
#include "commands/args.h"
#include "commands/common/fs_util.h"

namespace burrow {
namespace {

bool check_count(Invocation& inv, const ParsedArgs& args, size_t want) {
  if (args.operands.size() < want) {
    if (args.operands.empty()) inv.error("missing operand");
    else inv.error("missing operand after " + fsu::quote_arg(inv, args.operands.back()));
    print_try_help(inv);
    return false;
  }
  if (args.operands.size() > want) {
    inv.error("extra operand " + fsu::quote_arg(inv, args.operands[want]));
    print_try_help(inv);
    return false;
  }
  return true;
}

int run_link(Invocation& inv) {
  static constexpr CommandSpec spec{"Usage: link FILE1 FILE2\n  or:  link OPTION",
                                    "Call the link function to create a link named FILE2 to an existing FILE1.", {}};
  ParsedArgs args;
  if (auto status = parse_args(inv, spec, args)) return *status;
  if (!check_count(inv, args, 2)) return 1;
  const auto& a = args.operands;
  if (vfs::Error err = inv.fs->link(inv.path(a[0]), inv.path(a[1]))) {
    inv.error("cannot create link " + fsu::quote(a[1]) + " to " + fsu::quote(a[0]), err);
    return 1;
  }
  return 0;
}

int run_unlink(Invocation& inv) {
  static constexpr CommandSpec spec{"Usage: unlink FILE\n  or:  unlink OPTION",
                                    "Call the unlink function to remove the specified FILE.", {}};
  ParsedArgs args;
  if (auto status = parse_args(inv, spec, args)) return *status;
  if (!check_count(inv, args, 1)) return 1;
  const std::string& f = args.operands[0];
  std::string path = inv.path(f);
  vfs::Stat st;
  vfs::Error err = inv.fs->lstat(path, st);
  if (!err && S_ISDIR(st.mode)) err = vfs::make_error(EISDIR);
  if (!err) err = inv.fs->unlink(path);
  if (err) {
    inv.error("cannot unlink " + fsu::quote(f), err);
    return 1;
  }
  return 0;
}

}  // namespace

BURROW_COMMAND(link, "call the link function to create a link to a file", run_link);
BURROW_COMMAND(unlink, "call the unlink function to remove the specified file", run_unlink);

}  // namespace burrow
