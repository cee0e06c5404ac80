import Foundation
import SimulationKernel
import Testing

// Statistical tolerances, once for the whole file.
//
// Every statistical assertion compares an estimate from n = 20,000 draws with its exact value,
// allowing 4.5 standard errors. For a (near-)normal statistic, P(|Z| > 4.5) ≈ 6.8e-6; this file
// makes about 60 such assertions (≈ 25 cases × mean and variance, plus frequency checks), so by
// Bonferroni the chance that a correct sampler fails any of them is below 60 × 6.8e-6 ≈ 4e-4,
// while a wrong parameterisation (say sd for variance, or a mean off by 3 %) fails by far.
// The seeds are fixed, so the outcome is deterministic: the margin protects against having
// picked a lucky seed, not against flakiness.
//
// - Sample mean: SE = σ/√n.
// - Sample variance S² (unbiased): exactly Var(S²) = μ4/n − σ⁴(n − 3)/(n(n − 1)) for i.i.d.
//   draws, ≈ (μ4 − σ⁴)/n, with μ4 the fourth central moment, computed analytically per case in
//   DistributionTestSupport.swift. S² is asymptotically normal whenever μ4 > σ⁴, which excludes
//   only two-point symmetric laws (bernoulli(0.5)): hence bernoulli(0.3) in the cases.
//   The heaviest tails here (gamma shape 0.25: kurtosis 27; lognormal cv 0.79: kurtosis ≈ 17)
//   still leave S² close to normal at n = 20,000.
// - Kolmogorov–Smirnov: D_n < 1.63/√n, the asymptotic 1 % critical value (Smirnov); with
//   fixed seeds it is deterministic.

@Suite("Distribution sampling: moments and goodness of fit")
struct DistributionSamplingTests {
    static let n = DistributionFixtures.sampleSize
    static let z = 4.5

    @Test("library mean and variance equal the independent exact values", arguments: DistributionFixtures.cases)
    func exactMoments(_ c: DistributionCase) throws {
        let d = try c.make()
        #expect(abs(d.mean - c.mean) <= 1e-9 * max(1, abs(c.mean)), "mean \(d.mean) vs \(c.mean)")
        #expect(abs(d.variance - c.variance) <= 1e-9 * max(1, c.variance), "variance \(d.variance) vs \(c.variance)")
    }

    @Test("sample mean and variance within 4.5 standard errors", arguments: DistributionFixtures.cases)
    func sampleMoments(_ c: DistributionCase) throws {
        let d = try c.make()
        let n = Self.n
        let xs = DistributionFixtures.draw(d, count: n, streamID: c.streamID)
        let nd = Double(n)
        let sampleMean = xs.reduce(0, +) / nd
        let sampleVariance = xs.reduce(0) { $0 + ($1 - sampleMean) * ($1 - sampleMean) } / (nd - 1)

        // Rounding slack only matters for the constant, whose standard errors are 0.
        let slack = 1e-9 * max(1, abs(c.mean))
        let meanSE = (c.variance / nd).squareRoot()
        #expect(abs(sampleMean - c.mean) <= Self.z * meanSE + slack,
                "\(c.label): mean \(sampleMean), expected \(c.mean) ± \(Self.z * meanSE)")

