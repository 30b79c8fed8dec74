"""End to end with a real LSP client library: pygls (PyPI) drives `eplan lsp` on a copy of a fixture.

usage: pygls_client.py EPLAN FIXTURE_REPOSITORY PLAN_FILE
Opens the plan, breaks its parent id with an incremental edit, waits for parent-unresolved, hovers
and completes the parent id, applies the "did you mean" quick fix and waits for the finding to go.
Prints OK and exits 0 when every step did what it should.
"""
import asyncio
import os
import sys
from urllib.parse import quote

from lsprotocol import types
from pygls.lsp.client import LanguageClient


def fail(why):
    print("FAIL:", why)
    sys.exit(1)


async def main(eplan, root, plan):
    client = LanguageClient("eplan-test", "1")
    published = {}
    arrived = asyncio.Event()

    @client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    def diagnostics(params):
        published[params.uri] = params.diagnostics
        arrived.set()

    async def next_diagnostics(uri):
        arrived.clear()
        await asyncio.wait_for(arrived.wait(), 30)
        return published[uri]

    await client.start_io(eplan, "lsp", "--today", "2026-11-30", "--lang", "en")
    result = await client.initialize_async(types.InitializeParams(
        capabilities=types.ClientCapabilities(), root_uri="file://" + quote(root)))
    if not result.capabilities.hover_provider or not result.capabilities.completion_provider:
        fail("capabilities lack hover or completion")
    client.initialized(types.InitializedParams())

    path = os.path.join(root, plan)
    uri = "file://" + quote(path)
    with open(path, encoding="utf-8") as f:
        text = f.read()
    lines = text.split("\n")
    row = next(i for i, line in enumerate(lines) if line.startswith("parent:"))
    line = lines[row]
    parent = line.split("id:")[1].split(",")[0].strip() if "{" in line else line.split(":", 1)[1].strip()
    start = line.index(parent)

    client.text_document_did_open(types.DidOpenTextDocumentParams(
        text_document=types.TextDocumentItem(uri=uri, language_id="yaml", version=1, text=text)))
    before = await next_diagnostics(uri)
    if any(d.code == "parent-unresolved" for d in before):
        fail("parent-unresolved before the edit")

    # Drop one letter of the parent id (an incremental change).
    broken = parent[:-1]
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=2),
        content_changes=[types.TextDocumentContentChangePartial(
            range=types.Range(start=types.Position(line=row, character=start + len(parent) - 1),
                              end=types.Position(line=row, character=start + len(parent))), text="")]))
    after = await next_diagnostics(uri)
    finding = next((d for d in after if d.code == "parent-unresolved"), None)
    if finding is None:
        fail(f"no parent-unresolved after the edit: {after}")
    if finding.range.start.line != row or finding.severity != types.DiagnosticSeverity.Error:
        fail(f"wrong range or severity: {finding}")

    hover = await client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=uri), position=types.Position(line=row, character=start + 1)))
    if hover is not None:
        fail(f"hover on an unresolved id should say nothing: {hover}")

    completion = await client.text_document_completion_async(types.CompletionParams(
        text_document=types.TextDocumentIdentifier(uri=uri), position=types.Position(line=row, character=start + len(broken))))
    items = completion.items if hasattr(completion, "items") else completion
    if parent not in [item.label for item in items]:
        fail(f"completion does not offer {parent}: {[item.label for item in items][:10]}")

    actions = await client.text_document_code_action_async(types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri=uri), range=finding.range,
        context=types.CodeActionContext(diagnostics=[finding])))
    fix = next((a for a in actions if a.is_preferred), None)
    if fix is None:
        fail(f"no preferred quick fix: {[a.title for a in actions]}")
    edits = fix.edit.changes[uri]
    if [e.new_text for e in edits] != [parent]:
        fail(f"the quick fix does not restore {parent}: {edits}")
    # Apply it as an editor would.
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=3),
        content_changes=[types.TextDocumentContentChangePartial(range=e.range, text=e.new_text) for e in edits]))
    fixed = await next_diagnostics(uri)
    if any(d.code == "parent-unresolved" for d in fixed):
        fail("parent-unresolved is still there after the quick fix")

    hover = await client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=uri), position=types.Position(line=row, character=start + 1)))
    if hover is None or parent not in hover.contents.value:
        fail(f"hover on the parent id does not name it: {hover}")

    await client.shutdown_async(None)
    client.exit(None)
    await client.stop()
    print("OK")


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1], os.path.abspath(sys.argv[2]), sys.argv[3]))
