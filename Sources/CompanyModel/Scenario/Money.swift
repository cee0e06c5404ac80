// The `money` section of a scenario file, read by ScenarioFile/ScenarioReader.swift.

/// Money not tied to technicians.
public struct MoneySettings: Sendable, Hashable {
    /// Materials and other direct costs, as a fraction of an order's price.
    public var materialsFraction: Double = 0.25
    public var managerHourlyCostEur: Double = 70

    public init() {}
}
