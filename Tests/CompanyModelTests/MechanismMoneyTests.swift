import CompanyModel
import SimulationKernel
import Testing

/// Money: the profit identity, salaries, materials, meetings, overtime pay.
@Suite("Mechanism: money")
struct MechanismMoneyTests {
    @Test("profit is revenue minus every cost line, and materials are a fraction of the list price",
          arguments: ["indulge", "standard"])
    func profitIsRevenueMinusCosts(policy: String) throws {
        // Technicians only: the managers' leave days would add to the absence cost (their
        // disruption), not to absence_days.
        var scenario = TestScenarios.company(horizonDays: 120, warmupDays: 30)
        scenario.managers.accountManagers = 0
        scenario.managers.productionManagers = 0
        let trace = try MechanismTrace(scenario, policy: policy)
        let r = trace.result
        let costs = r[.salaryCostEur] + r[.overtimeCostEur] + r[.absenceCostEur] + r[.meetingCostEur]
            + r[.hiringCostEur] + r[.materialsCostEur]
        #expect(r[.revenueEur] > 0 && costs > 0)
        #expect(close(r[.profitEur], r[.revenueEur] - costs))
        // Materials: a fraction of the list price (the work content × price per hour, whatever the
        // key client's discount or surcharge), summed over the window's deliveries from the log.
        // The log rounds work to 0.01 h, so each delivery may be off by 0.005 h of list price.
        let deliveredLives = trace.orderLives.filter { ($0.delivery?.timeHours ?? -1) >= scenario.decisionHours }
        let price = scenario.clients["key"]!.priceEurPerHour
        #expect(scenario.clients.values.allSatisfy { $0.priceEurPerHour == price })
        let listRevenue = deliveredLives.reduce(0.0) { $0 + $1.workHours * price }
        let rounding = scenario.money.materialsFraction * price * 0.005 * Double(deliveredLives.count)
        #expect(abs(r[.materialsCostEur] - scenario.money.materialsFraction * listRevenue) <= rounding)
        // Under indulge the key client's 15 % discount makes the list price exceed revenue + penalties.
        if policy == "indulge" { #expect(r[.materialsCostEur] > scenario.money.materialsFraction * (r[.revenueEur] + r[.latePenaltiesEur])) }
        // Absence: the disruption cost per absence day, plus at most the highest sick-pay share of
        // a day's salary (none in the waiting days).
        let technicians = scenario.technicians
        let dailySalary = scenario.calendar.shiftLengthHours * technicians.hourlyCostEur
        let topRate = max(technicians.sickPay.firstRate, technicians.sickPay.laterRate)
        #expect(r[.absenceCostEur] >= r[.absenceDays] * technicians.absenceDisruptionEurPerDay - 1e-6)
        #expect(r[.absenceCostEur] <= r[.absenceDays] * (technicians.absenceDisruptionEurPerDay + topRate * dailySalary) + 1e-6)
        // Meetings: manager hours for each key rush order and each late key delivery of the window.
        let decision = scenario.decisionHours
        let escalations = trace.records.filter {
            $0.timeHours >= decision && $0.client == 0
                && (($0.event == "arrival" && $0.details.hasSuffix(" rush")) || ($0.event == "deliver" && $0.details.hasPrefix("late")))
        }.count
        let meeting = scenario.policies[policy]!.keyClientTerms.meetingManagerHours * scenario.money.managerHourlyCostEur
        #expect(close(r[.meetingCostEur], Double(escalations) * meeting))
        // Throughput and on-time rate match the deliveries of the window.
        let delivered = trace.named("deliver").filter { $0.timeHours >= decision }
        #expect(r[.throughputOrders] == Double(delivered.count))
        #expect(close(r[.onTimeRate], Double(delivered.filter { $0.details == "on time" }.count) / Double(delivered.count)))
    }

    @Test("salaries pay each technician's shift on every working day of the window, and no other day")
    func salariesCoverWorkingDaysOfTheWindow() throws {
        // Decision on day 8, a Tuesday; horizon day 29. No hazards: 3 technicians employed throughout.
        let scenario = TestScenarios.calm(technicians: 3, horizonDays: 29, decisionDay: 8)
        let calendar = try workingCalendar(of: scenario)
        let days = calendar.workingDays(fromDay: 8, toDay: 29)
        #expect(days == 15)
        let result = try CompanySimulation(scenario: scenario, policy: "base").run(replication: 0)
        let expected = 3 * Double(days) * scenario.calendar.shiftLengthHours * scenario.technicians.hourlyCostEur
        #expect(result[.salaryCostEur] == expected)
    }

    @Test("overtime is paid by the premium bands: one band from hour 0 at +30 % gives 1.3 × rate × hours")
    func overtimePayFollowsSingleBand() throws {
        var scenario = MechanismWorkingTimeTests.overworked(restDays: true, horizonDays: 42)
        scenario.technicians.overtime.premiumBands = [PremiumBand(fromWeeklyHours: 0, premium: 0.3)]
        scenario.technicians.overtime.weekendPremium = 0
        scenario.technicians.overtime.holidayPremium = 0
        let trace = try MechanismTrace(scenario)
        let r = trace.result
        #expect(r[.overtimeHours] > 20)
        #expect(r[.restDaysWorked] > 0)
        #expect(close(r[.overtimeCostEur], 1.3 * scenario.technicians.hourlyCostEur * r[.overtimeHours]))
        // The hours are those the log shows ending in the window (2-decimal details).
        let logged = trace.named("overtime end").filter { $0.timeHours >= scenario.decisionHours }
            .reduce(0.0) { $0 + MechanismTrace.hours(of: $1) }
        #expect(abs(logged - r[.overtimeHours]) < 0.01 * Double(max(1, trace.count("overtime end"))))

        // A weekend premium adds to the band on rest-day shifts only.
        scenario.technicians.overtime.weekendPremium = 0.2
        let weekend = try MechanismTrace(scenario).result
        let restDayHours = Double(trace.named("overtime end").filter {
            $0.timeHours >= scenario.decisionHours && Int($0.timeHours / 24) % 7 >= 5
        }.reduce(0.0) { $0 + MechanismTrace.hours(of: $1) })
        #expect(restDayHours > 0)
        #expect(abs(weekend[.overtimeCostEur] - r[.overtimeCostEur]
                    - 0.2 * scenario.technicians.hourlyCostEur * restDayHours) < 0.01 * scenario.technicians.hourlyCostEur * 10)
    }

    @Test("in full weeks every overtime hour is beyond the 35 h contract and earns the first band's premium")
    func overtimeBeyondContractEarnsPremium() throws {
        // Evening overtime only, no holidays or absences: each week has its five 7 h shifts.
        var scenario = MechanismWorkingTimeTests.overworked(restDays: false, horizonDays: 42)
        scenario.technicians.overtime.premiumBands = [PremiumBand(fromWeeklyHours: 35, premium: 0.25)]
        let r = try MechanismTrace(scenario).result
        #expect(r[.overtimeHours] > 20)
        #expect(close(r[.overtimeCostEur], 1.25 * scenario.technicians.hourlyCostEur * r[.overtimeHours]))
    }
}

