import SimulationKernel

/// The families of the model that a positive sample (work hours, delays) can be fitted with.
///
/// Why a closed list: each is a factory of `Distribution` and has a spelling in the scenario
/// file (`truncatedNormal` is written `{ type: "normal", mean, sd, truncatedAtZero: true }`);
/// a fit is only useful if the model can run it. `constant`, `bernoulli` and `poisson` are
/// not candidates for durations; the empirical table is the non-parametric option of
/// ``FitRanking``.
public enum FittedFamily: String, CaseIterable, Sendable, Hashable {
    case exponential
    case lognormal
    case gamma
    case erlang
    case truncatedNormal
    case uniform
    case triangular

    /// The maximum-likelihood fit of this family to `sample` (order does not matter).
    ///
    /// - Throws: ``FitError`` when the sample cannot be fitted by this family: too few
    ///   observations, a non-finite value, a value outside the family's support (≤ 0 for the
    ///   positive families, < 0 for the truncated normal), no spread, or no convergence.
    public func fit(_ sample: [Double]) throws(FitError) -> DistributionFit {
        switch self {
        case .exponential: return try ExponentialFit.fit(sample)
        case .lognormal: return try LognormalFit.fit(sample)
        case .gamma: return try GammaFit.fit(sample)
        case .erlang: return try GammaFit.fitErlang(sample)
        case .truncatedNormal: return try TruncatedNormalFit.fit(sample)
        case .uniform: return try UniformFit.fit(sample)
        case .triangular: return try TriangularFit.fit(sample)
        }
    }

    /// The smallest sample the fit accepts. Two points already determine two parameters, but
    /// every family asks for a few more than it has parameters, so that the standard errors
    /// and the bootstrap mean something.
    var minimumSampleSize: Int {
        switch self {
        case .exponential: return 2
        case .lognormal, .gamma, .erlang, .truncatedNormal, .uniform: return 3
        case .triangular: return 4
        }
    }

    /// Checks size, finiteness and support; shared by every family's fit.
    func validate(_ sample: [Double], positive: Bool = false, nonNegative: Bool = false) throws(FitError) {
        guard sample.count >= minimumSampleSize else {
            throw FitError(family: self, reason: .tooFewObservations(needed: minimumSampleSize, got: sample.count))
        }
        for (index, x) in sample.enumerated() {
            guard x.isFinite else { throw FitError(family: self, reason: .nonFiniteObservation(index: index, value: x)) }
            if positive && !(x > 0) || nonNegative && !(x >= 0) {
                throw FitError(family: self, reason: .outsideSupport(index: index, value: x, support: positive ? "> 0" : "≥ 0"))
            }
        }
    }
}

/// Why a family could not be fitted to a sample; the ranking lists skipped families with it.
public struct FitError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Reason: Sendable, Hashable {
        case tooFewObservations(needed: Int, got: Int)
        case nonFiniteObservation(index: Int, value: Double)
        case outsideSupport(index: Int, value: Double, support: String)
        /// All observations equal (or, for the log-scale families, equal logarithms).
        case noSpread
        case didNotConverge(detail: String)
        /// The estimates were rejected by the kernel's factory (the factory's message).
        case invalidParameters(detail: String)
    }

    public let family: FittedFamily
    public let reason: Reason

    public init(family: FittedFamily, reason: Reason) {
        self.family = family
        self.reason = reason
    }

    public var description: String {
        let what = "cannot fit \(family.rawValue)"
        switch reason {
        case .tooFewObservations(let needed, let got):
            return "\(what): needs at least \(needed) observations (got \(got))"
        case .nonFiniteObservation(let index, let value):
            return "\(what): observation \(index + 1) is \(value), not a finite number"
        case .outsideSupport(let index, let value, let support):
            return "\(what): observation \(index + 1) is \(value), but the family needs values \(support)"
        case .noSpread:
            return "\(what): all observations are equal"
        case .didNotConverge(let detail):
            return "\(what): the likelihood maximisation did not converge (\(detail))"
        case .invalidParameters(let detail):
            return "\(what): the estimates are not valid parameters (\(detail))"
        }
    }

    /// Wraps a kernel factory call, turning its error into ours.
    static func make(_ family: FittedFamily, _ build: () throws(DistributionError) -> Distribution) throws(FitError) -> Distribution {
        do {
            return try build()
        } catch {
            throw FitError(family: family, reason: .invalidParameters(detail: error.description))
        }
    }
}
