// A watchdog for fuzz targets that run programs (sed, awk scripts): an input
// may be a legitimate endless loop (`:a;$!ba`), which the sandbox ends by
// cancellation, so the target cancels its token after a second as a session
// deadline would.
#pragma once

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "process/cancel.h"

class FuzzDeadline {
 public:
  explicit FuzzDeadline(burrow::CancelToken& token, std::chrono::milliseconds after = std::chrono::milliseconds(1000))
      : watcher_([this, &token, after] {
          std::unique_lock lock(mutex_);
          if (!wake_.wait_for(lock, after, [this] { return done_; })) token.cancel(15);
        }) {}
  ~FuzzDeadline() {
    {
      std::lock_guard lock(mutex_);
      done_ = true;
    }
    wake_.notify_all();
    watcher_.join();
  }

 private:
  std::mutex mutex_;
  std::condition_variable wake_;
  bool done_ = false;
  std::thread watcher_;
};
