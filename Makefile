# The two commands of the README: `make demo` and `make test`. Both install
# what is missing (Debian packages, with sudo when not root), configure and
# build. Nothing is downloaded at build time.

BUILD ?= build
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
SCENARIO ?= scenarios/ukraine-28-point-2025-11.yaml

# Debian 12 packages the build, tests and benchmarks need.
PACKAGES := cmake make g++ libeigen3-dev libboost-graph-dev libyaml-cpp-dev catch2 \
            libbenchmark-dev librandom123-dev libcli11-dev libfmt-dev nlohmann-json3-dev

SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: all deps configure build demo test bench clean format tidy

all: build

deps:
	@missing=""; \
	for p in $(PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing; \
	fi

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

format:
	clang-format -i $$(git ls-files '*.cpp' '*.hpp')

tidy: configure
	clang-tidy -p $(BUILD) $$(git ls-files 'sim/*.cpp')

clean:
	rm -rf $(BUILD)
