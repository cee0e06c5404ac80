import Foundation
import Testing
import CompanyModel
@testable import Experiments

/// The downside of a policy against the baseline: shares better / tied / worse, the
/// probability of doing worse, the worst 10 % and quantiles over outcome-weighted cases, and
/// the replications left out as runaways — on constructed values computed by hand.
@Suite("Downside risk of a policy against the baseline")
struct DownsideRiskTests {
    @Test("shares better, tied and worse count each pair once and sum to 1, by the metric's direction")
    func shares() {
        let c = PairedComparison(policy: [3, 2, 2, 1, 5], baseline: [2, 2, 2, 2, 4], higherIsBetter: true, confidence: 0.95)
        #expect(c.shareBetter == 0.4 && c.shareTied == 0.4 && c.shareWorse == 0.2)
        let cost = PairedComparison(policy: [3, 2, 2, 1, 5], baseline: [2, 2, 2, 2, 4], higherIsBetter: false, confidence: 0.95)
        #expect(cost.shareBetter == 0.2 && cost.shareTied == 0.4 && cost.shareWorse == 0.4)
        #expect(cost.shareBetter + cost.shareTied + cost.shareWorse == 1)
        // A metric neither policy moves: all tied (it read "better in 50 %" when ties counted half).
        let same = PairedComparison(policy: [0, 0, 1], baseline: [0, 0, 1], higherIsBetter: true, confidence: 0.95)
        #expect(same.shareBetter == 0 && same.shareTied == 1 && same.shareWorse == 0)
    }

    @Test("Clopper–Pearson bounds match scipy's beta quantiles, fractional counts included")
    func clopperPearsonBounds() {
        // scipy.stats.beta.ppf(0.025, k, n − k + 1) and beta.ppf(0.975, k + 1, n − k).
        let cases: [(k: Double, n: Int, lower: Double, upper: Double)] = [
            (0, 20, 0, 0.1684334709830853), (20, 20, 0.8315665290169146, 1),
            (5, 20, 0.08657146910143461, 0.49104587170795744), (2.5, 10, 0.044059413552630794, 0.6058183181486713),
        ]
        for c in cases {
            let (lower, upper) = clopperPearson(successes: c.k, trials: c.n, confidence: 0.95)
            #expect(abs(lower - c.lower) < 1e-9 && abs(upper - c.upper) < 1e-9, "k \(c.k), n \(c.n): [\(lower), \(upper)]")
        }
    }

    /// Four replications: three with the two outcomes of a response (leaves 0.35, stays 0.65),
    /// one where the client responded to nothing (one case of weight 1).
    static let cases: [[DownsideRisk.Atom]] = [
        [.init(difference: -100, weight: 0.35), .init(difference: 50, weight: 0.65)],
        [.init(difference: -80, weight: 0.35), .init(difference: 60, weight: 0.65)],
        [.init(difference: 10, weight: 1)],
        [.init(difference: -20, weight: 0.35), .init(difference: 40, weight: 0.65)],
    ]

    @Test("probability of doing worse, the worst 10 % and the quantiles over weighted outcomes, by hand")
    func weightedByHand() {
        let profit = DownsideRisk(replications: Self.cases, higherIsBetter: true, confidence: 0.95)
        #expect(profit.n == 4)
        // (0.35 + 0.35 + 0 + 0.35) / 4.
        #expect(abs(profit.probabilityWorse.value - 0.2625) < 1e-12)
        let (lower, upper) = clopperPearson(successes: 1.05, trials: 4, confidence: 0.95)
        #expect(profit.probabilityWorse.lower == lower && profit.probabilityWorse.upper == upper)
        // The worst 10 % of a total weight of 4 is 0.4: all 0.35 of −100 and 0.05 of −80.
        #expect(abs(profit.shortfall.value - (0.35 * -100 + 0.05 * -80) / 0.4) < 1e-9)
        // Cumulative weights in ascending order: −100 0.35, −80 0.70, −20 1.05, 10 2.05, 40 2.70,
        // 50 3.35, 60 4.00; levels 0.4, 2.0 and 3.6 of 4.
        #expect(profit.quantiles.map(\.value) == [-80, 10, 60])
        // Four replications: too few for a bootstrap interval (`minimumForBootstrap`).
        #expect(profit.shortfall.lower.isNaN && profit.quantiles.allSatisfy { $0.lower.isNaN })

        // The same differences on a cost (lower is better): worse means higher.
        let cost = DownsideRisk(replications: Self.cases, higherIsBetter: false, confidence: 0.95)
        #expect(abs(cost.probabilityWorse.value - (0.65 + 0.65 + 1 + 0.65) / 4) < 1e-12)
        #expect(abs(cost.shortfall.value - 60) < 1e-9)   // 0.4 of the 0.65 at +60
        #expect(cost.quantiles.map(\.value) == [-80, 10, 60])
    }

