import Foundation
import Testing

/// `run --select-best` through the built binary: the selection in the report and in
/// decision.csv, every pair of studied policies, and its usage errors.
@Suite("bigclient binary: the best of several policies")
struct SelectionBinaryTests {
    static let run = ["run", "scenarios/priority-for-a-fee.json5", "--replications", "6", "--horizon-days", "450",
                      "--warmup-days", "364"]

    @Test("the report and decision.csv name the selected policy, its stop and every pair; the run is the same on 1 and 2 jobs")
    func selects() throws {
        let root = try BinaryRunner.scratchDirectory("select")
        defer { try? FileManager.default.removeItem(at: root) }
        let a = root.appendingPathComponent("a"), b = root.appendingPathComponent("b")
        let first = try BinaryRunner.run(Self.run + ["--select-best", "--indifference", "20000", "--max-replications", "40", "--jobs", "2", "--out", a.path])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("Every pair of studied policies (profit_eur, paired, 95 % CI):"), "\(first.stdout)")
        #expect(first.stdout.contains("Best of 3: ") || first.stdout.contains("Best of 3: not decided"), "\(first.stdout)")
        let decision = try String(contentsOf: a.appendingPathComponent("decision.csv"), encoding: .utf8)
        #expect(decision.contains(",pairwise_difference,fee,all,"), "\(decision)")
        #expect(decision.contains(",selected_best,") || decision.contains(",selection_undecided,"), "\(decision)")
        let second = try BinaryRunner.run(Self.run + ["--select-best", "--indifference", "20000", "--max-replications", "40",
                                                      "--jobs", "1", "--quiet", "--out", b.path])
        #expect(second.status == 0, "\(second.stderr)")
        for file in ["replications.csv", "comparison.csv", "decision.csv"] {
            #expect(try Data(contentsOf: a.appendingPathComponent(file)) == Data(contentsOf: b.appendingPathComponent(file)), "\(file)")
        }
    }

    @Test("--select-best without --indifference, with --precision, or --indifference alone is a usage error (64)")
    func usage() throws {
        let cases: [([String], String)] = [
            (["--select-best"], "--indifference"),
            (["--select-best", "--indifference", "1000", "--precision", "0.1", "--metric", "profit_eur"], "--precision"),
            (["--indifference", "1000"], "only with --select-best"),
            (["--select-best", "--indifference", "1000", "--policy", "indulge"], "at least two policies"),
        ]
        for (extra, words) in cases {
            let outcome = try BinaryRunner.run(Self.run + ["--quiet", "--out", "/tmp/bigclient-never"] + extra)
            #expect(outcome.status == 64, "\(extra): \(outcome.stderr)")
            #expect(outcome.stderr.contains(words), "\(extra): \(outcome.stderr)")
        }
    }
}