        let sigma4 = c.variance * c.variance
        let varOfS2 = c.fourthCentralMoment / nd - sigma4 * (nd - 3) / (nd * (nd - 1))
        let varianceSE = max(0, varOfS2).squareRoot()
        #expect(abs(sampleVariance - c.variance) <= Self.z * varianceSE + slack,
                "\(c.label): variance \(sampleVariance), expected \(c.variance) ± \(Self.z * varianceSE)")
    }

    @Test("Kolmogorov–Smirnov against cdf at the 1 % level", arguments: DistributionFixtures.continuousCases)
    func kolmogorovSmirnov(_ c: DistributionCase) throws {
        let d = try c.make()
        let n = Self.n
        let xs = DistributionFixtures.draw(d, count: n, streamID: c.streamID).sorted()
        var statistic = 0.0
        for (i, x) in xs.enumerated() {
            let f = d.cdf(x)
            statistic = max(statistic, Double(i + 1) / Double(n) - f, f - Double(i) / Double(n))
        }
        let critical = 1.63 / Double(n).squareRoot()
        #expect(statistic < critical, "\(c.label): D = \(statistic), critical \(critical)")
    }

    @Test("samples stay in the support")
    func support() throws {
        let nonNegative: [Distribution] = try [
            .exponential(mean: 1), .lognormal(mean: 1, sd: 3), .gamma(mean: 1, sd: 5),
            .erlang(mean: 2, shape: 4), .normal(mean: -3, sd: 1, truncatedAtZero: true),
            .normal(mean: 0, sd: 1, truncatedAtZero: true),
        ]
        for (index, d) in nonNegative.enumerated() {
            let xs = DistributionFixtures.draw(d, count: 5_000, streamID: 900 + index)
            #expect(xs.allSatisfy { $0 >= 0 && $0.isFinite }, "\(d)")
        }
        let triangular = try Distribution.triangular(min: -2, mode: 0, max: 1)
        #expect(DistributionFixtures.draw(triangular, count: 5_000, streamID: 950).allSatisfy { $0 >= -2 && $0 <= 1 })
        let uniform = try Distribution.uniform(min: 4, max: 7)
        #expect(DistributionFixtures.draw(uniform, count: 5_000, streamID: 951).allSatisfy { $0 >= 4 && $0 <= 7 })
    }
}

@Suite("Distribution sampling: discrete frequencies")
struct DistributionDiscreteTests {
    static let n = DistributionFixtures.sampleSize

    /// Each outcome's count within 4.5 binomial standard errors of n·p (see the file header).
    func expectFrequencies(_ xs: [Double], _ pmf: [Double: Double], _ label: String) {
        let n = Double(xs.count)
        var counts: [Double: Int] = [:]
        for x in xs { counts[x, default: 0] += 1 }
        #expect(Set(counts.keys).isSubset(of: Set(pmf.keys)), "\(label): unexpected values \(counts.keys.sorted())")
        for (value, p) in pmf {
            let expected = n * p
            let se = (n * p * (1 - p)).squareRoot()
            let observed = Double(counts[value] ?? 0)
            #expect(abs(observed - expected) <= 4.5 * se, "\(label): \(value) seen \(observed) times, expected \(expected)")
        }
    }

    @Test func bernoulliFrequencies() throws {
        let xs = DistributionFixtures.draw(try .bernoulli(probability: 0.3), count: Self.n, streamID: 101)
        expectFrequencies(xs, [0: 0.7, 1: 0.3], "bernoulli(0.3)")
    }

    @Test func bernoulliExtremes() throws {
        #expect(DistributionFixtures.draw(try .bernoulli(probability: 0), count: 1_000, streamID: 102).allSatisfy { $0 == 0 })
        #expect(DistributionFixtures.draw(try .bernoulli(probability: 1), count: 1_000, streamID: 103).allSatisfy { $0 == 1 })
    }

    @Test func empiricalFrequencies() throws {
        let d = try Distribution.empirical(values: [5, 1, 3, 3, 10], weights: [2, 1, 0.5, 1.5, 0])
        let xs = DistributionFixtures.draw(d, count: Self.n, streamID: 104)
        // 10 has weight 0: never drawn (checked by the subset test).
        expectFrequencies(xs, [1: 0.2, 3: 0.4, 5: 0.4], "empirical")
    }

