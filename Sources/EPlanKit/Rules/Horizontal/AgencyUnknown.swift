import EPlanText
private typealias E = ExampleFiles

struct AgencyUnknown: Rule {
    static let description = RuleDescription(
        id: "agency-unknown", severity: .error, group: .horizontal,
        summary: "Every agency reference names an agency of the plan or of its region's master plan",
        rationale: """
            "Who does it" must name an agency that the region's organization knows: one of the plan's own \
            organization, or of the in-force master plan of the referenced region.
            """,
        passing: [RuleExample(E.repo(E.cityMaster, E.file("qs.flood", kind: "special")))],
        failing: [RuleExample(E.repo(E.cityMaster, E.file("qs.flood", kind: "special", ["actions": """
            actions:
              - {id: watch, phase: warning, ↓who: water-resourcs, how: Watch, when: Daily, resources: []}
              - {id: respond, phase: response, who: emergency-management, how: Respond, when: On alarm, resources: []}
              - {id: recover, phase: recovery, who: emergency-management, how: Recover, when: After, resources: []}
            """])))])

    func check(_ context: RuleContext, _ findings: inout [Diagnostic]) {
        let index = context.index
        let lookups = context.lookups
        // What the per-plan closure below reads of the index (capturing the index copies it, 10,000 times).
        let regionsListed = index.regionsDocument != nil
        let regionByPath = index.regionByPath
        // The agencies of each region's masters, worked out once per region asked about.
        var agenciesByRegion: [String: AgencyLookup?] = [:]
        agenciesByRegion.reserveCapacity(lookups.masters.count)
        func masterAgencies(_ region: String) -> AgencyLookup? {
            if let known = agenciesByRegion[region] { return known }
            let agencies = lookups.masterAgencies(region).map(AgencyLookup.init)
            agenciesByRegion[region] = .some(agencies)
            return agencies
        }
        // What one region answers, kept while the same region is asked about again. (A struct: an optional
        // tuple of these was copied through the runtime's generic value witnesses at every plan.)
        struct RegionAnswer {
            var region: String?
            /// The regions document lists the region (or there is none): its references can be checked.
            var isKnown = false
            var masters: AgencyLookup?
        }
        func update(_ answer: inout RegionAnswer, to region: String) {
            guard answer.region != region else { return }
            answer.isKnown = !regionsListed || regionByPath[region] != nil
            answer.masters = answer.isKnown ? masterAgencies(region) : nil
            answer.region = region
        }
        // Plans in file order come region by region: the last plan's region is looked up once for all.
        // The same for the last other region a reference named (mostly the region above, named again
        // and again): two hash lookups per such reference were some 20 per plan.
        var here = RegionAnswer()
        var other = RegionAnswer()
        for plan in context.subjectPlans {
            guard let region = plan.region?.value else { continue }
            let isMaster = plan.kind?.value == .master
            // Most references are to the plan's own region: look that region up once per plan.
            update(&here, to: region)
            // `what` is only for the message: it is put together only when there is a finding.
            func check(_ field: Field<AgencyRef>, _ what: @autoclosure () -> Message, ownOnly: Bool = false) {
                guard let ref = field.value else { return }
                let key = ref.resolved(in: region)
                if ownOnly {
                    guard plan.organization != nil else { return }
                } else {
                    let isHere = ref.region == nil || key.region == region
                    if !isHere { update(&other, to: key.region) }
                    let answer = isHere ? here : other
                    guard answer.isKnown, let agencies = answer.masters else { return }
                    if agencies.contains(ref, in: region) { return }
                }
                let known = (plan.organizationAgencyList + (ownOnly ? [] : masterAgencies(key.region)?.keys ?? []))
                    .filter { $0.region == key.region }.map(\.agency)
                let help = Suggest.didYouMean(ref.agency, in: known)
                    ?? (ownOnly ? Message("agency-unknown.add-own") : Message("agency-unknown.add", ["region": "\(key.region)"]))
                let message = ownOnly
                    ? Message("agency-unknown.not-own", ["what": .message(what()), "agency": "\(ref)", "plan": plan.named])
                    : Message("agency-unknown.not-known", ["what": .message(what()), "agency": "\(ref)", "plan": plan.named, "region": "\(key.region)"])
                findings.append(plan.finding(id, message, at: field.span, help: help))
            }
            // Only references the plan's own organization does not resolve can be unknown (members make
            // it up, so none is among them); its agencies are looked at again only for a suggestion.
            plan.forEachAgencyReference(.outsideOwnOrganization) { place, field in
                switch place {
                case .owner: check(field, Message("agency-unknown.owner"), ownOnly: isMaster)
                case .reportingTo: check(field, Message("agency-unknown.reporting-to"))
                case .commandOffice: check(field, Message("agency-unknown.command-office"))
                case .responseLead: check(field, Message("agency-unknown.response-lead"))
                case .actionWho(let action):
                    check(field, action.map { Message("agency-unknown.action-who", ["action": .verbatim($0)]) } ?? Message("agency-unknown.who"))
                case .resourceHolder: check(field, Message("agency-unknown.resource-holder"))
                case .member: break
                }
            }
        }
        // Inventories have no organization of their own: holders resolve in the inventory's region.
        for inventory in context.subjectInventories {
            let region = inventory.region?.value
            for resource in inventory.resources {
                guard let field = resource.holder, let ref = field.value, let target = ref.region ?? region else { continue }
                update(&other, to: target)
                guard other.isKnown, let agencies = other.masters, !agencies.contains(ref, in: target) else { continue }
                let help = Suggest.didYouMean(ref.agency, in: agencies.keys.map(\.agency))
                    ?? Message("agency-unknown.add-master", ["region": "\(target)"])
                findings.append(Diagnostic(id, Message("agency-unknown.holder", ["agency": "\(ref)", "region": "\(target)"]),
                                           at: Location(file: inventory.file, span: field.span), help: help))
            }
        }
    }
}
