import CompanyModel
import SimulationKernel
import Testing

@Suite("ScenarioReader: defaults and full files")
struct ScenarioReaderDefaultsTests {
    @Test("{} gives the documented defaults")
    func emptyObjectGivesDefaults() throws {
        let scenario = try ScenarioReader.read(text: "{}", fileName: "scenarios/minimal.json5")
        #expect(scenario.name == "minimal")
        #expect(scenario.description == "")
        #expect(scenario.simulation == SimulationSettings())
        #expect(scenario.simulation.horizonDays == 1095)
        #expect(scenario.simulation.decisionDay == nil)
        #expect(scenario.calendar == CalendarSettings())
        #expect(scenario.technicians == TechnicianSettings())
        #expect(scenario.technicians.count == 13)
        #expect(scenario.technicians.overtime.premiumBands.count == 2)
        #expect(scenario.newClients == NewClientSettings())
        #expect(scenario.money == MoneySettings())

        // The default pair of client groups.
        #expect(scenario.clientGroupNames == ["key", "regular"])
        let key = try #require(scenario.clients["key"])
        #expect(key.isKeyClient && key.count == 1 && key.ordersPerWeek == 12)
        #expect(key.workHours == (try Distribution.lognormal(mean: 12, sd: 8)))
        #expect(key.leadTimeDays == 10 && key.latePenaltyFraction == 0.03)
        #expect(key.keyClient == KeyClientTraits())
        #expect(scenario.clients["regular"] == ClientGroup())
        #expect(scenario.keyClientGroupName == "key")

        // The default pair of policies, indulge first.
        #expect(scenario.baseline == "indulge")
        #expect(scenario.policyNames == ["indulge", "standard"])
        let indulge = try #require(scenario.policies["indulge"])
        #expect(indulge.keyClientTerms.priority == .preemptive && indulge.discipline == .fifo && indulge.keyClientTerms.acceptRush)
        #expect(indulge.overtimeTrigger == .keyAtRisk && indulge.restDayOvertime)
        #expect(indulge.keyClientTerms.meetingManagerHours == 3 && indulge.keyClientTerms.meetingTechnicianHours == 1)
        #expect(indulge.keyClientTerms.discount == 0.15 && indulge.keyClientTerms.surcharge == 0 && indulge.keyClientTerms.rushSurcharge == 0)
        #expect(indulge.response == nil)
        let standard = try #require(scenario.policies["standard"])
        #expect(standard.keyClientTerms == KeyClientTerms() && standard.discipline == .edd)
        #expect(standard.overtimeTrigger == .backlog && !standard.restDayOvertime)
        let response = try #require(standard.response)
        #expect(response.outcomes.map(\.kind) == [.leaves, .reducesVolume])
        #expect(response.outcomes.map(\.probability) == [0.35, 0.65])
        #expect(response.outcomes[1].volumeFactor == 0.85 && response.outcomes[1].abuseFactor == 0.3)
        #expect(scenario.policies == Policy.defaultPolicies)
        #expect(scenario.clients == ClientGroup.defaultGroups)
    }

    @Test("name defaults to the file name without directory and extension")
    func nameFromFileName() throws {
        #expect(try ScenarioReader.read(text: "{}", fileName: "a/b/big-client.v2.json5").name == "big-client.v2")
        #expect(try ScenarioReader.read(text: "{}", fileName: "plain").name == "plain")
        #expect(try ScenarioReader.read(text: "{}", fileName: "my study.json5").name == "my-study")
        #expect(try ScenarioReader.read(text: "{ name: 'given' }", fileName: "x.json5").name == "given")
    }

