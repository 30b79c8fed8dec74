import EPlanText

/// The full-width punctuation a Chinese keyboard types where YAML needs ASCII (`：，［］｛｝（）`, and
/// the enumeration comma `、` written between list items), with the ASCII sign each stands for.
/// Full-width punctuation in free text is ordinary Chinese: only a place where YAML or an id needs
/// the ASCII sign makes one a mistake (see `TypingMistakes` and the decoders' value checks).
public enum FullWidth {
    public struct Sign: Sendable, Equatable {
        /// The character as typed.
        public let character: Unicode.Scalar
        /// The ASCII sign YAML needs.
        public let ascii: Unicode.Scalar
        /// Its name, as a message ("full-width colon" / "全角冒号").
        public let name: Message
    }

    public static let signs: [Sign] = [
        Sign(character: "：", ascii: ":", name: Message("typing.char.colon")),
        Sign(character: "，", ascii: ",", name: Message("typing.char.comma")),
        Sign(character: "、", ascii: ",", name: Message("typing.char.enumeration-comma")),
        Sign(character: "［", ascii: "[", name: Message("typing.char.bracket")),
        Sign(character: "］", ascii: "]", name: Message("typing.char.bracket")),
        Sign(character: "｛", ascii: "{", name: Message("typing.char.brace")),
        Sign(character: "｝", ascii: "}", name: Message("typing.char.brace")),
        Sign(character: "（", ascii: "(", name: Message("typing.char.parenthesis")),
        Sign(character: "）", ascii: ")", name: Message("typing.char.parenthesis")),
    ]

    public static func sign(_ scalar: Unicode.Scalar) -> Sign? {
        signs.first { $0.character == scalar }
    }

    /// The sign whose UTF-8 form starts at `bytes[i]` (every one of them is three bytes long).
    static func sign(at i: Int, in bytes: [UInt8]) -> Sign? {
        guard i + 2 < bytes.count, bytes[i] == 0xEF || bytes[i] == 0xE3 else { return nil }
        let value = (UInt32(bytes[i] & 0x0F) << 12) | (UInt32(bytes[i + 1] & 0x3F) << 6) | UInt32(bytes[i + 2] & 0x3F)
        guard let scalar = Unicode.Scalar(value) else { return nil }
        return sign(scalar)
    }

    /// The finding's message: "full-width colon '：' where YAML needs ':'".
    public static func message(_ sign: Sign) -> Message {
        Message("typing.full-width", ["name": .message(sign.name), "char": .verbatim(String(sign.character)),
                                      "ascii": .verbatim(String(sign.ascii))])
    }

    /// The help for the signs of one mistake (in order of appearance, repeats allowed): one sign is
    /// named with its fix ("把全角冒号「：」改为半角「:」，冒号后加一个空格"); several are listed.
    public static func help(_ signs: [Sign]) -> Message {
        var distinct: [Sign] = []
        for sign in signs where !distinct.contains(sign) { distinct.append(sign) }
        guard let first = distinct.first else { return Message("typing.full-width-help-general") }
        if distinct.count == 1 {
            if first.character == "：" { return Message("typing.full-width-colon-help") }
            if first.character == "、" { return Message("typing.enumeration-comma-help") }
            return Message("typing.full-width-help", ["name": .message(first.name), "char": .verbatim(String(first.character)),
                                                      "ascii": .verbatim(String(first.ascii))])
        }
        func quoted(_ scalar: Unicode.Scalar) -> MessageArgument {
            .message(Message("typing.quoted-char", ["char": .verbatim(String(scalar))]))
        }
        return Message("typing.full-width-many-help", ["chars": .list(distinct.map { quoted($0.character) }),
                                                       "ascii": .list(distinct.map { quoted($0.ascii) })])
    }
}
