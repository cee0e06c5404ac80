import SimulationKernel

/// Everything one what-if study needs: the company, its clients, the policies to compare, and
/// how to simulate them. Read from a JSON5 file by `ScenarioReader`; every field has a default
/// (`Scenario.defaults` documents them), so a short file is a valid scenario.
///
/// Units live in the names: `…Hours`, `…Days`, `…Eur`, `…PerWeek`; fractions are in [0, 1].
/// The JSON field paths are the Swift property paths (`technicians.count`,
/// `clients.key.ordersPerWeek`, `policies.standard.keyPriority`).
public struct Scenario: Sendable, Hashable {
    /// Short name; results go to `results/<name>/`.
    public var name: String
    /// One paragraph for humans.
    public var description: String
    public var simulation: SimulationSettings
    public var calendar: CalendarSettings
    public var technicians: TechnicianSettings
    /// Client groups by name (sorted by name wherever order matters, for determinism).
    /// Exactly one group has `isKeyClient == true`.
    public var clients: [String: ClientGroup]
    public var newClients: NewClientSettings
    public var money: MoneySettings
    /// Policies by name; `baseline` names the status quo.
    public var policies: [String: Policy]
    public var baseline: String

    public init(name: String, description: String, simulation: SimulationSettings, calendar: CalendarSettings,
                technicians: TechnicianSettings, clients: [String: ClientGroup], newClients: NewClientSettings,
                money: MoneySettings, policies: [String: Policy], baseline: String) {
        self.name = name
        self.description = description
        self.simulation = simulation
        self.calendar = calendar
        self.technicians = technicians
        self.clients = clients
        self.newClients = newClients
        self.money = money
        self.policies = policies
        self.baseline = baseline
    }

    /// Group names in a fixed order (sorted), for stream ids, reports and CSV columns.
    public var clientGroupNames: [String] { clients.keys.sorted() }
    /// The group new clients join: `newClients.joinGroup`, or else the first group (by name)
    /// that is not the key client; `nil` when there is none.
    public var joiningGroupName: String? {
        if let name = newClients.joinGroup { return name }
        return clientGroupNames.first { clients[$0]?.isKeyClient == false }
    }
    /// Policy names: the baseline first, then the others sorted.
    public var policyNames: [String] { [baseline] + policies.keys.filter { $0 != baseline }.sorted() }
    /// The name of the key-client group.
    public var keyClientGroupName: String? { clients.first(where: { $0.value.isKeyClient })?.key }
}

/// How to simulate: horizon, warm-up, decision day, replications and seed.
public struct SimulationSettings: Sendable, Hashable {
    /// Simulated length of one replication, in days from day 0 (a Monday, 1 January).
    public var horizonDays: Double = 730
    /// Days simulated before measurement starts. Metrics cover [decision day, horizon].
    public var warmupDays: Double = 91
    /// Day the studied policy replaces the baseline; `nil` means the end of the warm-up.
    public var decisionDay: Double? = nil
    /// Replications per policy (Monte Carlo), for `run`.
    public var replications: Int = 100
    /// Master seed of all random streams.
    public var seed: UInt64 = 1
    /// Confidence level of the intervals, in (0, 1).
    public var confidence: Double = 0.95
    /// A replication whose backlog exceeds this many orders is stopped as unstable (runaway).
    public var maxBacklogOrders: Int = 20_000

    public init() {}

    /// The decision day actually used.
    public var effectiveDecisionDay: Double { decisionDay ?? warmupDays }
}

/// The working calendar: `mode` "shifts" (working weekdays, one daily shift, holidays) or
/// "continuous" (24/7, for textbook reductions).
public struct CalendarSettings: Sendable, Hashable {
    public enum Mode: String, Sendable, Hashable, CaseIterable { case shifts, continuous }
    public var mode: Mode = .shifts
    /// 0 = Monday … 6 = Sunday.
    public var workingWeekdays: [Int] = [0, 1, 2, 3, 4]
    public var shiftStartHour: Double = 8
    public var shiftLengthHours: Double = 7
    /// Day-of-year numbers (1…365) of public holidays, repeating yearly. Default: France's
    /// fixed-date holidays (1 Jan, 1 May, 8 May, 14 Jul, 15 Aug, 1 Nov, 11 Nov, 25 Dec).
    public var holidays: [Int] = [1, 121, 128, 195, 227, 305, 315, 359]

