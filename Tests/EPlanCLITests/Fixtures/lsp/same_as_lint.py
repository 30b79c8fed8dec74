"""eplan lsp publishes, for a file opened in the editor, exactly the findings of `eplan lint FILE`.

usage: same_as_lint.py EPLAN REPOSITORY...   (exit 0 when every file of every repository agrees)
Every eplan YAML file of each repository is opened (its own text), its diagnostics compared with
`eplan lint FILE --format json` run from the repository root, and closed again; then each file is
edited in memory (a line appended that breaks it) and compared with lint on a copy holding the edit.
"""
import json
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


def check(eplan, repository):
    root = os.path.abspath(repository)
    client = Client([eplan, "lsp", "--today", TODAY, "--lang", "en"])
    client.initialize()
    failures = 0
    compared = 0
    for path in files(root):
        with open(path, encoding="utf-8", errors="replace") as f:
            text = f.read()
        want = lint(eplan, root, path)
        if want is None:
            continue
        for edit in (False, True):
            body = text + "\nx-unknown: [\n" if edit else text
            if edit:
                # lint the edited text from a copy of the repository
                copy = tempfile.mkdtemp()
                shutil.copytree(root, copy, dirs_exist_ok=True, symlinks=True)
                target = os.path.join(copy, os.path.relpath(path, root))
                with open(target, "w", encoding="utf-8") as f:
                    f.write(body)
                want = lint(eplan, copy, target)
                shutil.rmtree(copy)
                if want is None:
                    continue
            client.notify("textDocument/didOpen", {"textDocument": {"uri": uri(path), "languageId": "yaml", "version": 1, "text": body}})
            got = client.diagnostics(uri(path))["diagnostics"]
            client.notify("textDocument/didClose", {"textDocument": {"uri": uri(path)}})
            client.diagnostics(uri(path))  # the close clears them
            compared += 1
            if published(got) != expected(want, body):
                failures += 1
                print(f"DIFFERENT: {os.path.relpath(path, root)}{' (edited)' if edit else ''}")
                print("  lint:", expected(want, body))
                print("  lsp: ", published(got))
    status = client.stop()
    if status != 0:
        print(f"eplan lsp exited with {status} after shutdown and exit")
        failures += 1
    print(f"{repository}: {compared} documents compared, {failures} different")
    return failures


if __name__ == "__main__":
    eplan = sys.argv[1]
    sys.exit(1 if sum(check(eplan, repository) for repository in sys.argv[2:]) else 0)
