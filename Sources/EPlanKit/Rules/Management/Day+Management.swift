// Plan management: evaluated every three years, drilled, drill findings worked into a revision,
// filed with the higher authority on time. "Today" is --today (default: the local date).

extension Day {
    /// "More than `months` months before today": this date plus the months is earlier than today.
    func isMoreThan(months: Int, before today: Day) -> Bool {
        adding(months: months) < today
    }

    /// Working days (Monday to Friday) after this date, up to and including `end`.
    func workingDays(until end: Day) -> Int {
        let start = ordinal
        let stop = end.ordinal
        guard stop > start else { return 0 }
        let days = stop - start
        var count = (days / 7) * 5
        var weekday = self.weekday  // Monday = 1
        for _ in 0..<(days % 7) {
            weekday = weekday % 7 + 1
            if weekday <= 5 { count += 1 }
        }
        return count
    }
}
