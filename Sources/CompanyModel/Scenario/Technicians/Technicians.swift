// The `technicians` section of a scenario file, read by ScenarioFile/ScenarioReader+Technicians.swift.

/// Technicians: head count, pay, overtime rules, stress and its consequences, hiring.
public struct TechnicianSettings: Sendable, Hashable {
    public var count: Int = 12
    /// Employer's cost of one paid hour (salary plus charges), in euros.
    public var hourlyCostEur: Double = 40
    /// Cost per calendar day of absence on top of continued salary (replacement, disruption).
    public var absenceCostEurPerDay: Double = 250
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
