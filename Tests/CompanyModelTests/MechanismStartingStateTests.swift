import CompanyModel
import Foundation
import SimulationKernel
import Testing

/// The starting state (`startingState`): the orders open at time 0, the stress and the
/// satisfaction the company starts with, and that nothing else moves.
@Suite("Mechanism: starting state")
struct MechanismStartingStateTests {
    /// The calm company with a starting backlog of `days` days; the regular group's lead time
    /// (1 day) is shorter than the backlog's span (days × 7/5), so some of its orders start overdue.
    static func backlogged(days: Double) -> Scenario {
        var scenario = TestScenarios.calm(technicians: 3, horizonDays: 28, decisionDay: 7)
        scenario.clients["regular"]!.leadTimeDays = 1
        scenario.startingState.backlogDays = days
        return scenario
    }

    static func openAtStart(_ trace: MechanismTrace) -> [TraceRecord] { trace.named("open at start") }

    static func number(after label: String, in details: String) -> Double {
        MechanismTrace.number(after: label, in: details)!
    }

    @Test("without a starting state no order is open at time 0")
    func emptyStart() throws {
        let trace = try MechanismTrace(TestScenarios.calm(horizonDays: 28, decisionDay: 7))
        #expect(Self.openAtStart(trace).isEmpty)
    }

    @Test("at time 0 the log shows the backlog's orders, and their work is backlogDays × technicians × shift hours, shared by weekly work")
    func backlogWorkEqualsTheFigure() throws {
        let scenario = Self.backlogged(days: 3)
        let trace = try MechanismTrace(scenario)
        let open = Self.openAtStart(trace)
        #expect(open.allSatisfy { $0.timeHours == 0 })
        // 3 days × 3 technicians × 7 h = 63 h. Weekly work: key 1 × 4 × 6 h = 24, regular
        // 4 × 2 × 6 h = 48, so a third is the key client's: 21 h, 42 h. With constant 6-h
        // orders that is 3 orders and a 3-h remainder for the key client, 7 orders for the others.
        let work = open.map { Self.number(after: "work ", in: $0.details) }
        #expect(abs(work.reduce(0, +) - 63) < 1e-9)
        let keyClient = 0   // the key group sorts first ("key" < "regular") and has one client
        let keyWork = zip(open, work).filter { $0.0.client == keyClient }.map(\.1)
        #expect(keyWork.sorted() == [3, 6, 6, 6])
        #expect(open.count == 11)
        // Every order is placed as an arrival is: in shifts mode nobody is on duty at 00:00,
        // so all wait, and are started later.
        let lives = trace.orderLives.filter { $0.arrival.event == "open at start" }
        #expect(lives.count == 11 && lives.allSatisfy { !$0.starts.isEmpty })
    }

    @Test("an open order arrived within the backlog's span before 0 and is due a lead time after; older than the lead time, it is overdue")
    func backlogDatesFollowTheRule() throws {
        let scenario = Self.backlogged(days: 3)
        let open = Self.openAtStart(try MechanismTrace(scenario))
        let spanHours = 3.0 * 7 / 5 * 24
        var overdue = 0
        for record in open {
            let arrived = Self.number(after: "arrived ", in: record.details)
            let due = Self.number(after: "due ", in: record.details)
            let leadDays = record.client == 0 ? 10.0 : 1.0
            #expect(arrived <= 0 && arrived > -spanHours - 0.01)
            #expect(abs(due - arrived - leadDays * 24) < 0.011, "two-decimal rounding of both")
            if due < 0 { overdue += 1 }
        }
        #expect(overdue > 0, "regular orders older than 1 day start overdue")
    }

