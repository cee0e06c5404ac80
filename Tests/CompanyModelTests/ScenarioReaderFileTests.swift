import CompanyModel
import Foundation
import Testing

@Suite("ScenarioReader: files on disk")
struct ScenarioReaderFileTests {
    typealias Support = ScenarioReaderTestSupport

    /// The error loading `path`, or nil (with a test failure).
    private func loadError(_ path: String, sourceLocation: SourceLocation = #_sourceLocation) -> ScenarioError? {
        do {
            _ = try ScenarioReader.load(contentsOf: path)
            Issue.record("expected an error loading \(path)", sourceLocation: sourceLocation)
            return nil
        } catch {
            return error
        }
    }

    @Test("load reads a file and names the scenario after it")
    func loadsFile() throws {
        let directory = try Support.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("overtime-study.json5")
        try Data("{ technicians: { count: 7 } } // done\n".utf8).write(to: file)
        let scenario = try ScenarioReader.load(contentsOf: file.path)
        #expect(scenario.name == "overtime-study")
        #expect(scenario.technicians.count == 7)
        let tree = try ScenarioReader.parse(contentsOf: file.path)
        #expect(tree == .object(["technicians": .object(["count": .number(7)])]))
    }

    @Test("a missing file is missing input")
    func missingFile() throws {
        let error = try #require(loadError("/nonexistent/dir/none.json5"))
        #expect(error.kind == .fileNotFound)
        #expect(error.isMissingInput)
        #expect(error.file == "/nonexistent/dir/none.json5")
        #expect(error.description == "/nonexistent/dir/none.json5: file not found")
    }

    @Test("a directory is unreadable input")
    func directory() throws {
        let directory = try Support.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let error = try #require(loadError(directory.path))
        #expect(error.kind == .unreadable)
        #expect(error.isMissingInput)
        #expect(error.description == "\(directory.path): cannot read the file (it is a directory, not a scenario file)")
    }

    @Test("bytes that are not UTF-8 are refused with their position")
    func notUTF8() throws {
        let directory = try Support.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("latin1.json5")
        // "{\n  name: 'caf" then é in Latin-1 (0xE9), then "' }".
        var bytes = Array("{\n  name: 'caf".utf8)
        bytes.append(0xE9)
        bytes += Array("' }".utf8)
        try Data(bytes).write(to: file)
        let error = try #require(loadError(file.path))
        #expect(error.kind == .notUTF8)
        #expect(!error.isMissingInput)
        #expect(error.line == 2 && error.column == 13)
        #expect(error.description == "\(file.path): line 2, column 13: the file is not UTF-8 text (byte 0xE9); save it as UTF-8")

        let utf16 = directory.appendingPathComponent("utf16.json5")
        try Data([0xFF, 0xFE, 0x7B, 0x00, 0x7D, 0x00]).write(to: utf16)
        #expect(loadError(utf16.path)?.kind == .notUTF8)
    }

    @Test("an empty file")
    func emptyFile() throws {
        let directory = try Support.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("empty.json5")
        try Data().write(to: file)
        let error = try #require(loadError(file.path))
        #expect(error.kind == .syntax)
        #expect(!error.isMissingInput)
        #expect(error.description == "\(file.path): the file is empty: a scenario is a JSON5 object, at least {}")
    }

    @Test("errors compare equal by content, and every kind has a distinct raw value")
    func equatable() throws {
        let a = Support.error("{ technicians: { count: 0 } }")
        let b = Support.error("{ technicians: { count: 0 } }")
        #expect(a == b)
        #expect(Set(ScenarioError.Kind.allCases.map(\.rawValue)).count == ScenarioError.Kind.allCases.count)
        let missing = ScenarioError.Kind.allCases.filter {
            ScenarioError(kind: $0, file: "f", requirement: "r").isMissingInput
        }
        #expect(missing == [.fileNotFound, .unreadable])
    }
}
