import Foundation
import SimulationKernel
import Testing

@Suite("Distribution functions: normal quantile and cdf")
struct DistributionFunctionTests {
    /// Φ(Φ⁻¹(p)) = p. Checked in the tail that p describes, with erfc directly (not the
    /// library's Φ): relative error ≤ 1e-12 of min(p, 1 − p), stricter than an absolute 1e-12.
    @Test("inverse normal round trip", arguments: [
        1e-300, 1e-100, 1e-20, 1e-10, 1e-8, 1e-5, 1e-3, 0.02425, 0.05, 0.0749, 0.075, 0.1, 0.25, 0.3, 0.45, 0.5,
        0.55, 0.7, 0.75, 0.9, 0.925, 0.975, 0.999, 1 - 1e-5, 1 - 1e-8, 1 - 1e-10,
    ])
    func inverseNormalRoundTrip(_ p: Double) {
        let z = Distribution.standardNormalQuantile(p)
        if p <= 0.5 {
            let back = 0.5 * erfc(-z / 2.0.squareRoot())
            #expect(abs(back - p) <= 1e-12 * p, "p = \(p): z = \(z), Φ(z) = \(back)")
        } else {
            // 1 − p is exact for these p (Sterbenz), and the library computes with it too.
            let back = 0.5 * erfc(z / 2.0.squareRoot())
            #expect(abs(back - (1 - p)) <= 1e-12 * (1 - p), "p = \(p): z = \(z), Q(z) = \(back)")
        }
    }

    @Test func inverseNormalKnownValues() {
        let q = Distribution.standardNormalQuantile
        #expect(abs(q(0.975) - 1.959963984540054) <= 1e-15)
        #expect(abs(q(0.025) + 1.959963984540054) <= 1e-15)
        #expect(q(0.5) == 0)
        #expect(abs(q(0.8413447460685429) - 1) <= 1e-14)  // Φ(1)
        #expect(abs(q(1e-10) + 6.361340902404057) <= 1e-13)
        #expect(q(0) == -.infinity && q(1) == .infinity && q(.nan).isNaN)
        // Antisymmetry where 1 − p is exact.
        for p in [0.001, 0.01, 0.125, 0.25, 0.375] {
            #expect(abs(q(p) + q(1 - p)) <= 1e-15 * abs(q(p)))
        }
    }

    @Test func inverseNormalIsIncreasing() {
        let q = Distribution.standardNormalQuantile
        var previous = -Double.infinity
        for i in 1..<10_000 {
            let z = q(Double(i) / 10_000)
            #expect(z > previous)
            previous = z
        }
    }

    @Test func normalCDF() {
        #expect(Distribution.standardNormalCDF(0) == 0.5)
        #expect(abs(Distribution.standardNormalCDF(1.959963984540054) - 0.975) <= 1e-15)
        #expect(abs(Distribution.standardNormalCDF(-8) / 6.220960574271784e-16 - 1) <= 1e-13)
    }

    @Test func closedFormCDFs() throws {
        let exponential = try Distribution.exponential(mean: 3)
        let uniform = try Distribution.uniform(min: 2, max: 6)
        let triangular = try Distribution.triangular(min: 0, mode: 2, max: 10)
        let normal = try Distribution.normal(mean: 10, sd: 3)
        let lognormal = try Distribution.lognormal(mean: 19, sd: 15)
        for x in [-1.0, 0, 0.5, 1, 2, 3, 5, 8, 10, 13, 20, 40] {
            #expect(abs(exponential.cdf(x) - (x <= 0 ? 0 : 1 - exp(-x / 3))) <= 1e-15)
            #expect(abs(uniform.cdf(x) - min(1, max(0, (x - 2) / 4))) <= 1e-15)
            let t = x <= 0 ? 0 : (x >= 10 ? 1 : (x <= 2 ? x * x / 20 : 1 - (10 - x) * (10 - x) / 80))
            #expect(abs(triangular.cdf(x) - t) <= 1e-15)
            #expect(abs(normal.cdf(x) - 0.5 * erfc(-(x - 10) / 3 / 2.0.squareRoot())) <= 1e-15)
        }
        // The lognormal's median is mean/√(1 + cv²).
        let median = 19 / (1 + (15.0 / 19) * (15.0 / 19)).squareRoot()
        #expect(abs(lognormal.cdf(median) - 0.5) <= 1e-14)
        #expect(lognormal.cdf(0) == 0 && lognormal.cdf(-1) == 0)
    }

