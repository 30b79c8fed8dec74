import EPlanLSP
import Testing

@Suite("LSP framing")
struct FramingTests {
    func bodies(_ frames: [Frame]) -> [String] {
        frames.map {
            switch $0 {
            case .message(let body): return String(decoding: body, as: UTF8.self)
            case .invalid: return "<invalid>"
            }
        }
    }

    @Test func readsMessagesSplitAnywhere() {
        let stream = Array("Content-Length: 2\r\n\r\n{}Content-Length: 7\r\n\r\n[1,2,3]".utf8)
        for cut in 0...stream.count {
            var framer = MessageFramer()
            let frames = framer.feed(Array(stream[..<cut])) + framer.feed(Array(stream[cut...]))
            #expect(bodies(frames) == ["{}", "[1,2,3]"], "cut at \(cut)")
        }
        var byteByByte = MessageFramer()
        #expect(bodies(stream.flatMap { byteByByte.feed([$0]) }) == ["{}", "[1,2,3]"])
    }

    @Test func headersAreCaseInsensitiveAndContentTypeIsTolerated() {
        var framer = MessageFramer()
        let input = "content-length: 2\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n{}CONTENT-LENGTH:3\n\n[1]"
        #expect(bodies(framer.feed(Array(input.utf8))) == ["{}", "[1]"])
    }

    @Test func lengthsCountBytesNotCharacters() {
        var framer = MessageFramer()
        let body = "\"洪涝😀\""
        #expect(bodies(framer.feed(MessageFramer.frame(Array(body.utf8)))) == [body])
    }

    @Test(arguments: ["Content-Length: abc", "Content-Length: -5", "Content-Length: ", "Content-Length: 99999999999999999999",
                      "X-Other: 1", "garbage", "Content-Length: 1\r\nContent-Length: 2"])
    func badHeadersAreReportedAndTheStreamGoesOn(_ header: String) {
        var framer = MessageFramer()
        let frames = framer.feed(Array((header + "\r\n\r\nContent-Length: 2\r\n\r\n{}").utf8))
        #expect(frames.count == 2)
        if case .invalid = frames.first {} else { Issue.record("expected an invalid frame first, got \(frames)") }
        #expect(frames.last == .message(Array("{}".utf8)))
    }

    @Test func anOversizedBodyIsSkippedWithoutBeingKept() {
        var framer = MessageFramer()
        let huge = MessageFramer.maxBody + 10
        var frames = framer.feed(Array("Content-Length: \(huge)\r\n\r\n".utf8))
        let chunk = [UInt8](repeating: 0x20, count: 1 << 20)
        var sent = 0
        while sent + chunk.count <= huge {
            frames += framer.feed(chunk)
            sent += chunk.count
        }
        frames += framer.feed([UInt8](repeating: 0x20, count: huge - sent) + MessageFramer.frame(Array("{}".utf8)))
        #expect(frames.count == 2)
        #expect(frames.last == .message(Array("{}".utf8)))
    }

    @Test func anEndlessHeaderIsCutOff() {
        var framer = MessageFramer()
        let frames = framer.feed([UInt8](repeating: 0x41, count: MessageFramer.maxHeader * 3))
        #expect(!frames.isEmpty)
        #expect(frames.allSatisfy { if case .invalid = $0 { return true } else { return false } })
        #expect(framer.feed(Array("\r\n\r\nContent-Length: 2\r\n\r\n{}".utf8)).last == .message(Array("{}".utf8)))
    }
}
