import EPlanYAML

/// What eplan knows of a file that could not be read whole (a `yaml-syntax` or `yaml-limit`
/// finding): the top-level keys libyaml read before the problem (rules.md 1.1, "a file that cannot
/// be read whole"). Nothing of it reaches the per-file rules; cross-plan rules use it only to draw no
/// conclusion from what the file failed to give: a parent or master naming its id is not
/// "unresolved", coverage of its region is not judged, and no resource is called undefined.
public struct BrokenFile: Sendable {
    /// The `eplan:` document type, when it was read (`plan/v1` ...).
    public var type: String?
    public var id: String?
    public var kind: PlanKind?
    public var level: Level?
    public var region: String?
    public var status: PlanStatus?
    public var version: Version?

    public init() {}

    /// Takes the values of the salvaged pairs that are valid; anything else stays unknown.
    public init(_ pairs: [YAMLSalvagedPair]) {
        for pair in pairs {
            switch pair.key {
            case "eplan": type = pair.value
            case "id": id = Patterns.isIdentifier(pair.value) ? pair.value : nil
            case "kind": kind = PlanKind(rawValue: pair.value)
            case "level": level = Level(rawValue: pair.value)
            case "region": region = Patterns.isRegionPath(pair.value) ? pair.value : nil
            case "status": status = PlanStatus(rawValue: pair.value)
            case "version": version = Version(pair.value)
            default: break
            }
        }
    }

    /// True when the file is (as far as was read) a plan.
    public var isPlan: Bool { type == nil || type == "plan/v1" }
}
