import CompanyModel
import SimulationKernel

/// Scenarios built in code for the model's tests, independent of the file reader.
enum TestScenarios {
    /// The canonical study's two policies, as a file without `policies` gets them.
    static func indulge() -> Policy { Policy.indulge }
    static func standard() -> Policy { Policy.standard }

    /// The default company (the code defaults: 13 technicians, 30 regular clients, one key client),
    /// over a shorter horizon than the default scenario's, to keep the tests quick.
    static func company(horizonDays: Double = 730, warmupDays: Double = 91) -> Scenario {
        var simulation = SimulationSettings()
        simulation.horizonDays = horizonDays
        simulation.warmupDays = warmupDays
        return Scenario(name: "test-company", description: "", simulation: simulation, calendar: CalendarSettings(),
                        technicians: TechnicianSettings(), clients: ClientGroup.defaultGroups,
                        newClients: NewClientSettings(), money: MoneySettings(),
                        policies: Policy.defaultPolicies, baseline: Policy.defaultBaseline)
    }

    /// A textbook queue: continuous calendar, no stress, hazards, churn, overtime or meetings.
    /// `keyRatePerHour` (class 1) and `otherRatePerHour` (class 2), `servers` technicians.
    static func queue(servers: Int, keyRatePerHour: Double, otherRatePerHour: Double, work: Distribution,
                      priority: Policy.KeyPriority, horizonHours: Double, warmupHours: Double) -> Scenario {
        var simulation = SimulationSettings()
        simulation.horizonDays = horizonHours / 24
        simulation.warmupDays = warmupHours / 24
        simulation.maxBacklogOrders = 1_000_000
        var calendar = CalendarSettings()
        calendar.mode = .continuous
        var technicians = TechnicianSettings()
        technicians.count = servers
        technicians.sickLeave.baseDailyHazard = 0
        technicians.burnout.baseDailyHazard = 0
        technicians.resignation.baseDailyHazard = 0
        technicians.resignation.quitProbabilityPerAbuse = 0
        technicians.stress = StressSettings()
        technicians.stress.perBacklogDay = 0
        var noChurn = ChurnSettings()
        noChurn.baseMonthly = 0
        noChurn.sensitivity = 0
        func group(rate: Double, key: Bool) -> ClientGroup {
            var g = ClientGroup()
            g.count = 1
            g.isKeyClient = key
            g.ordersPerWeek = rate * 168
            g.workHours = work
            g.leadTimeDays = 1_000_000
            g.churn = noChurn
            if key {
                var traits = KeyClientTraits()
                traits.rushFraction = 0
                traits.abuseProbabilityPerLateOrder = 0
                g.keyClient = traits
            }
            return g
        }
        var policy = Policy()
        policy.keyClientTerms.priority = priority
        policy.switchPenaltyHours = 0
        var newClients = NewClientSettings()
        newClients.baseRatePerMonth = 0
        var clients = ["key": group(rate: keyRatePerHour, key: true)]
        if otherRatePerHour > 0 { clients["regular"] = group(rate: otherRatePerHour, key: false) }
        return Scenario(name: "test-queue", description: "", simulation: simulation, calendar: calendar,
                        technicians: technicians, clients: clients, newClients: newClients, money: MoneySettings(),
                        policies: ["only": policy], baseline: "only")
    }
}

extension TestScenarios {
    /// A small, calm company on the shift calendar (Mon–Fri 08:00–15:00 from Monday 4 January
    /// 2027, no holidays, no annual leave): no sick
    /// leave, burn-out, resignation, abuse, churn, rush orders or new clients, and constant work
    /// content, and no managers, so each mechanism test switches on exactly what it studies. One policy, "base"
    /// (`Policy()`: no priority, FIFO, no overtime), is the baseline. Clients: the key client is
    /// client 0, the regular ones follow.
    static func calm(technicians count: Int = 3, keyOrdersPerWeek: Double = 4, regularClients: Int = 4,
                     regularOrdersPerWeek: Double = 2, keyWorkHours: Double = 6, regularWorkHours: Double = 6,
                     horizonDays: Double = 56, decisionDay: Double = 14) -> Scenario {
        var simulation = SimulationSettings()
        simulation.horizonDays = horizonDays
        simulation.warmupDays = decisionDay
        simulation.decisionDay = decisionDay
        var calendar = CalendarSettings()
        calendar.holidays = .none
        var technicians = TechnicianSettings()
        technicians.annualLeave.daysPerYear = 0
        technicians.count = count
        technicians.sickLeave.baseDailyHazard = 0
        technicians.burnout.baseDailyHazard = 0
        technicians.resignation.baseDailyHazard = 0
        technicians.resignation.quitProbabilityPerAbuse = 0
        var noChurn = ChurnSettings()
        noChurn.baseMonthly = 0
        noChurn.sensitivity = 0
        var key = ClientGroup()
        key.count = 1
        key.isKeyClient = true
        key.ordersPerWeek = keyOrdersPerWeek
        key.workHours = try! .constant(keyWorkHours)
        key.leadTimeDays = 10
        key.churn = noChurn
        var traits = KeyClientTraits()
        traits.rushFraction = 0
        traits.abuseProbabilityPerLateOrder = 0
        key.keyClient = traits
        var regular = ClientGroup()
        regular.count = regularClients
        regular.ordersPerWeek = regularOrdersPerWeek
        regular.workHours = try! .constant(regularWorkHours)
        regular.leadTimeDays = 15
        regular.churn = noChurn
        var newClients = NewClientSettings()
        newClients.baseRatePerMonth = 0
        var scenario = Scenario(name: "test-calm", description: "", simulation: simulation, calendar: calendar,
                                technicians: technicians, clients: ["key": key, "regular": regular],
                                newClients: newClients, money: MoneySettings(),
                                policies: ["base": Policy()], baseline: "base")
        // No managers: the key client's abuse lands on technicians and no manager is ever absent
        // or hired (MechanismManagerTests adds them).
        scenario.managers.accountManagers = 0
        scenario.managers.productionManagers = 0
        return scenario
    }
}

extension CalendarSettings {
    /// Closes the company on day numbers `numbers` (1-based: day number n is day index n − 1),
    /// as extra holiday dates and no named set: the tests written for day numbers.
    mutating func closeOn(dayNumbers numbers: [Int]) {
        holidays = PublicHolidays(set: .none, extraDates: numbers.map { startDate.adding(days: $0 - 1) })
    }
}
