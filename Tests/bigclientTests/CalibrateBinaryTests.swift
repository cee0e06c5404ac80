import Foundation
import Testing

/// `bigclient calibrate` through the built binary: the table, `--strict`, and its errors.
@Suite("bigclient binary: calibrate")
struct CalibrateBinaryTests {
    static let base = ["calibrate", "scenarios/small-shop.json5", "--days", "91", "--replications", "20", "--jobs", "2"]

    @Test("a flagged KPI prints FLAGGED and exits 1 with --strict, 0 without; errors exit 64, 66 and 65")
    func strictAndErrors() throws {
        let dir = try BinaryRunner.scratchDirectory("calibrate")
        defer { try? FileManager.default.removeItem(at: dir) }
        let far = dir.appendingPathComponent("far.csv")
        try "kpi,observed\novertime_hours_per_year,1000000\n".write(to: far, atomically: true, encoding: .utf8)
        let lenient = try BinaryRunner.run(Self.base + ["--observed", far.path])
        #expect(lenient.status == 0, "\(lenient.stderr)")
        #expect(lenient.stdout.contains("FLAGGED") && lenient.stdout.contains("Flagged: overtime_hours_per_year"), "\(lenient.stdout)")
        let strict = try BinaryRunner.run(Self.base + ["--observed", far.path, "--strict"])
        #expect(strict.status == 1, "\(strict.stderr)")

        let missingOption = try BinaryRunner.run(Self.base)
        #expect(missingOption.status == 64 && missingOption.stderr.contains("--observed"), "\(missingOption.stderr)")
        let missingFile = try BinaryRunner.run(Self.base + ["--observed", dir.appendingPathComponent("none.csv").path])
        #expect(missingFile.status == 66, "\(missingFile.stderr)")
        let bad = dir.appendingPathComponent("bad.csv")
        try "kpi,observed\nother_on_time_rate,ninety\n".write(to: bad, atomically: true, encoding: .utf8)
        let malformed = try BinaryRunner.run(Self.base + ["--observed", bad.path])
        #expect(malformed.status == 65 && malformed.stderr.contains("line 2, column observed: 'ninety' is not a number"), "\(malformed.stderr)")
    }
}
