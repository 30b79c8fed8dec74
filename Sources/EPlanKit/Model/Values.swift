import EPlanYAML

/// A decoded value with the span a finding about it points at: for a key's value, the key
/// (to the value's end when both are on one line); for a list entry, the entry.
/// `value` is nil when the key is present but its value is invalid (a schema finding said so).
public struct Field<Value: Sendable>: Sendable {
    public var value: Value?
    public var span: SourceSpan

    public init(_ value: Value?, span: SourceSpan) {
        self.value = value
        self.span = span
    }
}

extension Field: Equatable where Value: Equatable {}

public enum Level: String, Sendable, CaseIterable, Comparable {
    case national, provincial, municipal, county, township, community

    /// 0 for national .. 5 for community: a higher level has a smaller rank.
    public var rank: Int { Level.allCases.firstIndex(of: self) ?? 0 }

    public static func < (a: Level, b: Level) -> Bool { a.rank < b.rank }
}

public enum PlanKind: String, Sendable, CaseIterable {
    case master, special, departmental, unit, event, joint
}

public enum PlanStatus: String, Sendable, CaseIterable {
    case inForce = "in-force", draft, retired
}

/// What kind of unit keeps a unit plan (plan-format §4.1); it sets the plan's drill interval.
public enum UnitCategory: String, Sendable, CaseIterable {
    case hazardousMaterials = "hazardous-materials", mine, metalSmelting = "metal-smelting", railTransit = "rail-transit"
    case construction, crowdedVenue = "crowded-venue", school, hospital, enterprise, community
}

/// The form of a unit plan (plan-format §4.1): 综合应急预案, 专项应急预案, 现场处置方案.
public enum PlanForm: String, Sendable, CaseIterable {
    case comprehensive, hazardSpecific = "hazard-specific", onSite = "on-site"
}

/// The colour of a warning level (预警级别: 蓝色、黄色、橙色、红色), `warning.levels[].level` (plan-format §4.1).
public enum WarningColour: String, Sendable, CaseIterable {
    case blue, yellow, orange, red
}

/// An area of `support:` (应急保障, plan-format §4.1).
public enum SupportArea: String, Sendable, CaseIterable {
    case communications, transport, medical, funds, materials, shelter, technology, publicOrder = "public-order"
}

public enum SeverityClass: String, Sendable, CaseIterable, Comparable {
    case I, II, III, IV

    /// 0 for I (the most serious) .. 3 for IV.
    public var rank: Int {
        switch self {
        case .I: return 0
        case .II: return 1
        case .III: return 2
        case .IV: return 3
        }
    }

    public static func < (a: SeverityClass, b: SeverityClass) -> Bool { a.rank < b.rank }
}

public enum Phase: String, Sendable, CaseIterable {
    case prevention, preparedness, warning, response, recovery

    public var stage: Stage {
        switch self {
        case .prevention, .preparedness, .warning: return .before
        case .response: return .during
        case .recovery: return .after
        }
    }
}

public enum Stage: String, Sendable, CaseIterable {
    case before, during, after
}

public enum MemberRole: String, Sendable, CaseIterable {
    case lead, support
}

public enum ResourceType: String, Sendable, CaseIterable {
    case team, material, equipment, facility, expert, fund
}

public enum DrillType: String, Sendable, CaseIterable {
    case tabletop, functional, fullScale = "full-scale"
}

/// The four hazard categories of the national system with their built-in hazard ids.
public enum HazardCatalog {
    public static let categories: [(name: String, hazards: [String])] = [
        ("natural", ["flood", "drought", "mountain-torrent", "geological-disaster", "earthquake", "meteorological",
                     "typhoon", "forest-fire", "grassland-fire", "marine-disaster", "biological-disaster"]),
        ("accident", ["coal-mine-accident", "non-coal-mine-accident", "hazardous-chemicals", "fire", "road-traffic",
                      "rail-traffic", "water-traffic", "aviation", "building-collapse", "utility-failure",
                      "telecom-failure", "environmental-pollution", "nuclear-radiation", "special-equipment"]),
        ("public-health", ["infectious-disease", "food-safety", "occupational-poisoning", "animal-epidemic",
                           "mass-unexplained-illness"]),
        ("social-safety", ["mass-incident", "terrorist-attack", "cyber-security", "financial-incident",
                           "foreign-related-incident", "ethnic-religious-incident"]),
    ]

    public static let builtIn: [String] = categories.flatMap(\.hazards)
}

