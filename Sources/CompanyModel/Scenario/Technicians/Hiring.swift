// The `technicians.hiring` section of a scenario file, read by ScenarioFile/ScenarioReader+Technicians.swift.

/// Replacing a technician who resigned.
public struct HiringSettings: Sendable, Hashable {
    public var delayDays: Double = 60
    public var costEur: Double = 6_000
    /// A new hire's productivity starts at `rampStartProductivity` and grows linearly to 1
    /// over `rampDays`.
    public var rampDays: Double = 90
    public var rampStartProductivity: Double = 0.5
    /// A resignation is replaced only if utilisation over the last 8 weeks was at least this
    /// (so a company that lost volume shrinks by attrition).
    public var replaceAboveUtilisation: Double = 0.75

    public init() {}
}
