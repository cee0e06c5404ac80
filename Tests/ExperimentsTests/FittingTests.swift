@testable import Experiments
import Foundation
import SimulationKernel
import Testing

// Tolerances for the parameter-recovery tests, once for the file.
//
// Each family is sampled n = 2,000 times from a fixed stream and fitted; every estimate with
// an asymptotic standard error must lie within 3 of them of the true value. For a
// near-normal estimator P(|Z| > 3) ≈ 0.0027; with 14 such assertions the chance that a
// correct fit fails any of them on a random seed is below 14 × 0.0027 ≈ 0.04 (Bonferroni),
// while an error in a formula (a variance for an sd, a missing √n) fails by far. Seeds are
// fixed, so the outcome is deterministic. The endpoints of the uniform and triangular are not
// asymptotically normal and get their own bounds, derived in their tests.

/// n draws of `distribution` from stream `streamID` of master seed 17.
func fittingSample(_ distribution: Distribution, count: Int, streamID: Int, replication: Int = 0) -> [Double] {
    var stream = RandomStream(masterSeed: 17, replication: replication, streamID: streamID)
    return (0..<count).map { _ in distribution.sample(using: &stream) }
}

@Suite("Fitting: maximum-likelihood estimates recover the parameters")
struct FittingTests {
    static let n = 2_000

