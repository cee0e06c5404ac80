import Foundation
import Testing

/// Limits, unwritable outputs and runaway systems, through the built binary.
@Suite("bigclient binary: robustness")
struct RobustnessBinaryTests {
    @Test("absurd sizes are refused with the allowed range; huge legitimate work needs --yes")
    func limits() throws {
        let replications = try BinaryRunner.run(["run", "scenarios/small-shop.json5", "--replications", "1000000000"])
        #expect(replications.status == 64)
        #expect(replications.stderr.contains("an integer from 1 to 1000000"))
        let huge = try BinaryRunner.run(["run", "scenarios/historic-client.json5", "--replications", "1000000", "--horizon-days", "36500"])
        #expect(huge.status == 64)
        #expect(huge.stderr.contains("core-hours") && huge.stderr.contains("--yes"), "\(huge.stderr)")
        let directory = try BinaryRunner.scratchDirectory("robust")
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("huge.json5")
        try "{ technicians: { count: 1000000000 } }".write(to: file, atomically: true, encoding: .utf8)
        let check = try BinaryRunner.run(["check", file.path])
        #expect(check.status == 65)
        #expect(check.stderr.contains("technicians.count"))
    }

    @Test("an unwritable output place exits 73 and leaves nothing behind")
    func unwritable() throws {
        let outcome = try BinaryRunner.run(["run", "scenarios/small-shop.json5", "--replications", "2", "--horizon-days", "60",
                                            "--warmup-days", "10", "--quiet", "--out", "/proc/bigclient-cannot-write"])
        #expect(outcome.status == 73, "\(outcome.stderr)")
        #expect(outcome.stderr.contains("/proc/bigclient-cannot-write"))
        #expect(!FileManager.default.fileExists(atPath: "/proc/bigclient-cannot-write"))
        let full = try BinaryRunner.run(["run", "scenarios/small-shop.json5", "--replications", "2", "--horizon-days", "60",
                                         "--warmup-days", "10", "--quiet", "--out", "/dev/full"])
        #expect(full.status == 73, "\(full.stderr)")
    }

    @Test("a runaway system stops in bounded time, the run finishes, and the CSV says runaway")
    func runaway() throws {
        let directory = try BinaryRunner.scratchDirectory("robust")
        defer { try? FileManager.default.removeItem(at: directory) }
        // Far more work than the shop can do (200 key orders a week), and a low runaway limit.
        let sweep = try BinaryRunner.run(["sweep", "scenarios/small-shop.json5", "--vary", "clients.key.ordersPerWeek=200",
                                          "--vary", "simulation.maxBacklogOrders=300", "--replications", "2",
                                          "--horizon-days", "365", "--warmup-days", "30",
                                          "--out", directory.appendingPathComponent("out").path, "--quiet"])
        #expect(sweep.status == 0, "\(sweep.stderr)")
        let rows = try String(contentsOf: directory.appendingPathComponent("out/replications.csv"), encoding: .utf8)
        #expect(rows.contains(",runaway,"), "the status column reports the runaway replications")
    }
}
