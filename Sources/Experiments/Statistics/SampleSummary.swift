import Foundation

/// Mean, standard deviation and a Student-t confidence interval of independent observations.
///
/// Why this shape: replications are independent and identically distributed, so the classic
/// interval Ȳ ± t(1 − α/2, n − 1) · S/√n (Law & Kelton, *Simulation Modeling and Analysis*,
/// §4.5) is the honest statement of what n replications tell. Undefined observations (NaN, e.g.
/// an on-time rate with no delivery) are skipped: `n` counts only the defined ones.
public struct SampleSummary: Sendable, Hashable {
    public var n: Int
    public var mean: Double
    /// Sample standard deviation (divisor n − 1); NaN when n < 2.
    public var standardDeviation: Double
    public var confidence: Double
    /// Half-width of the confidence interval; NaN when n < 2.
    public var halfWidth: Double

    public var lower: Double { mean - halfWidth }
    public var upper: Double { mean + halfWidth }

    /// Summarises `values` at `confidence` (e.g. 0.95), skipping NaN.
    public init(_ values: [Double], confidence: Double = 0.95) {
        precondition(confidence > 0 && confidence < 1, "confidence must be in (0, 1) (got \(confidence))")
        let defined = values.filter { !$0.isNaN }
        n = defined.count
        self.confidence = confidence
        guard n > 0 else {
            mean = .nan
            standardDeviation = .nan
            halfWidth = .nan
            return
        }
        // Two-pass (mean, then squared deviations): stable for the magnitudes here.
        let m = defined.reduce(0, +) / Double(n)
        mean = m
        guard n > 1 else {
            standardDeviation = .nan
            halfWidth = .nan
            return
        }
        let variance = defined.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(n - 1)
        standardDeviation = variance.squareRoot()
        let t = StudentT.quantile(1 - (1 - confidence) / 2, degreesOfFreedom: Double(n - 1))
        halfWidth = t * standardDeviation / Double(n).squareRoot()
    }

    /// True when `value` lies inside the interval.
    public func contains(_ value: Double) -> Bool { value >= lower && value <= upper }
}