    /// Every parameter with a standard error within 3 of them.
    func expectWithinThreeSE(_ fit: DistributionFit, _ truth: [String: Double], sourceLocation: SourceLocation = #_sourceLocation) {
        for (name, value) in truth {
            guard let p = fit.parameter(name) else {
                Issue.record("\(fit.family) has no parameter \(name)", sourceLocation: sourceLocation)
                continue
            }
            #expect(p.standardError > 0, "\(fit.family).\(name) has no standard error", sourceLocation: sourceLocation)
            #expect(abs(p.estimate - value) <= 3 * p.standardError,
                    "\(fit.family).\(name) = \(p.estimate) ± \(p.standardError), true \(value)", sourceLocation: sourceLocation)
        }
    }

    @Test("exponential: the mean within 3 SE, ln L and AIC in closed form")
    func exponential() throws {
        let xs = fittingSample(try .exponential(mean: 8), count: Self.n, streamID: 1)
        let fit = try FittedFamily.exponential.fit(xs)
        expectWithinThreeSE(fit, ["mean": 8])
        let mean = xs.reduce(0, +) / Double(xs.count)
        #expect(abs(fit.logLikelihood - (-Double(xs.count) * (log(mean) + 1))) < 1e-9 * abs(fit.logLikelihood))
        #expect(fit.parameterCount == 1 && abs(fit.aic - (2 - 2 * fit.logLikelihood)) < 1e-9)
        #expect(fit.distribution.name == "exponential")
    }

    @Test("lognormal: mean and sd of the variable within 3 SE (delta method)")
    func lognormal() throws {
        let xs = fittingSample(try .lognormal(mean: 12, sd: 8), count: Self.n, streamID: 2)
        let fit = try FittedFamily.lognormal.fit(xs)
        expectWithinThreeSE(fit, ["mean": 12, "sd": 8])
        #expect(fit.distribution.name == "lognormal")
        #expect(abs(fit.distribution.mean - fit.parameter("mean")!.estimate) < 1e-9)
    }

    @Test("gamma: mean, sd and shape within 3 SE, for a shape below and above 1", arguments: [(10.0, 4.0), (5.0, 8.0)])
    func gamma(mean: Double, sd: Double) throws {
        let xs = fittingSample(try .gamma(mean: mean, sd: sd), count: Self.n, streamID: 3)
        let fit = try FittedFamily.gamma.fit(xs)
        expectWithinThreeSE(fit, ["mean": mean, "sd": sd, "shape": (mean / sd) * (mean / sd)])
        #expect(abs(fit.distribution.standardDeviation - fit.parameter("sd")!.estimate) < 1e-9 * sd)
    }

    @Test("the gamma shape solves its likelihood equation log α − ψ(α) = log x̄ − mean log x")
    func gammaScore() throws {
        let xs = fittingSample(try .gamma(mean: 3, sd: 1), count: 500, streamID: 4)
        let fit = try FittedFamily.gamma.fit(xs)
        let alpha = fit.parameter("shape")!.estimate
        // The profile log-likelihood is maximal at α̂: nudging the shape either way lowers it.
        let lower = try FittedFamily.gamma.fit(xs).logLikelihood
        let meanX = xs.reduce(0, +) / 500
        let meanLog = xs.reduce(0) { $0 + log($1) } / 500
        func profile(_ a: Double) -> Double {
            500 * ((a - 1) * meanLog - a - a * log(meanX / a) - lgamma(a))
        }
        #expect(abs(profile(alpha) - lower) < 1e-6 * abs(lower))
        #expect(profile(alpha * 1.001) < profile(alpha) && profile(alpha * 0.999) < profile(alpha))
    }

    // Reference: the same samples (streams 6 and 3 of master seed 17, n = 2,000) fitted by
    // scipy 1.x: scipy.stats.gamma.fit(x, floc=0) gives shape 0.3976230617688583, mean
    // 5.02188855803307, sd 7.964000678976193, ln L −4366.151043212736; minimising the truncated
    // normal's −ln L with scipy.optimize.minimize (Nelder–Mead on (μ, log σ), xatol 1e-10) gives
    // μ 4.653021988646575, σ 4.195960243996006, ln L −5142.863047647253. Our simplex stops on
    // the likelihood's value (relative 1e-12), so μ and σ agree to about 1e-6 relative.
    @Test("gamma and truncated normal estimates agree with scipy on the same samples")
    func againstScipy() throws {
        let g = try FittedFamily.gamma.fit(fittingSample(try .gamma(mean: 5, sd: 8), count: Self.n, streamID: 3))
        #expect(abs(g.parameter("shape")!.estimate - 0.3976230617688583) < 1e-12)
        #expect(abs(g.parameter("sd")!.estimate - 7.964000678976193) < 1e-10)
        #expect(abs(g.logLikelihood - -4366.151043212736) < 1e-8)
        let t = try FittedFamily.truncatedNormal.fit(fittingSample(try .normal(mean: 5, sd: 4, truncatedAtZero: true), count: Self.n, streamID: 6))
        #expect(abs(t.parameter("mean")!.estimate - 4.653021988646575) < 1e-5)
        #expect(abs(t.parameter("sd")!.estimate - 4.195960243996006) < 1e-5)
        #expect(abs(t.logLikelihood - -5142.863047647253) < 1e-7)
    }

    @Test("Erlang: the integer shape is recovered exactly and the mean within 3 SE")
    func erlang() throws {
        // Gamma shape SE at α = 3, n = 2,000: 1/√(n(ψ′(3) − 1/3)) ≈ 0.09, so α̂ is within
        // 0.3 of 3 and the better neighbour is 3 except with negligible probability.
        let xs = fittingSample(try .erlang(mean: 9, shape: 3), count: Self.n, streamID: 5)
        let fit = try FittedFamily.erlang.fit(xs)
        #expect(fit.parameter("shape")!.estimate == 3)
        expectWithinThreeSE(fit, ["mean": 9])
        #expect(fit.distribution.description.hasPrefix("erlang(") && fit.distribution.description.hasSuffix("shape: 3)"))
        // Same mean, same k: the Erlang can only tie the gamma's likelihood, never beat it.
        let gamma = try FittedFamily.gamma.fit(xs)
        #expect(fit.logLikelihood <= gamma.logLikelihood + 1e-9)
    }

    @Test("truncated normal: the parent's mean and sd within 3 SE (observed information)")
    func truncatedNormal() throws {
        // mean 5, sd 4: 10.6 % of the parent lies below 0, so the truncation matters.
        let xs = fittingSample(try .normal(mean: 5, sd: 4, truncatedAtZero: true), count: Self.n, streamID: 6)
        let fit = try FittedFamily.truncatedNormal.fit(xs)
        expectWithinThreeSE(fit, ["mean": 5, "sd": 4])
        #expect(fit.distribution.description.hasSuffix("truncatedAtZero: true)"))
        // The sample mean is biased up by the truncation; the fit is not.
        let naive = xs.reduce(0, +) / Double(xs.count)
        #expect(naive > 5.3 && fit.parameter("mean")!.estimate < naive)
    }

    @Test("truncated normal: the maximum beats nearby points of the likelihood")
    func truncatedNormalIsAMaximum() throws {
        let xs = fittingSample(try .normal(mean: 2, sd: 3, truncatedAtZero: true), count: 300, streamID: 7)
        let fit = try FittedFamily.truncatedNormal.fit(xs)
        let m = fit.parameter("mean")!.estimate, s = fit.parameter("sd")!.estimate
        func logL(_ m: Double, _ s: Double) -> Double {
            let mass = Distribution.standardNormalCDF(m / s)
            return xs.reduce(0) { $0 - log(s) - 0.5 * log(2 * .pi) - ($1 - m) * ($1 - m) / (2 * s * s) } - Double(xs.count) * log(mass)
        }
        #expect(abs(logL(m, s) - fit.logLikelihood) < 1e-8 * abs(fit.logLikelihood))
        for (dm, ds) in [(0.01, 0.0), (-0.01, 0), (0, 0.01), (0, -0.01)] {
            #expect(logL(m + dm, s + ds) < fit.logLikelihood)
        }
    }

    @Test("truncated normal on exponential data: the fit stops on the kernel's bound μ = −30σ, without SEs")
    func truncatedNormalOnTheBound() throws {
        // The truncated normal's likelihood on exponential data keeps rising as μ → −∞ (the
        // limit is the exponential), so the optimum is the bound; the fit is still usable.
        let xs = fittingSample(try .exponential(mean: 10), count: 500, streamID: 10)
        let fit = try FittedFamily.truncatedNormal.fit(xs)
        let m = fit.parameter("mean")!, s = fit.parameter("sd")!
        #expect(abs(m.estimate / s.estimate - -30) < 1e-4)
        #expect(m.standardError.isNaN && s.standardError.isNaN)
        let exponential = try FittedFamily.exponential.fit(xs)
        #expect(fit.logLikelihood <= exponential.logLikelihood + 1e-6)
    }

    @Test("uniform: the extremes, inside the true range by less than 10·(max − min)/n")
    func uniform() throws {
        // P(min − a > t) = (1 − t/w)ⁿ ≤ e^(−nt/w): t = 10w/n fails with probability e^(−10) ≈ 5e-5, per end.
        let xs = fittingSample(try .uniform(min: 4, max: 16), count: Self.n, streamID: 8)
        let fit = try FittedFamily.uniform.fit(xs)
        let low = fit.parameter("min")!.estimate, high = fit.parameter("max")!.estimate
        #expect(low >= 4 && low - 4 < 10 * 12 / Double(Self.n))
        #expect(high <= 16 && 16 - high < 10 * 12 / Double(Self.n))
        #expect(abs(fit.logLikelihood - -Double(Self.n) * log(high - low)) < 1e-9)
    }

    @Test("triangular: ends within 5 % of the range, mode within 5 % (a loose band, not an SE)")
    func triangular() throws {
        // Ends: near a the density is linear, P(X − a < t) = t²/((b − a)(c − a)), so
        // P(x₍₁₎ − a > t) ≈ exp(−n t²/((b − a)(c − a))): for t = 0.5 (5 % of 10), e^(−25) at the
        // max end and e^(−12.5) ≈ 4e-6 at the min end (c − a = 4). The extension r/(n − 1)
        // ≈ 0.005 is far inside the band. The mode's MLE is not regular; 5 % of the range is
        // several times its spread at this n in our trials, not a derived bound.
        let xs = fittingSample(try .triangular(min: 0, mode: 4, max: 10), count: Self.n, streamID: 9)
        let fit = try FittedFamily.triangular.fit(xs)
        #expect(abs(fit.parameter("min")!.estimate - 0) < 0.5)
        #expect(abs(fit.parameter("mode")!.estimate - 4) < 0.5)
        #expect(abs(fit.parameter("max")!.estimate - 10) < 0.5)
        #expect(fit.parameterCount == 3 && fit.logLikelihood.isFinite)
        #expect(xs.contains(fit.parameter("mode")!.estimate), "the mode is one of the observations")
    }

    @Test("samples a family cannot take are refused with the reason")
    func refusals() {
        #expect(throws: FitError(family: .lognormal, reason: .outsideSupport(index: 1, value: 0, support: "> 0"))) {
            try FittedFamily.lognormal.fit([1, 0, 2])
        }
        #expect(throws: FitError(family: .gamma, reason: .noSpread)) { try FittedFamily.gamma.fit([3, 3, 3, 3]) }
        #expect(throws: FitError(family: .uniform, reason: .tooFewObservations(needed: 3, got: 1))) { try FittedFamily.uniform.fit([1]) }
        #expect(throws: FitError(family: .exponential, reason: .nonFiniteObservation(index: 0, value: .infinity))) {
            try FittedFamily.exponential.fit([.infinity, 1])
        }
        let message = FitError(family: .lognormal, reason: .outsideSupport(index: 1, value: 0, support: "> 0")).description
        #expect(message == "cannot fit lognormal: observation 2 is 0.0, but the family needs values > 0")
    }
}

