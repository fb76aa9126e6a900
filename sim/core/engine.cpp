#include "parley/engine.hpp"

#include "parley/sampler.hpp"

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
  auto process = [&](std::uint64_t begin, std::uint64_t end, SimulationSummary& part) {
    std::vector<double> u(model.input_count());
    DrawParameters theta;
    Evaluation eval;
    for (std::uint64_t j = begin; j < end; ++j) {
      cube.point(j, u);
      model.realize(u, theta);
      model.evaluate(theta, packages, eval);
      for (std::size_t c = 0; c < packages.size(); ++c) {
        PackageAccumulator& acc = part.packages[c];
        const auto col = static_cast<Eigen::Index>(c);
        for (std::size_t i = 0; i < model.actor_count(); ++i) {
          acc.accept[i].add(eval.accept(static_cast<Eigen::Index>(i), col));
        }
        acc.deal.add(eval.deal(col));
        acc.support.add(eval.support(col));
        acc.deal_spread.add(eval.deal(col));
      }
    }
  };
  return reduce_chunks(settings.draws, settings.threads, empty, process, settings.progress);
}

}  // namespace parley
