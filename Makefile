# The two commands of the README: `make demo` and `make test`. Both install
# what is missing (Debian packages, with sudo when not root), configure and
# build. Nothing is downloaded at build time.

BUILD ?= build
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
SCENARIO ?= scenarios/ukraine-28-point-2025-11.yaml

# Debian 12 packages the build, tests, benchmarks and plots need (chromium and
# python3-yaml: the tests that render the handouts in a browser; Open MPI:
# docs/cluster.md).
PACKAGES := cmake make g++ libeigen3-dev libboost-graph-dev libyaml-cpp-dev catch2 \
            libbenchmark-dev librandom123-dev libcli11-dev libfmt-dev nlohmann-json3-dev gnuplot-nox \
            chromium python3 python3-yaml libopenmpi-dev openmpi-bin

# `make fuzz` also needs clang and libFuzzer's runtime (libclang_rt.fuzzer*.a,
# in libclang-rt-14-dev on Debian 12).
FUZZ_PACKAGES := clang-14 libclang-rt-14-dev

SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: all deps fuzz-deps configure build demo test bench plots fuzz fuzz-build clean format tidy

all: build

# Installs the packages of $(1) that are missing.
define install_missing
	@missing=""; \
	for p in $(1); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing; \
	fi
endef

deps:
	$(call install_missing,$(PACKAGES))

fuzz-deps: deps
	$(call install_missing,$(FUZZ_PACKAGES))

configure: deps
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=Release

build: configure
	cmake --build $(BUILD) -j $(JOBS)

demo: build
	./$(BUILD)/parley run $(SCENARIO)

test: build
	ctest --test-dir $(BUILD) --output-on-failure -j $(JOBS)

bench: build
	./$(BUILD)/bench/parley_bench --benchmark_counters_tabular=true

# The pictures of the README and docs/, from the reports' scenario (committed). The actor
# graph's SVG needs Graphviz's dot, which is optional: without it the SVG stays.
EXAMPLES := plots/examples
plots: build
	./$(BUILD)/parley sweep $(SCENARIO) --proposal us_28_point_draft --vary army_cap=400:900:26 \
	    --draws 20000 --format csv --out $(EXAMPLES)/sweep-army-cap.csv
	./$(BUILD)/parley plot $(EXAMPLES)/sweep-army-cap.csv --out $(EXAMPLES)/sweep-army-cap.svg
	./$(BUILD)/parley sweep $(SCENARIO) --proposal us_28_point_draft --vary donbas_withdrawal=0:1:21 \
	    --vary security_guarantee=0:1:21 --draws 20000 --format csv --out $(EXAMPLES)/sweep-donbas-guarantee.csv
	./$(BUILD)/parley plot $(EXAMPLES)/sweep-donbas-guarantee.csv --out $(EXAMPLES)/sweep-donbas-guarantee.svg
	./$(BUILD)/parley tornado $(SCENARIO) --proposal us_28_point_draft --draws 20000 --format csv \
	    --out $(EXAMPLES)/tornado.csv
	./$(BUILD)/parley plot $(EXAMPLES)/tornado.csv --out $(EXAMPLES)/tornado.svg
	./$(BUILD)/parley sobol $(SCENARIO) --proposal us_28_point_draft --group actor --format csv \
	    --out $(EXAMPLES)/sobol-actor.csv
	./$(BUILD)/parley plot $(EXAMPLES)/sobol-actor.csv --out $(EXAMPLES)/sobol-actor.svg
	./$(BUILD)/parley graph $(SCENARIO) --out $(EXAMPLES)/actor-graph.dot
	if command -v dot >/dev/null; then dot -Tsvg $(EXAMPLES)/actor-graph.dot -o $(EXAMPLES)/actor-graph.svg; fi
	./$(BUILD)/parley bargain $(SCENARIO) --protocol mediated --rounds 20 --draws 20000 --format csv \
	    --out $(EXAMPLES)/bargain-mediated.csv
	./$(BUILD)/parley plot $(EXAMPLES)/bargain-mediated.csv --out $(EXAMPLES)/bargain-agreement.svg
	./$(BUILD)/parley plot $(EXAMPLES)/bargain-mediated.csv --chart terms --out $(EXAMPLES)/bargain-terms.svg

# libFuzzer targets of tests/fuzz (docs/fuzzing.md): the `fuzz` preset builds
# them with clang++ in build-fuzz/, then each runs FUZZ_SECONDS. New corpus
# goes to build-fuzz/corpus/, crashes to build-fuzz/findings/.
BUILD_FUZZ := build-fuzz
FUZZ_SECONDS ?= 60
FUZZ_TARGETS := fuzz_loader fuzz_plot_csv
CCACHE := $(shell command -v ccache >/dev/null 2>&1 && echo -DCMAKE_CXX_COMPILER_LAUNCHER=ccache)

fuzz-build: fuzz-deps
	cmake --preset fuzz $(CCACHE)
	cmake --build $(BUILD_FUZZ) -j $(JOBS) --target $(FUZZ_TARGETS)

fuzz: fuzz-build
	tests/fuzz/run.sh $(BUILD_FUZZ) $(FUZZ_SECONDS) $(FUZZ_TARGETS)

format:
	clang-format -i $$(git ls-files '*.cpp' '*.hpp')

tidy: configure
	clang-tidy -p $(BUILD) $$(git ls-files 'sim/*.cpp')

clean:
	rm -rf $(BUILD) $(BUILD_FUZZ)
