import CompanyModel
import SimulationKernel
import Testing

/// Technicians: leave, resignation and replacement, extra staff.
@Suite("Mechanism: staff")
struct MechanismStaffTests {
    @Test("with every hazard at 0 nobody is ever absent; with a large sick hazard there are leaves and absence days")
    func hazardsDriveAbsence() throws {
        let calm = TestScenarios.calm(technicians: 6, horizonDays: 70)
        let none = try MechanismTrace(calm)
        for event in ["sick leave", "burn-out", "resign", "back", "hire"] {
            #expect(none.count(event) == 0, "\(event) with all hazards at 0")
        }
        #expect(none.result[.sickLeaveEpisodes] == 0 && none.result[.burnoutEpisodes] == 0)
        #expect(none.result[.absenceDays] == 0 && none.result[.absenceCostEur] == 0 && none.result[.resignations] == 0)

        var sickly = calm
        sickly.technicians.sickLeave.baseDailyHazard = 0.05
        sickly.technicians.sickLeave.durationDays = try .constant(3)
        let sick = try MechanismTrace(sickly)
        #expect(sick.count("sick leave") >= 5)
        #expect(sick.result[.sickLeaveEpisodes] == Double(sick.count("sick leave", from: sickly.decisionHours)))
        #expect(sick.result[.absenceDays] > 0)
        #expect(sick.result[.absenceCostEur] == sick.result[.absenceDays] * sickly.technicians.absenceDisruptionEurPerDay)
        // (3-day leaves lie inside the 7 waiting days: no salary continuation, only the disruption.)
        // A 3-day leave ends with a "back" three days later.
        for leave in sick.named("sick leave") where leave.timeHours + 72 <= sickly.horizonHours {
            #expect(sick.records.contains { $0.event == "back" && $0.technician == leave.technician
                                            && abs($0.timeHours - leave.timeHours - 72) < 1e-9 })
        }
    }

    @Test("absent technicians do no work between leaving and coming back (24/7 calendar)")
    func absentTechniciansDoNoWorkContinuous() throws {
        try Self.checkAbsentTechniciansDoNoWork(mode: .continuous)
    }

    @Test("absent technicians do no work between leaving and coming back (shift calendar)")
    func absentTechniciansDoNoWorkShifts() throws {
        try Self.checkAbsentTechniciansDoNoWork(mode: .shifts)
    }

    /// Sick leave, burn-out and resignation (replaced after 5 days) under busy overtime; between a
    /// technician's "sick leave"/"burn-out"/"resign" and the "back"/"hire" that ends it, the log
    /// shows no "start", "deliver", "overtime" or "rest-day shift" by that technician. (On the 24/7
    /// calendar an order may legitimately finish at the very instant of the leave: it was worked
    /// until then.)
    static func checkAbsentTechniciansDoNoWork(mode: CalendarSettings.Mode) throws {
        var scenario = TestScenarios.calm(technicians: 5, keyOrdersPerWeek: 6, regularClients: 6, horizonDays: 90)
        scenario.calendar.mode = mode
        if mode == .continuous {   // 24/7 capacity: more demand to keep technicians busy
            scenario.clients["key"]!.ordersPerWeek = 40
            scenario.clients["regular"]!.ordersPerWeek = 8
        }
        scenario.technicians.sickLeave.baseDailyHazard = 0.03
        scenario.technicians.sickLeave.durationDays = try .uniform(min: 1, max: 6)
        scenario.technicians.burnout.baseDailyHazard = 0.005
        scenario.technicians.burnout.durationDays = try .constant(12)
        scenario.technicians.resignation.baseDailyHazard = 0.004
        scenario.technicians.hiring.delayDays = 5
        scenario.technicians.hiring.replaceAboveUtilisation = 0
        var policy = Policy()
        policy.overtimeTrigger = .backlog
        policy.backlogThresholdDays = 0
        policy.restDayOvertime = true
        scenario = scenario.only(policy)
        let trace = try MechanismTrace(scenario)
        #expect(trace.count("sick leave") >= 5)
        #expect(trace.count("resign") >= 1)
        #expect(trace.count("return") > 0, "leaves should hand back unfinished work in hand")

        let work: Set<String> = ["start", "deliver", "overtime", "rest-day shift"]
        var absences = 0
        for t in trace.technicians {
            for range in trace.absences(of: t) {
                absences += 1
                let leftAt = trace.records[range.lowerBound].timeHours
                let during = trace.records[range].filter {
                    $0.technician == t && work.contains($0.event)
                        && !(mode == .continuous && $0.event == "deliver" && $0.timeHours == leftAt)
                }
                #expect(during.isEmpty, "technician \(t), away from \(leftAt) h: \(during.first.map { "\($0.event) at \($0.timeHours) h" } ?? "")")
            }
        }
        #expect(absences >= 5)
    }

    @Test("a resignation is replaced only when recent utilisation reaches replaceAboveUtilisation")
    func resignationsReplacedOnlyAboveUtilisation() throws {
        // Low demand (about a third of capacity), frequent resignations, a short hiring delay.
        var scenario = TestScenarios.calm(technicians: 8, keyOrdersPerWeek: 4, regularClients: 4,
                                          regularOrdersPerWeek: 2, horizonDays: 100)
        scenario.technicians.resignation.baseDailyHazard = 0.01
        scenario.technicians.hiring.delayDays = 5

        scenario.technicians.hiring.replaceAboveUtilisation = 0
        let always = try MechanismTrace(scenario)
        let resigned = always.named("resign")
        #expect(resigned.count >= 3)
        for record in resigned {
            #expect(record.details.hasSuffix(", replaced"))
            if record.timeHours + 5 * 24 <= scenario.horizonHours {
                #expect(always.records.contains { $0.event == "hire" && $0.technician == record.technician
                                                  && abs($0.timeHours - record.timeHours - 5 * 24) < 1e-9 })
            }
        }
        #expect(always.count("hire") > 0)
        #expect(always.result[.hiringCostEur]
                == Double(always.count("hire", from: scenario.decisionHours)) * scenario.technicians.hiring.costEur)

        scenario.technicians.hiring.replaceAboveUtilisation = 1
        let never = try MechanismTrace(scenario)
        #expect(never.count("resign") >= 3)
        #expect(never.named("resign").allSatisfy { $0.details.hasSuffix(", not replaced") })
        #expect(never.count("hire") == 0)
        #expect(never.result[.hiringCostEur] == 0)
    }

    @Test("a policy with 2 extra technicians hires 2 on the decision day, pays for them, and puts them to work")
    func extraTechniciansHiredOnDecisionDay() throws {
        var scenario = TestScenarios.calm(technicians: 3, keyOrdersPerWeek: 6, horizonDays: 56, decisionDay: 14)
        var more = Policy()
        more.extraTechnicians = 2
        scenario.policies["more"] = more
        let trace = try MechanismTrace(scenario, policy: "more")
        let hires = trace.named("hire")
        #expect(hires.map(\.technician) == [3, 4])
        #expect(hires.allSatisfy { $0.timeHours == scenario.decisionHours && $0.details == "extra technician" })
        #expect(trace.result[.hiringCostEur] == 2 * scenario.technicians.hiring.costEur)
        for t in [3, 4] {
            let jobs = trace.named("start").filter { $0.technician == t }
            #expect(!jobs.isEmpty, "extra technician \(t) works")
            #expect(jobs.allSatisfy { $0.timeHours > scenario.decisionHours })
        }
        // Five salaries instead of three over the same window.
        let base = try MechanismTrace(scenario, policy: "base")
        #expect(base.count("hire") == 0 && base.result[.hiringCostEur] == 0)
        #expect(close(trace.result[.salaryCostEur], base.result[.salaryCostEur] * 5 / 3))
    }
}
