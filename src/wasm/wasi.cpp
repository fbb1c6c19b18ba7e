// WASI preview 1 imports (module "wasi_snapshot_preview1") over the sandbox.
// Each import is an extern "C" function named as wasm2c names imports,
// `Z_wasi_snapshot_preview1Z_<name>`, taking the WasiContext first. Guest
// pointers are offsets into the instance's linear memory, checked before use:
// a bad one is EFAULT for the program, never a host fault.
#include "wasm/wasi.h"

#include <sys/random.h>
#include <time.h>

#include <algorithm>
#include <chrono>
#include <cstring>
#include <thread>

#include "wasm/thread_state.h"

namespace burrow::wasm {
namespace {

// WASI constants (wasi_snapshot_preview1).
constexpr uint16_t E_SUCCESS = 0, E_BADF = 8, E_EXIST = 20, E_FAULT = 21, E_INTR = 27, E_INVAL = 28,
                   E_IO = 29, E_ISDIR = 31, E_NOENT = 44, E_NOSYS = 52, E_NOTDIR = 54, E_NOTSUP = 58,
                   E_NOTCAPABLE = 76;
constexpr uint8_t FT_UNKNOWN = 0, FT_BLOCK = 1, FT_CHAR = 2, FT_DIR = 3, FT_REGULAR = 4, FT_SYMLINK = 7;
constexpr uint16_t FDF_APPEND = 1;
constexpr uint16_t OF_CREAT = 1, OF_DIRECTORY = 2, OF_EXCL = 4, OF_TRUNC = 8;
constexpr uint32_t LOOKUP_SYMLINK_FOLLOW = 1;
constexpr uint16_t FST_ATIM = 1, FST_ATIM_NOW = 2, FST_MTIM = 4, FST_MTIM_NOW = 8;
constexpr uint64_t R_FD_READ = 1ull << 1, R_FD_SEEK = 1ull << 2, R_FD_TELL = 1ull << 5,
                   R_FD_WRITE = 1ull << 6;
constexpr uint64_t R_ALL = (1ull << 30) - 1;
constexpr uint64_t R_TERMINAL = R_ALL & ~(R_FD_SEEK | R_FD_TELL);

uint16_t errno_table(int e) {
  switch (e) {
    case 0: return 0;
    case E2BIG: return 1; case EACCES: return 2; case EADDRINUSE: return 3; case EADDRNOTAVAIL: return 4;
    case EAFNOSUPPORT: return 5; case EAGAIN: return 6; case EALREADY: return 7; case EBADF: return 8;
    case EBADMSG: return 9; case EBUSY: return 10; case ECANCELED: return 11; case ECHILD: return 12;
    case ECONNABORTED: return 13; case ECONNREFUSED: return 14; case ECONNRESET: return 15;
    case EDEADLK: return 16; case EDESTADDRREQ: return 17; case EDOM: return 18; case EDQUOT: return 19;
    case EEXIST: return 20; case EFAULT: return 21; case EFBIG: return 22; case EHOSTUNREACH: return 23;
    case EIDRM: return 24; case EILSEQ: return 25; case EINPROGRESS: return 26; case EINTR: return 27;
    case EINVAL: return 28; case EIO: return 29; case EISCONN: return 30; case EISDIR: return 31;
    case ELOOP: return 32; case EMFILE: return 33; case EMLINK: return 34; case EMSGSIZE: return 35;
    case EMULTIHOP: return 36; case ENAMETOOLONG: return 37; case ENETDOWN: return 38;
    case ENETRESET: return 39; case ENETUNREACH: return 40; case ENFILE: return 41; case ENOBUFS: return 42;
    case ENODEV: return 43; case ENOENT: return 44; case ENOEXEC: return 45; case ENOLCK: return 46;
    case ENOLINK: return 47; case ENOMEM: return 48; case ENOMSG: return 49; case ENOPROTOOPT: return 50;
    case ENOSPC: return 51; case ENOSYS: return 52; case ENOTCONN: return 53; case ENOTDIR: return 54;
    case ENOTEMPTY: return 55; case ENOTRECOVERABLE: return 56; case ENOTSOCK: return 57;
    case ENOTSUP: return 58; case ENOTTY: return 59; case ENXIO: return 60; case EOVERFLOW: return 61;
    case EOWNERDEAD: return 62; case EPERM: return 63; case EPIPE: return 64; case EPROTO: return 65;
    case EPROTONOSUPPORT: return 66; case EPROTOTYPE: return 67; case ERANGE: return 68; case EROFS: return 69;
    case ESPIPE: return 70; case ESRCH: return 71; case ESTALE: return 72; case ETIMEDOUT: return 73;
    case ETXTBSY: return 74; case EXDEV: return 75;
    default: return E_IO;
  }
}

uint8_t filetype_of(uint32_t mode) {
  switch (mode & S_IFMT) {
    case S_IFREG: return FT_REGULAR;
    case S_IFDIR: return FT_DIR;
    case S_IFLNK: return FT_SYMLINK;
    case S_IFCHR: return FT_CHAR;
    case S_IFBLK: return FT_BLOCK;
    default: return FT_UNKNOWN;  // pipes: WASI has no FIFO type
  }
}

uint64_t to_ns(const vfs::Timespec& t) {
  return static_cast<uint64_t>(t.sec) * 1000000000ull + static_cast<uint64_t>(t.nsec);
}
vfs::Timespec from_ns(uint64_t ns) {
  return {static_cast<int64_t>(ns / 1000000000ull), static_cast<int64_t>(ns % 1000000000ull)};
}

// Access to the guest's linear memory, bounds-checked.
class Guest {
 public:
  explicit Guest(ImportContext* ctx) : mem_(ctx->memory) {}
  bool ok(uint32_t ptr, uint64_t len) const { return mem_ && uint64_t(ptr) + len <= mem_->size; }
  uint8_t* at(uint32_t ptr) const { return mem_->data + ptr; }
  template <class T>
  T get(uint32_t ptr) const {
    T v;
    memcpy(&v, at(ptr), sizeof v);
    return v;
  }
  template <class T>
  bool put(uint32_t ptr, T v) const {
    if (!ok(ptr, sizeof v)) return false;
    memcpy(at(ptr), &v, sizeof v);
    return true;
  }
  bool string(uint32_t ptr, uint32_t len, std::string& out) const {
    if (!ok(ptr, len)) return false;
    out.assign(reinterpret_cast<const char*>(at(ptr)), len);
    return out.find('\0') == std::string::npos;
  }