@Suite("Fitting: ranking by AIC")
struct FittingRankingTests {
    @Test("at n = 3,000 the true family ranks first among clearly different ones", arguments: [
        ("exponential", 11), ("lognormal", 12), ("uniform", 13),
    ])
    func trueFamilyFirst(family: String, streamID: Int) throws {
        let truth: Distribution
        switch family {
        case "exponential": truth = try .exponential(mean: 10)
        case "lognormal": truth = try .lognormal(mean: 10, sd: 6)
        default: truth = try .uniform(min: 2, max: 18)
        }
        let xs = fittingSample(truth, count: 3_000, streamID: streamID)
        let ranking = FitRanking(xs, families: [.exponential, .lognormal, .uniform])
        #expect(ranking.entries.first?.fit.family.rawValue == family)
        #expect(ranking.entries.first?.deltaAIC == 0)
        // Clearly different: the runner-up is more than 10 AIC behind.
        #expect(ranking.entries[1].deltaAIC > 10)
        #expect(ranking.skipped.isEmpty)
    }

    @Test("all families on a gamma sample: gamma first, the rest sorted, the empirical table alongside")
    func allFamilies() throws {
        let xs = fittingSample(try .gamma(mean: 12, sd: 5), count: 3_000, streamID: 14)
        let ranking = FitRanking(xs)
        #expect(ranking.entries.count == FittedFamily.allCases.count)
        #expect(ranking.entries.first?.fit.family == .gamma)
        let aics = ranking.entries.map(\.fit.aic)
        #expect(aics == aics.sorted())
        #expect(ranking.empirical.quantiles.count == EmpiricalQuantiles.defaultProbabilities.count)
        #expect(ranking.empirical.quantiles[4] == percentile(xs, 0.5))
        #expect(ranking.empirical.quantiles.first == xs.min() && ranking.empirical.quantiles.last == xs.max())
        #expect(ranking.empirical.distribution?.name == "empirical")
    }

