import Foundation
import Testing

/// Ctrl-C during `run`: completed replications stay on disk, no result file is half-written,
/// exit 130, and `--resume` finishes with files identical to an uninterrupted run.
@Suite("bigclient binary: interruption")
struct InterruptionBinaryTests {
    @Test("SIGINT during run, then --resume, gives the files of an uninterrupted run")
    func sigintThenResume() throws {
        let root = try BinaryRunner.scratchDirectory("int")
        defer { try? FileManager.default.removeItem(at: root) }
        let command = ["run", "scenarios/historic-client.json5", "--replications", "30", "--horizon-days", "300", "--warmup-days", "91", "--jobs", "1", "--quiet"]
        let whole = root.appendingPathComponent("whole")
        #expect(try BinaryRunner.run(command + ["--out", whole.path]).status == 0)

        let interrupted = root.appendingPathComponent("interrupted")
        let (process, errors) = try BinaryRunner.start(command + ["--out", interrupted.path])
        let partial = interrupted.appendingPathComponent("replications.partial.csv").path
        BinaryRunner.wait { BinaryRunner.hasMoreLines(than: 4, at: partial) }
        kill(process.processIdentifier, SIGINT)
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        if process.terminationStatus == 0 {
            // The run won the race and finished before the signal: nothing to test this time.
            return
        }
        #expect(process.terminationStatus == 130, "\(stderr)")
        #expect(stderr.contains("--resume"), "\(stderr)")
        let files = try FileManager.default.contentsOfDirectory(atPath: interrupted.path).sorted()
        #expect(files == ["outcomes.partial.csv", "replications.partial.csv", "sweep.partial.json"], "no final file (nor the lock) once the run has stopped: \(files)")
        let resumed = try BinaryRunner.run(command + ["--out", interrupted.path, "--resume"])
        #expect(resumed.status == 0, "\(resumed.stderr)")
        for file in ["replications.csv", "summary.csv", "comparison.csv"] {
            #expect(try Data(contentsOf: whole.appendingPathComponent(file)) == Data(contentsOf: interrupted.appendingPathComponent(file)), "\(file)")
        }
        #expect(!FileManager.default.fileExists(atPath: partial), "the partial file is gone once the run is complete")
    }

    /// A replication of 10,000 technicians over a century takes minutes; a scheduler's SIGTERM
    /// grace period is 30 s. The stop request is honoured inside the replication, not after it.
    @Test("SIGTERM inside a long replication stops within seconds, with exit 130 and nothing but the partial rows")
    func sigtermInsideLongReplication() throws {
        let root = try BinaryRunner.scratchDirectory("term")
        defer { try? FileManager.default.removeItem(at: root) }
        let scenario = root.appendingPathComponent("long.json5")
        try "{ simulation: { horizonDays: 36500 }, technicians: { count: 10000 } }".write(to: scenario, atomically: true, encoding: .utf8)
        let out = root.appendingPathComponent("out")
        let (process, errors) = try BinaryRunner.start(["run", scenario.path, "--replications", "1", "--jobs", "1", "--quiet", "--yes",
                                                        "--out", out.path])
        // Until the run has started writing (the plan is saved before the first replication).
        BinaryRunner.wait(seconds: 30) { FileManager.default.fileExists(atPath: out.appendingPathComponent("sweep.partial.json").path) }
        usleep(500_000)
        let (latency, stderr) = BinaryRunner.stop(process, errors: errors, with: SIGTERM, watchdogSeconds: 60)
        #expect(process.terminationStatus == 130, "\(stderr)")
        // A debug build runs the replication many times slower than release, and the stop is
        // polled every 4,096 events: seconds, against the minutes the replication needs.
        #expect(latency < 10, "stopped \(latency) s after SIGTERM")
        let files = try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
        #expect(!files.contains("replications.csv") && !files.contains("summary.csv"), "\(files)")
    }

