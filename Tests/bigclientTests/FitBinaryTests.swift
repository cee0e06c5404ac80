import Foundation
import Testing

/// `bigclient fit` through the built binary: the fragment from the shipped example logs, which
/// `check` accepts as it is, and its errors.
@Suite("bigclient binary: fit")
struct FitBinaryTests {
    @Test("the example logs give a fragment with both groups that check accepts; --out writes the same text")
    func fragment() throws {
        let dir = try BinaryRunner.scratchDirectory("fit")
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("fragment.json5")
        let fit = try BinaryRunner.run(["fit", "scenarios/records/orders.csv", "--absences", "scenarios/records/absences.csv",
                                        "--people", "9", "--resamples", "20", "--out", out.path])
        #expect(fit.status == 0, "\(fit.stderr)")
        for part in ["key: {", "count: 1,", "isKeyClient: true,", "regular: {", "count: 10,", "ordersPerWeek: ", "workHours: { type: ",
                     "leadTimeDays: 15", "sickLeave: { baseDailyHazard: "] {
            #expect(fit.stdout.contains(part), "\(part): \(fit.stdout)")
        }
        #expect(try String(contentsOf: out, encoding: .utf8) == fit.stdout)
        let check = try BinaryRunner.run(["check", out.path])
        #expect(check.status == 0, "\(check.stderr)")
    }

    @Test("a missing log exits 66, a log without a required column 65, an unknown --group-by or --key-group 64")
    func errors() throws {
        let dir = try BinaryRunner.scratchDirectory("fit")
        defer { try? FileManager.default.removeItem(at: dir) }
        let missing = try BinaryRunner.run(["fit", dir.appendingPathComponent("none.csv").path])
        #expect(missing.status == 66, "\(missing.stderr)")
        let bad = dir.appendingPathComponent("bad.csv")
        try "client,received,work_hours\nc1,2027-01-04,3\n".write(to: bad, atomically: true, encoding: .utf8)
        let columns = try BinaryRunner.run(["fit", bad.path])
        #expect(columns.status == 65 && columns.stderr.contains("due"), "\(columns.stderr)")
        let groupBy = try BinaryRunner.run(["fit", "scenarios/records/orders.csv", "--group-by", "segment", "--resamples", "5"])
        #expect(groupBy.status == 64 && groupBy.stderr.contains("a column of"), "\(groupBy.stderr)")
        let key = try BinaryRunner.run(["fit", "scenarios/records/orders.csv", "--key-group", "big", "--resamples", "5"])
        #expect(key.status == 64 && key.stderr.contains("one of the log's groups: key, regular"), "\(key.stderr)")
    }
}
