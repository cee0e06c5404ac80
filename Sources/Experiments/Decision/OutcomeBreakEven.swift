/// The probability of one outcome at which a policy stops paying off against the baseline.
///
/// Why closed form: with every outcome simulated in every replication the expected difference
/// is linear in the outcome probabilities. Let outcome k's probability vary as q while the other
/// outcomes keep their relative odds (p_j·(1 − q)/(1 − p_k)). Per replication
///
///     a_r = V[P][k][r] − B0_r,   b_r = Σ_{j≠k} p_j/(1 − p_k) · (V[P][j][r] − B0_r),
///     d_r(q) = q·a_r + (1 − q)·b_r,
///
/// so D(q) = q·Ā + (1 − q)·B̄ and D(q*) = 0 at q* = B̄/(B̄ − Ā): a ratio of paired means with
/// x_r = b_r and y_r = b_r − a_r, whose interval is Fieller's (see `FiellerRatio`). The Fieller
/// set is exactly the set of q at which the paired t-test of D(q) does not reject 0, so it agrees
/// with `DecisionAnalysis.difference(policy:outcome:probability:)` point by point.
public struct OutcomeBreakEven: Sendable, Hashable {
    public enum Answer: Sendable, Hashable {
        /// D(q*) = 0 with q* in [0, 1]; `betterBelow`: the policy is the better one for q < q*.
        case crossing(probability: Double, betterBelow: Bool)
        /// Better than the baseline for every q in [0, 1] (by the mean difference).
        case alwaysBetter
        case alwaysWorse
        /// D(q) = 0 for every q.
        case noDifference
        /// p_k = 1: there is no other outcome to trade probability with.
        case noOtherOutcome
    }

    public var policy: String
    public var outcome: String
    public var declaredProbability: Double
    /// Ā: the mean difference if outcome k happens.
    public var differenceIfOutcome: Double
    /// B̄: the mean difference if it does not (the other outcomes in their relative odds); NaN for
    /// `noOtherOutcome`.
    public var differenceOtherwise: Double
    public var answer: Answer
    /// Fieller's confidence set for q* on the whole line (`.wholeLine` without an answer).
    public var confidenceSet: FiellerRatio.ConfidenceSet
    /// The set within [0, 1], as disjoint closed intervals.
    public var interval: [ClosedRange<Double>]
    /// True when the set reached outside [0, 1] and was cut there.
    public var intervalWasClipped: Bool
}

extension DecisionAnalysis {
    /// a_r and b_r of the break-even construction (nil when p_k = 1).
    func breakEvenParts(policy p: Int, outcome k: Int) -> (a: [Double], b: [Double])? {
        let outcomes = policies[p].outcomes
        let pk = outcomes[k].probability
        guard pk < 1 else { return nil }
        let base = baselineValues
        let a = zip(outcomes[k].values, base).map { $0 - $1 }
        var b = [Double](repeating: 0, count: base.count)
        for (j, o) in outcomes.enumerated() where j != k && o.probability > 0 {
            let w = o.probability / (1 - pk)
            for r in b.indices { b[r] += w * (o.values[r] - base[r]) }
        }
        return (a, b)
    }

    /// D(q) and its paired interval: the difference against the baseline if outcome `outcome`
    /// of `policy` had probability q and the others kept their relative odds. At q = p_k it is
    /// the weighted difference. With p_k = 1 only q = 1 is defined (other q give NaN).
    public func difference(policy: String, outcome: String, probability q: Double) -> SampleSummary {
        let p = index(policy), k = self.outcome(outcome, of: p)
        guard let (a, b) = breakEvenParts(policy: p, outcome: k) else {
            let a = zip(policies[p].outcomes[k].values, baselineValues).map { $0 - $1 }
            return SampleSummary(q == 1 ? a : a.map { _ in .nan }, confidence: confidence)
        }
        return SampleSummary(zip(a, b).map { q * $0 + (1 - q) * $1 }, confidence: confidence)
    }

    /// The break-even probability of `outcome` (typically the client leaving) for `policy`.
    public func breakEven(policy: String, outcome: String) -> OutcomeBreakEven {
        let p = index(policy), k = self.outcome(outcome, of: p)
        let pk = policies[p].outcomes[k].probability
        guard let (a, b) = breakEvenParts(policy: p, outcome: k) else {
            let a = zip(policies[p].outcomes[k].values, baselineValues).map { $0 - $1 }
            return OutcomeBreakEven(policy: policy, outcome: outcome, declaredProbability: pk,
                                    differenceIfOutcome: SampleSummary(a, confidence: confidence).mean, differenceOtherwise: .nan,
                                    answer: .noOtherOutcome, confidenceSet: .wholeLine, interval: [], intervalWasClipped: false)
        }
        let n = Double(a.count)
        let meanA = a.reduce(0, +) / n, meanB = b.reduce(0, +) / n
        let fieller = FiellerRatio(numerator: b, denominator: zip(a, b).map { $1 - $0 }, confidence: confidence)
        let (pieces, clipped) = fieller.set.clipped(to: 0...1)
        func isBetter(_ d: Double) -> Bool { higherIsBetter ? d > 0 : d < 0 }
        let answer: OutcomeBreakEven.Answer
        if meanA == 0 && meanB == 0 {
            answer = .noDifference
        } else if isBetter(meanA) && isBetter(meanB) {
            answer = .alwaysBetter
        } else if !isBetter(meanA) && !isBetter(meanB) && meanA != 0 && meanB != 0 {
            answer = .alwaysWorse
        } else {
            // Opposite signs, or one end exactly 0: the root lies in [0, 1].
            let q = meanB / (meanB - meanA)
            answer = .crossing(probability: min(max(q, 0), 1), betterBelow: isBetter(meanB))
        }
        return OutcomeBreakEven(policy: policy, outcome: outcome, declaredProbability: pk,
                                differenceIfOutcome: meanA, differenceOtherwise: meanB, answer: answer,
                                confidenceSet: fieller.set, interval: pieces, intervalWasClipped: clipped)
    }
}
