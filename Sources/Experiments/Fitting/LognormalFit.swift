import Foundation
import SimulationKernel

/// The lognormal maximum-likelihood fit, in closed form on the logarithms.
///
/// log X ~ N(μ, σ²): μ̂ is the mean of the logs and σ̂² their variance with divisor n (the
/// MLE, not the unbiased n − 1). ln L = −Σ log xᵢ − (n/2)·log(2πσ̂²) − n/2.
///
/// The scenario file states the mean and sd of the variable itself, m = exp(μ + σ²/2) and
/// s = m·√(exp σ² − 1); their standard errors come from the delta method on μ̂ and σ̂², which
/// are independent with variances σ²/n and 2σ⁴/n (Johnson, Kotz & Balakrishnan,
/// *Continuous Univariate Distributions* 1, 2nd ed., ch. 14):
/// Var m̂ ≈ m²(σ²/n + σ⁴/(2n)), Var ŝ ≈ s²σ²/n + (∂s/∂σ²)²·2σ⁴/n with
/// ∂s/∂σ² = s/2 + m·exp σ²/(2√(exp σ² − 1)).
enum LognormalFit {
    static func fit(_ sample: [Double]) throws(FitError) -> DistributionFit {
        try FittedFamily.lognormal.validate(sample, positive: true)
        let n = Double(sample.count)
        let logs = sample.map { log($0) }
        let mu = logs.reduce(0, +) / n
        let sigma2 = logs.reduce(0) { $0 + ($1 - mu) * ($1 - mu) } / n
        guard sigma2 > 0 else { throw FitError(family: .lognormal, reason: .noSpread) }
        let sumLogs = logs.reduce(0, +)
        let logLikelihood = -sumLogs - n / 2 * log(2 * Double.pi * sigma2) - n / 2

        let mean = exp(mu + sigma2 / 2)
        let growth = expm1(sigma2)
        let sd = mean * growth.squareRoot()
        let meanSE = mean * (sigma2 / n + sigma2 * sigma2 / (2 * n)).squareRoot()
        let dSdSigma2 = sd / 2 + mean * (growth + 1) / (2 * growth.squareRoot())
        let sdSE = (sd * sd * sigma2 / n + dSdSigma2 * dSdSigma2 * 2 * sigma2 * sigma2 / n).squareRoot()

        let distribution = try FitError.make(.lognormal) { () throws(DistributionError) in try .lognormal(mean: mean, sd: sd) }
        return DistributionFit(
            family: .lognormal, distribution: distribution, logLikelihood: logLikelihood,
            parameters: [
                FittedParameter(name: "mean", estimate: mean, standardError: meanSE),
                FittedParameter(name: "sd", estimate: sd, standardError: sdSE),
            ],
            parameterCount: 2, sampleSize: sample.count)
    }
}
