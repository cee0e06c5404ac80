import SimulationKernel

/// The figures of one client group that every order reads, flattened into plain numbers.
///
/// Why: `ClientGroup` holds strings, optionals and distributions; reading `groups[g]` per order
/// copied the whole value (reference-count traffic and a memory copy: about a sixth of the
/// time of an order-heavy run, by `perf`). These are copied once per replication instead.
struct GroupTerms {
    var isKey: Bool
    var leadTimeDays: Double
    var priceEurPerHour: Double
    var latePenaltyFraction: Double
    var rushFraction: Double
    var rushLeadTimeDays: Double
    var discount: Double
    var abuseProbabilityPerLateOrder: Double
    var toleranceDays: Double
    var smoothing: Double

    init(_ group: ClientGroup) {
        isKey = group.isKeyClient
        leadTimeDays = group.leadTimeDays
        priceEurPerHour = group.priceEurPerHour
        latePenaltyFraction = group.latePenaltyFraction
        rushFraction = group.keyClient?.rushFraction ?? 0
        rushLeadTimeDays = group.keyClient?.rushLeadTimeDays ?? group.leadTimeDays
        discount = group.keyClient?.discount ?? 0
        abuseProbabilityPerLateOrder = group.keyClient?.abuseProbabilityPerLateOrder ?? 0
        toleranceDays = group.churn.toleranceDays
        smoothing = group.churn.smoothing
    }
}
