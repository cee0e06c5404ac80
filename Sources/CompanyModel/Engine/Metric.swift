/// The metrics of one replication, in a fixed order: the CSV columns and the report rows.
///
/// Each has a snake_case name with its unit, and a direction: whether more is better, worse,
/// or neither (for "share of replications in which a policy did better").
public enum Metric: Int, CaseIterable, Sendable, Hashable {
    case profitEur, revenueEur
    case salaryCostEur, overtimeCostEur, absenceCostEur, meetingCostEur, hiringCostEur, materialsCostEur, latePenaltiesEur
    case wipValueEur
    case overtimeHours, restDaysWorked
    case sickLeaveEpisodes, burnoutEpisodes, absenceDays, resignations
    case preemptions, abuseIncidents
    case accountManagerAbuseIncidents, accountManagerMeetingHours, accountManagerMeanStress, accountManagerAbsenceDays
    case accountManagerBurnoutEpisodes, accountManagerResignations, productionManagerMeanStress
    case onTimeRate, meanLatenessDays
    case keyOnTimeRate, otherOnTimeRate, keyMeanLatenessDays, otherMeanLatenessDays
    case keyMeanWaitHours, otherMeanWaitHours, keyMeanFlowHours, otherMeanFlowHours
    case clientsLost, clientsGained, activeClientsEnd, keyClientLost, keyClientPresent, keyRevenueShare
    case meanBacklogOrders, throughputOrders, meanStress, events

    public enum Direction: Sendable { case higherIsBetter, lowerIsBetter, neutral }

    public var name: String {
        switch self {
        case .profitEur: "profit_eur"
        case .revenueEur: "revenue_eur"
        case .salaryCostEur: "salary_cost_eur"
        case .overtimeCostEur: "overtime_cost_eur"
        case .absenceCostEur: "absence_cost_eur"
        case .meetingCostEur: "meeting_cost_eur"
        case .hiringCostEur: "hiring_cost_eur"
        case .materialsCostEur: "materials_cost_eur"
        case .latePenaltiesEur: "late_penalties_eur"
        case .wipValueEur: "wip_value_eur"
        case .overtimeHours: "overtime_hours"
        case .restDaysWorked: "rest_days_worked"
        case .sickLeaveEpisodes: "sick_leave_episodes"
        case .burnoutEpisodes: "burnout_episodes"
        case .absenceDays: "absence_days"
        case .resignations: "resignations"
        case .preemptions: "preemptions"
        case .abuseIncidents: "abuse_incidents"
        case .accountManagerAbuseIncidents: "account_manager_abuse_incidents"
        case .accountManagerMeetingHours: "account_manager_meeting_hours"
        case .accountManagerMeanStress: "account_manager_mean_stress"
        case .accountManagerAbsenceDays: "account_manager_absence_days"
        case .accountManagerBurnoutEpisodes: "account_manager_burnout_episodes"
        case .accountManagerResignations: "account_manager_resignations"
        case .productionManagerMeanStress: "production_manager_mean_stress"
        case .onTimeRate: "on_time_rate"
        case .meanLatenessDays: "mean_lateness_days"
        case .keyOnTimeRate: "key_on_time_rate"
        case .otherOnTimeRate: "other_on_time_rate"
        case .keyMeanLatenessDays: "key_mean_lateness_days"
        case .otherMeanLatenessDays: "other_mean_lateness_days"
        case .keyMeanWaitHours: "key_mean_wait_hours"
        case .otherMeanWaitHours: "other_mean_wait_hours"
        case .keyMeanFlowHours: "key_mean_flow_hours"
        case .otherMeanFlowHours: "other_mean_flow_hours"
        case .clientsLost: "clients_lost"
        case .clientsGained: "clients_gained"
        case .activeClientsEnd: "active_clients_end"
        case .keyClientLost: "key_client_lost"
        case .keyClientPresent: "key_client_present"
        case .keyRevenueShare: "key_revenue_share"
        case .meanBacklogOrders: "mean_backlog_orders"
        case .throughputOrders: "throughput_orders"
        case .meanStress: "mean_stress"
        case .events: "events"
        }
    }

    /// The metrics a manager reads: all but `events` (the simulator's own count of work,
    /// kept in the files for performance work, left out of the reports' tables).
    public static var businessCases: [Metric] { allCases.filter { $0 != .events } }

    /// Whether the metric is a share or a probability (0–1): its differences read in
    /// percentage points, not as a bare fraction.
    public var isShare: Bool {
        name.hasSuffix("_rate") || name.hasSuffix("_share") || self == .keyClientLost || self == .keyClientPresent
    }

    /// Whether the metric is an amount of money (its name ends in `_eur`): the downside
    /// figures with intervals (`DownsideRisk`) are reported for these.
    public var isMoney: Bool { name.hasSuffix("_eur") }

    public var direction: Direction {
        switch self {
        case .profitEur, .revenueEur, .wipValueEur, .onTimeRate, .keyOnTimeRate, .otherOnTimeRate, .throughputOrders,
             .clientsGained, .activeClientsEnd: .higherIsBetter
        case .keyRevenueShare, .keyClientPresent, .events: .neutral
        default: .lowerIsBetter
        }
    }

