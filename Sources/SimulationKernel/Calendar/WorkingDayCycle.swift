/// Precomputed tables over the calendar's covered span that make day counting O(1).
///
/// Why a span that repeats: real dates (leap years, Easter) have no short period, so the
/// calendar computes its working days once over a span of `lengthInDays` days from day 0 (a
/// whole number of weeks, at least the run's horizon plus a margin, see `WorkingCalendar`) and
/// treats the time line as that span repeated: day `d` behaves as day `d mod lengthInDays`. Over
/// the span we store
///
/// - `workingDaysBefore[o]`: working days among span offsets `0..<o` (`lengthInDays + 1` entries),
/// - `workingDayOffsets`: the offsets of the working days, in order,
/// - `restDayOffsets`: the offsets of the rest days, in order,
///
/// so "how many working days in [a, b)", "the n-th working day" and "the n-th rest day" are a
/// division, a remainder and one array read each, however far apart the days are. The tables
/// are `Int32` and take about 12 bytes per day of span (120 KB for the default 28 years), shared
/// by copies (copy-on-write arrays); reading them allocates nothing.
struct WorkingDayCycle: Sendable {
    /// Days in one span: a whole number of weeks.
    let lengthInDays: Int

    private let workingDaysBefore: [Int32]
    private let workingDayOffsets: [Int32]
    private let restDayOffsets: [Int32]

    /// Builds the tables from a predicate on day indices `0..<lengthInDays` (day 0 = Monday).
    /// - Precondition: `lengthInDays` is a positive multiple of 7, below 2^31.
    init(lengthInDays: Int, isWorkingDay: (Int) -> Bool) {
        precondition(lengthInDays > 0 && lengthInDays % 7 == 0 && lengthInDays < Int(Int32.max),
                     "a span of whole weeks (got \(lengthInDays) days)")
        self.lengthInDays = lengthInDays
        var before: [Int32] = []
        var working: [Int32] = []
        var rest: [Int32] = []
        before.reserveCapacity(lengthInDays + 1)
        before.append(0)
        for offset in 0..<lengthInDays {
            if isWorkingDay(offset) { working.append(Int32(offset)) } else { rest.append(Int32(offset)) }
            before.append(Int32(working.count))
        }
        workingDaysBefore = before
        workingDayOffsets = working
        restDayOffsets = rest
    }

    /// Working days in one span.
    var workingDaysPerCycle: Int { workingDayOffsets.count }

    /// Number of working days in `0..<day` (for a negative `day`, minus the number in `day..<0`),
    /// so that the working days in `a..<b` are `workingDays(before: b) - workingDays(before: a)`.
    func workingDays(before day: Int) -> Int {
        let (cycles, offset) = Self.split(day, by: lengthInDays)
        return cycles * workingDaysPerCycle + Int(workingDaysBefore[offset])
    }

    /// The day index of working day number `n` (0-based, counted from day 0; negative numbers
    /// count backwards). - Precondition: the cycle has at least one working day.
    func workingDay(number n: Int) -> Int {
        let (cycles, index) = Self.split(n, by: workingDaysPerCycle)
        return cycles * lengthInDays + Int(workingDayOffsets[index])
    }

    /// The first working day with index ≥ `day`.
    func firstWorkingDay(atOrAfter day: Int) -> Int { workingDay(number: workingDays(before: day)) }

    /// The first rest day with index ≥ `day`, or nil if no day is ever a rest day (24/7 calendar).
    func firstRestDay(atOrAfter day: Int) -> Int? {
        guard !restDayOffsets.isEmpty else { return nil }
        let restBefore = day - workingDays(before: day)
        let (cycles, index) = Self.split(restBefore, by: restDayOffsets.count)
        return cycles * lengthInDays + Int(restDayOffsets[index])
    }

    /// Floor division and the matching non-negative remainder.
    @inline(__always)
    static func split(_ value: Int, by divisor: Int) -> (quotient: Int, remainder: Int) {
        let q = value / divisor, r = value % divisor
        return r < 0 ? (q - 1, r + divisor) : (q, r)
    }
}