    /// Pearson's chi-square over the cells k with n·p_k ≥ 5, tails pooled, against the upper
    /// 0.1 % point of χ²(df) by the Wilson–Hilferty approximation (accurate to < 1 % here).
    /// p_k by the recurrence p_k = p_{k−1}·λ/k, independent of the library's cdf.
    @Test("poisson chi-square", arguments: [0.5, 4.0, 12.0, 30.0, 31.0, 100.0, 1000.0])
    func poissonChiSquare(_ lambda: Double) throws {
        let d = try Distribution.poisson(mean: lambda)
        let n = Self.n
        let xs = DistributionFixtures.draw(d, count: n, streamID: 200 + Int(lambda))
        #expect(xs.allSatisfy { $0 >= 0 && $0 == $0.rounded() }, "poisson samples must be non-negative integers")

        // Probabilities in log space (λ = 1000 underflows e^−λ).
        let top = Int(lambda + 12 * lambda.squareRoot() + 20)
        var logP = [Double](repeating: 0, count: top + 1)
        logP[0] = -lambda
        for k in 1...top { logP[k] = logP[k - 1] + log(lambda / Double(k)) }
        let pmf = logP.map { exp($0) }

        // Cells: [0, lo], lo+1 … hi−1, [hi, ∞), with at least 5 expected in the pooled tails.
        var lo = 0
        var cumulative = pmf[0]
        while Double(n) * cumulative < 5 { lo += 1; cumulative += pmf[lo] }
        var hi = top
        var tail = 0.0
        while Double(n) * (tail + pmf[hi]) < 5 { tail += pmf[hi]; hi -= 1 }
        var expected: [Double] = [cumulative]
        for k in (lo + 1)..<hi { expected.append(pmf[k]) }
        expected.append(1 - expected.reduce(0, +))

        var observed = [Double](repeating: 0, count: expected.count)
        for x in xs {
            let k = Int(x)
            let cell = k <= lo ? 0 : (k >= hi ? expected.count - 1 : k - lo)
            observed[cell] += 1
        }
        let chi2 = zip(observed, expected).reduce(0) { $0 + pow($1.0 - Double(n) * $1.1, 2) / (Double(n) * $1.1) }
        let df = Double(expected.count - 1)
        let zUpper = 3.090232306167813  // Φ⁻¹(0.999)
        let critical = df * pow(1 - 2 / (9 * df) + zUpper * (2 / (9 * df)).squareRoot(), 3)
        #expect(chi2 < critical, "poisson(\(lambda)): χ² = \(chi2) on \(df) df, critical \(critical)")
    }

    @Test func poissonZeroMean() throws {
        #expect(DistributionFixtures.draw(try .poisson(mean: 0), count: 1_000, streamID: 300).allSatisfy { $0 == 0 })
    }
}

@Suite("Distribution sampling: streams and uniforms")
struct DistributionStreamTests {
    @Test("same seed gives the same samples; another stream gives others", arguments: DistributionFixtures.cases)
    func reproducible(_ c: DistributionCase) throws {
        let d = try c.make()
        let first = DistributionFixtures.draw(d, count: 500, streamID: c.streamID)
        let second = DistributionFixtures.draw(d, count: 500, streamID: c.streamID)
        #expect(first == second)
        if d.variance > 0 {
            let other = DistributionFixtures.draw(d, count: 500, streamID: c.streamID + 500)
            #expect(first != other)
        }
    }

    @Test("inversion samplers take exactly one uniform per draw", arguments: DistributionFixtures.inversionCases)
    func oneUniformPerDraw(_ c: DistributionCase) throws {
        let d = try c.make()
        var source = CountingSource(base: DistributionFixtures.stream(c.streamID))
        for _ in 0..<1_000 { _ = d.sample(using: &source) }
        #expect(source.count == 1_000, "\(c.label) consumed \(source.count) uniforms for 1000 draws")
    }

    @Test("erlang takes exactly shape uniforms per draw", arguments: [1, 3, 50])
    func erlangUniforms(_ shape: Int) throws {
        let d = try Distribution.erlang(mean: 5, shape: shape)
        var source = CountingSource(base: DistributionFixtures.stream(400))
        for _ in 0..<200 { _ = d.sample(using: &source) }
        #expect(source.count == 200 * shape)
    }

