// The split of the deterministic loops over the processes of a cluster
// (core/cluster.hpp, core/parallel.hpp), with threads standing in for MPI
// ranks: whatever the number of ranks, every rank ends with exactly the
// result one process computes, and a failure on one rank ends them all.

#include <catch2/catch.hpp>

#include <barrier>
#include <cmath>
#include <memory>
#include <stdexcept>
#include <thread>

#include "parley/core/cluster.hpp"
#include "parley/core/errors.hpp"
#include "parley/core/parallel.hpp"
#include "parley/core/statistics.hpp"

namespace {

using namespace parley;

// Ranks as threads of one process: all_gather meets at a barrier.
struct Meeting {
  explicit Meeting(int ranks) : buffers(static_cast<std::size_t>(ranks)), arrive(ranks), leave(ranks) {}
  std::vector<std::string> buffers;
  std::barrier<> arrive, leave;
};

class ThreadRank final : public Cluster {
 public:
  ThreadRank(Meeting& meeting, int rank) : meeting_(meeting), rank_(rank) {}
  [[nodiscard]] int rank() const override { return rank_; }
  [[nodiscard]] int size() const override { return static_cast<int>(meeting_.buffers.size()); }
  std::vector<std::string> all_gather(const std::string& mine) override {
    meeting_.buffers[static_cast<std::size_t>(rank_)] = mine;
    meeting_.arrive.arrive_and_wait();
    std::vector<std::string> all = meeting_.buffers;
    meeting_.leave.arrive_and_wait();
    return all;
  }

 private:
  Meeting& meeting_;
  int rank_;
};

// A partial whose merge depends on the order (shifted sums) plus a histogram.
struct Partial {
  MeanAccumulator mean;
  ProbabilityQuantiles spread;
  void merge(const Partial& other) {
    mean.merge(other.mean);
    spread.merge(other.spread);
  }
  void save(ByteWriter& out) const {
    mean.save(out);
    spread.save(out);
  }
  void load(ByteReader& in) {
    mean.load(in);
    spread.load(in);
  }
};

void add_items(std::uint64_t begin, std::uint64_t end, Partial& part) {
  for (std::uint64_t j = begin; j < end; ++j) {
    const double x = 0.5 + 0.49 * std::sin(0.37 * static_cast<double>(j) * static_cast<double>(j % 17));
    part.mean.add(1e6 + x);
    part.spread.add(x);
  }
}

std::string bytes_of(const Partial& p) {
  ByteWriter out;
  p.save(out);
  return out.take();
}

// Runs `body(cluster)` on `ranks` threads, one ThreadRank each.
template <class Body>
void on_ranks(int ranks, Body body) {
  Meeting meeting(ranks);
  std::vector<std::thread> threads;
  for (int r = 0; r < ranks; ++r) {
    threads.emplace_back([&meeting, r, &body] {
      ThreadRank rank(meeting, r);
      body(rank);
    });
  }
  for (auto& t : threads) t.join();
}

}  // namespace

TEST_CASE("a reduction split over 2, 3 or 4 ranks gives every rank the one-process result bit for bit",
          "[cluster][determinism]") {
  const std::uint64_t count = 100'003;
  const std::uint64_t chunk = 1000;  // 101 chunks: blocks of unequal size
  const Partial single = reduce_chunks(count, 1, Partial{}, add_items, {}, chunk);
  for (int ranks : {2, 3, 4}) {
    std::vector<std::string> results(static_cast<std::size_t>(ranks));
    on_ranks(ranks, [&](Cluster& rank) {
      const Partial p = detail::reduce_chunks_across(rank, count, 1, Partial{}, add_items, {}, chunk);
      results[static_cast<std::size_t>(rank.rank())] = bytes_of(p);
    });
    for (const std::string& r : results) CHECK(r == bytes_of(single));
  }
}

TEST_CASE("a loop writing its own slots, split over ranks, gathers every slot on every rank", "[cluster]") {
  const std::uint64_t count = 5'000;
  auto value = [](std::uint64_t k, std::size_t i) { return static_cast<double>(k) * 3.0 + static_cast<double>(i); };
  for (int ranks : {2, 3, 4}) {
    on_ranks(ranks, [&](Cluster& rank) {
      std::vector<double> slots(count * 2, -1.0);
      auto process = [&](std::uint64_t begin, std::uint64_t end) {
        for (std::uint64_t k = begin; k < end; ++k) {
          for (std::size_t i = 0; i < 2; ++i) slots[k * 2 + i] = value(k, i);
        }
      };
      detail::for_each_chunk_across(rank, count, 1, 64, std::span(slots), 2, process, {});
      bool all = true;
      for (std::uint64_t k = 0; k < count; ++k)
        all = all && slots[k * 2] == value(k, 0) && slots[k * 2 + 1] == value(k, 1);
      CHECK(all);
    });
  }
}

TEST_CASE("a failure on one rank ends every rank: its own error there, the same status elsewhere", "[cluster][fault]") {
  const int ranks = 3;
  std::vector<int> status(ranks, 0);
  std::vector<std::string> message(ranks);
  on_ranks(ranks, [&](Cluster& rank) {
    const auto r = static_cast<std::size_t>(rank.rank());
    auto failing = [&](std::uint64_t begin, std::uint64_t end, Partial& part) {
      if (rank.rank() == 1) throw InputError("bad value on rank 1");
      add_items(begin, end, part);
    };
    try {
      (void)detail::reduce_chunks_across(rank, 50'000, 1, Partial{}, failing, {}, 1000);
    } catch (const PeerFailure& e) {
      status[r] = e.failure().status;
      message[r] = e.failure().message;
    } catch (const InputError& e) {
      status[r] = 2;
      message[r] = e.what();
    }
    CHECK(rank.agreed_failure().has_value());
  });
  CHECK(status == std::vector<int>{2, 2, 2});
  CHECK(message[0] == "parley: error: bad value on rank 1\n");
  CHECK(message[1] == "bad value on rank 1");
  CHECK(message[2] == message[0]);
}

TEST_CASE("serialised accumulators load back bit for bit", "[cluster][statistics]") {
  Partial p;
  add_items(0, 4096, p);
  Partial q;
  ByteWriter out;
  p.save(out);
  const std::string bytes = out.take();
  ByteReader in(bytes);
  q.load(in);
  CHECK(in.done());
  CHECK(bytes_of(q) == bytes);
  CHECK(q.mean.mean() == p.mean.mean());
  CHECK(q.spread.quantile(0.05) == p.spread.quantile(0.05));
  UnitIntervalQuantiles u, v;
  for (int k = 0; k < 100; ++k) u.add(k / 100.0);
  ByteWriter w;
  u.save(w);
  const std::string ub = w.take();
  ByteReader r(ub);
  v.load(r);
  CHECK(v.quantile(0.5) == u.quantile(0.5));
  CHECK(v.count() == u.count());
}