 private:
  wasm_rt_memory_t* mem_;
};

WasiContext& ctx_of(void* self) { return *static_cast<WasiContext*>(self); }

// Fills a 64-byte filestat.
uint16_t put_filestat(const Guest& g, uint32_t out, const vfs::Stat& st) {
  if (!g.ok(out, 64)) return E_FAULT;
  uint8_t buf[64] = {};
  auto put64 = [&](int off, uint64_t v) { memcpy(buf + off, &v, 8); };
  put64(0, st.dev);
  put64(8, st.ino);
  buf[16] = filetype_of(st.mode);
  put64(24, st.nlink);
  put64(32, static_cast<uint64_t>(st.size));
  put64(40, to_ns(st.atime));
  put64(48, to_ns(st.mtime));
  put64(56, to_ns(st.ctime));
  memcpy(g.at(out), buf, 64);
  return E_SUCCESS;
}

vfs::TimeChange time_change(uint64_t value, uint16_t flags, uint16_t set_bit, uint16_t now_bit) {
  if (flags & now_bit) return vfs::TimeChange::set_now();
  if (flags & set_bit) return vfs::TimeChange::at(from_ns(value));
  return vfs::TimeChange::omit();
}

// Reads or writes through an iovec array, stopping at the first short transfer.
template <class Op>
uint16_t transfer(const Guest& g, uint32_t iovs, uint32_t count, uint32_t done_ptr, Op op) {
  if (!g.ok(iovs, uint64_t(count) * 8) || !g.ok(done_ptr, 4)) return E_FAULT;
  uint64_t total = 0;
  for (uint32_t i = 0; i < count; ++i) {
    uint32_t buf = g.get<uint32_t>(iovs + i * 8), len = g.get<uint32_t>(iovs + i * 8 + 4);
    if (!g.ok(buf, len)) return E_FAULT;
    if (len == 0) continue;
    size_t got = 0;
    vfs::Error err = op(g.at(buf), len, got);
    total += got;
    if (err) {
      if (total == 0) return wasi_errno(err);
      break;  // report what was transferred; the error comes on the next call
    }
    if (got < len) break;
  }
  g.put<uint32_t>(done_ptr, static_cast<uint32_t>(total));
  return E_SUCCESS;
}

}  // namespace

uint16_t wasi_errno(int posix_errno) { return errno_table(posix_errno); }

WasiContext::WasiContext(Invocation& inv, std::vector<std::string> args, const Environment& env)
    : inv_(inv), args_(std::move(args)) {
  for (const auto& [name, value] : env) environ_.push_back(name + "=" + value);
  for (int n = 0; n < 3; ++n) {
    vfs::FilePtr file = inv.fds ? inv.fds->get(n) : nullptr;
    if (!file) {
      fds_.emplace_back();
      continue;
    }
    Fd fd;
    fd.file = file;
    int access = file->open_flags() & O_ACCMODE;
    fd.rights_base = file->is_terminal() ? R_TERMINAL : R_ALL;
    if (access == O_RDONLY) fd.rights_base &= ~R_FD_WRITE;
    if (access == O_WRONLY) fd.rights_base &= ~R_FD_READ;
    if (file->open_flags() & O_APPEND) fd.fdflags |= FDF_APPEND;
    fds_.emplace_back(std::move(fd));
  }
  Fd root;
  root.path = "/";
  root.is_dir = true;
  root.preopen = true;
  root.rights_base = root.rights_inheriting = R_ALL;
  fds_.emplace_back(std::move(root));
}

uint32_t WasiContext::add_fd(Fd fd) {
  for (uint32_t n = 0; n < fds_.size(); ++n)
    if (!fds_[n]) {
      fds_[n] = std::move(fd);
      return n;
    }
  fds_.emplace_back(std::move(fd));
  return static_cast<uint32_t>(fds_.size() - 1);
}

bool WasiContext::renumber(uint32_t from, uint32_t to) {
  if (!fd(from) || !fd(to)) return false;
  fds_[to] = std::move(fds_[from]);
  fds_[from].reset();
  return true;
}

uint16_t WasiContext::resolve(uint32_t dir, std::string_view rel, std::string& out) {
  Fd* d = fd(dir);
  if (!d) return E_BADF;
  if (!d->is_dir) return E_NOTDIR;
  out = vfs::normalize(rel, d->path);
  return E_SUCCESS;
}

}  // namespace burrow::wasm

