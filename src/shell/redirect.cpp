// Redirections through the process's FdTable, and process substitution.
#include <cstring>

#include "process/pipe.h"
#include "process/string_files.h"
#include "shell/interp.h"

namespace burrow::shell {
namespace {

class NullFile : public vfs::File {
 public:
  explicit NullFile(int flags) : flags_(flags) {}
  vfs::Error read(void*, size_t, size_t& got) override {
    got = 0;
    return {};
  }
  vfs::Error write(const void*, size_t n, size_t& written) override {
    written = n;
    return {};
  }
  vfs::Error stat(vfs::Stat& out) override {
    out = vfs::Stat{};
    out.mode = S_IFCHR | 0666;
    out.rdev = (1 << 8) | 3;
    return {};
  }
  int open_flags() const override { return flags_; }

 private:
  int flags_;
};

bool all_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (!isdigit(static_cast<unsigned char>(c))) return false;
  return true;
}

}  // namespace

vfs::Error Interp::open_file(const std::string& path, int flags, vfs::FilePtr& out) {
  std::string p = abspath(path);
  if (p == "/dev/null") {
    out = std::make_shared<NullFile>(flags);
    return {};
  }
  int dup_fd = -1;
  if (p == "/dev/stdin") dup_fd = 0;
  else if (p == "/dev/stdout") dup_fd = 1;
  else if (p == "/dev/stderr") dup_fd = 2;
  else if (p.rfind("/dev/fd/", 0) == 0 && all_digits(p.substr(8))) dup_fd = std::atoi(p.c_str() + 8);
  else if (p.rfind("/proc/self/fd/", 0) == 0 && all_digits(p.substr(14))) dup_fd = std::atoi(p.c_str() + 14);
  if (dup_fd >= 0) {
    out = fds.get(dup_fd);
    return out ? vfs::Error{} : vfs::make_error(EBADF);
  }
  vfs::Error e = ctx->fs->open(p, flags, 0666 & ~st.umask, out);
  if (!e && (flags & O_ACCMODE) != O_RDONLY) {
    vfs::Stat s;
    if (!out->stat(s) && S_ISDIR(s.mode)) {
      out.reset();
      return vfs::make_error(EISDIR);
    }
  }
  return e;
}

// {name[subscript]}>file: the element a redirection's descriptor is kept in.
struct FdVarElement {
  std::string base, key;
};
static std::optional<FdVarElement> fd_var_element(const std::string& ref) {
  size_t bracket = ref.find('[');
  if (bracket == std::string::npos) return std::nullopt;
  return FdVarElement{ref.substr(0, bracket), ref.substr(bracket + 1, ref.size() - bracket - 2)};
}

static std::optional<std::string> get_fd_var(Interp& sh, const std::string& ref) {
  auto element = fd_var_element(ref);
  if (!element) return sh.get_var(ref);
  Var* v = sh.find_var(element->base);
  if (!v || !v->set) return std::nullopt;
  if (v->assoc) {
    auto it = v->amap.find(element->key);
    return it == v->amap.end() ? std::nullopt : std::optional<std::string>(it->second);
  }
  long long index = sh.arith_eval(element->key);
  if (!v->is_array) return index == 0 ? std::optional<std::string>(v->value) : std::nullopt;
  if (index < 0 && !v->array.empty()) index += v->array.rbegin()->first + 1;
  auto it = v->array.find(index);
  return it == v->array.end() ? std::nullopt : std::optional<std::string>(it->second);
}

static bool set_fd_var(Interp& sh, const std::string& ref, const std::string& value) {
  auto element = fd_var_element(ref);
  if (!element) return sh.set_var(ref, value);
  if (Var* v = sh.find_var(element->base); v && v->readonly) return false;
  if (!sh.find_var(element->base)) sh.st.globals[element->base].set = false;
  Var& v = *sh.find_var(element->base);
  if (v.assoc) {
    v.amap[element->key] = value;
  } else {
    long long index = sh.arith_eval(element->key);
    if (!v.is_array) {
      v.is_array = true;
      if (v.set) v.array[0] = v.value;
      v.value.clear();
    }
    v.array[index] = value;
  }
  v.set = true;
  return true;
}