    /// One line for humans (docs, reports).
    public var summary: String {
        switch self {
        case .profitEur: "revenue − all costs over the measurement window (cash: work in progress excluded, see wip_value_eur)"
        case .revenueEur: "revenue of orders delivered in the window, after late penalties"
        case .salaryCostEur: "contract hours of technicians present or on annual leave × hourly cost, plus the structural premium"
        case .overtimeCostEur: "overtime hours × hourly cost × (1 + premiums)"
        case .absenceCostEur: "calendar days of absence × absence cost per day"
        case .meetingCostEur: "manager hours in coordination meetings × manager hourly cost"
        case .hiringCostEur: "hiring cost of replacements and extra technicians"
        case .materialsCostEur: "materials fraction × order price"
        case .latePenaltiesEur: "late penalties refunded to clients"
        case .wipValueEur: "open orders at the horizon: price × share of their work done (not in profit)"
        case .overtimeHours: "hours worked beyond shifts, all technicians"
        case .restDaysWorked: "weekend and holiday shifts worked (technician-days)"
        case .sickLeaveEpisodes: "ordinary sick leaves started"
        case .burnoutEpisodes: "burn-out (long) leaves started"
        case .absenceDays: "calendar days of leave, all technicians"
        case .resignations: "technicians who resigned"
        case .preemptions: "regular orders interrupted by key-client orders"
        case .abuseIncidents: "abuse incidents against staff (technicians and managers) after late key-client orders"
        case .accountManagerAbuseIncidents: "abuse incidents that landed on an account manager"
        case .accountManagerMeetingHours: "account managers' hours in escalation meetings"
        case .accountManagerMeanStress: "mean stress of employed account managers at day ends (empty if none)"
        case .accountManagerAbsenceDays: "calendar days of leave, account managers"
        case .accountManagerBurnoutEpisodes: "burn-out (long) leaves started by account managers"
        case .accountManagerResignations: "account managers who resigned"
        case .productionManagerMeanStress: "the production manager's mean stress at day ends (empty if none)"
        case .onTimeRate: "share of deliveries on or before the due date (empty if none)"
        case .meanLatenessDays: "mean days late per delivery, on-time ones counting 0 (empty if none)"
        case .keyOnTimeRate: "key client: share of deliveries on or before the due date (empty if none)"
        case .otherOnTimeRate: "other clients: share of deliveries on or before the due date (empty if none)"
        case .keyMeanLatenessDays: "key client: mean days late per delivery, on-time ones counting 0 (empty if none)"
        case .otherMeanLatenessDays: "other clients: mean days late per delivery, on-time ones counting 0 (empty if none)"
        case .keyMeanWaitHours: "key client: mean hours from arrival to first work (empty if none)"
        case .otherMeanWaitHours: "other clients: mean hours from arrival to first work (empty if none)"
        case .keyMeanFlowHours: "key client: mean hours from arrival to delivery (empty if none)"
        case .otherMeanFlowHours: "other clients: mean hours from arrival to delivery (empty if none)"
        case .clientsLost: "clients that churned (key client included)"
        case .clientsGained: "new clients who joined"
        case .activeClientsEnd: "clients still active at the horizon (key client included)"
        case .keyClientLost: "1 if the key client left, else 0"
        case .keyClientPresent: "1 if the key client was still a client on the decision day, else 0"
        case .keyRevenueShare: "key client's share of revenue (empty if no revenue)"
        case .meanBacklogOrders: "time-average number of orders in the system"
        case .throughputOrders: "orders delivered"
        case .meanStress: "mean stress of employed technicians at day ends"
        case .events: "events processed in the whole replication (warm-up included)"
        }
    }
}

/// The result of one replication: a value per metric (NaN where undefined) and a status.
public struct ReplicationResult: Sendable, Hashable {
    public enum Status: String, Sendable, Hashable {
        case ok
        /// Stopped early: the backlog exceeded `simulation.maxBacklogOrders`.
        case runaway
    }

    public var values: [Double]
    public var status: Status
    /// Weekly series, filled only when requested.
    public var weeks: [WeeklyRecord]
    /// The key client's response outcome of this run: its index among the studied policy's
    /// possible outcomes (`CompanySimulation.outcomes`); it changed nothing if the client was
    /// gone by the decision day (`key_client_present` 0). Nil when the policy's terms are the
    /// baseline's, so there is no response.
    public var outcome: Int?

    public init(values: [Double], status: Status, weeks: [WeeklyRecord] = [], outcome: Int? = nil) {
        self.values = values
        self.status = status
        self.weeks = weeks
        self.outcome = outcome
    }

    public subscript(metric: Metric) -> Double { values[metric.rawValue] }
}

/// One week of a replication, for `timeseries.csv`.
public struct WeeklyRecord: Sendable, Hashable {
    public var week: Int
    public var backlogOrders: Double
    public var overtimeHours: Double
    public var absentTechnicians: Double
    public var activeClients: Double
    public var revenueEur: Double
    public var meanStress: Double

    public init(week: Int, backlogOrders: Double, overtimeHours: Double, absentTechnicians: Double, activeClients: Double,
                revenueEur: Double, meanStress: Double) {
        self.week = week
        self.backlogOrders = backlogOrders
        self.overtimeHours = overtimeHours
        self.absentTechnicians = absentTechnicians
        self.activeClients = activeClients
        self.revenueEur = revenueEur
        self.meanStress = meanStress
    }
}
