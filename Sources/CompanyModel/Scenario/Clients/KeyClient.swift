// The `clients.<group>.keyClient` section of a scenario file, read by ScenarioFile/ScenarioReader+Clients.swift.

/// What makes the key client special.
public struct KeyClientTraits: Sendable, Hashable {
    /// Fraction of its orders placed as rush orders (when the policy accepts them).
    public var rushFraction: Double = 0.25
    public var rushLeadTimeDays: Double = 3
    /// Price discount on its orders, a fraction of the price.
    public var discount: Double = 0.15
    /// Probability that a late key-client order leads to an abuse incident against the
    /// technician who delivered it.
    public var abuseProbabilityPerLateOrder: Double = 0.3
    public var onEnforcement = EnforcementReaction()

    public init() {}
}

/// The key client's reaction, once, on the decision day, when the policy enforces standard terms.
public struct EnforcementReaction: Sendable, Hashable {
    /// Probability that it carries out its threat and leaves (a slider: no published figure).
    public var leaveProbability: Double = 0.35
    /// If it stays: multiplier on its order rate.
    public var volumeFactor: Double = 0.85
    /// If it stays: multiplier on its abuse probability.
    public var abuseFactor: Double = 0.3

    public init() {}
}
