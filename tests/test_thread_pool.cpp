#include <atomic>
#include <catch2/catch.hpp>
#include <stdexcept>
#include <vector>

#include "parley/core/parallel.hpp"
#include "parley/core/thread_pool.hpp"

using namespace parley;

TEST_CASE("the thread pool runs every task once and starts its workers only once", "[parallel][pool]") {
  ThreadPool pool;
  std::vector<std::atomic<int>> calls(1000);
  pool.for_each(calls.size(), 4, [&](std::size_t k) { ++calls[k]; });
  for (const auto& c : calls) REQUIRE(c == 1);
  const std::size_t started = pool.threads_started();
  CHECK(started == 3);  // the calling thread is the fourth
  for (int repeat = 0; repeat < 200; ++repeat) pool.for_each(64, 4, [&](std::size_t k) { ++calls[k]; });
  CHECK(pool.threads_started() == started);
  CHECK(calls[0] == 201);
  CHECK(calls[999] == 1);
}

TEST_CASE("the thread pool rethrows a task's exception after every task has run", "[parallel][pool]") {
  ThreadPool pool;
  std::atomic<int> done{0};
  auto failing = [&](std::size_t k) {
    ++done;
    if (k == 7) throw std::runtime_error("task 7");
  };
  CHECK_THROWS_WITH(pool.for_each(100, 3, failing), "task 7");
  CHECK(done == 100);
  // The pool still works afterwards.
  done = 0;
  pool.for_each(10, 3, [&](std::size_t) { ++done; });
  CHECK(done == 10);
}

TEST_CASE("a loop inside a pool task runs inline instead of waiting for busy workers", "[parallel][pool]") {
  ThreadPool& pool = ThreadPool::shared();
  std::atomic<int> inner{0};
  pool.for_each(8, 2, [&](std::size_t) { pool.for_each(8, 2, [&](std::size_t) { ++inner; }); });
  CHECK(inner == 64);
}

TEST_CASE("reduce_chunks merges in chunk order whatever the thread count", "[parallel][determinism]") {
  // Concatenation is not commutative: any other order would show.
  struct Sequence {
    std::vector<std::uint64_t> items;
    void merge(const Sequence& other) { items.insert(items.end(), other.items.begin(), other.items.end()); }
  };
  auto process = [](std::uint64_t begin, std::uint64_t end, Sequence& part) {
    for (std::uint64_t k = begin; k < end; ++k) part.items.push_back(k);
  };
  for (unsigned threads : {1U, 2U, 3U, 8U}) {
    std::vector<std::uint64_t> progress;
    const Sequence all = reduce_chunks(
        1000, threads, Sequence{}, process, [&](std::uint64_t done, std::uint64_t) { progress.push_back(done); }, 7);
    REQUIRE(all.items.size() == 1000);
    for (std::uint64_t k = 0; k < 1000; ++k) REQUIRE(all.items[k] == k);
    REQUIRE_FALSE(progress.empty());
    CHECK(progress.back() == 1000);
  }
}
