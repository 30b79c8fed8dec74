/// Text made safe for XML 1.0 (the parts of a DOCX): markup characters become entities, and the
/// characters XML 1.0 cannot hold at all (C0 controls but tab, LF and CR; U+FFFE, U+FFFF) become
/// U+FFFD, so that no plan text can break a document or turn into markup. `]]>` needs nothing
/// more: its `>` is escaped.
public enum XMLText {
    /// `text` for element content or an attribute value (tab, LF and CR as character references,
    /// so that attribute normalisation keeps them).
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            append(scalar, to: &out)
        }
        return out
    }

    /// Appends one character of text to `out`, escaped.
    public static func append(_ scalar: Unicode.Scalar, to out: inout String) {
        if let reference = reference(for: scalar) {
            out += reference
        } else if isXMLCharacter(scalar) {
            out.unicodeScalars.append(scalar)
        } else {
            out.unicodeScalars.append("\u{FFFD}")
        }
    }

    /// The entity or character reference of a character that needs one.
    public static func reference(for scalar: Unicode.Scalar) -> String? {
        switch scalar {
        case "&": "&amp;"
        case "<": "&lt;"
        case ">": "&gt;"
        case "\"": "&quot;"
        case "'": "&apos;"
        case "\t": "&#9;"
        case "\n": "&#10;"
        case "\r": "&#13;"
        default: nil
        }
    }

    /// XML 1.0's `Char` production (surrogates cannot occur in a Swift string).
    public static func isXMLCharacter(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return value >= 0x20 ? value != 0xFFFE && value != 0xFFFF : value == 0x9 || value == 0xA || value == 0xD
    }
}
