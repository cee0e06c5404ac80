import CompanyModel
import Foundation
import SimulationKernel
import Testing

/// Reading the event log of one traced replication, for the mechanism tests.
///
/// Order numbers in the log are slots that are reused after a delivery, so an order's life is
/// cut out of the log from its "arrival" to the next "arrival" in the same slot.
struct MechanismTrace {
    let result: ReplicationResult
    let records: [TraceRecord]

    init(_ scenario: Scenario, policy: String? = nil, replication: Int = 0, seed: UInt64? = nil) throws {
        let model = try CompanySimulation(scenario: scenario, policy: policy ?? scenario.baseline)
        (result, records) = model.trace(replication: replication, seed: seed)
    }

    func named(_ event: String) -> [TraceRecord] { records.filter { $0.event == event } }

    func count(_ event: String, from start: Double = -.infinity) -> Int {
        records.lazy.filter { $0.event == event && $0.timeHours >= start }.count
    }

    /// The life of one order: its arrival and every later record about it, up to its delivery.
    struct OrderLife {
        var arrival: TraceRecord
        var records: [TraceRecord] = []
        var client: Int { arrival.client }
        var workHours: Double { MechanismTrace.number(after: "work ", in: arrival.details)! }
        var dueHours: Double { MechanismTrace.number(after: "due ", in: arrival.details)! }
        var isRush: Bool { arrival.details.hasSuffix(" rush") }
        var delivery: TraceRecord? { records.first { $0.event == "deliver" } }
        var starts: [TraceRecord] { records.filter { $0.event == "start" } }
        var preemptions: Int { records.filter { $0.event == "preempt" }.count }

        /// Hours spent on the order: from each "start" to the next "preempt", "return" or
        /// "deliver" (continuous calendar only: there, work is never paused by a shift end).
        var stintHours: Double {
            var total = 0.0
            var since: Double?
            for record in records {
                switch record.event {
                case "start": since = record.timeHours
                case "preempt", "return", "deliver":
                    if let s = since { total += record.timeHours - s }
                    since = nil
                default: break
                }
            }
            return total
        }
    }

    /// Every order's life, in order of arrival (the orders open at time 0, `startingState`, first).
    var orderLives: [OrderLife] {
        var lives: [OrderLife] = []
        var current: [Int: Int] = [:]   // slot → index in `lives`
        for record in records where record.order >= 0 {
            if record.event == "arrival" || record.event == "open at start" {
                current[record.order] = lives.count
                lives.append(OrderLife(arrival: record))
            } else if let i = current[record.order] {
                lives[i].records.append(record)
                if record.event == "deliver" { current[record.order] = nil }
            }
        }
        return lives
    }

    /// Intervals (record indices, half-open) during which a technician is away: from a
    /// "sick leave", "burn-out", "annual leave" or "resign" to the "back" or "hire" that ends it
    /// (or the end).
    func absences(of technician: Int) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var since: Int?
        for (i, record) in records.enumerated() where record.technician == technician {
            switch record.event {
            case "sick leave", "burn-out", "annual leave", "resign":
                if since == nil { since = i }
            case "back", "hire":
                if let s = since { ranges.append(s..<i) }
                since = nil
            default: break
            }
        }
        if let s = since { ranges.append(s..<records.count) }
        return ranges
    }

    /// Overtime spells of a technician, in hours: from "overtime" or "rest-day shift" to the
    /// matching "overtime end" (closed intervals).
    func overtimeSpells(of technician: Int) -> [ClosedRange<Double>] {
        var spells: [ClosedRange<Double>] = []
        var since: Double?
        for record in records where record.technician == technician {
            switch record.event {
            case "overtime", "rest-day shift": since = record.timeHours
            case "overtime end":
                if let s = since { spells.append(s...record.timeHours) }
                since = nil
            default: break
            }
        }
        if let s = since { spells.append(s...Double.infinity) }
        return spells
    }

    /// Technicians mentioned anywhere in the log.
    var technicians: Set<Int> { Set(records.map(\.technician).filter { $0 >= 0 }) }

    /// The number right after `prefix` in a details string ("work 6.00h due 240.00h" → 6, 240).
    static func number(after prefix: String, in details: String) -> Double? {
        guard let range = details.range(of: prefix) else { return nil }
        let tail = details[range.upperBound...]
        let digits = tail.prefix { $0.isNumber || $0 == "." || $0 == "-" }
        return Double(digits)
    }

    /// The hours of an "overtime end" record ("2.00h").
    static func hours(of record: TraceRecord) -> Double { Double(record.details.dropLast())! }
}

/// The calendar a shift-mode scenario runs on, for checking the log against it.
func workingCalendar(of scenario: Scenario) throws -> WorkingCalendar {
    try #require(scenario.calendar.workingCalendar(horizonDays: scenario.simulation.horizonDays))
}

/// Metric by metric, equal values (NaN equal to NaN, since empty metrics are NaN).
func sameMetrics(_ a: ReplicationResult, _ b: ReplicationResult) -> Bool {
    a.status == b.status && a.values.count == b.values.count
        && zip(a.values, b.values).allSatisfy { $0.bitPattern == $1.bitPattern || ($0.isNaN && $1.isNaN) }
}

/// |a − b| within a relative tolerance (absolute near zero).
func close(_ a: Double, _ b: Double, tolerance: Double = 1e-9) -> Bool {
    abs(a - b) <= tolerance * max(1, abs(a), abs(b))
}

extension Scenario {
    /// The scenario with one policy only, `name`, as the baseline (so it runs from day 0).
    func only(_ policy: Policy, named name: String = "only") -> Scenario {
        var copy = self
        copy.policies = [name: policy]
        copy.baseline = name
        return copy
    }

    var decisionHours: Double { simulation.effectiveDecisionDay * 24 }
    var horizonHours: Double { simulation.horizonDays * 24 }
}
