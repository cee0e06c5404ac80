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
