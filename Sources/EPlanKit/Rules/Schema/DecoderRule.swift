// Syntax and schema rules. Their findings come from the YAML layer, the decoders and the
// repository index as files are read; these declarations document and test them.

/// A rule whose findings are emitted while files are read, not by a pass over the index.
protocol DecoderRule: Rule {}

extension DecoderRule {
    func check(_ context: RuleContext, _ findings: inout [Diagnostic]) {}
    var findsWhileDecoding: Bool { true }
    /// The file's own decoding finds them (the three exceptions say otherwise).
    var isLocal: Bool { true }
}
