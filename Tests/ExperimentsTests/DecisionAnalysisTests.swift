import Foundation
import Testing
@testable import Experiments

/// The decision analysis on constructed outcome tables whose answers are computed by hand.
/// Tolerances: the inputs are small decimals, so a sum of a few of them carries a rounding error
/// of order 1e-15 relative to the largest magnitude (≤ 2e3 here); 1e-9 absolute is far above that
/// and far below any mistake in a formula.
@Suite("Decision analysis")
struct DecisionAnalysisTests {
    static let tolerance = 1e-9

    static func baseline(_ values: [Double]) -> PolicyOutcomes {
        PolicyOutcomes(policy: "indulge", outcomes: [OutcomeValues(name: "status-quo", probability: 1, values: values)])
    }

    static func standard(leaves: [Double], stays: [Double], leaveProbability: Double) -> PolicyOutcomes {
        PolicyOutcomes(policy: "standard", outcomes: [
            OutcomeValues(name: "leaves", probability: leaveProbability, values: leaves),
            OutcomeValues(name: "reducesVolume", probability: 1 - leaveProbability, values: stays),
        ])
    }

    /// Baseline B = [10, 12, 8, 10] (mean 10); 'standard' leaves with p = 0.4: L = [4, 6, 2, 6]
    /// (mean 4.5), else S = [16, 18, 14, 20] (mean 17).
    /// Pieces of u: [0, 0.4) standard→leaves: max(10, 4.5) = 10 (indulge);
    ///              [0.4, 1) standard→stays:  max(10, 17) = 17 (standard).
    /// With the information: 0.4·10 + 0.6·17 = 14.2. Without: max(10, 0.4·4.5 + 0.6·17 = 12) = 12.
    /// EVPI = 2.2. Per replication e_r = 0.4·B_r + 0.6·S_r − (0.4·L_r + 0.6·S_r) = 0.4·(B_r − L_r)
    /// = [2.4, 2.4, 2.4, 1.6]: mean 2.2, deviations [0.2, 0.2, 0.2, −0.6], variance 0.48/3 = 0.16,
    /// sd 0.4, half-width t(0.975, 3)·0.4/√4 = 3.182446·0.2 = 0.636489.
    static func handCase(sign: Double = 1) -> [PolicyOutcomes] {
        func s(_ v: [Double]) -> [Double] { v.map { sign * $0 } }
        return [baseline(s([10, 12, 8, 10])), standard(leaves: s([4, 6, 2, 6]), stays: s([16, 18, 14, 20]), leaveProbability: 0.4)]
    }

    @Test("EVPI of a hand-computed case, with its interval and the best policy per piece")
    func handComputedEVPI() {
        let voi = DecisionAnalysis(policies: Self.handCase(), confidence: 0.95).valueOfInformation
        #expect(abs(voi.value - 2.2) < Self.tolerance)
        #expect(abs(voi.interval.mean - 2.2) < Self.tolerance)
        #expect(abs(voi.interval.standardDeviation - 0.4) < Self.tolerance)
        // t(0.975, 3) = 3.182446 (published to 6 decimals), so the half-width is 0.636489 ± 1e-6.
        #expect(abs(voi.interval.halfWidth - 0.636489) < 1e-6)
        #expect(!voi.changesNoChoice)
        #expect(voi.bestPolicy == "standard")
        #expect(voi.pieces.map(\.bestPolicy) == ["indulge", "standard"])
        #expect(voi.pieces.map { $0.outcomes[1] } == ["leaves", "reducesVolume"])
        #expect(abs(voi.pieces[0].segment.length - 0.4) < Self.tolerance && abs(voi.pieces[1].segment.length - 0.6) < Self.tolerance)
    }