/// A duration in whole minutes (`30m`, `2h`, `3d`), kept with the unit as written.
///
/// The text is made when asked (the number of units and the unit: the only form a duration is read
/// in), not kept: a duration without a string is copied without a retain, and the rules copy the
/// reporting limits of every plan and its parent class by class (some 200 retains a plan).
public struct Duration: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let minutes: Int
    /// `m`, `h` or `d`.
    private let unit: UInt8

    /// Parses a positive whole number without leading zero followed by `m`, `h` or `d` (on bytes).
    public init?(_ text: String) {
        let bytes = text.utf8
        guard bytes.count >= 2, let unit = bytes.last, let first = bytes.first, first != 0x30,
              let factor = Self.factor(unit) else { return nil }
        var number = 0
        for b in bytes.dropLast() {
            guard (0x30...0x39).contains(b) else { return nil }
            let (times10, o1) = number.multipliedReportingOverflow(by: 10)
            let (sum, o2) = times10.addingReportingOverflow(Int(b - 0x30))
            guard !o1, !o2 else { return nil }
            number = sum
        }
        let (minutes, overflow) = number.multipliedReportingOverflow(by: factor)
        guard number > 0, !overflow else { return nil }
        self.minutes = minutes
        self.unit = unit
    }

    /// A duration already parsed (read back from the summary cache, which keeps the text).
    init(minutes: Int, text: String) {
        self.minutes = minutes
        let unit = text.utf8.last ?? 0x6D
        self.unit = Self.factor(unit) == nil ? 0x6D : unit
    }

    /// Minutes in one of the unit, nil for a byte that is no unit.
    private static func factor(_ unit: UInt8) -> Int? {
        switch unit {
        case 0x6D: 1  // m
        case 0x68: 60  // h
        case 0x64: 1440  // d
        default: nil
        }
    }

    /// As written: `90m`, `2h`.
    public var text: String {
        "\(minutes / (Self.factor(unit) ?? 1))\(Character(Unicode.Scalar(unit)))"
    }

    public static func < (a: Duration, b: Duration) -> Bool { a.minutes < b.minutes }
    public static func == (a: Duration, b: Duration) -> Bool { a.minutes == b.minutes }
    public func hash(into hasher: inout Hasher) { hasher.combine(minutes) }
    public var description: String { text }
}

/// A reporting limit: one duration for every class, or one per class (classes not listed have none).
public enum ReportingLimit: Sendable {
    case all(Duration)
    case perClass(ClassLimits)

    /// The limit for one class, or nil when there is none.
    public func limit(for severity: SeverityClass) -> Duration? {
        switch self {
        case .all(let d): return d
        case .perClass(let map): return map[severity]?.value
        }
    }
}

/// Per-class limits: a slot for each of the four classes, by rank (a dictionary hashed every class
/// of every plan's limits in every comparison: 19 M instructions of the limits of 10,000 plans, and as
/// many to decode them).
public struct ClassLimits: Sendable {
    private var slots: [Field<Duration>?] = []

    public init() {}

    public subscript(severity: SeverityClass) -> Field<Duration>? {
        get { slots.isEmpty ? nil : slots[severity.rank] }
        set {
            if slots.isEmpty { slots = Array(repeating: nil, count: SeverityClass.allCases.count) }
            slots[severity.rank] = newValue
        }
    }

    /// The classes that have a limit, in order (`I` first).
    public var keys: [SeverityClass] {
        SeverityClass.allCases.filter { self[$0] != nil }
    }
}

/// A calendar date (proleptic Gregorian).
public struct Day: Sendable, Hashable, Comparable, CustomStringConvertible {
    // Four bytes: every plan keeps a dozen dates, each in a field of the model.
    private let storedYear: Int16
    private let storedMonth: UInt8
    private let storedDay: UInt8