    @Test func truncatedNormalCDF() throws {
        for (m, s) in [(5.0, 3.0), (-1.0, 2.0), (-6.0, 1.0)] {
            let d = try Distribution.normal(mean: m, sd: s, truncatedAtZero: true)
            #expect(d.cdf(-0.1) == 0 && d.cdf(0) == 0)
            #expect(abs(d.cdf(m + 40 * s) - 1) <= 1e-15)
            // Against the definition, with both tails from erfc.
            let qa = 0.5 * erfc((-m / s) / 2.0.squareRoot())
            for x in [0.1, 0.5, 1, 3, 8] {
                let expected = 1 - 0.5 * erfc(((x - m) / s) / 2.0.squareRoot()) / qa
                #expect(abs(d.cdf(x) - expected) <= 1e-12, "\(d) at \(x)")
            }
        }
    }

    /// Gamma with shape ½ is a scaled χ²(1): P(X ≤ x) = erf(√(x/θ)).
    @Test func gammaHalfShapeCDF() throws {
        let d = try Distribution.gamma(mean: 1, sd: 2.0.squareRoot())  // shape ½, scale 2
        for x in [1e-6, 0.01, 0.1, 0.5, 1, 2, 3, 5, 10, 30] {
            #expect(abs(d.cdf(x) - erf((x / 2).squareRoot())) <= 1e-13, "x = \(x)")
        }
    }

    @Test func gammaShapeOneIsExponential() throws {
        let d = try Distribution.gamma(mean: 3, sd: 3)
        for x in [0.01, 0.5, 1, 3, 7, 20] {
            #expect(abs(d.cdf(x) - (1 - exp(-x / 3))) <= 1e-13, "x = \(x)")
        }
    }

    /// Erlang(k, rate 1/θ) ≤ x exactly when a Poisson process of rate 1/θ has ≥ k events by x:
    /// P = 1 − Σ_{j<k} e^{−y} yʲ/j!, y = x/θ, summed here directly.
    @Test("erlang cdf against the Poisson sum", arguments: [1, 2, 3, 10, 200])
    func erlangCDF(_ k: Int) throws {
        let mean = 2.0 * Double(k)  // θ = 2
        let d = try Distribution.erlang(mean: mean, shape: k)
        for factor in [0.2, 0.5, 0.9, 1, 1.1, 1.5, 3] {
            let x = mean * factor
            let y = x / 2
            var term = exp(-y)
            var sum = 0.0
            for j in 0..<k {
                if j > 0 { term *= y / Double(j) }
                sum += term
            }
            #expect(abs(d.cdf(x) - (1 - sum)) <= 1e-12, "k = \(k), x = \(x): \(d.cdf(x)) vs \(1 - sum)")
        }
    }

    @Test("poisson cdf against the direct sum", arguments: [0.5, 4.0, 30.0, 100.0])
    func poissonCDF(_ lambda: Double) throws {
        let d = try Distribution.poisson(mean: lambda)
        var p = exp(-lambda)
        var sum = p
        for k in 0...Int(lambda * 2 + 10) {
            if k > 0 { p *= lambda / Double(k); sum += p }
            #expect(abs(d.cdf(Double(k)) - sum) <= 1e-12, "k = \(k)")
            #expect(d.cdf(Double(k) + 0.5) == d.cdf(Double(k)))
        }
        #expect(d.cdf(-0.5) == 0)
        #expect(try Distribution.poisson(mean: 0).cdf(0) == 1)
    }

    @Test func discreteCDFs() throws {
        let b = try Distribution.bernoulli(probability: 0.3)
        #expect(b.cdf(-1) == 0 && abs(b.cdf(0) - 0.7) <= 1e-15 && b.cdf(0.5) == b.cdf(0) && b.cdf(1) == 1)
        let e = try Distribution.empirical(values: [5, 1, 3, 3, 10], weights: [2, 1, 0.5, 1.5, 0])
        let expected: [(Double, Double)] = [(0.5, 0), (1, 0.2), (2, 0.2), (3, 0.6), (4.9, 0.6), (5, 1), (10, 1), (11, 1)]
        for (x, p) in expected {
            #expect(abs(e.cdf(x) - p) <= 1e-15, "empirical cdf(\(x))")
        }
        let c = try Distribution.constant(2)
        #expect(c.cdf(1.999) == 0 && c.cdf(2) == 1)
    }

    @Test func cdfOfNaNIsNaN() throws {
        #expect(try Distribution.exponential(mean: 1).cdf(.nan).isNaN)
        #expect(try Distribution.poisson(mean: 1).cdf(.nan).isNaN)
    }
}
