// tee: read from standard input and write to standard output and files.
#include "commands/args.h"
#include "commands/text/common.h"

namespace burrow {
namespace {

enum Opt { kAppend, kIgnoreInterrupts, kPipeDiag, kOutputError };

constexpr OptionSpec kOptions[] = {
    {kAppend, 'a', "append", ArgKind::kNone, "append to the given FILEs, do not overwrite"},
    {kIgnoreInterrupts, 'i', "ignore-interrupts", ArgKind::kNone, "ignore interrupt signals"},
    {kPipeDiag, 'p', "", ArgKind::kNone, "diagnose errors writing to non pipes"},
    {kOutputError, 0, "output-error", ArgKind::kOptional, "set behavior on write error.  See MODE below", "MODE"},
};

constexpr CommandSpec kSpec{
    "Usage: tee [OPTION]... [FILE]...",
    "Copy standard input to each FILE, and also to standard output.",
    kOptions,
};

int run_tee(Invocation& inv) {
  ParsedArgs args;
  if (auto status = parse_args(inv, kSpec, args)) return *status;
  int flags = O_WRONLY | O_CREAT | (args.has(kAppend) ? O_APPEND : O_TRUNC);
  bool pipe_mode = args.has(kPipeDiag) || args.has(kOutputError);
  int status = 0;
  struct Target {
    std::string name;
    std::unique_ptr<OutStream> out;
  };
  std::vector<Target> targets;
  for (const std::string& name : args.operands) {
    vfs::FilePtr f;
    vfs::Error err = inv.fs ? inv.fs->open(inv.path(name), flags, 0666, f) : vfs::make_error(ENOENT);
    if (err) {
      inv.error(text::quotef(name) + ": " + vfs::error_text(err));
      status = 1;
      continue;
    }
    targets.push_back({name, std::make_unique<OutStream>(f)});
  }
  InStream& in = inv.in();
  OutStream& out = inv.out();
  bool stdout_ok = true;
  char buf[65536];
  while (size_t got = in.read(buf, sizeof buf)) {
    if (stdout_ok) {
      out.write(buf, got);
      out.flush();
      if (!out.ok()) {
        stdout_ok = false;
        if (!pipe_mode && out.broken_pipe()) break;
        if (!out.broken_pipe()) {
          inv.error("standard output: " + vfs::error_text(out.error()));
          status = 1;
        }
      }
    }
    for (Target& t : targets) {
      if (!t.out->ok()) continue;
      t.out->write(buf, got);
      if (!t.out->ok()) {
        inv.error(text::quotef(t.name) + ": " + vfs::error_text(t.out->error()));
        status = 1;
      }
    }
    if (inv.cancelled()) break;
  }
  for (Target& t : targets) {
    if (t.out) {
      t.out->flush();
      if (!t.out->ok() && t.out->error().value() != EPIPE) {
        status = 1;
      }
    }
  }
  if (!in.ok()) {
    inv.error("read error: " + vfs::error_text(in.error()));
    status = 1;
  }
  return status;
}

}  // namespace

BURROW_COMMAND(tee, "read from standard input and write to standard output and files", run_tee);

}  // namespace burrow
