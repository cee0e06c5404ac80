import Foundation
import CompanyModel

/// A rough size of a run before it starts, so a legitimate but enormous request (a century
/// simulated a million times, ten thousand technicians) asks for confirmation instead of
/// silently taking hours.
///
/// Why a cost model and not just an event count: the events (an arrival and a completion per
/// order, a few per day) are only part of the work. Every technician costs something every
/// day whether or not it works (three hazard draws at the day end, the shift start and end),
/// every client every month (the churn draw), and every technician and client four random
/// streams at the start. The unit costs below were measured on the development machine with
/// one thread (docs/performance.md, "Work estimate") and rounded up, so the estimate errs on
/// the long side; the fuzzer checks that it is never far below the truth (fuzz/README.md).
public struct WorkEstimate: Sendable {
    /// Events of all replications: 2 per order and 4 per day (day end, shift start and end,
    /// overtime), the figure users recognise from `bench`.
    public var events: Double
    public var coreSeconds: Double
    /// Peak memory of the process: every replication's result is held until the files are
    /// written (and, with `--timeseries`, its weekly rows, the bulk of it).
    public var memoryBytes: Double

    /// Seconds per order (its arrival and completion, queueing, the delivery's bookkeeping).
    public static let secondsPerOrder = 1.2e-6
    /// Seconds per simulated day for the company's daily events, whatever its size.
    public static let secondsPerDay = 2.0e-6
    /// Seconds per technician per day (hazard draws, stress, shift start and end, overtime).
    public static let secondsPerTechnicianDay = 1.5e-7
    /// Seconds per client per month (the churn draw).
    public static let secondsPerClientMonth = 1.0e-7
    /// Seconds to derive one technician's or client's random streams.
    public static let secondsPerEntitySetUp = 5.0e-6
    /// Memory of the process before any result: the binary, the scenario, the thread stacks.
    public static let baseBytes = 40e6
    /// Memory per (point, policy, replication) result and per week of its series, measured
    /// with `/usr/bin/time -f %M` on `scenarios/historic-client.json5` (500 and 1,500
    /// replications: 2.8 KB and 79 KB per policy-replication without and with `--timeseries`,
    /// 104 weeks) and rounded up.
    public static let bytesPerResult = 4_000.0
    public static let bytesPerWeek = 900.0
    /// Above this by default, the command asks for `--yes`: one core-hour.
    public static let defaultConfirmationThresholdCoreSeconds = 3_600.0

    /// The work of `replications` replications of each of `policies` on every scenario (the
    /// points of a sweep, or one scenario). With outcome branches, a policy the key client
    /// responds to is simulated once per possible outcome.
    public init(scenarios: [Scenario], policies: [String], replications: Int, timeseries: Bool = false,
                outcomeMode: OutcomeMode = .branches) {
        var events = 0.0, seconds = 0.0, bytes = Self.baseBytes
        for scenario in scenarios {
            let baselineExtra = scenario.policies[scenario.baseline]?.extraTechnicians ?? 0
            for name in policies {
                let extra = max(baselineExtra, scenario.policies[name]?.extraTechnicians ?? 0)
                let one = Self.perReplication(scenario, technicians: scenario.technicians.count + max(0, extra))
                let branches = Double((try? CompanySimulation(scenario: scenario, policy: name))?.runsPerReplication(outcomeMode) ?? 1)
                events += one.events * Double(replications) * branches
                seconds += one.seconds * Double(replications) * branches
                let weeks = timeseries ? (scenario.simulation.horizonDays / 7).rounded(.up) : 0
                bytes += (Self.bytesPerResult + weeks * Self.bytesPerWeek) * Double(replications) * branches
            }
        }
        self.events = events
        self.coreSeconds = seconds
        self.memoryBytes = bytes
    }

    /// The machine's memory, which `memoryBytes` must not exceed without confirmation.
    public static var physicalMemoryBytes: Double { Double(ProcessInfo.processInfo.physicalMemory) }

