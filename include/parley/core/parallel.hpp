#pragma once
// Deterministic parallel reduction: work is cut into fixed-size chunks whose
// size does not depend on the thread count, each chunk fills its own partial
// result, and partials are merged strictly in chunk order. The result is
// therefore bit-identical for any number of threads.

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <exception>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace parley {

/// Called between waves of chunks with (items done, items in all).
using ProgressCallback = std::function<void(std::uint64_t, std::uint64_t)>;

/// Number of draws in one chunk: fixed, so results never depend on threads.
inline constexpr std::uint64_t kChunkSize = 4096;

/// Reduces items [0, count) with `process(begin, end, partial)` on chunks of
/// `chunk_size` items, each starting from a copy of `empty`, merged in order by
/// `partial.merge(other)`. Memory: at most a few partials per thread at once.
/// The chunk size must not depend on the thread count; items that cost much
/// (a bargaining game solved by backward induction) take smaller chunks so
/// that a few thousand of them still keep every thread busy.
template <class Partial, class Process>
Partial reduce_chunks(std::uint64_t count, unsigned threads, const Partial& empty, Process&& process,
                      const ProgressCallback& progress = {}, std::uint64_t chunk_size = kChunkSize) {
  threads = std::max(1U, threads);
  chunk_size = std::max<std::uint64_t>(1, chunk_size);
  const std::uint64_t chunks = (count + chunk_size - 1) / chunk_size;
  const std::uint64_t wave_size = static_cast<std::uint64_t>(threads) * 4;
  Partial total = empty;
  std::vector<Partial> wave;
  for (std::uint64_t first = 0; first < chunks; first += wave_size) {
    const std::uint64_t in_wave = std::min(wave_size, chunks - first);
    wave.assign(in_wave, empty);
    std::atomic<std::uint64_t> next{0};
    std::exception_ptr failure;
    std::mutex failure_mutex;
    auto worker = [&] {
      for (std::uint64_t c = next++; c < in_wave; c = next++) {
        try {
          const std::uint64_t begin = (first + c) * chunk_size;
          process(begin, std::min(count, begin + chunk_size), wave[c]);
        } catch (...) {
          const std::lock_guard lock(failure_mutex);
          if (!failure) failure = std::current_exception();
        }
      }
    };
    const unsigned helpers = static_cast<unsigned>(std::min<std::uint64_t>(threads, in_wave)) - 1;
    std::vector<std::thread> pool;
    pool.reserve(helpers);
    for (unsigned t = 0; t < helpers; ++t) pool.emplace_back(worker);
    worker();
    for (auto& t : pool) t.join();
    if (failure) std::rethrow_exception(failure);
    for (const Partial& part : wave) total.merge(part);
    if (progress) progress(std::min(count, (first + in_wave) * chunk_size), count);
  }
  return total;
}

}  // namespace parley
