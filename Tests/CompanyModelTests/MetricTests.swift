import CompanyModel
import Foundation
import Testing

/// The metric list: names, directions, and the documentation of every column.
@Suite("Metrics: names, directions, documentation")
struct MetricTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test("names are unique snake_case, and every metric has a one-line summary")
    func namesAreUniqueSnakeCase() {
        let names = Metric.allCases.map(\.name)
        #expect(Set(names).count == names.count)
        for metric in Metric.allCases {
            #expect(metric.name.allSatisfy { $0.isLowercase || $0 == "_" || $0.isNumber }, "\(metric.name)")
            #expect(!metric.summary.isEmpty)
        }
    }

    @Test("the metrics of what happened to whom have their names and directions",
          arguments: [(Metric.wipValueEur, "wip_value_eur", Metric.Direction.higherIsBetter),
                      (.keyOnTimeRate, "key_on_time_rate", .higherIsBetter), (.otherOnTimeRate, "other_on_time_rate", .higherIsBetter),
                      (.keyMeanLatenessDays, "key_mean_lateness_days", .lowerIsBetter),
                      (.otherMeanLatenessDays, "other_mean_lateness_days", .lowerIsBetter),
                      (.clientsGained, "clients_gained", .higherIsBetter), (.activeClientsEnd, "active_clients_end", .higherIsBetter)])
    func newMetrics(metric: Metric, name: String, direction: Metric.Direction) {
        #expect(metric.name == name)
        #expect(metric.direction == direction)
    }

    @Test("every metric is a documented column of results/README.md and docs/model.md, its direction stated")
    func everyMetricIsDocumented() throws {
        let readme = try String(contentsOf: Self.root.appendingPathComponent("results/README.md"), encoding: .utf8)
        let model = try String(contentsOf: Self.root.appendingPathComponent("docs/model.md"), encoding: .utf8)
        for metric in Metric.allCases {
            let row = readme.split(separator: "\n").first { $0.hasPrefix("| `\(metric.name)` |") }
            #expect(row != nil, "results/README.md has no row for \(metric.name)")
            if let row {
                let better = row.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }[2]
                let expected = switch metric.direction { case .higherIsBetter: "higher"; case .lowerIsBetter: "lower"; case .neutral: "neutral" }
                #expect(better == expected, "\(metric.name): README says '\(better)', the code \(metric.direction)")
            }
            #expect(model.contains("`\(metric.name)`"), "docs/model.md does not name \(metric.name)")
        }
    }
}
