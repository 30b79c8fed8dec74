/// What every writer does to text first: control characters (C0 but tab and line breaks, DEL, C1)
/// become U+FFFD, so none reaches a document raw; `\r\n` and `\r` become `\n`.
enum TextCleaning {
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return (v < 0x20 && v != 0x09 && v != 0x0A) || (0x7F...0x9F).contains(v)
    }

    static func clean(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var previousCR = false
        for scalar in text.unicodeScalars {
            if scalar == "\r" {
                out.append("\n")
                previousCR = true
                continue
            }
            defer { previousCR = false }
            if scalar == "\n", previousCR { continue }
            out.append(isControl(scalar) ? "\u{FFFD}" : scalar)
        }
        return String(out)
    }

    /// One line: line breaks and tabs become spaces (table cells, headings).
    static func oneLine(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in clean(text).unicodeScalars {
            out.append(scalar == "\n" || scalar == "\t" ? " " : scalar)
        }
        return String(out)
    }

    /// Splits a label such as "实施单位：" or "Who: " into its words and its colon, so that writers
    /// can set the words in bold and the colon after them.
    static func splitLabel(_ label: String) -> (words: String, colon: String) {
        if label.hasSuffix("：") { return (String(label.dropLast()), "：") }
        if label.hasSuffix(": ") { return (String(label.dropLast(2)), ": ") }
        if label.hasSuffix(":") { return (String(label.dropLast()), ": ") }
        return (label, "")
    }
}
