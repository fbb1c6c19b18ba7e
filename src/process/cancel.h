// Cooperative cancellation shared by a session's processes: Ctrl-C, a
// deadline, or a caller's abort sets it; loops, pipe waits and sleeps poll it.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>

namespace burrow {

class CancelToken {
 public:
  using Clock = std::chrono::steady_clock;

  CancelToken() = default;
  // A token of one process (a background job): cancelling it ends that process
  // alone, while cancelling `parent` (the session's) still ends it too. The
  // parent must outlive this token.
  explicit CancelToken(const CancelToken* parent) : parent_(parent) {}

  // Requests cancellation; `signal` is what a shell would report (SIGINT = 2,
  // SIGTERM = 15, ...). Wakes every waiter.
  void cancel(int signal = 2);
  void reset();
  bool cancelled() const {
    return signal_.load(std::memory_order_relaxed) != 0 || (parent_ && parent_->cancelled());
  }
  // The signal this token itself received, not its parent's.
  int own_signal() const { return signal_.load(std::memory_order_relaxed); }
  int signal() const {
    int own = signal_.load(std::memory_order_relaxed);
    return own != 0 || !parent_ ? own : parent_->signal();
  }

  void set_deadline(Clock::time_point when);
  bool past_deadline() const;

  // Sleeps until `until` or until cancelled; returns false when cancelled.
  bool sleep_until(Clock::time_point until);

  // Wakes threads blocked in waits that registered this token (pipes).
  // Waiters use wait_slice() so that they notice cancellation within it.
  static constexpr std::chrono::milliseconds wait_slice{20};

 private:
  const CancelToken* parent_ = nullptr;
  std::atomic<int> signal_{0};
  std::atomic<int64_t> deadline_ns_{0};
  std::mutex mutex_;
  std::condition_variable wake_;
};

}  // namespace burrow
