/// The rate of a Poisson process from a count of events over an exposure, with Garwood's
/// exact interval.
///
/// Why this interval: arrival counts of a single client are small (a few a week, a handful
/// in a quarter), where the normal approximation k ± z√k gives negative lower bounds and poor
/// coverage. Garwood's interval inverts the two one-sided Poisson tests and so covers at
/// least the nominal level for every rate (Garwood, Biometrika 28, 437–442, 1936; Ulm,
/// Am. J. Epidemiol. 131, 373–375, 1990):
///
///     lower = χ²_{α/2}(2k) / (2t),   upper = χ²_{1−α/2}(2k + 2) / (2t),
///
/// with lower = 0 when k = 0, t the exposure and χ²_p(ν) the p-quantile of chi-square with
/// ν degrees of freedom (``ChiSquare/quantile(_:degreesOfFreedom:)``).
///
/// ```swift
/// let rate = PoissonRate(events: 37, weeks: 26)      // 1.42 a week, 95 % (1.00, 1.96)
/// ```
public struct PoissonRate: Sendable, Hashable {
    public let events: Int
    /// The exposure, in weeks.
    public let weeks: Double
    public let confidence: Double
    /// Events per week, k/t.
    public let perWeek: Double
    public let lower: Double
    public let upper: Double

    /// - Precondition: `events ≥ 0`, `weeks > 0`, `confidence` in (0, 1).
    public init(events: Int, weeks: Double, confidence: Double = 0.95) {
        precondition(events >= 0, "a count of events must be ≥ 0 (got \(events))")
        precondition(weeks > 0 && weeks.isFinite, "the exposure must be > 0 weeks (got \(weeks))")
        precondition(confidence > 0 && confidence < 1, "confidence must be in (0, 1) (got \(confidence))")
        self.events = events
        self.weeks = weeks
        self.confidence = confidence
        let alpha = 1 - confidence
        let k = Double(events)
        perWeek = k / weeks
        lower = events == 0 ? 0 : ChiSquare.quantile(alpha / 2, degreesOfFreedom: 2 * k) / (2 * weeks)
        upper = ChiSquare.quantile(1 - alpha / 2, degreesOfFreedom: 2 * k + 2) / (2 * weeks)
    }
}
