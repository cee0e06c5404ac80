// The `policies.<policy>` section of a scenario file, read by ScenarioFile/ScenarioReader+Policies.swift.

/// A named set of management decisions, compared against the baseline.
public struct Policy: Sendable, Hashable {
    public enum KeyPriority: String, Sendable, Hashable, CaseIterable {
        /// Key-client orders queue with everyone else's.
        case none
        /// Key-client orders are served first; work in progress is not interrupted.
        case priority
        /// Key-client orders interrupt regular work in progress (preemptive resume).
        case preemptive
    }

    public enum Discipline: String, Sendable, Hashable, CaseIterable {
        /// First come, first served.
        case fifo
        /// Earliest due date first.
        case edd
    }

    public enum OvertimeTrigger: String, Sendable, Hashable, CaseIterable {
        case never
        /// A key-client order due within `riskWindowDays` is not finished.
        case keyAtRisk
        /// Waiting work exceeds `backlogThresholdDays` days of the present technicians' shifts.
        case backlog
    }

    public var keyPriority: KeyPriority = .none
    public var discipline: Discipline = .fifo
    /// Hours lost when a technician switches to a preempting order.
    public var switchPenaltyHours: Double = 1
    /// Whether the key client's rush orders are accepted as rush (short lead time). If not,
    /// they arrive as ordinary orders with the standard lead time.
    public var acceptRush: Bool = true
    /// Price surcharge on rush orders, a fraction of the price.
    public var rushSurcharge: Double = 0
    public var overtimeTrigger: OvertimeTrigger = .never
    public var riskWindowDays: Double = 2
    public var backlogThresholdDays: Double = 5
    /// Whether overtime may include weekend and holiday shifts (else evenings only).
    public var restDayOvertime: Bool = false
    public var extraTechnicians: Int = 0
    /// Enforce the standard terms: triggers the key client's decision on the decision day,
    /// ends rush orders and its discount.
    public var enforceStandardTerms: Bool = false
    /// Manager hours of coordination meetings per key-client rush order or late order.
    public var meetingManagerHours: Double = 0
    /// Technician hours per escalation, added to the order's work.
    public var meetingTechnicianHours: Double = 0

    public init() {}
}

extension Policy {
    /// The status quo of the canonical study: preemptive priority for the key client, FIFO,
    /// rush orders accepted, overtime when a key order is at risk (rest days included), 2
    /// manager hours and 0.5 technician hours of meetings per escalation.
    public static var indulge: Policy {
        var policy = Policy()
        policy.keyPriority = .preemptive
        policy.discipline = .fifo
        policy.acceptRush = true
        policy.overtimeTrigger = .keyAtRisk
        policy.restDayOvertime = true
        policy.meetingManagerHours = 2
        policy.meetingTechnicianHours = 0.5
        return policy
    }

    /// The alternative of the canonical study: no priority, earliest due date, no rush,
    /// overtime on backlog, evenings only, standard terms enforced.
    public static var standard: Policy {
        var policy = Policy()
        policy.keyPriority = .none
        policy.discipline = .edd
        policy.acceptRush = false
        policy.overtimeTrigger = .backlog
        policy.restDayOvertime = false
        policy.enforceStandardTerms = true
        return policy
    }

    /// What a scenario file without `policies` gets: ``indulge`` and ``standard``.
    public static var defaultPolicies: [String: Policy] { ["indulge": indulge, "standard": standard] }

    /// The baseline of a file that names several policies but no `baseline`, if it has this one
    /// (the status quo among ``defaultPolicies``).
    public static let defaultBaseline = "indulge"
}
