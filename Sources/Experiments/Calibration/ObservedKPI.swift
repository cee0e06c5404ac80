import CompanyModel

/// A key performance indicator a firm can observe over a period, and how the model's
/// replication gives it: the figure `bigclient calibrate` sets beside the observation.
///
/// Why these: they are what a manager can count from the firm's own books and logs over a
/// year or a quarter (punctuality per class, overtime paid, absence days, leavers, lost
/// clients), and together they test the model's status quo on every mechanism the decision
/// rests on (queueing, overtime, stress and absence, turnover, churn). Rates per year and
/// per technician-year let a period of any length be compared; shares are fractions (0–1).
public struct ObservedKPI: Sendable, Hashable {
    public var name: String
    public var unit: String
    /// The figure from one replication over a measured window of `windowDays` days, for a
    /// company of `technicians` (the scenario's head count).
    let value: @Sendable (_ result: ReplicationResult, _ windowDays: Double, _ technicians: Double) -> Double

    public static func == (a: ObservedKPI, b: ObservedKPI) -> Bool { a.name == b.name }
    public func hash(into hasher: inout Hasher) { hasher.combine(name) }

    public func value(of result: ReplicationResult, windowDays: Double, technicians: Int) -> Double {
        value(result, windowDays, Double(technicians))
    }

    static func share(_ metric: Metric) -> ObservedKPI {
        ObservedKPI(name: metric.name, unit: "fraction 0–1") { r, _, _ in r[metric] }
    }

    static func perYear(_ name: String, _ metric: Metric, unit: String) -> ObservedKPI {
        ObservedKPI(name: name, unit: unit) { r, days, _ in r[metric] * 365 / days }
    }

    static func perTechnicianYear(_ name: String, _ metric: Metric, unit: String) -> ObservedKPI {
        ObservedKPI(name: name, unit: unit) { r, days, technicians in r[metric] * 365 / days / technicians }
    }

    /// Every KPI `calibrate` reads, by the name a KPI file uses.
    public static let all: [ObservedKPI] = [
        share(.onTimeRate), share(.keyOnTimeRate), share(.otherOnTimeRate),
        perYear("overtime_hours_per_year", .overtimeHours, unit: "h/year, all technicians"),
        perTechnicianYear("absence_days_per_technician_year", .absenceDays, unit: "calendar days of sick or burn-out leave per technician a year"),
        perTechnicianYear("sick_leaves_per_technician_year", .sickLeaveEpisodes, unit: "sick leaves per technician a year"),
        perYear("resignations_per_year", .resignations, unit: "technicians/year"),
        perYear("clients_lost_per_year", .clientsLost, unit: "clients/year"),
        perYear("clients_gained_per_year", .clientsGained, unit: "clients/year"),
    ]

    public static func named(_ name: String) -> ObservedKPI? { all.first { $0.name == name } }
}
