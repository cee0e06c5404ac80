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

extension ClientGroup {
    /// A key-client group that writes nothing but `isKeyClient: true`: `ClientGroup()` with one
    /// client (the key client is one client) and `KeyClientTraits()`.
    public static var keyClientDefaults: ClientGroup {
        var group = ClientGroup()
        group.isKeyClient = true
        group.count = 1
        group.keyClient = KeyClientTraits()
        return group
    }

    /// What a scenario file without `clients` gets: the canonical company with one big client.
    /// `key`: ``keyClientDefaults`` ordering 12 orders a week (of the default work content),
    /// due in 10 days, with a 3 % late penalty. `regular`: `ClientGroup()` (30 clients).
    public static var defaultGroups: [String: ClientGroup] {
        var key = keyClientDefaults
        key.ordersPerWeek = 12
        key.leadTimeDays = 10
        key.latePenaltyFraction = 0.03
        return ["key": key, "regular": ClientGroup()]
    }
}
