import Foundation

/// Runs the built `bigclient` executable as a subprocess, as a user would, and captures its
/// output and exit status. The binary sits next to the test bundle in SwiftPM's build folder.
struct BinaryRunner {
    struct Outcome {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static var executableURL: URL {
        var directory = Bundle.main.bundleURL
        // The test runner lives in .build/<config>/ (or inside an .xctest bundle there).
        while !FileManager.default.fileExists(atPath: directory.appendingPathComponent("bigclient").path),
              directory.pathComponents.count > 1 {
            directory.deleteLastPathComponent()
        }
        return directory.appendingPathComponent("bigclient")
    }

    /// The repository root, found from this source file's path.
    static var repositoryRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    /// A fresh, empty folder under the system's temporary directory, named after `label`;
    /// the caller removes it.
    static func scratchDirectory(_ label: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("bigclient-\(label)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Starts the binary in the repository root without waiting for it, for tests that signal
    /// or kill it; its standard error goes to the returned pipe.
    static func start(_ arguments: [String]) throws -> (process: Process, stderr: Pipe) {
        let process = Process()
        process.executableURL = executableURL
        process.arguments = arguments
        process.currentDirectoryURL = repositoryRoot
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        return (process, errors)
    }

    /// Waits, at most `seconds`, until `condition` holds.
    static func wait(seconds: Double = 60, until condition: () -> Bool) {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline, !condition() { usleep(10_000) }
    }

    /// Sends `signal` and waits for the process to end; returns how long it took and its
    /// stderr. A watchdog kills it after `watchdogSeconds`, so a stop that never comes fails
    /// the test instead of hanging it.
    static func stop(_ process: Process, errors: Pipe, with signal: Int32, watchdogSeconds: Double) -> (latency: Double, stderr: String) {
        let signalled = Date()
        kill(process.processIdentifier, signal)
        while process.isRunning, Date().timeIntervalSince(signalled) < watchdogSeconds { usleep(5_000) }
        let latency = Date().timeIntervalSince(signalled)
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        return (latency, String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self))
    }

    /// True when the text file at `path` exists and has more than `count` lines.
    static func hasMoreLines(than count: Int, at path: String) -> Bool {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return false }
        return text.split(separator: "\n").count > count
    }

    static func run(_ arguments: [String], in directory: URL? = nil) throws -> Outcome {
        let process = Process()
        process.executableURL = executableURL
        process.arguments = arguments
        process.currentDirectoryURL = directory ?? repositoryRoot
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Read both pipes before waiting, so a large output cannot fill a pipe and block.
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Outcome(status: process.terminationStatus,
                       stdout: String(decoding: outData, as: UTF8.self),
                       stderr: String(decoding: errData, as: UTF8.self))
    }
}
