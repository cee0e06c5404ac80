import CompanyModel
import SimulationKernel
import Testing

@Suite("ScenarioReader: cross-field rules")
struct ScenarioReaderCrossFieldTests {
    typealias Support = ScenarioReaderTestSupport

    @Test("warm-up and decision day lie before the horizon")
    func timeRules() throws {
        let warmup = try #require(Support.error("{ simulation: { horizonDays: 100, warmupDays: 100 } }"))
        #expect(warmup.kind == .crossField)
        #expect(warmup.description
                == "scenarios/x.json5: simulation.warmupDays must be < simulation.horizonDays (100) (got 100)")
        let decision = try #require(Support.error("{ simulation: { horizonDays: 100, warmupDays: 10, decisionDay: 120 } }"))
        #expect(decision.path == "simulation.decisionDay")
        #expect(decision.kind == .crossField)
        // A decision day before the end of the warm-up is allowed.
        let early = try ScenarioReader.read(text: "{ simulation: { warmupDays: 50, decisionDay: 0 } }", fileName: "x")
        #expect(early.simulation.effectiveDecisionDay == 0)
    }

    @Test("at most one key-client group, of one client")
    func keyGroups() throws {
        let two = try #require(Support.error("""
            { clients: { a: { isKeyClient: true }, b: { isKeyClient: true } }, policies: { p: {} } }
            """))
        #expect(two.kind == .crossField)
        #expect(two.description
                == "scenarios/x.json5: clients must have at most one key-client group (isKeyClient: true) (got 2 groups: a, b)")
        let count = try #require(Support.error("{ clients: { a: { isKeyClient: true, count: 3 } } }"))
        #expect(count.path == "clients.a.count")
        #expect(count.kind == .crossField)
        let traits = try #require(Support.error("{ clients: { a: { keyClient: { rushFraction: 0.1 } } } }"))
        #expect(traits.path == "clients.a.keyClient")
        #expect(traits.kind == .crossField)
    }

    @Test("no key-client group: allowed only if no policy needs one")
    func noKeyGroup() throws {
        let plain = try ScenarioReader.read(text: "{ clients: { a: {} }, policies: { p: {} } }", fileName: "x")
        #expect(plain.keyClientGroupName == nil)
        let enforce = try #require(Support.error("{ clients: { a: {} } }"))  // default policies need a key client
        #expect(enforce.kind == .crossField)
        #expect(enforce.path == "policies.indulge.keyClientTerms.priority")   // its first privilege
        let terms = try #require(Support.error("{ clients: { a: {} }, policies: { p: { keyClientTerms: { discount: 0.1 } } } }"))
        #expect(terms.description == "scenarios/x.json5: policies.p.keyClientTerms.discount must be left at the standard "
                + "terms when no client group is the key client (isKeyClient: true)")
    }

    @Test("baseline names an existing policy")
    func baseline() throws {
        let typo = try #require(Support.error("{ baseline: 'indulj' }"))
        #expect(typo.kind == .crossField)
        #expect(typo.description == "scenarios/x.json5: baseline must name one of the policies: 'indulge', 'standard' "
                + "(got \"indulj\"). Did you mean 'indulge'?")
        let missing = try #require(Support.error("{ policies: { a: {}, b: {} } }"))
        #expect(missing.kind == .missingField)
        #expect(missing.description == "scenarios/x.json5: baseline is required: with several policies, say which is "
                + "the status quo: one of 'a', 'b'")
        #expect(Support.error("{ policies: {} }")?.path == "policies")
        #expect(Support.error("{ clients: {} }")?.path == "clients")
    }

    @Test("premium bands are sorted by hours")
    func premiumBandsSorted() throws {
        let error = try #require(Support.error("""
            { technicians: { overtime: { premiumBands: [{ fromWeeklyHours: 43, premium: 0.5 },
                                                        { fromWeeklyHours: 35, premium: 0.25 }] } } }
            """))
        #expect(error.kind == .crossField)
        #expect(error.path == "technicians.overtime.premiumBands[1].fromWeeklyHours")
        #expect(error.description == "scenarios/x.json5: technicians.overtime.premiumBands[1].fromWeeklyHours must be "
                + "greater than the previous band's (43): bands go in increasing order of hours (got 35)")
        let none = try ScenarioReader.read(text: "{ technicians: { overtime: { premiumBands: [] } } }", fileName: "x")
        #expect(none.technicians.overtime.premiumBands.isEmpty)
    }

    @Test("new clients join an existing non-key group")
    func joinGroup() throws {
        let typo = try #require(Support.error("{ newClients: { joinGroup: 'regulr' } }"))
        #expect(typo.kind == .crossField)
        #expect(typo.path == "newClients.joinGroup")
        #expect(typo.suggestion == "regular")
        let key = try #require(Support.error("{ newClients: { joinGroup: 'key' } }"))
        #expect(key.path == "newClients.joinGroup")
        let ok = try ScenarioReader.read(text: "{ newClients: { joinGroup: 'regular' } }", fileName: "x")
        #expect(ok.newClients.joinGroup == "regular")
    }

    @Test("overtime fits the shift calendar")
    func overtimeAndCalendar() throws {
        #expect(Support.error("{ technicians: { overtime: { eveningExtensionHours: 10 } } }")?.path
                == "technicians.overtime.eveningExtensionHours")
        #expect(Support.error("{ technicians: { overtime: { dailyCapHours: 6 } } }")?.path
                == "technicians.overtime.dailyCapHours")
        #expect(Support.error("{ technicians: { overtime: { weeklyCapHours: 30 } } }")?.path
                == "technicians.overtime.weeklyCapHours")
        // In continuous mode the shift rules do not apply.
        let continuous = try ScenarioReader.read(
            text: "{ calendar: { mode: 'continuous' }, technicians: { overtime: { weeklyCapHours: 30 } } }", fileName: "x")
        #expect(continuous.calendar.mode == .continuous)
    }

    @Test("churn and abuse probabilities stay probabilities; head count stays bounded")
    func probabilitiesAndHeadCount() throws {
        #expect(Support.error("{ clients: { a: { churn: { baseMonthly: 0.5, sensitivity: 0.6 } } } }")?.path
                == "clients.a.churn.sensitivity")
        #expect(Support.error("""
            { clients: { k: { isKeyClient: true, keyClient: { abuseProbabilityPerLateOrder: 0.5 } } },
              policies: { p: {}, q: { keyClientTerms: { discount: 0.1 }, response: { accepts: { probability: 1, abuseFactor: 3 } } } },
              baseline: "p" }
            """)?.path == "policies.q.response.accepts.abuseFactor")
        #expect(Support.error("{ technicians: { count: 9999 }, policies: { p: { extraTechnicians: 2 } } }")?.path
                == "policies.p.extraTechnicians")
    }
}
