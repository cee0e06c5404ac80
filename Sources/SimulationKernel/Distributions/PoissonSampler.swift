import Foundation

/// Poisson(mean) variates: sequential inversion for mean ≤ 30, Hörmann's PTRS above.
///
/// Why two methods: inversion takes one uniform (good for common random numbers) but walks the
/// probabilities from 0, O(mean) steps, which is fine up to 30 (e^−30 ≈ 9e-14 does not
/// underflow). Above, the transformed rejection with squeeze (PTRS) costs O(1) whatever the
/// mean: about 1.15 trials (2.3 uniforms) per draw, most accepted by the squeeze without a
/// logarithm. A normal approximation would be biased in the tails and is not used.
///
/// Reference: W. Hörmann, "The transformed rejection method for generating Poisson random
/// variables", Insurance: Mathematics and Economics 12(1), 39–45, 1993.
///
/// Uniforms per draw: exactly 1 for mean ≤ 30; 2 per trial (variable, ≥ 2) for mean > 30.
@usableFromInline
struct PoissonSampler: Sendable, Hashable {
    /// Largest mean sampled by sequential inversion.
    static let inversionLimit = 30.0

    @usableFromInline let mean: Double
    /// True for mean ≤ 30: sequential inversion.
    @usableFromInline let usesInversion: Bool
    /// e^−mean, P(X = 0), for inversion.
    @usableFromInline let probabilityOfZero: Double
    /// PTRS constants (Hörmann 1993, table 1 and algorithm PTRS): b, a, log(1/α), v_r, log(mean).
    @usableFromInline let b: Double
    @usableFromInline let a: Double
    @usableFromInline let logInverseAlpha: Double
    @usableFromInline let vr: Double
    @usableFromInline let logMean: Double

    init(mean: Double) {
        self.mean = mean
        usesInversion = mean <= Self.inversionLimit
        probabilityOfZero = exp(-mean)
        if usesInversion {
            // PTRS constants are unused, and for mean < 10 some would be NaN, which would make
            // the value unequal to itself: store zeros.
            (b, a, logInverseAlpha, vr, logMean) = (0, 0, 0, 0, 0)
        } else {
            let b = 0.931 + 2.53 * mean.squareRoot()
            self.b = b
            a = -0.059 + 0.02483 * b
            logInverseAlpha = log(1.1239 + 1.1328 / (b - 3.4))
            vr = 0.9277 - 3.6224 / (b - 2)
            logMean = log(mean)
        }
    }

    /// - Complexity: O(mean) for mean ≤ 30, O(1) expected above; no allocation.
    @inlinable
    func sample<S: UniformRandomSource>(using source: inout S) -> Double {
        if usesInversion {
            return inversion(source.nextUniform())
        }
        while true {
            let u = source.nextUniform() - 0.5
            let v = source.nextUniform()
            let us = 0.5 - abs(u)
            let k = ((2 * a / us + b) * u + mean + 0.43).rounded(.down)
            if us >= 0.07 && v <= vr { return k }
            if k < 0 || (us < 0.013 && v > us) { continue }
            if log(v) + logInverseAlpha - log(a / (us * us) + b) <= -mean + k * logMean - Self.logFactorial(k) {
                return k
            }
        }
    }

    /// The smallest k with P(X ≤ k) ≥ u, summing the probabilities from 0 (p_k = p_{k−1}·mean/k).
    /// Stops when the tail no longer changes the sum in double precision, so a uniform that
    /// rounds above the computed total still ends the walk.
    @inlinable
    func inversion(_ u: Double) -> Double {
        var k = 0.0
        var probability = probabilityOfZero
        var cumulative = probability
        while u > cumulative {
            k += 1
            probability *= mean / k
            let next = cumulative + probability
            if next == cumulative { break }
            cumulative = next
        }
        return k
    }

    /// log k! for a non-negative integer k: a table below 10, else Stirling's series for
    /// log Γ(k + 1) to the 1/(k+1)⁷ term (absolute error < 4e-13), as in Hörmann's paper.
    @inlinable
    static func logFactorial(_ k: Double) -> Double {
        switch k {
        case 0, 1: return 0
        case 2: return 0.6931471805599453
        case 3: return 1.791759469228055
        case 4: return 3.1780538303479458
        case 5: return 4.787491742782046
        case 6: return 6.579251212010101
        case 7: return 8.525161361065415
        case 8: return 10.60460290274525
        case 9: return 12.801827480081469
        default:
            let x = k + 1
            let inverseSquare = 1 / (x * x)
            let correction = (1.0 / 12 - inverseSquare * (1.0 / 360 - inverseSquare * (1.0 / 1260 - inverseSquare / 1680))) / x
            return (x - 0.5) * log(x) - x + 0.91893853320467274178 + correction
        }
    }
}
