import Foundation
import Testing
import CompanyModel
@testable import Experiments

/// `calibrate`'s comparison of observed KPIs with the model's status quo: a history the model
/// itself produced is plausible, and a KPI shifted far outside the replications' spread is
/// flagged; the KPI file's errors name the file, line, column and value.
@Suite("Calibration against observed KPIs")
struct ObservedCalibrationTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func smallShop() throws -> Scenario {
        var s = try ScenarioReader.load(contentsOf: root.appendingPathComponent("scenarios/small-shop.json5").path)
        s.simulation.warmupDays = 182
        return s
    }

    /// The KPIs of one history of the scenario's baseline that the calibration's replications
    /// do not contain (another master seed): what a firm run by the model would observe.
    static func ownHistory(_ scenario: Scenario, days: Double) throws -> [(kpi: ObservedKPI, value: Double)] {
        var s = scenario
        s.simulation.horizonDays = s.simulation.effectiveDecisionDay + days
        let outcome = try Experiment.run(scenario: s, settings: ExperimentSettings(scenario: s, policies: [s.baseline], replications: 1, seed: 99))
        return ObservedKPI.all.map { ($0, $0.value(of: outcome.results[0][0], windowDays: days, technicians: s.technicians.count)) }
            .filter { !$0.1.isNaN }
    }

    @Test("the model's own history flags nothing; the same with overtime moved 10 standard deviations flags overtime alone")
    func ownHistoryAndShift() throws {
        let scenario = try Self.smallShop()
        let observed = try Self.ownHistory(scenario, days: 182)
        // If the model is right, each KPI is flagged with probability α/K (Bonferroni): all of
        // them pass together with probability ≥ 95 %. Fixed seeds: this history is one draw.
        let plain = try Calibration.run(scenario: scenario, observed: observed, days: 182, replications: 100, seed: 1,
                                        confidence: 0.95, jobs: 2)
        let allPlausible = plain.rows.allSatisfy { $0.plausible }
        #expect(allPlausible, "\(plain.render(scenarioName: "small-shop", confidence: 0.95))")
        #expect(abs(plain.rangeCoverage - (1 - 0.05 / Double(observed.count))) < 1e-12)

        let overtime = try #require(plain.rows.first { $0.kpi.name == "overtime_hours_per_year" })
        let shifted = observed.map { $0.kpi.name == "overtime_hours_per_year" ? ($0.kpi, $0.value + 10 * overtime.simulated.standardDeviation) : $0 }
        let moved = try Calibration.run(scenario: scenario, observed: shifted, days: 182, replications: 100, seed: 1,
                                        confidence: 0.95, jobs: 2)
        #expect(moved.rows.filter { !$0.plausible }.map(\.kpi.name) == ["overtime_hours_per_year"])
    }

    @Test("KPI file errors name the file, the line, the column and the value")
    func fileErrors() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("bigclient-kpi-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let cases: [(text: String, words: [String])] = [
            ("kpi,observed\nother_on_time,0.8\n", ["line 2, column kpi", "unknown KPI 'other_on_time'", "other_on_time_rate"]),
            ("kpi,observed\nother_on_time_rate,78\n", ["line 2, column observed", "fraction between 0 and 1", "got 78"]),
            ("kpi,observed\novertime_hours_per_year,lots\n", ["line 2, column observed", "'lots' is not a number"]),
            ("name,value\n", ["the header must have the columns 'kpi' and 'observed'"]),
            ("kpi,observed\nresignations_per_year,1\nresignations_per_year,2\n", ["line 3", "appears twice"]),
            ("kpi,observed\n", ["no KPI rows"]),
        ]
        for (k, c) in cases.enumerated() {
            let file = dir.appendingPathComponent("k\(k).csv")
            try c.text.write(to: file, atomically: true, encoding: .utf8)
            do {
                _ = try KPIFile.read(path: file.path)
                Issue.record("case \(k) was accepted")
            } catch {
                #expect(error.description.hasPrefix(file.path + ": "), "\(error.description)")
                for w in c.words { #expect(error.description.contains(w), "case \(k): \(error.description)") }
                #expect(!error.isMissingInput)
            }
        }
        do { _ = try KPIFile.read(path: dir.appendingPathComponent("none.csv").path); Issue.record("a missing file was accepted") }
        catch { #expect(error.isMissingInput) }
    }
}
