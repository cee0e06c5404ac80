import Foundation
import Testing

/// `--csv-dialect excel-eu` through the built binary: the same results as RFC 4180, field by
/// field; `sweep.json` and `run.json` record it; `merge`, `--resume` and `report` read such
/// folders back; shards of two dialects are refused.
@Suite("bigclient binary: CSV dialects")
struct CSVDialectBinaryTests {
    static let run = ["run", "scenarios/historic-client.json5", "--replications", "3", "--horizon-days", "150",
                      "--warmup-days", "30", "--jobs", "2", "--timeseries", "--quiet"]
    static let sweep = ["sweep", "scenarios/small-shop.json5", "--vary", "technicians.count=4,5",
                        "--replications", "2", "--horizon-days", "120", "--warmup-days", "20", "--jobs", "2", "--quiet"]
    static let csvFiles = ["replications.csv", "outcomes.csv", "summary.csv", "comparison.csv", "decision.csv"]

    /// The records of a CSV text with `separator` (quoted fields, doubled quotes), parsed here
    /// independently of bigclient's reader.
    static func records(_ text: String, separator: Character) -> [[String]] {
        var records: [[String]] = [], record: [String] = [], field = ""
        var inQuotes = false, chars = Array(text), i = 0
        while i < chars.count {
            let c = chars[i]
            if inQuotes {
                if c == "\"" {
                    if i + 1 < chars.count, chars[i + 1] == "\"" { field.append("\""); i += 1 } else { inQuotes = false }
                } else { field.append(c) }
            } else if c == "\"" { inQuotes = true }
            else if c == separator { record.append(field); field = "" }
            else if c == "\n" { record.append(field); field = ""; records.append(record); record = [] }
            else { field.append(c) }
            i += 1
        }
        return records
    }

    /// True when `rfc` is a decimal number with a point, so that excel-eu writes it with a comma.
    static func isDecimal(_ rfc: String) -> Bool {
        rfc.contains(".") && Double(rfc) != nil && rfc.allSatisfy { "0123456789+-.eE".contains($0) }
    }

