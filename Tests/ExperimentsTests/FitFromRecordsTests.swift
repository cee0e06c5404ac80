import Foundation
import Testing
import CompanyModel
@testable import Experiments

/// `fit`'s analysis on an order log the model wrote from a known scenario: it recovers the
/// scenario's order rates and work content within their intervals.
@Suite("Fit from records: a known scenario's own order log")
struct FitFromRecordsTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test("the key client's rate and the regular clients' work content are recovered (95 % intervals, seed fixed)")
    func recoversKnownInputs() throws {
        // small-shop: key client 5 orders a week (office hours, ordinary weeks), work lognormal
        // mean 15 sd 10; regular work lognormal mean 12 sd 8. Two years of one replication.
        var scenario = try ScenarioReader.load(contentsOf: Self.root.appendingPathComponent("scenarios/small-shop.json5").path)
        scenario.simulation.horizonDays = 728
        scenario.simulation.warmupDays = 91
        let (_, log) = try CompanySimulation(scenario: scenario, policy: scenario.baseline).trace(replication: 0)
        let logs = RecordExport.logs(from: log, scenario: scenario)
        let orders = try OrderLog.parse(Array(logs.orders.utf8), path: "orders.csv")
        #expect(orders.warnings.isEmpty)
        let analysis = OrderLogAnalysis(orders, resamples: 20)
        let key = try #require(analysis.groups.first { $0.name == "key" })
        // Public holidays on weekdays (≈ 9 of ≈ 250 working days) have no office hours, so the
        // log's rate over calendar weeks is 5 × (1 − 9/250); the interval is Garwood's exact 95 %.
        let expectedRate = 5 * (1 - 9.0 / 250)
        #expect(key.perClientPerWeek.lower <= expectedRate && expectedRate <= key.perClientPerWeek.upper,
                "key rate \(key.perClientPerWeek) against \(expectedRate)")
        let regular = try #require(analysis.groups.first { $0.name == "regular" })
        let fit = try FittedFamily.lognormal.fit(orders.rows.filter { $0.group == "regular" }.map(\.workHours))
        for (name, truth) in [("mean", 12.0), ("sd", 8.0)] {
            let p = try #require(fit.parameter(name))
            // The log's work_hours is the drawn content (the arrival's), so the truth is the
            // scenario's; within 1.96 standard errors: 95 % each.
            #expect(abs(p.estimate - truth) <= 1.96 * p.standardError, "\(name) \(p.estimate) ± \(p.standardError) against \(truth)")
        }
        #expect(regular.workHours.entries.contains { $0.fit.family == .lognormal })
    }
}
