import Foundation
import Testing
@testable import Experiments

/// The result folder's lock and its staged commit (`OutputFolder`), and the CSV reader that
/// recovery relies on, in-process.
@Suite("Output folder and CSV reading")
struct OutputFolderTests {
    static func scratch() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("bigclient-folder-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    static func names(_ path: String) -> [String] { ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted() }

    @Test("what CSVFormat writes, CSVReader reads back exactly: quotes, commas, line breaks, numbers, empty cells")
    func csvRoundTrip() throws {
        let rows: [[String]] = [
            ["point", "policy", "note"],
            ["0", "indulge", "plain"],
            ["1", "a,b", "say \"hi\""],
            ["2", "two\nlines", "carriage\r\nreturn"],
            ["3", "", "é 漢 🙂"],
        ]
        let numbers: [Double] = [0, -3, 0.1, 1.0 / 3, 1e-7, 123_456_789.125, -2.5e300, .nan, 5e-324]
        var text = rows.map { CSVFormat.row($0.map(CSVFormat.text)) }.joined()
        text += CSVFormat.row(numbers.map(CSVFormat.number))
        let parsed = try CSVReader.records(Array(text.utf8))
        #expect(Array(parsed.records.prefix(rows.count)) == rows)
        let back = parsed.records[rows.count].map { $0.isEmpty ? Double.nan : Double($0)! }
        for (a, b) in zip(numbers, back) { #expect(a.bitPattern == b.bitPattern || (a.isNaN && b.isNaN), "\(a) read back as \(b)") }
        #expect(parsed.tornBytes == 0 && parsed.completeBytes == text.utf8.count)
        // Each record's first line: record 4 spans lines 4 to 6 (two quoted line breaks).
        #expect(parsed.lines == [1, 2, 3, 4, 7, 8])
    }

    @Test("a last record without its line break, or inside an open quote, is torn: counted in bytes, not returned",
          arguments: ["1,2,3\n4,5", "1,2,3\n\"open,\nquote", "1,2,3\n4,5,6"])
    func tornTail(text: String) throws {
        let parsed = try CSVReader.records(Array(text.utf8))
        #expect(parsed.records == [["1", "2", "3"]])
        #expect(parsed.completeBytes == 6)
        #expect(parsed.tornBytes == text.utf8.count - 6)
    }

    @Test("a second open of a held folder is refused, naming the holder; after release it opens")
    func lockIsExclusive() throws {
        let path = try Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let first = try OutputFolder(path, command: "bigclient run first")
        #expect(throws: AtomicFile.Failure.self) { try OutputFolder(path, command: "bigclient run second") }
        do {
            _ = try OutputFolder(path, command: "bigclient run second")
        } catch {
            guard case .inUse(_, let holder) = error else { Issue.record("\(error)"); return }
            #expect(holder.contains("pid \(getpid())") && holder.contains("bigclient run first"), "\(holder)")
        }
        first.release()
        #expect(!Self.names(path).contains(OutputFolder.lockName))
        let second = try OutputFolder(path, command: "bigclient run second")
        #expect(second.notes.isEmpty, "a released lock is not stale: \(second.notes)")
        second.release()
    }

    @Test("a commit installs its files as one set, removes what it lists, and leaves no staging folder")
    func commitInstallsTheSet() throws {
        let path = try Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: path) }
        try "old\n".write(toFile: path + "/summary.csv", atomically: true, encoding: .utf8)
        try "stale series\n".write(toFile: path + "/timeseries.csv", atomically: true, encoding: .utf8)
        let folder = try OutputFolder(path, command: "test")
        defer { folder.release() }
        #expect(try folder.commit([("summary.csv", "new\n"), ("run.json", "{}\n")], removing: ["timeseries.csv", "absent.csv"]))
        #expect(try String(contentsOfFile: path + "/summary.csv", encoding: .utf8) == "new\n")
        #expect(Self.names(path) == [OutputFolder.lockName, "run.json", "summary.csv"])
        #expect(try !folder.commit([("summary.csv", "newer\n")], removing: [], shouldStop: { true }))
        #expect(try String(contentsOfFile: path + "/summary.csv", encoding: .utf8) == "new\n", "a stopped commit changes nothing")
    }

    @Test("opening finishes a commit whose marker was written, and drops one whose marker was not")
    func recoveryOfAnInterruptedCommit() throws {
        let path = try Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let staging = path + "/" + OutputFolder.stagingName
        try "old\n".write(toFile: path + "/summary.csv", atomically: true, encoding: .utf8)
        try "old\n".write(toFile: path + "/timeseries.csv", atomically: true, encoding: .utf8)
        // Killed after the marker and the first rename: summary.csv is new, run.json still staged.
        try FileManager.default.createDirectory(atPath: staging, withIntermediateDirectories: true)
        try "{}\n".write(toFile: staging + "/run.json", atomically: true, encoding: .utf8)
        try "install summary.csv\ninstall run.json\nremove timeseries.csv\n".write(toFile: staging + "/COMMIT", atomically: true, encoding: .utf8)
        try "new\n".write(toFile: path + "/summary.csv", atomically: true, encoding: .utf8)
        let folder = try OutputFolder(path, command: "test")
        #expect(folder.notes.contains { $0.contains("finished installing") }, "\(folder.notes)")
        #expect(Self.names(path) == [OutputFolder.lockName, "run.json", "summary.csv"])
        folder.release()

        // Killed before the marker: the staged file is dropped, the folder's own left alone.
        try FileManager.default.createDirectory(atPath: staging, withIntermediateDirectories: true)
        try "half\n".write(toFile: staging + "/summary.csv", atomically: true, encoding: .utf8)
        let again = try OutputFolder(path, command: "test")
        #expect(try String(contentsOfFile: path + "/summary.csv", encoding: .utf8) == "new\n")
        #expect(Self.names(path) == [OutputFolder.lockName, "run.json", "summary.csv"])
        again.release()
    }

    @Test("a folder that cannot be written is refused when it is opened, before any simulation")
    func unwritableFolderRefusedAtOpen() throws {
        guard getuid() != 0 else {
            // Root writes through permission bits; a read-only place it cannot write is /proc.
            #expect(throws: AtomicFile.Failure.self) { try OutputFolder("/proc/bigclient-test", command: "test") }
            return
        }
        let path = try Self.scratch()
        defer { chmod(path, 0o755); try? FileManager.default.removeItem(atPath: path) }
        chmod(path, 0o555)
        #expect(throws: AtomicFile.Failure.self) { try OutputFolder(path, command: "test") }
    }
}