    @Test("comments, trailing commas, unquoted keys and single quotes")
    func json5Syntax() throws {
        let text = """
        // A scenario with JSON5 conveniences.
        {
          /* block
             comment */
          name: 'json5-demo',   // single quotes
          "description": "double quotes",
          technicians: { count: 0x0A, hourlyCostEur: +42.5, },
          simulation: { horizonDays: 365., warmupDays: .5e2, },
          calendar: { holidays: { set: 'none', extraDates: ['2027-01-04', "2027-12-27",], }, },
        }
        """
        let scenario = try ScenarioReader.read(text: text, fileName: "x.json5")
        #expect(scenario.name == "json5-demo")
        #expect(scenario.description == "double quotes")
        #expect(scenario.technicians.count == 10)
        #expect(scenario.technicians.hourlyCostEur == 42.5)
        #expect(scenario.simulation.horizonDays == 365)
        #expect(scenario.simulation.warmupDays == 50)
        #expect(scenario.calendar.holidays == PublicHolidays(set: .none, extraDates: [CivilDate(iso: "2027-01-04")!,
                                                                                        CivilDate(iso: "2027-12-27")!]))
    }

    @Test("a group with only some fields gets ClientGroup() defaults for the rest")
    func partialGroupAndPolicy() throws {
        let text = """
        {
          clients: {
            big: { isKeyClient: true, ordersPerWeek: 20 },
            small: { count: 50 },
          },
          policies: { only: { discipline: "edd" } },
        }
        """
        let scenario = try ScenarioReader.read(text: text, fileName: "x.json5")
        var expectedBig = ClientGroup()
        expectedBig.isKeyClient = true
        expectedBig.count = 1  // a key-client group defaults to one client
        expectedBig.ordersPerWeek = 20
        expectedBig.keyClient = KeyClientTraits()
        #expect(scenario.clients["big"] == expectedBig)
        var expectedSmall = ClientGroup()
        expectedSmall.count = 50
        #expect(scenario.clients["small"] == expectedSmall)
        var only = Policy()
        only.discipline = .edd
        #expect(scenario.policies == ["only": only])
        #expect(scenario.baseline == "only")  // the only policy is the baseline
    }

    @Test("baseline defaults to indulge among several policies")
    func baselineDefaultsToIndulge() throws {
        let text = "{ policies: { zeta: {}, indulge: { discipline: 'edd' } } }"
        let scenario = try ScenarioReader.read(text: text, fileName: "x.json5")
        #expect(scenario.baseline == "indulge")
        #expect(scenario.policyNames == ["indulge", "zeta"])
    }

    @Test("null: optional fields accept it")
    func nullForOptionals() throws {
        let text = "{ simulation: { decisionDay: null }, newClients: { joinGroup: null } }"
        let scenario = try ScenarioReader.read(text: text, fileName: "x.json5")
        #expect(scenario.simulation.decisionDay == nil)
        #expect(scenario.newClients.joinGroup == nil)
    }

    @Test("a bare number is a constant distribution; each family reads")
    func distributions() throws {
        func hours(_ text: String) throws -> Distribution {
            let scenario = try ScenarioReader.read(text: "{ clients: { a: { workHours: \(text) } }, policies: { p: {} } }", fileName: "x.json5")
            return scenario.clients["a"]!.workHours
        }
        #expect(try hours("3") == Distribution.constant(3))
        #expect(try hours("{ type: 'constant', value: 2 }") == Distribution.constant(2))
        #expect(try hours("{ type: 'uniform', min: 1, max: 2 }") == Distribution.uniform(min: 1, max: 2))
        #expect(try hours("{ type: 'triangular', min: 1, mode: 2, max: 4 }")
                == Distribution.triangular(min: 1, mode: 2, max: 4))
        #expect(try hours("{ type: 'exponential', mean: 4 }") == Distribution.exponential(mean: 4))
        #expect(try hours("{ type: 'normal', mean: 5, sd: 2, truncatedAtZero: true }")
                == Distribution.normal(mean: 5, sd: 2, truncatedAtZero: true))
        #expect(try hours("{ type: 'normal', mean: 5, sd: 0 }") == Distribution.normal(mean: 5, sd: 0))
        #expect(try hours("{ type: 'lognormal', mean: 12, sd: 8 }") == Distribution.lognormal(mean: 12, sd: 8))
        #expect(try hours("{ type: 'gamma', mean: 6, sd: 3 }") == Distribution.gamma(mean: 6, sd: 3))
        #expect(try hours("{ type: 'erlang', mean: 6, shape: 3 }") == Distribution.erlang(mean: 6, shape: 3))
        #expect(try hours("{ type: 'empirical', values: [1, 2, 5], weights: [5, 3, 1] }")
                == Distribution.empirical(values: [1, 2, 5], weights: [5, 3, 1]))
        #expect(try hours("{ type: 'empirical', values: [1, 2] }")
                == Distribution.empirical(values: [1, 2], weights: [1, 1]))
        #expect(try hours("{ type: 'poisson', mean: 3 }") == Distribution.poisson(mean: 3))
        #expect(try hours("{ type: 'bernoulli', probability: 0.5 }") == Distribution.bernoulli(probability: 0.5))
    }

    @Test("a file with every field reads to exactly those values")
    func fullFile() throws {
        let scenario = try ScenarioReader.read(text: Self.fullText, fileName: "scenarios/full.json5")
        #expect(scenario == (try Self.fullExpected()))
    }

    @Test("parse then decode equals read; the tree can be patched and decoded again")
    func parseDecodeAndPatch() throws {
        let tree = try ScenarioReader.parse(text: Self.fullText, fileName: "full.json5")
        #expect(try ScenarioReader.decode(tree, fileName: "full.json5") == (try Self.fullExpected()))
        guard case .object(var root) = tree, case .object(var technicians)? = root["technicians"] else {
            Issue.record("expected objects")
            return
        }
        technicians["count"] = .number(20)
        root["technicians"] = .object(technicians)
        let patched = try ScenarioReader.decode(.object(root), fileName: "full.json5")
        #expect(patched.technicians.count == 20)
    }

    static let fullText = """
    {
      name: "full",
      description: "Every field given.",
      simulation: { horizonDays: 400, warmupDays: 30, decisionDay: 60, replications: 50, seed: 1234,
                    confidence: 0.9, maxBacklogOrders: 5000 },
      calendar: { mode: "shifts", startDate: "2028-01-03", workingWeekdays: [0, 1, 2, 3], shiftStartHour: 7.5,
                  shiftLengthHours: 8, holidays: { set: "france-alsace-moselle", extraDates: ["2028-08-14"] } },
      technicians: {
        count: 9, hourlyCostEur: 45, absenceDisruptionEurPerDay: 300,
        sickPay: { waitingDays: 3, firstRate: 0.5, firstDays: 60, laterRate: 0.25 },
        annualLeave: { daysPerYear: 20 },
        overtime: { eveningExtensionHours: 3, restDayShiftHours: 6, baseAcceptance: 0.7,
                    acceptanceStressSensitivity: 0.4, weeklyCapHours: 46, dailyCapHours: 11,
                    premiumBands: [{ fromWeeklyHours: 32, premium: 0.2 }, { fromWeeklyHours: 40, premium: 0.6 }],
                    weekendPremium: 0.3, holidayPremium: 0.9 },
        stress: { decayPerWorkday: 0.06, decayPerRestDay: 0.2, perOvertimeHour: 0.05, perRestDayWorked: 0.3,
                  perPreemption: 0.07, perAbuseIncident: 0.5, perBacklogDay: 0.03, backlogThresholdDays: 4 },
        sickLeave: { baseDailyHazard: 0.002, stressSensitivity: 0.6, durationDays: { type: "lognormal", mean: 10, sd: 5 } },
        burnout: { baseDailyHazard: 0.0001, stressSensitivity: 1.1, durationDays: { type: "gamma", mean: 90, sd: 30 } },
        resignation: { baseDailyHazard: 0.0004, stressSensitivity: 0.8, quitProbabilityPerAbuse: 0.05 },
        hiring: { delayDays: 45, costEur: 5000, rampDays: 60, rampStartProductivity: 0.6, replaceAboveUtilisation: 0.7 },
      },
      clients: {
        big: {
          count: 1, isKeyClient: true, ordersPerWeek: 10, workHours: { type: "exponential", mean: 9 },
          priceEurPerHour: 80, leadTimeDays: 8, latePenaltyFraction: 0.05,
          churn: { baseMonthly: 0.01, sensitivity: 0.2, exponent: 2, toleranceDays: 5, smoothing: 0.3 },
          keyClient: { rushFraction: 0.3, rushLeadTimeDays: 2, abuseProbabilityPerLateOrder: 0.4 },
        },
        small: { count: 40, ordersPerWeek: 0.5, workHours: 6, priceEurPerHour: 95, leadTimeDays: 20 },
      },
      newClients: { baseRatePerMonth: 0.5, onTimeExponent: 1.5, onTimeWindowDays: 60, joinGroup: "small" },
      money: { materialsFraction: 0.2, managerHourlyCostEur: 75, overheadsEurPerMonth: 25000 },
      policies: {
        indulge: { keyClientTerms: { priority: "preemptive", acceptRush: true, rushSurcharge: 0.1, discount: 0.1,
                                     surcharge: 0.05, meetingManagerHours: 2, meetingTechnicianHours: 0.5 },
                   discipline: "fifo", switchPenaltyHours: 0.5, overtimeTrigger: "keyAtRisk", riskWindowDays: 3,
                   backlogThresholdDays: 6, restDayOvertime: true, extraTechnicians: 0 },
        firm: { keyClientTerms: { priority: "none", acceptRush: false },
                response: { leaves: { probability: 0.2 }, leavesLater: { probability: 0.1, months: 6, abuseFactor: 0.5 },
                            reducesVolume: { probability: 0.3, volumeFactor: 0.9, abuseFactor: 0.2 },
                            accepts: { probability: 0.4, abuseFactor: 0.8 } },
                discipline: "edd", overtimeTrigger: "backlog", extraTechnicians: 2 },
      },
      baseline: "indulge",
    }
    """

    static func fullExpected() throws -> Scenario {
        var simulation = SimulationSettings()
        simulation.horizonDays = 400
        simulation.warmupDays = 30
        simulation.decisionDay = 60
        simulation.replications = 50
        simulation.seed = 1234
        simulation.confidence = 0.9
        simulation.maxBacklogOrders = 5000

        var calendar = CalendarSettings()
        calendar.mode = .shifts
        calendar.workingWeekdays = [0, 1, 2, 3]
        calendar.shiftStartHour = 7.5
        calendar.shiftLengthHours = 8
        calendar.startDate = CivilDate(iso: "2028-01-03")!
        calendar.holidays = PublicHolidays(set: .franceAlsaceMoselle, extraDates: [CivilDate(iso: "2028-08-14")!])

        var technicians = TechnicianSettings()
        technicians.count = 9
        technicians.hourlyCostEur = 45
        technicians.absenceDisruptionEurPerDay = 300
        technicians.sickPay.waitingDays = 3
        technicians.sickPay.firstRate = 0.5
        technicians.sickPay.firstDays = 60
        technicians.sickPay.laterRate = 0.25
        technicians.annualLeave.daysPerYear = 20
        technicians.overtime.eveningExtensionHours = 3
        technicians.overtime.restDayShiftHours = 6
        technicians.overtime.baseAcceptance = 0.7
        technicians.overtime.acceptanceStressSensitivity = 0.4
        technicians.overtime.weeklyCapHours = 46
        technicians.overtime.dailyCapHours = 11
        technicians.overtime.premiumBands = [PremiumBand(fromWeeklyHours: 32, premium: 0.2),
                                             PremiumBand(fromWeeklyHours: 40, premium: 0.6)]
        technicians.overtime.weekendPremium = 0.3
        technicians.overtime.holidayPremium = 0.9
        technicians.stress.decayPerWorkday = 0.06
        technicians.stress.decayPerRestDay = 0.2
        technicians.stress.perOvertimeHour = 0.05
        technicians.stress.perRestDayWorked = 0.3
        technicians.stress.perPreemption = 0.07
        technicians.stress.perAbuseIncident = 0.5
        technicians.stress.perBacklogDay = 0.03
        technicians.stress.backlogThresholdDays = 4
        technicians.sickLeave = HazardSettings(baseDailyHazard: 0.002, stressSensitivity: 0.6,
                                               durationDays: try .lognormal(mean: 10, sd: 5))
        technicians.burnout = HazardSettings(baseDailyHazard: 0.0001, stressSensitivity: 1.1,
                                             durationDays: try .gamma(mean: 90, sd: 30))
        technicians.resignation.baseDailyHazard = 0.0004
        technicians.resignation.stressSensitivity = 0.8
        technicians.resignation.quitProbabilityPerAbuse = 0.05
        technicians.hiring.delayDays = 45
        technicians.hiring.costEur = 5000
        technicians.hiring.rampDays = 60
        technicians.hiring.rampStartProductivity = 0.6
        technicians.hiring.replaceAboveUtilisation = 0.7

        var big = ClientGroup()
        big.count = 1
        big.isKeyClient = true
        big.ordersPerWeek = 10
        big.workHours = try .exponential(mean: 9)
        big.priceEurPerHour = 80
        big.leadTimeDays = 8
        big.latePenaltyFraction = 0.05
        big.churn.baseMonthly = 0.01
        big.churn.sensitivity = 0.2
        big.churn.exponent = 2
        big.churn.toleranceDays = 5
        big.churn.smoothing = 0.3
        var traits = KeyClientTraits()
        traits.rushFraction = 0.3
        traits.rushLeadTimeDays = 2
        traits.abuseProbabilityPerLateOrder = 0.4
        big.keyClient = traits

        var small = ClientGroup()
        small.count = 40
        small.ordersPerWeek = 0.5
        small.workHours = try .constant(6)
        small.priceEurPerHour = 95
        small.leadTimeDays = 20

        var newClients = NewClientSettings()
        newClients.baseRatePerMonth = 0.5
        newClients.onTimeExponent = 1.5
        newClients.onTimeWindowDays = 60
        newClients.joinGroup = "small"

        var money = MoneySettings()
        money.materialsFraction = 0.2
        money.managerHourlyCostEur = 75
        money.overheadsEurPerMonth = 25000

        var indulge = Policy()
        indulge.keyClientTerms.priority = .preemptive
        indulge.keyClientTerms.acceptRush = true
        indulge.keyClientTerms.rushSurcharge = 0.1
        indulge.keyClientTerms.discount = 0.1
        indulge.keyClientTerms.surcharge = 0.05
        indulge.keyClientTerms.meetingManagerHours = 2
        indulge.keyClientTerms.meetingTechnicianHours = 0.5
        indulge.discipline = .fifo
        indulge.switchPenaltyHours = 0.5
        indulge.overtimeTrigger = .keyAtRisk
        indulge.riskWindowDays = 3
        indulge.backlogThresholdDays = 6
        indulge.restDayOvertime = true
        indulge.extraTechnicians = 0
        var firm = Policy()
        firm.keyClientTerms.priority = .none
        firm.keyClientTerms.acceptRush = false
        var later = KeyClientOutcome(kind: .leavesLater, probability: 0.1)
        later.months = 6
        later.abuseFactor = 0.5
        var fewer = KeyClientOutcome(kind: .reducesVolume, probability: 0.3)
        fewer.volumeFactor = 0.9
        fewer.abuseFactor = 0.2
        var accepts = KeyClientOutcome(kind: .accepts, probability: 0.4)
        accepts.abuseFactor = 0.8
        firm.response = KeyClientResponse(outcomes: [KeyClientOutcome(kind: .leaves, probability: 0.2), later, fewer, accepts])
        firm.discipline = .edd
        firm.overtimeTrigger = .backlog
        firm.extraTechnicians = 2

        return Scenario(name: "full", description: "Every field given.", simulation: simulation, calendar: calendar,
                        technicians: technicians, clients: ["big": big, "small": small], newClients: newClients,
                        money: money, policies: ["indulge": indulge, "firm": firm], baseline: "indulge")
    }
}
