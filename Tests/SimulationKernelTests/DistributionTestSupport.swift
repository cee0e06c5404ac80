import Foundation
import SimulationKernel

/// One parameter set under test, with its exact moments computed here, independently of the
/// library (closed forms, or numerical integration for the truncated normal), so that the
/// library's `mean`/`variance` are checked too and not merely trusted.
struct DistributionCase: Sendable, CustomStringConvertible {
    let label: String
    let make: @Sendable () throws -> Distribution
    let mean: Double
    let variance: Double
    /// μ4 = E[(X − μ)⁴], for the tolerance on the sample variance.
    let fourthCentralMoment: Double
    let isContinuous: Bool
    /// Sampled by inversion: exactly one uniform per draw, non-decreasing in it.
    let isInversion: Bool
    /// The stream that feeds this case (distinct per case, fixed: the tests are deterministic).
    let streamID: Int

    var description: String { label }
}

enum DistributionFixtures {
    static let masterSeed: UInt64 = 20_240_601
    static let sampleSize = 20_000

    static func stream(_ id: Int, replication: Int = 0) -> RandomStream {
        RandomStream(masterSeed: masterSeed, replication: replication, streamID: id)
    }

    /// Every family, with parameters that exercise each code path: triangular modes at both
    /// ends, the truncated normal on both sides of its two inversion forms and deep in the tail,
    /// gamma with shape < 1 (boost), = 1 and > 1, poisson on both sides of the inversion/PTRS
    /// switch at 30, an empirical table that is unsorted, has a duplicate and a zero weight.
    static let cases: [DistributionCase] = {
        var list: [DistributionCase] = []
        func add(_ label: String, continuous: Bool, inversion: Bool = true,
                 mean: Double, variance: Double, mu4: Double,
                 _ make: @escaping @Sendable () throws -> Distribution) {
            list.append(DistributionCase(label: label, make: make, mean: mean, variance: variance,
                                         fourthCentralMoment: mu4, isContinuous: continuous,
                                         isInversion: inversion, streamID: list.count + 1))
        }

        add("constant(3.5)", continuous: false, mean: 3.5, variance: 0, mu4: 0) { try .constant(3.5) }

        // Uniform: μ4 = (b − a)⁴/80.
        add("uniform(2, 5)", continuous: true, mean: 3.5, variance: 9.0 / 12, mu4: pow(3, 4) / 80) {
            try .uniform(min: 2, max: 5)
        }

        // Triangular: excess kurtosis −3/5 for every shape, so μ4 = 2.4·σ⁴.
        for (a, c, b) in [(0.0, 2.0, 10.0), (1.0, 1.0, 4.0), (0.0, 3.0, 3.0)] {
            let v = (a * a + b * b + c * c - a * b - a * c - b * c) / 18
            add("triangular(\(a), \(c), \(b))", continuous: true, mean: (a + b + c) / 3, variance: v, mu4: 2.4 * v * v) {
                try .triangular(min: a, mode: c, max: b)
            }
        }

        // Exponential: μ4 = 9·mean⁴.
        add("exponential(2.5)", continuous: true, mean: 2.5, variance: 6.25, mu4: 9 * pow(2.5, 4)) {
            try .exponential(mean: 2.5)
        }

        // Normal: μ4 = 3σ⁴.
        add("normal(10, 3)", continuous: true, mean: 10, variance: 9, mu4: 243) { try .normal(mean: 10, sd: 3) }

        // Truncated normal: moments by numerical integration of the conditioned density.
        for (m, s) in [(5.0, 3.0), (0.0, 2.0), (-1.0, 2.0), (-6.0, 1.0)] {
            let moments = truncatedNormalMoments(mean: m, sd: s)
            add("normal(\(m), \(s), truncatedAtZero)", continuous: true,
                mean: moments.mean, variance: moments.variance, mu4: moments.mu4) {
                try .normal(mean: m, sd: s, truncatedAtZero: true)
            }
        }

        // Lognormal: raw moments E[Xᵏ] = exp(kμ + k²σ²/2), then central.
        for (m, s) in [(19.0, 15.0), (1.0, 0.25)] {
            let sigma2 = log(1 + s * s / (m * m))
            let mu = log(m) - sigma2 / 2
            let raw = (1...4).map { k in exp(Double(k) * mu + Double(k * k) * sigma2 / 2) }
            let mu4 = centralFourth(raw1: raw[0], raw2: raw[1], raw3: raw[2], raw4: raw[3])
            add("lognormal(\(m), \(s))", continuous: true, mean: m, variance: s * s, mu4: mu4) {
                try .lognormal(mean: m, sd: s)
            }
        }

        // Gamma(shape k): excess kurtosis 6/k, so μ4 = (3 + 6/k)·σ⁴.
        for (m, s) in [(2.0, 4.0), (3.0, 3.0), (10.0, 4.0)] {
            let k = (m / s) * (m / s)
            add("gamma(\(m), \(s))", continuous: true, inversion: false,
                mean: m, variance: s * s, mu4: (3 + 6 / k) * pow(s, 4)) {
                try .gamma(mean: m, sd: s)
            }
        }

        // Erlang: gamma with integer shape k and variance mean²/k.
        for (m, k) in [(10.0, 1), (6.0, 3)] {
            let v = m * m / Double(k)
            add("erlang(\(m), \(k))", continuous: true, inversion: false,
                mean: m, variance: v, mu4: (3 + 6 / Double(k)) * v * v) {
                try .erlang(mean: m, shape: k)
            }
        }

        // Empirical: unsorted, 3 appears twice (pooled weight 2), 10 has weight 0.
        let empiricalPMF: [(Double, Double)] = [(1, 1.0 / 5), (3, 2.0 / 5), (5, 2.0 / 5)]
        let eMean = empiricalPMF.reduce(0) { $0 + $1.0 * $1.1 }
        let eVar = empiricalPMF.reduce(0) { $0 + $1.1 * pow($1.0 - eMean, 2) }
        let eMu4 = empiricalPMF.reduce(0) { $0 + $1.1 * pow($1.0 - eMean, 4) }
        add("empirical", continuous: false, mean: eMean, variance: eVar, mu4: eMu4) {
            try .empirical(values: [5, 1, 3, 3, 10], weights: [2, 1, 0.5, 1.5, 0])
        }

        // Bernoulli: μ4 = pq(1 − 3pq). p = 0.3 rather than 0.5, where μ4 = σ⁴ and the sample
        // variance is no longer asymptotically normal (see the moment test).
        add("bernoulli(0.3)", continuous: false, mean: 0.3, variance: 0.21, mu4: 0.21 * (1 - 3 * 0.21)) {
            try .bernoulli(probability: 0.3)
        }

        // Poisson: μ4 = λ + 3λ². Inversion up to 30, PTRS above.
        for lambda in [0.5, 4.0, 30.0, 31.0, 100.0, 1000.0] {
            add("poisson(\(lambda))", continuous: false, inversion: lambda <= 30,
                mean: lambda, variance: lambda, mu4: lambda + 3 * lambda * lambda) {
                try .poisson(mean: lambda)
            }
        }
        return list
    }()

