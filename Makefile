# eplan: build, run on the sample plans, test, install.
# Every target installs what is missing first (libyaml-dev and libmimalloc-dev through apt-get).

PREFIX ?= /usr/local
SWIFT ?= swift
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: all deps test-deps build release run test install catalog docs fuzz report export export-page clean bench bench-instructions bench-lsp

all: build

## deps: install what the build links when it is missing: libyaml-dev (found through pkg-config) and
## libmimalloc-dev (mimalloc replaces malloc in eplan: docs/performance.md)
deps:
	@missing=""; \
	{ command -v pkg-config >/dev/null 2>&1 && pkg-config --exists yaml-0.1; } || missing="$$missing libyaml-dev pkg-config"; \
	[ -e /usr/include/mimalloc.h ] || [ -e /usr/local/include/mimalloc.h ] || missing="$$missing libmimalloc-dev"; \
	if [ -n "$$missing" ]; then echo "make: installing$$missing with apt-get"; \
		$(SUDO) apt-get update -qq && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq$$missing; fi
	@command -v $(SWIFT) >/dev/null 2>&1 || { echo "make: swift is not on PATH (Swift 6 is needed)"; exit 2; }

build: deps
	$(SWIFT) build

## release: the optimised build; on Linux it links the Swift runtime and libraries into the binary
## (--static-swift-stdlib): it runs where Swift is not installed and starts and runs faster (docs/performance.md)
RELEASE_FLAGS ?= $(if $(filter Linux,$(shell uname -s)),--static-swift-stdlib)
export RELEASE_FLAGS
release: deps
	$(SWIFT) build -c release $(RELEASE_FLAGS)

## run: build release and lint the sample plan repository
run: release
	.build/release/eplan lint plans

## test-deps: what the tests run besides eplan, installed with one apt-get call when any is missing:
## Graphviz (renders `eplan graph` output); unzip, pandoc, LibreOffice Writer, poppler-utils and CJK fonts
## (read back and render the DOCX of `eplan export`); Neovim and pygls (PyPI), for the end-to-end tests
## of `eplan lsp` with real LSP clients
TEST_TOOLS = dot:graphviz unzip:unzip pandoc:pandoc soffice:libreoffice-writer-nogui \
	pdfinfo:poppler-utils pdftotext:poppler-utils fc-list:fontconfig nvim:neovim
test-deps:
	@missing=""; for t in $(TEST_TOOLS); do \
		command -v "$${t%%:*}" >/dev/null 2>&1 || missing="$$missing $${t#*:}"; done; \
	[ -e /usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc ] || missing="$$missing fonts-noto-cjk"; \
	if [ -n "$$missing" ]; then echo "make: installing$$missing with apt-get"; \
		$(SUDO) apt-get update -qq && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing; fi
	@python3 -c 'import pygls.lsp.client, lsprotocol' >/dev/null 2>&1 || { echo "make: installing pygls with pip (--user)"; \
		python3 -m pip install --user --quiet 'pygls>=2,<3' 2>/dev/null \
		|| python3 -m pip install --user --quiet --break-system-packages 'pygls>=2,<3'; }

## test: the whole test suite (unit tests and the built binary on fixtures)
test: deps test-deps
	$(SWIFT) build
	$(SWIFT) test

## install: the eplan binary, its man page and shell completions under $(PREFIX)
install: release
	install -d "$(DESTDIR)$(PREFIX)/bin" "$(DESTDIR)$(PREFIX)/share/man/man1" \
		"$(DESTDIR)$(PREFIX)/share/bash-completion/completions" "$(DESTDIR)$(PREFIX)/share/zsh/site-functions" \
		"$(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d"
	install -m 755 .build/release/eplan "$(DESTDIR)$(PREFIX)/bin/eplan"
	$(SWIFT) package --allow-writing-to-package-directory generate-manual
	install -m 644 .build/plugins/GenerateManual/outputs/eplan/eplan.1 "$(DESTDIR)$(PREFIX)/share/man/man1/eplan.1"
	.build/release/eplan --generate-completion-script bash > "$(DESTDIR)$(PREFIX)/share/bash-completion/completions/eplan"
	.build/release/eplan --generate-completion-script zsh > "$(DESTDIR)$(PREFIX)/share/zsh/site-functions/_eplan"
	.build/release/eplan --generate-completion-script fish > "$(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d/eplan.fish"

