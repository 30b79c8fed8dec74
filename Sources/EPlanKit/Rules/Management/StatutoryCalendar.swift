// The statutory working-day calendar (rules.md, "Plan management"): the public holidays and the
// make-up working days (调休) that the State Council General Office sets each year in its notice
// 国务院办公厅关于XXXX年部分节假日安排的通知. This file is the data, and the only place it is kept;
// `WorkingCalendar` (Day+Management.swift) counts with it. docs/calendar.md lists the notices.
//
// Each date was checked against the notice's text, item by item. Dates are written yyyy_mm_dd; a
// holiday range is the notice's "X日至Y日放假（调休）", both ends included, weekend days included as the
// notice counts them ("共N天"). A make-up working day is the notice's "X日（星期六/日）上班".
//
// When a year's notice is published (usually October to December of the year before), add its
// entry below, with its title, document number and date of issue, a test in
// Tests/EPlanKitTests/CalendarTests.swift, and a line in docs/calendar.md. Until then a repository
// adds that year's days itself with `eplan.yaml` `calendar:`.

enum StatutoryCalendar {
    /// One notice: the days off it sets and the weekend days it makes working days.
    struct Notice: Sendable {
        /// The year the notice arranges.
        let year: Int
        let title: String
        /// The document number (文号).
        let number: String
        /// The date of issue at the foot of the notice (yyyy_mm_dd).
        let issued: Int
        let holidays: [ClosedRange<Int>]
        let workdays: [Int]
    }