bool Interp::apply_redirects(const std::vector<Redirect>& redirs, std::vector<SavedFd>* saved) {
  for (const Redirect& r : redirs) {
    st.lineno = r.line ? r.line : st.lineno;
    int fd = r.fd;
    bool input = r.op == RedirOp::In || r.op == RedirOp::ReadWrite || r.op == RedirOp::DupIn ||
                 r.op == RedirOp::HereDoc || r.op == RedirOp::HereDocStrip || r.op == RedirOp::HereString;
    if (fd < 0) fd = input ? 0 : 1;
    bool alloc_var = !r.fd_var.empty();
    if (alloc_var) {
      if (r.op == RedirOp::DupOut || r.op == RedirOp::DupIn) {
        std::string t = expand_word_string(r.target);
        if (t == "-") {
          auto v = get_fd_var(*this, r.fd_var);
          if (v && all_digits(*v)) fds.close(std::atoi(v->c_str()));
          continue;
        }
      }
      fd = fds.lowest_free(10);
      if (fd < 0) {
        error("redirection error: cannot duplicate fd: Too many open files");
        return false;
      }
      set_fd_var(*this, r.fd_var, std::to_string(fd));
    }
    auto save = [&](int f) {
      if (saved && !alloc_var) saved->push_back({f, fds.get(f)});
    };
    auto target_path = [&](std::string& out) -> bool {
      // Brace expansion to several words is ambiguous, as bash has it.
      if (may_brace_expand(r.target) && brace_expand_word(r.target).size() > 1) {
        error(r.target.raw + ": ambiguous redirect");
        return false;
      }
      std::vector<Field> fields = expand_word_fields(r.target, true);
      if (fields.size() != 1) {
        error(r.target.raw + ": ambiguous redirect");
        return false;
      }
      out = fields[0].text;
      if (fields[0].glob && !st.opts.noglob) {
        auto g = glob(fields[0].pattern);
        if (g.size() == 1) out = g[0];
        else if (g.size() > 1) {
          error(r.target.raw + ": ambiguous redirect");
          return false;
        } else if (st.opts.failglob && (has_glob_chars(fields[0].pattern) ||
                                        (st.opts.extglob && has_extglob(fields[0].pattern)))) {
          error("no match: " + out);
          return false;
        }
      }
      return true;
    };
    switch (r.op) {
      case RedirOp::In:
      case RedirOp::Out:
      case RedirOp::Append:
      case RedirOp::Clobber:
      case RedirOp::ReadWrite:
      case RedirOp::OutErr:
      case RedirOp::AppendOutErr: {
        std::string path;
        if (!target_path(path)) return false;
        int flags = O_RDONLY;
        switch (r.op) {
          case RedirOp::Out:
          case RedirOp::Clobber:
          case RedirOp::OutErr:
            flags = O_WRONLY | O_CREAT | O_TRUNC;
            break;
          case RedirOp::Append:
          case RedirOp::AppendOutErr:
            flags = O_WRONLY | O_CREAT | O_APPEND;
            break;
          case RedirOp::ReadWrite:
            flags = O_RDWR | O_CREAT;
            break;
          default:
            break;
        }
        if (st.opts.noclobber && (r.op == RedirOp::Out || r.op == RedirOp::OutErr)) {
          vfs::Stat s;
          if (!ctx->fs->stat(abspath(path), s) && S_ISREG(s.mode)) {
            error(path + ": cannot overwrite existing file");
            return false;
          }
        }
        if (path.empty()) {
          error(": No such file or directory");
          return false;
        }
        vfs::FilePtr file;
        if (vfs::Error e = open_file(path, flags, file)) {
          error(path + ": " + vfs::error_text(e));
          return false;
        }
        if (r.op == RedirOp::OutErr || r.op == RedirOp::AppendOutErr) {
          save(1);
          save(2);
          fds.set(1, file);
          fds.set(2, file);
        } else {
          save(fd);
          if (!fds.set(fd, file)) {
            error(std::to_string(fd) + ": Bad file descriptor");
            return false;
          }
        }
        break;
      }
      case RedirOp::DupIn:
      case RedirOp::DupOut: {
        std::string t = expand_word_string(r.target);
        if (t == "-") {
          save(fd);
          fds.close(fd);
          break;
        }
        // `>& 1*` globs its word first: a file named 10 makes it `>&10`.
        if (!t.empty() && !all_digits(t) && !(t.back() == '-' && all_digits(t.substr(0, t.size() - 1)))) {
          std::string globbed;
          if (!target_path(globbed)) return false;
          t = globbed;
        }
        bool move = false;
        std::string num = t;
        if (!num.empty() && num.back() == '-') {
          move = true;
          num.pop_back();
        }
        if (t.empty()) {
          // An unquoted word that expanded to nothing names no file; "" is no descriptor.
          bool quoted = r.target.raw.find_first_of("'\"") != std::string::npos;
          error(r.target.raw + (quoted ? ": Bad file descriptor" : ": ambiguous redirect"));
          return false;
        }
        if (!all_digits(num)) {
          if (r.op == RedirOp::DupOut && (r.fd < 0 || r.fd == 1)) {
            // `>& file` and `1>& file` are `&> file`: one word, globbed as a file name.
            std::string path;
            if (!target_path(path)) return false;
            vfs::FilePtr file;
            if (vfs::Error e = open_file(path, O_WRONLY | O_CREAT | O_TRUNC, file)) {
              error(path + ": " + vfs::error_text(e));
              return false;
            }
            save(1);
            save(2);
            fds.set(1, file);
            fds.set(2, file);
            break;
          }
          // bash names the word as written: `${COPROC[0]}: ambiguous redirect`.
          error((r.target.raw.empty() ? t : r.target.raw) + ": ambiguous redirect");
          return false;
        }
        int src = std::atoi(num.c_str());
        vfs::FilePtr file = fds.get(src);
        if (!file) {
          error((r.target.raw.empty() ? num : r.target.raw) + ": Bad file descriptor");
          return false;
        }
        bool was_closed = !fds.get(fd);
        save(fd);
        fds.set(fd, file);
        if (move && src != fd) {
          save(src);
          if (saved && !alloc_var) saved->back().lost_in_shell = was_closed;
          fds.close(src);
        }
        break;
      }
      case RedirOp::HereDoc:
      case RedirOp::HereDocStrip: {
        std::string body;
        if (r.heredoc_quoted) {
          for (const WordPart& p : r.heredoc_body.parts) body += p.text;
        } else {
          body = expand_heredoc(r.heredoc_body);
        }
        save(fd);
        fds.set(fd, make_string_source(std::move(body)));
        break;
      }
      case RedirOp::HereString: {
        std::string body = expand_word_string(r.target) + "\n";
        save(fd);
        fds.set(fd, make_string_source(std::move(body)));
        break;
      }
    }
  }
  return true;
}

