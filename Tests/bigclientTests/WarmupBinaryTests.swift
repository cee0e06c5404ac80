import Foundation
import Testing

/// The warm-up check through the built binary: `check` prints its line, `run` says it once on
/// stderr, a given starting state is named instead.
@Suite("bigclient binary: warm-up check")
struct WarmupBinaryTests {
    @Test("check prints the warm-up line of the pilot, and run says it once on stderr before its results")
    func checkAndRunPrintTheLine() throws {
        let check = try BinaryRunner.run(["check", "scenarios/small-shop.json5"])
        #expect(check.status == 0, "\(check.stderr)")
        let line = check.stdout.split(separator: "\n").first { $0.hasPrefix("  warm-up: ") }
        #expect(line?.contains("MSER-5 on a 10-replication pilot of the baseline") == true, "\(check.stdout)")

        let directory = try BinaryRunner.scratchDirectory("warmup")
        defer { try? FileManager.default.removeItem(at: directory) }
        let run = try BinaryRunner.run(["run", "scenarios/small-shop.json5", "--replications", "2", "--quiet",
                                        "--out", directory.appendingPathComponent("out").path])
        #expect(run.status == 0, "\(run.stderr)")
        // Adequate or not (the line is then a warning), run says it once.
        #expect(run.stderr.split(separator: "\n").filter { $0.contains("MSER-5 on a 10-replication pilot") }.count == 1, "\(run.stderr)")
    }

    @Test("a scenario with a startingState is named as given; a warm-up too short is a warning")
    func givenAndTooShort() throws {
        let directory = try BinaryRunner.scratchDirectory("warmup")
        defer { try? FileManager.default.removeItem(at: directory) }
        let given = directory.appendingPathComponent("given.json5")
        try "{ startingState: { stress: 0.5, backlogDays: 4, satisfaction: 0.85 } }".write(to: given, atomically: true, encoding: .utf8)
        let check = try BinaryRunner.run(["check", given.path])
        #expect(check.status == 0, "\(check.stderr)")
        #expect(check.stdout.contains("  starting state: given (stress 0.5, backlog 4 days, satisfaction 0.85)"), "\(check.stdout)")

        // The small shop's company takes weeks to load up; a decision on day 7 comes first.
        let early = directory.appendingPathComponent("early.json5")
        let text = try String(contentsOf: BinaryRunner.repositoryRoot.appendingPathComponent("scenarios/small-shop.json5"), encoding: .utf8)
        try text.replacingOccurrences(of: "warmupDays: 490", with: "warmupDays: 7").write(to: early, atomically: true, encoding: .utf8)
        let short = try BinaryRunner.run(["check", early.path])
        #expect(short.status == 0, "\(short.stderr)")
        #expect(short.stderr.contains("warning: \(early.path): simulation.warmupDays: the decision day comes before the company settles"),
                "\(short.stderr)")
    }
}
