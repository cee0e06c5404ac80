// The `money` section of a scenario file, read by ScenarioFile/ScenarioReader.swift.

/// Money not tied to technicians.
public struct MoneySettings: Sendable, Hashable {
    /// Materials and other direct costs, as a fraction of an order's price.
    public var materialsFraction: Double = 0.18
    public var managerHourlyCostEur: Double = 70
    /// Fixed overheads (rent, management, vehicles, IT, insurance), in euros per month, charged
    /// over the measurement window pro rata; the same in every policy. 0 in the code: a
    /// firm-specific figure, to be set in each scenario.
    public var overheadsEurPerMonth: Double = 0

    public init() {}
}
