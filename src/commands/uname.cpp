// uname: print system information (GNU coreutils 9). The sandbox reports a
// fixed Linux x86_64 identity whose node name is the sandbox's host name.
#include "commands/args.h"
#include "commands/common/fs_util.h"

namespace burrow {
namespace {

enum Opt { kAll, kKernelName, kNodename, kKernelRelease, kKernelVersion, kMachine, kProcessor, kPlatform, kOs };

constexpr OptionSpec kOptions[] = {
    {kAll, 'a', "all", ArgKind::kNone, "print all information, in the following order, except omit -p and -i if unknown:"},
    {kKernelName, 's', "kernel-name", ArgKind::kNone, "print the kernel name"},
    {kNodename, 'n', "nodename", ArgKind::kNone, "print the network node hostname"},
    {kKernelRelease, 'r', "kernel-release", ArgKind::kNone, "print the kernel release"},
    {kKernelVersion, 'v', "kernel-version", ArgKind::kNone, "print the kernel version"},
    {kMachine, 'm', "machine", ArgKind::kNone, "print the machine hardware name"},
    {kProcessor, 'p', "processor", ArgKind::kNone, "print the processor type (non-portable)"},
    {kPlatform, 'i', "hardware-platform", ArgKind::kNone, "print the hardware platform (non-portable)"},
    {kOs, 'o', "operating-system", ArgKind::kNone, "print the operating system"},
};

constexpr CommandSpec kSpec{"Usage: uname [OPTION]...",
                            "Print certain system information.  With no OPTION, same as -s.", kOptions};

int run_uname(Invocation& inv) {
  ParsedArgs args;
  if (auto status = parse_args(inv, kSpec, args)) return *status;
  if (!args.operands.empty()) {
    inv.error("extra operand " + fsu::quote_arg(inv, args.operands[0]));
    print_try_help(inv);
    return 1;
  }
  bool all = args.has(kAll);
  bool any = false;
  std::string out;
  auto add = [&](int id, const std::string& value, bool in_all = true) {
    if (!args.has(id) && !(all && in_all)) return;
    if (any) out += ' ';
    out += value;
    any = true;
  };
  add(kKernelName, "Linux");
  add(kNodename, fsu::host_name(inv.fs));
  add(kKernelRelease, "6.1.0-burrow");
  add(kKernelVersion, "#1 SMP PREEMPT_DYNAMIC Debian 6.1.0");
  add(kMachine, "x86_64");
  add(kProcessor, "unknown", false);
  add(kPlatform, "unknown", false);
  add(kOs, "GNU/Linux");
  if (!any) out = "Linux";
  inv.out() << out << '\n';
  return 0;
}

int run_arch(Invocation& inv) {
  static constexpr CommandSpec spec{"Usage: arch [OPTION]...", "Print machine architecture.", {}};
  ParsedArgs args;
  if (auto status = parse_args(inv, spec, args)) return *status;
  if (!args.operands.empty()) {
    inv.error("extra operand " + fsu::quote_arg(inv, args.operands[0]));
    print_try_help(inv);
    return 1;
  }
  inv.out() << "x86_64\n";
  return 0;
}

}  // namespace

BURROW_COMMAND(uname, "print system information", run_uname);
BURROW_COMMAND(arch, "print machine hardware name (same as uname -m)", run_arch);

}  // namespace burrow
