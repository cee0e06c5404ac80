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

    @Test("--groups maps clients to groups by hand; a bad row is skipped with a warning naming line, column and value; a log of bad rows only exits 65")
    func groupsAndBadRows() throws {
        let dir = try BinaryRunner.scratchDirectory("fit")
        defer { try? FileManager.default.removeItem(at: dir) }
        let map = dir.appendingPathComponent("groups.json5")
        try "{ big: [\"key-00\"], small: [\"regular-00\", \"regular-01\"] }".write(to: map, atomically: true, encoding: .utf8)
        let grouped = try BinaryRunner.run(["fit", "scenarios/records/orders.csv", "--groups", map.path, "--key-group", "big", "--resamples", "5"])
        #expect(grouped.status == 0, "\(grouped.stderr)")
        #expect(grouped.stdout.contains("big: {") && grouped.stdout.contains("small: {") && grouped.stdout.contains("unassigned: {"), "\(grouped.stdout)")
        #expect(grouped.stderr.contains("in no group"), "\(grouped.stderr)")

        let header = "client,received,work_hours,due,delivered\n"
        let good = (0..<30).map { "c\($0 % 3),2027-01-\(String(format: "%02d", 4 + $0 % 20))T09:00,\(3 + Double($0 % 7)),2027-02-20,2027-02-10\n" }.joined()
        let mixed = dir.appendingPathComponent("mixed.csv")
        try (header + good + "c1,2027-13-01,3,2027-02-20,2027-02-10\n").write(to: mixed, atomically: true, encoding: .utf8)
        let warned = try BinaryRunner.run(["fit", mixed.path, "--resamples", "5"])
        #expect(warned.status == 0, "\(warned.stderr)")
        #expect(warned.stderr.contains("warning: ") && warned.stderr.contains("line 32") && warned.stderr.contains("2027-13-01"), "\(warned.stderr)")
        #expect(warned.stderr.contains("1 row skipped"), "\(warned.stderr)")

        let allBad = dir.appendingPathComponent("bad-rows.csv")
        try (header + "c1,2027-01-10,3,2027-02-20,2027-01-05\nc2,yesterday,3,2027-02-20,\n").write(to: allBad, atomically: true, encoding: .utf8)
        let refused = try BinaryRunner.run(["fit", allBad.path])
        #expect(refused.status == 65, "\(refused.stderr)")
    }

    @Test("each kind of bad row is skipped with its own warning (line, column, value), and a group too small for a family says so")
    func everyBadRow() throws {
        let dir = try BinaryRunner.scratchDirectory("fit")
        defer { try? FileManager.default.removeItem(at: dir) }
        var text = "client,received,work_hours,due,delivered,group\n"
        for k in 0..<30 { text += "c\(k % 3),2027-01-\(String(format: "%02d", 4 + k % 20))T09:00,\(3 + Double(k % 7)),2027-02-20,2027-02-10,regular\n" }
        text += "lone,2027-01-06T10:00,4,2027-02-20,2027-02-10,single\n"         // line 32: a group of one order
        let bad: [(row: String, words: [String])] = [
            ("c1,2027-01-10T09:00,-3,2027-02-20,2027-02-10,regular", ["line 33", "work_hours", "-3"]),
            ("c1,2027-01-10T09:00,3,2027-02-20,2027-01-05,regular", ["line 34", "delivered", "2027-01-05"]),
            ("c1,2027-01-10T09:00,3,2027-01-02,2027-02-10,regular", ["line 35", "due", "2027-01-02"]),
            ("c1,2027-01-10T09:00,three,2027-02-20,2027-02-10,regular", ["line 36", "work_hours", "three"]),
            ("c1,10/01/2027,3,2027-02-20,2027-02-10,regular", ["line 37", "received", "10/01/2027"]),
        ]
        text += bad.map(\.row).joined(separator: "\n") + "\n"
        let file = dir.appendingPathComponent("orders.csv")
        try text.write(to: file, atomically: true, encoding: .utf8)
        let outcome = try BinaryRunner.run(["fit", file.path, "--resamples", "5"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let warnings = outcome.stderr.split(separator: "\n").filter { $0.hasPrefix("warning: ") }
        for case_ in bad {
            #expect(warnings.contains { line in case_.words.allSatisfy { line.contains($0) } }, "\(case_.words): \(outcome.stderr)")
        }
        #expect(outcome.stderr.contains("5 rows skipped"), "\(outcome.stderr)")
        #expect(outcome.stdout.contains("single: {") && outcome.stdout.contains("not fitted: "), "\(outcome.stdout)")
    }
}
