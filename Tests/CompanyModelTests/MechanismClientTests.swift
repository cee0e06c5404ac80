import CompanyModel
import SimulationKernel
import Testing

/// Clients: churn, new clients, the key client's decision, rush orders.
@Suite("Mechanism: clients")
struct MechanismClientTests {
    @Test("a churned client places no more orders")
    func churnedClientOrdersNoMore() throws {
        var scenario = TestScenarios.calm(regularClients: 20, regularOrdersPerWeek: 1, horizonDays: 120)
        scenario.clients["regular"]!.churn.baseMonthly = 0.4
        let trace = try MechanismTrace(scenario)
        let lost = trace.records.enumerated().filter { $0.element.event == "client lost" }
        #expect(lost.count >= 5, "the set-up should lose clients")
        #expect(lost.contains { loss in trace.named("arrival").contains { $0.client == loss.element.client } },
                "lost clients had been ordering")
        for (i, loss) in lost {
            let later = trace.records.dropFirst(i + 1).filter { $0.event == "arrival" && $0.client == loss.client }
            #expect(later.isEmpty, "client \(loss.client) lost at \(loss.timeHours) h ordered again at \(later.first?.timeHours ?? 0) h")
        }
        // Clients lost in the window are counted.
        #expect(trace.result[.clientsLost] == Double(trace.count("client lost", from: scenario.decisionHours)))
    }

    @Test("with a monthly churn base of 1 every client leaves at the first month end and nobody orders after")
    func certainChurnEmptiesTheBookAtFirstMonthEnd() throws {
        var scenario = TestScenarios.calm(regularClients: 8, horizonDays: 70)
        scenario.clients["regular"]!.churn.baseMonthly = 1
        scenario.clients["key"]!.churn.baseMonthly = 1
        let trace = try MechanismTrace(scenario)
        let monthEnd = 365.0 * 24 / 12
        let lost = trace.named("client lost")
        #expect(Set(lost.map(\.client)) == Set(0..<9))
        #expect(lost.count == 9)
        #expect(lost.allSatisfy { $0.timeHours == monthEnd })
        #expect(trace.named("arrival").contains { $0.timeHours < monthEnd })
        #expect(!trace.named("arrival").contains { $0.timeHours > monthEnd })
    }

    @Test("many new clients join at month ends, in the regular group, and place orders")
    func newClientsJoinAndOrder() throws {
        var scenario = TestScenarios.calm(regularClients: 4, keyWorkHours: 5, regularWorkHours: 7, horizonDays: 100)
        scenario.newClients.baseRatePerMonth = 6
        let trace = try MechanismTrace(scenario)
        let joined = trace.named("new client")
        #expect(joined.count >= 6)
        let monthEnd = 365.0 * 24 / 12
        var orderingNewcomers = 0
        for record in joined {
            #expect(record.client >= 5, "new clients get new numbers")
            let months = record.timeHours / monthEnd
            #expect(abs(months - months.rounded()) < 1e-9, "joins at a month end")
            let orders = trace.named("arrival").filter { $0.client == record.client }
            #expect(orders.allSatisfy { $0.timeHours > record.timeHours && $0.details.hasPrefix("work 7.00h") })
            if !orders.isEmpty { orderingNewcomers += 1 }
        }
        #expect(orderingNewcomers >= 3)

        scenario.newClients.baseRatePerMonth = 0
        #expect(try MechanismTrace(scenario).count("new client") == 0)
    }

    /// "base" (the baseline: rush orders accepted) and "standard" (the standard terms, so no
    /// rush orders, with a response: leaves with `leaveProbability`, else stays with less volume).
    static func decisionScenario(leaveProbability: Double) -> Scenario {
        var scenario = TestScenarios.calm(keyOrdersPerWeek: 6, horizonDays: 56, decisionDay: 21)
        scenario.clients["key"]!.keyClient!.rushFraction = 0.5
        scenario.policies["base"]!.keyClientTerms.acceptRush = true
        var standard = Policy()
        var stays = KeyClientOutcome(kind: .reducesVolume, probability: 1 - leaveProbability)
        stays.volumeFactor = 0.85
        stays.abuseFactor = 0.3
        standard.response = KeyClientResponse(outcomes: [KeyClientOutcome(kind: .leaves, probability: leaveProbability), stays])
        scenario.policies["standard"] = standard
        return scenario
    }

    @Test("the key client responds once, on the decision day, and only to a policy that changes its terms",
          arguments: [0.0, 1.0])
    func keyClientDecidesOnceOnDecisionDay(leaveProbability: Double) throws {
        let scenario = Self.decisionScenario(leaveProbability: leaveProbability)
        let decision = scenario.decisionHours

        let standard = try MechanismTrace(scenario, policy: "standard")
        #expect(standard.named("decision").map(\.timeHours) == [decision])
        let keyLost = standard.named("client lost").filter { $0.client == 0 }
        let stays = standard.named("key client responds")
        if leaveProbability == 1 {
            #expect(keyLost.map(\.timeHours) == [decision])
            #expect(stays.isEmpty)
            #expect(standard.result[.keyClientLost] == 1)
            #expect(!standard.named("arrival").contains { $0.client == 0 && $0.timeHours > decision })
        } else {
            #expect(keyLost.isEmpty)
            #expect(stays.map(\.timeHours) == [decision])
            #expect(stays.map(\.details) == ["reducesVolume: volume × 0.85, abuse × 0.3"])
            #expect(standard.result[.keyClientLost] == 0)
            // It stays, but its rush orders stop.
            let keyArrivals = standard.named("arrival").filter { $0.client == 0 }
            #expect(keyArrivals.contains { $0.timeHours < decision && $0.details.hasSuffix(" rush") })
            #expect(keyArrivals.contains { $0.timeHours > decision })
            #expect(!keyArrivals.contains { $0.timeHours > decision && $0.details.hasSuffix(" rush") })
        }

        // The baseline run as the studied policy: a decision day, but no response by the client.
        let base = try MechanismTrace(scenario, policy: "base")
        #expect(base.named("decision").map(\.timeHours) == [decision])
        #expect(base.count("key client responds") == 0)
        #expect(base.count("client lost") == 0)
        #expect(base.result[.keyClientLost] == 0)
    }

    @Test("refused rush orders get the standard lead time; accepted ones are due after the rush lead time")
    func rushOrdersLeadTimes() throws {
        var scenario = TestScenarios.calm(keyOrdersPerWeek: 6, horizonDays: 42)
        scenario.clients["key"]!.keyClient!.rushFraction = 1
        scenario.clients["key"]!.keyClient!.rushLeadTimeDays = 2
        let keyLead = scenario.clients["key"]!.leadTimeDays * 24
        let regularLead = scenario.clients["regular"]!.leadTimeDays * 24

        var refuse = Policy()
        refuse.keyClientTerms.acceptRush = false
        let refused = try MechanismTrace(scenario.only(refuse))
        let refusedLives = refused.orderLives
        #expect(refusedLives.contains { $0.client == 0 })
        for life in refusedLives {
            let lead = life.client == 0 ? keyLead : regularLead
            #expect(!life.isRush)
            #expect(life.dueHours - life.arrival.timeHours >= min(keyLead, regularLead) - 0.01)
            #expect(abs(life.dueHours - life.arrival.timeHours - lead) <= 0.01)
        }

        var accept = Policy()
        accept.keyClientTerms.acceptRush = true
        let accepted = try MechanismTrace(scenario.only(accept))
        let acceptedLives = accepted.orderLives
        #expect(acceptedLives.contains { $0.client == 0 })
        for life in acceptedLives {
            if life.client == 0 {
                #expect(life.isRush)
                #expect(abs(life.dueHours - life.arrival.timeHours - 2 * 24) <= 0.01)
            } else {
                #expect(!life.isRush)
                #expect(abs(life.dueHours - life.arrival.timeHours - regularLead) <= 0.01)
            }
        }
    }
}
