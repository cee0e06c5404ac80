/// An independent stream of random numbers, identified by (master seed, replication, stream id).
///
/// Why: common random numbers need every source of randomness (each client's arrivals, each
/// technician's daily draws, …) to read its own numbers, the same in every policy and on every
/// thread. A `RandomStream` is an MRG32k3a generator placed at
///
/// - stream number `masterSeed × 2^20 + streamID` (streams are 2^127 numbers apart), then
/// - substream number `replication` within it (substreams are 2^76 numbers apart),
///
/// so distinct triples never overlap within 2^76 draws, and the same triple yields the same
/// numbers on any machine. Deriving a stream costs a few dozen 3×3 matrix–vector products.
///
/// ```swift
/// var arrivals = RandomStream(masterSeed: 42, replication: 7, streamID: 3)
/// let u = arrivals.nextUniform()   // in (0, 1)
/// ```
public struct RandomStream: RandomNumberGenerator, Sendable, Hashable {
    /// Largest master seed accepted: streams are numbered seed × 2^20 + id within 2^64 streams.
    public static let maxMasterSeed: UInt64 = (1 << 40) - 1
    /// Largest stream id accepted.
    public static let maxStreamID: UInt64 = (1 << 20) - 1
    /// Largest replication index accepted (substreams per stream).
    public static let maxReplication: UInt64 = (1 << 50) - 1

    @usableFromInline var generator: MRG32k3a

    /// The stream for (master seed, replication, stream id).
    ///
    /// - Precondition: `masterSeed ≤ maxMasterSeed`, `streamID ≤ maxStreamID`,
    ///   `replication ≤ maxReplication`. User input must be validated before it gets here.
    public init(masterSeed: UInt64, replication: UInt64, streamID: UInt64) {
        precondition(masterSeed <= Self.maxMasterSeed, "master seed \(masterSeed) exceeds \(Self.maxMasterSeed)")
        precondition(streamID <= Self.maxStreamID, "stream id \(streamID) exceeds \(Self.maxStreamID)")
        precondition(replication <= Self.maxReplication, "replication \(replication) exceeds \(Self.maxReplication)")
        var g = MRG32k3a(seed: MRG32k3a.referenceSeed)!
        g.jump(times: masterSeed << 20 | streamID, byPowerOfTwo: 127)
        g.jump(times: replication, byPowerOfTwo: 76)
        generator = g
    }

    /// Convenience for `Int` indices, as the model counts them.
    public init(masterSeed: UInt64, replication: Int, streamID: Int) {
        precondition(replication >= 0 && streamID >= 0, "replication \(replication) and stream id \(streamID) must be ≥ 0")
        self.init(masterSeed: masterSeed, replication: UInt64(replication), streamID: UInt64(streamID))
    }

    /// Largest key `keyed(_:)` accepts: 2^46 − 1 keyed parts of 2^30 numbers fill a substream.
    public static let maxKey: UInt64 = (1 << 46) - 1
    /// Numbers in one keyed part (2^30, about 10^9), far more than any one source draws in
    /// a replication.
    public static let keyedPartLength: UInt64 = 1 << 30

    /// The part of this stream numbered `key`: `key × 2^30` numbers on from this stream's
    /// current position (call it on a stream not yet drawn from).
    ///
    /// Why: some sources are numbered by something a scenario can shift — a client by its
    /// group's name and its ordinal in the group, a leave by the day it starts. Giving each
    /// its own stream id would tie the id to a position (a sweep of one group's `count` would
    /// renumber the others); a key inside one stream per kind of source keeps every source's
    /// numbers fixed by its stable name. Two keys' parts never overlap as long as each source
    /// draws fewer than 2^30 numbers; the parts of one substream end before the next
    /// replication's substream begins (2^46 × 2^30 = 2^76).
    ///
    /// - Precondition: `key ≤ maxKey`.
    /// - Complexity: one 3×3 matrix–vector product per component per set bit of `key`.
    public func keyed(_ key: UInt64) -> RandomStream {
        precondition(key <= Self.maxKey, "stream key \(key) exceeds \(Self.maxKey)")
        var copy = self
        copy.generator.jump(times: key, byPowerOfTwo: 30)
        return copy
    }

    /// A stream that starts at an explicit generator state (for tests and reference checks).
    public init(generator: MRG32k3a) { self.generator = generator }

    /// The next uniform number in the open interval (0, 1).
    ///
    /// - Complexity: O(1), no allocation.
    @inlinable @inline(__always)
    public mutating func nextUniform() -> Double { generator.nextUniform() }

    /// 64 random bits from two consecutive uniforms (each carries 32 bits), so the stream can
    /// drive the standard library's `random(in:using:)` APIs.
    @inlinable
    public mutating func next() -> UInt64 {
        let high = UInt64(generator.nextUniform() * 4_294_967_296.0) & 0xFFFF_FFFF
        let low = UInt64(generator.nextUniform() * 4_294_967_296.0) & 0xFFFF_FFFF
        return high << 32 | low
    }
}
