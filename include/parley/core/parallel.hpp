#pragma once
// Deterministic parallel loops on the process's thread pool. Work is cut
// into fixed-size chunks whose size does not depend on the thread count;
// each chunk fills its own partial result, and partials are merged strictly
// in chunk order. Results are therefore bit-identical for any number of
// threads.

#include <algorithm>
#include <cstdint>
#include <functional>
#include <vector>

#include "parley/core/thread_pool.hpp"

namespace parley {

/// Called between waves of chunks with (items done, items in all).
using ProgressCallback = std::function<void(std::uint64_t, std::uint64_t)>;

/// Number of draws in one chunk: fixed, so results never depend on threads.
inline constexpr std::uint64_t kChunkSize = 4096;

/// Reduces items [0, count) with `process(begin, end, partial)` on chunks of
/// `chunk_size` items, each starting from a copy of `empty`, merged in order by
/// `partial.merge(other)`. Chunks run in waves of a few per thread, so memory
/// holds at most a few partials per thread, and progress is reported after
/// each wave. The chunk size must not depend on the thread count; items that
/// cost much (a bargaining game solved by backward induction) take smaller
/// chunks so that a few thousand of them still keep every thread busy.
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
    ThreadPool::shared().for_each(in_wave, threads, [&](std::size_t c) {
      const std::uint64_t begin = (first + c) * chunk_size;
      process(begin, std::min(count, begin + chunk_size), wave[c]);
    });
    for (const Partial& part : wave) total.merge(part);
    if (progress) progress(std::min(count, (first + in_wave) * chunk_size), count);
  }
  return total;
}

/// Calls `process(begin, end)` on chunks of `chunk_size` items covering
/// [0, count), in parallel, for loops whose items write their own results
/// (no reduction). Progress is reported as in reduce_chunks.
template <class Process>
void for_each_chunk(std::uint64_t count, unsigned threads, std::uint64_t chunk_size, Process&& process,
                    const ProgressCallback& progress = {}) {
  threads = std::max(1U, threads);
  chunk_size = std::max<std::uint64_t>(1, chunk_size);
  const std::uint64_t chunks = (count + chunk_size - 1) / chunk_size;
  const std::uint64_t wave_size =
      progress ? static_cast<std::uint64_t>(threads) * 4 : std::max<std::uint64_t>(chunks, 1);
  for (std::uint64_t first = 0; first < chunks; first += wave_size) {
    const std::uint64_t in_wave = std::min(wave_size, chunks - first);
    ThreadPool::shared().for_each(in_wave, threads, [&](std::size_t c) {
      const std::uint64_t begin = (first + c) * chunk_size;
      process(begin, std::min(count, begin + chunk_size));
    });
    if (progress) progress(std::min(count, (first + in_wave) * chunk_size), count);
  }
}

}  // namespace parley
