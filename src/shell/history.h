// The command history list (the `history` and `fc` builtins) and the
// interactive shell that fills it (`bash -i`, reading commands from stdin).
#pragma once

#include <string>
#include <vector>

namespace burrow {
class InStream;
}

namespace burrow::shell {

class Interp;

// One shell's history: numbered from `base`, trimmed to $HISTSIZE.
struct History {
  std::vector<std::string> lines;
  int base = 1;                // history number of lines[0]
  int lines_this_session = 0;  // added since the shell started or the last `history -a`
  int lines_in_file = 0;       // lines of $HISTFILE already read or written (history -n)
  bool last_line_added = false;  // the command running now was added (fc leaves it out)
  std::string subst_old, subst_new;  // the last :s of history expansion (for :&)
};

// Adds a command line (HISTCONTROL applies), then trims to $HISTSIZE.
void history_add(Interp& sh, std::string line);
// Under set -o history, a non-interactive shell records the lines it reads
// (`text`: whole lines, one command's worth) as the interactive shell does.
void history_record_script_lines(Interp& sh, std::string_view text);
// History expansion of one line (history_expand.cpp).
struct HistExpansion {
  std::string text;         // the line expanded
  bool expanded = false;    // something was replaced
  bool print_only = false;  // a :p modifier: show it, run nothing
  bool failed = false;      // an event or a designator was not found
  std::string error;        // the part that failed
};
// `skip_newest`: the newest entry is the command being read, not one to refer to.
HistExpansion history_expand(Interp& sh, const std::string& line, bool skip_newest = false);
// Called after HISTSIZE / HISTFILESIZE were assigned: bash trims the list /
// the history file at once.
void history_var_assigned(Interp& sh, const std::string& name);

// How the interactive shell starts: the rc file to read first.
struct InteractiveOptions {
  bool norc = false;
  bool editing = true;      // readline echoes each line it reads after the prompt
  std::string rcfile;       // --rcfile; default ~/.bashrc
};
// Reads the startup file of an interactive shell (errors do not end it).
// False when it ran `exit` (the shell's status is then in last_status).
bool interactive_startup(Interp& sh, const InteractiveOptions& o);
// Loads $HISTFILE into the history and sets the interactive defaults.
void interactive_history_init(Interp& sh);
// The interactive loop over the shell's stdin; returns the exit status.
int run_interactive(Interp& sh, const InteractiveOptions& o, InStream& input);
// Saves the session's history to $HISTFILE as an exiting bash does.
void save_history_on_exit(Interp& sh);

}  // namespace burrow::shell
