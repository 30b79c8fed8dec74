import EPlanKit
import EPlanText

/// What the framer found in the input: a message body, or a header block it could not use
/// (answered with a parse error; the stream goes on after it).
public enum Frame: Sendable, Equatable {
    case message([UInt8])
    case invalid(Message)
}

/// The base protocol's framing: header lines (`Name: value`, ended by CRLF; a bare LF is tolerated)
/// up to an empty line, then `Content-Length` bytes of body. Header names are matched without
/// regard to case; `Content-Type` and unknown headers are ignored. A header block without a usable
/// `Content-Length`, or one that grows past `maxHeader`, is reported as `.invalid` and skipped; a
/// body longer than `maxBody` is skipped unread as it arrives. Nothing in the input can make it
/// keep more than `maxHeader + maxBody` bytes.
public struct MessageFramer: Sendable {
    public static let maxHeader = 8 * 1024
    public static let maxBody = 64 * 1024 * 1024

    private var buffer: [UInt8] = []
    private var start = 0
    /// The length of the body being waited for, once its header block has been read.
    private var bodyLength: Int?
    /// Bytes of an oversized body still to be dropped.
    private var skipping = 0

    public init() {}

    /// Takes more input and returns the frames it completes, in order.
    public mutating func feed(_ bytes: [UInt8]) -> [Frame] {
        var frames: [Frame] = []
        var input = bytes[...]
        if skipping > 0 {
            let dropped = min(skipping, input.count)
            skipping -= dropped
            input = input.dropFirst(dropped)
        }
        buffer += input
        while let frame = next() { frames.append(frame) }
        // Keep the buffer small: drop what has been consumed.
        if start > 0 {
            buffer.removeFirst(start)
            start = 0
        }
        return frames
    }

    private mutating func next() -> Frame? {
        if skipping > 0 {
            let dropped = min(skipping, buffer.count - start)
            skipping -= dropped
            start += dropped
            if skipping > 0 { return nil }
        }
        if let length = bodyLength {
            guard buffer.count - start >= length else { return nil }
            let body = Array(buffer[start ..< start + length])
            start += length
            bodyLength = nil
            return .message(body)
        }
        // Skip blank lines between messages (some clients send an extra CRLF).
        while start < buffer.count, buffer[start] == 0x0D || buffer[start] == 0x0A { start += 1 }
        guard start < buffer.count else { return nil }
        // Find the end of the header block: an empty line.
        var lineStart = start
        var i = start
        var lines: [ArraySlice<UInt8>] = []
        while i < buffer.count {
            if buffer[i] == 0x0A {
                var line = buffer[lineStart..<i]
                if line.last == 0x0D { line = line.dropLast() }
                if line.isEmpty {
                    start = i + 1
                    return header(lines)
                }
                lines.append(line)
                lineStart = i + 1
            }
            i += 1
            if i - start > Self.maxHeader {
                // No end of headers in sight: give up on this block, keep what may start the next one.
                start = i
                return .invalid(Message("lsp.frame.header-too-long", ["limit": .number(Self.maxHeader)]))
            }
        }
        return nil
    }

    private mutating func header(_ lines: [ArraySlice<UInt8>]) -> Frame? {
        var length: Int?
        for line in lines {
            guard let colon = line.firstIndex(of: 0x3A) else { return .invalid(Message("lsp.frame.header-line")) }
            let name = String(decoding: line[line.startIndex..<colon], as: UTF8.self).lowercased()
            let value = String(decoding: line[(colon + 1)...], as: UTF8.self).trimmingSpaces
            if name == "content-length" {
                guard !value.isEmpty, value.utf8.allSatisfy({ (0x30...0x39).contains($0) }), value.utf8.count <= 12,
                      let n = Int(value) else {
                    return .invalid(Message("lsp.frame.bad-length", ["value": .verbatim(value)]))
                }
                if length != nil, length != n { return .invalid(Message("lsp.frame.two-lengths")) }
                length = n
            }
        }
        guard let length else { return .invalid(Message("lsp.frame.no-length")) }
        if length > Self.maxBody {
            skipping = length
            return .invalid(Message("lsp.frame.too-large", ["length": .number(length), "limit": .number(Self.maxBody)]))
        }
        bodyLength = length
        return next() ?? nil
    }

    /// A message framed for the output.
    public static func frame(_ body: [UInt8]) -> [UInt8] {
        Array("Content-Length: \(body.count)\r\n\r\n".utf8) + body
    }
}
