import SimulationKernel

// The `clients.<group>` section of a scenario file, read by ScenarioFile/ScenarioReader+Clients.swift.

/// A group of similar clients.
public struct ClientGroup: Sendable, Hashable {
    public var count: Int = 30
    public var isKeyClient: Bool = false
    /// Poisson order rate of each client in the group.
    public var ordersPerWeek: Double = 0.6
    /// Work content of one order, in technician-hours; drawn when the order arrives.
    public var workHours: Distribution = try! .lognormal(mean: 12, sd: 8)
    public var priceEurPerHour: Double = 90
    /// Calendar days between arrival and due date.
    public var leadTimeDays: Double = 15
    /// Fraction of the order's value paid back when it is late.
    public var latePenaltyFraction: Double = 0
    public var churn = ChurnSettings()
    /// Present for the key-client group only.
    public var keyClient: KeyClientTraits? = nil

    public init() {}
}
