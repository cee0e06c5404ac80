import Foundation
import Testing
import CompanyModel
@testable import Experiments

/// The text report's wording, whole, on a fixed seed: a change of wording or format shows as a
/// difference from the golden file, to be read and accepted on purpose.
///
/// To accept a change: `BIGCLIENT_WRITE_GOLDEN=1 swift test --filter TextReportGolden`, then
/// read the diff of `Tests/ExperimentsTests/Golden/` before committing it.
@Suite("Text report wording (golden files)")
struct TextReportGoldenTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    static func report(scenario file: String, replications: Int, horizon: Double, warmup: Double) throws -> String {
        var scenario = try ScenarioReader.load(contentsOf: root.appendingPathComponent(file).path)
        scenario.simulation.horizonDays = horizon
        scenario.simulation.warmupDays = warmup
        let settings = ExperimentSettings(scenario: scenario, replications: replications, seed: 1, jobs: 2)
        return TextReport.render(try Experiment.run(scenario: scenario, settings: settings))
    }

    static func check(_ text: String, against name: String) throws {
        let url = golden.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["BIGCLIENT_WRITE_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(at: golden, withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        let a = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let b = text.split(separator: "\n", omittingEmptySubsequences: false)
        let first = zip(a, b).enumerated().first { $0.element.0 != $0.element.1 }
        #expect(text == expected, "\(name) differs at line \((first?.offset ?? min(a.count, b.count)) + 1): expected «\(first.map { String($0.element.0) } ?? "(end)")», got «\(first.map { String($0.element.1) } ?? "(end)")»")
    }

    @Test("two policies and the key client's response: the small shop, 6 replications, seed 1")
    func twoPolicies() throws {
        try Self.check(try Self.report(scenario: "scenarios/small-shop.json5", replications: 6, horizon: 300, warmup: 91),
                       against: "small-shop.txt")
    }

    @Test("three policies, every pair: priority for a fee, 4 replications, seed 1")
    func threePolicies() throws {
        try Self.check(try Self.report(scenario: "scenarios/priority-for-a-fee.json5", replications: 4, horizon: 300, warmup: 91),
                       against: "priority-for-a-fee.txt")
    }
}
