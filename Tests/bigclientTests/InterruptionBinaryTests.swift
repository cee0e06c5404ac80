import Foundation
import Testing

/// Ctrl-C during `run`: completed replications stay on disk, no result file is half-written,
/// exit 130, and `--resume` finishes with files identical to an uninterrupted run.
@Suite("bigclient binary: interruption")
struct InterruptionBinaryTests {
    @Test("SIGINT during run, then --resume, gives the files of an uninterrupted run")
    func sigintThenResume() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("bigclient-int-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        let command = ["run", "scenarios/historic-client.json5", "--replications", "30", "--horizon-days", "300", "--jobs", "1", "--quiet"]
        let whole = root.appendingPathComponent("whole")
        #expect(try BinaryRunner.run(command + ["--out", whole.path]).status == 0)

        let interrupted = root.appendingPathComponent("interrupted")
        let process = Process()
        process.executableURL = BinaryRunner.executableURL
        process.arguments = command + ["--out", interrupted.path]
        process.currentDirectoryURL = BinaryRunner.repositoryRoot
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let partial = interrupted.appendingPathComponent("replications.partial.csv").path
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline {
            if let text = try? String(contentsOfFile: partial, encoding: .utf8), text.split(separator: "\n").count > 4 { break }
            usleep(10_000)
        }
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
        #expect(files == ["replications.partial.csv", "sweep.json"], "no final file before the run completes: \(files)")
        let resumed = try BinaryRunner.run(command + ["--out", interrupted.path, "--resume"])
        #expect(resumed.status == 0, "\(resumed.stderr)")
        for file in ["replications.csv", "summary.csv", "comparison.csv"] {
            #expect(try Data(contentsOf: whole.appendingPathComponent(file)) == Data(contentsOf: interrupted.appendingPathComponent(file)), "\(file)")
        }
        #expect(!FileManager.default.fileExists(atPath: partial), "the partial file is gone once the run is complete")
    }
}
