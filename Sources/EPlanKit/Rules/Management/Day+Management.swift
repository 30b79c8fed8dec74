// Plan management: evaluated every three years, drilled, drill findings worked into a revision,
// filed with the higher authority on time. "Today" is --today (default: the local date).

extension Day {
    /// "More than `months` months before today": this date plus the months is earlier than today.
    func isMoreThan(months: Int, before today: Day) -> Bool {
        adding(months: months) < today
    }

    /// Working days after this date, up to and including `end`, in `calendar` (the statutory calendar
    /// plus the repository's `calendar:`). No allocation: a few binary searches.
    func workingDays(until end: Day, in calendar: WorkingCalendar) -> Int {
        calendar.workingDays(after: ordinal, through: end.ordinal)
    }
}

/// Which days are working days (rules.md, "Plan management"): Monday to Friday, less the public
/// holidays, plus the make-up working days (调休) of the State Council's notices
/// (`StatutoryCalendar`), then the repository's own additions (`eplan.yaml` `calendar:`), which win
/// over the notices. Years no notice covers are Monday to Friday plus the additions.
public struct WorkingCalendar: Sendable {
    /// `calendar: holidays:`: days off besides the statutory holidays.
    public let holidays: [Day]
    /// `calendar: workdays:`: working days besides the statutory make-up working days.
    public let workdays: [Day]
    /// Monday-to-Friday days (ordinals, sorted) that are not working days.
    private let weekdaysOff: [Int]
    /// Saturdays and Sundays (ordinals, sorted) that are working days.
    private let weekendsOn: [Int]

    /// The statutory calendar alone.
    public static let statutory = WorkingCalendar(holidays: [], workdays: [])

    /// The statutory calendar with a repository's additions. A date in both lists is a working day
    /// (the configuration decoder reports such a date, so a valid configuration has none).
    public init(holidays: [Day], workdays: [Day]) {
        self.holidays = holidays
        self.workdays = workdays
        var off = StatutoryCalendar.days
        for day in holidays { off[day.ordinal] = true }
        for day in workdays { off[day.ordinal] = false }
        var weekdaysOff: [Int] = []
        var weekendsOn: [Int] = []
        for (ordinal, isOff) in off {
            let weekend = Self.weekday(ordinal) > 5
            if isOff && !weekend { weekdaysOff.append(ordinal) }
            if !isOff && weekend { weekendsOn.append(ordinal) }
        }
        self.weekdaysOff = weekdaysOff.sorted()
        self.weekendsOn = weekendsOn.sorted()
    }

    public func isWorkingDay(_ day: Day) -> Bool {
        let ordinal = day.ordinal
        return Self.weekday(ordinal) <= 5 ? !Self.contains(weekdaysOff, ordinal) : Self.contains(weekendsOn, ordinal)
    }

    /// Working days among the days with ordinals in `start + 1 ... stop` (0 when `stop <= start`).
    func workingDays(after start: Int, through stop: Int) -> Int {
        guard stop > start else { return 0 }
        return Self.mondayToFriday(after: start, through: stop)
            - Self.count(weekdaysOff, after: start, through: stop)
            + Self.count(weekendsOn, after: start, through: stop)
    }

    /// Monday = 1 ... Sunday = 7, of a day ordinal (days since 1970-01-01, a Thursday).
    static func weekday(_ ordinal: Int) -> Int {
        let w = ordinal % 7
        return (w + 3 + (w < 0 ? 7 : 0)) % 7 + 1
    }

    static func mondayToFriday(after start: Int, through stop: Int) -> Int {
        let days = stop - start
        var count = (days / 7) * 5
        var weekday = weekday(start)
        for _ in 0..<(days % 7) {
            weekday = weekday % 7 + 1
            if weekday <= 5 { count += 1 }
        }
        return count
    }

    /// How many of `sorted`'s values lie in `start + 1 ... stop`.
    static func count(_ sorted: [Int], after start: Int, through stop: Int) -> Int {
        firstIndex(in: sorted, after: stop) - firstIndex(in: sorted, after: start)
    }

    /// The index of the first value greater than `value` (`sorted.count` when none is).
    static func firstIndex(in sorted: [Int], after value: Int) -> Int {
        var low = 0
        var high = sorted.count
        while low < high {
            let mid = (low + high) / 2
            if sorted[mid] <= value { low = mid + 1 } else { high = mid }
        }
        return low
    }

    static func contains(_ sorted: [Int], _ value: Int) -> Bool {
        let index = firstIndex(in: sorted, after: value)
        return index > 0 && sorted[index - 1] == value
    }
}
