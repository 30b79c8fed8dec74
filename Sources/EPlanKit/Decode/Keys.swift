/// The keys each mapping of the format defines: the decoders accept exactly these (plus `x-` keys),
/// and the JSON Schemas in schemas/ are generated from the same lists.
public enum Keys {
    public static let plan = [
        "eplan", "id", "title", "kind", "level", "region", "owner", "status", "version", "issued", "filed",
        "evaluated", "parent", "master", "scope", "organization", "reporting", "response-levels", "actions",
        "resources", "drills", "revisions", "regions", "event-dates",
        "category", "form",
        "purpose", "basis", "principles", "warning", "termination", "support", "contacts", "annexes",
    ]
    public static let parent = ["id", "version"]
    public static let scope = ["hazards", "severities", "excluded"]
    public static let exclusion = ["hazard", "reason"]
    public static let organization = ["command", "members"]
    public static let command = ["name", "lead", "office"]
    public static let member = ["agency", "role", "duties"]
    public static let reporting = ["initial", "written", "follow-up", "to"]
    public static let responseLevel = ["level", "trigger", "lead"]
    public static let action = ["id", "phase", "who", "how", "when", "within", "resources", "hazards"]
    public static let resource = ["id", "type", "name", "quantity", "unit", "holder"]
    public static let drill = ["date", "type", "findings"]
    public static let revision = ["version", "date", "reason"]
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
