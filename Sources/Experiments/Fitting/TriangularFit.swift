import Foundation
import SimulationKernel

/// The triangular fit: min and max from the sample's extremes pushed out a little, then the
/// maximum-likelihood mode for those ends.
///
/// The ends: with range r = x₍ₙ₎ − x₍₁₎, min = x₍₁₎ − r/(n − 1) and max = x₍ₙ₎ + r/(n − 1)
/// (the minimum-variance unbiased estimates of a uniform's ends). Why not the extremes
/// themselves: the triangular density is 0 at its ends unless the mode is there, so with
/// min = x₍₁₎ every mode except x₍₁₎ would give the smallest observation zero likelihood.
/// The full three-parameter maximum likelihood has the same degeneracy at the boundary and is
/// not regular either; this choice is simple, deterministic and consistent. min is not pushed
/// below 0 when the data are non-negative (the scenario file requires min ≥ 0).
///
/// The mode: for fixed ends the MLE of the mode is one of the observations (Kotz & van Dorp,
/// *Beyond Beta*, 2004, §1.3; Oliver, 1972), so every order statistic x₍ᵣ₎ is tried, with
/// ln L(c = x₍ᵣ₎) = n·log 2 − n·log(b − a) + Σ_{i<r} log((x₍ᵢ₎ − a)/(c − a)) +
/// Σ_{i>r} log((b − x₍ᵢ₎)/(b − c)), O(1) each from prefix sums: O(n log n) with the sort.
///
/// k = 3 in AIC (all three from the data); no standard errors (the problem is not regular).
enum TriangularFit {
    static func fit(_ sample: [Double]) throws(FitError) -> DistributionFit {
        try FittedFamily.triangular.validate(sample)
        let x = sample.sorted()
        let count = x.count
        let n = Double(count)
        let range = x[count - 1] - x[0]
        guard range > 0 else { throw FitError(family: .triangular, reason: .noSpread) }
        let extension_ = range / (n - 1)
        var a = x[0] - extension_
        if x[0] >= 0 { a = max(0, a) }
        let b = x[count - 1] + extension_

        // prefix[r] = Σ_{i<r} log(xᵢ − a); suffix[r] = Σ_{i≥r} log(b − xᵢ).
        var prefix = [Double](repeating: 0, count: count + 1)
        for i in 0..<count { prefix[i + 1] = prefix[i] + log(x[i] - a) }
        var suffix = [Double](repeating: 0, count: count + 1)
        for i in stride(from: count - 1, through: 0, by: -1) { suffix[i] = suffix[i + 1] + log(b - x[i]) }

        let constant = n * log(2) - n * log(b - a)
        var bestLogLikelihood = -Double.infinity
        var bestMode = x[0]
        for r in 0..<count {
            let c = x[r]
            if r > 0, c == x[r - 1] { continue }  // ties give the same likelihood
            let left = r == 0 ? 0 : prefix[r] - Double(r) * log(c - a)
            let right = r == count - 1 ? 0 : suffix[r + 1] - Double(count - 1 - r) * log(b - c)
            let value = constant + left + right
            if value > bestLogLikelihood {
                bestLogLikelihood = value
                bestMode = c
            }
        }
        guard bestLogLikelihood.isFinite else {
            throw FitError(family: .triangular, reason: .didNotConverge(detail: "no mode gives a finite likelihood"))
        }
        let mode = bestMode
        let distribution = try FitError.make(.triangular) { () throws(DistributionError) in
            try .triangular(min: a, mode: mode, max: b)
        }
        return DistributionFit(
            family: .triangular, distribution: distribution, logLikelihood: bestLogLikelihood,
            parameters: [
                FittedParameter(name: "min", estimate: a),
                FittedParameter(name: "mode", estimate: mode),
                FittedParameter(name: "max", estimate: b),
            ],
            parameterCount: 3, sampleSize: sample.count)
    }
}
