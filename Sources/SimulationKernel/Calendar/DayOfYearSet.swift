/// A set of day-of-year numbers 1…365, stored as a 365-bit bitset.
///
/// Why a bitset in a SIMD vector: holiday membership is tested for every simulated event that
/// asks "is this a working day?", so it must be O(1) and allocation-free; eight 64-bit words
/// (512 bits) hold the 365 days inline, and `SIMD8<UInt64>` is already `Hashable` and `Sendable`.
@usableFromInline
struct DayOfYearSet: Sendable, Hashable {
    @usableFromInline var words: SIMD8<UInt64>

    init() { words = .zero }

    /// - Precondition: every day is in 1…365 (callers validate first).
    init(_ days: some Sequence<Int>) {
        words = .zero
        for day in days { insert(day) }
    }

    mutating func insert(_ day: Int) {
        precondition((1...WorkingCalendar.daysPerYear).contains(day), "day of year \(day) outside 1...365")
        let bit = day - 1
        words[bit >> 6] |= 1 << UInt64(bit & 63)
    }

    /// Whether `day` (1…365) is in the set. O(1), no allocation.
    @inlinable @inline(__always)
    func contains(_ day: Int) -> Bool {
        let bit = day - 1
        return words[bit >> 6] & (1 << UInt64(bit & 63)) != 0
    }

    var count: Int {
        var total = 0
        for i in 0..<words.scalarCount { total += words[i].nonzeroBitCount }
        return total
    }

    var isEmpty: Bool { words == .zero }

    /// The members in increasing order (allocates; not for hot paths).
    var sortedMembers: [Int] { (1...WorkingCalendar.daysPerYear).filter(contains) }
}
