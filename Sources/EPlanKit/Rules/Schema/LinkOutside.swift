private typealias E = ExampleFiles

struct LinkOutside: DecoderRule {
    /// Not local: the walk finds them.
    var isLocal: Bool { false }

    static let description = RuleDescription(
        id: "link-outside", severity: .warning, group: .schema,
        summary: "No symbolic link of the repository leads outside it",
        rationale: """
            A CI gate reads whatever a pull request contains. A link `qs/notes.yaml -> ~/.aws/credentials` would \
            have eplan read a file of the machine and print a line of it in the job's log; a link to `/` would \
            have it walk the whole file system. Links leading outside the repository root are not read, not \
            walked, and reported here with where they lead. `links: follow` in eplan.yaml restores following \
            them, for a repository that is itself assembled from links.
            """,
        passing: [
            RuleExample(E.repo(E.cityMaster), links: [("plans/same", "qs", false)],
                        note: "a link to a folder of the repository is followed, and its files read once"),
        ],
        failing: [
            RuleExample(E.repo(E.cityMaster), links: [("plans/qs/notes.yaml", "/etc/hostname", true), ("plans/root", "/", true)],
                        note: "a file and a folder outside the repository: neither read nor walked"),
        ])
}
