# rktc — build, test, fuzz and benchmark.
#   make          build ./rktc (installs missing Debian packages first)
#   make demo     build, then run rktc on the bundled example job
#   make check    build and run every test, then again under ASan+UBSan
#   make fuzz     libFuzzer harnesses (FUZZ_SECONDS per target)
#   make bench    throughput and memory figures

CC       ?= cc
CXX      ?= c++
BUILD    ?= build/release
CSTD      = -std=c11 -D_POSIX_C_SOURCE=200809L
WARN      = -Wall -Wextra -Werror
OPT      ?= -O2 -g
SANFLAGS ?=
PKGS      = libxml-2.0 re2
CFLAGS_ALL = $(CSTD) $(WARN) $(OPT) $(SANFLAGS) -Isrc -Igrammar -I. -I$(BUILD)/gen \
             $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
LDLIBS_ALL = $(shell pkg-config --libs $(PKGS) 2>/dev/null) -lstdc++ -lm
# the one C++ file: the RE2 shim behind src/util/go_regexp.h
CXXFLAGS_ALL = -std=c++17 -Wall -Wextra -Werror $(OPT) $(SANFLAGS) -Isrc \
               $(shell pkg-config --cflags re2 2>/dev/null)
SHARED   ?= ../shared

LIB_SRC  := $(filter-out src/main.c,$(shell find src targets -name '*.c' 2>/dev/null | sort))
GEN_SRC  := $(BUILD)/gen/hcl.tab.c $(BUILD)/gen/hcl_fast.tab.c $(BUILD)/gen/hcl.lex.c
GEN_OBJ  := $(GEN_SRC:.c=.o)
CXX_SRC  := $(shell find src -name '*.cc' 2>/dev/null | sort)
LIB_OBJ  := $(LIB_SRC:%.c=$(BUILD)/%.o) $(CXX_SRC:%.cc=$(BUILD)/%.o) $(GEN_OBJ)
# the front end alone (fuzzing and benchmarks link only this)
FRONT_SRC := src/source.c src/diag/diag.c $(wildcard src/util/*.c src/hcl/*.c src/json/*.c)
FRONT_OBJ := $(FRONT_SRC:%.c=$(BUILD)/%.o) $(BUILD)/src/util/go_regexp.o $(GEN_OBJ)
UNIT_SRC := $(sort $(wildcard tests/unit/*.c))
UNIT_OBJ := $(UNIT_SRC:%.c=$(BUILD)/%.o)

.PHONY: lint all deps demo check test unit golden corpus conformance asan fuzz bench clean tools reports man build-check docs-check lsp-check layers

all: deps rktc

# ---- dependencies: Debian packages, installed with apt when missing -------
DEB_BUILD = flex bison pkg-config libxml2-dev libre2-dev g++
DEB_TEST  = libcriterion-dev jq libxml2-utils python3 python3-jsonschema \
            python3-junitparser shellcheck systemd golang-go \
            golang-github-hashicorp-hcl-dev clang-tidy groff-base man-db bsdextrautils neovim
deps:
	@sh tests/tools/install-deps.sh $(DEB_BUILD)

deps-test:
	@sh tests/tools/install-deps.sh $(DEB_BUILD) $(DEB_TEST)

# ---- build -----------------------------------------------------------------
rktc: $(BUILD)/rktc
	@if [ "$(BUILD)" = build/release ]; then cp $(BUILD)/rktc rktc; fi

$(BUILD)/rktc: $(BUILD)/src/main.o $(LIB_OBJ)
	@echo "  LD      $@"
	@$(CC) $(SANFLAGS) -o $@ $^ $(LDLIBS_ALL)

$(BUILD)/gen/hcl.tab.c $(BUILD)/gen/hcl.tab.h: grammar/hcl.y
	@mkdir -p $(BUILD)/gen
	@echo "  BISON   $<"
	@bison -Wall -Werror --defines=$(BUILD)/gen/hcl.tab.h -o $(BUILD)/gen/hcl.tab.c $<

# The same grammar without LAC: it accepts the same input with the same
# actions, faster; parse.c runs it first and, after any error, the LAC
# parser (exact messages). Its parse function is renamed.
$(BUILD)/gen/hcl_fast.tab.c: grammar/hcl.y
	@mkdir -p $(BUILD)/gen
	@echo "  BISON   $< (without LAC)"
	@bison -Wall -Werror -F parse.lac=none -o $@ $<
$(BUILD)/gen/hcl_fast.tab.o: GEN_DEFS = -Dhclyyparse=hclyyparse_fast

$(BUILD)/gen/hcl.lex.c $(BUILD)/gen/hcl.lex.h: grammar/hcl.l
	@mkdir -p $(BUILD)/gen
	@echo "  FLEX    $<"
	@flex --header-file=$(BUILD)/gen/hcl.lex.h -o $(BUILD)/gen/hcl.lex.c $<

# generated code: same flags, minus warnings flex/bison output cannot avoid
$(BUILD)/gen/%.o: $(BUILD)/gen/%.c $(BUILD)/gen/hcl.tab.h $(BUILD)/gen/hcl.lex.h
	@echo "  CC      $<"
	@$(CC) $(CFLAGS_ALL) $(GEN_DEFS) -Wno-sign-compare -Wno-unused-parameter -Wno-unused-function -MMD -MP -c -o $@ $<

$(BUILD)/%.o: %.c | $(BUILD)/gen/hcl.tab.h $(BUILD)/gen/hcl.lex.h
	@mkdir -p $(dir $@)
	@echo "  CC      $<"
	@$(CC) $(CFLAGS_ALL) -MMD -MP -c -o $@ $<

$(BUILD)/%.o: %.cc
	@mkdir -p $(dir $@)
	@echo "  CXX     $<"
	@$(CXX) $(CXXFLAGS_ALL) -MMD -MP -c -o $@ $<

-include $(shell find $(BUILD) -name '*.d' 2>/dev/null)

# ---- tests -----------------------------------------------------------------
$(BUILD)/unit-tests: $(UNIT_OBJ) $(LIB_OBJ)
	@echo "  LD      $@"
	@$(CC) $(SANFLAGS) -o $@ $^ $(LDLIBS_ALL) -lcriterion

$(BUILD)/tests/unit/%.o: tests/unit/%.c | $(BUILD)/gen/hcl.tab.h
	@mkdir -p $(dir $@)
	@echo "  CC      $<"
	@$(CC) $(CFLAGS_ALL) -Wno-missing-field-initializers -MMD -MP -c -o $@ $<

tools: build/tools/hcl1json build/tools/hcl2json

build/tools/hcl1json: $(SHARED)/tools/hcl1json/main.go
	@mkdir -p build/tools
	sh $(SHARED)/tools/hcl1json/build.sh $(abspath $@) >/dev/null

# HashiCorp's HCL2 library: the nomad-hcl2 rewrites must parse with it
build/tools/hcl2json: $(SHARED)/tools/hcl2json/main.go
	@mkdir -p build/tools
	sh $(SHARED)/tools/hcl2json/build.sh $(abspath $@) >/dev/null

unit: $(BUILD)/unit-tests
	$(BUILD)/unit-tests --jobs=2

golden: $(BUILD)/rktc
	sh tests/golden.sh $(BUILD)/rktc
	sh tests/cli.sh $(BUILD)/rktc
	sh tests/fuzz-regressions.sh $(BUILD)/rktc
	sh tests/hostile.sh $(BUILD)/rktc

corpus: $(BUILD)/rktc
	sh tests/corpus.sh $(BUILD)/rktc $(SHARED)
	sh tests/jobspec-corpus.sh $(BUILD)/rktc $(SHARED)
	sh tests/validate-corpus.sh $(BUILD)/rktc $(SHARED)
	sh tests/exit-agreement.sh $(BUILD)/rktc $(SHARED)

# check's reports against their schemas and consumers (JUnit, SARIF)
# (REPORTS_EVERY=N: every N-th corpus file only, for the sanitizer pass)
REPORTS_EVERY ?=
reports: $(BUILD)/rktc
	sh tests/reports.sh $(BUILD)/rktc $(SHARED) $(REPORTS_EVERY)

# the man page, generated from the command and rule tables
man: $(BUILD)/rktc
	$(BUILD)/rktc rules --format=man >$(BUILD)/rktc.1
	sh tests/manpage.sh $(BUILD)/rktc

# the documentation ships: no citation of material outside the repository,
# every rule explained with a bad and a good example, a clean man page
docs-check: $(BUILD)/rktc
	sh tests/self-contained.sh
	sh tests/docs-keys.sh
	sh tests/explain.sh $(BUILD)/rktc
	sh tests/manpage.sh $(BUILD)/rktc

# the layering of docs/architecture.md: no #include from a lower layer into a
# higher one, no printing or exiting below src/cli, no raw allocation outside
# src/util; the self-test plants violations and fails unless all are caught
layers:
	python3 tests/layers.py --self-test
	python3 tests/layers.py

# one suite, run by `check` twice: plain and under sanitizers
conformance: $(BUILD)/rktc
	sh tests/conformance.sh $(BUILD)/rktc $(SHARED)
	sh tests/rkt-corpus.sh $(BUILD)/rktc $(SHARED)

test: $(BUILD)/rktc layers unit golden corpus reports conformance build-check migrate-check docs-check lsp-check

# rktc lsp: the protocol edge cases, then a real client (headless Neovim)
lsp-check: $(BUILD)/rktc
	python3 tests/lsp/protocol.py $(BUILD)/rktc
	sh tests/lsp/nvim-test.sh $(BUILD)/rktc

# rktc audit and the nomad-docker/nomad-podman rewrites over the corpus's rkt jobs
migrate-check: $(BUILD)/rktc tools build/tools/hcl1fmt
	sh tests/migrate.sh $(BUILD)/rktc $(SHARED) build/tools/hcl1json build/tools/hcl1fmt
	sh tests/migrate-hcl2.sh $(BUILD)/rktc $(SHARED) build/tools/hcl2json

# HCL1's own printer (hclfmt layout), to check the layout of rewritten blocks
build/tools/hcl1fmt: tests/tools/hcl1fmt/main.go
	@mkdir -p build/tools
	sh tests/tools/hcl1fmt/build.sh $(abspath $@) >/dev/null

# rktc build: launchers replay the plan under fake-rkt, units read back by systemd
build-check: $(BUILD)/rktc
	python3 tests/build_targets.py $(BUILD)/rktc $(SHARED) examples/web.nomad \
	  testdata/build/*.nomad $(SHARED)/conformance/argv/*.hcl

asan:
	$(MAKE) --no-print-directory BUILD=build/asan OPT="-O1 -g" REPORTS_EVERY=7 \
	  SANFLAGS="-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all" test

check: deps-test
	$(MAKE) --no-print-directory rktc
	$(MAKE) --no-print-directory test
	$(MAKE) --no-print-directory lint
	ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 $(MAKE) --no-print-directory asan
	@echo "make check: all suites passed (plain, static analysis, ASan+UBSan)"

# the three uses on bundled files: lint a job with mistakes (exit 1 is the
# expected outcome), then plan and build units for the host examples/node.hcl
demo: all
	@echo '==> 1. rktc check examples/cache.nomad  (a job with mistakes; exit status 1)'
	@./rktc check examples/cache.nomad || [ $$? -eq 1 ]
	@echo
	@echo '==> 2. rktc plan --node examples/node.hcl examples/web.nomad  (the rkt commands Nomad would run)'
	@./rktc plan --node examples/node.hcl examples/web.nomad
	@echo
	@echo '==> 3. rktc build --target=systemd --node examples/node.hcl -o build/demo/systemd examples/web.nomad'
	@rm -rf build/demo/systemd
	@./rktc build --target=systemd --node examples/node.hcl -o build/demo/systemd examples/web.nomad
	@for f in build/demo/systemd/*.service build/demo/systemd/*.target; do echo "--- $$f"; cat "$$f"; done
	@echo
	@echo '==> next: rktc audit examples/web.nomad (migration), rktc explain RKT015, man -l build/release/rktc.1 after make man'

# static analysis: gcc -fanalyzer and clang-tidy (.clang-tidy) on our code
lint: $(BUILD)/gen/hcl.tab.h $(BUILD)/gen/hcl.lex.h
	sh tests/lint.sh $(BUILD)

# ---- fuzzing and benchmarks ------------------------------------------------
FUZZ_SECONDS ?= 60
fuzz:
	@sh tests/tools/install-deps.sh clang libclang-rt-14-dev
	sh tests/fuzz/run.sh $(FUZZ_SECONDS) hcl json lsp
	sh tests/fuzz/run-lsp-server.sh $(FUZZ_SECONDS)
	sh tests/fuzz/run-plan.sh $(FUZZ_SECONDS) plan
	sh tests/fuzz/run-plan.sh $(FUZZ_SECONDS) check
	sh tests/fuzz/run-cli.sh $(FUZZ_SECONDS) node config report args

$(BUILD)/bench-parse: bench/bench_parse.c $(FRONT_OBJ)
	@echo "  LD      $@"
	@$(CC) $(CFLAGS_ALL) -o $@ $^ $(LDLIBS_ALL)

NOMAD_OBJ := $(patsubst %.c,$(BUILD)/%.o,$(wildcard src/nomad/*.c))
$(BUILD)/bench-nomad: bench/bench_nomad.c $(FRONT_OBJ) $(NOMAD_OBJ)
	@echo "  LD      $@"
	@$(CC) $(CFLAGS_ALL) -o $@ $^ $(LDLIBS_ALL)

bench: deps rktc tools
	sh bench/ratios.sh ./rktc $(SHARED) build/tools/hcl1json
	sh bench/run.sh ./rktc $(SHARED)
	sh bench/nomad.sh $(SHARED)
	sh bench/build.sh ./rktc $(SHARED)

clean:
	rm -rf build rktc
