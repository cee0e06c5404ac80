import Foundation
import Testing
import CompanyModel
import Experiments
import SimulationKernel

/// The benchmark scenario (scenarios/benchmark/mm8-priority.json5) is the M/M/8 two-class
/// priority queue it claims to be: its mean waits match Kleinrock's formula, within a
/// Student-t interval, on a much shorter horizon than the benchmark's (debug-build friendly).
@Suite("Benchmark scenario against queueing theory")
struct ValidationBenchmarkScenarioTests {
    static let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("scenarios/benchmark/mm8-priority.json5").path

    @Test("M/M/8 priority benchmark scenario: key and regular mean waits as theory says (8 × 1,500 days)")
    func meanWaits() throws {
        var scenario = try ScenarioReader.load(contentsOf: Self.path)
        #expect(scenario.simulation.horizonDays == 36_500 && scenario.simulation.warmupDays == 1_000)
        #expect(scenario.simulation.replications == 1)
        scenario.simulation.horizonDays = 1_500
        scenario.simulation.warmupDays = 100
        // The theory comes from the scenario's own parameters through QueueingTheory.
        let full = try ValidationSuite.queueingCase(name: "mm8-priority", source: Self.path, scenario: scenario)
        #expect(full.model.hasPrefix("M/M/8 non-preemptive priority"))
        var benchmark = full
        benchmark.checks = full.checks.filter { $0.quantity.hasSuffix("wait Wq (h)") }
        #expect(benchmark.checks.map(\.theory).map { ($0 * 1e6).rounded() / 1e6 } == [1.427924, 5.711697])
        // Two checks: Bonferroni at 1 − 0.01/2 each.
        let report = try #require(ValidationSuite.run([benchmark], replications: 8, seed: 1, jobs: 2))
        for result in report.results {
            #expect(result.passed, "\(result.check.quantity): \(result.summary.mean) ± \(result.summary.halfWidth), theory \(result.check.theory)")
            #expect((result.relativeHalfWidth ?? 1) < 0.5, "\(result.check.quantity): interval ± \(result.summary.halfWidth) too wide to test anything")
        }
    }
}
