@testable import EPlanKit
import EPlanYAML
import Foundation
import Testing

/// Working days follow the statutory calendar (rules.md, "Plan management"): the State Council's
/// notices built in (`StatutoryCalendar`), plus `eplan.yaml` `calendar:`.
@Suite("Statutory calendar")
struct CalendarTests {
    static func day(_ text: String) throws -> Day { try #require(Day(text), "\(text) is not a date") }

    /// Checks one year against its notice: the make-up working days with the weekday the notice gives
    /// them (6 = Saturday, 7 = Sunday), days off, and weekdays that stay working days.
    func check(makeUp: [(String, Int)], off: [String], working: [String] = [],
               in calendar: WorkingCalendar = .statutory) throws {
        for (text, weekday) in makeUp {
            let day = try Self.day(text)
            #expect(day.weekday == weekday, "\(text) is not on the weekday the notice gives")
            let working = calendar.isWorkingDay(day)
            #expect(working, "\(text) is a make-up working day")
        }
        for text in off {
            let working = calendar.isWorkingDay(try Self.day(text))
            #expect(!working, "\(text) is a day off")
        }
        for text in working {
            let isWorking = calendar.isWorkingDay(try Self.day(text))
            #expect(isWorking, "\(text) is a working day")
        }
    }

    /// Working days of a whole year, and Monday to Friday of it.
    func yearCounts(_ year: Int, in calendar: WorkingCalendar = .statutory) throws -> (working: Int, mondayToFriday: Int) {
        let start = try #require(Day(year: year - 1, month: 12, day: 31)).ordinal
        let stop = try #require(Day(year: year, month: 12, day: 31)).ordinal
        return (calendar.workingDays(after: start, through: stop), WorkingCalendar.mondayToFriday(after: start, through: stop))
    }

    // MARK: The notices, year by year

    @Test("2020: 国办发明电〔2019〕16号, and the Spring Festival extension of 国办发明电〔2020〕1号")
    func year2020() throws {
        try check(makeUp: [("2020-01-19", 7), ("2020-04-26", 7), ("2020-05-09", 6), ("2020-06-28", 7),
                           ("2020-09-27", 7), ("2020-10-10", 6)],
                  off: ["2020-01-01", "2020-01-24", "2020-01-30", "2020-04-06", "2020-05-01", "2020-05-05",
                        "2020-06-25", "2020-06-26", "2020-10-01", "2020-10-08",
                        // the extension: to 2 February, and Saturday 1 February no longer a working day
                        "2020-01-31", "2020-02-01", "2020-02-02"],
                  working: ["2020-02-03", "2020-01-02"])
    }

    @Test("2021: 国办发明电〔2020〕27号")
    func year2021() throws {
        try check(makeUp: [("2021-02-07", 7), ("2021-02-20", 6), ("2021-04-25", 7), ("2021-05-08", 6),
                           ("2021-09-18", 6), ("2021-09-26", 7), ("2021-10-09", 6)],
                  off: ["2021-01-01", "2021-02-11", "2021-02-17", "2021-04-05", "2021-05-03", "2021-05-05",
                        "2021-06-14", "2021-09-20", "2021-09-21", "2021-10-01", "2021-10-07"],
                  working: ["2021-02-18", "2021-10-08"])
    }

    @Test("2022: 国办发明电〔2021〕11号")
    func year2022() throws {
        try check(makeUp: [("2022-01-29", 6), ("2022-01-30", 7), ("2022-04-02", 6), ("2022-04-24", 7),
                           ("2022-05-07", 6), ("2022-10-08", 6), ("2022-10-09", 7)],
                  off: ["2022-01-03", "2022-01-31", "2022-02-04", "2022-04-04", "2022-04-05", "2022-05-02",
                        "2022-05-04", "2022-06-03", "2022-09-12", "2022-10-03", "2022-10-07"],
                  working: ["2022-02-07", "2022-05-05"])
    }

    @Test("2023: 国办发明电〔2022〕16号")
    func year2023() throws {
        try check(makeUp: [("2023-01-28", 6), ("2023-01-29", 7), ("2023-04-23", 7), ("2023-05-06", 6),
                           ("2023-06-25", 7), ("2023-10-07", 6), ("2023-10-08", 7)],
                  off: ["2022-12-31", "2023-01-02", "2023-01-23", "2023-01-27", "2023-04-05", "2023-05-01",
                        "2023-05-03", "2023-06-22", "2023-06-23", "2023-09-29", "2023-10-02", "2023-10-06"],
                  working: ["2023-04-04", "2023-04-06", "2023-10-09"])
    }

    @Test("2024: 国办发明电〔2023〕7号 (2024-02-04 and 2024-02-18 are working Sundays; 1 to 7 October off)")
    func year2024() throws {
        try check(makeUp: [("2024-02-04", 7), ("2024-02-18", 7), ("2024-04-07", 7), ("2024-04-28", 7),
                           ("2024-05-11", 6), ("2024-09-14", 6), ("2024-09-29", 7), ("2024-10-12", 6)],
                  off: ["2024-01-01", "2024-02-12", "2024-02-16", "2024-04-04", "2024-04-05", "2024-05-01",
                        "2024-05-03", "2024-06-10", "2024-09-16", "2024-09-17"]
                      + (1...7).map { "2024-10-0\($0)" },
                  // 除夕: the notice only encourages giving it off
                  working: ["2024-02-09", "2024-10-08"])
    }

    @Test("2025: 国办发明电〔2024〕12号")
    func year2025() throws {
        try check(makeUp: [("2025-01-26", 7), ("2025-02-08", 6), ("2025-04-27", 7), ("2025-09-28", 7),
                           ("2025-10-11", 6)],
                  off: ["2025-01-01", "2025-01-28", "2025-02-03", "2025-02-04", "2025-04-04", "2025-05-01",
                        "2025-05-05", "2025-06-02", "2025-10-01", "2025-10-08"],
                  working: ["2025-01-02", "2025-01-27", "2025-10-09"])
    }

    @Test("2026: 国办发明电〔2025〕7号")
    func year2026() throws {
        try check(makeUp: [("2026-01-04", 7), ("2026-02-14", 6), ("2026-02-28", 6), ("2026-05-09", 6),
                           ("2026-09-20", 7), ("2026-10-10", 6)],
                  off: ["2026-01-01", "2026-01-02", "2026-02-16", "2026-02-23", "2026-04-06", "2026-05-01",
                        "2026-05-04", "2026-05-05", "2026-06-19", "2026-09-25", "2026-10-01", "2026-10-02",
                        "2026-10-05", "2026-10-06", "2026-10-07"],
                  working: ["2026-02-24", "2026-10-08", "2026-10-09"])
    }

    @Test("each year keeps the statutory number of days off: 11, 13 from 2025 (the revised 放假办法), 13 in 2020 with the extension")
    func netDaysOff() throws {
        let expected = [2020: 13, 2021: 11, 2022: 11, 2023: 11, 2024: 11, 2025: 13, 2026: 13]
        #expect(StatutoryCalendar.years == 2020...2026)
        for year in StatutoryCalendar.years {
            let counts = try yearCounts(year)
            #expect(counts.mondayToFriday - counts.working == expected[year], "\(year)")
        }
    }

    @Test("the data: every date exists, ranges run forwards, make-up days are weekend days, notices in order of issue")
    func data() throws {
        var issued = 0
        for notice in StatutoryCalendar.notices {
            #expect(StatutoryCalendar.day(notice.issued) != nil)
            #expect(notice.issued > issued, "\(notice.title) is out of order")
            issued = notice.issued
            for range in notice.holidays {
                let from = try #require(StatutoryCalendar.day(range.lowerBound), "\(range.lowerBound)")
                let to = try #require(StatutoryCalendar.day(range.upperBound), "\(range.upperBound)")
                #expect(from <= to && to.ordinal - from.ordinal < 10, "\(range)")
                #expect(abs(from.year - notice.year) <= 1)
            }
            for n in notice.workdays {
                let day = try #require(StatutoryCalendar.day(n), "\(n)")
                #expect(day.weekday >= 6, "\(day) is not a weekend day")
                #expect(day.year == notice.year)
            }
        }
    }

    @Test("years no notice covers count Monday to Friday")
    func outsideTheNotices() throws {
        #expect(WorkingCalendar.statutory.isWorkingDay(try Self.day("2019-10-01")))  // a Tuesday before 2020
        #expect(WorkingCalendar.statutory.isWorkingDay(try Self.day("2027-10-01")))  // a Friday, no notice yet
        #expect(!WorkingCalendar.statutory.isWorkingDay(try Self.day("2027-10-02")))  // a Saturday
        let counts = try yearCounts(2027)
        #expect(counts.working == counts.mondayToFriday)
    }

    // MARK: Counting

    @Test("the issue's example: issued 2026-09-25, filed 2026-10-26 is 21 working days Monday to Friday, 17 by the 2026 notice")
    func filingExample() throws {
        let issued = try Self.day("2026-09-25")
        let filed = try Self.day("2026-10-26")
        #expect(WorkingCalendar.mondayToFriday(after: issued.ordinal, through: filed.ordinal) == 21)
        // less 1, 2, 5, 6, 7 October (weekdays off), plus Saturday 10 October (a make-up working day)
        #expect(issued.workingDays(until: filed, in: .statutory) == 17)
        // a make-up Saturday counts: 20 Monday to Friday, 21 with 28 February
        let after = try Self.day("2026-02-24")
        let end = try Self.day("2026-03-24")
        #expect(WorkingCalendar.mondayToFriday(after: after.ordinal, through: end.ordinal) == 20)
        #expect(after.workingDays(until: end, in: .statutory) == 21)
    }

    @Test("counting equals going day by day, over ranges across every built-in year and beyond")
    func countMatchesDayByDay() throws {
        let calendars = [WorkingCalendar.statutory,
                         WorkingCalendar(holidays: [try Self.day("2026-10-09"), try Self.day("2027-03-03")],
                                         workdays: [try Self.day("2026-10-07"), try Self.day("2027-09-26")])]
        let first = try Self.day("2019-12-01").ordinal
        let last = try Self.day("2027-12-31").ordinal
        var generator = SystemRandomNumberGenerator()
        for calendar in calendars {
            // a running count: working days of first+1 ... n
            var running = [0]
            var day = try Self.day("2019-12-01")
            for _ in (first + 1)...last {
                day = try #require(Self.next(day))
                running.append(running[running.count - 1] + (calendar.isWorkingDay(day) ? 1 : 0))
            }
            #expect(day.ordinal == last)
            for _ in 0..<2_000 {
                let a = Int.random(in: first...last, using: &generator)
                let b = Int.random(in: first...last, using: &generator)
                let expected = b > a ? running[b - first] - running[a - first] : 0
                let got = calendar.workingDays(after: a, through: b)
                #expect(got == expected, "\(a) \(b)")
            }
        }
        let day = try Self.day("2026-10-26")
        #expect(day.workingDays(until: day, in: .statutory) == 0)
        #expect(day.workingDays(until: try Self.day("2026-10-01"), in: .statutory) == 0)
    }

    static func next(_ d: Day) -> Day? {
        Day(year: d.year, month: d.month, day: d.day + 1) ?? Day(year: d.year, month: d.month + 1, day: 1)
            ?? Day(year: d.year + 1, month: 1, day: 1)
    }

    // MARK: eplan.yaml `calendar:`

    static func config(_ text: String) -> SourceDocument {
        decode("eplan: config/v1\n" + text, file: "eplan.yaml")
    }

    @Test("calendar: holidays and workdays add to the notices, and win over them")
    func additions() throws {
        let doc = Self.config("""
            calendar:
              holidays: [2026-10-09, 2026-10-10, 2027-10-08]   # a weekday, a make-up Saturday, a year not built in
              workdays: [2026-10-07, 2027-09-26]               # a National Day holiday, a Sunday
              x-source: local government notice
            """)
        #expect(findings(doc.diagnostics) == [])
        guard case .config(let config) = doc.content else {
            Issue.record("not a configuration")
            return
        }
        let calendar = config.calendar
        #expect(calendar.holidays.map(\.description) == ["2026-10-09", "2026-10-10", "2027-10-08"])
        #expect(calendar.workdays.map(\.description) == ["2026-10-07", "2027-09-26"])
        try check(makeUp: [("2027-09-26", 7)], off: ["2026-10-09", "2026-10-10", "2027-10-08", "2026-10-06"],
                  working: ["2026-10-07", "2026-10-08", "2027-10-07"], in: calendar)
        let issued = try Self.day("2026-09-25")
        let filed = try Self.day("2026-10-26")
        // 17 statutory; 7 October becomes working, 9 and 10 October days off
        #expect(issued.workingDays(until: filed, in: calendar) == 16)
        #expect(Configuration().calendar.holidays.isEmpty && Configuration().calendar.workdays.isEmpty)
    }

    @Test("a bad calendar: is a finding in eplan.yaml, and such a configuration stops the run",
          arguments: [
            ("calendar:\n  holidays: [2026-02-30]\n", "schema-value 3:14"),
            ("calendar:\n  holidays: [2026-10-09]\n  workdays: [2026-10-09]\n", "schema-value 4:14"),
            ("calendar:\n  holiday: [2026-10-09]\n", "schema-unknown-key 3:3"),
            ("calendar: [2026-10-09]\n", "schema-type 2:1"),
            ("calendar:\n  workdays: {2026-10-09: true}\n", "schema-type 3:3"),
          ])
    func invalid(text: String, expected: String) throws {
        let doc = Self.config(text)
        #expect(findings(doc.diagnostics) == [expected])
        #expect(throws: WorkspaceError.self) { try Workspace.decodeConfiguration(doc) }
    }

    @Test("the messages name the date and the key")
    func messages() {
        let both = Self.config("calendar:\n  holidays: [2026-10-09]\n  workdays: [2026-10-09]\n").diagnostics.map(\.message.english)
        #expect(both == ["'2026-10-09' is listed both in 'calendar.holidays' and in 'calendar.workdays'"])
        let bad = Self.config("calendar:\n  workdays: [2026-9-27]\n").diagnostics.map(\.message.english)
        #expect(bad == ["'2026-9-27' at 'calendar.workdays' is not a valid date"])
        let unknown = Self.config("calendar:\n  holiday: []\n").diagnostics
        #expect(unknown.map(\.message.english) == ["unknown key 'holiday' in 'calendar'"])
        #expect(unknown.first?.help?.english == "did you mean 'holidays'?")
    }

    @Test("the HTML report's filing rows count with the repository's calendar")
    func reportDueDates() throws {
        let plan = ExampleFiles.file("qs.master", ["issued": "issued: 2026-02-24", "filed": "filed: 2026-03-24"])
        for (calendar, late) in [("", true), ("calendar: {holidays: [2026-03-02]}\n", false)] {
            let files = [(ExampleFiles.config.0, ExampleFiles.config.1 + "\n" + calendar), ExampleFiles.regions, plan]
            let workspace = try Workspace.inMemory(files.map { ($0.0, Array($0.1.utf8)) })
            let today = try Self.day("2026-11-30")
            let analysis = Linter.analyze(workspace, LintOptions(cwd: "", jobs: 1, today: today))
            let html = HTMLReport.dueDates(analysis.plans, configuration: workspace.configuration, today: today)
            #expect(html.contains("filed 21 working days after issue") == late, "\(calendar)")
            #expect(analysis.result.active.contains { $0.rule.rawValue == "filing-late" } == late, "\(calendar)")
        }
    }

    // MARK: docs/calendar.md

    @Test("docs/calendar.md lists every notice built in, with its document number")
    func docsListNotices() throws {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        let page = try String(contentsOf: url.appendingPathComponent("docs/calendar.md"), encoding: .utf8)
        for notice in StatutoryCalendar.notices {
            #expect(page.contains(notice.title), "docs/calendar.md lacks \(notice.title)")
            #expect(page.contains(notice.number), "docs/calendar.md lacks \(notice.number)")
        }
    }
}
