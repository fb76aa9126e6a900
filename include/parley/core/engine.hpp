#pragma once
// The Monte Carlo engine: the one loop that walks draws. For each chunk of
// draws it takes the draws' points of the unit cube (Philox, or given rows),
// evaluates the model for every package on them in batches (common random
// numbers), and hands each batch to a tally; the chunks' tallies are merged
// in chunk order, so results are bit-identical for any number of threads.
// Every analysis is a tally, or drives the engine through `run`, `sample`
// and `reduce` (docs/architecture.md).

#include <concepts>
#include <cstdint>
#include <optional>
#include <span>
#include <utility>
#include <vector>

#include "parley/core/batch.hpp"
#include "parley/core/model.hpp"
#include "parley/core/parallel.hpp"
#include "parley/core/sampler.hpp"
#include "parley/core/statistics.hpp"

namespace parley {

/// The most draws a simulation accepts (--draws).
inline constexpr std::uint64_t kMaxDraws = 1'000'000'000'000;
/// The most worker threads an analysis accepts (--threads).
inline constexpr unsigned kMaxThreads = 1024;

struct SimulationSettings {
  std::uint64_t draws = 100000;
  std::uint64_t seed = 1;
  unsigned threads = 1;
  ProgressCallback progress;
  /// Track the quantiles of P(deal | theta) per package (48 KiB each); sweeps
  /// over many packages turn it off.
  bool deal_quantiles = true;
  /// Coordinates of the unit cube held fixed at a value for every draw
  /// (input index, u): one-at-a-time analyses such as the tornado.
  std::vector<std::pair<std::size_t, double>> pinned;
};

/// The points of the unit cube the draws are made of.
class DrawPoints {
 public:
  /// Draw j is point j of the seed's Philox `stream` (its first `dimensions`
  /// coordinates), with the `pinned` coordinates held at their values.
  DrawPoints(std::uint64_t seed, std::size_t dimensions, std::vector<std::pair<std::size_t, double>> pinned = {},
             Stream stream = Stream::parameters);
  /// Draw j is row j of `rows` (row-major, `dimensions` coordinates a row),
  /// which must outlive the points: the designs of Sobol and Morris.
  static DrawPoints from_rows(std::span<const double> rows, std::size_t dimensions);

  [[nodiscard]] std::size_t dimensions() const { return dimensions_; }
  /// Coordinates of draws first .. first + count - 1, input-major:
  /// out[d * stride + b] is coordinate d of draw first + b.
  void fill(std::uint64_t first, std::size_t count, std::span<double> out, std::size_t stride) const;

 private:
  std::size_t dimensions_ = 0;
  std::optional<PhiloxCube> cube_;
  std::vector<std::pair<std::size_t, double>> pinned_;
  std::span<const double> rows_;
};

/// One batch of consecutive draws, as the engine hands it to a tally.
struct DrawBatch {
  std::uint64_t first = 0;         // index of the batch's first draw
  std::size_t size = 0;            // draws in the batch, at most BatchEvaluator::kBatch
  std::span<const double> points;  // input-major: points[d * kBatch + b]
  /// The model evaluated on the batch's draws; null when the engine was
  /// given no model to evaluate (the bargaining game realises its own draws).
  const BatchEvaluator* evaluation = nullptr;

  [[nodiscard]] double point(std::size_t dimension, std::size_t draw) const {
    return points[dimension * BatchEvaluator::kBatch + draw];
  }
};

/// A mergeable accumulator of draws: `add` takes a batch, `merge` another
/// tally of later draws. Tallies are copied from an empty one per chunk.
template <class T>
concept Tally = std::copyable<T> && requires(T& tally, const T& other, const DrawBatch& batch) {
  tally.add(batch);
  tally.merge(other);
};

/// What the engine evaluates on each batch: a model and its packages.
struct Evaluated {
  const Model& model;
  std::span<const Package> packages;
};

/// The draws of a model realised once and kept, for analyses that revisit
/// the same draws many times (solve's optimiser): draw j is draws[j].
struct DrawSample {
  std::vector<DrawParameters> draws;
};

/// Draws realised once in batches and kept, for analyses that evaluate many
/// package lists on the same draws (solve --best's polls): batch k holds
/// draws k kBatch ... .
struct BatchSample {
  std::vector<BatchEvaluator> batches;
  std::uint64_t draws = 0;
};

class Engine {
 public:
  explicit Engine(unsigned threads, ProgressCallback progress = {})
      : threads_(std::max(1U, threads)), progress_(std::move(progress)) {}

