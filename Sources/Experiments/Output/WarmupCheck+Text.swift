import Foundation
import CompanyModel

/// The words of the warm-up check: the only place that phrases it, for `check` and `run`.
extension WarmupCheck {
    /// One line for the report: the starting state given, the pilot's verdict, or why it was
    /// not checked.
    public var summary: String {
        switch finding {
        case .startingStateGiven(let state):
            return "starting state: given (stress \(format(state.stress)), backlog \(format(state.backlogDays)) days, "
                + "satisfaction \(format(state.satisfaction)))"
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
        let unstable = [("stress", pilot.stress), ("backlog", pilot.backlog)].filter { $0.1.reachedLimit }.map(\.0)
        if !unstable.isEmpty {
            return prefix + "the baseline's \(unstable.joined(separator: " and ")) has no stable level over the horizon "
                + "(MSER-5's truncation reached half the series on a \(pilot.replications)-replication pilot): it is still "
                + "moving at the end, so no warm-up makes the window steady; see the utilisation in 'bigclient check'"
        }
        let settledWeeks = max(pilot.stress.observations, pilot.backlog.observations)
        return prefix + "the decision day comes before the company settles: MSER-5 on a \(pilot.replications)-replication "
            + "pilot of the baseline: \(settles("stress", pilot.stress)), \(settles("backlog", pilot.backlog)), but the decision "
            + "day is day \(format(scenario.simulation.effectiveDecisionDay)); raise \(field) to \(settledWeeks * 7) or give a startingState"
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
        if cut.reachedLimit { return "\(name) does not settle (no stable level)" }
        return cut.batches == 0 ? "\(name) is level from the start" : "\(name) settles after \(cut.observations) weeks"
    }

    private func weeks(_ value: Double) -> String { format(value) }

    private func format(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(format: "%.2f", value)
    }
}
