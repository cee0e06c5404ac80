import Foundation
import SimulationKernel

/// The exponential maximum-likelihood fit: the mean is the sample mean.
///
/// With x̄ the sample mean, ln L = −n·log x̄ − n, and the observed (= expected) information of
/// the mean gives SE(mean) = x̄/√n (Law & Kelton, *Simulation Modeling and Analysis*, 5th ed.,
/// §6.5; Johnson, Kotz & Balakrishnan, *Continuous Univariate Distributions* 1, ch. 19).
enum ExponentialFit {
    static func fit(_ sample: [Double]) throws(FitError) -> DistributionFit {
        try FittedFamily.exponential.validate(sample, positive: true)
        let n = Double(sample.count)
        let mean = sample.reduce(0, +) / n
        let distribution = try FitError.make(.exponential) { () throws(DistributionError) in try .exponential(mean: mean) }
        return DistributionFit(
            family: .exponential, distribution: distribution,
            logLikelihood: -n * log(mean) - n,
            parameters: [FittedParameter(name: "mean", estimate: mean, standardError: mean / n.squareRoot())],
            parameterCount: 1, sampleSize: sample.count)
    }
}
