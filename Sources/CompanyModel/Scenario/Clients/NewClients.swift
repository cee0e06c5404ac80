// The `newClients` section of a scenario file, read by ScenarioFile/ScenarioReader+Clients.swift.

/// New clients join the first non-key group at `baseRatePerMonth × (on-time rate over the
/// last `onTimeWindowDays` days)^onTimeExponent`.
public struct NewClientSettings: Sendable, Hashable {
    public var baseRatePerMonth: Double = 0.45
    public var onTimeExponent: Double = 2
    public var onTimeWindowDays: Double = 90
    /// The group new clients join; `nil` = the first non-key group by name.
    public var joinGroup: String? = nil

    public init() {}
}
