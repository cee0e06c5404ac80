import SimulationKernel

/// The figures of one client group that every order reads, flattened into plain numbers.
///
/// Why: `ClientGroup` holds strings, optionals and distributions; reading `groups[g]` per order
/// copied the whole value (reference-count traffic and a memory copy: about a sixth of the
/// time of an order-heavy run, by `perf`). These are copied once per replication instead.
struct GroupTerms {
    var leadTimeDays: Double
    var priceEurPerHour: Double
    var latePenaltyFraction: Double
    var rushFraction: Double
    var rushLeadTimeDays: Double
    var abuseProbabilityPerLateOrder: Double
    var toleranceDays: Double
    var smoothing: Double
    /// Whether an order's rush, abuse and quit draws can change anything: only for the key
    /// client with rush orders or abuse. The client's attribute stream serves nothing else, so
    /// skipping all three draws where none can matter gives the same results, faster (the
    /// textbook reductions of `scenarios/validation/` and the benchmark pay only for arrivals
    /// and work, as a plain queueing program would).
    var drawsAttributes: Bool

    init(_ group: ClientGroup) {
        leadTimeDays = group.leadTimeDays
        priceEurPerHour = group.priceEurPerHour
        latePenaltyFraction = group.latePenaltyFraction
        rushFraction = group.keyClient?.rushFraction ?? 0
        rushLeadTimeDays = group.keyClient?.rushLeadTimeDays ?? group.leadTimeDays
        abuseProbabilityPerLateOrder = group.keyClient?.abuseProbabilityPerLateOrder ?? 0
        toleranceDays = group.churn.toleranceDays
        smoothing = group.churn.smoothing
        drawsAttributes = group.isKeyClient && (rushFraction > 0 || abuseProbabilityPerLateOrder > 0)
    }
}
