import EPlanText

/// libyaml's own problem and context texts as catalogue messages. The English template of each is
/// libyaml's text exactly, so English output is what libyaml says; the Chinese is a translation. A text
/// this table does not know (a later libyaml) is quoted as it is inside a Chinese sentence.
/// The texts are those of libyaml 0.2.5 (`reader.c`, `scanner.c`, `parser.c`).
enum LibYAMLMessages {
    /// A problem text (`could not find expected ':'`).
    static func problem(_ text: String) -> Message {
        problems[text] ?? Message("yaml.libyaml.other-problem", ["text": .verbatim(text)])
    }

    /// A context text (`while scanning a simple key`).
    static func context(_ text: String) -> Message {
        contexts[text] ?? Message("yaml.libyaml.other-context", ["text": .verbatim(text)])
    }

    static let problems: [String: Message] = [
        // scanner.c
        "could not find expected ':'": Message("yaml.libyaml.expected-colon"),
        "mapping values are not allowed in this context": Message("yaml.libyaml.mapping-values"),
        "mapping keys are not allowed in this context": Message("yaml.libyaml.mapping-keys"),
        "block sequence entries are not allowed in this context": Message("yaml.libyaml.sequence-entries"),
        "found character that cannot start any token": Message("yaml.libyaml.cannot-start"),
        "found unexpected end of stream": Message("yaml.libyaml.end-of-stream"),
        "found unexpected document indicator": Message("yaml.libyaml.document-indicator"),
        "found a tab character that violates indentation": Message("yaml.libyaml.tab-indentation"),
        "found a tab character where an indentation space is expected": Message("yaml.libyaml.tab-space"),
        "found unexpected ':'": Message("yaml.libyaml.unexpected-colon"),
        "found an indentation indicator equal to 0": Message("yaml.libyaml.indicator-zero"),
        "found unknown escape character": Message("yaml.libyaml.unknown-escape"),
        "found invalid Unicode character escape code": Message("yaml.libyaml.invalid-escape"),
        "found unexpected non-alphabetical character": Message("yaml.libyaml.non-alphabetical"),
        "found extremely long version number": Message("yaml.libyaml.long-version"),
        "found unknown directive name": Message("yaml.libyaml.unknown-directive"),
        "could not find expected directive name": Message("yaml.libyaml.directive-name"),
        "did not find expected comment or line break": Message("yaml.libyaml.comment-or-break"),
        "did not find expected whitespace or line break": Message("yaml.libyaml.space-or-break"),
        "did not find expected whitespace": Message("yaml.libyaml.space"),
        "did not find expected alphabetic or numeric character": Message("yaml.libyaml.alphanumeric"),
        "did not find expected digit or '.' character": Message("yaml.libyaml.digit-or-dot"),
        "did not find expected hexdecimal number": Message("yaml.libyaml.hex"),
        "did not find expected tag URI": Message("yaml.libyaml.tag-uri"),
        "did not find expected '!'": Message("yaml.libyaml.exclamation"),
        "did not find the expected '>'": Message("yaml.libyaml.greater"),
        "did not find expected version number": Message("yaml.libyaml.version-number"),
        "did not find URI escaped octet": Message("yaml.libyaml.uri-octet"),
        // parser.c
        "did not find expected key": Message("yaml.libyaml.expected-key"),
        "did not find expected '-' indicator": Message("yaml.libyaml.expected-dash"),
        "did not find expected node content": Message("yaml.libyaml.node-content"),
        "did not find expected ',' or ']'": Message("yaml.libyaml.comma-or-bracket"),
        "did not find expected ',' or '}'": Message("yaml.libyaml.comma-or-brace"),
        "did not find expected <document start>": Message("yaml.libyaml.document-start"),
        "did not find expected <stream-start>": Message("yaml.libyaml.stream-start"),
        "found duplicate %YAML directive": Message("yaml.libyaml.duplicate-yaml-directive"),
        "found duplicate %TAG directive": Message("yaml.libyaml.duplicate-tag-directive"),
        "found incompatible YAML document": Message("yaml.libyaml.incompatible"),
        "found undefined tag handle": Message("yaml.libyaml.tag-handle"),
        // reader.c
        "invalid leading UTF-8 octet": Message("yaml.libyaml.utf8-leading"),
        "invalid trailing UTF-8 octet": Message("yaml.libyaml.utf8-trailing"),
        "incomplete UTF-8 octet sequence": Message("yaml.libyaml.utf8-incomplete"),
        "invalid length of a UTF-8 sequence": Message("yaml.libyaml.utf8-length"),
        "invalid Unicode character": Message("yaml.libyaml.invalid-character"),
        "control characters are not allowed": Message("yaml.libyaml.control-characters"),
        "incomplete UTF-16 character": Message("yaml.libyaml.utf16-incomplete"),
        "incomplete UTF-16 surrogate pair": Message("yaml.libyaml.utf16-pair"),
        "unexpected low surrogate area": Message("yaml.libyaml.utf16-low"),
        "input is too long": Message("yaml.libyaml.too-long"),
        "input error": Message("yaml.libyaml.input-error"),
        // eplan's own, when libyaml names no problem
        "unknown problem": Message("yaml.libyaml.unknown-problem"),
    ]

