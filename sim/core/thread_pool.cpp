#include "parley/core/thread_pool.hpp"

#include <algorithm>
#include <atomic>
#include <exception>

namespace parley {

namespace {
// Set while the current thread runs a task of the pool: a nested loop then
// runs inline instead of waiting for workers that are all busy.
thread_local bool inside_task = false;
}  // namespace

struct ThreadPool::Job {
  const std::function<void(std::size_t)>* task = nullptr;
  std::size_t count = 0;
  std::size_t seats = 0;     // workers that may join besides the caller
  std::size_t joined = 0;    // guarded by mutex_
  std::size_t finished = 0;  // guarded by mutex_
  std::atomic<std::size_t> next{0};
  std::mutex failure_mutex;
  std::exception_ptr failure;

  void work() {
    inside_task = true;
    for (std::size_t k = next++; k < count; k = next++) {
      try {
        (*task)(k);
      } catch (...) {
        const std::lock_guard lock(failure_mutex);
        if (!failure) failure = std::current_exception();
      }
    }
    inside_task = false;
  }
};

ThreadPool& ThreadPool::shared() {
  static ThreadPool pool;
  return pool;
}

ThreadPool::~ThreadPool() {
  {
    const std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  for (auto& worker : workers_) worker.join();
}

std::size_t ThreadPool::threads_started() const {
  const std::lock_guard lock(mutex_);
  return workers_.size();
}

void ThreadPool::grow(std::size_t workers) {
  const std::lock_guard lock(mutex_);
  while (workers_.size() < workers) workers_.emplace_back([this] { worker_loop(); });
}

void ThreadPool::worker_loop() {
  std::uint64_t seen = 0;
  std::unique_lock lock(mutex_);
  for (;;) {
    wake_.wait(lock, [&] { return stopping_ || generation_ != seen; });
    if (stopping_) return;
    seen = generation_;
    Job* job = job_;
    if (job == nullptr || job->joined >= job->seats) continue;
    ++job->joined;
    lock.unlock();
    job->work();
    lock.lock();
    ++job->finished;
    done_.notify_all();
  }
}

void ThreadPool::for_each(std::size_t count, unsigned threads, const std::function<void(std::size_t)>& task) {
  if (count == 0) return;
  const std::size_t helpers = std::min<std::size_t>(std::max(1U, threads), count) - 1;
  if (helpers == 0 || inside_task) {
    const bool was_inside = inside_task;
    inside_task = true;
    try {
      for (std::size_t k = 0; k < count; ++k) task(k);
    } catch (...) {
      inside_task = was_inside;
      throw;
    }
    inside_task = was_inside;
    return;
  }
  const std::lock_guard one_job(submit_);
  grow(helpers);
  Job job;
  job.task = &task;
  job.count = count;
  job.seats = helpers;
  {
    const std::lock_guard lock(mutex_);
    job_ = &job;
    ++generation_;
  }
  wake_.notify_all();
  job.work();
  {
    // No worker joins after this; wait for those that did.
    std::unique_lock lock(mutex_);
    job_ = nullptr;
    done_.wait(lock, [&] { return job.finished == job.joined; });
  }
  if (job.failure) std::rethrow_exception(job.failure);
}

}  // namespace parley
