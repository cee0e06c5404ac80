// The `technicians.overtime` section of a scenario file, read by ScenarioFile/ScenarioReader+Technicians.swift.

/// Voluntary overtime: when a policy's trigger fires, each present technician is offered an
/// evening extension (or a rest-day shift) and accepts with probability
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
