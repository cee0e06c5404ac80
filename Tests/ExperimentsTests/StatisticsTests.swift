import Testing
import Experiments

@Suite("Statistics")
struct StatisticsTests {
    @Test("t quantiles match the published tables", arguments: [
        (0.975, 9.0, 2.262157), (0.975, 19.0, 2.093024), (0.995, 19.0, 2.860935),
        (0.95, 1.0, 6.313752), (0.975, 1000.0, 1.962339),
    ])
    func tQuantiles(p: Double, nu: Double, expected: Double) {
        #expect(abs(StudentT.quantile(p, degreesOfFreedom: nu) - expected) < 5e-7)
    }

    @Test("the t CDF is symmetric and inverts the quantile")
    func cdfInvertsQuantile() {
        for nu in [1.0, 2.5, 9, 30, 200] {
            for p in [0.01, 0.2, 0.5, 0.9, 0.999] {
                let t = StudentT.quantile(p, degreesOfFreedom: nu)
                #expect(abs(StudentT.cdf(t, degreesOfFreedom: nu) - p) < 1e-12)
                #expect(abs(StudentT.cdf(-t, degreesOfFreedom: nu) - (1 - p)) < 1e-12)
            }
        }
    }

    @Test("mean, standard deviation and interval of a small sample")
    func summary() {
        // 2, 4, 4, 4, 5, 5, 7, 9: mean 5, sample sd √(32/7).
        let s = SampleSummary([2, 4, 4, 4, 5, 5, 7, 9], confidence: 0.95)
        #expect(s.n == 8)
        #expect(s.mean == 5)
        #expect(abs(s.standardDeviation - (32.0 / 7).squareRoot()) < 1e-12)
        #expect(abs(s.halfWidth - 2.364624 * (32.0 / 7).squareRoot() / 8.0.squareRoot()) < 1e-5)
    }

    @Test("undefined observations are skipped, and tiny samples give NaN spreads")
    func undefinedValues() {
        let s = SampleSummary([1, .nan, 3])
        #expect(s.n == 2 && s.mean == 2)
        let one = SampleSummary([4])
        #expect(one.n == 1 && one.mean == 4 && one.halfWidth.isNaN)
        #expect(SampleSummary([]).mean.isNaN)
    }
}

/// Student's sleep data (Cushny & Peebles 1905, as printed by Student 1908 and shipped with R
/// as `sleep`): extra hours of sleep under two drugs, the same ten patients. R prints, for
/// `t.test(extra ~ group, data = sleep, paired = TRUE)`: mean difference −1.58, 95 % CI
/// (−2.4598858, −0.7001142); and for the Welch test (unpaired): df = 17.776, 95 % CI
/// (−3.3654832, 0.2054832).
@Suite("Comparisons against a textbook data set")
struct ComparisonTests {
    static let drug1: [Double] = [0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0]
    static let drug2: [Double] = [1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4]

    @Test("paired-t interval on the sleep data")
    func pairedT() {
        let c = PairedComparison(policy: Self.drug1, baseline: Self.drug2, higherIsBetter: true, confidence: 0.95)
        #expect(abs(c.differences.mean - -1.58) < 1e-12)
        #expect(abs(c.differences.lower - -2.4598858) < 1e-6)
        #expect(abs(c.differences.upper - -0.7001142) < 1e-6)
        #expect(c.verdict == .worse)
        // Drug 1 gave more sleep for none of the ten: one tie, nine worse.
        #expect(c.shareBetter == 0 && c.shareTied == 0.1 && c.shareWorse == 0.9)
        let lowerIsBetter = PairedComparison(policy: Self.drug1, baseline: Self.drug2, higherIsBetter: false, confidence: 0.95)
        #expect(lowerIsBetter.verdict == .better)
    }

    @Test("an interval that contains zero gives no clear difference")
    func noClearDifference() {
        let c = PairedComparison(policy: [1, 2, 3, 4], baseline: [2, 1, 4, 3], higherIsBetter: true, confidence: 0.95)
        #expect(c.verdict == .noClearDifference)
        #expect(c.shareBetter == 0.5 && c.shareTied == 0 && c.shareWorse == 0.5)
        let neutral = PairedComparison(policy: [1, 2], baseline: [0, 0], higherIsBetter: nil, confidence: 0.95)
        #expect(neutral.verdict == .notApplicable && neutral.shareBetter.isNaN)
    }

    @Test("percentiles follow definition 7 (R, NumPy): p5, p50, p95 of the drug-1 sample")
    func percentiles() {
        #expect(abs(percentile(Self.drug1, 0.05) - -1.42) < 1e-12)
        #expect(abs(percentile(Self.drug1, 0.5) - 0.35) < 1e-12)
        #expect(abs(percentile(Self.drug1, 0.95) - 3.565) < 1e-12)
        #expect(percentile([], 0.5).isNaN)
        #expect(percentile([7], 0.9) == 7)
    }
}
