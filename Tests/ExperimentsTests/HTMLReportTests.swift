import Foundation
import Testing
import CompanyModel
@testable import Experiments

/// `report.html` built from constructed tables: every section, no script or external
/// reference, text escaped, and the sweep's chart for each kind of sweep.
@Suite("HTML report")
struct HTMLReportTests {
    /// A result of a baseline `a` and a policy `b` whose key client leaves (probability 0.3,
    /// −6,000 € + noise) or stays (0.7, +2,000 € + noise), at each of `points`.
    static func result(parameterNames: [String] = [], points: [[String]] = [[]], design: String = "grid",
                       scenarioName: String = "shop", outcomeNames: (String, String) = ("leaves", "stays"),
                       replications: Int = 8) -> (ResultTables, SweepManifest) {
        let manifest = SweepManifest(version: "test", scenarioName: scenarioName, scenarioSHA256: "abc", design: design,
                                     parameterNames: parameterNames, pointValues: points, policies: ["a", "b"],
                                     replications: replications, seed: 7, confidence: 0.95, timeseries: false, shard: "1/1")
        // The scenario needs a valid name; the page shows the manifest's.
        var named = manifest
        named.scenarioName = "shop"
        let scenario = SweepMerge.namesOnlyScenario(named)
        func values(_ profit: Double, _ r: Int) -> [Double] {
            var v = Metric.allCases.map { Double($0.rawValue % 7) + Double(r % 3) }
            v[Metric.profitEur.rawValue] = profit
            v[Metric.keyClientPresent.rawValue] = 1
            return v
        }
        let tablePoints = points.enumerated().map { index, pointValues in
            let shift = Double(index) * 700 - 1000
            var base: [ReplicationResult] = [], policy: [ReplicationResult] = [], branches: [[OutcomeBranch]] = []
            for r in 0..<replications {
                let noise = Double((r * 37) % 11) * 100
                let b0 = 50_000 + noise
                base.append(ReplicationResult(values: values(b0, r), status: .ok))
                let leaves = ReplicationResult(values: values(b0 - 6_000 + shift + noise * 0.3, r), status: .ok)
                let stays = ReplicationResult(values: values(b0 + 2_000 + shift - noise * 0.2, r), status: .ok)
                let weighted = OutcomeBranch.weighted([OutcomeBranch(name: outcomeNames.0, probability: 0.3, result: leaves),
                                                       OutcomeBranch(name: outcomeNames.1, probability: 0.7, result: stays)])
                policy.append(weighted)
                branches.append([OutcomeBranch(name: outcomeNames.0, probability: 0.3, result: leaves),
                                 OutcomeBranch(name: outcomeNames.1, probability: 0.7, result: stays)])
            }
            let settings = ExperimentSettings(scenario: scenario, policies: ["a", "b"], replications: replications, seed: 7, confidence: 0.95)
            let outcome = ExperimentOutcome(scenario: scenario, settings: settings, results: [base, policy],
                                            branches: [base.map { [OutcomeBranch(name: KeyClientOutcome.statusQuoName, probability: 1, result: $0)] }, branches],
                                            stop: .replicationCount, wallSeconds: 0)
            return ResultTables.Point(index: index, parameterValues: pointValues, outcome: outcome)
        }
        return (ResultTables(parameterNames: parameterNames, points: tablePoints), manifest)
    }

    static func page(_ result: (ResultTables, SweepManifest)) -> String { HTMLReport.render(result.0, manifest: result.1) }

