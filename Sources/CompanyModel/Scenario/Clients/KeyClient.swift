// The `clients.<group>.keyClient` section of a scenario file, read by ScenarioFile/ScenarioReader+Clients.swift.

/// What makes the key client special: how it orders and how it behaves. What it is promised
/// (its discount, priority, rush service) are the policies' `KeyClientTerms`, and how it
/// responds to a change of them is each policy's `KeyClientResponse`.
public struct KeyClientTraits: Sendable, Hashable {
    /// Fraction of its orders placed as rush orders (accepted as rush when the terms say so).
    public var rushFraction: Double = 0.25
    public var rushLeadTimeDays: Double = 3
    /// Probability that a late key-client order leads to an abuse incident against the
    /// technician who delivered it.
    public var abuseProbabilityPerLateOrder: Double = 0.3

    public init() {}
}
