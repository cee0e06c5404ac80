// The `technicians.resignation` section of a scenario file, read by ScenarioFile/ScenarioReader+Technicians.swift.

/// Resignation: a daily hazard like sick leave, plus a probability of quitting after each abuse
/// incident suffered.
public struct ResignationSettings: Sendable, Hashable {
    public var baseDailyHazard: Double = 0.0003
    public var stressSensitivity: Double = 0.7
    public var quitProbabilityPerAbuse: Double = 0.03

    public init() {}
}
