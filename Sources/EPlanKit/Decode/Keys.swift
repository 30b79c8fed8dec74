#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import EPlanYAML

/// The keys each mapping of the format defines: the decoders accept exactly these (plus `x-` keys),
/// and the JSON Schemas in schemas/ are generated from the same lists.
public enum Keys {
    public static let plan = PlanKey.table.names
    public static let parent = ParentKey.table.names
    public static let scope = ScopeKey.table.names
    public static let exclusion = ["hazard", "reason"]
    public static let organization = OrganizationKey.table.names
    public static let command = CommandKey.table.names
    public static let member = MemberKey.table.names
    public static let reporting = ReportingKey.table.names
    public static let responseLevel = ResponseLevelKey.table.names
    public static let action = ActionKey.table.names
    public static let resource = ResourceKey.table.names
    public static let drill = DrillKey.table.names
    public static let revision = RevisionKey.table.names
    public static let warning = ["levels"]
    public static let warningLevel = ["level", "criteria", "issued-by"]
    public static let contact = ["agency", "name", "role", "phone"]
    public static let annex = ["title", "text"]
    public static let eventDates = ["from", "to"]
    public static let regionsDocument = ["eplan", "regions"]
    public static let region = ["id", "name", "level", "hazards", "children"]
    public static let inventory = ["eplan", "region", "resources"]
    public static let config = ["eplan", "include", "exclude", "depth", "external", "hazards", "calendar", "rules", "links", "lang"]
    public static let calendar = ["holidays", "workdays"]
    public static let external = ["id", "kind", "level", "version", "region", "hazards", "severities", "reporting", "title"]
}

/// A fixed set of names, matched on a scalar's bytes: no string is made of a key the format defines,
/// nor of a valid enumeration value.
protocol ByteNamed: RawRepresentable, Equatable, Sendable where RawValue == String {
    static var table: KeyTable<Self> { get }
}

/// The keys of one mapping of the format, in the order of the cases (the lists of `Keys` are made from them).
/// Decoders dispatch on them.
protocol MappingKey: ByteNamed {}

extension MappingKey {
    /// This key's bit in a mask of the keys a mapping writes.
    var bit: UInt64 { Self.table.bit(self) }
}

/// The names of a mapping's keys as bytes, for matching key nodes, and their bits for masks of the
/// keys a mapping writes (at most 64 keys: bit `i` is key `i`). A class: a match reads the shared
/// table instead of a copy whose arrays would be retained. The class asks nothing of `Key` but what its
/// initializer and `bit` need: a constraint on the class itself is checked by the runtime when each
/// table's type is first made, a scan of the binary's 4,106 conformance records for each of the 19
/// tables (2.9 M instructions at the start of every run).
final class KeyTable<Key: Sendable>: Sendable {
    let keys: [Key]
    let names: [String]
    /// All names' bytes, one after the other; name `i` is `bytes[starts[i] ..< starts[i + 1]]`.
    private let bytes: [UInt8]
    private let starts: [Int]
    /// Open addressing by `slot(of:)`: 1 + the index of a name, 0 for an empty slot. A key node was
    /// matched by comparing it with every name in turn (18.9 M instructions of a cold run on 1,000 plans,
    /// most mappings being plans' and actions' with tens of keys); now it is compared with one name, rarely two.
    private let slots: [UInt8]

    init(_ keys: some Collection<Key>) where Key: ByteNamed {
        precondition(keys.count <= 64)
        self.keys = Array(keys)
        names = keys.map(\.rawValue)
        bytes = names.flatMap(\.utf8)
        var start = 0
        starts = [0] + names.map { start += $0.utf8.count; return start }
        var slots = [UInt8](repeating: 0, count: Self.slotCount)
        for (i, name) in names.enumerated() {
            var slot = Array(name.utf8).withUnsafeBufferPointer(Self.slot)
            while slots[slot] != 0 { slot = (slot + 1) & (Self.slotCount - 1) }
            slots[slot] = UInt8(i + 1)
        }
        self.slots = slots
    }

    /// Twice the most names a table holds (64): at most half the slots are taken.
    private static var slotCount: Int { 128 }

    /// Where a name's search starts: a mix of its length and its first, second and last bytes.
    private static func slot(_ text: UnsafeBufferPointer<UInt8>) -> Int {
        guard let first = text.first, let last = text.last else { return 0 }
        let second = text.count > 1 ? UInt32(text[1]) : 0
        let mixed = (UInt32(text.count) &* 0x9E37_79B1) ^ (UInt32(first) &* 0x85EB_CA77) ^ (second &* 0xC2B2_AE3D) ^ (UInt32(last) &* 0x27D4_EB2F)
        return Int((mixed ^ (mixed >> 15)) & UInt32(slotCount - 1))
    }