    /// The notices in order of issue; a later notice overrides an earlier one for the days it names
    /// (2020: the extension of the Spring Festival holiday made 1 February a day off again).
    static let notices: [Notice] = [
        Notice(year: 2020, title: "国务院办公厅关于2020年部分节假日安排的通知", number: "国办发明电〔2019〕16号",
               issued: 2019_11_21,
               holidays: [2020_01_01...2020_01_01,  // 元旦：2020年1月1日放假，共1天
                          2020_01_24...2020_01_30,  // 春节：1月24日至30日放假调休，共7天
                          2020_04_04...2020_04_06,  // 清明节：4月4日至6日
                          2020_05_01...2020_05_05,  // 劳动节：5月1日至5日
                          2020_06_25...2020_06_27,  // 端午节：6月25日至27日
                          2020_10_01...2020_10_08], // 国庆节、中秋节：10月1日至8日，共8天
               workdays: [2020_01_19, 2020_02_01, 2020_04_26, 2020_05_09, 2020_06_28, 2020_09_27, 2020_10_10]),
        // "延长2020年春节假期至2月2日（农历正月初九，星期日），2月3日（星期一）起正常上班": 31 January to
        // 2 February become days off, and Saturday 1 February is no longer a working day.
        Notice(year: 2020, title: "国务院办公厅关于延长2020年春节假期的通知", number: "国办发明电〔2020〕1号",
               issued: 2020_01_26,
               holidays: [2020_01_31...2020_02_02],
               workdays: []),
        Notice(year: 2021, title: "国务院办公厅关于2021年部分节假日安排的通知", number: "国办发明电〔2020〕27号",
               issued: 2020_11_25,
               holidays: [2021_01_01...2021_01_03,  // 元旦
                          2021_02_11...2021_02_17,  // 春节，共7天
                          2021_04_03...2021_04_05,  // 清明节
                          2021_05_01...2021_05_05,  // 劳动节
                          2021_06_12...2021_06_14,  // 端午节
                          2021_09_19...2021_09_21,  // 中秋节
                          2021_10_01...2021_10_07], // 国庆节
               workdays: [2021_02_07, 2021_02_20, 2021_04_25, 2021_05_08, 2021_09_18, 2021_09_26, 2021_10_09]),
        Notice(year: 2022, title: "国务院办公厅关于2022年部分节假日安排的通知", number: "国办发明电〔2021〕11号",
               issued: 2021_10_25,
               holidays: [2022_01_01...2022_01_03,  // 元旦
                          2022_01_31...2022_02_06,  // 春节，共7天
                          2022_04_03...2022_04_05,  // 清明节
                          2022_04_30...2022_05_04,  // 劳动节
                          2022_06_03...2022_06_05,  // 端午节
                          2022_09_10...2022_09_12,  // 中秋节
                          2022_10_01...2022_10_07], // 国庆节
               workdays: [2022_01_29, 2022_01_30, 2022_04_02, 2022_04_24, 2022_05_07, 2022_10_08, 2022_10_09]),
        Notice(year: 2023, title: "国务院办公厅关于2023年部分节假日安排的通知", number: "国办发明电〔2022〕16号",
               issued: 2022_12_08,
               holidays: [2022_12_31...2023_01_02,  // 元旦：2022年12月31日至2023年1月2日
                          2023_01_21...2023_01_27,  // 春节，共7天
                          2023_04_05...2023_04_05,  // 清明节：4月5日放假，共1天
                          2023_04_29...2023_05_03,  // 劳动节
                          2023_06_22...2023_06_24,  // 端午节
                          2023_09_29...2023_10_06], // 中秋节、国庆节，共8天
               workdays: [2023_01_28, 2023_01_29, 2023_04_23, 2023_05_06, 2023_06_25, 2023_10_07, 2023_10_08]),
        // 除夕 (9 February) is not a holiday: the notice only encourages employers to give it off.
        Notice(year: 2024, title: "国务院办公厅关于2024年部分节假日安排的通知", number: "国办发明电〔2023〕7号",
               issued: 2023_10_25,
               holidays: [2024_01_01...2024_01_01,  // 元旦：1月1日放假，与周末连休
                          2024_02_10...2024_02_17,  // 春节，共8天
                          2024_04_04...2024_04_06,  // 清明节
                          2024_05_01...2024_05_05,  // 劳动节
                          2024_06_10...2024_06_10,  // 端午节：6月10日放假，与周末连休
                          2024_09_15...2024_09_17,  // 中秋节
                          2024_10_01...2024_10_07], // 国庆节
               workdays: [2024_02_04, 2024_02_18, 2024_04_07, 2024_04_28, 2024_05_11, 2024_09_14, 2024_09_29,
                          2024_10_12]),
        // The first year under the revised 全国年节及纪念日放假办法 (November 2024): two more days off.
        Notice(year: 2025, title: "国务院办公厅关于2025年部分节假日安排的通知", number: "国办发明电〔2024〕12号",
               issued: 2024_11_12,
               holidays: [2025_01_01...2025_01_01,  // 元旦：1月1日（周三）放假1天，不调休
                          2025_01_28...2025_02_04,  // 春节：农历除夕至正月初七，共8天
                          2025_04_04...2025_04_06,  // 清明节
                          2025_05_01...2025_05_05,  // 劳动节
                          2025_05_31...2025_06_02,  // 端午节
                          2025_10_01...2025_10_08], // 国庆节、中秋节，共8天
               workdays: [2025_01_26, 2025_02_08, 2025_04_27, 2025_09_28, 2025_10_11]),
        // The Xinhua text of this notice prints no document number; the number is the one reprints give.
        Notice(year: 2026, title: "国务院办公厅关于2026年部分节假日安排的通知", number: "国办发明电〔2025〕7号",
               issued: 2025_11_04,
               holidays: [2026_01_01...2026_01_03,  // 元旦：1月1日（周四）至3日（周六）
                          2026_02_15...2026_02_23,  // 春节：腊月二十八至正月初七，共9天
                          2026_04_04...2026_04_06,  // 清明节
                          2026_05_01...2026_05_05,  // 劳动节
                          2026_06_19...2026_06_21,  // 端午节
                          2026_09_25...2026_09_27,  // 中秋节
                          2026_10_01...2026_10_07], // 国庆节
               workdays: [2026_01_04, 2026_02_14, 2026_02_28, 2026_05_09, 2026_09_20, 2026_10_10]),
    ]

    /// The first and the last year a notice arranges.
    static var years: ClosedRange<Int> {
        (notices.map(\.year).min() ?? 0)...(notices.map(\.year).max() ?? 0)
    }

    /// A yyyymmdd number as a day (nil for a date that does not exist: a test keeps there being none).
    static func day(_ n: Int) -> Day? {
        Day(year: n / 10_000, month: n / 100 % 100, day: n % 100)
    }

    /// Every day the notices set, by ordinal: true for a day off, false for a working day; a later
    /// notice overrides an earlier one.
    static let days: [Int: Bool] = {
        var days: [Int: Bool] = [:]
        for notice in notices {
            for range in notice.holidays {
                guard let from = day(range.lowerBound)?.ordinal, let to = day(range.upperBound)?.ordinal, from <= to else { continue }
                for ordinal in from...to { days[ordinal] = true }
            }
            for n in notice.workdays {
                if let ordinal = day(n)?.ordinal { days[ordinal] = false }
            }
        }
        return days
    }()
}
