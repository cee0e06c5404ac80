// The `technicians.overtime` section of a scenario file, read by ScenarioFile/ScenarioReader+Technicians.swift.

/// Voluntary overtime: when a policy's trigger fires, as many technicians as the work at risk
/// (or in excess) needs are offered an evening extension (or a rest-day shift), those holding
/// or next in line for that work first; each accepts with probability
/// `baseAcceptance × exp(−acceptanceStressSensitivity × stress)`.
public struct OvertimeSettings: Sendable, Hashable {
    public var eveningExtensionHours: Double = 2
    /// Hours of one rest-day (weekend or holiday) overtime shift.
    public var restDayShiftHours: Double = 7
    public var baseAcceptance: Double = 0.8
    public var acceptanceStressSensitivity: Double = 0.5
    /// Hard weekly cap on hours worked (Code du travail: 48 h).
    public var weeklyCapHours: Double = 48
    /// Hard daily cap (Code du travail: 10 h).
    public var dailyCapHours: Double = 10
    /// Voluntary overtime a technician may work in a year (Code du travail D3121-24: 220 h);
    /// the year runs from the start date, 365 days at a time.
    public var annualQuotaHours: Double = 220
    /// Premium bands on weekly hours beyond the contract: +25 % from 35 h to 43 h, +50 % beyond.
    public var premiumBands: [PremiumBand] = [PremiumBand(fromWeeklyHours: 35, premium: 0.25),
                                              PremiumBand(fromWeeklyHours: 43, premium: 0.5)]
    /// Extra premium for hours worked on a weekend day, added to the band's.
    public var weekendPremium: Double = 0.25
    /// Extra premium for hours worked on a public holiday, added to the band's.
    public var holidayPremium: Double = 1.0

    public init() {}
}

/// Hours worked in a week beyond `fromWeeklyHours` are paid `1 + premium` (up to the next band).
public struct PremiumBand: Sendable, Hashable {
    public var fromWeeklyHours: Double
    public var premium: Double
    public init(fromWeeklyHours: Double, premium: Double) {
        self.fromWeeklyHours = fromWeeklyHours
        self.premium = premium
    }
}
