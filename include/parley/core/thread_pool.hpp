#pragma once
// One pool of worker threads for the whole process. Every parallel loop of
// parley (the engine's draw loop, the sensitivity designs, solve's cached
// sample) runs on it, so no command creates threads per wave, per
// evaluation or per objective call.

#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace parley {

class ThreadPool {
 public:
  ThreadPool() = default;
  ThreadPool(const ThreadPool&) = delete;
  ThreadPool& operator=(const ThreadPool&) = delete;
  ~ThreadPool();

  /// The process's pool. It starts without workers and grows to the largest
  /// thread count asked for; it never shrinks.
  static ThreadPool& shared();

  /// Calls task(k) for every k in [0, count) on at most `threads` threads,
  /// the calling thread included, and returns when all calls are done. The
  /// first exception a task throws is rethrown here (the other tasks still
  /// finish). Called from inside a task, the calls run on the calling thread:
  /// nested loops are serial and never wait on the pool.
  void for_each(std::size_t count, unsigned threads, const std::function<void(std::size_t)>& task);

  /// Worker threads started since the pool was made (a test checks that
  /// repeated loops start none).
  [[nodiscard]] std::size_t threads_started() const;

 private:
  struct Job;
  void grow(std::size_t workers);
  void worker_loop();

  std::mutex submit_;  // one job at a time
  mutable std::mutex mutex_;
  std::condition_variable wake_, done_;
  std::vector<std::thread> workers_;
  Job* job_ = nullptr;
  std::uint64_t generation_ = 0;
  bool stopping_ = false;
};

}  // namespace parley
