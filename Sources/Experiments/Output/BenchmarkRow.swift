import Foundation

/// One line of the benchmark table.
public struct BenchmarkRow: Sendable {
    public init(name: String, events: UInt64, seconds: Double) {
        self.name = name
        self.events = events
        self.seconds = seconds
    }

    public var name: String
    public var events: UInt64
    public var seconds: Double

    public static func table(_ rows: [BenchmarkRow]) -> String {
        let width = max(36, (rows.map(\.name.count).max() ?? 0) + 2)
        var lines = ["benchmark".padding(toLength: width, withPad: " ", startingAt: 0) + "      events   seconds      events/s"]
        for row in rows {
            let rate = row.seconds > 0 ? Double(row.events) / row.seconds : 0
            lines.append(row.name.padding(toLength: width, withPad: " ", startingAt: 0)
                + String(format: "%12llu  %8.3f  %12.0f", row.events, row.seconds, rate))
        }
        return lines.joined(separator: "\n")
    }
}
