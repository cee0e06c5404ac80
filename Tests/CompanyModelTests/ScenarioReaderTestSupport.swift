import CompanyModel
import Foundation
import SimulationKernel
import Testing

/// Helpers shared by the scenario reader's tests.
enum ScenarioReaderTestSupport {
    /// The error reading `text` gives, or nil (with a test failure) if it reads fine.
    static func error(_ text: String, fileName: String = "scenarios/x.json5",
                      sourceLocation: SourceLocation = #_sourceLocation) -> ScenarioError? {
        do {
            _ = try ScenarioReader.read(text: text, fileName: fileName)
            Issue.record("expected an error for: \(text)", sourceLocation: sourceLocation)
            return nil
        } catch {
            return error
        }
    }

    /// The error message of `text`, or "" (with a test failure) if it reads fine.
    static func message(_ text: String, fileName: String = "scenarios/x.json5",
                        sourceLocation: SourceLocation = #_sourceLocation) -> String {
        error(text, fileName: fileName, sourceLocation: sourceLocation)?.description ?? ""
    }

    /// A fresh temporary directory, removed by the caller.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("bigclient-scenario-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
