import SimulationKernel

/// The downside of a policy against the baseline on one metric: the probability of doing
/// worse, the mean of the worst tenth of cases, and quantiles of the difference, each with an
/// interval.
///
/// Why: a mean difference and its interval say what to expect, not what can go wrong. Enforcing
/// the standard terms is a bet with two futures (the client leaves or stays): its mean gain can
/// be clear while one future in three is a heavy loss. A manager weighs that loss, so it is
/// reported beside the mean (issue 16; DESIGN.md §4).
///
/// The distribution is that of the difference D = policy − baseline over the replications
/// *and* the key client's response: replication r contributes each outcome's difference
/// d(r, o) with that outcome's probability p(o) (outcome branches; one atom of weight 1 for a
/// policy it does not respond to, for a conditional row, or with sampled outcomes). So the 35 %
/// chance that the client leaves is in the tail, not averaged away by the outcome-weighted
/// mean of the replication.
///
/// - probability of doing worse: P(D worse than 0, by the metric's direction) =
///   (1/n) Σ_r w_r with w_r = Σ_o p(o) 1[d(r, o) worse]; its interval is Clopper–Pearson at the
///   weighted count Σ w_r out of n (`clopperPearson`). For binary w_r (one atom per
///   replication) that is the exact binomial interval; for w_r in [0, 1] with mean p,
///   Var(w_r) ≤ p(1 − p), so the binomial interval is at least as wide as the spread of the
///   w_r requires (conservative).
/// - expected shortfall of the worst 10 % (`shortfall`): the mean of D over the worst tenth of
///   the probability mass (the lowest differences for a higher-is-better metric, the highest
///   for a lower-is-better one), an atom on the boundary counted by the part of its weight
///   inside; in the metric's units and sign (−€ for a loss of profit, +€ for a rise in a cost).
/// - quantiles p10, p50, p90 of D: Q(q) = the smallest atom d with F(d) ≥ q, F the weighted
///   distribution function (total weight n).
///
/// Intervals of the shortfall and of the quantiles: percentile bootstrap over replications
/// (Efron & Tibshirani 1993, ch. 13), ``resamples`` resamples from a fixed stream, so that the
/// same rows always give the same figures (merged shards included). A resample draws n
/// replications with replacement, each bringing all its atoms; the atoms are sorted once, and
/// each resample reweights them by its multiplicities, so a resample costs one pass over them.
public struct DownsideRisk: Sendable, Hashable {
    public struct Estimate: Sendable, Hashable {
        public var value: Double
        public var lower: Double
        public var upper: Double
        static let undefined = Estimate(value: .nan, lower: .nan, upper: .nan)
    }

    /// Replications with at least one atom (the pairs).
    public var n: Int
    public var probabilityWorse: Estimate
    /// Mean difference over the worst 10 % of cases.
    public var shortfall: Estimate
    /// Quantiles of the difference at ``quantileLevels``.
    public var quantiles: [Estimate]

    public static let tailShare = 0.1
    public static let quantileLevels = [0.1, 0.5, 0.9]
    public static let resamples = 1_000
    /// Fewer replications than this get no bootstrap interval: resampling a handful of cases
    /// says little about a tail (and a run of 2 replications, as in a smoke test, should not
    /// pay for 1,000 resamples per metric).
    public static let minimumForBootstrap = 10
    /// The bootstrap's stream: fixed, so the figures are a function of the rows alone.
    static let bootstrapSeed: UInt64 = 0x0B00_7570

    /// One case of the difference: its value and its weight within its replication.
    public struct Atom: Sendable, Hashable {
        public var difference: Double
        public var weight: Double
        public init(difference: Double, weight: Double) {
            self.difference = difference
            self.weight = weight
        }
    }