using namespace burrow;
using namespace burrow::wasm;
using u32 = uint32_t;
using u64 = uint64_t;

// Every import runs its body inside a HostCall (a cancellation signal then
// waits) and honours a pending cancellation once the body's objects are gone:
// after_host_call() may unwind, and no frame it skips owns anything.
template <class Body>
static u32 host_call(void* self, Body body) {
  u32 result;
  {
    HostCall host_call_guard;
    WasiContext& ctx = ctx_of(self);
    result = body(ctx, Guest(&ctx));
  }
  after_host_call();
  return result;
}
#define WASI_CONTEXT [[maybe_unused]] WasiContext& ctx, [[maybe_unused]] const Guest& g

// --- arguments and environment -------------------------------------------

static u32 put_strings(const Guest& g, const std::vector<std::string>& strings, u32 ptrs, u32 buf) {
  uint64_t need = 0;
  for (const auto& s : strings) need += s.size() + 1;
  if (!g.ok(ptrs, uint64_t(strings.size()) * 4) || !g.ok(buf, need)) return E_FAULT;
  for (const auto& s : strings) {
    g.put<u32>(ptrs, buf);
    memcpy(g.at(buf), s.c_str(), s.size() + 1);
    ptrs += 4;
    buf += static_cast<u32>(s.size() + 1);
  }
  return E_SUCCESS;
}

static u32 put_sizes(const Guest& g, const std::vector<std::string>& strings, u32 count_ptr, u32 size_ptr) {
  uint64_t size = 0;
  for (const auto& s : strings) size += s.size() + 1;
  if (!g.put<u32>(count_ptr, static_cast<u32>(strings.size())) || !g.put<u32>(size_ptr, static_cast<u32>(size)))
    return E_FAULT;
  return E_SUCCESS;
}

extern "C" u32 Z_wasi_snapshot_preview1Z_args_get(void* self, u32 argv, u32 buf) {
  HostCall host_call;
  return put_strings(Guest(&ctx_of(self)), ctx_of(self).args(), argv, buf);
}
extern "C" u32 Z_wasi_snapshot_preview1Z_args_sizes_get(void* self, u32 count, u32 size) {
  HostCall host_call;
  return put_sizes(Guest(&ctx_of(self)), ctx_of(self).args(), count, size);
}
extern "C" u32 Z_wasi_snapshot_preview1Z_environ_get(void* self, u32 env, u32 buf) {
  HostCall host_call;
  return put_strings(Guest(&ctx_of(self)), ctx_of(self).environ(), env, buf);
}
extern "C" u32 Z_wasi_snapshot_preview1Z_environ_sizes_get(void* self, u32 count, u32 size) {
  HostCall host_call;
  return put_sizes(Guest(&ctx_of(self)), ctx_of(self).environ(), count, size);
}

// --- clocks, randomness, scheduling ---------------------------------------

static clockid_t host_clock(u32 id) {
  switch (id) {
    case 0: return CLOCK_REALTIME;
    case 1: return CLOCK_MONOTONIC;
    default: return CLOCK_THREAD_CPUTIME_ID;  // process and thread CPU time: the instance's thread
  }
}

extern "C" u32 Z_wasi_snapshot_preview1Z_clock_res_get(void* self, u32 id, u32 out) {
  HostCall host_call;
  if (id > 3) return E_INVAL;
  timespec ts{};
  clock_getres(host_clock(id), &ts);
  return Guest(&ctx_of(self)).put<u64>(out, u64(ts.tv_sec) * 1000000000ull + u64(ts.tv_nsec)) ? E_SUCCESS : E_FAULT;
}

extern "C" u32 Z_wasi_snapshot_preview1Z_clock_time_get(void* self, u32 id, u64, u32 out) {
  HostCall host_call;
  if (id > 3) return E_INVAL;
  timespec ts{};
  clock_gettime(host_clock(id), &ts);
  return Guest(&ctx_of(self)).put<u64>(out, u64(ts.tv_sec) * 1000000000ull + u64(ts.tv_nsec)) ? E_SUCCESS : E_FAULT;
}

extern "C" u32 Z_wasi_snapshot_preview1Z_random_get(void* self, u32 buf, u32 len) {
  HostCall host_call;
  Guest g(&ctx_of(self));
  if (!g.ok(buf, len)) return E_FAULT;
  for (u32 done = 0; done < len;) {
    ssize_t n = getrandom(g.at(buf + done), len - done, 0);
    if (n < 0) {
      if (errno == EINTR) continue;
      return E_IO;
    }
    done += static_cast<u32>(n);
  }
  return E_SUCCESS;
}

extern "C" u32 Z_wasi_snapshot_preview1Z_sched_yield(void*) {
  std::this_thread::yield();
  after_host_call();
  return E_SUCCESS;
}

extern "C" void Z_wasi_snapshot_preview1Z_proc_exit(void* self, u32 code) {
  static_cast<ImportContext*>(self)->exit_code = static_cast<int>(code);
  unwind(kUnwindExit);
}

extern "C" u32 Z_wasi_snapshot_preview1Z_proc_raise(void*, u32) { return E_NOSYS; }