    @Test("lower-is-better: the negated case gives the same EVPI, best policies and verdicts turned")
    func lowerIsBetter() {
        let a = DecisionAnalysis(policies: Self.handCase(sign: -1), confidence: 0.95, higherIsBetter: false)
        let voi = a.valueOfInformation
        #expect(abs(voi.value - 2.2) < Self.tolerance)
        #expect(voi.value >= 0)
        #expect(voi.bestPolicy == "standard")
        #expect(voi.pieces.map(\.bestPolicy) == ["indulge", "standard"])
        // Weighted differences per replication: −(0.4·L + 0.6·S − B) = −[1.2, 1.2, 1.2, 4.4], mean −2,
        // sd 1.6, half-width 3.18·0.8 ≈ 2.5: lower in every replication (better on this metric) but
        // not clearly so in the mean.
        let d = a.differences(policy: "standard")
        #expect(abs(d.weighted.differences.mean + 2) < Self.tolerance)
        #expect(abs(d.weighted.differences.standardDeviation - 1.6) < Self.tolerance)
        #expect(d.weighted.shareBetter == 1)
        #expect(d.weighted.verdict == .noClearDifference)
        // Break-even: leaving is worse (+5.5 on a lower-is-better metric), staying better (−7).
        let be = a.breakEven(policy: "standard", outcome: "leaves")
        guard case .crossing(let q, let betterBelow) = be.answer else { Issue.record("expected a crossing, got \(be.answer)"); return }
        #expect(betterBelow)
        #expect(abs(q - 7 / 12.5) < Self.tolerance)
        #expect(a.recommendation().policy == "standard")
    }

    @Test("EVPI is exactly 0 when one policy is best whatever the response")
    func evpiZero() {
        // 'standard' beats the baseline in every outcome of every replication. Its probabilities
        // 0.1 / 0.7 / 0.2 give piece lengths 0.1, 0.7, 0.20000000000000007 (0.1 + 0.7 rounds to
        // 0.7999999999999999), so with these values Σ_s ℓ_s·mean − Σ_k p_k·mean = 2.2e-16, not 0:
        // only recognising that the choice never changes gives exactly 0.
        let policies = [Self.baseline([0.1, 0.2]),
                        PolicyOutcomes(policy: "standard", outcomes: [OutcomeValues(name: "leaves", probability: 0.1, values: [0.3, 0.3]),
                                                                      OutcomeValues(name: "reducesVolume", probability: 0.7, values: [1.1, 1.1]),
                                                                      OutcomeValues(name: "accepts", probability: 0.2, values: [2.3, 2.3])])]
        let voi = DecisionAnalysis(policies: policies, confidence: 0.95).valueOfInformation
        #expect(voi.changesNoChoice)
        #expect(voi.value == 0)
        #expect(voi.interval.mean == 0 && voi.interval.halfWidth == 0)
        #expect(voi.pieces.allSatisfy { $0.bestPolicy == "standard" })
    }

    @Test("comonotone pieces for two policies with different probabilities")
    func segmentation() {
        let segments = comonotoneSegments(probabilities: [[1], [0.35, 0.65], [0.1, 0.9]])
        #expect(segments.map(\.lower) == [0, 0.1, 0.35])
        #expect(segments.map(\.upper) == [0.1, 0.35, 1])
        #expect(segments.map(\.outcomeIndices) == [[0, 0, 0], [0, 0, 1], [0, 1, 1]])
        // A zero-probability outcome and a shared breakpoint add no piece.
        let shared = comonotoneSegments(probabilities: [[0.35, 0, 0.65], [0.35, 0.65]])
        #expect(shared.map(\.outcomeIndices) == [[0, 0], [2, 1]])

        // Through the analysis: P2 = 'mild' (leaves 0.1 / accepts 0.9). Baseline 0; P1 leaves −3,
        // stays +2; P2 leaves −1, accepts +1 (constant over 2 replications).
        // Pieces: [0, 0.1) both leave: best baseline (0 > −1 > −3);
        //         [0.1, 0.35) P1 leaves, P2 accepts: best mild (+1);
        //         [0.35, 1) P1 stays, P2 accepts: best standard (+2).
        // Informed: 0.1·0 + 0.25·1 + 0.65·2 = 1.55. Expected: P1 0.35·(−3) + 0.65·2 = 0.25,
        // P2 0.1·(−1) + 0.9·1 = 0.8 → best mild. EVPI = 1.55 − 0.8 = 0.75.
        let mild = PolicyOutcomes(policy: "mild", outcomes: [OutcomeValues(name: "leaves", probability: 0.1, values: [-1, -1]),
                                                             OutcomeValues(name: "accepts", probability: 0.9, values: [1, 1])])
        let a = DecisionAnalysis(policies: [Self.baseline([0, 0]), Self.standard(leaves: [-3, -3], stays: [2, 2], leaveProbability: 0.35), mild],
                                 confidence: 0.95)
        let voi = a.valueOfInformation
        #expect(voi.pieces.map(\.bestPolicy) == ["indulge", "mild", "standard"])
        #expect(voi.bestPolicy == "mild")
        #expect(abs(voi.value - 0.75) < Self.tolerance)
    }

