/// A set of small non-negative integers that answers "which is the lowest member?" quickly.
///
/// Why: a model that hands work to "the first idle server" in index order (so results do not
/// depend on anything but the state) would otherwise scan every server per order: with
/// thousands of servers that scan dominates the run. One bit per index, and the lowest member
/// is found a 64-bit word at a time with a count of trailing zeros, O(n / 64) in the worst
/// case and O(1) when low indices are members.
///
/// The first 64 indices live in a plain integer, the rest in an array: most models have fewer
/// than 64 servers, and then no operation touches the array (no copy-on-write uniqueness
/// check, no bounds check: the set is updated twice per order in the company model). Growing
/// the array is the only allocation.
public struct IndexBitSet: Equatable, Sendable {
    /// Members 0 ..< 64.
    @usableFromInline var low: UInt64 = 0
    /// Word `w` holds members 64 (w + 1) ..< 64 (w + 2).
    @usableFromInline var high: ContiguousArray<UInt64> = []
    /// Index in `high` of the first word that may hold a member: every word before it is zero.
    @usableFromInline var firstNonZeroHighWord = 0

    @inlinable public init() {}

    /// True when `index` is a member. Indices never inserted are not members.
    @inlinable public func contains(_ index: Int) -> Bool {
        if index < 64 { return index >= 0 && low & (1 << UInt64(index)) != 0 }
        let word = (index >> 6) - 1
        guard word < high.count else { return false }
        return high[word] & (1 << UInt64(index & 63)) != 0
    }

    /// Adds or removes `index`, growing the storage as needed.
    ///
    /// - Precondition: `index >= 0`.
    @inlinable @inline(__always) public mutating func set(_ index: Int, _ member: Bool) {
        if UInt(bitPattern: index) < 64 {
            let bit: UInt64 = 1 << UInt64(index)
            low = member ? low | bit : low & ~bit
        } else {
            setBeyondFirstWord(index, member)
        }
    }

    /// `set` for a negative index (a precondition failure) or one of 64 and above: kept out of
    /// line so that the common case inlines into its caller as a few instructions.
    @usableFromInline mutating func setBeyondFirstWord(_ index: Int, _ member: Bool) {
        precondition(index >= 0, "IndexBitSet: negative index \(index)")
        let bit: UInt64 = 1 << UInt64(index & 63)
        let word = (index >> 6) - 1
        if word >= high.count {
            guard member else { return }
            high.append(contentsOf: repeatElement(0, count: word - high.count + 1))
        }
        if member {
            high[word] |= bit
            if word < firstNonZeroHighWord { firstNonZeroHighWord = word }
        } else {
            high[word] &= ~bit
        }
    }

    /// The lowest member, or `nil` when the set is empty.
    ///
    /// - Complexity: O(1) below 64, and amortised when members are removed from the bottom;
    ///   O(n / 64) at worst.
    @inlinable public mutating func lowest() -> Int? {
        if low != 0 { return low.trailingZeroBitCount }
        while firstNonZeroHighWord < high.count {
            let word = high[firstNonZeroHighWord]
            if word != 0 { return (firstNonZeroHighWord + 1) << 6 | word.trailingZeroBitCount }
            firstNonZeroHighWord += 1
        }
        return nil
    }

    /// True when no index is a member.
    @inlinable public mutating func isEmpty() -> Bool { lowest() == nil }

    /// The members in increasing order (for tests and invariant checks; allocates).
    public var members: [Int] {
        var result: [Int] = []
        for bit in 0..<64 where low & (1 << UInt64(bit)) != 0 { result.append(bit) }
        for (w, word) in high.enumerated() where word != 0 {
            for bit in 0..<64 where word & (1 << UInt64(bit)) != 0 { result.append((w + 1) << 6 | bit) }
        }
        return result
    }

    public static func == (lhs: IndexBitSet, rhs: IndexBitSet) -> Bool { lhs.members == rhs.members }
}
