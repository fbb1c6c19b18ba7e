// awk, gawk, mawk, nawk: the awk language with gawk 5 semantics.
#include "commands/awk/runtime.h"

namespace burrow {
namespace awk {

int run(Invocation& inv) {
  std::string progname = inv.name();
  if (size_t slash = progname.rfind('/'); slash != std::string::npos) progname = progname.substr(slash + 1);
  std::vector<Source> sources;
  std::vector<std::pair<std::string, std::string>> assigns;
  std::string fs;
  bool have_fs = false;
  size_t i = 1;
  auto usage = [&]() {
    inv.err() << "Usage: " << progname << " [POSIX or GNU style options] -f progfile [--] file ...\n"
              << "Usage: " << progname << " [POSIX or GNU style options] [--] 'program' file ...\n";
    return 2;
  };
  auto take = [&](std::string_view a, size_t skip, std::string& val) -> bool {
    if (a.size() > skip) {
      val = std::string(a.substr(skip));
      return true;
    }
    if (i + 1 >= inv.argv.size()) return false;
    val = inv.argv[++i];
    return true;
  };
  auto add_file = [&](const std::string& path) -> bool {
    std::string text;
    if (vfs::Error err = vfs::read_file(*inv.fs, inv.path(path), text)) {
      inv.err() << progname << ": fatal: cannot open source file `" << path << "' for reading: " << err.message()
                << "\n";
      return false;
    }
    sources.push_back({std::move(text), path});
    return true;
  };
  for (; i < inv.argv.size(); ++i) {
    const std::string& a = inv.argv[i];
    if (a == "--") {
      ++i;
      break;
    }
    if (a.size() < 2 || a[0] != '-') break;
    std::string val;
    if (a.rfind("--", 0) == 0) {
      std::string name = a.substr(2), arg;
      size_t eq = name.find('=');
      bool has = eq != std::string::npos;
      if (has) {
        arg = name.substr(eq + 1);
        name = name.substr(0, eq);
      }
      auto need = [&]() {
        if (has) return true;
        if (i + 1 >= inv.argv.size()) return false;
        arg = inv.argv[++i];
        return true;
      };
      if (name == "version") {
        inv.out() << "GNU Awk 5.2.1, API 3.2 (Burrow)\n";
        return 0;
      } else if (name == "field-separator") {
        if (!need()) return usage();
        fs = arg;
        have_fs = true;
      } else if (name == "assign") {
        if (!need()) return usage();
        size_t e = arg.find('=');
        if (e == std::string::npos) return usage();
        assigns.emplace_back(arg.substr(0, e), arg.substr(e + 1));
      } else if (name == "file") {
        if (!need() || !add_file(arg)) return 2;
      } else if (name == "source") {
        if (!need()) return usage();
        sources.push_back({arg, "cmd. line"});
      } else if (name == "posix" || name == "traditional" || name == "re-interval" || name == "sandbox" ||
                 name == "characters-as-bytes" || name == "use-lc-numeric" || name == "lint" ||
                 name == "non-decimal-data") {
      } else {
        inv.err() << progname << ": unrecognized option '" << a << "'\n";
        return usage();
      }
      continue;
    }
    char o = a[1];
    switch (o) {
      case 'F':
        if (!take(a, 2, val)) return usage();
        fs = val;
        have_fs = true;
        break;
      case 'v': {
        if (!take(a, 2, val)) return usage();
        size_t e = val.find('=');
        if (e == std::string::npos) {
          inv.err() << progname << ": `" << val << "' argument to `-v' not in `var=value' form\n\n";
          return usage();
        }
        assigns.emplace_back(val.substr(0, e), val.substr(e + 1));
        break;
      }
      case 'f':
        if (!take(a, 2, val)) return usage();
        if (!add_file(val)) return 2;
        break;
      case 'e':
        if (!take(a, 2, val)) return usage();
        sources.push_back({val, "cmd. line"});
        break;
      case 'P': case 'c': case 'r': case 'S': case 'b': case 'n': case 'N': case 's':
        break;
      case 'V':
        inv.out() << "GNU Awk 5.2.1, API 3.2 (Burrow)\n";
        return 0;
      default:
        inv.err() << progname << ": invalid option -- '" << o << "'\n";
        return usage();
    }
  }
  if (sources.empty()) {
    if (i >= inv.argv.size()) return usage();
    sources.push_back({inv.argv[i++], "cmd. line"});
  }
  std::vector<std::string> operands(inv.argv.begin() + static_cast<ptrdiff_t>(i), inv.argv.end());
  Program prog;
  try {
    parse_program(sources, prog, progname);
  } catch (const Fatal& f) {
    for (const auto& w : prog.warnings) inv.err() << w << "\n";
    inv.err() << f.message << "\n";
    return f.status;
  }
  for (const auto& w : prog.warnings) inv.err() << w << "\n";
  Interp interp(inv, prog, progname);
  if (have_fs) {
    std::string v = fs;
    assigns.insert(assigns.begin(), {"FS", v});
  }
  return interp.main(operands, assigns);
}

}  // namespace awk

namespace {
int run_awk(Invocation& inv) { return awk::run(inv); }
}  // namespace

BURROW_COMMAND(awk, "pattern scanning and processing language", run_awk);
BURROW_COMMAND(gawk, "pattern scanning and processing language (GNU awk)", run_awk);
BURROW_COMMAND(mawk, "pattern scanning and processing language", run_awk);
BURROW_COMMAND(nawk, "pattern scanning and processing language", run_awk);

}  // namespace burrow
