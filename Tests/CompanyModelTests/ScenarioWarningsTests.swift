import CompanyModel
import Testing

/// Scenarios that cannot mean what they say: each warning names its fields and figures.
@Suite("Scenario warnings")
struct ScenarioWarningsTests {
    static func warnings(_ text: String) throws -> [String] {
        try ScenarioReader.read(text: text, fileName: "x.json5").warnings.map { $0.message(file: "x.json5") }
    }

    static func only(_ text: String, containing marker: String) throws -> String {
        let all = try warnings(text)
        let matching = all.filter { $0.contains(marker) }
        try #require(matching.count == 1, "one warning with '\(marker)' expected, got: \(all)")
        return matching[0]
    }

    @Test("an evening extension that does not fit under the daily cap after a shift: no evening overtime")
    func eveningBeyondDailyCap() throws {
        let message = try Self.only("""
            { calendar: { shiftLengthHours: 7.5 }, technicians: { overtime: { eveningExtensionHours: 3, dailyCapHours: 10, weeklyCapHours: 60 } } }
            """, containing: "eveningExtensionHours")
        #expect(message.hasPrefix("warning: x.json5: technicians.overtime.eveningExtensionHours (3 h)"))
        for part in ["calendar.shiftLengthHours (7.5 h)", "10.5 h", "technicians.overtime.dailyCapHours (10 h)",
                     "no evening overtime will be worked", "raise the cap to 10.5 h", "shorten the extension to 2.5 h"] {
            #expect(message.contains(part), "\(message)")
        }
        // Exactly at the cap it is worked; and without an extension there is nothing to say.
        #expect(try Self.warnings("{ calendar: { shiftLengthHours: 7.5 }, technicians: { overtime: { eveningExtensionHours: 2.5, dailyCapHours: 10, weeklyCapHours: 60 } } }")
            .allSatisfy { !$0.contains("eveningExtensionHours") })
        #expect(try Self.warnings("{ calendar: { shiftLengthHours: 10 }, technicians: { overtime: { eveningExtensionHours: 0, dailyCapHours: 10, weeklyCapHours: 60 } } }")
            .allSatisfy { !$0.contains("eveningExtensionHours") })
    }

    @Test("an hourly cost at or above a group's price names the group and both figures")
    func hourlyCostAbovePrice() throws {
        let message = try Self.only("""
            { technicians: { hourlyCostEur: 95 }, clients: { key: { isKeyClient: true, count: 1, priceEurPerHour: 120 },
              regular: { priceEurPerHour: 90 } } }
            """, containing: "hourlyCostEur")
        #expect(message.contains("technicians.hourlyCostEur (95 €/h)"), "\(message)")
        #expect(message.contains("clients.regular.priceEurPerHour (90 €/h)"), "\(message)")
        #expect(message.contains("'regular' loses money"), "\(message)")
        #expect(!message.contains("clients.key."), "the key client pays 120 €/h: no warning for it")
    }

    @Test("an absurd hourly cost (a monthly or yearly figure) is named with the bound")
    func absurdHourlyCost() throws {
        let all = try Self.warnings("{ technicians: { hourlyCostEur: 4000 } }")
        let absurd = try #require(all.first { $0.contains("above 1000 €/h") })
        #expect(absurd.contains("technicians.hourlyCostEur (4000 €/h)"))
    }

    @Test("a rush lead time longer than the standard one names both fields and figures")
    func rushLongerThanStandard() throws {
        let message = try Self.only("""
            { clients: { key: { isKeyClient: true, count: 1, leadTimeDays: 10, keyClient: { rushFraction: 0.2, rushLeadTimeDays: 12 } } } }
            """, containing: "longer than")
        #expect(message.contains("clients.key.keyClient.rushLeadTimeDays (12 days)"), "\(message)")
        #expect(message.contains("clients.key.leadTimeDays (10 days)"), "\(message)")
        // No rush orders, or none accepted by any policy: the rush lead time is never used.
        #expect(try Self.warnings("""
            { clients: { key: { isKeyClient: true, count: 1, leadTimeDays: 10, keyClient: { rushFraction: 0, rushLeadTimeDays: 12 } } } }
            """).allSatisfy { !$0.contains("rushLeadTimeDays") })
        #expect(try Self.warnings("""
            { clients: { key: { isKeyClient: true, count: 1, leadTimeDays: 10, keyClient: { rushFraction: 0.2, rushLeadTimeDays: 12 } } },
              policies: { p: {} }, baseline: "p" }
            """).allSatisfy { !$0.contains("rushLeadTimeDays") })
    }

    @Test("a rush lead time too short for the mean work content names the work, the lead time and the hours available")
    func rushTooShortForTheWork() throws {
        let message = try Self.only("""
            { calendar: { shiftLengthHours: 8 },
              clients: { key: { isKeyClient: true, count: 1, workHours: { type: "constant", value: 30 },
                                keyClient: { rushFraction: 0.25, rushLeadTimeDays: 2 } } } }
            """, containing: "workHours")
        for part in ["clients.key.workHours has a mean of 30 h", "the 16 h one technician can work at most",
                     "clients.key.keyClient.rushLeadTimeDays (2 days", "calendar.shiftLengthHours", "9.933 h on average"] {
            #expect(message.contains(part), "\(message)")
        }
        // (9.933 h: 2 days × 8 h × 5/7, less the default calendar's holidays and annual leave.)
        // 24 h fit in 3 days from a Monday morning: hard, but not impossible; no warning.
        #expect(try Self.warnings("""
            { calendar: { shiftLengthHours: 8 },
              clients: { key: { isKeyClient: true, count: 1, workHours: { type: "constant", value: 24 },
                                keyClient: { rushFraction: 0.25, rushLeadTimeDays: 3 } } } }
            """).allSatisfy { !$0.contains("workHours") })
    }

    @Test("the best-case working hours in a lead time: from the best shift start, shifts counted as far as they fall inside",
          arguments: [(3.0, 24.0), (7, 40), (2.5, 24), (0.2, 4.8), (9, 56), (0, 0)])
    func bestCaseWorkingHours(days: Double, hours: Double) throws {
        let scenario = try ScenarioReader.read(text: "{ calendar: { shiftLengthHours: 8, workingWeekdays: [0, 1, 2, 3, 4] } }", fileName: "x.json5")
        #expect(abs(scenario.bestCaseWorkingHours(inDays: days) - hours) < 1e-9, "\(days) days")
        let continuous = try ScenarioReader.read(text: "{ calendar: { mode: 'continuous' } }", fileName: "x.json5")
        #expect(continuous.bestCaseWorkingHours(inDays: days) == 24 * days)
    }

    @Test("utilisation ≥ 1 names the policy, the figures, and says the key client is assumed to stay")
    func utilisationAtLeastOne() throws {
        let all = try Self.warnings("{ technicians: { count: 3 } }")
        let messages = all.filter { $0.contains("utilisation") }
        #expect(messages.count == 2, "both policies are overloaded: \(all)")
        let message = try #require(messages.first)
        #expect(message.hasPrefix("warning: x.json5: policies.indulge: utilisation"), "\(message)")
        for part in ["≥ 1 if the key client stays", "h/week offered", "h/week of contract capacity",
                     "technicians.count", "policies.indulge.extraTechnicians", "simulation.maxBacklogOrders = "] {
            #expect(message.contains(part), "\(message)")
        }
    }

    @Test("a response on a policy with the baseline's terms is named as unused")
    func unusedResponse() throws {
        let message = try Self.only("""
            { policies: { a: {}, b: { discipline: "edd", response: { accepts: { probability: 1 } } } }, baseline: "a" }
            """, containing: "response")
        #expect(message == "warning: x.json5: policies.b.response is not used: policy 'b' has the baseline's keyClientTerms, so the key client has nothing to respond to")
    }

    @Test("each warning lists the fields it names in its message")
    func fieldsAreNamed() throws {
        let scenario = try ScenarioReader.read(text: """
            { calendar: { shiftLengthHours: 8 }, technicians: { count: 2, hourlyCostEur: 4000, overtime: { eveningExtensionHours: 3, dailyCapHours: 10, weeklyCapHours: 60 } },
              clients: { key: { isKeyClient: true, count: 1, leadTimeDays: 1, workHours: { type: "constant", value: 30 },
                                keyClient: { rushFraction: 0.25, rushLeadTimeDays: 2 } } } }
            """, fileName: "x.json5")
        #expect(scenario.warnings.count >= 5)
        for warning in scenario.warnings {
            for field in warning.fields {
                #expect(warning.problem.contains(field), "\(field) not in: \(warning.problem)")
            }
        }
    }
}
