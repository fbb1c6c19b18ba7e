// Session density: creates N sandboxes in one process, each running one
// small command, and reports memory per idle session, creation time and
// first-command latency (median and p99).
//
//   build/bench/burrow_density [N...]      (default: 1000 10000)
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "burrow/sandbox.h"

namespace {

// Resident set size in bytes, from /proc/self/statm (a measurement of the
// benchmark process itself, not something the product reads).
long long resident_bytes() {
  std::ifstream statm("/proc/self/statm");
  long long pages = 0, resident = 0;
  statm >> pages >> resident;
  return resident * 4096;
}

double percentile(std::vector<double> v, double p) {
  std::sort(v.begin(), v.end());
  size_t i = static_cast<size_t>(p * (v.size() - 1));
  return v[i];
}

void run(int n) {
  using Clock = std::chrono::steady_clock;
  std::vector<std::unique_ptr<burrow::Sandbox>> sessions;
  sessions.reserve(n);
  std::vector<double> create_us, first_us;
  // Warm the process-wide template so the first session is not an outlier.
  burrow::Sandbox::create({})->exec("true");
  long long before = resident_bytes();
  int failures = 0;
  for (int i = 0; i < n; ++i) {
    auto t0 = Clock::now();
    auto sandbox = burrow::Sandbox::create({});
    auto t1 = Clock::now();
    burrow::ExecResult r = sandbox->exec("echo x" + std::to_string(i) + " > note.txt; cat note.txt");
    auto t2 = Clock::now();
    if (r.exit_code != 0 || r.stdout_data != "x" + std::to_string(i) + "\n") ++failures;
    create_us.push_back(std::chrono::duration<double, std::micro>(t1 - t0).count());
    first_us.push_back(std::chrono::duration<double, std::micro>(t2 - t0).count());
    sessions.push_back(std::move(sandbox));
  }
  long long after = resident_bytes();
  std::printf("%6d sessions: %7.1f KB/session  create median %7.1f us p99 %7.1f us  "
              "create+first command median %7.1f us p99 %7.1f us  failures %d\n",
              n, (after - before) / 1024.0 / n, percentile(create_us, 0.5), percentile(create_us, 0.99),
              percentile(first_us, 0.5), percentile(first_us, 0.99), failures);
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<int> counts;
  for (int i = 1; i < argc; ++i) counts.push_back(std::atoi(argv[i]));
  if (counts.empty()) counts = {1000, 10000};
  for (int n : counts) run(n);
  return 0;
}
