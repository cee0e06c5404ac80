import Testing
import CompanyModel
import Experiments

/// Sweeping a field the scenario file leaves out: the starter of `bigclient init` writes a
/// handful of fields, and every other one has a documented default a sweep must be able to vary.
@Suite("Sweeps of fields the file leaves to their defaults")
struct SweepDefaultedFieldTests {
    static func starterTree() throws -> JSONValue {
        try ScenarioReader.parse(text: StarterScenario.text, fileName: "my-company.json5")
    }

    static func plan(_ tree: JSONValue, _ vary: [String], design: SweepDesign = .grid) throws -> SweepPlan {
        try SweepPlan.make(tree: tree, fileName: "my-company.json5", parameters: vary.map { try SweepParameter(argument: $0) },
                           design: design, samples: 0, seed: 1)
    }

    /// The message of the failure making the plan gives, or "no error".
    static func refusal(_ tree: JSONValue, _ vary: String, design: SweepDesign = .grid) -> String {
        do {
            _ = try plan(tree, [vary], design: design)
            return "no error"
        } catch {
            return "\(error)"
        }
    }

    @Test("a field of a section the file leaves out takes the swept values; everything else keeps its value")
    func createsTheMissingSection() throws {
        let tree = try Self.starterTree()
        #expect(try ParameterPath("technicians.sickLeave").value(in: tree) == nil, "the starter has no sickLeave")
        let base = try ScenarioReader.decode(tree, fileName: "my-company.json5")
        let plan = try Self.plan(tree, ["technicians.sickLeave.baseDailyHazard=0,0.05"])
        #expect(plan.parameterNames == ["technicians.sickLeave.baseDailyHazard"])
        #expect(plan.pointValues == [["0"], ["0.05"]])
        for (scenario, hazard) in zip(plan.scenarios, [0.0, 0.05]) {
            var expected = base
            expected.technicians.sickLeave.baseDailyHazard = hazard
            #expect(scenario == expected, "only the swept field changes; sickLeave's other fields keep their defaults")
        }
        #expect(plan.scenarios[0].technicians.sickLeave.stressSensitivity == TechnicianSettings().sickLeave.stressSensitivity)
    }

    @Test("the swept default moves the metric: no sick leave at hazard 0, some at 0.05 a day")
    func theMetricMoves() throws {
        var tree = try Self.starterTree()
        tree = try ParameterPath("simulation.horizonDays").patch(tree, with: .number(150))
        tree = try ParameterPath("simulation.warmupDays").patch(tree, with: .number(30))
        let plan = try Self.plan(tree, ["technicians.sickLeave.baseDailyHazard=0,0.05"])
        var episodes: [Double] = []
        for scenario in plan.scenarios {
            let settings = ExperimentSettings(scenario: scenario, policies: [scenario.baseline], replications: 3, jobs: 2)
            let outcome = try Experiment.run(scenario: scenario, settings: settings)
            episodes.append(outcome.values(policy: 0, metric: .sickLeaveEpisodes).reduce(0, +))
        }
        // Hazard 0 draws no leave at all. At 0.05 a day, 12 technicians over 120 measured days
        // expect ≈ 70 episodes per replication (more with stress); P(none in 3) < e^-200.
        #expect(episodes[0] == 0)
        #expect(episodes[1] > 10)
    }

    @Test("one at a time starts from the default of a field the file leaves out")
    func oneAtATimeBaseIsTheDefault() throws {
        let plan = try Self.plan(try Self.starterTree(), ["technicians.hiring.delayDays=30,90"], design: .oat)
        let delay = HiringSettings().delayDays
        #expect(plan.pointValues == [[JSONValue.format(delay)], ["30"], ["90"]])
        #expect(plan.scenarios.map(\.technicians.hiring.delayDays) == [delay, 30, 90])
    }

    @Test("a misspelt field is refused with the reader's did-you-mean, wherever on the path it is")
    func misspeltFields() throws {
        let tree = try Self.starterTree()
        let section = Self.refusal(tree, "technicians.sickLeav.baseDailyHazard=0.001,0.002")
        #expect(section.contains("'technicians.sickLeav.baseDailyHazard': a scenario has no field 'technicians.sickLeav'. "
                                 + "Did you mean 'technicians.sickLeave'?"), "\(section)")
        let leaf = Self.refusal(tree, "technicians.sickLeave.baseDailyHazzard=0.001")
        #expect(leaf.contains("Did you mean 'technicians.sickLeave.baseDailyHazard'?"), "\(leaf)")
        let top = Self.refusal(tree, "technicans.count=4,5")
        #expect(top.contains("Did you mean 'technicians'?"), "\(top)")
        // Also when one at a time looks for a base value.
        let oat = Self.refusal(tree, "technicians.hiring.delayDayz=30,90", design: .oat)
        #expect(oat.contains("Did you mean 'technicians.hiring.delayDays'?"), "\(oat)")
    }

    @Test("a group or policy the file does not write stays refused, as does an entry of a map left to its defaults")
    func namedEntries() throws {
        let tree = try Self.starterTree()
        #expect(Self.refusal(tree, "clients.vip.ordersPerWeek=1,2").contains("the scenario file has no 'clients.vip'"))
        #expect(Self.refusal(tree, "clients.kye.ordersPerWeek=1,2").contains("Did you mean 'key'?"))
        #expect(Self.refusal(tree, "policies.lenient.keyClientTerms.rushSurcharge=0,0.1").contains("the scenario file has no 'policies.lenient'"))
        let empty = JSONValue.object([:])
        let defaults = Self.refusal(empty, "clients.key.ordersPerWeek=10,12")
        #expect(defaults.contains("the scenario file has no 'clients', so it takes the default clients"), "\(defaults)")
        #expect(Self.refusal(empty, "policies.standard.keyClientTerms.rushSurcharge=0,0.1").contains("no 'policies'"))
        // Outside the named maps, an empty file can sweep any field.
        let plan = try Self.plan(empty, ["money.materialsFraction=0.2,0.3"])
        #expect(plan.scenarios.map(\.money.materialsFraction) == [0.2, 0.3])
    }

    @Test("a list the file does not write cannot be indexed")
    func absentList() throws {
        let message = Self.refusal(.object([:]), "technicians.overtime.premiumBands[0].premium=0.3,0.4")
        #expect(message.contains("has no list 'technicians.overtime.premiumBands'"), "\(message)")
    }
}
