import EPlanKit

/// `file:` URIs and paths (RFC 8089, as editors write them: `file:///home/a/b%20c.yaml`).
public enum FileURI {
    /// The path of a `file:` URI, percent-decoded; nil for any other scheme or a bad escape.
    public static func path(_ uri: String) -> String? {
        var rest = Substring(uri)
        guard rest.lowercased().hasPrefix("file:") else { return nil }
        rest = rest.dropFirst(5)
        if rest.hasPrefix("//") {
            rest = rest.dropFirst(2)
            // An authority: empty or localhost.
            guard let slash = rest.firstIndex(of: "/") else { return nil }
            let host = rest[rest.startIndex..<slash]
            guard host.isEmpty || host.lowercased() == "localhost" else { return nil }
            rest = rest[slash...]
        }
        if let query = rest.firstIndex(where: { $0 == "?" || $0 == "#" }) { rest = rest[rest.startIndex..<query] }
        var out: [UInt8] = []
        var bytes = Array(rest.utf8)[...]
        while let b = bytes.popFirst() {
            if b == 0x25 {
                guard bytes.count >= 2, let high = hex(bytes[bytes.startIndex]), let low = hex(bytes[bytes.startIndex + 1]) else { return nil }
                bytes = bytes.dropFirst(2)
                out.append(high << 4 | low)
            } else {
                out.append(b)
            }
        }
        guard out.first == 0x2F, !out.contains(0) else { return nil }
        return String(decoding: out, as: UTF8.self)
    }

    /// The `file:` URI of an absolute path, escaping what RFC 3986 does not allow in a path.
    public static func uri(_ path: String) -> String {
        "file://" + SARIFReport.uri(path)
    }

    private static func hex(_ b: UInt8) -> UInt8? {
        switch b {
        case 0x30...0x39: return b - 0x30
        case 0x41...0x46: return b - 0x41 + 10
        case 0x61...0x66: return b - 0x61 + 10
        default: return nil
        }
    }
}
