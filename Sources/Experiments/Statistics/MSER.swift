/// MSER-5, the marginal standard error rule on batch means of 5 (White 1997; White, Cobb &
/// Spratt 2000): where to truncate a series's start so that what remains is the best estimate
/// of its steady level.
///
/// The series Y_1 … Y_n is cut into k = ⌊n/5⌋ batches of 5 consecutive observations (the last
/// n − 5k are left out), with means Z_1 … Z_k. For each d in 0 … ⌊k/2⌋,
///
///     MSER(d) = Σ_{j>d} (Z_j − Z̄_d)² / (k − d)²,   Z̄_d the mean of Z_{d+1} … Z_k,
///
/// the squared standard error of the truncated mean (up to a factor): dropping the transient
/// lowers the sum of squares faster than it shrinks k − d, dropping steady data does not. The
/// rule truncates at the d* that minimises it (the smallest on ties), 5·d* observations.
///
/// Why the search stops at k/2: a minimum in the second half is an artefact of the few batches
/// left (the statistic of the last batch alone is 0), and a series whose minimum sits at that
/// limit has no stable level within its length — it is still moving at the end. The result
/// says so (``Truncation/reachedLimit``).
///
/// ```swift
/// let cut = MSER.truncation(of: weeklyBacklog)!   // nil with fewer than two batches
/// cut.observations    // 15: the first 15 weeks are the transient
/// cut.reachedLimit    // false: the rest has a stable level
/// ```
///
/// - Complexity: O(n): the sums over the tail are accumulated from the end.
public enum MSER {
    /// The batch size of MSER-5.
    public static let batchSize = 5

    public struct Truncation: Sendable, Hashable {
        /// d*: batches to drop.
        public var batches: Int
        /// k, the number of whole batches.
        public var batchCount: Int
        /// 5·d*: observations to drop.
        public var observations: Int { batches * MSER.batchSize }
        /// Whether d* is the search's limit ⌊k/2⌋: then the series has no stable level.
        public var reachedLimit: Bool { batches == batchCount / 2 }
        /// MSER(d) for d = 0 … ⌊k/2⌋.
        public var statistic: [Double]
    }

    /// MSER-5 on `series`; nil when it has fewer than two whole batches (10 observations) or a
    /// value that is not finite.
    public static func truncation(of series: [Double]) -> Truncation? {
        let k = series.count / batchSize
        guard k >= 2, series.allSatisfy(\.isFinite) else { return nil }
        var means = [Double](repeating: 0, count: k)
        for j in 0..<k {
            var sum = 0.0
            for i in 0..<batchSize { sum += series[j * batchSize + i] }
            means[j] = sum / Double(batchSize)
        }
        let limit = k / 2
        // Σ Z and Σ Z² over the tail j > d, from the end; MSER(d) = (ΣZ² − (ΣZ)²/m)/m², m = k − d.
        // Centred on the tail's last batch so the subtraction loses no precision to a large level.
        let shift = means[k - 1]
        var statistic = [Double](repeating: 0, count: limit + 1)
        var sum = 0.0, squares = 0.0
        for d in stride(from: k - 1, through: 0, by: -1) {
            let z = means[d] - shift
            sum += z
            squares += z * z
            if d <= limit {
                let m = Double(k - d)
                statistic[d] = max(0, squares - sum * sum / m) / (m * m)
            }
        }
        var best = 0
        for d in 1...limit where statistic[d] < statistic[best] { best = d }
        return Truncation(batches: best, batchCount: k, statistic: statistic)
    }
}