// poll_oneoff: clock subscriptions are sleeps (cancellable); fd subscriptions
// are ready when data can be read now, or always for writes and files.
extern "C" u32 Z_wasi_snapshot_preview1Z_poll_oneoff(void* self, u32 in, u32 out, u32 count, u32 nevents) {
  return host_call(self, [&](WASI_CONTEXT) -> u32 {
    if (count == 0) return E_INVAL;
    if (!g.ok(in, uint64_t(count) * 48) || !g.ok(out, uint64_t(count) * 32) || !g.ok(nevents, 4)) return E_FAULT;
    using Clock = std::chrono::steady_clock;
    auto now_realtime_ns = [] {
      timespec ts{};
      clock_gettime(CLOCK_REALTIME, &ts);
      return u64(ts.tv_sec) * 1000000000ull + u64(ts.tv_nsec);
    };
    std::optional<Clock::time_point> wake;
    for (u32 i = 0; i < count; ++i) {
      u32 sub = in + i * 48;
      if (g.get<uint8_t>(sub + 8) != 0) continue;
      u32 clock_id = g.get<u32>(sub + 16);
      u64 timeout = g.get<u64>(sub + 24);
      bool absolute = g.get<uint16_t>(sub + 40) & 1;
      u64 relative = timeout;
      if (absolute) {
        u64 now = clock_id == 0 ? now_realtime_ns()
                                : u64(std::chrono::duration_cast<std::chrono::nanoseconds>(
                                          Clock::now().time_since_epoch()).count());
        relative = timeout > now ? timeout - now : 0;
      }
      auto at = Clock::now() + std::chrono::nanoseconds(std::min<u64>(relative, u64(1) << 62));
      if (!wake || at < *wake) wake = at;
    }
    CancelToken* cancel = ctx.invocation().cancel;
    for (;;) {
      u32 ready = 0;
      auto emit = [&](u32 sub, uint8_t type, uint16_t error, u64 nbytes) {
        u32 ev = out + ready * 32;
        memset(g.at(ev), 0, 32);
        g.put<u64>(ev, g.get<u64>(sub));
        g.put<uint16_t>(ev + 8, error);
        g.put<uint8_t>(ev + 10, type);
        g.put<u64>(ev + 16, nbytes);
        ++ready;
      };
      for (u32 i = 0; i < count; ++i) {
        u32 sub = in + i * 48;
        uint8_t type = g.get<uint8_t>(sub + 8);
        if (type == 0) continue;
        if (type > 2) {
          emit(sub, type, E_INVAL, 0);
          continue;
        }
        WasiContext::Fd* fd = ctx.fd(g.get<u32>(sub + 16));
        if (!fd || !fd->file) emit(sub, type, E_BADF, 0);
        else if (type == 2 || fd->file->can_read_now()) emit(sub, type, E_SUCCESS, 1);
      }
      bool timed_out = wake && Clock::now() >= *wake;
      if (timed_out)
        for (u32 i = 0; i < count; ++i)
          if (g.get<uint8_t>(in + i * 48 + 8) == 0) emit(in + i * 48, 0, E_SUCCESS, 0);
      if (ready > 0) {
        g.put<u32>(nevents, ready);
        return E_SUCCESS;
      }
      auto slice = Clock::now() + CancelToken::wait_slice;
      if (wake && *wake < slice) slice = *wake;
      if (cancel) {
        if (!cancel->sleep_until(slice)) return E_INTR;
      } else {
        std::this_thread::sleep_until(slice);
      }
    }
  });
}

// --- descriptors ------------------------------------------------------------

extern "C" u32 Z_wasi_snapshot_preview1Z_fd_close(void* self, u32 fd) {
  return host_call(self, [&](WASI_CONTEXT) -> u32 {
    WasiContext::Fd* f = ctx.fd(fd);
    if (!f) return E_BADF;
    if (f->preopen) return E_NOTSUP;
    ctx.close_fd(fd);
    return E_SUCCESS;
  });
}

extern "C" u32 Z_wasi_snapshot_preview1Z_fd_renumber(void* self, u32 from, u32 to) {
  return host_call(self, [&](WASI_CONTEXT) -> u32 {
    return ctx.renumber(from, to) ? E_SUCCESS : E_BADF;
  });
}

extern "C" u32 Z_wasi_snapshot_preview1Z_fd_fdstat_get(void* self, u32 fd, u32 out) {
  return host_call(self, [&](WASI_CONTEXT) -> u32 {
    WasiContext::Fd* f = ctx.fd(fd);
    if (!f) return E_BADF;
    if (!g.ok(out, 24)) return E_FAULT;
    uint8_t type = FT_DIR;
    if (f->file) {
      vfs::Stat st;
      type = f->file->is_terminal() ? FT_CHAR : (f->file->stat(st) ? FT_UNKNOWN : filetype_of(st.mode));
    }
    memset(g.at(out), 0, 24);
    g.put<uint8_t>(out, type);
    g.put<uint16_t>(out + 2, f->fdflags);
    g.put<u64>(out + 8, f->rights_base);
    g.put<u64>(out + 16, f->rights_inheriting);
    return E_SUCCESS;
  });
}