    /// Every command that runs replications goes through the one scheduler, so Ctrl-C stops
    /// each of them alike: within a second, exit 130, no result file.
    @Test("SIGINT to validate, to run --precision, to breakeven and to bench ends each with 130 within a second",
          arguments: [
              ["validate"],
              ["bench"],
              ["run", "scenarios/historic-client.json5", "--precision", "0.001", "--metric", "profit_eur", "--replications", "20",
               "--max-replications", "100000", "--yes", "--jobs", "1", "--quiet"],
              ["breakeven", "scenarios/historic-client.json5", "--vary", "technicians.count=6:14", "--integer", "--metric", "profit_eur",
               "--replications", "200", "--yes", "--jobs", "1"],
          ])
    func sigintStopsEveryCommand(arguments: [String]) throws {
        let root = try BinaryRunner.scratchDirectory("sigint")
        defer { try? FileManager.default.removeItem(at: root) }
        let out = arguments[0] == "run" ? ["--out", root.appendingPathComponent("out").path] : []
        let (process, errors) = try BinaryRunner.start(arguments + out)
        usleep(1_500_000)   // well into the replications (each command takes minutes in a debug build)
        #expect(process.isRunning, "the command was still running when signalled")
        let (latency, stderr) = BinaryRunner.stop(process, errors: errors, with: SIGINT, watchdogSeconds: 30)
        #expect(process.terminationStatus == 130, "\(stderr)")
        #expect(stderr.contains("interrupted"), "\(stderr)")
        #expect(latency < 1, "stopped \(latency) s after SIGINT")
    }

    @Test("run --precision interrupted, then --resume'd, gives the files of an uninterrupted run")
    func precisionResumes() throws {
        let root = try BinaryRunner.scratchDirectory("precision")
        defer { try? FileManager.default.removeItem(at: root) }
        let command = ["run", "scenarios/small-shop.json5", "--precision", "0.05", "--metric", "profit_eur", "--replications", "6",
                       "--max-replications", "60", "--horizon-days", "200", "--warmup-days", "20", "--jobs", "1", "--quiet"]
        let whole = root.appendingPathComponent("whole")
        let uninterrupted = try BinaryRunner.run(command + ["--out", whole.path])
        #expect(uninterrupted.status == 0, "\(uninterrupted.stderr)")
        let record = try String(contentsOf: whole.appendingPathComponent("run.json"), encoding: .utf8)
        #expect(record.contains("\"precisionTarget\" : \"profit_eur 0.05 max 60\""), "\(record)")

        let interrupted = root.appendingPathComponent("interrupted")
        let (process, _) = try BinaryRunner.start(command + ["--out", interrupted.path])
        let partial = interrupted.appendingPathComponent("replications.partial.csv").path
        // Past the first batch (6 replications × 2 policies), so a decision has been taken.
        BinaryRunner.wait { BinaryRunner.hasMoreLines(than: 16, at: partial) }
        kill(process.processIdentifier, SIGINT)
        process.waitUntilExit()
        if process.terminationStatus == 0 { return }   // it finished first: nothing to resume this time
        #expect(process.terminationStatus == 130)
        let resumed = try BinaryRunner.run(command + ["--out", interrupted.path, "--resume"])
        #expect(resumed.status == 0, "\(resumed.stderr)")
        for file in ["replications.csv", "summary.csv", "comparison.csv", "sweep.json"] {
            #expect(try Data(contentsOf: whole.appendingPathComponent(file)) == Data(contentsOf: interrupted.appendingPathComponent(file)), "\(file)")
        }
    }

    @Test("without a terminal, a run of more than 10 s writes a plain progress line to stderr")
    func progressWithoutTerminal() throws {
        let root = try BinaryRunner.scratchDirectory("progress")
        defer { try? FileManager.default.removeItem(at: root) }
        let log = root.appendingPathComponent("stderr.txt")
        FileManager.default.createFile(atPath: log.path, contents: nil)
        let process = Process()
        process.executableURL = BinaryRunner.executableURL
        process.arguments = ["run", "scenarios/historic-client.json5", "--replications", "100000", "--yes", "--jobs", "1",
                             "--out", root.appendingPathComponent("out").path]
        process.currentDirectoryURL = BinaryRunner.repositoryRoot
        process.standardError = try FileHandle(forWritingTo: log)
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        defer { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }
        func text() -> String { (try? String(contentsOf: log, encoding: .utf8)) ?? "" }
        BinaryRunner.wait(seconds: 30) { text().contains("progress: ") }
        kill(process.processIdentifier, SIGINT)
        process.waitUntilExit()
        let lines = text().split(separator: "\n").filter { $0.hasPrefix("progress: ") }
        #expect(!lines.isEmpty, "\(text())")
        #expect(lines.first.map { $0.contains("/100000 replications") && $0.contains("left") } == true, "\(lines)")
        #expect(!text().contains("\r"), "no terminal line rewriting in a log")
    }
}
