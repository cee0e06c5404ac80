import SimulationKernel

/// A maximum-likelihood fit of one of the model's families to a sample: the fitted
/// `Distribution`, ready for a scenario file, and what is needed to compare it with the others.
///
/// Why these fields: families are ranked by Akaike's information criterion
/// AIC = 2k − 2 ln L (Akaike 1974; Burnham & Anderson, *Model Selection and Multimodel
/// Inference*, 2nd ed., 2002), which needs the maximised log-likelihood ln L and the number of
/// estimated parameters k; the parameters are given in the spelling of the scenario file
/// (mean and sd for lognormal and gamma, min/mode/max for triangular, …), with their standard
/// errors where a closed form or the observed information gives one (NaN otherwise, e.g. for
/// the endpoints of a uniform, which are not asymptotically normal).
///
/// ```swift
/// let fit = try FittedFamily.gamma.fit(workHours)
/// print(fit.distribution, fit.aic)          // gamma(mean: …, sd: …) and its AIC
/// ```
public struct DistributionFit: Sendable, Hashable {
    public let family: FittedFamily
    /// The fitted distribution, built by the kernel's factory.
    public let distribution: Distribution
    /// The maximised log-likelihood ln L (natural logarithm, densities in the data's units).
    public let logLikelihood: Double
    /// Parameters in the scenario file's spelling, with standard errors (NaN where none).
    public let parameters: [FittedParameter]
    /// The number of parameters estimated from the data, k in AIC.
    public let parameterCount: Int
    /// The sample size the fit used.
    public let sampleSize: Int

    /// AIC = 2k − 2 ln L; smaller is better.
    public var aic: Double { 2 * Double(parameterCount) - 2 * logLikelihood }

    /// The parameter called `name`, if the family has one.
    public func parameter(_ name: String) -> FittedParameter? {
        parameters.first { $0.name == name }
    }
}

/// One fitted parameter: its name in the scenario file, the estimate and its standard error.
public struct FittedParameter: Sendable, Hashable {
    public let name: String
    public let estimate: Double
    /// Asymptotic standard error (from a closed form, or the inverse observed information and
    /// the delta method); NaN when the family's theory gives none.
    public let standardError: Double

    public init(name: String, estimate: Double, standardError: Double = .nan) {
        self.name = name
        self.estimate = estimate
        self.standardError = standardError
    }
}
