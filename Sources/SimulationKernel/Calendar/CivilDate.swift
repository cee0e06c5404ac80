/// A date of the proleptic Gregorian calendar (year, month 1…12, day 1…31), convertible to and
/// from a count of days since 1970-01-01, with its weekday.
///
/// Why a kernel type of our own: the simulation's day 0 is a real date (a scenario's
/// `calendar.startDate`) and public holidays are real dates, leap years included, so the
/// calendar must turn "day index 812" into a date and back. Foundation's `Calendar` would do
/// it, but slowly, with time zones and locale rules a simulation does not want; these are a
/// few integer operations.
///
/// The conversions are Howard Hinnant's `days_from_civil` and `civil_from_days`
/// ("chrono-Compatible Low-Level Date Algorithms", howardhinnant.github.io/date_algorithms.html):
/// the year is shifted to start on 1 March, so the leap day is the last day of its year and
/// month lengths follow the pattern `(153 m + 2) / 5`; 400-year eras of 146,097 days make
/// negative years work with the same arithmetic. Written here from the description.
///
/// ```swift
/// let start = CivilDate(iso: "2027-01-04")!
/// start.weekday                                  // 0 (Monday)
/// start.adding(days: 59).description             // "2027-03-04"
/// CivilDate(year: 2028, month: 2, day: 29)!.adding(days: 1).description   // "2028-03-01"
/// ```
public struct CivilDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let year: Int
    /// 1 = January … 12 = December.
    public let month: Int
    /// 1…28, 29, 30 or 31 by month and year.
    public let day: Int

    /// The date, or nil if the day does not exist (30 February, month 13, 2027-02-29).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= Self.daysInMonth(month, year: year),
              (-1_000_000...1_000_000).contains(year) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// The date `days` days after 1970-01-01 (before it for a negative count).
    ///
    /// - Complexity: O(1).
    public init(daysSinceEpoch days: Int) {
        let z = days + 719_468                                  // days since 0000-03-01
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097                        // 0…146096
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)   // from 1 March
        let shiftedMonth = (5 * dayOfYear + 2) / 153            // 0 = March … 11 = February
        day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    }

    /// Parses `YYYY-MM-DD` (four-digit year, two-digit month and day); nil for anything else
    /// or for a day that does not exist.
    public init?(iso text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// Days since 1970-01-01 (negative before it).
    ///
    /// - Complexity: O(1).
    public var daysSinceEpoch: Int {
        let y = month <= 2 ? year - 1 : year                    // years start on 1 March
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400                           // 0…399
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// 0 = Monday … 6 = Sunday (1970-01-01 was a Thursday).
    public var weekday: Int {
        let r = (daysSinceEpoch + 3) % 7
        return r < 0 ? r + 7 : r
    }

    /// The English name of the weekday, for messages ("Wednesday").
    public var weekdayName: String {
        ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"][weekday]
    }

    /// The date `days` later (earlier if negative).
    public func adding(days: Int) -> CivilDate { CivilDate(daysSinceEpoch: daysSinceEpoch + days) }

    /// Days from `other` to this date (positive if this one is later).
    public func days(since other: CivilDate) -> Int { daysSinceEpoch - other.daysSinceEpoch }

    /// Whether `year` has 29 February (Gregorian rule: every 4th year, but not centuries unless
    /// divisible by 400).
    public static func isLeapYear(_ year: Int) -> Bool {
        year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    }

    /// Days in `month` (1…12) of `year`.
    public static func daysInMonth(_ month: Int, year: Int) -> Int {
        switch month {
        case 2: isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// `YYYY-MM-DD` (years outside 0…9999 are written with as many digits as they need).
    public var description: String {
        func pad(_ n: Int, _ width: Int) -> String {
            let digits = String(n.magnitude)
            return (n < 0 ? "-" : "") + String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    public static func < (a: CivilDate, b: CivilDate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }
}
