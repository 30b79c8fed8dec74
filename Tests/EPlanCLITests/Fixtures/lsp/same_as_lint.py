"""eplan lsp publishes, for a file opened in the editor, exactly the findings of `eplan lint FILE`.

usage: same_as_lint.py EPLAN REPOSITORY...   (exit 0 when every file of every repository agrees)
Every eplan YAML file of each repository is opened (its own text) and its diagnostics compared with
`eplan lint FILE --format json` run from the repository root; then it is edited in memory (every
position shifted by a line, then broken, then restored), each edit compared with lint on a copy of the
repository holding the edited text; then closed.
"""
import json
import re
import os
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from lspclient import Client, uri, utf16_position  # noqa: E402

TODAY = "2026-11-30"


def files(root):
    for folder, subfolders, names in os.walk(root):
        subfolders[:] = sorted(d for d in subfolders if not d.startswith("."))
        for name in sorted(names):
            if name.endswith((".yaml", ".yml")):
                yield os.path.join(folder, name)


def lint(eplan, root, path):
    run = subprocess.run([eplan, "lint", os.path.relpath(path, root), "--format", "json", "--today", TODAY, "--no-cache", "--lang", "en"],
                         cwd=root, capture_output=True, text=True, env=dict(os.environ, NO_COLOR="1"))
    if run.returncode == 2:
        return None  # not linted (no eplan file, invalid configuration)
    return json.loads(run.stdout)["diagnostics"]


def expected(findings, text):
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    result = []
    for d in findings:
        message = d["message"] + ("\nhelp: " + d["help"] if "help" in d else "")
        start = utf16_position(lines, d["line"], d["column"])
        end = utf16_position(lines, d["endLine"], d["endColumn"])
        if (end["line"], end["character"]) < (start["line"], start["character"]):
            end = start
        severity = {"error": 1, "warning": 2, "note": 3}[d["severity"]]
        related = [r["message"] for r in d.get("related", [])]
        result.append((d["rule"], severity, message, start["line"], start["character"], end["line"], end["character"], related))
    return sorted(result)


def published(diagnostics):
    return sorted((d["code"], d["severity"], d["message"], d["range"]["start"]["line"], d["range"]["start"]["character"],
                   d["range"]["end"]["line"], d["range"]["end"]["character"], [r["message"] for r in d.get("relatedInformation", [])])
                  for d in diagnostics)


def lint_edited(eplan, root, path, body):
    """`eplan lint FILE` on a copy of the repository whose file holds body."""
    copy = tempfile.mkdtemp()
    try:
        shutil.copytree(root, copy, dirs_exist_ok=True, symlinks=True)
        target = os.path.join(copy, os.path.relpath(path, root))
        with open(target, "w", encoding="utf-8") as f:
            f.write(body)
        return lint(eplan, copy, target)
    finally:
        shutil.rmtree(copy)


def edits(text):
    """Edits in the order an editor sends them: spans shifted by a line and a longer title (the server
    patches its index), a syntax error (the index is built anew), then the original text again."""
    shifted = "# edited in the editor\n" + text.replace("\ntitle: ", "\ntitle: X ", 1)
    # A parent id mistyped (the index is patched, the parents named are counted again).
    retyped = re.sub(r"(?m)^(parent: *(?:\{ *id: *)?)([A-Za-z0-9._-]+)", r"\1\2x", shifted, count=1)
    # The plan's own id and its resource ids retyped (patched too, unless a duplicate arises).
    renamed = re.sub(r"(?m)^(id: *)([A-Za-z0-9._-]+)", r"\1\2z", retyped, count=1)
    renamed = re.sub(r"(?m)^(  - id: *)([A-Za-z0-9._-]+)", r"\1\2z", renamed)
    # Its kind and region changed (the lookups' lists move it).
    moved = re.sub(r"(?m)^kind: *master$", "kind: special", renamed, count=1)
    moved = re.sub(r"(?m)^kind: *special$", "kind: master", moved, count=1) if moved == renamed else moved
    moved = re.sub(r"(?m)^(region: *)(\S+)", r"\1\2/zz", moved, count=1)
    return [("shifted", shifted), ("parent retyped", retyped), ("id and resources renamed", renamed), ("kind and region moved", moved),
            ("broken", text + "\nx-unknown: [\n"), ("restored", text)]


def check(eplan, repository):
    root = os.path.abspath(repository)
    client = Client([eplan, "lsp", "--today", TODAY, "--lang", "en"])
    client.initialize()
    failures = 0
    compared = 0

    def compare(path, what, got, want, body):
        nonlocal failures, compared
        compared += 1
        if published(got) != expected(want, body):
            failures += 1
            print(f"DIFFERENT: {os.path.relpath(path, root)} ({what})")
            print("  lint:", expected(want, body))
            print("  lsp: ", published(got))

    for path in files(root):
        with open(path, encoding="utf-8", errors="replace") as f:
            text = f.read()
        want = lint(eplan, root, path)
        if want is None:
            continue
        document = uri(path)
        client.notify("textDocument/didOpen", {"textDocument": {"uri": document, "languageId": "yaml", "version": 1, "text": text}})
        compare(path, "opened", client.diagnostics(document)["diagnostics"], want, text)
        version = 1
        for what, body in edits(text):
            version += 1
            client.notify("textDocument/didChange", {"textDocument": {"uri": document, "version": version},
                                                     "contentChanges": [{"text": body}]})
            got = client.diagnostics(document)["diagnostics"]
            edited = want if what == "restored" else lint_edited(eplan, root, path, body)
            if edited is not None:
                compare(path, what, got, edited, body)
        client.notify("textDocument/didClose", {"textDocument": {"uri": document}})
        client.diagnostics(document)  # the close clears them
    status = client.stop()
    if status != 0:
        print(f"eplan lsp exited with {status} after shutdown and exit")
        failures += 1
    print(f"{repository}: {compared} documents compared, {failures} different")
    return failures


if __name__ == "__main__":
    eplan = os.path.abspath(sys.argv[1]) if os.path.exists(sys.argv[1]) else sys.argv[1]
    sys.exit(1 if sum(check(eplan, repository) for repository in sys.argv[2:]) else 0)
