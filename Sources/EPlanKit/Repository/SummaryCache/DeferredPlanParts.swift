import Synchronization

/// The parts of a cached plan that most runs never look at, decoded on first use (from any thread).
/// Rules look at few plans besides the reported ones: the parents of reported plans, the masters and
/// specials of the regions they name.
final class DeferredPlanParts: Sendable {
    /// Where each part is in the plan's summary (nil: the plan has no such part). One slice of the
    /// summary and the bounds of each part: copying a plan's parts retains the summary once.
    struct Blocks: Sendable {
        enum Part {
            case scope, organization, reporting, actions
            /// The details in three blocks: the agency references that name their region, those outside the
            /// plan's own organization (see `PlanSummary.AgencyReferences`), and the resources used and defined.
            case qualifiedReferences, foreignReferences, resources
        }

        private let summary: ByteSlice
        /// Offsets from the summary's start, for each part.
        private var bounds: (Range<Int32>?, Range<Int32>?, Range<Int32>?, Range<Int32>?, Range<Int32>?, Range<Int32>?, Range<Int32>?)
            = (nil, nil, nil, nil, nil, nil, nil)

        init(summary: ByteSlice) {
            self.summary = summary
        }

        /// The bytes of a part, nil when the plan has none.
        subscript(part: Part) -> ByteSlice? {
            let range: Range<Int32>?
            switch part {
            case .scope: range = bounds.0
            case .organization: range = bounds.1
            case .reporting: range = bounds.2
            case .actions: range = bounds.3
            case .qualifiedReferences: range = bounds.4
            case .foreignReferences: range = bounds.5
            case .resources: range = bounds.6
            }
            guard let range else { return nil }
            return summary[(summary.startIndex + Int(range.lowerBound)) ..< (summary.startIndex + Int(range.upperBound))]
        }

        /// Sets where a part is (offsets from the summary's start, within it).
        mutating func set(_ part: Part, _ range: Range<Int>) {
            let bound = Int32(range.lowerBound) ..< Int32(range.upperBound)
            switch part {
            case .scope: bounds.0 = bound
            case .organization: bounds.1 = bound
            case .reporting: bounds.2 = bound
            case .actions: bounds.3 = bound
            case .qualifiedReferences: bounds.4 = bound
            case .foreignReferences: bounds.5 = bound
            case .resources: bounds.6 = bound
            }
        }
    }

    /// A value behind a reference: a part once decoded (nil when the plan has none), the kept details.
    /// The parts a plan never has decoded then take 8 bytes each instead of their size (a plan's parts
    /// object went from 832 to some 400 bytes; at 100,000 plans, 40 MB less memory to fault in and to
    /// walk past).
    final class Slot<Value: Sendable>: Sendable {
        let value: Value

        init(_ value: Value) {
            self.value = value
        }
    }

    private struct Decoded {
        var scope: Slot<PlanSummary.Scope?>?
        var organization: Slot<PlanSummary.Organization?>?
        var reporting: Slot<PlanSummary.Reporting?>?
        var actions: Slot<PlanSummary.Actions?>?
        var resources: Slot<PlanSummary.Details?>?
    }

    /// The parts that cross-plan rules read of every plan they report on, decoded when the plan was:
    /// read without the lock (two threads reading one plan's parts under it took turns at its cache line).
    private struct Early {
        var scope: PlanSummary.Scope?
        var reporting: PlanSummary.Reporting?
    }

    private let blocks: Blocks
    private let decoded: Mutex<Decoded>
    /// Nil when the scope and reporting are decoded on first use (`decoded`).
    private let early: Early?
    /// The details of a plan parsed in this run (`Plan.keptForOtherPlans`), kept as values; nil for a
    /// plan from the cache, whose details are decoded from their blocks at each use.
    /// (A struct, not a tuple: an optional tuple of the three was copied whole through the runtime's
    /// generic value witnesses at every read of one.)
    private let kept: Slot<PlanSummary.DetailBlocks>?

