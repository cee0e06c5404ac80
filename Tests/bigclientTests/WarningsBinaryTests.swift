import Foundation
import Testing

/// The scenario's warnings through the built binary: `check`, `run` and `sweep` say the same
/// thing on stderr, and still succeed.
@Suite("bigclient binary: scenario warnings")
struct WarningsBinaryTests {
    /// The default scenario with an evening extension that never fits under the daily cap.
    static let eveningBeyondCap = """
        { calendar: { shiftLengthHours: 7.5 },
          technicians: { overtime: { eveningExtensionHours: 3, dailyCapHours: 10, weeklyCapHours: 60 } } }
        """
    static let expected = "technicians.overtime.eveningExtensionHours (3 h) after a calendar.shiftLengthHours (7.5 h) shift makes 10.5 h, more than technicians.overtime.dailyCapHours (10 h): no evening overtime will be worked"

    @Test("run repeats check's warning on stderr, before its results, and exits 0")
    func runRepeatsTheWarning() throws {
        let directory = try BinaryRunner.scratchDirectory("warn")
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("w.json5")
        try Self.eveningBeyondCap.write(to: file, atomically: true, encoding: .utf8)
        let line = "warning: \(file.path): " + Self.expected

        let check = try BinaryRunner.run(["check", file.path])
        #expect(check.status == 0, "\(check.stderr)")
        #expect(check.stderr.contains(line), "\(check.stderr)")
        #expect(check.stdout.contains("if the key client stays"), "the load table says what it assumes: \(check.stdout)")

        let out = directory.appendingPathComponent("out")
        let run = try BinaryRunner.run(["run", file.path, "--replications", "2", "--horizon-days", "60", "--warmup-days", "10",
                                        "--quiet", "--out", out.path])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains(line), "\(run.stderr)")
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("replications.csv").path))
    }

    @Test("sweep says once which points have a warning the file itself has not")
    func sweepNamesThePoints() throws {
        let directory = try BinaryRunner.scratchDirectory("warn")
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("s.json5")
        try "{ technicians: { count: 12 } }".write(to: file, atomically: true, encoding: .utf8)
        let sweep = try BinaryRunner.run(["sweep", file.path, "--vary", "technicians.count=2,12", "--replications", "2",
                                          "--horizon-days", "40", "--warmup-days", "10", "--quiet",
                                          "--out", directory.appendingPathComponent("out").path])
        #expect(sweep.status == 0, "\(sweep.stderr)")
        let warnings = sweep.stderr.split(separator: "\n").filter { $0.hasPrefix("warning: \(file.path): policies.indulge: utilisation") }
        #expect(warnings.count == 1, "\(sweep.stderr)")
        #expect(warnings.first?.hasSuffix("(sweep point 0: technicians.count=2)") == true, "\(sweep.stderr)")
    }

    @Test("check of a file with a sweep section names the points' warnings as sweep will")
    func checkNamesTheSweepPoints() throws {
        let directory = try BinaryRunner.scratchDirectory("warn")
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("s.json5")
        try "{ technicians: { count: 12 }, sweep: { vary: [\"technicians.count=12,2\"] } }".write(to: file, atomically: true, encoding: .utf8)
        let check = try BinaryRunner.run(["check", file.path])
        #expect(check.status == 0, "\(check.stderr)")
        let warnings = check.stderr.split(separator: "\n").filter { $0.hasPrefix("warning: \(file.path): policies.standard: utilisation") }
        #expect(warnings.count == 1 && warnings[0].hasSuffix("(sweep point 1: technicians.count=2)"), "\(check.stderr)")
    }
}