    @Test("the starting backlog moves no other stream: arrivals keep their times and work contents")
    func arrivalsUnchanged() throws {
        func arrivals(_ scenario: Scenario) throws -> [String] {
            try MechanismTrace(scenario).named("arrival").map { "\($0.timeHours) \($0.client) \($0.details)" }
        }
        let without = try arrivals(Self.backlogged(days: 0))
        let with = try arrivals(Self.backlogged(days: 3))
        #expect(!without.isEmpty && without == with)
    }

    @Test("with lognormal work contents the total is still exactly the figure")
    func lognormalBacklog() throws {
        var scenario = TestScenarios.company(horizonDays: 14, warmupDays: 7)
        scenario.startingState.backlogDays = 4
        let open = Self.openAtStart(try MechanismTrace(scenario))
        let total = open.map { Self.number(after: "work ", in: $0.details) }.reduce(0, +)
        let figure = 4 * Double(scenario.technicians.count + scenario.policies[scenario.baseline]!.extraTechnicians)
            * scenario.calendar.shiftLengthHours
        // Each logged work content is rounded to 0.005 h at most.
        #expect(abs(total - figure) <= 0.005 * Double(open.count), "\(total) vs \(figure)")
    }

    @Test("initial stress decays by the stress rule from the given value", arguments: [0.0, 0.6])
    func stressDecays(initial: Double) throws {
        var scenario = TestScenarios.calm(horizonDays: 14, decisionDay: 7)
        var stress = StressSettings()
        stress.perOvertimeHour = 0
        stress.perRestDayWorked = 0
        stress.perPreemption = 0
        stress.perAbuseIncident = 0
        stress.perBacklogDay = 0
        scenario.technicians.stress = stress
        scenario.startingState.stress = initial
        let result = try CompanySimulation(scenario: scenario, policy: "base").run(replication: 0, timeseries: true)
        // Day 0 is a Monday: five working days, then two rest days; the week's mean stress is
        // the mean of the seven day ends' values.
        var s = initial, sum = 0.0
        for day in 0..<7 {
            s *= 1 - (day < 5 ? stress.decayPerWorkday : stress.decayPerRestDay)
            sum += s
        }
        #expect(abs(result.weeks[0].meanStress - sum / 7) < 1e-12)
    }

    /// With churn probability 1 − S each month and no smoothing (S never moves), the first
    /// month end loses exactly the clients whose churn draw is below 1 − S₀.
    static func lost(satisfaction: Double) throws -> Set<Int> {
        var scenario = TestScenarios.calm(regularClients: 20, horizonDays: 35, decisionDay: 7)
        for name in scenario.clients.keys {
            scenario.clients[name]!.churn.baseMonthly = 0
            scenario.clients[name]!.churn.sensitivity = 1
            scenario.clients[name]!.churn.exponent = 1
            scenario.clients[name]!.churn.smoothing = 0
        }
        scenario.startingState.satisfaction = satisfaction
        let trace = try MechanismTrace(scenario)
        return Set(trace.named("client lost").filter { $0.timeHours <= 365.0 * 24 / 12 + 1e-9 }.map(\.client))
    }

    @Test("satisfaction starts where given: at 1 nobody churns, at 0 everybody, and in between a nested share")
    func satisfactionStartsWhereGiven() throws {
        #expect(try Self.lost(satisfaction: 1).isEmpty)
        #expect(try Self.lost(satisfaction: 0).count == 21)
        let unhappy = try Self.lost(satisfaction: 0.3), content = try Self.lost(satisfaction: 0.7)
        #expect(content.isSubset(of: unhappy) && content.count < unhappy.count && !content.isEmpty)
    }

    @Test("every policy shares the starting state: the open orders are the same under each")
    func policiesShareTheStart() throws {
        var scenario = Self.backlogged(days: 2)
        scenario.policies["other"] = Policy.standard
        let base = Self.openAtStart(try MechanismTrace(scenario, policy: "base")).map(\.details)
        let other = Self.openAtStart(try MechanismTrace(scenario, policy: "other")).map(\.details)
        #expect(!base.isEmpty && base == other)
    }
}