    /// a_r = L_r − B_r = [−200, −250, −225, −210, −240, −225] (mean −225),
    /// b_r = S_r − B_r = [300, 310, 295, 305, 308, 306] (mean 304): q* = 304/529.
    static func breakEvenCase() -> DecisionAnalysis {
        let b0: [Double] = [1000, 1100, 900, 1050, 950, 1000]
        let a: [Double] = [-200, -250, -225, -210, -240, -225]
        let b: [Double] = [300, 310, 295, 305, 308, 306]
        return DecisionAnalysis(policies: [baseline(b0), standard(leaves: zip(b0, a).map(+), stays: zip(b0, b).map(+), leaveProbability: 0.35)],
                                confidence: 0.95)
    }

    @Test("break-even probability: D(q*) = 0, and Fieller's endpoints are where D(q)'s t-statistic is ±t")
    func breakEvenAndFieller() {
        let analysis = Self.breakEvenCase()
        let be = analysis.breakEven(policy: "standard", outcome: "leaves")
        #expect(abs(be.differenceIfOutcome + 225) < Self.tolerance && abs(be.differenceOtherwise - 304) < Self.tolerance)
        guard case .crossing(let q, let betterBelow) = be.answer else { Issue.record("expected a crossing, got \(be.answer)"); return }
        #expect(betterBelow)
        #expect(abs(q - 304.0 / 529.0) < Self.tolerance)
        #expect(abs(analysis.difference(policy: "standard", outcome: "leaves", probability: q).mean) < Self.tolerance)
        guard case .interval(let low, let high) = be.confidenceSet else { Issue.record("expected a bounded set, got \(be.confidenceSet)"); return }
        #expect(low < q && q < high)
        #expect(be.interval == [low...high] && !be.intervalWasClipped)
        let t = StudentT.quantile(0.975, degreesOfFreedom: 5)
        for (end, sign) in [(low, 1.0), (high, -1.0)] {
            let d = analysis.difference(policy: "standard", outcome: "leaves", probability: end)
            let statistic = d.mean / (d.standardDeviation / Double(d.n).squareRoot())
            // Below q* the policy is better (D > 0): the lower end is at T = +t, the upper at −t.
            #expect(abs(statistic - sign * t) < Self.tolerance, "T(\(end)) = \(statistic), expected \(sign * t)")
        }
        // At the declared probability D is the weighted difference: 0.35·(−225) + 0.65·304 = 118.85.
        let declared = analysis.difference(policy: "standard", outcome: "leaves", probability: 0.35)
        let weighted = analysis.differences(policy: "standard").weighted.differences
        #expect(abs(declared.mean - 118.85) < Self.tolerance && abs(weighted.mean - 118.85) < Self.tolerance)
        #expect(abs(declared.halfWidth - weighted.halfWidth) < Self.tolerance)
        // The conditional differences are the paired a and b.
        let conditional = analysis.differences(policy: "standard").conditional
        #expect(conditional.map(\.outcome) == ["leaves", "reducesVolume"])
        #expect(abs(conditional[0].comparison.differences.mean + 225) < Self.tolerance)
        #expect(abs(conditional[1].comparison.differences.mean - 304) < Self.tolerance)
    }

