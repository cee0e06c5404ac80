import Foundation
import Testing

/// `sweep` and `merge` through the built binary: shards and resume reproduce a single run.
@Suite("bigclient binary: sweep and merge")
struct SweepBinaryTests {
    static let sweep = ["sweep", "scenarios/small-shop.json5", "--vary", "technicians.count=4,5,6",
                        "--vary", "policies.standard.response.reducesVolume.volumeFactor=0:1/3",
                        "--replications", "3", "--horizon-days", "120", "--warmup-days", "20", "--timeseries", "--quiet"]
    static let files = ["replications.csv", "outcomes.csv", "summary.csv", "comparison.csv", "decision.csv", "timeseries.csv", "sweep.json", "report.html"]

    static func same(_ a: URL, _ b: URL) throws {
        for file in files {
            #expect(try Data(contentsOf: a.appendingPathComponent(file)) == Data(contentsOf: b.appendingPathComponent(file)), "\(file)")
        }
    }

    @Test("shards 1/3, 2/3, 3/3 merged equal the unsharded run, byte for byte (outcome branches, and sampled outcomes)",
          arguments: [[], ["--sample-outcomes"]])
    func shardsMerge(mode: [String]) throws {
        let root = try BinaryRunner.scratchDirectory("sweep")
        defer { try? FileManager.default.removeItem(at: root) }
        let whole = root.appendingPathComponent("whole")
        let outcome = try BinaryRunner.run(Self.sweep + mode + ["--out", whole.path])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        var shardDirs: [String] = []
        for k in 1...3 {
            let dir = root.appendingPathComponent("shard\(k)").path
            let shard = try BinaryRunner.run(Self.sweep + mode + ["--out", dir, "--shard", "\(k)/3"])
            #expect(shard.status == 0, "\(shard.stderr)")
            shardDirs.append(dir)
        }
        let merged = root.appendingPathComponent("merged")
        let incomplete = try BinaryRunner.run(["merge", shardDirs[0], shardDirs[2], "--out", merged.path])
        #expect(incomplete.status == 66)
        #expect(incomplete.stderr.contains("missing shard 2/3"))
        let merge = try BinaryRunner.run(["merge"] + shardDirs + ["--out", merged.path])
        #expect(merge.status == 0, "\(merge.stderr)")
        try Self.same(whole, merged)
        let header = try String(contentsOf: whole.appendingPathComponent("summary.csv"), encoding: .utf8).prefix(200)
        #expect(header.hasPrefix("technicians.count,policies.standard.response.reducesVolume.volumeFactor,point,policy,metric"))
    }

    @Test("a sweep killed mid-way and resumed equals an uninterrupted one")
    func killedThenResumed() throws {
        let root = try BinaryRunner.scratchDirectory("sweep")
        defer { try? FileManager.default.removeItem(at: root) }
        let long = ["sweep", "scenarios/historic-client.json5", "--vary", "technicians.count=11,12,13",
                    "--replications", "12", "--horizon-days", "300", "--warmup-days", "91", "--jobs", "1", "--quiet"]
        let whole = root.appendingPathComponent("whole")
        #expect(try BinaryRunner.run(long + ["--out", whole.path]).status == 0)
        let interrupted = root.appendingPathComponent("interrupted")
        let (process, _) = try BinaryRunner.start(long + ["--out", interrupted.path])
        // Kill it once some rows are on disk (but long before the end).
        let partial = interrupted.appendingPathComponent("replications.partial.csv").path
        BinaryRunner.wait { BinaryRunner.hasMoreLines(than: 6, at: partial) }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(FileManager.default.fileExists(atPath: partial), "rows were appended before the kill")
        #expect(!FileManager.default.fileExists(atPath: interrupted.appendingPathComponent("summary.csv").path))
        let resumed = try BinaryRunner.run(long + ["--out", interrupted.path, "--resume"])
        #expect(resumed.status == 0, "\(resumed.stderr)")
        for file in ["replications.csv", "outcomes.csv", "summary.csv", "comparison.csv", "decision.csv", "sweep.json"] {
            #expect(try Data(contentsOf: whole.appendingPathComponent(file)) == Data(contentsOf: interrupted.appendingPathComponent(file)), "\(file)")
        }
    }

    @Test("sweep errors: unknown path (exit 65, with a suggestion), bad values, bad shard")
    func errors() throws {
        let unknown = try BinaryRunner.run(["sweep", "scenarios/small-shop.json5", "--vary", "technicans.count=4,5", "--quiet", "--out", "/tmp/bigclient-never"])
        #expect(unknown.status == 65)
        #expect(unknown.stderr.contains("technicans"))
        let wrongType = try BinaryRunner.run(["sweep", "scenarios/small-shop.json5", "--vary", "technicians.count=many", "--quiet", "--out", "/tmp/bigclient-never"])
        #expect(wrongType.status == 65)
        #expect(wrongType.stderr.contains("technicians.count"))
        let badShard = try BinaryRunner.run(["sweep", "scenarios/small-shop.json5", "--vary", "technicians.count=4", "--shard", "4/3"])
        #expect(badShard.status == 64)
        let noVary = try BinaryRunner.run(["sweep", "scenarios/small-shop.json5"])
        #expect(noVary.status == 64)
    }
}
