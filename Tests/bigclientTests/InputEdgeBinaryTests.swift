import Foundation
import Testing
@testable import bigclient

/// Inputs at the edges of what the command line and `check` accept: file names that are not
/// UTF-8, and the scenario's `sweep` section.
@Suite("bigclient binary: input edges")
struct InputEdgeBinaryTests {
    @Test("a byte that is not UTF-8 is shown as \\xHH, and the first bad byte is named")
    func decodeArgument() throws {
        #expect(try RawArguments.decode(Array("plain é.json5".utf8), position: 1) == "plain é.json5")
        do {
            _ = try RawArguments.decode(Array("bad".utf8) + [0xFF] + Array("é\n.json5".utf8), position: 2)
            Issue.record("no error for a 0xFF byte")
        } catch {
            #expect(error.firstBadByte == 0xFF)
            #expect(error.shown == "bad\\xFFé\\x0A.json5")
            #expect(error.message.contains("argument 2") && error.message.contains("rename"))
        }
    }

    @Test("a file name that is not UTF-8 is refused with exit 64, not reported as missing")
    func nonUTF8FileName() throws {
        let directory = try BinaryRunner.scratchDirectory("edge")
        defer { try? FileManager.default.removeItem(at: directory) }
        // Process takes arguments as strings, so the shell makes the byte.
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "f=$(printf 'bad\\377.json5'); printf '{}' > \"$f\"; \"$0\" check \"$f\"", BinaryRunner.executableURL.path]
        process.currentDirectoryURL = directory
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 64, "\(stderr)")
        #expect(stderr.contains("bad\\xFF.json5") && stderr.contains("not UTF-8"), "\(stderr)")
    }

    @Test("check reads the sweep section as sweep does", arguments: [
        ("{ technicians: { count: 8 }, sweep: \"garbage\" }", "sweep must be an object"),
        ("{ technicians: { count: 8 }, sweep: { vary: [\"technicians.count=8,,9\"] } }", "sweep.vary[0] must be"),
        ("{ technicians: { count: 8 }, sweep: { vary: [\"technicians.count=8,9\"], design: \"grd\" } }", "sweep.design must be one of"),
        ("{ technicians: { count: 8 }, sweep: { vary: [\"technicians.count=8,0\"] } }", "technicians.count must be an integer ≥ 1"),
        ("{ technicians: { count: 8 }, sweep: { vary: [\"technicians.count=8,9\"], colour: 1 } }", "unknown field 'sweep.colour'"),
    ])
    func checkSweepSection(text: String, expected: String) throws {
        let directory = try BinaryRunner.scratchDirectory("edge")
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("s.json5")
        try text.write(to: file, atomically: true, encoding: .utf8)
        let outcome = try BinaryRunner.run(["check", file.path])
        #expect(outcome.status == 65, "\(outcome.stderr)")
        #expect(outcome.stderr.contains(file.path) && outcome.stderr.contains(expected), "\(outcome.stderr)")
    }

    @Test("check prints the size of a valid sweep section")
    func checkValidSweepSection() throws {
        let outcome = try BinaryRunner.run(["check", "scenarios/sweeps/breakeven-map.json5"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.contains("sweep section:") && outcome.stdout.contains("points"), "\(outcome.stdout)")
    }
}
