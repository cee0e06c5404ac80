// The `managers` section of a scenario file, read by ScenarioFile/ScenarioReader+Managers.swift.

/// Account managers and the production manager: staff whom the key client reaches first.
///
/// Why they are modelled: the story's first victims are the account managers, shouted at and
/// powerless, and the production manager who reshuffles the plan in every escalation meeting;
/// leaving them out made a key client's abuse land only on technicians and its meetings cost
/// only money. They are staff like technicians — salary, stress, sick leave, burn-out,
/// resignation and replacement, with the *technicians'* stress decay, backlog pressure, hazard
/// forms and parameters, leave lengths and hiring delay and cost — but do no production work.
/// Their stress rises with the abuse that lands on them, the escalation meetings they sit in,
/// and the backlog (they take the clients' calls about late orders).
public struct ManagerSettings: Sendable, Hashable {
    /// Account managers; the first (while present) handles the key client, then the next.
    public var accountManagers: Int = 2
    /// The production manager: 0 or 1.
    public var productionManagers: Int = 1
    /// Of the key client's abuse incidents, the share that lands on the technician who delivered
    /// the late order; the rest lands on its account manager ("in the end, at an employee").
    public var technicianShareOfAbuse: Double = 0.2
    /// Stress per hour spent in an escalation meeting.
    public var stressPerMeetingHour: Double = 0.05

    public init() {}

    /// Manager slots: account managers first, then the production manager.
    public var count: Int { accountManagers + productionManagers }
}
