import ArgumentParser
import EPlanKit
import EPlanText

/// `--today DATE`: a real calendar date, or a usage error (exit 2). Each command says in its help
/// line what the date is for (`Purpose`); the option, its value name and its check are the same everywhere.
struct TodayOption<Purpose: TodayPurpose>: ParsableArguments {
    @Option(help: ArgumentHelp(Purpose.help, valueName: "DATE"))
    var today: String?

    func validate() throws {
        if let today, Day(today) == nil { throw ValidationError(Message("cli.today-invalid", ["value": .verbatim(today)]).text(RunLanguage.current)) }
    }

    /// The date given, else today's local date.
    var day: Day { today.flatMap { Day($0) } ?? Day.localToday() }
}

/// What a command uses `--today` for: the help line it shows.
protocol TodayPurpose {
    static var help: String { get }
}

/// `lint`: the day time-based rules judge by.
enum RulesDay: TodayPurpose {
    static let help = "The date for time-based rules (YYYY-MM-DD; default: today's local date)."
}

/// `graph` and `report`: the day for time-based rules and the due dates shown.
enum DueDay: TodayPurpose {
    static let help = "The date for time-based rules and due dates (YYYY-MM-DD; default: today's local date)."
}

/// `init`: the day the starter plan is issued, filed and first drilled.
enum StarterDay: TodayPurpose {
    static let help = "The date for issued, filed and the first drill (YYYY-MM-DD; default: today's local date)."
}

/// `new`: the new plan's issue date.
enum IssueDay: TodayPurpose {
    static let help = "The issue date (YYYY-MM-DD; default: today's local date)."
}