@Suite("Mechanism: runaway")
struct MechanismRunawayTests {
    @Test("demand far above capacity stops the replication as a runaway with a bounded backlog")
    func runawayStopsWithBoundedBacklog() throws {
        var scenario = TestScenarios.calm(technicians: 1, keyOrdersPerWeek: 60, regularClients: 2,
                                          regularOrdersPerWeek: 5, horizonDays: 120, decisionDay: 7)
        scenario.simulation.maxBacklogOrders = 30
        let trace = try MechanismTrace(scenario)
        #expect(trace.result.status == .runaway)
        let last = try #require(trace.records.last)
        #expect(last.event == "runaway")
        #expect(trace.count("runaway") == 1)
        #expect(last.timeHours < scenario.horizonHours / 2, "it stops early")
        let inSystem = trace.count("arrival") - trace.count("deliver")
        #expect(inSystem == scenario.simulation.maxBacklogOrders + 1)
        #expect(trace.result[.meanBacklogOrders] <= Double(scenario.simulation.maxBacklogOrders + 1))

        // With enough capacity (and room for a weekend's arrivals) the same company finishes normally.
        scenario.technicians.count = 20
        scenario.simulation.maxBacklogOrders = 150
        let fine = try MechanismTrace(scenario)
        #expect(fine.result.status == .ok)
        #expect(fine.count("runaway") == 0)
    }

    @Test("a week that straddles the decision day charges the window its band premiums in proportion to the overtime after that day")
    func bandPremiumsOfTheDecisionWeekAreProrated() throws {
        // One policy, so moving the decision day moves only the window, not the history.
        var base = TestScenarios.calm(technicians: 1, keyOrdersPerWeek: 8, regularClients: 4, regularOrdersPerWeek: 2,
                                      horizonDays: 28, decisionDay: 7)
        base.technicians.overtime.baseAcceptance = 1
        base.technicians.overtime.acceptanceStressSensitivity = 0
        var policy = Policy()
        policy.overtimeTrigger = .backlog
        policy.backlogThresholdDays = 0
        base = base.only(policy)
        func run(decisionDay: Double) throws -> (cost: Double, trace: MechanismTrace) {
            var scenario = base
            scenario.simulation.warmupDays = decisionDay
            scenario.simulation.decisionDay = decisionDay
            let trace = try MechanismTrace(scenario)
            return (trace.result[.overtimeCostEur], trace)
        }
        let monday = try run(decisionDay: 7), thursday = try run(decisionDay: 10), nextMonday = try run(decisionDay: 14)
        func hours(endingIn days: Range<Double>) -> Double {
            monday.trace.named("overtime end").filter { days.contains($0.timeHours / 24) }.reduce(0) { $0 + MechanismTrace.hours(of: $1) }
        }
        let rate = base.technicians.hourlyCostEur
        let weekHours = hours(endingIn: 7..<14), lateHours = hours(endingIn: 10..<14)
        #expect(lateHours > 0 && weekHours > lateHours, "overtime before and after Thursday in the decision week")
        #expect(!monday.trace.named("overtime end").contains { $0.timeHours == 240 }, "no spell ends at the decision instant itself")
        // Week 1's premium, from the two Monday windows: what they differ by beyond base pay.
        let premium = monday.cost - nextMonday.cost - weekHours * rate
        #expect(premium > 0, "the week's overtime reaches a premium band")
        let expected = nextMonday.cost + lateHours * rate + premium * lateHours / weekHours
        #expect(abs(thursday.cost - expected) < 1e-6 * max(1, expected), "\(thursday.cost) vs \(expected)")
    }
}