extern "C" u32 Z_wasi_snapshot_preview1Z_fd_fdstat_set_flags(void* self, u32 fd, u32 flags) {
  return host_call(self, [&](WASI_CONTEXT) -> u32 {
    WasiContext::Fd* f = ctx.fd(fd);
    if (!f) return E_BADF;
    f->fdflags = static_cast<uint16_t>(flags);
    return E_SUCCESS;
  });
}

extern "C" u32 Z_wasi_snapshot_preview1Z_fd_fdstat_set_rights(void* self, u32 fd, u64 base, u64 inheriting) {
  return host_call(self, [&](WASI_CONTEXT) -> u32 {
    WasiContext::Fd* f = ctx.fd(fd);
    if (!f) return E_BADF;
    if ((base & ~f->rights_base) || (inheriting & ~f->rights_inheriting)) return E_NOTCAPABLE;
    f->rights_base = base;
    f->rights_inheriting = inheriting;
    return E_SUCCESS;
  });
}

extern "C" u32 Z_wasi_snapshot_preview1Z_fd_prestat_get(void* self, u32 fd, u32 out) {
  return host_call(self, [&](WASI_CONTEXT) -> u32 {
    WasiContext::Fd* f = ctx.fd(fd);
    if (!f || !f->preopen) return E_BADF;
    if (!g.put<u32>(out, 0) || !g.put<u32>(out + 4, static_cast<u32>(f->path.size()))) return E_FAULT;
    return E_SUCCESS;
  });
}

extern "C" u32 Z_wasi_snapshot_preview1Z_fd_prestat_dir_name(void* self, u32 fd, u32 buf, u32 len) {
  return host_call(self, [&](WASI_CONTEXT) -> u32 {
    WasiContext::Fd* f = ctx.fd(fd);
    if (!f || !f->preopen) return E_BADF;
    if (len < f->path.size()) return E_INVAL;
    if (!g.ok(buf, f->path.size())) return E_FAULT;
    memcpy(g.at(buf), f->path.data(), f->path.size());
    return E_SUCCESS;
  });
}

extern "C" u32 Z_wasi_snapshot_preview1Z_fd_read(void* self, u32 fd, u32 iovs, u32 count, u32 nread) {
  return host_call(self, [&](WASI_CONTEXT) -> u32 {
    WasiContext::Fd* f = ctx.fd(fd);
    if (!f) return E_BADF;
    if (!f->file) return E_ISDIR;
    vfs::File& file = *f->file;
    return transfer(g, iovs, count, nread, [&](void* p, size_t n, size_t& got) { return file.read(p, n, got); });
  });
}

extern "C" u32 Z_wasi_snapshot_preview1Z_fd_write(void* self, u32 fd, u32 iovs, u32 count, u32 nwritten) {
  return host_call(self, [&](WASI_CONTEXT) -> u32 {
    WasiContext::Fd* f = ctx.fd(fd);
    if (!f) return E_BADF;
    if (!f->file) return E_ISDIR;
    vfs::File& file = *f->file;
    bool append = f->fdflags & FDF_APPEND;
    return transfer(g, iovs, count, nwritten, [&](void* p, size_t n, size_t& got) {
      if (append) {
        int64_t end;
        if (vfs::Error err = file.seek(0, SEEK_END, end); err && err.value() != ESPIPE) return err;
      }
      return file.write(p, n, got);
    });
  });
}

extern "C" u32 Z_wasi_snapshot_preview1Z_fd_pread(void* self, u32 fd, u32 iovs, u32 count, u64 offset, u32 nread) {
  return host_call(self, [&](WASI_CONTEXT) -> u32 {
    WasiContext::Fd* f = ctx.fd(fd);
    if (!f) return E_BADF;
    if (!f->file) return E_ISDIR;
    vfs::File& file = *f->file;
    int64_t at = static_cast<int64_t>(offset);
    return transfer(g, iovs, count, nread, [&](void* p, size_t n, size_t& got) {
      vfs::Error err = file.pread(p, n, at, got);
      at += static_cast<int64_t>(got);
      return err;
    });
  });
}

extern "C" u32 Z_wasi_snapshot_preview1Z_fd_pwrite(void* self, u32 fd, u32 iovs, u32 count, u64 offset, u32 nwritten) {
  return host_call(self, [&](WASI_CONTEXT) -> u32 {
    WasiContext::Fd* f = ctx.fd(fd);
    if (!f) return E_BADF;
    if (!f->file) return E_ISDIR;
    vfs::File& file = *f->file;
    int64_t at = static_cast<int64_t>(offset);
    return transfer(g, iovs, count, nwritten, [&](void* p, size_t n, size_t& got) {
      vfs::Error err = file.pwrite(p, n, at, got);
      at += static_cast<int64_t>(got);
      return err;
    });
  });
}

extern "C" u32 Z_wasi_snapshot_preview1Z_fd_seek(void* self, u32 fd, u64 offset, u32 whence, u32 out) {
  return host_call(self, [&](WASI_CONTEXT) -> u32 {
    WasiContext::Fd* f = ctx.fd(fd);
    if (!f) return E_BADF;
    if (!f->file) return E_ISDIR;
    if (whence > 2) return E_INVAL;
    static const int host_whence[] = {SEEK_SET, SEEK_CUR, SEEK_END};
    int64_t pos = 0;
    if (vfs::Error err = f->file->seek(static_cast<int64_t>(offset), host_whence[whence], pos)) return wasi_errno(err);
    return g.put<u64>(out, static_cast<u64>(pos)) ? E_SUCCESS : E_FAULT;
  });
}