    @Test("families that cannot be fitted are skipped with their reason")
    func skipped() {
        let ranking = FitRanking([0, 1.5, 2.5, 4, 3])
        #expect(ranking.skipped.map(\.family) == [.exponential, .lognormal, .gamma, .erlang])
        #expect(ranking.entries.map(\.fit.family).sorted { $0.rawValue < $1.rawValue } == [.triangular, .truncatedNormal, .uniform])
    }
}

@Suite("Fitting: special functions")
struct FittingSpecialFunctionTests {
    // Reference values: scipy.special.digamma and scipy.special.polygamma(1, x), scipy 1.x.
    @Test("digamma and trigamma match scipy", arguments: [
        (0.1, -10.423754940411076, 101.43329915079275),
        (1.0, -0.5772156649015329, 1.6449340668482266),
        (2.5, 0.7031566406452432, 0.4903577561002349),
        (10.0, 2.251752589066721, 0.10516633568168576),
        (100.0, 4.600161852738088, 0.010050166663333573),
    ])
    func polygamma(x: Double, digamma: Double, trigamma: Double) {
        #expect(abs(Digamma.digamma(x) - digamma) <= 1e-13 * max(1, abs(digamma)))
        #expect(abs(Digamma.trigamma(x) - trigamma) <= 1e-13 * trigamma)
    }

    // Reference values: scipy.stats.chi2.ppf(p, ν).
    @Test("chi-square quantiles match scipy", arguments: [
        (0.025, 10.0, 3.2469727802368413), (0.975, 10.0, 20.483177350807388), (0.5, 1.0, 0.454936423119572),
        (0.999, 3.0, 16.26623619623813), (0.001, 50.0, 24.67390527187726),
    ])
    func chiSquareQuantile(p: Double, nu: Double, expected: Double) {
        let q = ChiSquare.quantile(p, degreesOfFreedom: nu)
        #expect(abs(q - expected) <= 1e-10 * expected)
        #expect(abs(ChiSquare.cdf(q, degreesOfFreedom: nu) - p) < 1e-12)
    }
}
