# gocc: build, test and corpus targets. `make run` and `make test` are the two set-up commands.
GO      ?= go
BIN     := bin
GOCC    := $(BIN)/gocc
PREFIX  ?= /usr/local
JOBS    ?= 2
TEST_TIMEOUT ?= 20m

# Debian packages the project needs (see README.md "Dependencies" for why each is there).
DEB_PACKAGES := binutils binutils-aarch64-linux-gnu binutils-riscv64-linux-gnu \
	libc6-dev libc6-dev-arm64-cross libc6-dev-riscv64-cross \
	gcc-aarch64-linux-gnu gcc-riscv64-linux-gnu qemu-user gcc-12-source time \
	csmith libcsmith-dev cvise \
	linux-source-6.1 flex bison bc libelf-dev cpio libc6-dev-i386 \
	ccache distcc binutils-source cmake autoconf automake pkg-config dejagnu
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: all deps build install run test acceptance torture torture-fast csmith csmith-fast kernel-syntax kernel-syntax-fast syntax-check nocrash realworld realworld-fast bench clean ppdiff ppdiff-fast ppbench

all: build

deps:
	@missing=""; for p in $(DEB_PACKAGES); do \
		dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'install ok installed' || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
		echo "installing:$$missing"; \
		$(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing; \
	else echo "deps: all Debian packages present"; fi
	$(GO) mod download

build:
	$(GO) build -o $(GOCC) ./cmd/gocc

install: build
	install -D -m 0755 $(GOCC) $(DESTDIR)$(PREFIX)/bin/gocc

# Compile and run the bundled example with gocc (and only as/ld besides it).
run: deps build
	$(GOCC) -O2 -o $(BIN)/example examples/example.c -lm
	./$(BIN)/example

# gocc with a PATH of only as, ld and gocc: compile, link and run a program that uses
# stdio, stdlib, string, math, setjmp, stdarg, pthreads and qsort.
acceptance:
	$(GO) test -count=1 -run 'TestAcceptance' -v .

test:
	$(GO) vet ./...
	$(GO) test -timeout $(TEST_TIMEOUT) ./...
	$(MAKE) --no-print-directory torture-fast
	$(MAKE) --no-print-directory csmith-fast

# gcc's torture execute suite (execute, ieee, builtins) at each level of LEVELS; the
# known failures are per level in torture/expect-x86_64-O<level>.txt, the pass rates per
# subset go to torture/SUMMARY.md. A run fails only on regressions against the expectations.
LEVELS ?= 0 2
TORTURE = $(GO) run ./cmd/torture --gocc $(GOCC) --jobs $(JOBS)
torture: build
	@set -e; for o in $(LEVELS); do \
		$(TORTURE) -O $$o --expect torture/expect-x86_64-O$$o.txt --summary torture/SUMMARY.md; \
	done

# The deterministic 10% sample (every 10th test by name) that `make test` and CI run.
torture-fast: build
	@set -e; for o in $(LEVELS); do \
		$(TORTURE) -O $$o --fast --expect torture/expect-x86_64-O$$o.txt; \
	done

# Differential testing against gcc with Csmith programs at -O0 and -O2 (findings and
# log under $(CSMITH_OUT)). csmith-fast is the CI sample: seeds 1-50.
CSMITH_SEEDS ?= 1-6300
CSMITH_OUT ?= $(or $(TMPDIR),/tmp)/gocc-csmith
csmith: build
	$(GO) run ./cmd/csmith --gocc $(GOCC) --jobs $(JOBS) --seeds $(CSMITH_SEEDS) -O 0,2 --out $(CSMITH_OUT)

csmith-fast: build
	$(GO) run ./cmd/csmith --gocc $(GOCC) --jobs $(JOBS) --fast -O 0,2 --out $(CSMITH_OUT)

# gocc -E against gcc -E, token for token (torture, /usr/include and Linux kernel
# corpora) and the -M family's dependency output byte for byte (torture). The kernel
# corpus is the C and .S files of the tinyconfig build `make kernel-syntax` makes, with
# kbuild's flags. PPJOBS defaults to one core.
PPJOBS ?= 1
PPDIFF := $(GO) run ./cmd/ppdiff --gocc $(GOCC) --jobs $(PPJOBS)
ppdiff: build
	$(PPDIFF) --mode tokens --corpus torture,headers --expect preproc/ppdiff/expect-tokens.txt
	$(PPDIFF) --mode tokens --corpus kernel --expect preproc/ppdiff/expect-kernel.txt
	$(PPDIFF) --mode deps --corpus torture --expect preproc/ppdiff/expect-deps.txt
	$(PPDIFF) --mode text --corpus torture,headers,kernel --expect preproc/ppdiff/expect-text.txt

# Preprocessing speed, gocc -E against gcc -E in the same run, one file at a time: the
# kernel corpus (the acceptance figure in README.md), then the headers.
ppbench: build
	$(PPDIFF) --bench 1 --corpus kernel,headers

ppdiff-fast: build
	$(PPDIFF) --fast --mode tokens --corpus torture,headers --expect preproc/ppdiff/expect-tokens.txt
	$(PPDIFF) --fast --mode tokens --corpus kernel --expect preproc/ppdiff/expect-kernel.txt
	$(PPDIFF) --fast --mode deps --corpus torture --expect preproc/ppdiff/expect-deps.txt
	$(PPDIFF) --fast --mode text --corpus torture,headers,kernel --expect preproc/ppdiff/expect-text.txt

# gocc -fsyntax-only on every C file of an x86-64 tinyconfig Linux 6.1 build, with the
# flags kbuild passed to gcc (kernel/README.md). The first run builds the kernel with gcc
# (make -j$(JOBS), a few minutes) into ~/.cache/gocc/kernel; the files are then checked
# one at a time. kernel-syntax-fast checks every 10th file.
KERNEL_SYNTAX = $(GO) run ./cmd/kernelsyntax --gocc $(GOCC) --build-jobs $(JOBS)
# Real projects built with CC=gocc through their own build systems, with their tests:
# zlib and libiberty (binutils-source), a CMake and an autoconf project, make -j2 with
# -MD dependency files, ccache and distcc (torture/realworld.go). realworld-fast: the
# CMake, autoconf and make -MD projects.
realworld: build
	$(GO) run ./cmd/realworld --gocc $(GOCC)
realworld-fast: build
	$(GO) run ./cmd/realworld --gocc $(GOCC) --fast

# Issue 4's front-end check: gocc -fsyntax-only accepts every gcc.c-torture file gcc
# accepts (known exceptions, with reasons, in torture/expect-syntax.txt).
syntax-check: build
	$(GO) run ./cmd/nocrash --gocc $(GOCC) --jobs $(JOBS) --syntax --compare-gcc \
		--dirs gcc.c-torture/compile,gcc.c-torture/execute --expect torture/expect-syntax.txt

# The no-crash corpus: gcc.dg, gcc.c-torture/compile and execute through gocc -S
# (-fsyntax-only for files that expect errors): no internal errors, no hangs.
nocrash: build
	$(GO) run ./cmd/nocrash --gocc $(GOCC) --jobs $(JOBS)

kernel-syntax: build
	$(KERNEL_SYNTAX)

kernel-syntax-fast: build
	$(KERNEL_SYNTAX) --fast

bench: build
	./bench/run.sh $(GOCC)

clean:
	rm -rf $(BIN)
	$(GO) clean -testcache