    public init() {}
}

/// Technicians: head count, pay, overtime rules, stress and its consequences, hiring.
public struct TechnicianSettings: Sendable, Hashable {
    public var count: Int = 12
    /// Employer's cost of one paid hour (salary plus charges), in euros.
    public var hourlyCostEur: Double = 40
    /// Cost per calendar day of absence on top of continued salary (replacement, disruption).
    public var absenceCostEurPerDay: Double = 250
    public var overtime = OvertimeSettings()
    public var stress = StressSettings()
    public var sickLeave = HazardSettings(baseDailyHazard: 0.0020, stressSensitivity: 0.5,
                                          durationDays: try! .lognormal(mean: 19, sd: 20))
    public var burnout = HazardSettings(baseDailyHazard: 0.00006, stressSensitivity: 1.0,
                                        durationDays: try! .lognormal(mean: 110, sd: 80))
    public var resignation = ResignationSettings()
    public var hiring = HiringSettings()

    public init() {}
}

/// Voluntary overtime: when a policy's trigger fires, each present technician is offered an
/// evening extension (or a rest-day shift) and accepts with probability
/// `baseAcceptance × exp(−acceptanceStressSensitivity × stress)`.
public struct OvertimeSettings: Sendable, Hashable {
    public var eveningExtensionHours: Double = 2
    /// Hours of one rest-day (weekend or holiday) overtime shift.
    public var restDayShiftHours: Double = 7
    public var baseAcceptance: Double = 0.8
    public var acceptanceStressSensitivity: Double = 0.5
    /// Hard weekly cap on hours worked (Code du travail: 48 h).
    public var weeklyCapHours: Double = 48
    /// Hard daily cap (Code du travail: 10 h).
    public var dailyCapHours: Double = 10
    /// Premium bands on weekly hours beyond the contract: +25 % from 35 h to 43 h, +50 % beyond.
    public var premiumBands: [PremiumBand] = [PremiumBand(fromWeeklyHours: 35, premium: 0.25),
                                              PremiumBand(fromWeeklyHours: 43, premium: 0.5)]
    /// Extra premium for hours worked on a weekend day, added to the band's.
    public var weekendPremium: Double = 0.25
    /// Extra premium for hours worked on a public holiday, added to the band's.
    public var holidayPremium: Double = 1.0

    public init() {}
}

/// Hours worked in a week beyond `fromWeeklyHours` are paid `1 + premium` (up to the next band).
public struct PremiumBand: Sendable, Hashable {
    public var fromWeeklyHours: Double
    public var premium: Double
    public init(fromWeeklyHours: Double, premium: Double) {
        self.fromWeeklyHours = fromWeeklyHours
        self.premium = premium
    }
}

/// Stress s ≥ 0, updated at each day end: s ← s·(1 − decay) + increments.
public struct StressSettings: Sendable, Hashable {
    /// Fraction of stress that fades on a day worked (normal shift only).
    public var decayPerWorkday: Double = 0.05
    /// Fraction of stress that fades on a day off (weekend, holiday, leave).
    public var decayPerRestDay: Double = 0.15
    public var perOvertimeHour: Double = 0.04
    public var perRestDayWorked: Double = 0.25
    public var perPreemption: Double = 0.05
    public var perAbuseIncident: Double = 0.4
    /// Added per day per day-of-backlog per present technician above `backlogThresholdDays`.
    public var perBacklogDay: Double = 0.02
    public var backlogThresholdDays: Double = 3
    /// The backlog term counts at most this many days above the threshold: a crushing
    /// backlog weighs on a technician, but not without limit (without a cap, a collapsing
    /// company would push every new hire's stress, and resignation hazard, to infinity).
    public var backlogPressureCapDays: Double = 10

    public init() {}
}

/// A daily hazard `1 − exp(−baseDailyHazard · exp(stressSensitivity · s))` and, for leaves,
/// the duration of the episode in calendar days.
public struct HazardSettings: Sendable, Hashable {
    public var baseDailyHazard: Double
    public var stressSensitivity: Double
    public var durationDays: Distribution

