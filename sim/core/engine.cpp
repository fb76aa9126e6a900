#include "parley/core/engine.hpp"

#include <algorithm>
#include <array>

namespace parley {

DrawPoints::DrawPoints(std::uint64_t seed, std::size_t dimensions, std::vector<std::pair<std::size_t, double>> pinned,
                       Stream stream)
    : dimensions_(dimensions), cube_(PhiloxCube(seed, stream)), pinned_(std::move(pinned)) {}

DrawPoints DrawPoints::from_rows(std::span<const double> rows, std::size_t dimensions) {
  DrawPoints points(0, dimensions);
  points.cube_.reset();
  points.rows_ = rows;
  return points;
}

void DrawPoints::fill(std::uint64_t first, std::size_t count, std::span<double> out, std::size_t stride) const {
  if (cube_) {
    cube_->points(first, count, dimensions_, out.data(), stride);
    for (const auto& [d, value] : pinned_) std::fill_n(out.data() + d * stride, count, value);
    return;
  }
  for (std::size_t b = 0; b < count; ++b) {
    const double* row = rows_.data() + (first + b) * dimensions_;
    for (std::size_t d = 0; d < dimensions_; ++d) out[d * stride + b] = row[d];
  }
}

DrawSample Engine::sample(const Model& model, const DrawPoints& points, std::uint64_t count) const {
  DrawSample sample;
  sample.draws.resize(count);
  // Each draw is written to its own slot: no reduction, any split is the same.
  for_each_chunk(
      count, threads_, kChunkSize,
      [&](std::uint64_t begin, std::uint64_t end) {
        std::vector<double> u(points.dimensions());
        for (std::uint64_t j = begin; j < end; ++j) {
          points.fill(j, 1, u, 1);
          model.realize(u, sample.draws[j]);
        }
      },
      progress_);
  return sample;
}

BatchSample Engine::keep(const Model& model, const DrawPoints& points, std::uint64_t count) const {
  constexpr std::size_t kBatch = BatchEvaluator::kBatch;
  BatchSample sample;
  sample.draws = count;
  const std::uint64_t batches = (count + kBatch - 1) / kBatch;
  sample.batches.reserve(batches);
  for (std::uint64_t k = 0; k < batches; ++k) sample.batches.emplace_back(model, std::span<const Package>());
  // Each batch realises its own draws: no reduction, any split is the same.
  for_each_chunk(
      batches, threads_, kChunkSize / kBatch,
      [&](std::uint64_t begin, std::uint64_t end) {
        std::vector<double> u(points.dimensions() * kBatch);
        for (std::uint64_t k = begin; k < end; ++k) {
          const std::uint64_t first = k * kBatch;
          const auto size = static_cast<std::size_t>(std::min<std::uint64_t>(kBatch, count - first));
          points.fill(first, size, u, kBatch);
          sample.batches[k].realize(u, size);
        }
      },
      progress_ ? ProgressCallback([&](std::uint64_t done, std::uint64_t total) {
        progress_(std::min(count, done * kBatch), std::min(count, total * kBatch));
      })
                : ProgressCallback());
  return sample;
}

SimulationSummary::SimulationSummary(std::size_t package_count, std::size_t actors, bool quantiles)
    : packages(package_count), deal_quantiles(quantiles) {
  for (auto& p : packages) p.accept.resize(actors);
}

void SimulationSummary::add(const DrawBatch& batch) {
  const BatchEvaluator& e = *batch.evaluation;
  // Each accumulator takes its values in draw order, as a draw-by-draw loop
  // would add them; a batch's row of one quantity is contiguous.
  // The means in groups (MeanAccumulator::add_group), whatever is left alone.
  constexpr std::size_t kGroup = MeanAccumulator::kGroup;
  std::array<MeanAccumulator*, kGroup> group{};
  std::array<const double*, kGroup> rows{};
  std::size_t filled = 0;
  const auto add = [&](MeanAccumulator& accumulator, const double* row) {
    group[filled] = &accumulator;
    rows[filled] = row;
    if (++filled == kGroup) {
      MeanAccumulator::add_group(group, rows, batch.size);
      filled = 0;
    }
  };
  for (std::size_t c = 0; c < packages.size(); ++c) {
    PackageAccumulator& acc = packages[c];
    for (std::size_t i = 0; i < acc.accept.size(); ++i) add(acc.accept[i], e.accept_row(i, c));
    add(acc.deal, e.deal_row(c));
    add(acc.support, e.support_row(c));
    if (deal_quantiles) acc.deal_spread.add_row(e.deal_row(c), batch.size);
  }
  for (std::size_t j = 0; j < filled; ++j) group[j]->add(rows[j], batch.size);
}

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

void SimulationSummary::save(ByteWriter& out) const {
  for (const PackageAccumulator& p : packages) {
    out.put_all(p.accept);
    p.deal.save(out);
    p.support.save(out);
    p.deal_spread.save(out);
  }
}

void SimulationSummary::load(ByteReader& in) {
  for (PackageAccumulator& p : packages) {
    in.get_all(p.accept);
    p.deal.load(in);
    p.support.load(in);
    p.deal_spread.load(in);
  }
}

SimulationSummary simulate(const Model& model, std::span<const Package> packages, const SimulationSettings& settings) {
  const Engine engine(settings.threads, settings.progress);
  const DrawPoints points(settings.seed, model.input_count(), settings.pinned);
  return engine.run(points, settings.draws,
                    SimulationSummary(packages.size(), model.actor_count(), settings.deal_quantiles),
                    Evaluated{model, packages});
}

}  // namespace parley
