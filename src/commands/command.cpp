#include "commands/command.h"

namespace burrow {

std::string Invocation::getenv(std::string_view key, std::string_view fallback) const {
  if (env) {
    auto it = env->find(key);
    if (it != env->end()) return it->second;
  }
  return std::string(fallback);
}

InStream& Invocation::in() {
  if (!in_) in_ = std::make_unique<InStream>(fds ? fds->get(0) : nullptr);
  return *in_;
}

OutStream& Invocation::out() {
  if (!out_) out_ = std::make_unique<OutStream>(fds ? fds->get(1) : nullptr);
  return *out_;
}

OutStream& Invocation::err() {
  if (!err_) {
    err_ = std::make_unique<OutStream>(fds ? fds->get(2) : nullptr, 4096);
    err_->set_line_buffered(true);
  }
  return *err_;
}

void Invocation::error(std::string_view message) {
  // Keep stdout and stderr in order for readers that merge them (2>&1).
  if (out_) out_->flush();
  OutStream& e = err();
  e << name() << ": " << message << '\n';
  e.flush();
}

void Invocation::error(std::string_view subject, vfs::Error err) {
  std::string message(subject);
  message += ": ";
  message += vfs::error_text(err);
  error(message);
}

int Invocation::finish(int status) {
  if (out_) out_->flush();
  if (err_) err_->flush();
  if (out_ && out_->broken_pipe()) return 141;
  return status;
}

Registry& Registry::global() {
  static Registry registry;
  return registry;
}

void Registry::add(const CommandInfo& info) { commands_[info.name] = info; }

const CommandInfo* Registry::find(std::string_view name) const {
  auto it = commands_.find(name);
  return it == commands_.end() ? nullptr : &it->second;
}

std::vector<std::string_view> Registry::names() const {
  std::vector<std::string_view> out;
  out.reserve(commands_.size());
  for (const auto& [name, info] : commands_) out.push_back(name);
  return out;
}

int run_command(const CommandInfo& command, Invocation& inv) {
  int status = command.run(inv);
  return inv.finish(status);
}

}  // namespace burrow