    @Test("a run's page has every section but the sweep's, each once, and no script, source or web address")
    func sections() {
        let html = Self.page(Self.result())
        for id in HTMLReport.sectionIDs where id != "sweep" {
            #expect(html.components(separatedBy: "<section id=\"\(id)\">").count == 2, "section \(id)")
        }
        #expect(!html.contains("id=\"sweep\""))
        for forbidden in ["http", "src=", "<script", "url(", "@import", "<link", "<iframe", "<img"] {
            #expect(!html.lowercased().contains(forbidden), "\(forbidden)")
        }
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("@media print"))
        #expect(html.contains("Recommended policy: <strong class=\"policy\">a</strong>"))
        #expect(html.contains("<svg"))
    }

    @Test("names from the files are escaped: a scenario or outcome name cannot add markup")
    func escaping() {
        let html = Self.page(Self.result(scenarioName: "<Acme & \"Sons\">", outcomeNames: ("leaves <b>now</b>", "stays 'calm'")))
        #expect(html.contains("&lt;Acme &amp; &quot;Sons&quot;&gt;"))
        #expect(html.contains("leaves &lt;b&gt;now&lt;/b&gt;"))
        #expect(html.contains("stays &#39;calm&#39;"))
        #expect(!html.contains("<b>now</b>"))
        #expect(!html.contains("<Acme"))
        #expect(HTMLText.escape("a<b>&\"c\"'") == "a&lt;b&gt;&amp;&quot;c&quot;&#39;")
    }

    @Test("money: grouped thousands, a sign on differences, never a signed zero")
    func money() {
        #expect(HTMLText.euros(12_345.6) == "12,346 €")
        #expect(HTMLText.euros(-12_345.6, signed: true) == "-12,346 €")
        #expect(HTMLText.euros(2_500, signed: true) == "+2,500 €")
        #expect(HTMLText.euros(-0.0, signed: true) == "0 €")
        #expect(HTMLText.euros(-0.0001, signed: true) == "0.000 €")
        #expect(HTMLText.euros(.nan) == "—")
        #expect(HTMLText.coordinate(-0.01) == "0.0")
    }

    @Test("a 1-D sweep draws the difference against the swept value with its band")
    func oneParameter() {
        let html = Self.page(Self.result(parameterNames: ["technicians.count"], points: [["4"], ["5"], ["6"]]))
        #expect(html.contains("<section id=\"sweep\">"))
        #expect(html.contains("aria-label=\"profit difference against a by technicians.count\""))
        #expect(html.contains("<polygon"), "the confidence band")
        #expect(html.contains("<polyline"), "the line through the means")
    }

    @Test("a one-at-a-time sweep draws a tornado, one bar per parameter")
    func tornado() {
        let html = Self.page(Self.result(parameterNames: ["technicians.count", "x.factor"],
                                         points: [["5", "0.5"], ["4", "0.5"], ["6", "0.5"], ["5", "0.2"], ["5", "0.9"]], design: "oat"))
        #expect(html.contains("aria-label=\"tornado of the profit difference of b against a\""))
        let sweep = html.components(separatedBy: "<section id=\"sweep\">")[1].components(separatedBy: "</section>")[0]
        #expect(sweep.components(separatedBy: "fill-opacity=\"0.75\"").count == 3, "two bars")
        #expect(sweep.contains(">base 5<") && sweep.contains(">base 0.5<"))
        #expect(html.contains("the base point of the one-at-a-time design"))
    }

    @Test("a 2-D grid sweep draws a map of cells with signed values")
    func map() {
        var points: [[String]] = []
        for x in ["4", "5", "6"] { for y in ["0", "0.5", "1"] { points.append([x, y]) } }
        let html = Self.page(Self.result(parameterNames: ["technicians.count", "x.factor"], points: points))
        #expect(html.contains("aria-label=\"map of the profit difference of b against a\""))
        let map = html.components(separatedBy: "aria-label=\"map of the profit")[1].components(separatedBy: "</svg>")[0]
        #expect(map.components(separatedBy: "<rect").count - 1 == 9, "one cell per point")
        #expect(map.contains(">+") && map.contains(">-"), "gains and losses, signed")
    }

    @Test("the same tables give the same bytes")
    func deterministic() {
        #expect(Self.page(Self.result()) == Self.page(Self.result()))
    }
}
