import SimulationKernel

/// What a firm's order log says about its clients, group by group: how many clients, how often
/// they order (with an exact interval and a check that arrivals look Poisson), how much work an
/// order is (the model's families fitted and ranked), the lead times promised, and how punctual
/// the firm has been. `bigclient fit` prints it and writes it as a scenario fragment.
///
/// Why by group: the scenario's clients come in groups with one order rate per client and one
/// work-content distribution each; the key client is a group of one.
public struct OrderLogAnalysis: Sendable {
    public struct Group: Sendable {
        public var name: String
        public var clients: Int
        public var orders: Int
        /// Orders per week per client, with Garwood's exact interval (`PoissonRate`).
        public var perClientPerWeek: (rate: Double, lower: Double, upper: Double)
        /// Dispersion of the group's weekly order counts; nil with fewer than 2 weeks.
        public var dispersion: DispersionTest?
        /// Share of orders received 08:00–18:00 Monday to Friday (nil without times of day).
        public var officeHoursShare: Double?
        public var workHours: FitRanking
        /// Bootstrap goodness of fit of the best-ranked family (nil if none could be fitted).
        public var bestFitTest: GoodnessOfFit?
        /// Median promised lead time (due − received), days; NaN without due dates.
        public var medianLeadTimeDays: Double
        public var rushShare: Double
        public var rushMedianLeadTimeDays: Double
        /// Among delivered orders with a due date: share on time, mean days late of the late ones.
        public var onTimeRate: Double
        public var meanDaysLate: Double
        /// Share of the log's work hours.
        public var workShare: Double
        /// Share of the log's revenue, when it has a `price_eur` column (the amount billed per
        /// order); NaN otherwise.
        public var revenueShare: Double
    }

    public var groups: [Group]
    public var firstDay: CivilDate
    public var lastDay: CivilDate
    /// Weeks observed: (last day − first day + 1) / 7.
    public var weeks: Double
    public var orders: Int

