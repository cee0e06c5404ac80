import Foundation
import Testing

/// `check`, `run`, `trace` and `init` on the shipped scenarios and on broken files, through
/// the built binary.
@Suite("bigclient binary: scenario commands")
struct ScenarioCommandsBinaryTests {
    static var shippedScenarios: [String] {
        let root = BinaryRunner.repositoryRoot.appendingPathComponent("scenarios")
        let files = FileManager.default.enumerator(atPath: root.path)?.compactMap { $0 as? String } ?? []
        return files.filter { $0.hasSuffix(".json5") }.sorted().map { "scenarios/" + $0 }
    }

    @Test("there are shipped scenarios, the default among them")
    func scenariosExist() {
        #expect(Self.shippedScenarios.contains("scenarios/historic-client.json5"))
        #expect(Self.shippedScenarios.count >= 6)
    }

    @Test("every shipped scenario passes check")
    func everyScenarioPassesCheck() throws {
        for file in Self.shippedScenarios {
            let outcome = try BinaryRunner.run(["check", file])
            #expect(outcome.status == 0, "\(file): \(outcome.stderr)")
            #expect(outcome.stdout.contains("valid scenario"), "\(file)")
            #expect(outcome.stdout.contains("utilisation"))
        }
    }

    @Test("init prints a starter scenario that passes check")
    func initPassesCheck() throws {
        let outcome = try BinaryRunner.run(["init"])
        #expect(outcome.status == 0)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("bigclient-init-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("starter.json5")
        try outcome.stdout.write(to: file, atomically: true, encoding: .utf8)
        let check = try BinaryRunner.run(["check", file.path])
        #expect(check.status == 0, "\(check.stderr)")
    }

    @Test("malformed scenarios exit 65 and name the file and the field", arguments: [
        ("{ technicians: { count: 0 } }", "technicians.count must be an integer ≥ 1 (got 0)"),
        ("{ technicans: {} }", "unknown field 'technicans'. Did you mean 'technicians'?"),
        ("{ simulation: { horizonDays: \"long\" } }", "simulation.horizonDays must be a number"),
        ("{ policies: { a: { keyClientTerms: { priority: \"preemtive\" } } }, baseline: \"a\" }", "Did you mean 'preemptive'?"),
        ("{ policies: { a: { keyPriority: \"preemptive\" } }, baseline: \"a\" }",
         "policies.a.keyPriority' (this field has moved to keyClientTerms.priority"),
        ("{ policies: { a: {}, b: { keyClientTerms: { discount: 0.1 } } }, baseline: \"a\" }",
         "policies.b.response is required: policy 'b' changes the key client's terms from the baseline 'a' (keyClientTerms.discount)"),
        ("{ technicians: { count: 3,\n  count: 4 } }", "duplicate key 'count'"),
        ("{ name: \"x\",\n  simulation: { horizonDays: } }", "line 2"),
    ])
    func malformed(text: String, message: String) throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("bigclient-bad-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("bad.json5")
        try text.write(to: file, atomically: true, encoding: .utf8)
        let outcome = try BinaryRunner.run(["check", file.path])
        #expect(outcome.status == 65)
        #expect(outcome.stderr.contains("bad.json5"), "\(outcome.stderr)")
        #expect(outcome.stderr.contains(message), "\(outcome.stderr)")
    }

    @Test("a missing scenario file exits 66")
    func missingFile() throws {
        let outcome = try BinaryRunner.run(["check", "scenarios/no-such-file.json5"])
        #expect(outcome.status == 66)
        #expect(outcome.stderr.contains("no-such-file.json5"))
    }

    @Test("run prints every metric for every policy of the default scenario")
    func runDefault() throws {
        let outcome = try BinaryRunner.run(["run", "scenarios/historic-client.json5", "--horizon-days", "120", "--warmup-days", "30"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        for name in ["profit_eur", "overtime_hours", "key_client_lost", "on_time_rate", "indulge", "standard"] {
            #expect(outcome.stdout.contains(name))
        }
    }

    @Test("run with an unknown policy is a usage error naming the known ones")
    func unknownPolicy() throws {
        let outcome = try BinaryRunner.run(["run", "scenarios/historic-client.json5", "--policy", "nope"])
        #expect(outcome.status == 64)
        #expect(outcome.stderr.contains("unknown policy 'nope'"))
        #expect(outcome.stderr.contains("indulge"))
    }

    @Test("trace prints a CSV event log with a header and consistent columns")
    func trace() throws {
        let outcome = try BinaryRunner.run(["trace", "scenarios/small-shop.json5", "--policy", "standard", "--replication", "2"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let lines = outcome.stdout.split(separator: "\n")
        #expect(lines.first == "time_hours,day,event,order,client,technician,details")
        #expect(lines.count > 100)
        #expect(outcome.stdout.contains(",decision,"))
        #expect(outcome.stdout.contains(",deliver,"))
        let again = try BinaryRunner.run(["trace", "scenarios/small-shop.json5", "--policy", "standard", "--replication", "2"])
        #expect(again.stdout == outcome.stdout, "the same replication twice gives the same log")
    }
}
