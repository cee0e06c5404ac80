import SimulationKernel

// The `technicians.sickLeave` and `technicians.burnout` sections of a scenario file, read by
// ScenarioFile/ScenarioReader+Technicians.swift.

/// A daily hazard `1 − exp(−baseDailyHazard · exp(stressSensitivity · s))` and, for leaves,
/// the duration of the episode in calendar days.
public struct HazardSettings: Sendable, Hashable {
    public var baseDailyHazard: Double
    public var stressSensitivity: Double
    public var durationDays: Distribution

    public init(baseDailyHazard: Double, stressSensitivity: Double, durationDays: Distribution) {
        self.baseDailyHazard = baseDailyHazard
        self.stressSensitivity = stressSensitivity
        self.durationDays = durationDays
    }
}
