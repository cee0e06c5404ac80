/// L'Ecuyer's combined multiple recursive generator MRG32k3a.
///
/// Why this generator: it is the workhorse of simulation software (Arena, SSJ, R's `parallel`,
/// the RngStreams package) because its period (≈ 2^191) is split into provably disjoint streams
/// (2^127 numbers apart) and substreams (2^76 apart) that can be reached in O(log n) by matrix
/// jumps. That is exactly what common random numbers need: one stream per source of randomness,
/// one substream per replication, no overlap, whatever the thread that runs it.
///
/// References:
/// - P. L'Ecuyer, "Good parameters and implementations for combined multiple recursive random
///   number generators", Operations Research 47(1), 1999.
/// - P. L'Ecuyer, R. Simard, E. J. Chen, W. D. Kelton, "An object-oriented random-number package
///   with many long streams and substreams", Operations Research 50(6), 2002.
///
/// The recurrence is computed in exact 64-bit integer arithmetic, so the outputs equal those of
/// the published floating-point implementation bit for bit on every machine.
public struct MRG32k3a: Sendable, Hashable {
    @usableFromInline static let m1: Int64 = 4_294_967_087
    @usableFromInline static let m2: Int64 = 4_294_944_443
    @usableFromInline static let a12: Int64 = 1_403_580
    @usableFromInline static let a13n: Int64 = 810_728
    @usableFromInline static let a21: Int64 = 527_612
    @usableFromInline static let a23n: Int64 = 1_370_589
    /// 1 / (m1 + 1): maps the combined integer in [1, m1] into the open interval (0, 1).
    @usableFromInline static let norm: Double = 2.328306549295727688e-10

    /// The seed of the published reference implementation: 12345 for all six components.
    public static let referenceSeed: [UInt64] = [12345, 12345, 12345, 12345, 12345, 12345]

    @usableFromInline var s10: Int64, s11: Int64, s12: Int64
    @usableFromInline var s20: Int64, s21: Int64, s22: Int64

    /// Creates a generator from six seed components.
    ///
    /// - Returns: `nil` unless the first three are < m1 = 4294967087 and not all zero, and the
    ///   last three are < m2 = 4294944443 and not all zero (the conditions of the algorithm).
    public init?(seed: [UInt64]) {
        guard seed.count == 6,
              seed[0..<3].allSatisfy({ $0 < UInt64(Self.m1) }), seed[0..<3].contains(where: { $0 != 0 }),
              seed[3..<6].allSatisfy({ $0 < UInt64(Self.m2) }), seed[3..<6].contains(where: { $0 != 0 })
        else { return nil }
        s10 = Int64(seed[0]); s11 = Int64(seed[1]); s12 = Int64(seed[2])
        s20 = Int64(seed[3]); s21 = Int64(seed[4]); s22 = Int64(seed[5])
    }

    /// The six state components, in the published order.
    public var state: [UInt64] {
        [s10, s11, s12, s20, s21, s22].map { UInt64($0) }
    }

    /// The next uniform number in the open interval (0, 1); never exactly 0 or 1.
    ///
    /// - Complexity: O(1), no allocation.
    @inlinable @inline(__always)
    public mutating func nextUniform() -> Double {
        var p1 = Self.a12 &* s11 &- Self.a13n &* s10
        p1 %= Self.m1
        if p1 < 0 { p1 &+= Self.m1 }
        s10 = s11; s11 = s12; s12 = p1

        var p2 = Self.a21 &* s22 &- Self.a23n &* s20
        p2 %= Self.m2
        if p2 < 0 { p2 &+= Self.m2 }
        s20 = s21; s21 = s22; s22 = p2

        let combined = p1 > p2 ? p1 &- p2 : p1 &- p2 &+ Self.m1
        return Double(combined) * Self.norm
    }

    /// Advances the state by 2^`power` steps, in O(1) using a precomputed table of matrix powers.
    mutating func jump(byPowerOfTwo power: Int) {
        let table = JumpTable.shared
        precondition(power >= 0 && power < table.first.count, "MRG32k3a jump power \(power) out of range 0..<\(table.first.count)")
        (s10, s11, s12) = table.first[power].apply(to: (s10, s11, s12), modulus: Self.m1)
        (s20, s21, s22) = table.second[power].apply(to: (s20, s21, s22), modulus: Self.m2)
    }

    /// Advances the state by `count` × 2^`power` steps: one table lookup per set bit of `count`.
    mutating func jump(times count: UInt64, byPowerOfTwo power: Int) {
        var remaining = count
        var bit = 0
        while remaining != 0 {
            if remaining & 1 == 1 { jump(byPowerOfTwo: power + bit) }
            remaining >>= 1
            bit += 1
        }
    }
}
