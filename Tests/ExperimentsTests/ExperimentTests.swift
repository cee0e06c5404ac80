import Foundation
import Testing
import CompanyModel
import Experiments

/// The experiment layer on the default scenario, shortened (debug builds are slow).
@Suite("Experiments on the default scenario")
struct ExperimentTests {
    static func scenario() throws -> Scenario {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        var s = try ScenarioReader.load(contentsOf: root.appendingPathComponent("scenarios/historic-client.json5").path)
        s.simulation.horizonDays = 365
        s.simulation.warmupDays = 60
        return s
    }

    static func tables(_ outcome: ExperimentOutcome) -> ResultTables {
        ResultTables(points: [.init(index: 0, parameterValues: [], outcome: outcome)])
    }

    @Test("1 and 2 worker threads give byte-identical CSV files")
    func threadCountDoesNotMatter() throws {
        let s = try Self.scenario()
        let one = try Experiment.run(scenario: s, settings: ExperimentSettings(scenario: s, replications: 12, jobs: 1, timeseries: true))
        let two = try Experiment.run(scenario: s, settings: ExperimentSettings(scenario: s, replications: 12, jobs: 2, timeseries: true))
        let a = Self.tables(one), b = Self.tables(two)
        #expect(a.replicationsCSV == b.replicationsCSV)
        #expect(a.summaryCSV == b.summaryCSV)
        #expect(a.comparisonCSV == b.comparisonCSV)
        #expect(a.timeseriesCSV == b.timeseriesCSV)
        #expect(a.timeseriesCSV.split(separator: "\n").count > 12 * 2 * 50)
    }

    @Test("the same seed gives the same results; another seed gives other results")
    func seeds() throws {
        let s = try Self.scenario()
        let first = try Experiment.run(scenario: s, settings: ExperimentSettings(scenario: s, replications: 6, seed: 5, jobs: 2))
        let again = try Experiment.run(scenario: s, settings: ExperimentSettings(scenario: s, replications: 6, seed: 5, jobs: 2))
        let other = try Experiment.run(scenario: s, settings: ExperimentSettings(scenario: s, replications: 6, seed: 6, jobs: 2))
        #expect(Self.tables(first).replicationsCSV == Self.tables(again).replicationsCSV)
        #expect(Self.tables(first).replicationsCSV != Self.tables(other).replicationsCSV)
    }

    /// Under common random numbers the policies share their noise, so Var(D) is well below
    /// Var(Y₁) + Var(Y₂). We require it below half on profit and overtime: with independent
    /// streams the two would be equal in expectation.
    @Test("common random numbers shrink the variance of paired differences")
    func commonRandomNumbers() throws {
        var s = try Self.scenario()
        // Two policies that differ only in the overtime trigger, so their noise is shared most.
        var other = s.policies[s.baseline]!
        other.overtimeTrigger = .backlog
        s.policies["backlog-overtime"] = other
        let outcome = try Experiment.run(scenario: s, settings: ExperimentSettings(scenario: s, policies: ["backlog-overtime"],
                                                                                   replications: 30, jobs: 2))
        for metric in [Metric.profitEur, .revenueEur] {
            let a = outcome.summary(policy: 0, metric: metric).standardDeviation
            let b = outcome.summary(policy: 1, metric: metric).standardDeviation
            let d = outcome.comparison(policy: 1, metric: metric).differences.standardDeviation
            #expect(d * d < 0.5 * (a * a + b * b), "\(metric.name): Var(D) \(d * d) vs Var sum \(a * a + b * b)")
        }
    }

    @Test("sequential precision stops at the target, or at the cap and says so")
    func sequentialPrecision() throws {
        let s = try Self.scenario()
        // A loose target on a clear difference: reached, and the rule holds at the stop.
        let loose = PrecisionTarget(metric: .overtimeHours, relative: 0.2, maxReplications: 200)
        let reached = try Experiment.run(scenario: s, settings: ExperimentSettings(scenario: s, replications: 5, jobs: 2, precision: loose))
        #expect(reached.stop == .precisionReached)
        let d = reached.comparison(policy: 1, metric: .overtimeHours).differences
        #expect(d.halfWidth / abs(d.mean) <= 0.2 / 1.2)
        // An impossible target: stops at the cap.
        let strict = PrecisionTarget(metric: .profitEur, relative: 0.0001, maxReplications: 15)
        let capped = try Experiment.run(scenario: s, settings: ExperimentSettings(scenario: s, replications: 5, jobs: 2, precision: strict))
        #expect(capped.stop == .maximumReached)
        #expect(capped.replications == 15)
    }

    @Test("summary rows are what the replication rows imply")
    func summaryMatchesReplications() throws {
        let s = try Self.scenario()
        let outcome = try Experiment.run(scenario: s, settings: ExperimentSettings(scenario: s, replications: 8, jobs: 2))
        let tables = Self.tables(outcome)
        let rows = CSVTable(tables.replicationsCSV)
        let summary = CSVTable(tables.summaryCSV)
        for row in summary.rows {
            let policy = row["policy"]!, metric = row["metric"]!
            let values = rows.rows.filter { $0["policy"] == policy }.map { Double($0[metric]!) ?? .nan }
            let recomputed = SampleSummary(values, confidence: outcome.settings.confidence)
            #expect(Int(row["n"]!) == recomputed.n)
            #expect(row["mean"]! == CSVFormat.number(recomputed.mean), "\(policy) \(metric)")
            #expect(row["ci_low"]! == CSVFormat.number(recomputed.lower))
        }
    }
}

/// A minimal CSV reader for the tests (no quoted fields in these files' numeric columns).
struct CSVTable {
    var header: [String]
    var rows: [[String: String]]

    init(_ text: String) {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.isEmpty }
        let names = lines[0].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        header = names
        rows = lines.dropFirst().map { line in
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            return Dictionary(uniqueKeysWithValues: zip(names, fields))
        }
    }
}
