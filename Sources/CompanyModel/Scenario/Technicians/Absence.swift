// `technicians.sickPay` and `technicians.annualLeave`, read by
// ScenarioFile/ScenarioReader+Technicians.swift.

/// The employer's net share of a technician's daily salary on each calendar day of a sick or
/// burn-out leave.
///
/// The French legal rule (Code de la sécurité sociale R323-1; Code du travail L1226-1,
/// D1226-1 ff.): social security pays 50 % of the daily wage after 3 waiting days; the employer
/// tops it up to 90 % for 30 days and then to 2/3 for 30 more, after a 7-day wait (one year of
/// service or more). The employer's net share is therefore 0 for days 1…7, 90 − 50 = 40 % for
/// days 8…37 and 66.7 − 50 = 16.7 % after. Branch agreements often pay 100 % from the first
/// day (then: `waitingDays: 0, firstRate: 1, laterRate: 1`, which over-counts the social
/// security part the employer does not pay; `firstRate: 0.5` is closer).
public struct SickPaySettings: Sendable, Hashable {
    /// Calendar days of a leave at the start on which the employer pays nothing.
    public var waitingDays: Int = 7
    /// Employer's share of the daily salary for the next `firstDays` days.
    public var firstRate: Double = 0.4
    public var firstDays: Int = 30
    /// Employer's share after that, to the end of the leave.
    public var laterRate: Double = 0.1667

    public init() {}

    /// The employer's share of the daily salary on day `day` (1 = the first) of a leave.
    @inline(__always)
    func rate(onLeaveDay day: Int) -> Double {
        if day <= waitingDays { return 0 }
        return day <= waitingDays + firstDays ? firstRate : laterRate
    }
}

/// Paid annual leave (Code du travail L3141-3: 2.5 working days a month, 5 weeks a year). Leave
/// is not absence: it is planned, paid as salary, and counts in no absence figure.
public struct AnnualLeaveSettings: Sendable, Hashable {
    /// Working days of leave per leave year (52 weeks from day 0); 0 turns leave off.
    public var daysPerYear: Int = 25

    public init() {}
}
