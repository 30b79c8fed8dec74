/// How many terminal columns text takes, for carets under source lines and columns of aligned
/// output in either language. Foundation-free, from the East Asian Width property (UAX #11):
/// Wide (W) and Fullwidth (F) characters take two columns: CJK ideographs, CJK punctuation
/// (U+3000–U+303E: `，` `。` `、` `「」` `《》`), the fullwidth forms (U+FF01–U+FF60: `：` `，` `［` `（`,
/// U+FFE0–U+FFE6: `￥`), Hangul, kana, the emoji shown as pictures; combining marks, zero-width
/// spaces and variation selectors take none; everything else, Ambiguous characters included
/// (`…` `—` `“` `”` `·`, which terminals draw one column wide outside CJK legacy modes), one.
public enum DisplayWidth {
    /// The columns one scalar takes: 0, 1 or 2.
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v < 0x300 { return 1 }  // ASCII and Latin-1: the common case, decided at once
        if isZeroWidth(v) { return 0 }
        return isWide(v) ? 2 : 1
    }

    /// The columns a text takes: the sum over its scalars.
    public static func of<S: StringProtocol>(_ text: S) -> Int {
        var width = 0
        for scalar in text.unicodeScalars { width += of(scalar) }
        return width
    }

    /// The text followed by spaces up to `width` columns (unchanged when it is as wide already).
    public static func pad<S: StringProtocol>(_ text: S, to width: Int) -> String {
        let have = of(text)
        return have >= width ? String(text) : String(text) + String(repeating: " ", count: width - have)
    }

    static func isZeroWidth(_ v: UInt32) -> Bool {
        switch v {
        case 0x0300...0x036F,  // combining diacritical marks
             0x0483...0x0489, 0x0591...0x05BD, 0x0610...0x061A, 0x064B...0x065F,
             0x1AB0...0x1AFF, 0x1DC0...0x1DFF,  // combining marks, extended and supplement
             0x200B...0x200F,  // zero-width space, joiners, direction marks
             0x2060...0x2064,  // word joiner, invisible operators
             0x20D0...0x20FF,  // combining marks for symbols
             0x302A...0x302D,  // ideographic tone marks (combining)
             0x3099...0x309A,  // combining kana voiced sound marks
             0xFE00...0xFE0F,  // variation selectors
             0xFE20...0xFE2F,  // combining half marks
             0xFEFF,  // zero-width no-break space (a BOM inside a line)
             0xE0100...0xE01EF:  // variation selectors supplement
            return true
        default:
            return false
        }
    }

    static func isWide(_ v: UInt32) -> Bool {
        switch v {
        case 0x1100...0x115F,  // Hangul Jamo initial consonants
             0x231A...0x231B, 0x2329...0x232A, 0x23E9...0x23EC, 0x23F0, 0x23F3,  // watch, hourglass, angle brackets
             0x25FD...0x25FE, 0x2614...0x2615, 0x2648...0x2653, 0x267F, 0x2693, 0x26A1, 0x26AA...0x26AB,
             0x26BD...0x26BE, 0x26C4...0x26C5, 0x26CE, 0x26D4, 0x26EA, 0x26F2...0x26F3, 0x26F5, 0x26FA, 0x26FD,
             0x2705, 0x270A...0x270B, 0x2728, 0x274C, 0x274E, 0x2753...0x2755, 0x2757, 0x2795...0x2797,
             0x27B0, 0x27BF, 0x2B1B...0x2B1C, 0x2B50, 0x2B55,  // emoji-presentation symbols
             0x2E80...0x2FDF,  // CJK radicals, Kangxi radicals
             0x2FF0...0x2FFF,  // ideographic description characters
             0x3000...0x303E,  // ideographic space, CJK symbols and punctuation (U+303F is half-width)
             0x3041...0x33FF,  // kana, Bopomofo, Hangul compatibility Jamo, Kanbun, CJK strokes, enclosed, compatibility
             0x3400...0x4DBF,  // CJK Unified Ideographs Extension A (U+4DC0–4DFF, the hexagrams, are narrow)
             0x4E00...0x9FFF,  // CJK Unified Ideographs
             0xA000...0xA4CF,  // Yi
             0xA960...0xA97F,  // Hangul Jamo Extended-A
             0xAC00...0xD7A3,  // Hangul syllables
             0xF900...0xFAFF,  // CJK compatibility ideographs
             0xFE10...0xFE19,  // vertical forms
             0xFE30...0xFE6F,  // CJK compatibility forms, small form variants
             0xFF00...0xFF60,  // fullwidth ASCII forms: ！＂＃ … ：；［］｛｝（），
             0xFFE0...0xFFE6,  // fullwidth signs: ￠￡￢￣￤￥￦
             0x16FE0...0x16FE4, 0x17000...0x18AFF, 0x1B000...0x1B2FF,  // Tangut, kana supplement
             0x1F004, 0x1F0CF, 0x1F18E, 0x1F191...0x1F19A, 0x1F200...0x1F202, 0x1F210...0x1F23B,
             0x1F240...0x1F248, 0x1F250...0x1F251, 0x1F260...0x1F265,  // enclosed ideographic supplement
             0x1F300...0x1F64F, 0x1F680...0x1F6FF, 0x1F900...0x1F9FF, 0x1FA70...0x1FAFF,  // emoji pictographs
             0x20000...0x2FFFD,  // CJK Unified Ideographs Extensions B–F, compatibility supplement
             0x30000...0x3FFFD:  // Extensions G and H
            return true
        default:
            return false
        }
    }
}