    public init(baseDailyHazard: Double, stressSensitivity: Double, durationDays: Distribution) {
        self.baseDailyHazard = baseDailyHazard
        self.stressSensitivity = stressSensitivity
        self.durationDays = durationDays
    }
}

/// Resignation: a daily hazard like sick leave, plus a probability of quitting after each abuse
/// incident suffered.
public struct ResignationSettings: Sendable, Hashable {
    public var baseDailyHazard: Double = 0.0003
    public var stressSensitivity: Double = 0.7
    public var quitProbabilityPerAbuse: Double = 0.03

    public init() {}
}

/// Replacing a technician who resigned.
public struct HiringSettings: Sendable, Hashable {
    public var delayDays: Double = 60
    public var costEur: Double = 6_000
    /// A new hire's productivity starts at `rampStartProductivity` and grows linearly to 1
    /// over `rampDays`.
    public var rampDays: Double = 90
    public var rampStartProductivity: Double = 0.5
    /// A resignation is replaced only if utilisation over the last 8 weeks was at least this
    /// (so a company that lost volume shrinks by attrition).
    public var replaceAboveUtilisation: Double = 0.75

    public init() {}
}

/// A group of similar clients.
public struct ClientGroup: Sendable, Hashable {
    public var count: Int = 30
    public var isKeyClient: Bool = false
    /// Poisson order rate of each client in the group.
    public var ordersPerWeek: Double = 0.6
    /// Work content of one order, in technician-hours; drawn when the order arrives.
    public var workHours: Distribution = try! .lognormal(mean: 12, sd: 8)
    public var priceEurPerHour: Double = 90
    /// Calendar days between arrival and due date.
    public var leadTimeDays: Double = 15
    /// Fraction of the order's value paid back when it is late.
    public var latePenaltyFraction: Double = 0
    public var churn = ChurnSettings()
    /// Present for the key-client group only.
    public var keyClient: KeyClientTraits? = nil

    public init() {}
}

/// Satisfaction s ∈ [0, 1] is updated at each delivery: s ← (1 − smoothing)·s + smoothing·x,
/// x = 1 on time, exp(−days late / toleranceDays) when late. Monthly churn probability =
/// baseMonthly + sensitivity · (1 − s)^exponent.
public struct ChurnSettings: Sendable, Hashable {
    public var baseMonthly: Double = 0.0135
    public var sensitivity: Double = 0.1
    public var exponent: Double = 1.5
    public var toleranceDays: Double = 7
    public var smoothing: Double = 0.2

    public init() {}
}

/// What makes the key client special.
public struct KeyClientTraits: Sendable, Hashable {
    /// Fraction of its orders placed as rush orders (when the policy accepts them).
    public var rushFraction: Double = 0.25
    public var rushLeadTimeDays: Double = 3
    /// Price discount on its orders, a fraction of the price.
    public var discount: Double = 0.15
    /// Probability that a late key-client order leads to an abuse incident against the
    /// technician who delivered it.
    public var abuseProbabilityPerLateOrder: Double = 0.3
    public var onEnforcement = EnforcementReaction()

    public init() {}
}

/// The key client's reaction, once, on the decision day, when the policy enforces standard terms.
public struct EnforcementReaction: Sendable, Hashable {
    /// Probability that it carries out its threat and leaves (a slider: no published figure).
    public var leaveProbability: Double = 0.35
    /// If it stays: multiplier on its order rate.
    public var volumeFactor: Double = 0.85
    /// If it stays: multiplier on its abuse probability.
    public var abuseFactor: Double = 0.3

    public init() {}
}

/// New clients join the first non-key group at `baseRatePerMonth × (on-time rate over the
/// last `onTimeWindowDays` days)^onTimeExponent`.
public struct NewClientSettings: Sendable, Hashable {
    public var baseRatePerMonth: Double = 0.45
    public var onTimeExponent: Double = 2
    public var onTimeWindowDays: Double = 90
    /// The group new clients join; `nil` = the first non-key group by name.
    public var joinGroup: String? = nil

    public init() {}
}

/// Money not tied to technicians.
public struct MoneySettings: Sendable, Hashable {
    /// Materials and other direct costs, as a fraction of an order's price.
    public var materialsFraction: Double = 0.25
    public var managerHourlyCostEur: Double = 70

    public init() {}
}
