/// When each technician slot's annual leave begins: a fixed, deterministic schedule.
///
/// The rule (docs/model.md, "Technicians"): a *leave year* is 52 weeks from day 0 (364 days;
/// it drifts from the civil year by a day or two a year, which no result depends on). The year's
/// `daysPerYear` working days are split into blocks of one working week each
/// (`workingDaysPerWeek` days; the remainder, if any, is one shorter block), n blocks in all.
/// Slot i's first block begins on the Monday of week ⌊frac(i·φ)·52⌋ of each leave year (φ the
/// golden ratio: the start weeks of successive slots are spread as evenly as a sequence can be,
/// whatever the head count), and its blocks are ⌊52 / n⌋ weeks apart, wrapping round the year.
/// A block lasts its number of *working* days: a public holiday inside it is not a leave day,
/// so the leave runs on past it. So every slot takes exactly `daysPerYear` leave days a year,
/// the staff on leave at any time is spread evenly over the year, and the schedule draws no
/// random number, so it is the same in every policy and every replication.
///
/// Why a schedule and not a table of dates: the day end asks only on Mondays, and the answer is
/// a few integer operations for any slot (slots grow with hires and extra technicians).
struct AnnualLeaveSchedule: Sendable {
    let blocks: Int
    let spacingWeeks: Int
    let blockDays: Int
    let lastBlockDays: Int

    static let weeksPerLeaveYear = 52
    /// The golden ratio's fractional part, (√5 − 1) / 2.
    static let goldenFraction = 0.618_033_988_749_894_9

    /// Nil when there is no leave. The reader keeps `daysPerYear ≤ 26 × workingDaysPerWeek`,
    /// so blocks are at least two weeks apart.
    init?(daysPerYear: Int, workingDaysPerWeek: Int) {
        guard daysPerYear > 0, workingDaysPerWeek > 0 else { return nil }
        blockDays = workingDaysPerWeek
        blocks = (daysPerYear + workingDaysPerWeek - 1) / workingDaysPerWeek
        lastBlockDays = daysPerYear - (blocks - 1) * workingDaysPerWeek
        spacingWeeks = max(1, Self.weeksPerLeaveYear / blocks)
    }

    /// The week of the leave year (0…51) in which slot `slot`'s first block begins.
    static func firstWeek(slot: Int) -> Int {
        let x = Double(slot) * goldenFraction
        return Int((x - x.rounded(.down)) * Double(weeksPerLeaveYear)) % weeksPerLeaveYear
    }

    /// The working days of the leave block of slot `slot` that begins on day `day`, or 0 if
    /// none begins then (blocks begin on Mondays, the days with `day mod 7 == 0`).
    ///
    /// - Complexity: O(1), no allocation.
    func blockDays(slot: Int, beginningOn day: Int) -> Int {
        guard day >= 0, day % 7 == 0 else { return 0 }
        let weekOfYear = (day / 7) % Self.weeksPerLeaveYear
        let sinceFirst = (weekOfYear - Self.firstWeek(slot: slot) + Self.weeksPerLeaveYear) % Self.weeksPerLeaveYear
        guard sinceFirst % spacingWeeks == 0 else { return 0 }
        let k = sinceFirst / spacingWeeks
        if k < blocks - 1 { return blockDays }
        return k == blocks - 1 ? lastBlockDays : 0
    }
}
