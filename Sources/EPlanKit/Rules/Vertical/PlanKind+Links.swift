// "Vertically to the end": every plan docks with its higher-level plan, down to the configured depth.

extension PlanKind {
    var requiresParent: Bool { self == .master || self == .special || self == .unit }
    var requiresMaster: Bool { self == .special || self == .departmental || self == .event }
    /// Unit and departmental plans may dock with a plan of their own level and region.
    var docksAtOwnLevel: Bool { self == .unit || self == .departmental }
}