    @Test("rejection samplers take a variable number, at least the documented minimum")
    func rejectionUniforms() throws {
        // Expected uniforms per draw: Marsaglia–Tsang accepts with probability ≥ 0.95 for the
        // shape it runs (≥ 1), so ≤ 2/0.95 + boost; PTRS's hat-to-target area ratio is
        // 1/α = 1.1239 + 1.1328/(b − 3.4) ≈ 1.17 at mean 100, so ≲ 2.35.
        let cases: [(Distribution, minimum: Int, averageBelow: Double)] = try [
            (.gamma(mean: 10, sd: 4), 2, 2.15), (.gamma(mean: 2, sd: 4), 3, 3.15), (.poisson(mean: 100), 2, 2.4),
        ]
        for (d, minimum, averageBelow) in cases {
            var perDraw: [Int] = []
            var source = CountingSource(base: DistributionFixtures.stream(401))
            for _ in 0..<2_000 {
                let before = source.count
                _ = d.sample(using: &source)
                perDraw.append(source.count - before)
            }
            #expect(perDraw.min()! >= minimum, "\(d)")
            let average = Double(perDraw.reduce(0, +)) / 2_000
            #expect(average < averageBelow, "\(d): \(average) uniforms per draw")
        }
    }

    @Test("inversion samplers are non-decreasing in the uniform and finite at its extremes",
          arguments: DistributionFixtures.inversionCases)
    func monotoneInversion(_ c: DistributionCase) throws {
        let d = try c.make()
        // MRG32k3a's extremes are ≈ 2.3e-10 and 1 − 2.3e-10; a generic source may go further.
        var grid = [1e-300, 1e-100, 1e-16, 2.3283064365386963e-10, 1e-6]
        grid += (1...999).map { Double($0) / 1000 }
        grid += [1 - 1e-6, 1 - 2.3283064365386963e-10, (1.0).nextDown]
        var previous = -Double.infinity
        for u in grid {
            var source = FixedSource(u: u)
            let x = d.sample(using: &source)
            #expect(x.isFinite, "\(c.label) at u = \(u): \(x)")
            #expect(x >= previous, "\(c.label) decreases at u = \(u): \(x) < \(previous)")
            previous = x
        }
    }

    /// The product of 700 uniforms (≈ e^−700) would underflow: the sampler must fold it into a
    /// running log. Mean 700, variance 700²/700, so 500 draws give SE ≈ 1.2.
    @Test func erlangLargeShapeDoesNotUnderflow() throws {
        let d = try Distribution.erlang(mean: 700, shape: 700)
        let xs = DistributionFixtures.draw(d, count: 500, streamID: 403)
        #expect(xs.allSatisfy { $0.isFinite && $0 > 0 })
        let mean = xs.reduce(0, +) / 500
        #expect(abs(mean - 700) <= 4.5 * (700.0 / 500).squareRoot(), "mean \(mean)")
    }

    @Test func degenerateParametersGiveTheirPoint() throws {
        var source = DistributionFixtures.stream(402)
        let points: [(Distribution, Double)] = try [
            (.normal(mean: 4, sd: 0), 4), (.normal(mean: 4, sd: 0, truncatedAtZero: true), 4),
            (.normal(mean: 0, sd: 0, truncatedAtZero: true), 0), (.uniform(min: 2, max: 2), 2),
            (.triangular(min: 2, mode: 2, max: 2), 2), (.lognormal(mean: 7, sd: 0), 7),
        ]
        for (d, point) in points {
            let x = d.sample(using: &source)
            #expect(abs(x - point) <= 1e-14 * point, "\(d) drew \(x)")
            #expect(d.variance == 0, "\(d)")
            #expect(d.cdf(point) == 1 && d.cdf(point.nextDown) == 0, "\(d)")
        }
    }
}
