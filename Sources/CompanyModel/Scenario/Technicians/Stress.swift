// The `technicians.stress` section of a scenario file, read by ScenarioFile/ScenarioReader+Technicians.swift.

/// Stress s ≥ 0, updated at each day end: s ← s·(1 − decay) + increments.
public struct StressSettings: Sendable, Hashable {
    /// Fraction of stress that fades on a day worked (normal shift only).
    public var decayPerWorkday: Double = 0.05
    /// Fraction of stress that fades on a day off (weekend, holiday, leave).
    public var decayPerRestDay: Double = 0.15
    public var perOvertimeHour: Double = 0.04
    public var perRestDayWorked: Double = 0.25
    public var perPreemption: Double = 0.05
    public var perAbuseIncident: Double = 0.4
    /// Added per day per day-of-backlog per present technician above `backlogThresholdDays`.
    public var perBacklogDay: Double = 0.02
    public var backlogThresholdDays: Double = 3
    /// The backlog term counts at most this many days above the threshold: a crushing
    /// backlog weighs on a technician, but not without limit (without a cap, a collapsing
    /// company would push every new hire's stress, and resignation hazard, to infinity).
    public var backlogPressureCapDays: Double = 10

    public init() {}
}
