// The `clients.<group>.churn` section of a scenario file, read by ScenarioFile/ScenarioReader+Clients.swift.

/// Satisfaction s ∈ [0, 1] is updated at each delivery: s ← (1 − smoothing)·s + smoothing·x,
/// x = 1 on time, exp(−days late / toleranceDays) when late; and at each week end once per
/// open order already overdue, x = exp(−days overdue so far / toleranceDays) (so overdue
/// work hurts while it waits). Monthly churn probability =
/// baseMonthly + sensitivity · (1 − s)^exponent.
public struct ChurnSettings: Sendable, Hashable {
    public var baseMonthly: Double = 0.0135
    public var sensitivity: Double = 0.1
    public var exponent: Double = 1.5
    public var toleranceDays: Double = 7
    public var smoothing: Double = 0.2

    public init() {}
}