    static var continuousCases: [DistributionCase] { cases.filter(\.isContinuous) }
    static var inversionCases: [DistributionCase] { cases.filter(\.isInversion) }

    /// μ4 from the first four raw moments.
    static func centralFourth(raw1 m1: Double, raw2 m2: Double, raw3 m3: Double, raw4 m4: Double) -> Double {
        m4 - 4 * m1 * m3 + 6 * m1 * m1 * m2 - 3 * m1 * m1 * m1 * m1
    }

    /// Mean, variance and μ4 of N(mean, sd²) conditioned on ≥ 0, by composite Simpson
    /// integration of zᵏ·φ(z) over [a, max(a, 0) + 14] in standard units (φ(14) ≈ 1e-43,
    /// negligible), normalised by the integral of φ itself, so no library function is used.
    static func truncatedNormalMoments(mean: Double, sd: Double) -> (mean: Double, variance: Double, mu4: Double) {
        let a = -mean / sd
        let upper = max(a, 0) + 14
        let steps = 40_000
        let h = (upper - a) / Double(steps)
        var sums = [Double](repeating: 0, count: 5)
        for i in 0...steps {
            let z = a + Double(i) * h
            let weight: Double = (i == 0 || i == steps) ? 1 : (i % 2 == 1 ? 4 : 2)
            let density = exp(-0.5 * z * z)
            var power = 1.0
            for k in 0...4 {
                sums[k] += weight * power * density
                power *= z
            }
        }
        let m = (1...4).map { sums[$0] / sums[0] }  // E[Zᵏ | Z ≥ a]
        let zMean = m[0]
        let zVar = m[1] - zMean * zMean
        let zMu4 = centralFourth(raw1: m[0], raw2: m[1], raw3: m[2], raw4: m[3])
        return (mean + sd * zMean, sd * sd * zVar, pow(sd, 4) * zMu4)
    }

    static func draw(_ distribution: Distribution, count: Int, streamID: Int) -> [Double] {
        var source = stream(streamID)
        return (0..<count).map { _ in distribution.sample(using: &source) }
    }
}

/// A source that counts the uniforms it hands out.
struct CountingSource: UniformRandomSource {
    var base: RandomStream
    var count = 0

    mutating func nextUniform() -> Double {
        count += 1
        return base.nextUniform()
    }

    mutating func next() -> UInt64 { base.next() }
}

/// A source that always returns the same uniform (only for inversion samplers, which take one).
struct FixedSource: UniformRandomSource {
    var u: Double
    mutating func nextUniform() -> Double { u }
    mutating func next() -> UInt64 { UInt64(u * 0x1p63) }
}
