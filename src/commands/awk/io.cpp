// awk interpreter: input records, getline, output redirections, commands and
// the main BEGIN / records / END driver.
#include <cstring>

#include "commands/awk/runtime.h"

namespace burrow::awk {

namespace {
// Swallows everything: /dev/null when the filesystem has none.
class NullSink : public StringSink {
 public:
  vfs::Error write(const void*, size_t n, size_t& written) override {
    written = n;
    return {};
  }
};
}  // namespace

void Interp::update_rs() {
  std::string rs = to_str(globals_[kRS].v);
  if (rs.empty()) rs_mode_ = 3;
  else if (rs == "\n") rs_mode_ = 0;
  else if (rs.size() == 1) {
    rs_mode_ = 1;
    rs_char_ = rs[0];
  } else rs_mode_ = 2;
}

namespace {
// One delimited chunk from the reader. Returns false at end of input.
bool get_chunk(Reader& r, std::string& out, char delim, bool& ended) {
  if (r.slurped) {
    if (r.buf_pos >= r.buf.size()) return false;
    size_t nl = r.buf.find(delim, r.buf_pos);
    if (nl == std::string::npos) {
      out.assign(r.buf, r.buf_pos, std::string::npos);
      r.buf_pos = r.buf.size();
      ended = false;
    } else {
      out.assign(r.buf, r.buf_pos, nl - r.buf_pos);
      r.buf_pos = nl + 1;
      ended = true;
    }
    return true;
  }
  if (!r.in->read_line(out, delim)) return false;
  ended = r.in->ended_with_delim();
  return true;
}
}  // namespace

bool Interp::read_record(Reader& r, std::string& out) {
  if (r.eof) return false;
  Value& rt = globals_[kRT].v;
  switch (rs_mode_) {
    case 0:
    case 1: {
      bool ended = false;
      char d = rs_mode_ == 0 ? '\n' : rs_char_;
      if (!get_chunk(r, out, d, ended)) return false;
      if (ended) rt.set_str(std::string_view(&d, 1));
      else rt.set_str("");
      check_len(out.size());
      return true;
    }
    case 3: {
      std::string line;
      bool ended = false;
      out.clear();
      bool have = false;
      std::string term;
      while (get_chunk(r, line, '\n', ended)) {
        if (line.empty() && ended) {
          if (!have) continue;
          term = "\n\n";
          // Swallow further blank lines into RT.
          while (true) {
            if (r.slurped) {
              if (r.buf_pos < r.buf.size() && r.buf[r.buf_pos] == '\n') { ++r.buf_pos; term += '\n'; continue; }
              break;
            }
            std::string_view p = r.in->peek();
            if (!p.empty() && p[0] == '\n') { r.in->consume(1); term += '\n'; continue; }
            break;
          }
          break;
        }
        if (have) out += '\n';
        out += line;
        have = true;
        term = ended ? "\n" : "";
        check_len(out.size());
      }
      if (!have) return false;
      rt.set_str(term);
      return true;
    }
    default: {
      if (!r.slurped) {
        r.in->read_all(r.buf);
        r.slurped = true;
        check_len(r.buf.size());
      }
      if (r.buf_pos >= r.buf.size()) return false;
      const text::Regex& re = dynamic_regex(to_str(globals_[kRS].v));
      text::Match m;
      size_t pos = r.buf_pos;
      while (pos <= r.buf.size() && re.search(r.buf, pos, &m)) {
        size_t b = static_cast<size_t>(m[0].begin), e = static_cast<size_t>(m[0].end);
        if (e == b) {
          pos = b + 1;
          continue;
        }
        out.assign(r.buf, r.buf_pos, b - r.buf_pos);
        rt.set_str(std::string_view(r.buf).substr(b, e - b));
        r.buf_pos = e;
        return true;
      }
      out.assign(r.buf, r.buf_pos, std::string::npos);
      r.buf_pos = r.buf.size();
      rt.set_str("");
      return true;
    }
  }
}

bool Interp::open_next_file() {
  Array& argv = *globals_[kARGV].arr;
  while (true) {
    long long argc = to_int(to_num(globals_[kARGC].v));
    if (argv_index_ >= argc) {
      if (used_file_operand_ || main_done_) return false;
      used_file_operand_ = true;
      main_reader_ = Reader();
      main_reader_.in = &inv_.in();
      main_open_ = true;
      globals_[kFNR].v.set_num(0);
      return true;
    }
    std::string key = std::to_string(argv_index_++);
    auto it = argv.map.find(key);
    if (it == argv.map.end()) {
      // Jump over the gap to the next element that exists: a huge ARGC with
      // a sparse ARGV must not become a loop of billions of lookups.
      long long next = argc;
      for (auto& element : argv.map) {
        const std::string& k = element.first;
        if (k.empty() || k.size() > 18 || k.find_first_not_of("0123456789") != std::string::npos) continue;
        long long n = std::stoll(k);
        if (std::to_string(n) == k && n >= argv_index_ && n < next) next = n;
      }
      argv_index_ = next;
      continue;
    }
    std::string arg = to_str(it->second);
    if (arg.empty()) continue;
    size_t eq = arg.find('=');
    if (eq != std::string::npos && eq > 0 && (isalpha(static_cast<unsigned char>(arg[0])) || arg[0] == '_')) {
      bool ident = true;
      for (size_t i = 0; i < eq; ++i) {
        if (!isalnum(static_cast<unsigned char>(arg[i])) && arg[i] != '_') ident = false;
      }
      if (ident) {
        assign_var(arg.substr(0, eq), arg.substr(eq + 1));
        continue;
      }
    }
    used_file_operand_ = true;
    main_reader_ = Reader();
    if (arg == "-" || arg == "/dev/stdin") {
      main_reader_.in = &inv_.in();
    } else {
      vfs::FilePtr file;
      if (vfs::Error err = inv_.fs->open(inv_.path(arg), O_RDONLY, 0, file)) {
        throw Fatal{progname_ + ": fatal: cannot open file `" + arg + "' for reading: " + err.message(), true};
      }
      vfs::Stat st;
      if (!file->stat(st) && S_ISDIR(st.mode)) {
        flush_all();
        inv_.err() << progname_ << ": warning: command line argument `" << arg << "' is a directory: skipped\n";
        continue;
      }
      main_reader_.owned = std::make_unique<InStream>(file);
      main_reader_.in = main_reader_.owned.get();
    }
    globals_[kFILENAME].v.set_str(arg);
    globals_[kFNR].v.set_num(0);
    main_open_ = true;
    if (prog_.has_beginfile) run_rules(PatternKind::kBeginFile);
    return true;
  }
}

void Interp::assign_var(const std::string& name, const std::string& raw) {
  auto it = prog_.global_index.find(name);
  if (it == prog_.global_index.end()) {
    int idx = static_cast<int>(prog_.globals.size());
    prog_.globals.push_back(name);
    prog_.global_index.emplace(name, idx);
    globals_.resize(prog_.globals.size());
    it = prog_.global_index.find(name);
  }
  Node n;
  n.kind = NodeKind::kVar;
  n.index = it->second;
  n.str = name;
  Value v;
  v.set_strnum(unescape(raw));
  if (globals_[static_cast<size_t>(n.index)].arr) fatal("cannot use array `" + name + "' as a scalar");
  assign(&n, std::move(v));
}

int Interp::getline_main(std::string& out) {
  while (true) {
    if (!main_open_) {
      if (main_done_ || !open_next_file()) {
        main_done_ = true;
        return 0;
      }
    }
    if (read_record(main_reader_, out)) return 1;
    if (prog_.has_endfile) run_rules(PatternKind::kEndFile);
    main_open_ = false;
    main_reader_ = Reader();
  }
}

OutStream& Interp::output_for(Node* dest, int mode) {
  std::string name = eval_str(dest);
  auto it = outputs_.find(name);
  if (it != outputs_.end()) return *it->second->stream;
  if (mode != '|') {
    if (name == "/dev/stdout" || name == "-") return inv_.out();
    if (name == "/dev/stderr") return inv_.err();
  }
  auto o = std::make_unique<Output>();
  if (mode == '|') {
    o->is_pipe = true;
    o->sink = std::make_shared<StringSink>(inv_.limits ? inv_.limits->max_string_bytes : UINT64_MAX);
    o->stream = std::make_unique<OutStream>(o->sink);
  } else {
    vfs::FilePtr file;
    int flags = O_WRONLY | O_CREAT | (mode == 'a' ? O_APPEND : O_TRUNC);
    vfs::Error err = inv_.fs->open(inv_.path(name), flags, 0644, file);
    if (err && name == "/dev/null") {
      file = std::make_shared<NullSink>();
      err = {};
    }
    if (err) {
      fatal("can't redirect to `" + name + "' (" + err.message() + ")");
    }
    o->stream = std::make_unique<OutStream>(file);
  }
  OutStream& s = *o->stream;
  outputs_.emplace(name, std::move(o));
  output_order_.push_back(name);
  return s;
}

int Interp::close_stream(const std::string& name) {
  int result = -1;
  auto it = outputs_.find(name);
  if (it != outputs_.end()) {
    std::unique_ptr<Output> o = std::move(it->second);
    outputs_.erase(it);
    output_order_.erase(std::find(output_order_.begin(), output_order_.end(), name));
    o->stream->flush();
    result = 0;
    if (o->is_pipe) {
      std::string data = o->sink->take();
      result = run_command_feed(name, data);
    }
  }
  auto rt = readers_.find(name);
  if (rt != readers_.end()) {
    readers_.erase(rt);
    result = 0;
  }
  return result;
}

void Interp::close_all() {
  std::vector<std::string> names = output_order_;
  for (const auto& n : names) close_stream(n);
}

void Interp::flush_all() {
  inv_.out().flush();
  for (auto& [name, o] : outputs_) {
    if (!o->is_pipe) o->stream->flush();
  }
}

namespace {
Invocation child_of(Invocation& inv, FdTable& fds) {
  Invocation child;
  child.argv = {"sh"};
  child.fds = &fds;
  child.fs = inv.fs;
  child.cwd = inv.cwd;
  child.env = inv.env;
  child.host = inv.host;
  child.cancel = inv.cancel;
  child.limits = inv.limits;
  return child;
}
}  // namespace

int Interp::run_command_capture(const std::string& cmd, std::string& out) {
  flush_all();
  if (!inv_.host) return 127;
  auto sink = std::make_shared<StringSink>(inv_.limits ? inv_.limits->max_string_bytes : UINT64_MAX);
  FdTable fds;
  fds.set(0, inv_.fds->get(0));
  fds.set(1, sink);
  fds.set(2, inv_.fds->get(2));
  Invocation child = child_of(inv_, fds);
  int status = inv_.host->run_script(cmd, child);
  out = sink->take();
  return status;
}

int Interp::run_command_feed(const std::string& cmd, const std::string& in) {
  flush_all();
  inv_.err().flush();
  if (!inv_.host) return 127;
  FdTable fds;
  fds.set(0, make_string_source(in));
  fds.set(1, inv_.fds->get(1));
  fds.set(2, inv_.fds->get(2));
  Invocation child = child_of(inv_, fds);
  return inv_.host->run_script(cmd, child);
}

int Interp::system_cmd(const std::string& cmd) {
  flush_all();
  inv_.err().flush();
  if (!inv_.host) return 127;
  FdTable fds;
  fds.set(0, inv_.fds->get(0));
  fds.set(1, inv_.fds->get(1));
  fds.set(2, inv_.fds->get(2));
  Invocation child = child_of(inv_, fds);
  return inv_.host->run_script(cmd, child);
}

void Interp::run_rules(PatternKind kind) {
  bool saved = in_begin_end_;
  in_begin_end_ = kind == PatternKind::kBegin || kind == PatternKind::kEnd;
  for (auto& r : prog_.rules) {
    if (r.kind != kind) continue;
    Flow f = exec(r.action.get());
    if (f == Flow::kExit) {
      exiting_ = true;
      break;
    }
    if (f == Flow::kNextFile && (kind == PatternKind::kBeginFile)) {
      skip_file_ = true;
      break;
    }
  }
  in_begin_end_ = saved;
}

Flow Interp::run_main_rules() {
  for (auto& r : prog_.rules) {
    if (r.kind != PatternKind::kMain) continue;
    bool hit;
    if (!r.pattern) {
      hit = true;
    } else if (r.pattern2) {
      if (r.in_range) {
        hit = true;
        if (to_bool(eval(r.pattern2.get()))) r.in_range = false;
      } else if (to_bool(eval(r.pattern.get()))) {
        hit = true;
        r.in_range = !to_bool(eval(r.pattern2.get()));
      } else {
        hit = false;
      }
    } else {
      hit = to_bool(eval(r.pattern.get()));
    }
    if (pending_flow_ != Flow::kNormal) {
      Flow f = pending_flow_;
      pending_flow_ = Flow::kNormal;
      return f;
    }
    if (!hit) continue;
    if (!r.action) {
      const std::string& rec = record();
      OutStream& out = inv_.out();
      out.write(rec);
      out.write(ors_);
      if (!out.ok()) throw Cancelled{};
      continue;
    }
    Flow f = exec(r.action.get());
    if (f != Flow::kNormal) return f;
  }
  return Flow::kNormal;
}

int Interp::main(const std::vector<std::string>& operands,
                 const std::vector<std::pair<std::string, std::string>>& assigns) {
  Array& argv = *globals_[kARGV].arr;
  argv.map["0"] = Value(std::string(progname_));
  for (size_t i = 0; i < operands.size(); ++i) argv.map[std::to_string(i + 1)] = Value::strnum(operands[i]);
  globals_[kARGC].v.set_num(static_cast<double>(operands.size() + 1));
  int status = 0;
  try {
    for (const auto& [name, val] : assigns) assign_var(name, val);
    run_rules(PatternKind::kBegin);
    if (!exiting_ && (prog_.has_main || prog_.has_end || prog_.has_beginfile || prog_.has_endfile)) {
      std::string rec;
      while (true) {
        check_cancel();
        if (!main_open_) {
          if (main_done_ || !open_next_file()) break;
          if (exiting_) break;
          if (skip_file_) {
            skip_file_ = false;
            main_open_ = false;
            continue;
          }
        }
        if (!read_record(main_reader_, rec)) {
          if (prog_.has_endfile) run_rules(PatternKind::kEndFile);
          main_open_ = false;
          main_reader_ = Reader();
          if (exiting_) break;
          continue;
        }
        globals_[kNR].v.set_num(to_num(globals_[kNR].v) + 1);
        globals_[kFNR].v.set_num(to_num(globals_[kFNR].v) + 1);
        set_record(rec);
        in_main_rules_ = true;
        Flow f = run_main_rules();
        in_main_rules_ = false;
        if (f == Flow::kExit || exiting_) {
          exiting_ = true;
          break;
        }
        if (f == Flow::kNextFile) {
          if (prog_.has_endfile) run_rules(PatternKind::kEndFile);
          main_open_ = false;
          main_reader_ = Reader();
        }
      }
    }
    exiting_ = false;
    run_rules(PatternKind::kEnd);
    status = exit_status_;
    if (file_error_ && status == 0) status = 2;
  } catch (const Fatal& f) {
    in_main_rules_ = false;
    flush_all();
    inv_.err() << f.message << "\n";
    status = 2;
  } catch (const Cancelled&) {
    status = inv_.out().broken_pipe() ? 141 : 130;
  }
  try {
    close_all();
  } catch (const Fatal& f) {
    inv_.err() << f.message << "\n";
    status = 2;
  } catch (const Cancelled&) {
  }
  return status;
}

}  // namespace burrow::awk