extern "C" u32 Z_wasi_snapshot_preview1Z_fd_tell(void* self, u32 fd, u32 out) {
  return host_call(self, [&](WASI_CONTEXT) -> u32 {
    WasiContext::Fd* f = ctx.fd(fd);
    if (!f) return E_BADF;
    if (!f->file) return E_ISDIR;
    int64_t pos = 0;
    if (vfs::Error err = f->file->seek(0, SEEK_CUR, pos)) return wasi_errno(err);
    return g.put<u64>(out, static_cast<u64>(pos)) ? E_SUCCESS : E_FAULT;
  });
}

extern "C" u32 Z_wasi_snapshot_preview1Z_fd_sync(void* self, u32 fd) {
  return host_call(self, [&](WASI_CONTEXT) -> u32 {
    WasiContext::Fd* f = ctx.fd(fd);
    if (!f) return E_BADF;
    return f->file ? wasi_errno(f->file->sync()) : E_SUCCESS;
  });
}

extern "C" u32 Z_wasi_snapshot_preview1Z_fd_datasync(void* self, u32 fd) {
  return host_call(self, [&](WASI_CONTEXT) -> u32 {
    WasiContext::Fd* f = ctx.fd(fd);
    if (!f) return E_BADF;
    return f->file ? wasi_errno(f->file->sync()) : E_SUCCESS;
  });
}

extern "C" u32 Z_wasi_snapshot_preview1Z_fd_advise(void* self, u32 fd, u64, u64, u32 advice) {
  return host_call(self, [&](WASI_CONTEXT) -> u32 {
    WasiContext::Fd* f = ctx.fd(fd);
    if (!f) return E_BADF;
    return advice > 5 ? E_INVAL : E_SUCCESS;  // advice is only a hint
  });
}

extern "C" u32 Z_wasi_snapshot_preview1Z_fd_allocate(void* self, u32 fd, u64 offset, u64 len) {
  return host_call(self, [&](WASI_CONTEXT) -> u32 {
    WasiContext::Fd* f = ctx.fd(fd);
    if (!f) return E_BADF;
    if (!f->file) return E_ISDIR;
    vfs::Stat st;
    if (vfs::Error err = f->file->stat(st)) return wasi_errno(err);
    if (offset + len > u64(st.size)) return wasi_errno(f->file->truncate(static_cast<int64_t>(offset + len)));
    return E_SUCCESS;
  });
}

extern "C" u32 Z_wasi_snapshot_preview1Z_fd_filestat_get(void* self, u32 fd, u32 out) {
  return host_call(self, [&](WASI_CONTEXT) -> u32 {
    WasiContext::Fd* f = ctx.fd(fd);
    if (!f) return E_BADF;
    vfs::Stat st;
    vfs::Error err = f->file ? f->file->stat(st) : ctx.invocation().fs->stat(f->path, st);
    if (err) return wasi_errno(err);
    if (f->file && f->file->is_terminal()) st.mode = (st.mode & ~S_IFMT) | S_IFCHR;
    return put_filestat(g, out, st);
  });
}

extern "C" u32 Z_wasi_snapshot_preview1Z_fd_filestat_set_size(void* self, u32 fd, u64 size) {
  return host_call(self, [&](WASI_CONTEXT) -> u32 {
    WasiContext::Fd* f = ctx.fd(fd);
    if (!f) return E_BADF;
    if (!f->file) return E_ISDIR;
    return wasi_errno(f->file->truncate(static_cast<int64_t>(size)));
  });
}

extern "C" u32 Z_wasi_snapshot_preview1Z_fd_filestat_set_times(void* self, u32 fd, u64 atim, u64 mtim, u32 flags) {
  return host_call(self, [&](WASI_CONTEXT) -> u32 {
    WasiContext::Fd* f = ctx.fd(fd);
    if (!f) return E_BADF;
    if (f->path.empty()) return E_NOTSUP;  // inherited stdio has no path
    uint16_t fl = static_cast<uint16_t>(flags);
    return wasi_errno(ctx.invocation().fs->utimes(f->path, time_change(atim, fl, FST_ATIM, FST_ATIM_NOW),
                                                  time_change(mtim, fl, FST_MTIM, FST_MTIM_NOW), true));
  });
}

