import Foundation
import SimulationKernel

/// The uniform maximum-likelihood fit: min and max are the sample's extremes, and
/// ln L = −n·log(max − min).
///
/// The likelihood is not regular (its support depends on the parameters), so the estimates
/// are not asymptotically normal and converge at rate 1/n, not 1/√n. The standard errors
/// given are the exact standard deviations of the extreme order statistics of n uniforms on
/// the fitted range, (max − min)·√(n/((n + 1)²(n + 2))) (David & Nagaraja, *Order
/// Statistics*, 3rd ed., 2003, §2.2); the extremes are biased inwards by (max − min)/(n + 1).
///
/// The fitted CDF is 0 at the smallest and 1 at the largest observation, so the
/// Anderson–Darling statistic is dominated by its clamped end terms (see
/// ``GoodnessOfFit/andersonDarling(_:cdf:)``); its bootstrap p-value, which refits the same
/// way on each resample, remains valid.
enum UniformFit {
    static func fit(_ sample: [Double]) throws(FitError) -> DistributionFit {
        try FittedFamily.uniform.validate(sample)
        let low = sample.min()!
        let high = sample.max()!
        let width = high - low
        guard width > 0 else { throw FitError(family: .uniform, reason: .noSpread) }
        let n = Double(sample.count)
        let distribution = try FitError.make(.uniform) { () throws(DistributionError) in try .uniform(min: low, max: high) }
        let se = width * (n / ((n + 1) * (n + 1) * (n + 2))).squareRoot()
        return DistributionFit(
            family: .uniform, distribution: distribution, logLikelihood: -n * log(width),
            parameters: [
                FittedParameter(name: "min", estimate: low, standardError: se),
                FittedParameter(name: "max", estimate: high, standardError: se),
            ],
            parameterCount: 2, sampleSize: sample.count)
    }
}
