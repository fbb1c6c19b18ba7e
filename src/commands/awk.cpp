// awk, gawk, mawk, nawk: the awk language with gawk 5 semantics.
#include "commands/awk/runtime.h"

namespace burrow {
namespace awk {
namespace {

// gawk's usage text, as `gawk --help` prints it.
void print_usage(OutStream& out, const std::string& name) {
  out << "Usage: " << name << " [POSIX or GNU style options] -f progfile [--] file ...\n";
  out << "Usage: " << name << " [POSIX or GNU style options] [--] 'program' file ...\n";
  out << "POSIX options:\t\tGNU long options: (standard)\n";
  out << "\t-f progfile\t\t--file=progfile\n";
  out << "\t-F fs\t\t\t--field-separator=fs\n";
  out << "\t-v var=val\t\t--assign=var=val\n";
  out << "Short options:\t\tGNU long options: (extensions)\n";
  out << "\t-b\t\t\t--characters-as-bytes\n";
  out << "\t-c\t\t\t--traditional\n";
  out << "\t-C\t\t\t--copyright\n";
  out << "\t-d[file]\t\t--dump-variables[=file]\n";
  out << "\t-D[file]\t\t--debug[=file]\n";
  out << "\t-e 'program-text'\t--source='program-text'\n";
  out << "\t-E file\t\t\t--exec=file\n";
  out << "\t-g\t\t\t--gen-pot\n";
  out << "\t-h\t\t\t--help\n";
  out << "\t-i includefile\t\t--include=includefile\n";
  out << "\t-I\t\t\t--trace\n";
  out << "\t-l library\t\t--load=library\n";
  out << "\t-L[fatal|invalid|no-ext]\t--lint[=fatal|invalid|no-ext]\n";
  out << "\t-M\t\t\t--bignum\n";
  out << "\t-N\t\t\t--use-lc-numeric\n";
  out << "\t-n\t\t\t--non-decimal-data\n";
  out << "\t-o[file]\t\t--pretty-print[=file]\n";
  out << "\t-O\t\t\t--optimize\n";
  out << "\t-p[file]\t\t--profile[=file]\n";
  out << "\t-P\t\t\t--posix\n";
  out << "\t-r\t\t\t--re-interval\n";
  out << "\t-s\t\t\t--no-optimize\n";
  out << "\t-S\t\t\t--sandbox\n";
  out << "\t-t\t\t\t--lint-old\n";
  out << "\t-V\t\t\t--version\n";
  out << "\n";
  out << "To report bugs, use the `gawkbug' program.\n";
  out << "For full instructions, see the node `Bugs' in `gawk.info'\n";
  out << "which is section `Reporting Problems and Bugs' in the\n";
  out << "printed version.  This same information may be found at\n";
  out << "https://www.gnu.org/software/gawk/manual/html_node/Bugs.html.\n";
  out << "PLEASE do NOT try to report bugs by posting in comp.lang.awk,\n";
  out << "or by using a web forum such as Stack Overflow.\n";
  out << "\n";
  out << "" << name << " is a pattern scanning and processing language.\n";
  out << "By default it reads standard input and writes standard output.\n";
  out << "\n";
  out << "Examples:\n";
  out << "\t" << name << " '{ sum += $1 }; END { print sum }' file\n";
  out << "\t" << name << " -F: '{ print $1 }' /etc/passwd\n";
}

}  // namespace

int run(Invocation& inv) {
  std::string progname = inv.name();
  if (size_t slash = progname.rfind('/'); slash != std::string::npos) progname = progname.substr(slash + 1);
  std::vector<Source> sources;
  std::vector<std::pair<std::string, std::string>> assigns;
  std::string fs;
  bool have_fs = false;
  size_t i = 1;
  auto usage = [&]() {
    print_usage(inv.err(), progname);
    return 1;
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
      if (name == "help" || name == "usage") {
        print_usage(inv.out(), progname);
        return 0;
      } else if (name == "version") {
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
      case 'h':
        print_usage(inv.out(), progname);
        return 0;
      case 'V':
        inv.out() << "GNU Awk 5.2.1, API 3.2 (Burrow)\n";
        return 0;
      default:
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
