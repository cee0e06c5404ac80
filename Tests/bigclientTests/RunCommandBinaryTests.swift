import Foundation
import Testing

/// `bigclient run` end to end: files, formats, determinism, the committed example.
@Suite("bigclient binary: run")
struct RunCommandBinaryTests {
    static let csvFiles = ["replications.csv", "outcomes.csv", "summary.csv", "comparison.csv", "decision.csv", "timeseries.csv"]

    @Test("the committed example is reproduced byte for byte (regenerate it when the model changes on purpose)")
    func committedExample() throws {
        let directory = try BinaryRunner.scratchDirectory("run")
        defer { try? FileManager.default.removeItem(at: directory) }
        let outcome = try BinaryRunner.run(["run", "scenarios/historic-client.json5", "--replications", "20", "--timeseries",
                                            "--out", directory.path, "--quiet"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let example = BinaryRunner.repositoryRoot.appendingPathComponent("results/example")
        for file in Self.csvFiles {
            let expected = try Data(contentsOf: example.appendingPathComponent(file))
            let actual = try Data(contentsOf: directory.appendingPathComponent(file))
            #expect(expected == actual, "\(file) differs from results/example: regenerate with the command in results/README.md if the change is intended")
        }
    }

    @Test("--jobs 1 and --jobs 2 write identical CSV files; the text report states the conclusion")
    func jobsAndReport() throws {
        let one = try BinaryRunner.scratchDirectory("run"), two = try BinaryRunner.scratchDirectory("run")
        defer { try? FileManager.default.removeItem(at: one); try? FileManager.default.removeItem(at: two) }
        let a = try BinaryRunner.run(["run", "scenarios/small-shop.json5", "--replications", "6", "--jobs", "1", "--out", one.path, "--horizon-days", "200", "--warmup-days", "91"])
        let b = try BinaryRunner.run(["run", "scenarios/small-shop.json5", "--replications", "6", "--jobs", "2", "--out", two.path, "--horizon-days", "200", "--warmup-days", "91", "--quiet"])
        #expect(a.status == 0 && b.status == 0, "\(a.stderr) \(b.stderr)")
        for file in ["replications.csv", "summary.csv", "comparison.csv"] {
            #expect(try Data(contentsOf: one.appendingPathComponent(file)) == Data(contentsOf: two.appendingPathComponent(file)), "\(file)")
        }
        #expect(a.stdout.contains("profit by"))
        #expect(a.stdout.contains("95 % CI"))
        #expect(b.stdout.isEmpty, "--quiet prints nothing")
        // Only the warm-up check's one line, printed before the replications.
        #expect(a.stderr.split(separator: "\n").count == 1
                && (a.stderr.hasPrefix("warm-up: ") || a.stderr.contains(": simulation.warmupDays: the decision day comes before")),
                "no progress line when stderr is not a terminal: \(a.stderr)")
    }

    /// The fields of one CSV line, RFC 4180 quotes kept (no field of these files spans lines).
    static func fields(_ line: Substring) -> [String] {
        var fields: [String] = [], current = "", quoted = false
        for character in line {
            if character == "\"" { quoted.toggle() }
            if character == "," && !quoted { fields.append(current); current = "" } else { current.append(character) }
        }
        return fields + [current]
    }

    @Test("CSV files are well formed: header, equal column counts, no NaN or infinity; run.json names the scenario")
    func wellFormed() throws {
        let directory = try BinaryRunner.scratchDirectory("run")
        defer { try? FileManager.default.removeItem(at: directory) }
        let outcome = try BinaryRunner.run(["run", "scenarios/extra-technician.json5", "--replications", "5", "--timeseries",
                                            "--horizon-days", "200", "--warmup-days", "91", "--out", directory.path, "--quiet"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        for file in Self.csvFiles {
            let text = try String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8)
            let lines = text.split(separator: "\n")
            #expect(lines.count > 1, "\(file) has rows")
            let columns = Self.fields(lines[0]).count
            #expect(lines[0].hasPrefix("point,"))
            for line in lines {
                let fields = Self.fields(line)
                #expect(fields.count == columns, "\(file): \(line)")
                // Numbers are never written as nan or inf (quoted text, such as a note, may say anything).
                #expect(fields.allSatisfy { $0.hasPrefix("\"") || (!$0.lowercased().contains("nan") && !$0.contains("inf")) },
                        "\(file): \(line)")
            }
        }
        let replications = try String(contentsOf: directory.appendingPathComponent("replications.csv"), encoding: .utf8)
        #expect(replications.split(separator: "\n").count == 1 + 3 * 5, "3 policies × 5 replications")
        let run = try String(contentsOf: directory.appendingPathComponent("run.json"), encoding: .utf8)
        #expect(run.contains("\"scenarioSHA256\""))
        #expect(run.contains("extra-technician"))
    }

    @Test("--format json prints the report as JSON")
    func jsonFormat() throws {
        let directory = try BinaryRunner.scratchDirectory("run")
        defer { try? FileManager.default.removeItem(at: directory) }
        let outcome = try BinaryRunner.run(["run", "scenarios/small-shop.json5", "--replications", "4", "--horizon-days", "150", "--warmup-days", "91",
                                            "--format", "json", "--out", directory.path])
        #expect(outcome.status == 0)
        let object = try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any]
        #expect(object?["scenario"] as? String == "small-shop")
        #expect((object?["policies"] as? [Any])?.count == 2)
    }

    @Test("output errors: a file in the way exits 73 and writes nothing")
    func outputErrors() throws {
        let directory = try BinaryRunner.scratchDirectory("run")
        defer { try? FileManager.default.removeItem(at: directory) }
        let blocker = directory.appendingPathComponent("taken")
        try "x".write(to: blocker, atomically: true, encoding: .utf8)
        let outcome = try BinaryRunner.run(["run", "scenarios/small-shop.json5", "--replications", "2", "--horizon-days", "100", "--warmup-days", "20",
                                            "--out", blocker.path, "--quiet"])
        #expect(outcome.status == 73)
        #expect(outcome.stderr.contains("cannot create the output directory"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["taken"])
    }

    @Test("bad options are usage errors: unknown metric, --metric without --precision, bad format", arguments: [
        ["--precision", "0.1", "--metric", "proft_eur"],
        ["--metric", "profit_eur"],
        ["--format", "xml"],
        ["--replications", "0"],
        ["--warmup-days", "2000"],
    ])
    func badOptions(extra: [String]) throws {
        let outcome = try BinaryRunner.run(["run", "scenarios/small-shop.json5", "--quiet", "--out", "/tmp/bigclient-never"] + extra)
        #expect(outcome.status == 64, "\(extra): \(outcome.stderr)")
    }
}