## catalog: regenerate Sources/EPlanKit/Rules/RuleCatalog.swift from the rule files in the group folders
## (a new rule goes at the end of its group; builds only the generator, so it works while EPlanKit does not compile)
catalog: deps
	$(SWIFT) run eplan-catalog Sources/EPlanKit/Rules

## docs: regenerate the generated files: the rule catalogue, docs/rules.md, docs/zh/rules.md and the JSON Schemas in schemas/
docs: catalog
	$(SWIFT) build
	.build/debug/eplan rules --markdown --lang en > docs/rules.md
	mkdir -p docs/zh
	.build/debug/eplan rules --markdown --lang zh-CN > docs/zh/rules.md
	mkdir -p schemas
	for t in plan regions inventory config; do .build/debug/eplan schema $$t > schemas/$$t.schema.json; done

## bench: time eplan on generated repositories of 10,000 and 100,000 plans (benchmarks/run.sh; output in .build-bench/)
bench: deps
	SWIFT="$(SWIFT)" bash benchmarks/run.sh

## bench-instructions: callgrind instruction counts of cold, filling, warm, later-day and one-file runs
## (benchmarks/instructions.sh): the stable figures of docs/performance.md; installs valgrind when missing
bench-instructions: deps
	@command -v valgrind >/dev/null 2>&1 || { echo "make: installing valgrind with apt-get"; \
		$(SUDO) apt-get update -qq && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq valgrind; }
	SWIFT="$(SWIFT)" bash benchmarks/instructions.sh

## bench-lsp: latency of `eplan lsp` from didChange to publishDiagnostics on a 10,000-plan repository (benchmarks/lsp.py)
bench-lsp: release
	python3 benchmarks/lsp.py --plans 10000

## fuzz: libFuzzer over the YAML layer, decoders, rules and reports for SECONDS (default 60);
## seeds from plans/ and ../shared/corpora/yaml-test-suite; crashes land in .build-fuzz/artifacts/
SECONDS ?= 60
FUZZ_FLAGS = --sanitize=fuzzer --sanitize=address -Xswiftc -DFUZZER \
	-Xswiftc -sanitize-coverage=edge,inline-8bit-counters,pc-table,trace-cmp
fuzz: deps
	$(SWIFT) build -c release --product eplan-fuzz --build-path .build-fuzz $(FUZZ_FLAGS)
	mkdir -p .build-fuzz/seeds .build-fuzz/corpus .build-fuzz/artifacts
	find plans Tests -name '*.yaml' | while read f; do cp "$$f" ".build-fuzz/seeds/$$(echo "$$f" | tr / _)"; done
	if [ -d ../shared/corpora/yaml-test-suite ]; then cp ../shared/corpora/yaml-test-suite/*.yaml .build-fuzz/seeds/; fi
	.build-fuzz/release/eplan-fuzz -max_total_time=$(SECONDS) -timeout=10 -rss_limit_mb=4096 -max_len=16384 \
		-artifact_prefix=.build-fuzz/artifacts/ .build-fuzz/corpus .build-fuzz/seeds

## report: the HTML report of the sample plans/ in report/, and its screenshot docs/report.png (headless Chromium)
report: release
	.build/release/eplan report plans --out report --force
	@command -v chromium >/dev/null 2>&1 || { echo "make: installing chromium and CJK fonts with apt-get"; \
		$(SUDO) apt-get update -qq && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk; }
	chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1400,2000 \
		--screenshot="$(CURDIR)/docs/report.png" "file://$(CURDIR)/report/index.html" 2>/dev/null

## export: the published documents of the sample plans/ in export/ (HTML and Markdown; docs/export.md)
EXPORT_FORMATS ?= html markdown
export: build
	for f in $(EXPORT_FORMATS); do .build/debug/eplan export plans --format $$f --out export/$$f || exit $$?; done

## export-page: docs/export-page.png, the first page of qs.lin.flood's document printed on A4 (headless Chromium, pdftoppm)
export-page: export
	@command -v chromium >/dev/null 2>&1 && command -v pdftoppm >/dev/null 2>&1 || { echo "make: installing chromium, poppler-utils and CJK fonts with apt-get"; \
		$(SUDO) apt-get update -qq && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium poppler-utils fonts-noto-cjk; }
	chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer --print-to-pdf="$(CURDIR)/export/qs.lin.flood.pdf" \
		"file://$(CURDIR)/export/html/qs.lin.flood.html" 2>/dev/null
	pdftoppm -png -r 80 -f 1 -l 1 -singlefile export/qs.lin.flood.pdf docs/export-page

clean:
	rm -rf .build .build-fuzz .build-bench
