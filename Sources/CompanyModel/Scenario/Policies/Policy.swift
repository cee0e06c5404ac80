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
