// `parley sobol FILE --proposal P`: first- and total-order Sobol indices of
// P(deal | theta).

#include <fmt/format.h>

#include <memory>
#include <optional>

#include "commands.hpp"
#include "parley/analysis/sobol_analysis.hpp"
#include "parley/report/sobol_report.hpp"

namespace parley::cli {

namespace {
struct SobolOptions {
  std::string proposal;
  std::size_t base_draws = SobolSettings{}.base_samples;
  std::string group{name_of(InputGrouping::none)};
  std::string sampling{name_of(SobolSettings{}.sampling)};
  // Default: kSobolDefaultReplicates with Sobol sampling (unless --bootstrap), else 1.
  std::optional<std::size_t> replicates;
  // Default: SobolSettings' resamples when there is one replicate.
  std::optional<std::size_t> bootstrap;
  bool second_order = false;
};

int sobol_command(const CommonOptions& o, const SobolOptions& w) {
  SobolSettings settings;
  settings.base_samples = w.base_draws;
  settings.threads = o.threads;
  settings.sampling = parse_base_sampling(w.sampling).value();  // checked by one_of
  if (w.bootstrap && w.replicates && *w.replicates > 1) {
    throw InputError(
        fmt::format("sobol: --bootstrap {} with --replicates {}: the intervals come from the bootstrap with one "
                    "replicate and from the replicates' spread with several: expected one of the two options",
                    *w.bootstrap, *w.replicates));
  }
  const bool sobol_default = settings.sampling == BaseSampling::sobol && !w.bootstrap;
  settings.replicates = w.replicates.value_or(sobol_default ? kSobolDefaultReplicates : 1);
  settings.bootstrap = settings.replicates > 1 ? 0 : w.bootstrap.value_or(SobolSettings{}.bootstrap);
  settings.second_order = w.second_order;
  const Scenario s = load(o);
  settings.seed = o.seed.value_or(s.simulation.seed);
  ProgressBar bar("sobol", !o.no_progress);
  settings.progress = progress_callback(bar);
  const InputGrouping grouping = parse_input_grouping(w.group).value();  // checked by one_of
  const SobolAnalysis analysis = sobol_scenario(s, w.proposal, grouping, settings);
  emit(o, render(o, s, analysis, sobol_json, sobol_csv, sobol_table));
  return 0;
}
}  // namespace

Command add_sobol_command(CLI::App& app, CommonOptions& common) {
  auto options = std::make_shared<SobolOptions>();
  CLI::App* cmd = app.add_subcommand("sobol", "First- and total-order Sobol indices of P(deal | theta)");
  add_scenario_options(*cmd, common);
  value_in_words(*cmd, cmd->add_option("--proposal", options->proposal, "The proposal to analyse")->required(), "ID");
  value_in_words(
      *cmd,
      cmd->add_option("--base-draws", options->base_draws, "Base samples N (the cost is N x (inputs + 2) evaluations)")
          ->check(whole_number(2, kMaxSobolBaseSamples)),
      "N", whole_number_words(2, kMaxSobolBaseSamples));
  const std::vector<std::string> groupings = input_grouping_names();
  value_in_words(*cmd,
                 cmd->add_option("--group", options->group, "Index inputs one by one, by actor or by issue group")
                     ->check(one_of(groupings)),
                 "G", or_list(groupings));
  const std::vector<std::string> samplings = base_sampling_names();
  value_in_words(
      *cmd,
      cmd->add_option("--sampling", options->sampling, "Base samples: Sobol sequence (quasi-random) or Philox")
          ->check(one_of(samplings)),
      "S", or_list(samplings));
  value_in_words(*cmd,
                 cmd->add_option("--replicates", options->replicates,
                                 fmt::format("Split the base samples into R independently scrambled replicates; 95% "
                                             "intervals from their spread (default: {} with --sampling sobol, else 1)",
                                             kSobolDefaultReplicates))
                     ->check(whole_number(1, kMaxSobolReplicates)),
                 "R", whole_number_words(1, kMaxSobolReplicates));
  value_in_words(
      *cmd,
      cmd->add_option("--bootstrap", options->bootstrap,
                      fmt::format("Bootstrap resamples for the 95% intervals with one replicate (default {}; "
                                  "0: none)",
                                  SobolSettings{}.bootstrap))
          ->check(whole_number(0, kMaxSobolBootstrap)),
      "N", whole_number_words(0, kMaxSobolBootstrap));
  cmd->add_flag("--second-order", options->second_order,
                "Also second-order indices of every pair (N x groups more evaluations)");
  add_seed_option(*cmd, common, "Random seed (Philox samples and the bootstrap)");
  add_threads_option(*cmd, common, "Worker threads; results are identical for any number");
  add_output_options(*cmd, common, {"table", "json", "csv"});
  cmd->add_flag("--no-progress", common.no_progress, "No progress bar on stderr");
  return {cmd, [&common, options] { return sobol_command(common, *options); }};
}

}  // namespace parley::cli
