#include "process/cancel.h"

namespace burrow {

void CancelToken::cancel(int signal) {
  int expected = 0;
  signal_.compare_exchange_strong(expected, signal);
  std::lock_guard<std::mutex> lock(mutex_);
  wake_.notify_all();
}

void CancelToken::reset() {
  signal_.store(0);
  deadline_ns_.store(0);
}

void CancelToken::set_deadline(Clock::time_point when) {
  deadline_ns_.store(when.time_since_epoch().count());
}

bool CancelToken::past_deadline() const {
  int64_t deadline = deadline_ns_.load(std::memory_order_relaxed);
  return deadline != 0 && Clock::now().time_since_epoch().count() >= deadline;
}

bool CancelToken::sleep_until(Clock::time_point until) {
  std::unique_lock<std::mutex> lock(mutex_);
  while (!cancelled()) {
    if (Clock::now() >= until) return true;
    auto slice = std::min<Clock::time_point>(until, Clock::now() + wait_slice);
    wake_.wait_until(lock, slice);
  }
  return false;
}

}  // namespace burrow