// fd_readdir: entries (with "." and "..") as 24-byte dirents followed by the
// name; the cookie is the index of the next entry. The listing is taken at
// cookie 0 so that later calls continue the same sequence.
extern "C" u32 Z_wasi_snapshot_preview1Z_fd_readdir(void* self, u32 fd, u32 buf, u32 len, u64 cookie, u32 used) {
  return host_call(self, [&](WASI_CONTEXT) -> u32 {
    WasiContext::Fd* f = ctx.fd(fd);
    if (!f) return E_BADF;
    if (!f->is_dir) return E_NOTDIR;
    if (!g.ok(buf, len) || !g.ok(used, 4)) return E_FAULT;
    if (cookie == 0 || f->listing.empty()) {
      std::vector<vfs::DirEntry> entries;
      if (vfs::Error err = ctx.invocation().fs->readdir(f->path, entries)) return wasi_errno(err);
      vfs::Stat self_st;
      ctx.invocation().fs->stat(f->path, self_st);
      f->listing.clear();
      f->listing.push_back({".", S_IFDIR, self_st.ino});
      f->listing.push_back({"..", S_IFDIR, 0});
      for (auto& e : entries) f->listing.push_back(std::move(e));
    }
    u32 pos = 0;
    for (u64 i = cookie; i < f->listing.size() && pos < len; ++i) {
      const vfs::DirEntry& e = f->listing[i];
      uint8_t header[24] = {};
      u64 next = i + 1, ino = e.ino;
      u32 namelen = static_cast<u32>(e.name.size());
      memcpy(header, &next, 8);
      memcpy(header + 8, &ino, 8);
      memcpy(header + 16, &namelen, 4);
      header[20] = filetype_of(e.type);
      u32 n = std::min<u32>(24, len - pos);
      memcpy(g.at(buf + pos), header, n);
      pos += n;
      n = std::min<u32>(namelen, len - pos);
      memcpy(g.at(buf + pos), e.name.data(), n);
      pos += n;
    }
    g.put<u32>(used, pos);
    return E_SUCCESS;
  });
}

// --- paths --------------------------------------------------------------------

// Reads a guest path and resolves it against a directory descriptor.
static uint16_t guest_path(WasiContext& ctx, const Guest& g, u32 dir, u32 ptr, u32 len, std::string& out) {
  std::string rel;
  if (!g.string(ptr, len, rel)) return g.ok(ptr, len) ? E_INVAL : E_FAULT;
  if (rel.empty()) return E_NOENT;
  return ctx.resolve(dir, rel, out);
}

extern "C" u32 Z_wasi_snapshot_preview1Z_path_open(void* self, u32 dir, u32 dirflags, u32 path, u32 path_len, u32 oflags, u64 rights_base, u64 rights_inheriting, u32 fdflags, u32 fd_out) {
  return host_call(self, [&](WASI_CONTEXT) -> u32 {
    std::string abs;
    if (uint16_t e = guest_path(ctx, g, dir, path, path_len, abs)) return e;
    if (!g.ok(fd_out, 4)) return E_FAULT;
    vfs::Filesystem& fs = *ctx.invocation().fs;
    bool follow = dirflags & LOOKUP_SYMLINK_FOLLOW;
    bool want_write = rights_base & (R_FD_WRITE | (1ull << 22) /* fd_filestat_set_size */) ||
                      (oflags & (OF_CREAT | OF_TRUNC));
    bool want_read = rights_base & (R_FD_READ | (1ull << 14) /* fd_readdir */);

    WasiContext::Fd fd;
    fd.path = abs;
    fd.fdflags = static_cast<uint16_t>(fdflags);
    fd.rights_base = rights_base;
    fd.rights_inheriting = rights_inheriting;

    vfs::Stat st;
    vfs::Error st_err = follow ? fs.stat(abs, st) : fs.lstat(abs, st);
    if (!st_err && S_ISDIR(st.mode)) {
      if ((oflags & OF_CREAT) && (oflags & OF_EXCL)) return E_EXIST;
      if (want_write && (rights_base & R_FD_WRITE)) return E_ISDIR;
      fd.is_dir = true;
      g.put<u32>(fd_out, ctx.add_fd(std::move(fd)));
      return E_SUCCESS;
    }
    if (oflags & OF_DIRECTORY) return st_err ? wasi_errno(st_err) : E_NOTDIR;

    int flags = want_write ? (want_read ? O_RDWR : O_WRONLY) : O_RDONLY;
    if (oflags & OF_CREAT) flags |= O_CREAT;
    if (oflags & OF_EXCL) flags |= O_EXCL;
    if (oflags & OF_TRUNC) flags |= O_TRUNC;
    if (fdflags & FDF_APPEND) flags |= O_APPEND;
    if (!follow) flags |= O_NOFOLLOW;
    if (vfs::Error err = fs.open(abs, flags, 0666 & ~022, fd.file)) return wasi_errno(err);
    g.put<u32>(fd_out, ctx.add_fd(std::move(fd)));
    return E_SUCCESS;
  });
}

extern "C" u32 Z_wasi_snapshot_preview1Z_path_filestat_get(void* self, u32 dir, u32 flags, u32 path, u32 len, u32 out) {
  return host_call(self, [&](WASI_CONTEXT) -> u32 {
    std::string abs;
    if (uint16_t e = guest_path(ctx, g, dir, path, len, abs)) return e;
    vfs::Stat st;
    vfs::Filesystem& fs = *ctx.invocation().fs;
    if (vfs::Error err = (flags & LOOKUP_SYMLINK_FOLLOW) ? fs.stat(abs, st) : fs.lstat(abs, st))
      return wasi_errno(err);
    return put_filestat(g, out, st);
  });
}

extern "C" u32 Z_wasi_snapshot_preview1Z_path_filestat_set_times(void* self, u32 dir, u32 flags, u32 path, u32 len, u64 atim, u64 mtim, u32 fst) {
  return host_call(self, [&](WASI_CONTEXT) -> u32 {
    std::string abs;
    if (uint16_t e = guest_path(ctx, g, dir, path, len, abs)) return e;
    uint16_t fl = static_cast<uint16_t>(fst);
    return wasi_errno(ctx.invocation().fs->utimes(abs, time_change(atim, fl, FST_ATIM, FST_ATIM_NOW),
                                                  time_change(mtim, fl, FST_MTIM, FST_MTIM_NOW),
                                                  flags & LOOKUP_SYMLINK_FOLLOW));
  });
}