    /// The parts of a cached plan. `decodingNow` (a reported plan's): the scope and reporting are decoded
    /// now, not on first use (a run decodes them while the files are read, side by side, rather than in
    /// whichever rule asks first). The organization is read of masters (their agencies)
    /// and of few others, and left for first use (decoding it for every plan of 10,000 took 67 M
    /// instructions); so is the actions' summary, read of other plans only.
    init(_ blocks: Blocks, decodingNow: Bool = false) {
        self.blocks = blocks
        decoded = Mutex(Decoded())
        kept = nil
        early = decodingNow ? Early(scope: Self.decode(blocks[.scope], DocumentSummary.decodeScope),
                                    reporting: Self.decode(blocks[.reporting], DocumentSummary.decodeReporting)) : nil
    }

    /// The summary of the parts made as values: none (one for all of them).
    private static let noBytes = ByteSlice([])

    /// The parts of a plan parsed in this run, as values (no summary bytes behind them).
    init(scope: PlanSummary.Scope?, organization: PlanSummary.Organization?, reporting: PlanSummary.Reporting?,
         actions: PlanSummary.Actions?,
         details: PlanSummary.DetailBlocks) {
        blocks = Blocks(summary: Self.noBytes)
        decoded = Mutex(Decoded(organization: Slot(organization), actions: Slot(actions)))
        early = Early(scope: scope, reporting: reporting)
        kept = Slot(details)
    }

    typealias Reader = BinaryReader
    typealias Truncated = BinaryReader.Truncated

    var scope: PlanSummary.Scope? {
        if let early { return early.scope }
        return part(\.scope, blocks[.scope]) { (r: inout Reader) throws(Truncated) in try DocumentSummary.decodeScope(&r) }
    }
    var organization: PlanSummary.Organization? {
        part(\.organization, blocks[.organization]) { (r: inout Reader) throws(Truncated) in try DocumentSummary.decodeOrganization(&r) }
    }
    var reporting: PlanSummary.Reporting? {
        if let early { return early.reporting }
        return part(\.reporting, blocks[.reporting]) { (r: inout Reader) throws(Truncated) in try DocumentSummary.decodeReporting(&r) }
    }
    var actions: PlanSummary.Actions? {
        part(\.actions, blocks[.actions]) { (r: inout Reader) throws(Truncated) in try DocumentSummary.decodeActions(&r) }
    }

    /// The agency references are decoded anew at each use, not kept: they are most of a decoded plan's
    /// memory (an agency reference with its place and span is about 80 bytes), and a run reads each block
    /// in one rule. The resources are read in two (`resource-unresolved`, `resource-unused`): kept.
    var qualifiedReferences: PlanSummary.Details? { kept?.value.qualified ?? Self.details(blocks[.qualifiedReferences]) }
    var foreignReferences: PlanSummary.Details? { kept?.value.foreign ?? Self.details(blocks[.foreignReferences]) }
    var resources: PlanSummary.Details? {
        if let kept { return kept.value.resources }
        return part(\.resources, blocks[.resources], DocumentSummary.decodeDetails)
    }

    private static func details(_ block: ByteSlice?) -> PlanSummary.Details? {
        decode(block, DocumentSummary.decodeDetails)
    }

    /// The part, decoded the first time. Its bytes passed the summary's checksum; a block that still
    /// fails to decode counts as absent.
    private func part<T: Sendable>(_ slot: WritableKeyPath<Decoded, Slot<T?>?>, _ bytes: ByteSlice?,
                                   _ decode: (inout BinaryReader) throws(BinaryReader.Truncated) -> T) -> T? {
        decoded.withLock { state in
            if let known = state[keyPath: slot] { return known.value }
            let value = Self.decode(bytes, decode)
            state[keyPath: slot] = Slot(value)
            return value
        }
    }

    /// A part's bytes decoded; nil when there are none or they do not decode.
    private static func decode<T>(_ bytes: ByteSlice?, _ decode: (inout BinaryReader) throws(BinaryReader.Truncated) -> T) -> T? {
        bytes.flatMap { try? BinaryReader.reading($0, decode) }
    }
}
