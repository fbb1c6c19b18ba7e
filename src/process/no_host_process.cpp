// Security invariant 1, enforced at link time: the product never starts a
// host process. Two of the libraries we link statically can: libmagic runs
// external decompressors (posix_spawnp, fork) and libedit's vi mode runs an
// editor (fork, execlp). The linker's --wrap (CMakeLists.txt) sends every
// call that the linked objects make to these functions here, where it fails
// as a system without processes would.
#include <cerrno>
#include <spawn.h>
#include <unistd.h>

extern "C" {

pid_t __wrap_fork(void) {
  errno = ENOSYS;
  return -1;
}

pid_t __wrap_vfork(void) {
  errno = ENOSYS;
  return -1;
}

int __wrap_execlp(const char*, const char*, ...) {
  errno = ENOSYS;
  return -1;
}

int __wrap_execvp(const char*, char* const[]) {
  errno = ENOSYS;
  return -1;
}

int __wrap_execve(const char*, char* const[], char* const[]) {
  errno = ENOSYS;
  return -1;
}

// posix_spawn reports its error as the return value, not through errno.
int __wrap_posix_spawn(pid_t*, const char*, const posix_spawn_file_actions_t*, const posix_spawnattr_t*,
                       char* const[], char* const[]) {
  return ENOSYS;
}

int __wrap_posix_spawnp(pid_t*, const char*, const posix_spawn_file_actions_t*, const posix_spawnattr_t*,
                        char* const[], char* const[]) {
  return ENOSYS;
}

}  // extern "C"
