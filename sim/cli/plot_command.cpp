// `parley plot CSV --out FILE.svg|png`: draws a CSV of parley with gnuplot
// (plot.hpp).

#include <memory>

#include "commands.hpp"
#include "parley/core/cluster.hpp"
#include "plot.hpp"

namespace parley::cli {

namespace {
struct PlotOptions {
  std::string csv;
  std::string title;
  std::string chart;
};
}  // namespace

Command add_plot_command(CLI::App& app, CommonOptions& common) {
  auto options = std::make_shared<PlotOptions>();
  CLI::App* cmd =
      app.add_subcommand("plot", "Draw the CSV of sweep, tornado, sobol or bargain with gnuplot (SVG or PNG)");
  value_in_words(*cmd, cmd->add_option("CSV", options->csv, "A CSV written by parley --format csv")->required(), "CSV");
  value_in_words(
      *cmd, cmd->add_option("--out", common.out, "The image: FILE.svg or FILE.png")->required()->check(non_empty()),
      "FILE");
  value_in_words(*cmd, cmd->add_option("--title", options->title, "Title (default: the scenario's title)"), "TITLE");
  value_in_words(*cmd,
                 cmd->add_option("--chart", options->chart,
                                 "Bargain CSV only: agreement (P(agreement by round t), the default) or terms (the "
                                 "final terms)")
                     ->check(one_of({"agreement", "terms"})),
                 "C", "agreement or terms");
  return {cmd, [&common, options] {
            // Under MPI, rank 0 alone runs gnuplot and writes the image.
            if (cluster().rank() == 0) plot_csv(options->csv, common.out, options->title, options->chart);
            return 0;
          }};
}

}  // namespace parley::cli
