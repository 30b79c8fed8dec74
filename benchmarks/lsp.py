#!/usr/bin/env python3
"""Latency of `eplan lsp` (`make bench-lsp`): from a didChange to the publishDiagnostics it causes.

usage: benchmarks/lsp.py [--eplan PATH] [--plans N] [--edits K] [--repository DIR]

Generates (or reuses) a repository of N plans with benchmarks/generate.py, starts the release build of
`eplan lsp` over pipes, opens a county master plan and its parent (the city master plan), then:

- types K single-character edits into the child's title, one at a time, each sent as an incremental
  didChange and timed until the child's publishDiagnostics arrives (the server lints after every
  message that arrived: no debounce);
- K edits of the parent's version that change the child's findings (`parent-stale` on and off), timed
  until both documents are republished;
- K edits that give the child its parent's id and back: a duplicate id, for which the index cannot be
  patched (it is built anew: the slow path).

Prints the start-up time (initialize to the first publish, the repository read in full) and the
median, 90th percentile and maximum of each kind of edit, in milliseconds.
"""
import argparse
import os
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, os.path.join(ROOT, "Tests", "EPlanCLITests", "Fixtures", "lsp"))
from lspclient import Client, uri  # noqa: E402


def repository(plans, given):
    if given:
        return os.path.abspath(given)
    folder = os.path.join(ROOT, ".build-bench", f"plans-{plans}")
    stamp = subprocess.run([sys.executable, os.path.join(HERE, "generate.py"), "--stamp", "--plans", str(plans), "--seed", "1"],
                           capture_output=True, text=True, check=True).stdout.strip()
    stamp_file = os.path.join(folder, "generator-stamp.txt")
    if not (os.path.exists(stamp_file) and open(stamp_file).read().strip() == stamp):
        subprocess.run(["rm", "-rf", folder, folder + ".tmp"], check=True)
        subprocess.run([sys.executable, os.path.join(HERE, "generate.py"), folder + ".tmp", "--plans", str(plans), "--seed", "1"], check=True)
        os.rename(folder + ".tmp", folder)
    return folder


def milliseconds(values):
    values = sorted(values)
    p90 = values[min(len(values) - 1, int(round(0.9 * (len(values) - 1))))]
    return f"median {statistics.median(values):.1f} ms, p90 {p90:.1f} ms, max {values[-1]:.1f} ms ({len(values)} edits)"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--eplan", default=os.path.join(ROOT, ".build", "release", "eplan"))
    parser.add_argument("--plans", type=int, default=10000)
    parser.add_argument("--edits", type=int, default=50)
    parser.add_argument("--repository")
    args = parser.parse_args()
    root = repository(args.plans, args.repository)

    # A county master plan (pNNNN/cNN/master.yaml) and its parent, the city master plan.
    child = os.path.join(root, "p0001", "c01", "master.yaml")
    parent = os.path.join(root, "p0001", "master.yaml")
    child_text = open(child, encoding="utf-8").read()
    parent_text = open(parent, encoding="utf-8").read()
    child_lines = child_text.split("\n")
    parent_lines = parent_text.split("\n")
    title_row = next(i for i, line in enumerate(child_lines) if line.startswith("title:"))
    version_row = next(i for i, line in enumerate(parent_lines) if line.startswith("version:"))

    client = Client([args.eplan, "lsp", "--today", "2026-11-30", "--lang", "en"])
    started = time.perf_counter()
    client.initialize()
    client.notify("textDocument/didOpen", {"textDocument": {"uri": uri(child), "languageId": "yaml", "version": 1, "text": child_text}})
    first = client.diagnostics(uri(child))
    startup = (time.perf_counter() - started) * 1000
    client.notify("textDocument/didOpen", {"textDocument": {"uri": uri(parent), "languageId": "yaml", "version": 1, "text": parent_text}})
    client.diagnostics(uri(parent))

    typing = []
    version = 1
    for k in range(args.edits):
        version += 1
        # Type one character at the end of the title, or delete it again.
        end = len(child_lines[title_row].encode("utf-16-le")) // 2
        change = ({"range": {"start": {"line": title_row, "character": end}, "end": {"line": title_row, "character": end}}, "text": "x"}
                  if k % 2 == 0 else
                  {"range": {"start": {"line": title_row, "character": end}, "end": {"line": title_row, "character": end + 1}}, "text": ""})
        t0 = time.perf_counter()
        client.notify("textDocument/didChange", {"textDocument": {"uri": uri(child), "version": version}, "contentChanges": [change]})
        client.diagnostics(uri(child))
        typing.append((time.perf_counter() - t0) * 1000)

    crossing = []
    stale = 0
    line = parent_lines[version_row]
    for k in range(args.edits):
        version += 1
        # The parent's version moves on (the child becomes parent-stale) and back.
        text = 'version: "99.0"' if k % 2 == 0 else line
        current = line if k % 2 == 0 else 'version: "99.0"'
        change = {"range": {"start": {"line": version_row, "character": 0},
                            "end": {"line": version_row, "character": len(current)}}, "text": text}
        t0 = time.perf_counter()
        client.notify("textDocument/didChange", {"textDocument": {"uri": uri(parent), "version": version}, "contentChanges": [change]})
        client.diagnostics(uri(parent))
        published = client.diagnostics(uri(child))
        crossing.append((time.perf_counter() - t0) * 1000)
        stale += any(d["code"] == "parent-stale" for d in published["diagnostics"])
    rebuilding = []
    id_row = next(i for i, line in enumerate(child_lines) if line.startswith("id:"))
    own = child_lines[id_row]
    duplicate = "id: p0001.master"
    for k in range(args.edits):
        version += 1
        # The plan takes its parent's id and gives it back: a duplicate id, which only a build of the
        # index reports, so both edits build it anew (the slow path).
        current, text = (own, duplicate) if k % 2 == 0 else (duplicate, own)
        change = {"range": {"start": {"line": id_row, "character": 0}, "end": {"line": id_row, "character": len(current)}}, "text": text}
        t0 = time.perf_counter()
        client.notify("textDocument/didChange", {"textDocument": {"uri": uri(child), "version": version}, "contentChanges": [change]})
        client.diagnostics(uri(child))
        rebuilding.append((time.perf_counter() - t0) * 1000)
    status = client.stop()

    print(f"eplan lsp on {root} ({args.plans} plans)")
    print(f"start-up (initialize, open, first publish): {startup:.0f} ms; findings in the open plan: {len(first['diagnostics'])}")
    print(f"typing in a plan, didChange to publishDiagnostics: {milliseconds(typing)}")
    print(f"parent version edits, didChange to the child's republish: {milliseconds(crossing)}; parent-stale shown {stale} of {args.edits}")
    print(f"the plan's id made a duplicate and back (the index built anew), didChange to publishDiagnostics: {milliseconds(rebuilding)}")
    if stale != (args.edits + 1) // 2 or status != 0:
        print("bench-lsp: the child's parent-stale did not follow the parent's edits, or the server did not exit with 0")
        sys.exit(1)


if __name__ == "__main__":
    main()
