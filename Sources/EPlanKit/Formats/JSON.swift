/// A JSON value with ordered objects, so that output keeps the key order of the contract and
/// two runs produce identical bytes.
public indirect enum JSON: Sendable, Equatable {
    case string(String)
    case int(Int)
    case bool(Bool)
    case null
    case array([JSON])
    case object([(String, JSON)])

    public static func == (a: JSON, b: JSON) -> Bool {
        a.rendered(pretty: false) == b.rendered(pretty: false)
    }

    /// The JSON text; `pretty` indents by two spaces and ends with a newline.
    public func rendered(pretty: Bool = true) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(4096)
        write(to: &out, indent: pretty ? 0 : nil)
        if pretty { out.append(0x0A) }
        return String(decoding: out, as: UTF8.self)
    }

    private func write(to out: inout [UInt8], indent: Int?) {
        switch self {
        case .string(let s): JSON.quote(s, into: &out)
        case .int(let n): out += String(n).utf8
        case .bool(let b): out += (b ? "true" : "false").utf8
        case .null: out += "null".utf8
        case .array(let items):
            if items.isEmpty { out += "[]".utf8; return }
            out.append(0x5B)
            for (i, item) in items.enumerated() {
                if i > 0 { out.append(0x2C) }
                JSON.newline(&out, indent.map { $0 + 1 })
                item.write(to: &out, indent: indent.map { $0 + 1 })
            }
            JSON.newline(&out, indent)
            out.append(0x5D)
        case .object(let members):
            if members.isEmpty { out += "{}".utf8; return }
            out.append(0x7B)
            for (i, (key, value)) in members.enumerated() {
                if i > 0 { out.append(0x2C) }
                JSON.newline(&out, indent.map { $0 + 1 })
                JSON.quote(key, into: &out)
                out.append(0x3A)
                if indent != nil { out.append(0x20) }
                value.write(to: &out, indent: indent.map { $0 + 1 })
            }
            JSON.newline(&out, indent)
            out.append(0x7D)
        }
    }

    private static func newline(_ out: inout [UInt8], _ indent: Int?) {
        guard let indent else { return }
        out.append(0x0A)
        for _ in 0..<indent { out.append(0x20); out.append(0x20) }
    }

    /// Escapes per RFC 8259; DEL, the C1 controls and U+2028/2029 are escaped too, so the output is safe
    /// to embed in scripts and no control character reaches a terminal or log raw.
    public static func quote(_ s: String, into out: inout [UInt8]) {
        out.append(0x22)
        var utf8 = s.utf8.makeIterator()
        while let b = utf8.next() {
            switch b {
            case 0x22: out += [0x5C, 0x22]
            case 0x5C: out += [0x5C, 0x5C]
            case 0x0A: out += [0x5C, 0x6E]
            case 0x0D: out += [0x5C, 0x72]
            case 0x09: out += [0x5C, 0x74]
            case 0x08: out += [0x5C, 0x62]
            case 0x0C: out += [0x5C, 0x66]
            case 0x00..<0x20, 0x7F: out += unicodeEscape(UInt32(b))
            case 0xC2:
                // C1 controls U+0080–U+009F are C2 80 – C2 9F: escaped, so no control character reaches a log.
                guard let b2 = utf8.next() else { out.append(b); break }
                if (0x80...0x9F).contains(b2) { out += unicodeEscape(UInt32(b2)) } else { out += [b, b2] }
            case 0xE2:
                // U+2028 and U+2029 are E2 80 A8 / E2 80 A9.
                guard let b2 = utf8.next() else { out.append(b); break }
                guard let b3 = utf8.next() else { out += [b, b2]; break }
                if b2 == 0x80, b3 == 0xA8 || b3 == 0xA9 {
                    out += unicodeEscape(b3 == 0xA8 ? 0x2028 : 0x2029)
                } else {
                    out += [b, b2, b3]
                }
            default: out.append(b)
            }
        }
        out.append(0x22)
    }

    private static func unicodeEscape(_ value: UInt32) -> [UInt8] {
        let hex = Array(String(value, radix: 16).utf8)
        return Array("\\u".utf8) + Array(repeating: 0x30, count: 4 - hex.count) + hex
    }
}