    public var year: Int { Int(storedYear) }
    public var month: Int { Int(storedMonth) }
    public var day: Int { Int(storedDay) }

    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              (1...Day.daysIn(month: month, year: year)).contains(day) else { return nil }
        storedYear = Int16(year)
        storedMonth = UInt8(month)
        storedDay = UInt8(day)
    }

    /// Parses `YYYY-MM-DD` exactly.
    public init?(_ text: String) {
        var contiguous = text  // withUTF8 needs var; a native string is not copied
        let parts = contiguous.withUTF8 { u -> (year: Int, month: Int, day: Int)? in
            guard u.count == 10, u[4] == 0x2D, u[7] == 0x2D else { return nil }
            func number(_ r: Range<Int>) -> Int? {
                var n = 0
                for i in r {
                    guard (0x30...0x39).contains(u[i]) else { return nil }
                    n = n * 10 + Int(u[i] - 0x30)
                }
                return n
            }
            guard let y = number(0..<4), let m = number(5..<7), let d = number(8..<10) else { return nil }
            return (y, m, d)
        }
        guard let parts else { return nil }
        self.init(year: parts.year, month: parts.month, day: parts.day)
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01 (negative before).
    public var ordinal: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// Monday = 1 ... Sunday = 7.
    public var weekday: Int {
        let w = (ordinal + 3) % 7  // 1970-01-01 was a Thursday
        return (w < 0 ? w + 7 : w) + 1
    }

    /// This date plus `months` calendar months, the day clamped to the month's end.
    public func adding(months: Int) -> Day {
        let total = year * 12 + (month - 1) + months
        let y = total / 12
        let m = total % 12 + 1
        let d = min(day, Day.daysIn(month: m, year: y))
        return Day(year: y, month: m, day: d) ?? self
    }

    public static func < (a: Day, b: Day) -> Bool { (a.year, a.month, a.day) < (b.year, b.month, b.day) }

    public var description: String {
        func pad(_ n: Int, _ width: Int) -> String {
            let s = String(n)
            return String(repeating: "0", count: max(0, width - s.count)) + s
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }
}

/// A plan version: compared by dot-separated parts, numerically where both parts are numbers.
public struct Version: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var text: String

    public init?(_ text: String) {
        guard !text.isBlank else { return nil }
        self.text = text
    }

    public static func < (a: Version, b: Version) -> Bool {
        asciiLess(a.text, b.text) ?? substringLess(a.text, b.text)
    }

    /// The comparison on substrings, for any text.
    static func substringLess(_ a: String, _ b: String) -> Bool {
        let pa = a.split(separator: ".", omittingEmptySubsequences: false)
        let pb = b.split(separator: ".", omittingEmptySubsequences: false)
        for i in 0..<max(pa.count, pb.count) {
            guard i < pa.count else { return true }
            guard i < pb.count else { return false }
            if let na = Int(pa[i]), let nb = Int(pb[i]) {
                if na != nb { return na < nb }
            } else if pa[i] != pb[i] {
                return pa[i] < pb[i]
            }
        }
        return false
    }

    /// `<` for two ASCII texts (nearly every version), on their bytes: no substrings, no `Int` parsing
    /// of substrings (which made a comparison 16,000 instructions); nil when either text is not ASCII.
    /// The same answer as the general comparison: parts split at `.`, compared as numbers when both are
    /// numbers, else as text; a version that is a prefix of the other is the lesser.
    static func asciiLess(_ a: String, _ b: String) -> Bool? {
        var (a, b) = (a, b)
        return a.withUTF8 { pa in
            b.withUTF8 { pb -> Bool? in
                guard pa.allSatisfy({ $0 < 0x80 }), pb.allSatisfy({ $0 < 0x80 }) else { return nil }
                let dot = UInt8(ascii: ".")
                var (i, j) = (0, 0)
                while true {
                    let (startA, startB) = (i, j)
                    while i < pa.count, pa[i] != dot { i += 1 }
                    while j < pb.count, pb[j] != dot { j += 1 }
                    let (partA, partB) = (UnsafeBufferPointer(rebasing: pa[startA ..< i]), UnsafeBufferPointer(rebasing: pb[startB ..< j]))
                    if let na = number(partA), let nb = number(partB) {
                        if na != nb { return na < nb }
                    } else if !partA.elementsEqual(partB) {
                        return partA.lexicographicallyPrecedes(partB)  // ASCII: the order of String's `<`
                    }
                    switch (i == pa.count, j == pb.count) {
                    case (true, true): return false
                    case (true, false): return true
                    case (false, true): return false
                    case (false, false): (i, j) = (i + 1, j + 1)
                    }
                }
            }
        }
    }

    /// A part's value as `Int(_:)` reads it: digits read in place, anything else (a sign, a number too
    /// long for 18 digits, none) through `Int(_:)` itself.
    private static func number(_ part: UnsafeBufferPointer<UInt8>) -> Int? {
        guard !part.isEmpty, part.count <= 18 else { return Int(String(decoding: part, as: UTF8.self)) }
        var value = 0
        for byte in part {
            guard byte >= 0x30, byte <= 0x39 else { return Int(String(decoding: part, as: UTF8.self)) }
            value = value * 10 + Int(byte - 0x30)
        }
        return value
    }

    public static func == (a: Version, b: Version) -> Bool { !(a < b) && !(b < a) }
    public func hash(into hasher: inout Hasher) {
        for part in text.split(separator: ".", omittingEmptySubsequences: false) {
            if let n = Int(part) { hasher.combine(n) } else { hasher.combine(part) }
        }
    }
    public var description: String { text }
}

/// An agency reference: a slug in the plan's own region, or `REGION:slug`.
public struct AgencyRef: Sendable, Hashable, CustomStringConvertible {
    /// nil means the plan's own region.
    public var region: String?
    public var agency: String

    public init(region: String?, agency: String) {
        self.region = region
        self.agency = agency
    }

    public var description: String { region.map { "\($0):\(agency)" } ?? agency }
}

extension String {
    /// True when the text is empty or only whitespace (a fast path for ASCII text).
    /// True for a byte that is an ASCII character and not white space: text starting with it is not blank.
    static func isNonBlankASCII(_ byte: UInt8) -> Bool {
        byte < 0x80 && byte != 0x20 && !(0x09...0x0D).contains(byte)
    }

    var isBlank: Bool {
        // Most text starts with an ASCII character that is not a space: no scalar is decoded then.
        if let first = utf8.first, Self.isNonBlankASCII(first) { return false }
        for scalar in unicodeScalars {
            switch scalar.value {
            case 0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
                continue
            default:
                return false
            }
        }
        return true
    }

}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension Day {
    /// Today's date in the local time zone.
    public static func localToday() -> Day {
        var now = time(nil)
        var parts = tm()
        localtime_r(&now, &parts)
        return Day(year: Int(parts.tm_year) + 1900, month: Int(parts.tm_mon) + 1, day: Int(parts.tm_mday))
            ?? Day(year: 1970, month: 1, day: 1)!
    }
}
