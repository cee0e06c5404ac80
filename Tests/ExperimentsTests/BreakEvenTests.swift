import Foundation
import Testing
import CompanyModel
import Experiments

/// A crossing known by construction: the manager's hourly cost changes only the cost of the
/// meetings the baseline holds (`indulge`); it changes nothing else in the simulation. So under
/// common random numbers the profit difference (standard − indulge) is exactly linear in that
/// cost, D(x) = A + B·x with B = the baseline's mean meeting hours, and crosses zero at −A/B.
/// With the key client certain to leave under standard terms, A < 0 and the crossing is positive.
@Suite("Break-even search")
struct BreakEvenTests {
    static func tree() throws -> JSONValue {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        var tree = try ScenarioReader.parse(contentsOf: root.appendingPathComponent("scenarios/small-shop.json5").path)
        for (path, value) in [("simulation.horizonDays", 200.0), ("simulation.warmupDays", 30),
                              ("policies.standard.response.leaves.probability", 1),
                              ("policies.standard.response.reducesVolume.probability", 0)] {
            tree = try ParameterPath(path).patch(tree, with: .number(value))
        }
        return tree
    }

    @Test("bisection finds the crossing of a difference that is linear by construction")
    func knownCrossing() throws {
        let tree = try Self.tree()
        let path = try ParameterPath("money.managerHourlyCostEur")
        func difference(at x: Double) throws -> Double {
            let probe = try BreakEven.find(tree: tree, fileName: "small-shop.json5", path: path, range: x...(x + 1),
                                           metric: .profitEur, policy: "standard", replications: 6, seed: 3, confidence: nil,
                                           jobs: 2, iterations: 1, integer: false)
            return probe.evaluations.first { $0.value == x }!.mean
        }
        let a = try difference(at: 0)
        let slope = try difference(at: 1000) - a
        #expect(a < 0 && slope > 0, "the construction needs A < 0 < B (A = \(a), B·1000 = \(slope))")
        let expected = -a / slope * 1000
        let result = try BreakEven.find(tree: tree, fileName: "small-shop.json5", path: path, range: 0...(4 * expected),
                                        metric: .profitEur, policy: "standard", replications: 6, seed: 3, confidence: nil,
                                        jobs: 2, iterations: 6, integer: false)
        guard case .crossing(let estimate, let low, let high) = result.answer else {
            Issue.record("expected a crossing, got \(result.answer)")
            return
        }
        #expect(abs(estimate - expected) <= 1e-6 * expected, "estimate \(estimate), expected \(expected)")
        if let low { #expect(low <= estimate) }
        if let high { #expect(high >= estimate) }
    }

    @Test("no crossing in a range where the difference keeps its sign")
    func noCrossing() throws {
        let tree = try Self.tree()
        let result = try BreakEven.find(tree: tree, fileName: "small-shop.json5", path: try ParameterPath("money.managerHourlyCostEur"),
                                        range: 0...1, metric: .profitEur, policy: "standard", replications: 4, seed: 3,
                                        confidence: nil, jobs: 2, iterations: 4, integer: false)
        guard case .noCrossing = result.answer else {
            Issue.record("expected no crossing, got \(result.answer)")
            return
        }
    }
}
