@testable import EPlanKit
import EPlanText
import Foundation
import Testing

/// The findings cache keeps a plan's local findings with its content, except those of the rules that
/// read today's date, which it finds again on every run from the plan's dated part. Both halves are
/// checked here on every fixture plan over many days, boundaries included: the rules that read today
/// find the same in the dated part as in the whole plan, and the other local rules find the same on
/// any day (a rule that reads today without saying so fails the second test).
@Suite("Dated part")
struct DatedPartTests {
    static func shift(_ day: Day, by days: Int) -> Day {
        var d = day
        for _ in 0..<abs(days) {
            if days > 0 {
                d = Day(year: d.year, month: d.month, day: d.day + 1) ?? Day(year: d.year, month: d.month + 1, day: 1)
                    ?? Day(year: d.year + 1, month: 1, day: 1)!
            } else {
                d = Day(year: d.year, month: d.month, day: d.day - 1)
                    ?? (d.month > 1 ? Day(year: d.year, month: d.month - 1, day: Day.daysIn(month: d.month - 1, year: d.year))
                        : Day(year: d.year - 1, month: 12, day: 31))!
            }
        }
        return d
    }

    /// Days to try a plan on: every 23 days over fifteen years, and around each of its dates, those
    /// dates plus the intervals the rules count (months), and a working-day deadline's reach.
    static func days(for plan: Plan) -> [Day] {
        var result: [Day] = []
        var day = Day(year: 2019, month: 1, day: 1)!
        while day < Day(year: 2034, month: 1, day: 1)! {
            result.append(day)
            day = shift(day, by: 23)
        }
        var anchors = [plan.issued, plan.filed, plan.evaluated].compactMap { $0?.value }
        anchors += (plan.drills?.value ?? []).compactMap { $0.date?.value }
        anchors += (plan.revisions?.value ?? []).compactMap { $0.date?.value }
        for anchor in anchors {
            for months in [0, 6, 12, 24, 36] {
                let due = anchor.adding(months: months)
                for offset in -1...1 { result.append(shift(due, by: offset)) }
            }
            for offset in [20, 30, 31, 45] { result.append(shift(anchor, by: offset)) }
        }
        return result
    }

    static func describe(_ findings: [Diagnostic]) -> [String] {
        findings.map { FindingsCacheTests.describe($0) }.sorted()
    }

    static var plans: [Plan] {
        PlanSummaryTests.documents.compactMap(\.plan)
    }

    @Test("the rules that read today find the same in a plan's dated part, kept in a record, as in the plan")
    func datedPart() throws {
        var plans = 0, dated = 0
        for plan in Self.plans {
            plans += 1
            let record = FindingsRecord(today: "2026-01-01", diagnostics: [], suppressions: [], dated: plan)
            let bytes = FindingsRecord.encode(record, file: plan.file)
            let part = try #require(FindingsRecord.decode(ByteSlice(bytes), file: plan.file)?.datedPart(file: plan.file), "\(plan.file)")
            #expect(part.title == nil && part.actions == nil && part.organization == nil, "the dated part holds only dated fields")
            for day in Self.days(for: plan) {
                let checks = Linter.localChecks(Configuration(), today: day)
                let expected = Self.describe(checks.dated(plan))
                if !expected.isEmpty { dated += 1 }
                #expect(Self.describe(checks.dated(part)) == expected, "\(plan.file) on \(day)")
            }
        }
        #expect(plans > 40)
        #expect(dated > 100, "the days tried reach findings of the rules that read today")
    }

    @Test("the other local rules find the same on any day")
    func timeless() {
        /// The findings of the local rules that do not say they read today's date.
        func timeless(_ plan: Plan, on day: Day) -> [String] {
            let checks = Linter.localChecks(Configuration(), today: day)
            return Self.describe(checks.all(plan).filter { !checks.datedRules.contains($0.rule) })
        }
        for plan in Self.plans {
            let days = Self.days(for: plan)
            let first = timeless(plan, on: days[0])
            for day in days.dropFirst() where day.day % 3 == 0 {
                #expect(timeless(plan, on: day) == first, "\(plan.file) on \(day)")
            }
        }
    }

    @Test("the rules that say they read today are local, and among them are the management rules that measure time")
    func declared() {
        let reading = Set(RuleCatalog.rules.filter(\.readsToday).map(\.id.rawValue))
        #expect(reading == ["dates-inconsistent", "drill-overdue", "evaluation-overdue", "filing-late"])
        #expect(RuleCatalog.rules.filter { $0.readsToday }.allSatisfy { $0.isLocal })
    }
}