    /// `groupBy`: the column whose value names a row's group (`group` by default, or an extra
    /// column such as `segment`); rows without one fall in the group "all". `clientGroups`
    /// (client → group, from `--groups`) overrides both; clients it does not list fall in
    /// "unassigned".
    public init(_ log: OrderLog, groupBy: String? = nil, clientGroups: [String: String]? = nil,
                resamples: Int = GoodnessOfFit.defaultResamples, confidence: Double = 0.95) {
        let rows = log.rows
        let first = rows.map(\.received).min()!.date, last = rows.map(\.received).max()!.date
        firstDay = first
        lastDay = last
        weeks = Double(last.daysSinceEpoch - first.daysSinceEpoch + 1) / 7
        orders = rows.count
        func key(_ row: OrderLog.Row) -> String {
            if let clientGroups { return clientGroups[row.client] ?? "unassigned" }
            if let column = groupBy?.lowercased(), column != "group" { return row.extra[column].flatMap { $0.isEmpty ? nil : $0 } ?? "all" }
            return row.group.flatMap { $0.isEmpty ? nil : $0 } ?? "all"
        }
        let totalWork = rows.reduce(0) { $0 + $1.workHours }
        func price(_ row: OrderLog.Row) -> Double? { row.extra["price_eur"].flatMap(Double.init) }
        let totalRevenue = rows.compactMap(price).reduce(0, +)
        var byGroup: [String: [OrderLog.Row]] = [:]
        for row in rows { byGroup[key(row), default: []].append(row) }
        let weeks = self.weeks
        groups = byGroup.keys.sorted().map { name in
            let members = byGroup[name]!
            let clients = Set(members.map(\.client)).count
            let rate = PoissonRate(events: members.count, weeks: weeks, confidence: confidence)
            var counts = [Int](repeating: 0, count: max(1, Int((weeks).rounded(.up))))
            for row in members {
                let w = min(counts.count - 1, (row.received.date.daysSinceEpoch - first.daysSinceEpoch) / 7)
                counts[w] += 1
            }
            let timed = members.filter(\.received.hasTimeOfDay)
            let office = timed.filter { row in
                let hour = Double(row.received.secondOfDay) / 3600
                return row.received.date.weekday < 5 && hour >= 8 && hour < 18
            }
            let work = members.map(\.workHours).filter { $0 > 0 }
            let ranking = FitRanking(work)
            let test = ranking.entries.first.map { GoodnessOfFit.test($0.fit, sample: work, resamples: resamples) }
            let leads = members.compactMap(\.promisedHours).map { $0 / 24 }
            let rushLeads = members.filter(\.rush).compactMap(\.promisedHours).map { $0 / 24 }
            let judged = members.filter { $0.delivered != nil && $0.due != nil }
            let late = judged.filter { $0.onTime == false }
            let daysLate = late.map { $0.delivered!.hours(since: $0.due!) / 24 }
            return Group(name: name, clients: clients, orders: members.count,
                         perClientPerWeek: (rate.perWeek / Double(clients), rate.lower / Double(clients), rate.upper / Double(clients)),
                         dispersion: counts.count >= 2 ? DispersionTest(weeklyCounts: counts) : nil,
                         officeHoursShare: timed.count * 2 >= members.count ? Double(office.count) / Double(max(timed.count, 1)) : nil,
                         workHours: ranking, bestFitTest: test,
                         medianLeadTimeDays: percentile(leads, 0.5),
                         rushShare: Double(members.filter(\.rush).count) / Double(members.count),
                         rushMedianLeadTimeDays: percentile(rushLeads, 0.5),
                         onTimeRate: judged.isEmpty ? .nan : Double(judged.count - late.count) / Double(judged.count),
                         meanDaysLate: daysLate.isEmpty ? 0 : daysLate.reduce(0, +) / Double(daysLate.count),
                         workShare: totalWork > 0 ? members.reduce(0) { $0 + $1.workHours } / totalWork : .nan,
                         revenueShare: totalRevenue > 0 ? members.compactMap(price).reduce(0, +) / totalRevenue : .nan)
        }
    }
}

/// What a firm's absence log says about sick leave and long (burn-out) leave: frequency per
/// person-year with Garwood's interval, and durations with leaves still running at the end
/// counted as right-censored (Kaplan–Meier), plus a lognormal fitted to the completed ones.
public struct AbsenceLogAnalysis: Sendable {
    public struct Kind: Sendable {
        public var kind: AbsenceLog.Kind
        public var leaves: Int
        public var censored: Int
        public var perPersonYear: (rate: Double, lower: Double, upper: Double)
        public var survival: KaplanMeier?
        public var durationFit: DistributionFit?
    }

    public var people: Int
    public var personYears: Double
    public var kinds: [Kind]

    /// `people` and the observation period `days` come from the caller (the order log's span
    /// when there is one): the log lists leaves, not who was employed and never absent.
    public init(_ log: AbsenceLog, people: Int, days: Double, confidence: Double = 0.95) {
        self.people = people
        personYears = Double(people) * days / 365
        let exposure = personYears
        kinds = AbsenceLog.Kind.allCases.map { kind in
            let rows = log.rows.filter { $0.kind == kind }
            let rate = PoissonRate(events: rows.count, weeks: max(exposure, 1e-9), confidence: confidence)
            let durations = rows.compactMap { row in row.durationDays.map { CensoredDuration($0, censored: row.isCensored) } }
            let completed = durations.filter { !$0.censored }.map(\.duration)
            return Kind(kind: kind, leaves: rows.count, censored: rows.filter(\.isCensored).count,
                        perPersonYear: (rate.perWeek, rate.lower, rate.upper),
                        survival: durations.isEmpty ? nil : KaplanMeier(durations, confidence: confidence),
                        durationFit: try? FittedFamily.lognormal.fit(completed))
        }
    }
}
