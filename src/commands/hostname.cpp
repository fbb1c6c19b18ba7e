// hostname: show the system's host name (net-tools/hostname style).
#include "commands/args.h"
#include "commands/common/fs_util.h"

namespace burrow {
namespace {

enum Opt { kShort, kFqdn, kDomain, kIp, kAllIp };

constexpr OptionSpec kOptions[] = {
    {kShort, 's', "short", ArgKind::kNone, "short host name"},
    {kFqdn, 'f', "fqdn", ArgKind::kNone, "long host name (FQDN)"},
    {kFqdn, 0, "long", ArgKind::kNone, ""},
    {kDomain, 'd', "domain", ArgKind::kNone, "DNS domain name"},
    {kIp, 'i', "ip-address", ArgKind::kNone, "addresses for the host name"},
    {kAllIp, 'I', "all-ip-addresses", ArgKind::kNone, "all addresses for the host"},
};

constexpr CommandSpec kSpec{"Usage: hostname [-s|-f|-d|-i|-I]", "Show the system's host name.", kOptions};

int run_hostname(Invocation& inv) {
  ParsedArgs args;
  if (auto status = parse_args(inv, kSpec, args)) return *status;
  if (!args.operands.empty()) {
    inv.error("you must be root to change the host name");
    return 1;
  }
  std::string name = fsu::host_name(inv.fs);
  if (args.has(kShort)) name = name.substr(0, name.find('.'));
  else if (args.has(kDomain)) {
    size_t dot = name.find('.');
    name = dot == std::string::npos ? "" : name.substr(dot + 1);
  } else if (args.has(kIp) || args.has(kAllIp)) {
    name = args.has(kIp) ? "127.0.1.1" : "";
  }
  inv.out() << name << '\n';
  return 0;
}

}  // namespace

BURROW_COMMAND(hostname, "show the system's host name", run_hostname);

}  // namespace burrow
