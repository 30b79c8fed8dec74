import EPlanText
import EPlanYAML

/// What rules see: the plans they report on in full, every other plan as a summary (through the
/// index and the lookups), the configuration and today's date.
///
/// A run may report on a few files of a large repository (`eplan lint FILE`, editors, pre-commit):
/// the context then narrows what rules iterate to what can land in those files, so that a rule
/// reads as if for a whole run and costs little in a one-file run.
public struct RuleContext: Sendable {
    public let index: RepositoryIndex
    public let lookups: RegionLookups
    public let today: Day
    /// The plans whose own findings are wanted: those in reported files (every plan in a whole run),
    /// retired ones left out, in file order, parsed in this run. Only local rules (`Rule.isLocal`)
    /// read these: a file unchanged since the last run brings its local findings from the cache and
    /// is no subject here.
    public internal(set) var subjects: [Plan]
    /// Every plan of a reported file (retired ones left out), in file order, as cross-plan rules see
    /// it: parsed in this run or, for a file whose content the findings cache knows, its summary.
    /// Cross-plan rules iterate these, so that they run the same on a cached and a parsed file.
    public let subjectPlans: [PlanSummary]
    /// What each of `subjectPlans` names as its parent, by position: the plan or external entry, or nil
    /// (it names none, or an id nothing has). Looked up once for every rule that follows the link: a
    /// dozen rules did, each hashing the id into a table of every plan (at 100,000 plans a cache miss or
    /// more each time).
    public let subjectParents: [PlanTarget?]
    /// The inventories in reported files.
    public let subjectInventories: [Inventory]
    /// The plans taking part in cross-plan rules (not retired) that are not subjects: none in a whole run.
    /// Listed when asked (one rule asks, and only when a subject's resource is left unused): a one-file
    /// run need not go through every plan of the repository for it.
    public var others: [PlanSummary] {
        wholeRepository ? [] : index.plans.filter { !$0.isRetired && !reported($0.file) }
    }
    private let reported: @Sendable (String) -> Bool
    private let wholeRepository: Bool
    /// The regions whose findings can land in reported files, sorted: every region the repository
    /// knows (the regions document, and the regions of master, special and external plans) in a whole
    /// run or when the regions document or eplan.yaml is reported; else the regions of the subjects.
    /// A region whose plan file could not be read whole is left out: coverage conclusions about it are
    /// withheld (rules.md 1.1), since that file may hold what seems missing.
    public let regions: [String]

    /// `subjects` and `subjectInventories` are the reported files' (`wholeRepository`: every file);
    /// with more than one job, the subjects' parents are looked up beside the regions.
    public init(index: RepositoryIndex, lookups: RegionLookups, today: Day, subjects: [Plan], subjectPlans: [PlanSummary],
                subjectInventories: [Inventory], reported: @escaping @Sendable (String) -> Bool, wholeRepository: Bool,
                jobs: Int = 1) {
        self.index = index
        self.lookups = lookups
        self.today = today
        self.subjects = subjects
        self.subjectPlans = subjectPlans
        self.subjectInventories = subjectInventories
        self.reported = reported
        self.wholeRepository = wholeRepository
        // The parents and the regions side by side (at 100,000 plans some 30 ms each).
        let parents = ResultSlots<[PlanTarget?]>(count: 1)
        let regions = ResultSlots<[String]>(count: 1)
        let tasks: [@Sendable () -> Void] = [
            { parents.store(subjectPlans.map { plan in plan.parentID.flatMap { index.target($0) } }, at: 0) },
            { regions.store(Self.regions(index: index, lookups: lookups, subjectPlans: subjectPlans, reported: reported,
                                         wholeRepository: wholeRepository), at: 0) },
        ]
        sideBySide(tasks, jobs: subjectPlans.count < 1000 ? 1 : jobs)
        // Both tasks have run: each slot holds its result.
        subjectParents = parents.value(at: 0)!
        self.regions = regions.value(at: 0)!
    }

    /// See `regions`.
    private static func regions(index: RepositoryIndex, lookups: RegionLookups, subjectPlans: [PlanSummary],
                                reported: (String) -> Bool, wholeRepository: Bool) -> [String] {
        if wholeRepository || reported(index.regionsDocument?.file ?? "\u{0}") || reported(index.configuration.file ?? "\u{0}") {
            // The regions document's paths, and the few that only plans name: no set of them all is made.
            let known = index.regionByPath
            var more: Set<String> = []
            func add<Keys: Sequence<String>>(_ keys: Keys) {
                for key in keys where known[key] == nil { more.insert(key) }
            }
            add(lookups.masters.keys)
            add(lookups.externalMasters.keys)
            add(lookups.specials.keys)
            var all = Array(known.keys) + more
            if !index.brokenRegions.isEmpty { all.removeAll { index.brokenRegions.contains($0) } }
            return all.sorted()
        }
        return Set(subjectPlans.compactMap { $0.region?.value }).subtracting(index.brokenRegions).sorted()
    }

    public var configuration: Configuration { index.configuration }

    /// Each subject plan with the parent it names (`subjectParents`), in file order.
    public var subjectsWithParents: Zip2Sequence<[PlanSummary], [PlanTarget?]> {
        zip(subjectPlans, subjectParents)
    }

    /// The value of one of the rule's settings: from `eplan.yaml`, else its default.
    public func setting<R: Rule>(_ setting: Setting<R>) -> Int {
        configuration.setting(setting)
    }
}

extension Plan {
    func location(_ span: SourceSpan) -> Location {
        Location(file: fields.file, span: span)
    }

    /// A finding in this plan, tagged with its id.
    func finding(_ rule: RuleID, _ message: Message, at span: SourceSpan, help: Message? = nil,
                 related: [RelatedLocation] = []) -> Diagnostic {
        Diagnostic(rule, message, at: location(span), help: help, related: related, plan: fields.id?.value)
    }

    /// The plan as a message names it: "plan 'qs.lin.flood'" / "预案 qs.lin.flood", or "this plan".
    var named: MessageArgument { .message(fields.id?.value.map { Message("plan.named", ["id": .verbatim($0)]) } ?? Message("plan.this")) }

    var isRetired: Bool { effectiveStatus == .retired }
    var isInForce: Bool { effectiveStatus == .inForce }
}