    /// Every file of `eu` (excel-eu) holds the fields of the same file of `rfc`, a decimal
    /// comma for each decimal point of a number, and nothing else differs.
    static func sameFields(rfc: URL, eu: URL, files: [String]) throws {
        for file in files {
            let a = records(try String(contentsOf: rfc.appendingPathComponent(file), encoding: .utf8), separator: ",")
            let b = records(try String(contentsOf: eu.appendingPathComponent(file), encoding: .utf8), separator: ";")
            #expect(a.count == b.count && a.count > 1, "\(file): \(a.count) and \(b.count) records")
            var decimals = 0
            for (x, y) in zip(a, b) {
                #expect(x.count == y.count, "\(file): \(x) against \(y)")
                for (f, g) in zip(x, y) {
                    if isDecimal(f) {
                        decimals += 1
                        #expect(g == f.replacingOccurrences(of: ".", with: ","), "\(file): \(f) written \(g)")
                    } else {
                        #expect(g == f, "\(file): \(f) written \(g)")
                    }
                }
            }
            if file != "decision.csv" { #expect(decimals > 0, "\(file) has no decimal number to convert") }
        }
    }

    @Test("run --csv-dialect excel-eu writes the rfc4180 run's fields with ';' and decimal commas; run.json and sweep.json say so; report and --resume read it back")
    func runDialect() throws {
        let root = try BinaryRunner.scratchDirectory("dialect-run")
        defer { try? FileManager.default.removeItem(at: root) }
        let rfc = root.appendingPathComponent("rfc"), eu = root.appendingPathComponent("eu")
        let plain = try BinaryRunner.run(Self.run + ["--out", rfc.path])
        #expect(plain.status == 0, "\(plain.stderr)")
        let excel = try BinaryRunner.run(Self.run + ["--out", eu.path, "--csv-dialect", "excel-eu"])
        #expect(excel.status == 0, "\(excel.stderr)")
        try Self.sameFields(rfc: rfc, eu: eu, files: Self.csvFiles + ["timeseries.csv"])
        let summary = try String(contentsOf: eu.appendingPathComponent("summary.csv"), encoding: .utf8)
        #expect(summary.hasPrefix("point;policy;metric;n;mean;"), "\(summary.prefix(80))")
        #expect(try String(contentsOf: eu.appendingPathComponent("sweep.json"), encoding: .utf8).contains("\"csvDialect\" : \"excel-eu\""))
        #expect(try String(contentsOf: eu.appendingPathComponent("run.json"), encoding: .utf8).contains("\"csvDialect\" : \"excel-eu\""))
        // The default writes no dialect, so its files are those of earlier versions.
        #expect(!(try String(contentsOf: rfc.appendingPathComponent("sweep.json"), encoding: .utf8)).contains("csvDialect"))
        #expect(!(try String(contentsOf: rfc.appendingPathComponent("run.json"), encoding: .utf8)).contains("csvDialect"))
        // The page is made from the tables, which do not depend on the dialect.
        let page = try Data(contentsOf: rfc.appendingPathComponent("report.html"))
        #expect(try Data(contentsOf: eu.appendingPathComponent("report.html")) == page)
        try FileManager.default.removeItem(at: eu.appendingPathComponent("report.html"))
        let report = try BinaryRunner.run(["report", eu.path])
        #expect(report.status == 0, "\(report.stderr)")
        #expect(try Data(contentsOf: eu.appendingPathComponent("report.html")) == page)
        // --resume of the finished excel-eu run, asking for rfc4180: nothing simulated, the
        // files rewritten in the new dialect, equal to the rfc4180 run's.
        let resumed = try BinaryRunner.run(Self.run + ["--out", eu.path, "--resume", "--csv-dialect", "rfc4180"])
        #expect(resumed.status == 0, "\(resumed.stderr)")
        #expect(resumed.stderr.contains("nothing is simulated again"), "\(resumed.stderr)")
        for file in Self.csvFiles + ["timeseries.csv", "sweep.json"] {
            #expect(try Data(contentsOf: eu.appendingPathComponent(file)) == Data(contentsOf: rfc.appendingPathComponent(file)), "\(file)")
        }
    }

    @Test("merge of excel-eu shards equals the excel-eu sweep; --csv-dialect rfc4180 converts; a mix of dialects is refused naming both (66); a bad name is 64")
    func mergeDialect() throws {
        let root = try BinaryRunner.scratchDirectory("dialect-merge")
        defer { try? FileManager.default.removeItem(at: root) }
        let eu = ["--csv-dialect", "excel-eu"]
        func dir(_ name: String) -> URL { root.appendingPathComponent(name) }
        for (name, extra) in [("whole", eu), ("whole-rfc", []), ("s1", eu + ["--shard", "1/2"]), ("s2", eu + ["--shard", "2/2"]),
                              ("r2", ["--shard", "2/2"])] {
            let outcome = try BinaryRunner.run(Self.sweep + extra + ["--out", dir(name).path])
            #expect(outcome.status == 0, "\(name): \(outcome.stderr)")
        }
        let merged = try BinaryRunner.run(["merge", dir("s1").path, dir("s2").path, "--out", dir("merged").path])
        #expect(merged.status == 0, "\(merged.stderr)")
        for file in Self.csvFiles + ["sweep.json", "report.html"] {
            #expect(try Data(contentsOf: dir("merged").appendingPathComponent(file)) == Data(contentsOf: dir("whole").appendingPathComponent(file)), "\(file)")
        }
        let report = try BinaryRunner.run(["report", dir("merged").path])
        #expect(report.status == 0, "\(report.stderr)")
        let converted = try BinaryRunner.run(["merge", dir("s1").path, dir("s2").path, "--out", dir("converted").path,
                                              "--csv-dialect", "rfc4180"])
        #expect(converted.status == 0, "\(converted.stderr)")
        for file in Self.csvFiles + ["sweep.json", "report.html"] {
            #expect(try Data(contentsOf: dir("converted").appendingPathComponent(file)) == Data(contentsOf: dir("whole-rfc").appendingPathComponent(file)), "\(file)")
        }
        let mixed = try BinaryRunner.run(["merge", dir("s1").path, dir("r2").path, "--out", dir("mixed").path])
        #expect(mixed.status == 66, "\(mixed.stderr)")
        #expect(mixed.stderr.contains("is written in the CSV dialect excel-eu") && mixed.stderr.contains("r2 in rfc4180"), "\(mixed.stderr)")
        let bad = try BinaryRunner.run(Self.sweep + ["--csv-dialect", "excel", "--out", dir("bad").path])
        #expect(bad.status == 64)
        #expect(bad.stderr.hasPrefix("error: the value 'excel' is invalid for '--csv-dialect': rfc4180") && bad.stderr.contains("Did you mean 'excel-eu'?"),
                "\(bad.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir("bad").path))
    }
}