    @Test("the bootstrap is a function of the values alone, its intervals hold their estimate, and `tail: false` reports only the probability")
    func deterministic() {
        let twelve = Self.cases + Self.cases + Self.cases   // 12 replications: enough for the bootstrap
        let a = DownsideRisk(replications: twelve, higherIsBetter: true, confidence: 0.95)
        let b = DownsideRisk(replications: twelve, higherIsBetter: true, confidence: 0.95)
        #expect(a == b)
        #expect(a.shortfall.lower <= a.shortfall.value && a.shortfall.value <= a.shortfall.upper)
        #expect(a.quantiles.allSatisfy { $0.lower <= $0.upper })
        let counts = DownsideRisk(replications: twelve, higherIsBetter: true, confidence: 0.95, tail: false)
        #expect(counts.probabilityWorse == a.probabilityWorse)
        #expect(counts.shortfall.value.isNaN && counts.quantiles.allSatisfy { $0.value.isNaN })
    }

    @Test("replications with a runaway run are left out of the comparisons, which then equal those over the complete pairs")
    func runawaysExcluded() throws {
        let scenario = try ScenarioReader.read(text: "{ name: \"constructed\" }", fileName: "constructed.json5")
        let settings = ExperimentSettings(scenario: scenario, policies: ["indulge", "standard"], replications: 6, seed: 1, jobs: 1)
        func result(_ profit: Double, _ salary: Double, runaway: Bool = false) -> ReplicationResult {
            var values = [Double](repeating: 0, count: Metric.allCases.count)
            values[Metric.profitEur.rawValue] = profit
            values[Metric.salaryCostEur.rawValue] = salary
            return ReplicationResult(values: values, status: runaway ? .runaway : .ok)
        }
        // Replications 1 and 4 of the baseline ran away: their totals cover less time.
        let baseline = [result(100, 50), result(10, 5, runaway: true), result(120, 52), result(90, 49), result(5, 2, runaway: true), result(110, 51)]
        let studied = [result(130, 50), result(140, 51), result(125, 50), result(95, 49), result(150, 52), result(118, 50)]
        let outcome = ExperimentOutcome(scenario: scenario, settings: settings, results: [baseline, studied], stop: .replicationCount, wallSeconds: 0)
        #expect(outcome.comparableReplications == [0, 2, 3, 5])
        #expect(outcome.excludedRunawayCount == 2)
        for metric in [Metric.profitEur, .salaryCostEur] {
            let c = outcome.comparison(policy: 1, metric: metric)
            let kept = [0, 2, 3, 5]
            let expected = PairedComparison(policy: kept.map { studied[$0][metric] }, baseline: kept.map { baseline[$0][metric] },
                                            higherIsBetter: metric.direction == .higherIsBetter, confidence: 0.95)
            #expect(c.differences == expected.differences && c.shareWorse == expected.shareWorse)
            #expect(c.excludedRunaways == 2)
        }
        let csv = ResultTables(parameterNames: [], points: [.init(index: 0, parameterValues: [], outcome: outcome, replicationNumbers: Array(0..<6))]).comparisonCSV
        let header = csv.split(separator: "\n")[0].split(separator: ",").map(String.init)
        let profitRow = try #require(csv.split(separator: "\n").first { $0.contains(",profit_eur,") }).split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        #expect(profitRow[header.firstIndex(of: "runaways_excluded")!] == "2")
        #expect(profitRow[header.firstIndex(of: "n")!] == "4")
        #expect(header.contains("share_tied") && header.contains("prob_worse_ci_high") && header.contains("diff_p90_ci_low"))
    }

    @Test("a scenario made to run away in some replications: its comparisons equal those over the complete pairs")
    func runawayScenario() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        var scenario = try ScenarioReader.load(contentsOf: root.appendingPathComponent("scenarios/small-shop.json5").path)
        scenario.simulation.horizonDays = 300
        scenario.simulation.warmupDays = 91
        scenario.simulation.maxBacklogOrders = 30   // indulged, the shop's backlog passes 30 orders in some replications
        let outcome = try Experiment.run(scenario: scenario, settings: ExperimentSettings(scenario: scenario, replications: 8, seed: 1, jobs: 2))
        let complete = (0..<8).filter { r in outcome.branches.allSatisfy { $0[r].allSatisfy { $0.result.status == .ok } } }
        try #require(complete.count > 0 && complete.count < 8, "the premise: some replications run away, not all (\(complete.count) complete)")
        #expect(outcome.comparableReplications == complete)
        for metric in [Metric.profitEur, .salaryCostEur, .overtimeHours] {
            let c = outcome.comparison(policy: 1, metric: metric)
            let expected = PairedComparison(policy: complete.map { outcome.results[1][$0][metric] },
                                            baseline: complete.map { outcome.results[0][$0][metric] },
                                            higherIsBetter: metric.direction == .higherIsBetter, confidence: 0.95)
            #expect(c.differences == expected.differences, "\(metric.name)")
            #expect(c.excludedRunaways == 8 - complete.count)
        }
        let figures = DecisionFigures(outcome).rows
        #expect(figures.first { $0.figure == "runaways_excluded" }?.value == Double(8 - complete.count))
    }
}