    /// `replications[r]`: the atoms of replication r, weights summing to 1. `higherIsBetter`
    /// gives "worse"; `tail` false leaves the shortfall and the quantiles undefined (for
    /// metrics where only the probability of doing worse is reported: not amounts of money).
    public init(replications: [[Atom]], higherIsBetter: Bool, confidence: Double, tail: Bool = true) {
        let cases = replications.filter { !$0.isEmpty }
        n = cases.count
        guard n > 0 else {
            probabilityWorse = .undefined
            shortfall = .undefined
            quantiles = Self.quantileLevels.map { _ in .undefined }
            return
        }
        func isWorse(_ d: Double) -> Bool { higherIsBetter ? d < 0 : d > 0 }
        let worseCount = cases.reduce(0.0) { total, atoms in total + atoms.reduce(0.0) { $0 + (isWorse($1.difference) ? $1.weight : 0) } }
        let interval = clopperPearson(successes: min(Double(n), worseCount), trials: n, confidence: confidence)
        probabilityWorse = Estimate(value: worseCount / Double(n), lower: interval.lower, upper: interval.upper)
        guard tail else {
            shortfall = .undefined
            quantiles = Self.quantileLevels.map { _ in .undefined }
            return
        }

        // Atoms sorted from the worst to the best, each with its replication.
        var sorted: [(difference: Double, weight: Double, replication: Int)] = []
        for (r, atoms) in cases.enumerated() { for a in atoms { sorted.append((a.difference, a.weight, r)) } }
        sorted.sort { higherIsBetter ? $0.difference < $1.difference : $0.difference > $1.difference }
        let ones = [Double](repeating: 1, count: n)
        let point = Self.figures(sorted, multiplicity: ones, total: Double(n), higherIsBetter: higherIsBetter)
        guard n >= Self.minimumForBootstrap else {
            shortfall = Estimate(value: point.shortfall, lower: .nan, upper: .nan)
            quantiles = point.quantiles.map { Estimate(value: $0, lower: .nan, upper: .nan) }
            return
        }
        var stream = RandomStream(masterSeed: Self.bootstrapSeed, replication: 0, streamID: 0)
        var shortfalls: [Double] = [], quantileDraws = Self.quantileLevels.map { _ in [Double]() }
        shortfalls.reserveCapacity(Self.resamples)
        var multiplicity = [Double](repeating: 0, count: n)
        for _ in 0..<Self.resamples {
            for r in 0..<n { multiplicity[r] = 0 }
            for _ in 0..<n { multiplicity[Int(stream.nextUniform() * Double(n)) % n] += 1 }
            let f = Self.figures(sorted, multiplicity: multiplicity, total: Double(n), higherIsBetter: higherIsBetter)
            shortfalls.append(f.shortfall)
            for k in quantileDraws.indices { quantileDraws[k].append(f.quantiles[k]) }
        }
        let lowerP = (1 - confidence) / 2, upperP = 1 - lowerP
        shortfall = Estimate(value: point.shortfall, lower: percentile(shortfalls, lowerP), upper: percentile(shortfalls, upperP))
        quantiles = quantileDraws.indices.map {
            Estimate(value: point.quantiles[$0], lower: percentile(quantileDraws[$0], lowerP), upper: percentile(quantileDraws[$0], upperP))
        }
    }

    /// The shortfall and the quantiles of the atoms `sorted` worst first, replication r's
    /// atoms weighted by `multiplicity[r]` (total weight `total`).
    static func figures(_ sorted: [(difference: Double, weight: Double, replication: Int)], multiplicity: [Double],
                        total: Double, higherIsBetter: Bool) -> (shortfall: Double, quantiles: [Double]) {
        let tailMass = tailShare * total
        var tailSum = 0.0, tailTaken = 0.0
        for atom in sorted where tailTaken < tailMass {
            let w = atom.weight * multiplicity[atom.replication]
            let inside = min(w, tailMass - tailTaken)
            tailSum += inside * atom.difference
            tailTaken += inside
        }
        // Quantiles on the ascending order: the worst-first order itself for a higher-is-better
        // metric, reversed for a lower-is-better one.
        var quantiles = [Double](repeating: .nan, count: quantileLevels.count)
        var mass = 0.0, next = 0
        let tolerance = 1e-12 * total
        func visit(_ atom: (difference: Double, weight: Double, replication: Int)) -> Bool {
            let w = atom.weight * multiplicity[atom.replication]
            guard w > 0 else { return false }
            mass += w
            while next < quantileLevels.count && mass >= quantileLevels[next] * total - tolerance {
                quantiles[next] = atom.difference
                next += 1
            }
            return next == quantileLevels.count
        }
        if higherIsBetter {
            for atom in sorted where visit(atom) { break }
        } else {
            for atom in sorted.reversed() where visit(atom) { break }
        }
        return (tailTaken > 0 ? tailSum / tailTaken : .nan, quantiles)
    }
}