    static let contexts: [String: Message] = [
        "while scanning a simple key": Message("yaml.libyaml.in-simple-key"),
        "while scanning a plain scalar": Message("yaml.libyaml.in-plain-scalar"),
        "while scanning a quoted scalar": Message("yaml.libyaml.in-quoted-scalar"),
        "while scanning a block scalar": Message("yaml.libyaml.in-block-scalar"),
        "while scanning for the next token": Message("yaml.libyaml.in-next-token"),
        "while scanning an anchor": Message("yaml.libyaml.in-anchor"),
        "while scanning an alias": Message("yaml.libyaml.in-alias"),
        "while scanning a tag": Message("yaml.libyaml.in-tag"),
        "while scanning a directive": Message("yaml.libyaml.in-directive"),
        "while scanning a %YAML directive": Message("yaml.libyaml.in-yaml-directive"),
        "while scanning a %TAG directive": Message("yaml.libyaml.in-tag-directive"),
        "while scanning a tag directive": Message("yaml.libyaml.in-tag-directive-lower"),
        "while parsing a block mapping": Message("yaml.libyaml.in-block-mapping"),
        "while parsing a block collection": Message("yaml.libyaml.in-block-collection"),
        "while parsing a flow mapping": Message("yaml.libyaml.in-flow-mapping"),
        "while parsing a flow sequence": Message("yaml.libyaml.in-flow-sequence"),
        "while parsing a block node": Message("yaml.libyaml.in-block-node"),
        "while parsing a flow node": Message("yaml.libyaml.in-flow-node"),
        "while parsing a node": Message("yaml.libyaml.in-node"),
        "while parsing a quoted scalar": Message("yaml.libyaml.in-parsing-quoted"),
        "while parsing a tag": Message("yaml.libyaml.in-parsing-tag"),
        "while parsing a tag directive": Message("yaml.libyaml.in-parsing-tag-directive"),
        "while parsing a %TAG directive": Message("yaml.libyaml.in-parsing-percent-tag"),
    ]

    /// What to do about the commonest problems (nil for the rest).
    static func hint(for problem: String) -> Message? {
        switch problem {
        case "mapping values are not allowed in this context": return Message("yaml.hint.mapping-values")
        case "did not find expected key": return Message("yaml.hint.expected-key")
        case "found character that cannot start any token": return Message("yaml.hint.cannot-start")
        case "could not find expected ':'": return Message("yaml.hint.expected-colon")
        case "did not find expected '-' indicator": return Message("yaml.hint.expected-dash")
        case "found unexpected end of stream": return Message("yaml.hint.end-of-stream")
        case "did not find expected node content": return Message("yaml.hint.node-content")
        default: return nil
        }
    }
}
