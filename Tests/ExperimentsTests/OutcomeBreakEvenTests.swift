import Foundation
import Testing
import CompanyModel
import Experiments

/// The closed-form break-even of an outcome probability against bisection on the same
/// replications, and the decision figures a run writes.
@Suite("Break-even of an outcome probability")
struct OutcomeBreakEvenTests {
    /// The default company, its two policies written out (a sweep or search patches a policy
    /// only in a file that writes its policies).
    static let text = """
        { simulation: { horizonDays: 200, warmupDays: 50, replications: 8 },
          policies: { indulge: { keyClientTerms: { priority: "preemptive", acceptRush: true, discount: 0.15,
              meetingManagerHours: 3, meetingTechnicianHours: 1 }, overtimeTrigger: "keyAtRisk", restDayOvertime: true },
            standard: { discipline: "edd", overtimeTrigger: "backlog",
              response: { leaves: { probability: 0.35 }, reducesVolume: { probability: 0.65, volumeFactor: 0.85, abuseFactor: 0.3 } } } },
          baseline: "indulge" }
        """

    @Test("the closed form agrees with bisection over re-run experiments (same replications)")
    func closedFormMatchesBisection() throws {
        let tree = try ScenarioReader.parse(text: Self.text, fileName: "be.json5")
        let path = try ParameterPath("policies.standard.response.leaves.probability")
        func search(_ method: BreakEven.Method) throws -> BreakEven {
            try BreakEven.find(tree: tree, fileName: "be.json5", path: path, range: 0...1, metric: .profitEur, policy: "standard",
                               replications: 8, seed: 1, confidence: 0.95, jobs: 2, iterations: 30, integer: false, method: method)
        }
        let closed = try search(.closedForm), bisection = try search(.bisection)
        #expect(closed.method == .closedForm)
        guard case .crossing(let q, let low, let high) = closed.answer,
              case .crossing(let qb, let lowb, let highb) = bisection.answer else {
            Issue.record("both searches should find a crossing: \(closed.answer), \(bisection.answer)")
            return
        }
        // Each bisection evaluation weighs the same two branches with new probabilities, so its
        // mean difference is exactly linear in q, and the final interpolation lands on q*: the
        // two agree up to rounding. The interval ends are where the t-interval of D(q) touches
        // 0, which is Fieller's set; bisection brackets them to 2⁻³⁰ before interpolating a
        // curve that is not linear there, so they agree to 1e-6.
        #expect(abs(q - qb) < 1e-9)
        #expect(abs((low ?? -1) - (lowb ?? -2)) < 1e-6)
        #expect(abs((high ?? -1) - (highb ?? -2)) < 1e-6)
        #expect(q > 0 && q < 1)
        // The evaluations of the closed form are D(q) at the grid, the ends those of the branches.
        let ends = try Experiment.run(scenario: ScenarioReader.read(text: Self.text, fileName: "be.json5"),
                                      settings: ExperimentSettings(scenario: ScenarioReader.read(text: Self.text, fileName: "be.json5"),
                                                                   replications: 8, jobs: 2))
        let leaves = ends.comparison(policy: 1, outcome: "leaves", metric: .profitEur).differences.mean
        #expect(abs(closed.evaluations.last!.mean - leaves) <= 1e-9 * abs(leaves))
    }

    @Test("decision.csv: the break-even, the declared probabilities and an EVPI that matches its definition")
    func decisionFigures() throws {
        let scenario = try ScenarioReader.read(text: Self.text, fileName: "be.json5")
        let outcome = try Experiment.run(scenario: scenario, settings: ExperimentSettings(scenario: scenario, replications: 8, jobs: 2))
        let figures = DecisionFigures(outcome)
        let evpi = try #require(figures.rows.first { $0.figure == "evpi" })
        // Two policies, the baseline without a response: EVPI = Σ_k p_k max(D̄_k, 0) − max(D̄, 0).
        let leaves = outcome.comparison(policy: 1, outcome: "leaves", metric: .profitEur).differences.mean
        let stays = outcome.comparison(policy: 1, outcome: "reducesVolume", metric: .profitEur).differences.mean
        let all = outcome.comparison(policy: 1, metric: .profitEur).differences.mean
        let expected = 0.35 * max(leaves, 0) + 0.65 * max(stays, 0) - max(all, 0)
        #expect(abs(evpi.value - expected) <= 1e-9 * max(1, abs(expected)))
        #expect(figures.rows.contains { $0.figure == "probability" && $0.outcome == "leaves" && $0.value == 0.35 })
        #expect(figures.rows.contains { $0.figure == "breakeven_probability" && $0.outcome == "leaves" })
        let recommended = try #require(figures.rows.first { $0.figure == "recommended_policy" })
        #expect(recommended.policy == (all > 0 ? "standard" : "indulge"))
        let csv = ExperimentTests.tables(outcome).decisionCSV
        #expect(csv.hasPrefix("point,figure,policy,outcome,value,ci_low,ci_high,note\n"))
        #expect(csv.contains("0,evpi,,,"))
    }

    @Test("replications in which the key client was gone before the decision day are counted, and the difference is also given without them")
    func absentKeyClient() throws {
        let text = """
            { simulation: { horizonDays: 200, warmupDays: 120, replications: 12 },
              clients: { regular: { count: 10, ordersPerWeek: 0.6 }, key: { isKeyClient: true, ordersPerWeek: 4, churn: { baseMonthly: 0.1 } } },
              policies: { indulge: { keyClientTerms: { priority: "preemptive", discount: 0.15 } },
                standard: { response: { leaves: { probability: 0.35 }, accepts: { probability: 0.65 } } } },
              baseline: "indulge" }
            """
        let scenario = try ScenarioReader.read(text: text, fileName: "absent.json5")
        let outcome = try Experiment.run(scenario: scenario, settings: ExperimentSettings(scenario: scenario, replications: 12, jobs: 2))
        let present = outcome.results[0].indices.filter { outcome.results[0][$0][.keyClientPresent] == 1 }
        // 1 − 0.9⁴ = 34 % lose it in the four month ends before day 120; the seed is fixed, and
        // this checks that both kinds of replication are there.
        #expect(outcome.keyClientAbsentCount == 12 - present.count)
        #expect(outcome.keyClientAbsentCount > 0 && !present.isEmpty)
        let figures = DecisionFigures(outcome)
        #expect(figures.rows.first { $0.figure == "key_client_absent" }?.value == Double(outcome.keyClientAbsentCount))
        let row = try #require(figures.rows.first { $0.figure == "expected_difference_key_client_present" })
        let byHand = present.map { outcome.results[1][$0][.profitEur] - outcome.results[0][$0][.profitEur] }.reduce(0, +) / Double(present.count)
        #expect(abs(row.value - byHand) <= 1e-9 * max(1, abs(byHand)))
        // In an absent replication every branch is the same run.
        for r in outcome.results[0].indices where !present.contains(r) {
            let branches = outcome.branches[1][r]
            #expect(branches.count == 2 && branches[0].result.values.map(\.bitPattern) == branches[1].result.values.map(\.bitPattern))
        }
    }
}
