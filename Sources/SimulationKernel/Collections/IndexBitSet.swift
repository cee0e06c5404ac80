/// A set of small non-negative integers that answers "which is the lowest member?" quickly.
///
/// Why: a model that hands work to "the first idle server" in index order (so results do not
/// depend on anything but the state) would otherwise scan every server per order: with
/// thousands of servers that scan dominates the run. One bit per index, and the lowest member
/// is found a 64-bit word at a time with a count of trailing zeros, O(n / 64) in the worst
/// case and O(1) when low indices are members. Growing is the only allocation.
public struct IndexBitSet: Equatable, Sendable {
    @usableFromInline var words: ContiguousArray<UInt64> = []
    /// Index of the first word that may hold a member: every word before it is zero.
    @usableFromInline var firstNonZeroWord = 0

    @inlinable public init() {}

    /// True when `index` is a member. Indices never inserted are not members.
    @inlinable public func contains(_ index: Int) -> Bool {
        let word = index >> 6
        guard index >= 0, word < words.count else { return false }
        return words[word] & (1 << UInt64(index & 63)) != 0
    }

    /// Adds or removes `index`, growing the storage as needed.
    ///
    /// - Precondition: `index >= 0`.
    @inlinable public mutating func set(_ index: Int, _ member: Bool) {
        precondition(index >= 0, "IndexBitSet: negative index \(index)")
        let word = index >> 6
        if word >= words.count {
            guard member else { return }
            words.append(contentsOf: repeatElement(0, count: word - words.count + 1))
        }
        let bit: UInt64 = 1 << UInt64(index & 63)
        if member {
            words[word] |= bit
            if word < firstNonZeroWord { firstNonZeroWord = word }
        } else {
            words[word] &= ~bit
        }
    }

    /// The lowest member, or `nil` when the set is empty.
    ///
    /// - Complexity: O(1) amortised when members are removed from the bottom; O(n / 64) at worst.
    @inlinable public mutating func lowest() -> Int? {
        while firstNonZeroWord < words.count {
            let word = words[firstNonZeroWord]
            if word != 0 { return firstNonZeroWord << 6 | word.trailingZeroBitCount }
            firstNonZeroWord += 1
        }
        return nil
    }

    /// True when no index is a member.
    @inlinable public mutating func isEmpty() -> Bool { lowest() == nil }

    /// The members in increasing order (for tests and invariant checks; allocates).
    public var members: [Int] {
        var result: [Int] = []
        for (w, word) in words.enumerated() where word != 0 {
            for bit in 0..<64 where word & (1 << UInt64(bit)) != 0 { result.append(w << 6 | bit) }
        }
        return result
    }

    public static func == (lhs: IndexBitSet, rhs: IndexBitSet) -> Bool { lhs.members == rhs.members }
}
