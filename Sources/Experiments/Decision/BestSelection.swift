import Foundation

/// The best of k policies by expected profit, with a stated guarantee: Kim and Nelson's fully
/// sequential procedure KN (Kim & Nelson 2001, ACM TOMACS 11(3):251–273), valid under common
/// random numbers.
///
/// Why a procedure, not the largest mean: with three policies (indulge, a fee, the standard
/// terms) the largest of three noisy means is the best less often than its interval suggests,
/// and comparing each with the baseline never compares the other two. KN says which policy is
/// best with probability at least 1 − α whenever the best's expected profit exceeds every
/// other's by at least δ (the indifference zone, in euros, stated by the user: a difference a
/// manager would not act on), and it adds replications only while a pair is undecided.
///
/// The procedure (maximising), with n0 first-stage replications, k policies, confidence 1 − α:
/// η = ½[(2α/(k − 1))^(−2/(n0 − 1)) − 1], h² = 2η(n0 − 1); S²_il the sample variance of the
/// first n0 differences X_i − X_l (common random numbers make it small: that is where CRN
/// pays). At each r ≥ n0, with X̄ the means of the first r replications, policy i leaves the
/// survivors when X̄_i(r) < X̄_l(r) − W_il(r) for some survivor l, W_il(r) =
/// max(0, δ/(2r) · (h² S²_il/δ² − r)). It stops when one survivor is left.
///
/// A decision at r uses only the first r replications, so running more (in batches, on any
/// number of threads, or resumed) never changes it: the result is a function of the rows.
public struct BestSelection: Sendable, Hashable {
    public struct Elimination: Sendable, Hashable {
        public var policy: String
        /// The replication count at which it was eliminated.
        public var replications: Int
        /// The survivor whose mean it fell below.
        public var by: String
    }

    public var policies: [String]
    public var indifference: Double
    public var confidence: Double
    public var firstStage: Int
    /// The best policy, once one survivor is left; nil while several remain.
    public var best: String?
    /// Replications at which the procedure stopped (nil while several remain).
    public var stoppedAt: Int?
    public var eliminations: [Elimination]
    /// The policies still in contention after the data given (the best alone once stopped).
    public var survivors: [String]

    /// KN on `values[i][r]` (policy i, replication r, higher is better), with the first
    /// `firstStage` replications as its first stage. Needs k ≥ 2, n0 ≥ 2, δ > 0.
    public init(policies: [String], values: [[Double]], firstStage n0: Int, indifference delta: Double, confidence: Double) {
        precondition(policies.count >= 2 && values.count == policies.count && n0 >= 2 && delta > 0)
        let k = policies.count
        let available = values.map(\.count).min() ?? 0
        self.policies = policies
        self.indifference = delta
        self.confidence = confidence
        self.firstStage = n0
        eliminations = []
        guard available >= n0 else {
            best = nil
            stoppedAt = nil
            survivors = policies
            return
        }
        let alpha = 1 - confidence
        let eta = 0.5 * (pow(2 * alpha / Double(k - 1), -2 / Double(n0 - 1)) - 1)
        let h2 = 2 * eta * Double(n0 - 1)
        // First-stage variances of the pairwise differences.
        var variance = [[Double]](repeating: [Double](repeating: 0, count: k), count: k)
        for i in 0..<k {
            for l in 0..<k where l != i {
                let d = (0..<n0).map { values[i][$0] - values[l][$0] }
                let mean = d.reduce(0, +) / Double(n0)
                variance[i][l] = d.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(n0 - 1)
            }
        }
        var sums = (0..<k).map { i in (0..<n0).reduce(0.0) { $0 + values[i][$1] } }
        var alive = Array(0..<k)
        var r = n0
        var stopped: Int?
        while true {
            let means = sums.map { $0 / Double(r) }
            var out: [(Int, Int)] = []
            for i in alive {
                for l in alive where l != i {
                    let w = max(0, delta / (2 * Double(r)) * (h2 * variance[i][l] / (delta * delta) - Double(r)))
                    if means[i] < means[l] - w { out.append((i, l)); break }
                }
            }
            // Eliminations at one stage are simultaneous (against the survivors at its start);
            // if they would remove everyone, the largest mean stays.
            if !out.isEmpty {
                var removed = Set(out.map(\.0))
                if removed.count == alive.count, let top = alive.max(by: { means[$0] < means[$1] }) { removed.remove(top) }
                for (i, l) in out where removed.contains(i) {
                    eliminations.append(Elimination(policy: policies[i], replications: r, by: policies[l]))
                }
                alive.removeAll { removed.contains($0) }
            }
            if alive.count == 1 { stopped = r; break }
            guard r < available else { break }
            for i in alive { sums[i] += values[i][r] }
            r += 1
        }
        stoppedAt = stopped
        best = stopped == nil ? nil : policies[alive[0]]
        survivors = alive.map { policies[$0] }
    }

    /// The guarantee in words.
    public var guarantee: String {
        let level = Int((confidence * 100).rounded())
        return "Kim–Nelson procedure KN under common random numbers: the best with probability ≥ \(level) % when its expected profit exceeds every other's by at least \(TextReport.euros(indifference))"
    }
}
