import CompanyModel
import SimulationKernel
import Testing

/// Account managers and the production manager: who the key client's abuse hits, meetings,
/// stress, hazards and replacement.
@Suite("Mechanism: account managers and the production manager")
struct MechanismManagerTests {
    /// A key client whose orders are all late (due in half a day, 20 h of work) and abusive
    /// (every late order ends in an incident), with escalation meetings of 2 manager-hours.
    static func abusive(technicianShare: Double) -> Scenario {
        var scenario = TestScenarios.calm(technicians: 3, keyOrdersPerWeek: 6, regularClients: 3, regularOrdersPerWeek: 1,
                                          keyWorkHours: 20, horizonDays: 140)
        scenario.clients["key"]!.leadTimeDays = 0.5
        scenario.clients["key"]!.keyClient!.abuseProbabilityPerLateOrder = 1
        scenario.managers.accountManagers = 2
        scenario.managers.productionManagers = 1
        scenario.managers.technicianShareOfAbuse = technicianShare
        var policy = Policy()
        policy.keyClientTerms.meetingManagerHours = 2
        return scenario.only(policy)
    }

    @Test("abuse lands on the technician with probability technicianShareOfAbuse, otherwise on the key client's account manager")
    func abuseIsShared() throws {
        let trace = try MechanismTrace(Self.abusive(technicianShare: 0.3))
        let onTechnicians = trace.named("abuse").count
        let onManagers = trace.named("manager abuse")
        let n = onTechnicians + onManagers.count
        #expect(n > 60)
        // Binomial(n, 0.3): ±4 standard deviations fails with probability < 10^-4.
        let sd = (Double(n) * 0.3 * 0.7).squareRoot()
        #expect(abs(Double(onTechnicians) - 0.3 * Double(n)) < 4 * sd, "\(onTechnicians) of \(n) on technicians")
        // Nobody is absent here (no hazards): the first account manager takes all of it.
        #expect(onManagers.allSatisfy { $0.details == "account manager 0" })
        let result = trace.result
        #expect(result[.accountManagerAbuseIncidents] + Double(trace.named("abuse").filter { $0.timeHours >= 14 * 24 }.count)
                == result[.abuseIncidents])
    }

    @Test("without managers every incident lands on the technician, as before they were modelled")
    func noManagersMeansTechniciansTakeItAll() throws {
        var scenario = Self.abusive(technicianShare: 0.3)
        scenario.managers.accountManagers = 0
        scenario.managers.productionManagers = 0
        let trace = try MechanismTrace(scenario)
        #expect(trace.named("manager abuse").isEmpty)
        #expect(trace.named("abuse").count > 60)
        #expect(trace.result[.accountManagerMeanStress].isNaN)
    }

    @Test("abuse and meetings raise the account managers' stress; meeting hours are shared with the production manager")
    func abuseAndMeetingsStressManagers() throws {
        let abused = try MechanismTrace(Self.abusive(technicianShare: 0)).result
        #expect(abused[.accountManagerAbuseIncidents] > 30)
        #expect(abused[.accountManagerMeanStress] > 0.5)
        // Each meeting's 2 manager-hours: 1 h for the account manager, 1 h for the production manager.
        #expect(abused[.accountManagerMeetingHours] > 30)
        #expect(abused[.productionManagerMeanStress] > 0)
        #expect(abused[.productionManagerMeanStress] < abused[.accountManagerMeanStress], "no abuse lands on the production manager")
        var calm = Self.abusive(technicianShare: 1)
        calm.policies["only"]!.keyClientTerms.meetingManagerHours = 0
        let unabused = try MechanismTrace(calm).result
        #expect(unabused[.accountManagerAbuseIncidents] == 0)
        #expect(unabused[.accountManagerMeetingHours] == 0)
        #expect(unabused[.accountManagerMeanStress] < abused[.accountManagerMeanStress])
    }

    @Test("managers fall ill, come back, resign and are replaced, on streams of their own")
    func managersHaveHazards() throws {
        var scenario = Self.abusive(technicianShare: 0)
        scenario.technicians.sickLeave.baseDailyHazard = 0.01
        scenario.technicians.resignation.baseDailyHazard = 0.003
        scenario.technicians.hiring.delayDays = 10
        scenario.simulation.horizonDays = 365
        let trace = try MechanismTrace(scenario)
        #expect(trace.named("manager sick leave").count >= 3)
        #expect(trace.named("manager back").count >= 2)
        let resigned = trace.named("manager resign")
        #expect(!resigned.isEmpty)
        for record in resigned where record.timeHours + 10 * 24 <= 365 * 24 {
            #expect(trace.named("manager hire").contains { $0.details == record.details && abs($0.timeHours - record.timeHours - 240) < 1e-6 })
        }
        // While the first account manager is away, the second takes the calls.
        #expect(trace.named("manager abuse").contains { $0.details == "account manager 1" })
        // Adding managers moves no technician's numbers: the technicians' own hazard history
        // (their sick leaves) is the same without managers when nothing else differs.
        var noAbuse = scenario
        noAbuse.clients["key"]!.keyClient!.abuseProbabilityPerLateOrder = 0
        noAbuse.managers.stressPerMeetingHour = 0
        var noManagers = noAbuse
        noManagers.managers.accountManagers = 0
        noManagers.managers.productionManagers = 0
        let with = try MechanismTrace(noAbuse).named("sick leave")
        let without = try MechanismTrace(noManagers).named("sick leave")
        #expect(!with.isEmpty)
        #expect(with == without)
    }
}
