#pragma once
// A progress bar on stderr for long runs, shown only when stderr is a terminal.

#include <chrono>
#include <cstdint>
#include <string>

namespace parley::cli {

class ProgressBar {
 public:
  /// Enabled when stderr is a terminal and `enabled` is true.
  ProgressBar(std::string what, bool enabled);
  ~ProgressBar();
  ProgressBar(const ProgressBar&) = delete;
  ProgressBar& operator=(const ProgressBar&) = delete;

  void update(std::uint64_t done, std::uint64_t total);

 private:
  std::string what_;
  bool active_;
  bool drawn_ = false;
  std::chrono::steady_clock::time_point start_;
  std::chrono::steady_clock::time_point last_;
};

}  // namespace parley::cli
