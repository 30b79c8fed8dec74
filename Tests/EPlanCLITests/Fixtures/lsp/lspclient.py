"""A minimal LSP client over pipes (standard library only), for eplan's tests and benchmark."""
import json
import subprocess
import time


def frame(message):
    body = json.dumps(message, ensure_ascii=False).encode()
    return b"Content-Length: %d\r\n\r\n" % len(body) + body


class Client:
    def __init__(self, command, cwd=None, stderr=None):
        self.process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, cwd=cwd, stderr=stderr)
        self.next_id = 0
        self.pending = []

    def send(self, message):
        self.process.stdin.write(frame(message))
        self.process.stdin.flush()

    def read(self):
        headers = {}
        while True:
            line = self.process.stdout.readline()
            if not line:
                return None
            line = line.strip()
            if not line:
                break
            name, value = line.decode().split(":", 1)
            headers[name.strip().lower()] = value.strip()
        return json.loads(self.process.stdout.read(int(headers["content-length"])))

    def request(self, method, params):
        self.next_id += 1
        self.send({"jsonrpc": "2.0", "id": self.next_id, "method": method, "params": params})
        while True:
            message = self.read()
            if message is None:
                raise RuntimeError("the server closed its output")
            if message.get("id") == self.next_id and "method" not in message:
                return message
            self.pending.append(message)

    def notify(self, method, params):
        self.send({"jsonrpc": "2.0", "method": method, "params": params})

    def diagnostics(self, uri):
        """The next publishDiagnostics for uri (including one already received)."""
        for i, message in enumerate(self.pending):
            if message.get("method") == "textDocument/publishDiagnostics" and message["params"]["uri"] == uri:
                del self.pending[i]
                return message["params"]
        while True:
            message = self.read()
            if message is None:
                raise RuntimeError("the server closed its output")
            if message.get("method") == "textDocument/publishDiagnostics" and message["params"]["uri"] == uri:
                return message["params"]
            self.pending.append(message)

    def initialize(self, root=None, options=None):
        params = {"processId": None, "rootUri": root, "capabilities": {}}
        if options:
            params["initializationOptions"] = options
        answer = self.request("initialize", params)
        self.notify("initialized", {})
        return answer

    def stop(self):
        self.request("shutdown", None)
        self.notify("exit", None)
        return self.process.wait(timeout=30)


def uri(path):
    from urllib.parse import quote
    return "file://" + quote(path)


def utf16_position(lines, line, column):
    """An eplan mark (1-based line, column in code points) as an LSP UTF-16 position."""
    text = lines[line - 1] if 0 < line <= len(lines) else ""
    prefix = text[: max(0, column - 1)]
    return {"line": line - 1, "character": len(prefix.encode("utf-16-le")) // 2}
