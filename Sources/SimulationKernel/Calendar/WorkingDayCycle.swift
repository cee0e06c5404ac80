/// Precomputed tables over the calendar's 7-year cycle that make day counting O(1).
///
/// Why 7 years: a simulated year has 365 days and 365 ≡ 1 (mod 7), so the weekday of
/// day-of-year 1 moves on by one each year and the pattern of (weekday, day-of-year) pairs, hence
/// of working days, repeats exactly every 7 × 365 = 2555 days. Over one cycle we store
///
/// - `workingDaysBefore[o]`: working days among cycle offsets `0..<o` (2556 entries),
/// - `workingDayOffsets`: the offsets of the working days, in order,
/// - `restDayOffsets`: the offsets of the rest days, in order,
///
/// so "how many working days in [a, b)", "the n-th working day" and "the n-th rest day" are a
/// division, a remainder and one array read each, however far apart the days are. The tables
/// are `Int16` (every value is ≤ 2555) and take about 10 KB per distinct calendar, shared by
/// copies (copy-on-write arrays); reading them allocates nothing.
struct WorkingDayCycle: Sendable {
    /// Days in one cycle: 7 years of 365 days, a whole number of weeks.
    static let lengthInDays = 7 * WorkingCalendar.daysPerYear

    private let workingDaysBefore: [Int16]
    private let workingDayOffsets: [Int16]
    private let restDayOffsets: [Int16]

    /// Builds the tables from a predicate on day indices 0..<2555 (day 0 = Monday, day-of-year 1).
    init(isWorkingDay: (Int) -> Bool) {
        var before: [Int16] = []
        var working: [Int16] = []
        var rest: [Int16] = []
        before.reserveCapacity(Self.lengthInDays + 1)
        before.append(0)
        for offset in 0..<Self.lengthInDays {
            if isWorkingDay(offset) { working.append(Int16(offset)) } else { rest.append(Int16(offset)) }
            before.append(Int16(working.count))
        }
        workingDaysBefore = before
        workingDayOffsets = working
        restDayOffsets = rest
    }

    /// Working days in one 2555-day cycle.
    var workingDaysPerCycle: Int { workingDayOffsets.count }

    /// Number of working days in `0..<day` (for a negative `day`, minus the number in `day..<0`),
    /// so that the working days in `a..<b` are `workingDays(before: b) - workingDays(before: a)`.
    func workingDays(before day: Int) -> Int {
        let (cycles, offset) = Self.split(day, by: Self.lengthInDays)
        return cycles * workingDaysPerCycle + Int(workingDaysBefore[offset])
    }

    /// The day index of working day number `n` (0-based, counted from day 0; negative numbers
    /// count backwards). - Precondition: the cycle has at least one working day.
    func workingDay(number n: Int) -> Int {
        let (cycles, index) = Self.split(n, by: workingDaysPerCycle)
        return cycles * Self.lengthInDays + Int(workingDayOffsets[index])
    }

    /// The first working day with index ≥ `day`.
    func firstWorkingDay(atOrAfter day: Int) -> Int { workingDay(number: workingDays(before: day)) }

    /// The first rest day with index ≥ `day`, or nil if no day is ever a rest day (24/7 calendar).
    func firstRestDay(atOrAfter day: Int) -> Int? {
        guard !restDayOffsets.isEmpty else { return nil }
        let restBefore = day - workingDays(before: day)
        let (cycles, index) = Self.split(restBefore, by: restDayOffsets.count)
        return cycles * Self.lengthInDays + Int(restDayOffsets[index])
    }

    /// Floor division and the matching non-negative remainder.
    @inline(__always)
    static func split(_ value: Int, by divisor: Int) -> (quotient: Int, remainder: Int) {
        let q = value / divisor, r = value % divisor
        return r < 0 ? (q - 1, r + divisor) : (q, r)
    }
}
