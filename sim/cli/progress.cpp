#include "progress.hpp"

#include <unistd.h>

#include <cstdio>

#include "parley/core/cluster.hpp"

namespace parley::cli {

ProgressBar::ProgressBar(std::string what, bool enabled)
    : what_(std::move(what)),
      active_(enabled && ::isatty(STDERR_FILENO) == 1 && cluster().rank() == 0),  // one bar under MPI
      start_(std::chrono::steady_clock::now()),
      last_(start_) {}

ProgressBar::~ProgressBar() {
  if (drawn_) std::fprintf(stderr, "\r\033[K");
}

void ProgressBar::update(std::uint64_t done, std::uint64_t total) {
  if (!active_ || total == 0) return;
  const auto now = std::chrono::steady_clock::now();
  // Short runs finish before the bar would help; redraw at most 10 times a second.
  if (now - start_ < std::chrono::milliseconds(300) || (drawn_ && now - last_ < std::chrono::milliseconds(100))) {
    return;
  }
  last_ = now;
  drawn_ = true;
  constexpr int kWidth = 30;
  const double fraction = static_cast<double>(done) / static_cast<double>(total);
  const int filled = static_cast<int>(fraction * kWidth);
  const double seconds = std::chrono::duration<double>(now - start_).count();
  std::fprintf(stderr, "\r%s [%.*s%*s] %3.0f%%  %.2g draws/s", what_.c_str(), filled, "##############################",
               kWidth - filled, "", 100.0 * fraction, static_cast<double>(done) / seconds);
  std::fflush(stderr);
}

}  // namespace parley::cli
