// The `technicians` section of a scenario file, read by ScenarioFile/ScenarioReader+Technicians.swift.

/// Technicians: head count, pay, overtime rules, stress and its consequences, hiring.
public struct TechnicianSettings: Sendable, Hashable {
    public var count: Int = 13
    /// Employer's cost of one paid hour (salary plus charges), in euros.
    public var hourlyCostEur: Double = 40
    /// Cost of the disruption per calendar day of sick or burn-out leave (replanning, cover,
    /// lost know-how), on top of the salary continuation (`sickPay`), in euros. 200: inside the
    /// published €190–350 per absence day (docs/model.md), near its low end because those
    /// figures include the continued salary, counted here on its own.
    public var absenceDisruptionEurPerDay: Double = 200
    /// The employer's share of the salary during sick or burn-out leave (French legal rule).
    public var sickPay = SickPaySettings()
    /// Paid annual leave, taken in whole weeks on a fixed schedule per technician slot.
    public var annualLeave = AnnualLeaveSettings()
    public var overtime = OvertimeSettings()
    public var stress = StressSettings()
    public var sickLeave = HazardSettings(baseDailyHazard: 0.0020, stressSensitivity: 0.5,
                                          durationDays: try! .lognormal(mean: 19, sd: 20))
    public var burnout = HazardSettings(baseDailyHazard: 0.00006, stressSensitivity: 1.0,
                                        durationDays: try! .lognormal(mean: 110, sd: 80))
    public var resignation = ResignationSettings()
    public var hiring = HiringSettings()

    public init() {}
}
