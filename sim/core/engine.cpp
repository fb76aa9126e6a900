#include "parley/core/engine.hpp"

#include <algorithm>

#include "parley/core/batch.hpp"
#include "parley/core/sampler.hpp"

namespace parley {

void SimulationSummary::merge(const SimulationSummary& other) {
  for (std::size_t p = 0; p < packages.size(); ++p) {
    PackageAccumulator& mine = packages[p];
    const PackageAccumulator& theirs = other.packages[p];
    for (std::size_t i = 0; i < mine.accept.size(); ++i) mine.accept[i].merge(theirs.accept[i]);
    mine.deal.merge(theirs.deal);
    mine.support.merge(theirs.support);
    mine.deal_spread.merge(theirs.deal_spread);
  }
}

SimulationSummary simulate(const Model& model, std::span<const Package> packages, const SimulationSettings& settings) {
  SimulationSummary empty;
  empty.packages.resize(packages.size());
  for (auto& p : empty.packages) p.accept.resize(model.actor_count());

  const PhiloxCube cube(settings.seed, Stream::parameters);
  const std::size_t inputs = model.input_count();
  auto process = [&](std::uint64_t begin, std::uint64_t end, SimulationSummary& part) {
    constexpr std::size_t kBatch = BatchEvaluator::kBatch;
    BatchEvaluator batch(model, packages);
    std::vector<double> point(inputs);
    std::vector<double> u(inputs * kBatch);  // input-major, as the batch evaluator reads it
    for (std::uint64_t first = begin; first < end; first += kBatch) {
      const auto draws = static_cast<std::size_t>(std::min<std::uint64_t>(kBatch, end - first));
      for (std::size_t b = 0; b < draws; ++b) {
        cube.point(first + b, point);
        for (std::size_t d = 0; d < inputs; ++d) u[d * kBatch + b] = point[d];
        for (const auto& [d, value] : settings.pinned) u[d * kBatch + b] = value;
      }
      batch.evaluate(u, draws);
      // Accumulate in draw order, as a draw-by-draw loop would.
      for (std::size_t b = 0; b < draws; ++b) {
        for (std::size_t c = 0; c < packages.size(); ++c) {
          PackageAccumulator& acc = part.packages[c];
          for (std::size_t i = 0; i < model.actor_count(); ++i) acc.accept[i].add(batch.accept(i, c, b));
          const double deal = batch.deal(c, b);
          acc.deal.add(deal);
          acc.support.add(batch.support(c, b));
          if (settings.deal_quantiles) acc.deal_spread.add(deal);
        }
      }
    }
  };
  return reduce_chunks(settings.draws, settings.threads, empty, process, settings.progress);
}

}  // namespace parley
