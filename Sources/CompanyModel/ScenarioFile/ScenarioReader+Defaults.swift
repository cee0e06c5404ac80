import SimulationKernel

/// What a scenario file gets when it leaves out `clients` or `policies` entirely: the canonical
/// study of a company with one big client, indulged or held to its terms.
extension ScenarioReader {
    /// `key`: the big client — one client, 12 orders a week of lognormal(12, 8) hours, due in
    /// 10 days, 3 % late penalty, `KeyClientTraits()`. `regular`: `ClientGroup()` (30 clients).
    public static var defaultClientGroups: [String: ClientGroup] {
        var key = ClientGroup()
        key.count = 1
        key.isKeyClient = true
        key.ordersPerWeek = 12
        key.workHours = try! .lognormal(mean: 12, sd: 8)
        key.leadTimeDays = 10
        key.latePenaltyFraction = 0.03
        key.keyClient = KeyClientTraits()
        return ["key": key, "regular": ClientGroup()]
    }

    /// `indulge` (the status quo): preemptive priority for the key client, FIFO, rush orders
    /// accepted, overtime when a key order is at risk (rest days included), 2 manager hours and
    /// 0.5 technician hours of meetings per escalation. `standard`: no priority, earliest due
    /// date, no rush, overtime on backlog, evenings only, standard terms enforced.
    public static var defaultPolicies: [String: Policy] {
        var indulge = Policy()
        indulge.keyPriority = .preemptive
        indulge.discipline = .fifo
        indulge.acceptRush = true
        indulge.overtimeTrigger = .keyAtRisk
        indulge.restDayOvertime = true
        indulge.meetingManagerHours = 2
        indulge.meetingTechnicianHours = 0.5

        var standard = Policy()
        standard.keyPriority = .none
        standard.discipline = .edd
        standard.acceptRush = false
        standard.overtimeTrigger = .backlog
        standard.restDayOvertime = false
        standard.enforceStandardTerms = true
        return ["indulge": indulge, "standard": standard]
    }

    /// The baseline among ``defaultPolicies``.
    public static let defaultBaseline = "indulge"
}
