/// When each technician slot's annual leave begins: a fixed, deterministic schedule.
///
/// The rule (docs/model.md, "Technicians"): a *leave year* is 52 weeks from day 0 (364 days;
/// it drifts from the civil year by a day or two a year, which no result depends on). The year's
/// `daysPerYear` working days are split into n blocks of one working week each
/// (`workingDaysPerWeek` days; the remainder, if any, is one shorter last block). With
/// x = frac(i·φ) for slot i (φ the golden ratio), block k = 0…n−1 begins on the Monday of week
/// ⌊52 · frac(x + k/n)⌋ of each leave year: the slot's blocks are 52/n weeks apart (rounded
/// down to whole weeks), and the slots' offsets frac(i·φ) — and, what decides how many are on
/// leave together, frac(n·i·φ) — are spread as evenly as a sequence can be, whatever the head
/// count. A block lasts its number of *working* days: a public holiday inside it is not a
/// leave day, so the leave runs on past it. So every slot takes exactly `daysPerYear` leave days
/// a year, the staff on leave at any time is spread evenly over the year, and the schedule
/// draws no random number: it is the same in every policy and every replication.
///
/// Why a rule and not a table of dates: the day end asks only on Mondays, and the answer is a
/// few arithmetic operations for any slot (slots grow with hires and extra technicians).
struct AnnualLeaveSchedule: Sendable {
    let blocks: Int
    let blockDays: Int
    let lastBlockDays: Int

    static let weeksPerLeaveYear = 52
    /// The golden ratio's fractional part, (√5 − 1) / 2.
    static let goldenFraction = 0.618_033_988_749_894_9

    /// Nil when there is no leave. The reader keeps `daysPerYear ≤ 26 × workingDaysPerWeek`,
    /// so n ≤ 26 and blocks are at least two weeks apart.
    init?(daysPerYear: Int, workingDaysPerWeek: Int) {
        guard daysPerYear > 0, workingDaysPerWeek > 0 else { return nil }
        blockDays = workingDaysPerWeek
        blocks = (daysPerYear + workingDaysPerWeek - 1) / workingDaysPerWeek
        lastBlockDays = daysPerYear - (blocks - 1) * workingDaysPerWeek
    }

    /// frac(slot · φ), in [0, 1).
    static func offset(slot: Int) -> Double {
        let x = Double(slot) * goldenFraction
        return x - x.rounded(.down)
    }

    /// The week of the leave year (0…51) in which block `k` of the slot with offset `x` begins.
    func week(ofBlock k: Int, offset x: Double) -> Int {
        let u = x + Double(k) / Double(blocks)
        return min(Self.weeksPerLeaveYear - 1, Int((u - u.rounded(.down)) * Double(Self.weeksPerLeaveYear)))
    }

    /// The working days of the leave block of slot `slot` that begins on day `day`, or 0 if
    /// none begins then (blocks begin on Mondays, the days with `day mod 7 == 0`).
    ///
    /// - Complexity: O(1), no allocation: the one block that can begin in the week is found by
    ///   inverting the week formula, and checked with it (with its neighbours, against rounding).
    func blockDays(slot: Int, beginningOn day: Int) -> Int {
        guard day >= 0, day % 7 == 0 else { return 0 }
        let weekOfYear = (day / 7) % Self.weeksPerLeaveYear
        let x = Self.offset(slot: slot)
        let t = Double(weekOfYear) / Double(Self.weeksPerLeaveYear) - x
        let guess = Int(((t - t.rounded(.down)) * Double(blocks)).rounded(.up))
        for candidate in (guess - 1)...(guess + 1) {
            let k = ((candidate % blocks) + blocks) % blocks
            if week(ofBlock: k, offset: x) == weekOfYear { return k == blocks - 1 ? lastBlockDays : blockDays }
        }
        return 0
    }
}
