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

    /// What the key client is promised and pays (its discount, priority, rush service, meetings).
    public var keyClientTerms = KeyClientTerms()
    /// How the key client responds on the decision day when `keyClientTerms` differ from the baseline's
    /// (required then, refused on the baseline; see `KeyClientResponse`).
    public var response: KeyClientResponse?
    public var discipline: Discipline = .fifo
    /// Hours lost when a technician switches to a preempting order.
    public var switchPenaltyHours: Double = 1
    public var overtimeTrigger: OvertimeTrigger = .never
    public var riskWindowDays: Double = 2
    public var backlogThresholdDays: Double = 5
    /// Whether overtime may include weekend and holiday shifts (else evenings only).
    public var restDayOvertime: Bool = false
    /// Technicians on top of `technicians.count`. A studied policy with more than the baseline
    /// hires the difference on the decision day; with fewer, lets the difference go then.
    public var extraTechnicians: Int = 0

    public init() {}
}

extension Policy {
    /// The status quo of the canonical study: the key client's privileges (preemptive priority,
    /// rush orders accepted, 15 % discount, meetings on demand), FIFO, overtime when a key order
    /// is at risk (rest days included).
    public static var indulge: Policy {
        var policy = Policy()
        policy.keyClientTerms = .privileged
        policy.discipline = .fifo
        policy.overtimeTrigger = .keyAtRisk
        policy.restDayOvertime = true
        return policy
    }

    /// The alternative of the canonical study: the standard terms (no priority, no rush, no
    /// discount, no meetings), earliest due date, overtime on backlog, evenings only; the key
    /// client leaves with probability 0.35, else stays with 15 % less volume and abuse × 0.3.
    public static var standard: Policy {
        var policy = Policy()
        policy.keyClientTerms = .standard
        policy.discipline = .edd
        policy.overtimeTrigger = .backlog
        policy.restDayOvertime = false
        policy.response = .defaultForStandardTerms
        return policy
    }

    /// What a scenario file without `policies` gets: ``indulge`` and ``standard``.
    public static var defaultPolicies: [String: Policy] { ["indulge": indulge, "standard": standard] }

    /// The baseline of a file that names several policies but no `baseline`, if it has this one
    /// (the status quo among ``defaultPolicies``).
    public static let defaultBaseline = "indulge"
}

extension KeyClientResponse {
    /// The response of the canonical study to the standard terms: leaves 0.35 (no published
    /// figure: the key slider), reduces its volume to 0.85 with abuse × 0.3 otherwise (judgement).
    public static var defaultForStandardTerms: KeyClientResponse {
        var stays = KeyClientOutcome(kind: .reducesVolume, probability: 0.65)
        stays.volumeFactor = 0.85
        stays.abuseFactor = 0.3
        return KeyClientResponse(outcomes: [KeyClientOutcome(kind: .leaves, probability: 0.35), stays])
    }
}