    /// Membership in Fieller's set must equal "the paired t-test of x − θy does not reject 0",
    /// checked on a grid for a bounded, a complement and a whole-line case (grid points within
    /// 1e-9 of the boundary |T| = t are skipped: there the comparison is rounding).
    @Test("Fieller's set is the set of θ where |T(θ)| ≤ t, in its bounded, complement and whole-line forms",
          arguments: [
            ([3.0, 4, 5, 4, 6], [1.0, -1, 0.5, 2, -0.5], "complement"),
            ([0.5, -1, 0.3, 0.8, -0.2], [1.0, -1, 0.5, 2, -1.6], "wholeLine"),
            ([304.0, 310, 295, 305, 308], [504.0, 560, 520, 515, 548], "interval"),
          ])
    func fiellerMembership(x: [Double], y: [Double], form: String) {
        let f = FiellerRatio(numerator: x, denominator: y, confidence: 0.95)
        switch (f.set, form) {
        case (.complement, "complement"), (.wholeLine, "wholeLine"), (.interval, "interval"): break
        default: Issue.record("expected a \(form) set, got \(f.set)")
        }
        let n = Double(x.count)
        for i in -500...500 {
            let theta = Double(i) / 100
            let d = zip(x, y).map { $0 - theta * $1 }
            let mean = d.reduce(0, +) / n
            let sd = (d.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (n - 1)).squareRoot()
            let statistic = abs(mean / (sd / n.squareRoot()))
            if abs(statistic - f.t) < Self.tolerance { continue }
            #expect(f.set.contains(theta) == (statistic <= f.t), "θ = \(theta): |T| = \(statistic), t = \(f.t), set \(f.set)")
        }
    }

    @Test("the quadratic's degenerate forms and the clipping to [0, 1]")
    func fiellerForms() {
        #expect(FiellerRatio.solve(a: 0, b: 1, c: 2) == .atLeast(1))
        #expect(FiellerRatio.solve(a: 0, b: -1, c: 2) == .atMost(-1))
        #expect(FiellerRatio.solve(a: 0, b: 0, c: 1) == .empty)
        #expect(FiellerRatio.solve(a: 0, b: 0, c: -1) == .wholeLine)
        #expect(FiellerRatio.solve(a: -1, b: 0, c: -1) == .wholeLine)
        // θ² − 2θ·(0.5) + 0.24 ≤ 0 → roots 0.4 and 0.6.
        guard case .interval(let l, let u) = FiellerRatio.solve(a: 1, b: 0.5, c: 0.24) else { Issue.record("expected an interval"); return }
        #expect(abs(l - 0.4) < Self.tolerance && abs(u - 0.6) < Self.tolerance)
        let complement = FiellerRatio.ConfidenceSet.complement(-0.2, 0.6).clipped(to: 0...1)
        #expect(complement.pieces == [0.6...1] && complement.wasClipped)
        let both = FiellerRatio.ConfidenceSet.complement(0.2, 0.6).clipped(to: 0...1)
        #expect(both.pieces == [0...0.2, 0.6...1] && both.wasClipped)
        let inside = FiellerRatio.ConfidenceSet.interval(0.2, 0.5).clipped(to: 0...1)
        #expect(inside.pieces == [0.2...0.5] && !inside.wasClipped)
        let over = FiellerRatio.ConfidenceSet.interval(0.2, 1.4).clipped(to: 0...1)
        #expect(over.pieces == [0.2...1] && over.wasClipped)
        #expect(FiellerRatio.ConfidenceSet.atMost(-0.1).clipped(to: 0...1).pieces.isEmpty)
    }

