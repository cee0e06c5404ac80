@testable import Experiments
import Foundation
import SimulationKernel
import Testing

@Suite("Fitting: goodness of fit with bootstrap p-values")
struct FittingGoodnessOfFitTests {
    // Reference: for the sample below against exponential(mean 2), scipy 1.x gives
    // scipy.stats.kstest(x, expon(scale=2).cdf).statistic = 0.2506121974302237 and
    // scipy.stats.goodness_of_fit(expon, x, known_params={loc: 0, scale: 2}, statistic='ad')
    // .statistic = 0.8372219508206404.
    @Test("D and A² against a fully specified CDF match scipy")
    func statistics() throws {
        let xs: [Double] = [0.5, 1, 1.5, 2, 3, 4.5, 7]
        let cdf = try Distribution.exponential(mean: 2)
        #expect(abs(GoodnessOfFit.kolmogorovSmirnov(xs, cdf: cdf.cdf) - 0.2506121974302237) < 1e-13)
        #expect(abs(GoodnessOfFit.andersonDarling(xs, cdf: cdf.cdf) - 0.8372219508206404) < 1e-12)
    }

    @Test("the same sample and seed give the same p-values")
    func deterministic() throws {
        let xs = fittingSample(try .gamma(mean: 6, sd: 3), count: 100, streamID: 30)
        let fit = try FittedFamily.gamma.fit(xs)
        let first = GoodnessOfFit.test(fit, sample: xs, resamples: 49)
        let second = GoodnessOfFit.test(fit, sample: xs, resamples: 49)
        #expect(first == second)
        #expect(first.resamples == 49 && first.failedRefits == 0)
        #expect(first.kolmogorovSmirnovPValue >= 1.0 / 50 && first.kolmogorovSmirnovPValue <= 1)
    }

    // Under the null the p-value is (close to) uniform. For the exponential the statistics with
    // an estimated scale are pivotal (their law does not depend on the mean), so the parametric
    // bootstrap test is exact: with B = 99 and continuous statistics, P(p ≤ 0.1) = P(at most 9
    // of 99 resamples ≥ T) = 10/100. The same holds for the uniform fitted by its extremes
    // (location–scale equivariant; its A² carries the clamped end terms, the same constant on
    // every sample). For the gamma the law depends a little on the shape, so
    // the level is only asymptotically right; at n = 30 it is close.
    //
    // Over 100 independent data sets (each with its own bootstrap seed), the number with
    // p ≤ 0.1 is then Binomial(100, 0.1); accepting 2…20 fails a correct test with probability
    // 0.0011 (scipy.stats.binom(100, 0.1): cdf(1) + sf(20)), 0.007 for the six checks here
    // (Bonferroni). A test that ignored the estimation (tabulated critical values) would have
    // p ≤ 0.1 in well under 2 % of the data sets and fail the lower end.
    @Test("under the null, p ≤ 0.1 in 2 to 20 of 100 data sets (n = 30, B = 99)", arguments: [FittedFamily.exponential, .gamma, .uniform])
    func nullUniformity(family: FittedFamily) throws {
        let truth: Distribution = switch family {
        case .exponential: try .exponential(mean: 8)
        case .gamma: try .gamma(mean: 8, sd: 5)
        default: try .uniform(min: 2, max: 14)
        }
        var ksSmall = 0
        var adSmall = 0
        for dataSet in 0..<100 {
            let xs = fittingSample(truth, count: 30, streamID: 31, replication: dataSet)
            let fit = try family.fit(xs)
            let test = GoodnessOfFit.test(fit, sample: xs, resamples: 99, seed: UInt64(1_000 + dataSet))
            if test.kolmogorovSmirnovPValue <= 0.1 { ksSmall += 1 }
            if test.andersonDarlingPValue <= 0.1 { adSmall += 1 }
        }
        #expect((2...20).contains(ksSmall), "KS: \(ksSmall) of 100 with p ≤ 0.1")
        #expect((2...20).contains(adSmall), "AD: \(adSmall) of 100 with p ≤ 0.1")
    }

    // A clearly wrong family at n = 200: every resample of the fitted exponential looks like an
    // exponential, the data do not, so no T* reaches T and p = 1/(B + 1) = 0.01.
    @Test("a clearly wrong family gets p < 0.05 (n = 200, B = 99)", arguments: [
        ("uniform(4, 16) data, exponential fitted", FittedFamily.exponential, 32),
        ("lognormal(10, 2) data, exponential fitted", FittedFamily.exponential, 33),
        ("exponential(10) data, uniform fitted", FittedFamily.uniform, 34),
    ])
    func power(label: String, family: FittedFamily, streamID: Int) throws {
        let truth: Distribution = switch streamID {
        case 32: try .uniform(min: 4, max: 16)
        case 33: try .lognormal(mean: 10, sd: 2)
        default: try .exponential(mean: 10)
        }
        let xs = fittingSample(truth, count: 200, streamID: streamID)
        let fit = try family.fit(xs)
        let test = GoodnessOfFit.test(fit, sample: xs, resamples: 99)
        #expect(test.kolmogorovSmirnovPValue < 0.05, "\(label): KS p = \(test.kolmogorovSmirnovPValue)")
        #expect(test.andersonDarlingPValue < 0.05, "\(label): AD p = \(test.andersonDarlingPValue)")
    }
}
