// `coproc [NAME] command`: a background job joined to the shell by two
// pipes, whose shell-side ends are NAME[0] (read what it writes) and NAME[1]
// (write to its stdin); NAME_PID is its pid.
#include "process/pipe.h"
#include "shell/interp.h"
#include "shell/printer.h"

namespace burrow::shell {
namespace {

// bash moves each end of its two pipes to the highest free descriptor below
// 64, in the order shell-read, coproc-write, coproc-read, shell-write, then
// closes the coproc's ends in the shell: the first coproc gets 63 and 60.
std::vector<int> high_fds(const FdTable& fds, int count) {
  std::vector<int> out;
  for (int fd = 63; fd >= 10 && static_cast<int>(out.size()) < count; --fd)
    if (!fds.is_open(fd)) out.push_back(fd);
  for (int from = 10; static_cast<int>(out.size()) < count; ++from) {
    // More than fifty descriptors open: take the lowest free ones above them.
    int fd = fds.lowest_free(from);
    if (fd < 0) break;
    if (std::find(out.begin(), out.end(), fd) == out.end()) out.push_back(fd);
    from = fd;
  }
  return out;
}

}  // namespace

void Interp::reap_coproc() {
  if (!coproc_ || !coproc_->job->done->load()) return;
  Coproc& cp = *coproc_;
  if (fds.get(cp.read_fd).get() == cp.read_end) fds.close(cp.read_fd);
  if (fds.get(cp.write_fd).get() == cp.write_end) fds.close(cp.write_fd);
  st.globals.erase(cp.name);
  st.globals.erase(cp.name + "_PID");
  coproc_.reset();
}

int Interp::execute_coproc(const CoprocCommand& c) {
  reap_coproc();
  if (coproc_) {
    error("warning: execute_coproc: coproc [" + std::to_string(coproc_->pid) + ":" + coproc_->name +
          "] still exists");
  }
  if (Var* v = find_var(c.name); v && v->readonly) {
    error(c.name + ": readonly variable");
    return 1;
  }
  std::vector<int> numbers = high_fds(fds, 4);
  if (numbers.size() < 4) {
    error("coproc: cannot make pipe for coprocess: Too many open files");
    return 1;
  }
  int read_fd = numbers[0], write_fd = numbers[3];
  PipeEnds from_coproc = make_pipe(cancel_token());
  PipeEnds to_coproc = make_pipe(cancel_token());

  std::shared_ptr<Interp> child(fork_child().release());
  child->fds.set(0, to_coproc.read);
  child->fds.set(1, from_coproc.write);
  std::shared_ptr<const Command> body(c.body->clone().release());
  auto job = start_job(std::move(child), print_command_oneline(c),
                       [body](Interp& sh) { return sh.execute_command(*body); });
  // Only the coprocess holds its ends now: its stdout closing is our EOF.
  from_coproc.write.reset();
  to_coproc.read.reset();

  fds.set(read_fd, from_coproc.read);
  fds.set(write_fd, to_coproc.write);
  Var fd_array;
  fd_array.is_array = true;
  fd_array.array[0] = std::to_string(read_fd);
  fd_array.array[1] = std::to_string(write_fd);
  st.globals[c.name] = std::move(fd_array);
  Var pid_var;
  pid_var.value = std::to_string(job->pid);
  st.globals[c.name + "_PID"] = std::move(pid_var);
  coproc_ = Coproc{c.name, job->pid, read_fd, write_fd, from_coproc.read.get(), to_coproc.write.get(), job};
  return 0;
}

}  // namespace burrow::shell