    /// The key a key node is written as and its bit, or (nil, 0): not a scalar, or not one of the names.
    func match(_ node: YAMLNode) -> (key: Key?, bit: UInt64) {
        let found = node.withScalarBytes { text -> Int? in
            bytes.withUnsafeBufferPointer { all in
                slots.withUnsafeBufferPointer { slots in
                    var slot = Self.slot(text)
                    while slots[slot] != 0 {
                        let i = Int(slots[slot]) - 1
                        let start = starts[i]
                        if starts[i + 1] - start == text.count,
                           text.isEmpty || memcmp(all.baseAddress! + start, text.baseAddress!, text.count) == 0 {
                            return i
                        }
                        slot = (slot + 1) & (Self.slotCount - 1)
                    }
                    return nil
                }
            }
        }
        guard let found, let index = found else { return (nil, 0) }
        return (keys[index], 1 << UInt64(index))
    }

    /// The key a pair is written under and its bit ((nil, 0) for a key the format does not define);
    /// nil when the pair counts as absent: a defined key with a null value (rules.md 1.1).
    func match(_ pair: YAMLPair) -> (key: Key?, bit: UInt64)? {
        let (key, bit) = match(pair.key)
        if bit != 0, pair.value.isNull { return nil }
        return (key, bit)
    }

    func bit(_ key: Key) -> UInt64 where Key: Equatable {
        1 << UInt64(keys.firstIndex(of: key) ?? 0)
    }
}

enum PlanKey: String, MappingKey, CaseIterable {
    case eplan, id, title, kind, level, region, owner, status, version, issued, filed
    case evaluated, parent, master, scope, organization, reporting, responseLevels = "response-levels", actions
    case resources, drills, revisions, regions, eventDates = "event-dates"
    case category, form
    case purpose, basis, principles, warning, termination, support, contacts, annexes
    static let table = KeyTable(allCases)
}

enum ParentKey: String, MappingKey, CaseIterable {
    case id, version
    static let table = KeyTable(allCases)
}

enum ScopeKey: String, MappingKey, CaseIterable {
    case hazards, severities, excluded
    static let table = KeyTable(allCases)
}

enum OrganizationKey: String, MappingKey, CaseIterable {
    case command, members
    static let table = KeyTable(allCases)
}

enum CommandKey: String, MappingKey, CaseIterable {
    case name, lead, office
    static let table = KeyTable(allCases)
}

enum MemberKey: String, MappingKey, CaseIterable {
    case agency, role, duties
    static let table = KeyTable(allCases)
}

enum ReportingKey: String, MappingKey, CaseIterable {
    case initial, written, followUp = "follow-up", to
    static let table = KeyTable(allCases)
}

enum ResponseLevelKey: String, MappingKey, CaseIterable {
    case level, trigger, lead
    static let table = KeyTable(allCases)
}

enum ActionKey: String, MappingKey, CaseIterable {
    case id, phase, who, how, when, within, resources, hazards
    static let table = KeyTable(allCases)
}

enum ResourceKey: String, MappingKey, CaseIterable {
    case id, type, name, quantity, unit, holder
    static let table = KeyTable(allCases)
}

enum DrillKey: String, MappingKey, CaseIterable {
    case date, type, findings
    static let table = KeyTable(allCases)
}

enum RevisionKey: String, MappingKey, CaseIterable {
    case version, date, reason
    static let table = KeyTable(allCases)
}

// The format's enumerations, whose values the decoders match on bytes.
extension PlanKind: ByteNamed { static let table = KeyTable(allCases) }
extension Level: ByteNamed { static let table = KeyTable(allCases) }
extension PlanStatus: ByteNamed { static let table = KeyTable(allCases) }
extension UnitCategory: ByteNamed { static let table = KeyTable(allCases) }
extension PlanForm: ByteNamed { static let table = KeyTable(allCases) }
extension WarningColour: ByteNamed { static let table = KeyTable(allCases) }
extension SupportArea: ByteNamed { static let table = KeyTable(allCases) }
extension SeverityClass: ByteNamed { static let table = KeyTable(allCases) }
extension Phase: ByteNamed { static let table = KeyTable(allCases) }
extension MemberRole: ByteNamed { static let table = KeyTable(allCases) }
extension ResourceType: ByteNamed { static let table = KeyTable(allCases) }
extension DrillType: ByteNamed { static let table = KeyTable(allCases) }
extension LinkPolicy: ByteNamed { static let table = KeyTable(allCases) }