void Interp::restore_redirects(std::vector<SavedFd>& saved, bool in_shell) {
  for (auto it = saved.rbegin(); it != saved.rend(); ++it)
    if (!(in_shell && it->lost_in_shell)) fds.set(it->fd, it->file);
  saved.clear();
}

std::string Interp::process_substitution(const List& body, bool output) {
  PipeEnds ends = make_pipe(&ctx->cancel);
  int fd = 63;
  while (fd > 10 && fds.is_open(fd)) --fd;
  auto job = std::make_shared<Job>();
  job->status = std::make_shared<std::atomic<int>>(-1);
  job->done = std::make_shared<std::atomic<bool>>(false);
  std::shared_ptr<Interp> child(fork_child().release());
  if (output) child->fds.set(0, ends.read);
  else child->fds.set(1, ends.write);
  fds.set(fd, output ? ends.write : ends.read);
  ends = PipeEnds{};
  procsubst_fds_.push_back(fd);
  List copy = body.clone();
  auto status = job->status;
  auto done = job->done;
  job->pid = child->st.bashpid;
  job->thread = std::thread([child, copy = std::move(copy), status, done]() mutable {
    set_current_process(child.get());
    int s = 0;
    try {
      s = child->execute_list(copy);
    } catch (const ExitSignal& e) {
      s = e.status;
    } catch (const FatalSignal& e) {
      s = e.status;
    } catch (...) {
      s = 1;
    }
    child->fds = FdTable{};
    status->store(s);
    done->store(true);
    set_current_process(nullptr);
  });
  jobs.push_back(job);
  st.last_bg_pid = job->pid;
  return "/dev/fd/" + std::to_string(fd);
}

}  // namespace burrow::shell
