// "Vertically to the end": every plan docks with its higher-level plan, down to the configured depth.

extension PlanKind {
    var requiresParent: Bool { self == .master || self == .special || self == .unit }
    var requiresMaster: Bool { self == .special || self == .departmental || self == .event }
    /// Unit and departmental plans may dock with a plan of their own level and region.
    var docksAtOwnLevel: Bool { self == .unit || self == .departmental }
}

extension Plan {
    /// Every agency reference the plan writes, in file order of its parts: owner, command office,
    /// members, reporting.to, response-level leads, who of each action, resource holders.
    func forEachAgencyReference(_ body: (Field<AgencyRef>) -> Void) {
        if let owner { body(owner) }
        if let office = organization?.command?.office { body(office) }
        for member in organization?.members ?? [] { if let agency = member.agency { body(agency) } }
        if let to = reporting?.to { body(to) }
        for level in responseLevels?.value ?? [] { for lead in level.lead?.value ?? [] { body(lead) } }
        for action in actions?.value ?? [] { for who in action.who?.value ?? [] { body(who) } }
        for resource in resources?.value ?? [] { if let holder = resource.holder { body(holder) } }
    }
}