    /// True when the run would need more memory than the machine has.
    public func exceedsMemory(of bytes: Double = Self.physicalMemoryBytes) -> Bool { memoryBytes > bytes }

    static func perReplication(_ scenario: Scenario, technicians: Int) -> (events: Double, seconds: Double) {
        let days = scenario.simulation.horizonDays
        let months = days * 12 / 365
        var clients = 0.0, ordersPerWeek = 0.0, workPerWeek = 0.0
        for group in scenario.clients.values {
            clients += Double(group.count)
            ordersPerWeek += Double(group.count) * group.ordersPerWeek
            workPerWeek += Double(group.count) * group.ordersPerWeek * max(0, group.workHours.mean)
        }
        // New clients: the base rate every month, up to the model's client limit, each staying
        // for its group's expected lifetime under the base churn (at most half the horizon).
        let joining = scenario.joiningGroupName.flatMap { scenario.clients[$0] }
        var newClients = 0.0, newClientMonths = 0.0
        if let joining {
            newClients = min(scenario.newClients.baseRatePerMonth * months, max(0, Double(CompanySimulation.clientCapacity) - clients))
            let lifetimeMonths = min(months / 2, 1 / max(joining.churn.baseMonthly, 1e-12))
            newClientMonths = newClients * lifetimeMonths
            ordersPerWeek += newClientMonths / max(months, 1e-12) * joining.ordersPerWeek
            workPerWeek += newClientMonths / max(months, 1e-12) * joining.ordersPerWeek * max(0, joining.workHours.mean)
        }
        var orders = ordersPerWeek * days / 7
        // An overloaded company stops at the runaway limit: the backlog grows by the orders
        // beyond capacity (with a fifth more for overtime), so only that many weeks are run.
        let calendar = scenario.calendar
        let weeklyHours = calendar.mode == .continuous ? 168 : calendar.shiftLengthHours * Double(calendar.workingWeekdays.count)
        let capacityWork = 1.2 * Double(technicians) * weeklyHours
        if workPerWeek > capacityWork, ordersPerWeek > 0 {
            let excessOrdersPerWeek = ordersPerWeek * (1 - capacityWork / workPerWeek)
            let weeksToRunaway = Double(scenario.simulation.maxBacklogOrders) / excessOrdersPerWeek
            orders = min(orders, ordersPerWeek * weeksToRunaway)
        }
        let events = 2 * orders + 4 * days
        let seconds = secondsPerOrder * orders
            + secondsPerDay * days
            + secondsPerTechnicianDay * Double(technicians) * days
            + secondsPerClientMonth * (clients * months + newClientMonths)
            + secondsPerEntitySetUp * (clients + newClients + Double(technicians))
        return (events, seconds)
    }

    /// True when the estimate exceeds `thresholdCoreSeconds`.
    public func needsConfirmation(thresholdCoreSeconds: Double = Self.defaultConfirmationThresholdCoreSeconds) -> Bool {
        coreSeconds > thresholdCoreSeconds
    }

    public var summary: String {
        let size = events >= 1e9 ? String(format: "%.1f billion", events / 1e9) : String(format: "%.1f million", events / 1e6)
        return "about \(size) events, ≈ \(Self.duration(coreSeconds)) of CPU and ≈ \(Self.size(memoryBytes)) of memory"
    }

    /// "350 MB", "12.5 GB".
    public static func size(_ bytes: Double) -> String {
        bytes >= 1e9 ? String(format: "%.1f GB", bytes / 1e9) : String(format: "%.0f MB", bytes / 1e6)
    }

    /// "3.2 core-hours", "12 core-minutes", "40 core-seconds".
    public static func duration(_ seconds: Double) -> String {
        func figure(_ value: Double) -> String { value >= 10 ? String(format: "%.0f", value) : String(format: "%.1f", value) }
        if seconds >= 3_600 { return "\(figure(seconds / 3_600)) core-hours" }
        if seconds >= 60 { return "\(figure(seconds / 60)) core-minutes" }
        return "\(figure(seconds)) core-seconds"
    }
}
