@testable import Experiments
import Foundation
import Testing

@Suite("Fitting: Poisson rates and dispersion")
struct FittingCountsTests {
    // Reference: Garwood's bounds computed with scipy 1.x as
    // chi2.ppf(α/2, 2k)/(2t) and chi2.ppf(1 − α/2, 2k + 2)/(2t).
    @Test("Garwood's interval matches scipy's chi-square quantiles", arguments: [
        (0, 1.0, 0.95, 0.0, 3.6888794541139354),
        (1, 1.0, 0.95, 0.025317807984289897, 5.571643390938898),
        (5, 10.0, 0.95, 0.1623486390118421, 1.166833207932267),
        (37, 26.0, 0.95, 1.001977483350232, 1.9615240823819549),
        (37, 26.0, 0.90, 1.0613313669607443, 1.872134045750634),
        (250, 52.0, 0.99, 4.060609277522382, 5.64778246783519),
    ])
    func garwood(events: Int, weeks: Double, confidence: Double, lower: Double, upper: Double) {
        let rate = PoissonRate(events: events, weeks: weeks, confidence: confidence)
        #expect(rate.perWeek == Double(events) / weeks)
        #expect(abs(rate.lower - lower) <= 1e-10 * max(1, lower))
        #expect(abs(rate.upper - upper) <= 1e-10 * upper)
    }

    // Reference: D = (n − 1)s²/x̄ and 2·min(chi2.cdf(D, n − 1), chi2.sf(D, n − 1)), scipy 1.x.
    @Test("dispersion test on constructed counts: bursty, regular, Poisson-like", arguments: [
        ([3, 0, 7, 1, 9, 0, 2, 8], 3.638095238095238, 25.466666666666665, 0.0012539302190876188),
        ([4, 5, 4, 5, 4, 5, 4, 5, 4, 5], 0.0617283950617284, 0.5555555555555556, 9.560887891617565e-05),
        ([2, 3, 1, 4, 2, 0, 3, 5, 2, 1, 3, 2], 0.8051948051948051, 8.857142857142856, 0.7298463398169257),
    ])
    func dispersion(counts: [Int], ratio: Double, statistic: Double, pValue: Double) {
        let test = DispersionTest(weeklyCounts: counts)
        #expect(test.degreesOfFreedom == counts.count - 1)
        #expect(abs(test.ratio - ratio) < 1e-12)
        #expect(abs(test.statistic - statistic) < 1e-12)
        #expect(abs(test.pValue - pValue) <= 1e-9 * pValue)
    }
}

@Suite("Fitting: Kaplan–Meier")
struct FittingSurvivalTests {
    // Six durations, two censored (+): 2, 3+, 4, 5, 6+, 8. By hand:
    //   t = 2: 6 at risk, 1 ends: S = 5/6,                 Greenwood Σ = 1/(6·5) = 1/30
    //   t = 4: 4 at risk (3+ left), S = 5/6 · 3/4 = 5/8,   Σ += 1/(4·3)  → 7/60
    //   t = 5: 3 at risk, S = 5/8 · 2/3 = 5/12,            Σ += 1/(3·2)  → 17/60
    //   t = 8: 1 at risk (6+ left), S = 0,                 variance undefined
    // Var S(5) = (5/12)²·17/60 = 425/8640. Median: the first S ≤ ½, t = 5. Log-type 95 %
    // bounds at t = 4: 5/8·exp(∓1.959964·√(7/60)) = 0.3200…, capped 1; so the median's
    // interval starts at 4 (first lower bound ≤ ½); the upper bounds stay above ½ until S = 0,
    // where they are undefined, so it has no upper end.
    static let durations: [CensoredDuration] = [
        .init(5), .init(3, censored: true), .init(8), .init(2), .init(6, censored: true), .init(4),
    ]

    @Test("the survival curve and Greenwood's variance of a hand-computed example")
    func handExample() {
        let km = KaplanMeier(Self.durations)
        #expect(km.count == 6 && km.censoredCount == 2)
        #expect(km.steps.map(\.time) == [2, 4, 5, 8])
        #expect(km.steps.map(\.atRisk) == [6, 4, 3, 1])
        let expected = [5.0 / 6, 5.0 / 8, 5.0 / 12, 0]
        for (step, s) in zip(km.steps, expected) { #expect(abs(step.survival - s) < 1e-15) }
        #expect(abs(km.variance(at: 2) - (25.0 / 36) / 30) < 1e-15)
        #expect(abs(km.variance(at: 4.5) - (25.0 / 64) * 7 / 60) < 1e-15)
        #expect(abs(km.variance(at: 5) - 425.0 / 8640) < 1e-15)
        #expect(km.variance(at: 9).isNaN)
        #expect(km.survival(at: 1.9) == 1 && km.variance(at: 1.9) == 0)
        #expect(abs(km.survival(at: 3) - 5.0 / 6) < 1e-15)
        #expect(abs(km.steps[1].lower - 0.625 * exp(-1.959963984540054 * (7.0 / 60).squareRoot())) < 1e-9)
        #expect(km.steps[1].upper == 1)
        #expect(km.median == 5)
        #expect(km.medianInterval.lower == 4 && km.medianInterval.upper == nil)
    }

    @Test("a censoring at an event time counts at risk; S exactly ½ gives the midpoint median")
    func tiesAndMidpoint() {
        // 1, 2, 2+, 3, 4: at t = 2, 4 at risk (the 2+ included), 1 ends: S = 4/5 · 3/4 = 3/5;
        // at t = 3, 2 at risk: S = 3/10; at t = 4, 1 at risk: S = 0.
        let km = KaplanMeier([.init(1), .init(2), .init(2, censored: true), .init(3), .init(4)])
        #expect(km.steps.map(\.atRisk) == [5, 4, 2, 1])
        #expect(abs(km.survival(at: 2) - 0.6) < 1e-15 && abs(km.survival(at: 3) - 0.3) < 1e-15)
        // 1, 2, 3, 4: S(2) = ½ exactly, so the median is (2 + 3)/2, as R's survfit reports.
        let even = KaplanMeier([.init(4), .init(3), .init(2), .init(1)])
        #expect(even.median == 2.5)
        // Censored beyond half: no median.
        let open = KaplanMeier([.init(1), .init(5, censored: true), .init(6, censored: true)])
        #expect(open.median == nil)
    }
}
