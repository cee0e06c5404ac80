import Foundation
import Testing

/// `bigclient sweep` of a field the scenario file leaves to its default, through the binary,
/// on the starter that `bigclient init` prints (it writes no `technicians.sickLeave`).
@Suite("bigclient binary: sweeping a field the file leaves out")
struct SweepDefaultedFieldBinaryTests {
    /// The starter of `bigclient init`, saved in `directory`.
    static func starter(in directory: URL) throws -> String {
        let initOutcome = try BinaryRunner.run(["init"])
        #expect(initOutcome.status == 0, "\(initOutcome.stderr)")
        #expect(!initOutcome.stdout.contains("sickLeave"), "the starter leaves technicians.sickLeave out")
        let path = directory.appendingPathComponent("my-company.json5").path
        try initOutcome.stdout.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test("sweep --vary technicians.sickLeave.baseDailyHazard runs, and the swept column and the metric follow")
    func sweepsTheDefault() throws {
        let root = try BinaryRunner.scratchDirectory("sweep-default")
        defer { try? FileManager.default.removeItem(at: root) }
        let scenario = try Self.starter(in: root)
        let out = root.appendingPathComponent("out").path
        let outcome = try BinaryRunner.run(["sweep", scenario, "--vary", "technicians.sickLeave.baseDailyHazard=0,0.05",
                                            "--replications", "2", "--horizon-days", "120", "--warmup-days", "20",
                                            "--policy", "indulge", "--quiet", "--out", out])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let summary = try String(contentsOfFile: out + "/summary.csv", encoding: .utf8)
        let lines = summary.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("technicians.sickLeave.baseDailyHazard,point,policy,metric,n,mean") == true)
        // technicians.sickLeave.baseDailyHazard, point, policy, metric, n, mean, …
        let episodes = lines.map { $0.split(separator: ",").map(String.init) }
            .filter { $0.count > 5 && $0[3] == "sick_leave_episodes" }
        #expect(episodes.map { $0[0] } == ["0", "0.05"], "the swept column holds the values")
        // Hazard 0 draws no leave; at 0.05 a day, 12 technicians over 100 measured days expect
        // ≈ 50 episodes per replication.
        #expect(episodes.first.flatMap { Double($0[5]) } == 0)
        #expect((episodes.last.flatMap { Double($0[5]) } ?? 0) > 5)
    }

    @Test("a misspelt field on the path is refused (exit 65) with the reader's suggestion")
    func misspelt() throws {
        let root = try BinaryRunner.scratchDirectory("sweep-default")
        defer { try? FileManager.default.removeItem(at: root) }
        let scenario = try Self.starter(in: root)
        let outcome = try BinaryRunner.run(["sweep", scenario, "--vary", "technicians.sickLeav.baseDailyHazard=0.001,0.002",
                                            "--quiet", "--out", root.appendingPathComponent("never").path])
        #expect(outcome.status == 65)
        #expect(outcome.stderr.contains("no field 'technicians.sickLeav'. Did you mean 'technicians.sickLeave'?"), "\(outcome.stderr)")
        let group = try BinaryRunner.run(["sweep", scenario, "--vary", "clients.vip.ordersPerWeek=1,2",
                                          "--quiet", "--out", root.appendingPathComponent("never").path])
        #expect(group.status == 65)
        #expect(group.stderr.contains("no 'clients.vip'"), "\(group.stderr)")
    }
}
