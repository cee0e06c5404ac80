import CompanyModel

/// A rough size of a run before it starts, so a legitimate but enormous request (a century
/// simulated a million times) asks for confirmation instead of silently taking days.
///
/// Events per replication ≈ 2 per order (arrival, delivery) + per day a day end, a shift start
/// and end, and a share of overtime events. The throughput figure is the company model's
/// measured speed on one core (docs/performance.md), rounded down.
public struct WorkEstimate: Sendable {
    public var events: Double
    public var coreSeconds: Double

    public static let eventsPerCoreSecond = 2.0e6
    /// Above this, the command asks for `--yes`.
    public static let confirmationThresholdCoreSeconds = 3_600.0

    public init(scenario: Scenario, policies: Int, replications: Int, points: Int) {
        let days = scenario.simulation.horizonDays
        let ordersPerWeek = scenario.clients.values.reduce(0.0) { $0 + Double($1.count) * $1.ordersPerWeek }
        let perReplication = 2 * ordersPerWeek * days / 7 + days * (3 + 0.1 * Double(scenario.technicians.count))
        events = perReplication * Double(policies) * Double(replications) * Double(points)
        coreSeconds = events / Self.eventsPerCoreSecond
    }

    public var needsConfirmation: Bool { coreSeconds > Self.confirmationThresholdCoreSeconds }

    public var summary: String {
        let hours = coreSeconds / 3600
        let size = events >= 1e9 ? String(format: "%.1f billion", events / 1e9) : String(format: "%.0f million", events / 1e6)
        return "about \(size) events, ≈ \(hours >= 10 ? String(format: "%.0f", hours) : String(format: "%.1f", hours)) core-hours"
    }
}
