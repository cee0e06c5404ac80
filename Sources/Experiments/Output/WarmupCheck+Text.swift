import Foundation
import CompanyModel

/// The words of the warm-up check: the only place that phrases it, for `check` and `run`.
extension WarmupCheck {
    /// One line for the report: the starting state given, the pilot's verdict, or why it was
    /// not checked.
    public var summary: String {
        switch finding {
        case .startingStateGiven(let state):
            // As the file writes them.
            let f = JSONValue.format
            return "starting state: given (stress \(f(state.stress)), backlog \(f(state.backlogDays)) days, "
                + "satisfaction \(f(state.satisfaction)))"
        case .skipped(let reason):
            return "warm-up: not checked: \(reason)"
        case .checked(let pilot):
            let verdict = pilot.isAdequate ? "adequate" : "too short"
            return "warm-up: \(weeks(pilot.decisionWeeks)) weeks; MSER-5 on a \(pilot.replications)-replication pilot of the "
                + "baseline: \(settles("stress", pilot.stress)), \(settles("backlog", pilot.backlog)) — \(verdict)"
                + Self.pilotNotes(pilot)
        }
    }

    /// The warning when the decision day comes before the company settles (or a series never
    /// does), else nil. `file` starts it, as every warning.
    public func warning(file: String, scenario: Scenario) -> String? {
        guard case .checked(let pilot) = finding, !pilot.isAdequate else { return nil }
        let field = scenario.simulation.decisionDay == nil ? "simulation.warmupDays" : "simulation.decisionDay"
        let prefix = "warning: \(ScenarioError.printable(file)): \(field): "
        let settledWeeks = max(pilot.stress.observations, pilot.backlog.observations)
        let decisionDay = scenario.simulation.effectiveDecisionDay
        let advice = Double(settledWeeks * 7) > decisionDay
            ? "raise \(field) to \(settledWeeks * 7) or give a startingState"
            : "a series still moving at the end of the horizon has no level to warm up to: lengthen the horizon or give a startingState"
        return prefix + "the decision day comes before the company settles: MSER-5 on a \(pilot.replications)-replication "
            + "pilot of the baseline: \(settles("stress", pilot.stress)), \(settles("backlog", pilot.backlog)), but the decision "
            + "day is day \(format(decisionDay)); " + advice + Self.pilotNotes(pilot)
    }

    /// What the pilot saw besides the series: lost key clients, runaways.
    static func pilotNotes(_ pilot: Pilot) -> String {
        var notes = ""
        if pilot.keyClientAbsent > 0 {
            notes += "; the key client was gone before the decision day in \(pilot.keyClientAbsent) of \(pilot.replications) pilot replications"
        }
        if pilot.runaways > 0 {
            notes += "; \(pilot.runaways) of \(pilot.replications) pilot replications were runaways"
        }
        return notes
    }

    private func settles(_ name: String, _ cut: MSER.Truncation) -> String {
        if cut.reachedLimit {
            return "\(name) does not settle within the horizon (MSER-5 stops at its limit, \(cut.observations) weeks: no stable level)"
        }
        return cut.batches == 0 ? "\(name) is level from the start" : "\(name) settles after \(cut.observations) weeks"
    }

    private func weeks(_ value: Double) -> String { format(value) }

    private func format(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(format: "%.2f", value)
    }
}