    @Test("always better: both conditional differences favour the policy")
    func alwaysBetter() {
        let policies = [Self.baseline([10, 12, 8, 10]), Self.standard(leaves: [11, 13, 9, 12], stays: [15, 16, 14, 15], leaveProbability: 0.35)]
        let be = DecisionAnalysis(policies: policies, confidence: 0.95).breakEven(policy: "standard", outcome: "leaves")
        #expect(be.answer == .alwaysBetter)
        // The same numbers on a lower-is-better metric: always worse.
        let worse = DecisionAnalysis(policies: policies, confidence: 0.95, higherIsBetter: false).breakEven(policy: "standard", outcome: "leaves")
        #expect(worse.answer == .alwaysWorse)
        #expect(DecisionAnalysis(policies: policies, confidence: 0.95).recommendation().text.contains("By the means, it pays off whatever"))
    }

    @Test("p_k = 1: no other outcome, no break-even; D is defined only at q = 1")
    func certainOutcome() {
        let policies = [Self.baseline([10, 12, 8]),
                        PolicyOutcomes(policy: "standard", outcomes: [OutcomeValues(name: "leaves", probability: 1, values: [4, 5, 3])])]
        let a = DecisionAnalysis(policies: policies, confidence: 0.95)
        let be = a.breakEven(policy: "standard", outcome: "leaves")
        #expect(be.answer == .noOtherOutcome)
        #expect(be.differenceOtherwise.isNaN && abs(be.differenceIfOutcome + 6) < Self.tolerance)
        #expect(be.interval.isEmpty)
        #expect(abs(a.difference(policy: "standard", outcome: "leaves", probability: 1).mean + 6) < Self.tolerance)
        #expect(a.difference(policy: "standard", outcome: "leaves", probability: 0.5).mean.isNaN)
    }

    @Test("a replication with an undefined value is left out of every result")
    func incompleteReplication() {
        let policies = [Self.baseline([10, 12, .nan, 8, 10]),
                        Self.standard(leaves: [4, 6, 1, 2, 6], stays: [16, 18, 1, 14, 20], leaveProbability: 0.4)]
        let a = DecisionAnalysis(policies: policies, confidence: 0.95)
        #expect(a.droppedReplications == 1 && a.replications == 4)
        #expect(abs(a.valueOfInformation.value - 2.2) < Self.tolerance)
    }

    @Test("the recommendation names the policy, its break-even and the value of knowing the response")
    func recommendationText() {
        let r = Self.breakEvenCase().recommendation()
        #expect(r.policy == "standard")
        #expect(r.text.contains("Choose 'standard': expected profit +119 €"))
        #expect(r.text.contains("a clear difference"))
        #expect(r.text.contains("below 57 %"))
        #expect(r.text.contains("(declared: 35 %)"))
        // EVPI = 0.35·(1000 − 775) = 78.75, in whole euros.
        #expect(r.text.contains("worth 79 €"))
        #expect(r.text.contains("'leaves' to 'standard', choose 'indulge'"))
        #expect(r.text.contains("'reducesVolume' to 'standard', choose 'standard'"))

        // A weighted difference of mean 1 with half-width about 1.1: not clear.
        let unclear = DecisionAnalysis(policies: [Self.baseline([0, 0, 0, 0]),
                                                  Self.standard(leaves: [-10, 12, -8, 9], stays: [10, -9, 11, -7], leaveProbability: 0.5)],
                                       confidence: 0.95).recommendation()
        #expect(unclear.policy == "standard")
        #expect(unclear.text.contains("not clear"))

        // The baseline best: keep it, and say what the closest policy would need.
        let keep = DecisionAnalysis(policies: [Self.baseline([10, 12, 8, 10]),
                                               Self.standard(leaves: [0, 2, -2, 0], stays: [11, 13, 9, 11], leaveProbability: 0.5)],
                                    confidence: 0.95).recommendation()
        #expect(keep.policy == "indulge")
        #expect(keep.text.hasPrefix("Keep 'indulge'"))
        // D(q) = q·(−10) + (1 − q)·1 = 0 at q = 1/11 ≈ 9 %.
        #expect(keep.text.contains("'standard' would pay off only if the chance that the key client's response is 'leaves' were below 9 %"))
    }
}
