#pragma once
// Deterministic parallel loops on the process's thread pool. Work is cut
// into fixed-size chunks whose size does not depend on the thread count;
// each chunk fills its own partial result, and partials are merged strictly
// in chunk order. Results are therefore bit-identical for any number of
// threads. Across the processes of a cluster (MPI ranks, cluster.hpp), each
// wave of chunks is cut into contiguous blocks in rank order; every process
// computes its block, the partials are all-gathered, and every process
// merges all of them in chunk order: the same result for any number of
// processes (docs/cluster.md).

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <exception>
#include <functional>
#include <span>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <vector>

#include "parley/core/cluster.hpp"
#include "parley/core/serialise.hpp"
#include "parley/core/thread_pool.hpp"

namespace parley {

/// Called between waves of chunks with (items done, items in all).
using ProgressCallback = std::function<void(std::uint64_t, std::uint64_t)>;

/// Number of draws in one chunk: fixed, so results never depend on threads.
inline constexpr std::uint64_t kChunkSize = 4096;

namespace detail {

// reduce_chunks across the processes of `group`: waves of threads x 16
// chunks per process (fewer exchanges than threads x 4); in each, process r computes the contiguous block
// block_of(wave, r, size) of chunks, and every process merges all the
// wave's partials in chunk order (its own as computed, the others' loaded
// from their bytes), so the fold is the one a single process does.
// The wave loop of the two functions below: waves of threads x 16 chunks a
// process; in each, `compute(first, lo, hi)` runs this process's block
// [first + lo, first + hi) of the wave's chunks (block_of) and returns its
// bytes, and after the exchange `absorb(first, in_wave, all)` takes every
// process's bytes. A failure on any process ends every process at the
// exchange (Cluster::exchange).
template <class Compute, class Absorb>
void across_waves(Cluster& group, std::uint64_t count, unsigned threads, std::uint64_t chunk_size,
                  const ProgressCallback& progress, Compute&& compute, Absorb&& absorb) {
  const std::uint64_t chunks = (count + chunk_size - 1) / chunk_size;
  const int ranks = group.size();
  const std::uint64_t wave_size = static_cast<std::uint64_t>(threads) * 16 * static_cast<std::uint64_t>(ranks);
  for (std::uint64_t first = 0; first < chunks; first += wave_size) {
    const std::uint64_t in_wave = std::min(wave_size, chunks - first);
    const auto block = block_of(in_wave, group.rank(), ranks);
    std::string payload;
    std::exception_ptr failure;
    try {
      const Cluster::Local local(group);
      payload = compute(first, block.first, block.second);
    } catch (...) {
      failure = std::current_exception();
    }
    absorb(first, in_wave, group.exchange(payload, failure));
    if (progress) progress(std::min(count, (first + in_wave) * chunk_size), count);
  }
}

// reduce_chunks across the processes of `group`: every process merges all
// the wave's partials in chunk order (its own as computed, the others'
// loaded from their bytes), so the fold is the one a single process does.
template <class Partial, class Process>
Partial reduce_chunks_across(Cluster& group, std::uint64_t count, unsigned threads, const Partial& empty,
                             Process& process, const ProgressCallback& progress, std::uint64_t chunk_size) {
  Partial total = empty;
  std::vector<Partial> mine;
  across_waves(
      group, count, threads, chunk_size, progress,
      [&](std::uint64_t first, std::uint64_t lo, std::uint64_t hi) {
        mine.assign(static_cast<std::size_t>(hi - lo), empty);
        ThreadPool::shared().for_each(mine.size(), threads, [&](std::size_t c) {
          const std::uint64_t begin = (first + lo + c) * chunk_size;
          process(begin, std::min(count, begin + chunk_size), mine[c]);
        });
        ByteWriter out;
        for (const Partial& part : mine) part.save(out);
        return out.take();
      },
      [&](std::uint64_t, std::uint64_t in_wave, const std::vector<std::string>& all) {
        for (int r = 0; r < group.size(); ++r) {
          if (r == group.rank()) {
            for (const Partial& part : mine) total.merge(part);
            continue;
          }
          ByteReader in(all[static_cast<std::size_t>(r)]);
          const auto [r_lo, r_hi] = block_of(in_wave, r, group.size());
          for (std::uint64_t c = r_lo; c < r_hi; ++c) {
            Partial part = empty;
            part.load(in);
            total.merge(part);
          }
        }
      });
  return total;
}

}  // namespace detail

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
  if constexpr (Serialisable<Partial>) {
    // A partial that cannot be sent is computed whole on every process.
    if (Cluster& group = cluster(); group.distributing()) {
      return detail::reduce_chunks_across(group, count, threads, empty, process, progress, chunk_size);
    }
  }
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
/// (no reduction). Progress is reported as in reduce_chunks. Every process of
/// a cluster runs every chunk: see for_each_chunk_gathered to split them.
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

namespace detail {

// for_each_chunk_gathered across the processes of `group`: waves of
// threads x 16 chunks per process, cut into blocks as in reduce_chunks.
template <class T, class Process>
void for_each_chunk_across(Cluster& group, std::uint64_t count, unsigned threads, std::uint64_t chunk_size,
                           std::span<T> results, std::size_t per_item, Process& process,
                           const ProgressCallback& progress) {
  threads = std::max(1U, threads);
  chunk_size = std::max<std::uint64_t>(1, chunk_size);
  // The bytes of the results of chunks [first_chunk, end_chunk).
  auto bytes_of = [&](std::uint64_t first_chunk, std::uint64_t end_chunk) {
    const std::uint64_t begin = std::min(count, first_chunk * chunk_size);
    const std::uint64_t end = std::min(count, end_chunk * chunk_size);
    return std::span(reinterpret_cast<char*>(results.data() + begin * per_item),
                     static_cast<std::size_t>(end - begin) * per_item * sizeof(T));
  };
  across_waves(
      group, count, threads, chunk_size, progress,
      [&](std::uint64_t first, std::uint64_t lo, std::uint64_t hi) {
        ThreadPool::shared().for_each(static_cast<std::size_t>(hi - lo), threads, [&](std::size_t c) {
          const std::uint64_t begin = (first + lo + c) * chunk_size;
          process(begin, std::min(count, begin + chunk_size));
        });
        const std::span<char> mine = bytes_of(first + lo, first + hi);
        return std::string(mine.begin(), mine.end());
      },
      [&](std::uint64_t first, std::uint64_t in_wave, const std::vector<std::string>& all) {
        for (int r = 0; r < group.size(); ++r) {
          if (r == group.rank()) continue;
          const auto [r_lo, r_hi] = block_of(in_wave, r, group.size());
          const std::span<char> target = bytes_of(first + r_lo, first + r_hi);
          const std::string& bytes = all[static_cast<std::size_t>(r)];
          if (bytes.size() != target.size()) {
            throw std::logic_error("for_each_chunk_gathered: a process sent results of another size");
          }
          std::memcpy(target.data(), bytes.data(), bytes.size());
        }
      });
}

}  // namespace detail

/// for_each_chunk for loops whose item k writes results[k * per_item, (k + 1)
/// * per_item) and nothing else: across the processes of a cluster, each
/// computes its block of every wave of chunks (as in reduce_chunks) and the
/// blocks' results are all-gathered, so every process ends with all results.
template <class T, class Process>
requires std::is_trivially_copyable_v<T>
void for_each_chunk_gathered(std::uint64_t count, unsigned threads, std::uint64_t chunk_size, std::span<T> results,
                             std::size_t per_item, Process&& process, const ProgressCallback& progress = {}) {
  if (Cluster& group = cluster(); group.distributing()) {
    detail::for_each_chunk_across(group, count, threads, chunk_size, results, per_item, process, progress);
    return;
  }
  for_each_chunk(count, threads, chunk_size, std::forward<Process>(process), progress);
}

}  // namespace parley