  /// Walks draws [0, count): in chunks of `chunk` draws (kChunkSize unless a
  /// draw costs much), in batches of up to kBatch draws: the draws' points,
  /// the model's evaluation when `evaluated` is given, then tally.add. The
  /// chunks' tallies are merged in chunk order; progress after each wave.
  template <Tally T>
  T run(const DrawPoints& points, std::uint64_t count, const T& empty,
        const std::optional<Evaluated>& evaluated = std::nullopt, std::uint64_t chunk = kChunkSize) const;

  /// The model's draws 0 .. count-1 of `points`, realised (Model::realize).
  [[nodiscard]] DrawSample sample(const Model& model, const DrawPoints& points, std::uint64_t count) const;

  /// The model's draws 0 .. count-1 of `points`, realised in batches.
  [[nodiscard]] BatchSample keep(const Model& model, const DrawPoints& points, std::uint64_t count) const;

  /// Evaluates `packages` on every kept draw and hands each batch to a tally,
  /// in the same chunks of draws as `run` (DrawBatch::points is empty: the
  /// points are not kept). The sample's batches are reused as working memory.
  /// `outcomes`: Outcomes::deal_only when the tally reads only deal().
  template <Tally T>
  T revisit(BatchSample& sample, std::span<const Package> packages, const T& empty,
            Outcomes outcomes = Outcomes::all) const;

  /// A deterministic reduction over items [0, count) of a kept sample:
  /// `process(begin, end, partial)` per chunk, merged in chunk order.
  template <class Partial, class Process>
  Partial reduce(std::uint64_t count, const Partial& empty, Process&& process) const {
    return reduce_chunks(count, threads_, empty, std::forward<Process>(process), progress_);
  }

  [[nodiscard]] unsigned threads() const { return threads_; }

 private:
  unsigned threads_;
  ProgressCallback progress_;
};

template <Tally T>
T Engine::run(const DrawPoints& points, std::uint64_t count, const T& empty, const std::optional<Evaluated>& evaluated,
              std::uint64_t chunk) const {
  constexpr std::size_t kBatch = BatchEvaluator::kBatch;
  auto walk = [&](std::uint64_t begin, std::uint64_t end, T& tally) {
    std::optional<BatchEvaluator> evaluation;
    if (evaluated) evaluation.emplace(evaluated->model, evaluated->packages);
    std::vector<double> u(points.dimensions() * kBatch);
    for (std::uint64_t first = begin; first < end; first += kBatch) {
      const auto size = static_cast<std::size_t>(std::min<std::uint64_t>(kBatch, end - first));
      points.fill(first, size, u, kBatch);
      if (evaluation) evaluation->evaluate(u, size);
      tally.add(DrawBatch{first, size, u, evaluation ? &*evaluation : nullptr});
    }
  };
  return reduce_chunks(count, threads_, empty, walk, progress_, chunk);
}

template <Tally T>
T Engine::revisit(BatchSample& sample, std::span<const Package> packages, const T& empty, Outcomes outcomes) const {
  constexpr std::size_t kBatch = BatchEvaluator::kBatch;
  constexpr std::uint64_t kBatchesPerChunk = kChunkSize / kBatch;  // the chunks of `run`
  auto walk = [&](std::uint64_t begin, std::uint64_t end, T& tally) {
    for (std::uint64_t k = begin; k < end; ++k) {
      BatchEvaluator& evaluation = sample.batches[k];
      evaluation.set_packages(packages);
      evaluation.evaluate_realized(outcomes);
      tally.add(DrawBatch{k * kBatch, evaluation.draws(), {}, &evaluation});
    }
  };
  return reduce_chunks(sample.batches.size(), threads_, empty, walk, ProgressCallback(), kBatchesPerChunk);
}

/// Accumulated outcomes of one package over the draws.
struct PackageAccumulator {
  std::vector<MeanAccumulator> accept;  // per actor
  MeanAccumulator deal;
  MeanAccumulator support;
  ProbabilityQuantiles deal_spread;  // P(deal | theta) over theta
};

/// The tally of `run`, `sweep` and `tornado`: per package, the acceptance of
/// each actor, P(deal) and support, added in draw order.
struct SimulationSummary {
  std::vector<PackageAccumulator> packages;
  bool deal_quantiles = true;

  SimulationSummary() = default;
  SimulationSummary(std::size_t packages, std::size_t actors, bool deal_quantiles);
  void add(const DrawBatch& batch);
  void merge(const SimulationSummary& other);
  /// The state, for the processes of a cluster (serialise.hpp).
  void save(ByteWriter& out) const;
  void load(ByteReader& in);
};

/// Evaluates every package on draws 0 .. draws-1 of the seed's parameter
/// stream. The same seed gives the same draws for any package list, so
/// differences between packages are not sampling noise.
SimulationSummary simulate(const Model& model, std::span<const Package> packages, const SimulationSettings& settings);

}  // namespace parley