extern "C" u32 Z_wasi_snapshot_preview1Z_path_create_directory(void* self, u32 dir, u32 path, u32 len) {
  return host_call(self, [&](WASI_CONTEXT) -> u32 {
    std::string abs;
    if (uint16_t e = guest_path(ctx, g, dir, path, len, abs)) return e;
    return wasi_errno(ctx.invocation().fs->mkdir(abs, 0777 & ~022));
  });
}

extern "C" u32 Z_wasi_snapshot_preview1Z_path_remove_directory(void* self, u32 dir, u32 path, u32 len) {
  return host_call(self, [&](WASI_CONTEXT) -> u32 {
    std::string abs;
    if (uint16_t e = guest_path(ctx, g, dir, path, len, abs)) return e;
    return wasi_errno(ctx.invocation().fs->rmdir(abs));
  });
}

extern "C" u32 Z_wasi_snapshot_preview1Z_path_unlink_file(void* self, u32 dir, u32 path, u32 len) {
  return host_call(self, [&](WASI_CONTEXT) -> u32 {
    std::string abs;
    if (uint16_t e = guest_path(ctx, g, dir, path, len, abs)) return e;
    return wasi_errno(ctx.invocation().fs->unlink(abs));
  });
}

extern "C" u32 Z_wasi_snapshot_preview1Z_path_rename(void* self, u32 dir, u32 old_path, u32 old_len, u32 new_dir, u32 new_path, u32 new_len) {
  return host_call(self, [&](WASI_CONTEXT) -> u32 {
    std::string from, to;
    if (uint16_t e = guest_path(ctx, g, dir, old_path, old_len, from)) return e;
    if (uint16_t e = guest_path(ctx, g, new_dir, new_path, new_len, to)) return e;
    return wasi_errno(ctx.invocation().fs->rename(from, to));
  });
}

extern "C" u32 Z_wasi_snapshot_preview1Z_path_link(void* self, u32 dir, u32, u32 old_path, u32 old_len, u32 new_dir,
                                                    u32 new_path, u32 new_len) {
  return host_call(self, [&](WASI_CONTEXT) -> u32 {
    std::string from, to;
    if (uint16_t e = guest_path(ctx, g, dir, old_path, old_len, from)) return e;
    if (uint16_t e = guest_path(ctx, g, new_dir, new_path, new_len, to)) return e;
    return wasi_errno(ctx.invocation().fs->link(from, to));
  });
}

extern "C" u32 Z_wasi_snapshot_preview1Z_path_symlink(void* self, u32 old_path, u32 old_len, u32 dir, u32 new_path, u32 new_len) {
  return host_call(self, [&](WASI_CONTEXT) -> u32 {
    std::string target, link;
    if (!g.string(old_path, old_len, target)) return E_FAULT;
    if (uint16_t e = guest_path(ctx, g, dir, new_path, new_len, link)) return e;
    return wasi_errno(ctx.invocation().fs->symlink(target, link));
  });
}

extern "C" u32 Z_wasi_snapshot_preview1Z_path_readlink(void* self, u32 dir, u32 path, u32 len, u32 buf, u32 buf_len, u32 used) {
  return host_call(self, [&](WASI_CONTEXT) -> u32 {
    std::string abs, target;
    if (uint16_t e = guest_path(ctx, g, dir, path, len, abs)) return e;
    if (vfs::Error err = ctx.invocation().fs->readlink(abs, target)) return wasi_errno(err);
    u32 n = std::min<u32>(buf_len, static_cast<u32>(target.size()));
    if (!g.ok(buf, n) || !g.ok(used, 4)) return E_FAULT;
    memcpy(g.at(buf), target.data(), n);
    g.put<u32>(used, n);
    return E_SUCCESS;
  });
}

// --- sockets: no networking in the sandbox yet ---------------------------------

extern "C" u32 Z_wasi_snapshot_preview1Z_sock_accept(void*, u32, u32, u32) { return E_NOSYS; }
extern "C" u32 Z_wasi_snapshot_preview1Z_sock_recv(void*, u32, u32, u32, u32, u32, u32) { return E_NOSYS; }
extern "C" u32 Z_wasi_snapshot_preview1Z_sock_send(void*, u32, u32, u32, u32, u32) { return E_NOSYS; }
extern "C" u32 Z_wasi_snapshot_preview1Z_sock_shutdown(void*, u32, u32) { return E_NOSYS; }

// --- the `burrow` module: what WASI lacks ------------------------------------

// initial_cwd(buf, len) -> the length of the sandbox's current directory,
// copied into buf when it fits. A program's start-up code chdir()s there, so
// relative paths mean what they mean in the shell.
extern "C" u32 Z_burrowZ_initial_cwd(void* self, u32 buf, u32 len) {
  HostCall host_call;
  WasiContext& ctx = ctx_of(self);
  Guest g(&ctx);
  const std::string& cwd = ctx.invocation().cwd;
  if (cwd.size() < len && g.ok(buf, cwd.size() + 1)) memcpy(g.at(buf), cwd.c_str(), cwd.size() + 1);
  return static_cast<u32>(cwd.size());
}
