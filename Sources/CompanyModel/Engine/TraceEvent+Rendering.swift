import Foundation

/// The text of the event log's `event` and `details` columns: the only place that words the
/// log. Hours and days are written with two decimals; the key client's reaction factors in
/// full, as given in the scenario.
extension TraceEvent {
    /// The `event` column: a short name, the same for every record of a kind.
    public var name: String {
        switch self {
        case .arrival: "arrival"
        case .openAtStart: "open at start"
        case .start: "start"
        case .preempt: "preempt"
        case .returned: "return"
        case .deliver: "deliver"
        case .abuse: "abuse"
        case .overtime: "overtime"
        case .restDayShift: "rest-day shift"
        case .overtimeEnd: "overtime end"
        case .leave(.sickLeave, _): "sick leave"
        case .leave(.burnout, _): "burn-out"
        case .leave(.annualLeave, _): "annual leave"
        case .back: "back"
        case .resign: "resign"
        case .hire: "hire"
        case .newClient: "new client"
        case .clientLost: "client lost"
        case .decision: "decision"
        case .keyClientResponds: "key client responds"
        case .letGo: "let go"
        case .managerAbuse: "manager abuse"
        case .managerLeave(.sickLeave, _, _): "manager sick leave"
        case .managerLeave(.burnout, _, _): "manager burn-out"
        case .managerLeave(.annualLeave, _, _): "manager annual leave"
        case .managerBack: "manager back"
        case .managerResign: "manager resign"
        case .managerHire: "manager hire"
        case .runaway: "runaway"
        }
    }

    /// The `details` column: the event's figures in words, or empty.
    public var details: String {
        switch self {
        case .arrival(let work, let due, let rush):
            "work \(work.formatted2)h due \(due.formatted2)h\(rush ? " rush" : "")"
        case .openAtStart(let work, let arrival, let due):
            "work \(work.formatted2)h arrived \(arrival.formatted2)h due \(due.formatted2)h"
        case .deliver(let lateDays):
            lateDays.map { "late \($0.formatted2)d" } ?? "on time"
        case .overtime(let hours):
            "evening \(hours.formatted2)h"
        case .overtimeEnd(let hours):
            "\(hours.formatted2)h"
        case .leave(_, let days):
            "\(days.formatted2) days"
        case .resign(let utilisation, let replaced):
            "utilisation \(utilisation.formatted2)\(replaced ? ", replaced" : ", not replaced")"
        case .hire(let extra):
            extra ? "extra technician" : ""
        case .clientLost(.churn):
            "churn"
        case .clientLost(.respondedToTerms):
            "left in response to the new terms"
        case .decision(let policy):
            "policy \(policy)"
        case .keyClientResponds(let outcome, let volume, let abuse):
            "\(outcome): volume × \(volume), abuse × \(abuse)"
        case .letGo:
            "extra technician no longer employed"
        case .runaway(let orders):
            "\(orders) orders in the system"
        case .managerAbuse(let who), .managerBack(let who), .managerResign(let who), .managerHire(let who):
            who.description
        case .managerLeave(_, let days, let who):
            "\(who.description), \(days.formatted2) days"
        case .start, .preempt, .returned, .abuse, .restDayShift, .back, .newClient:
            ""
        }
    }
}

extension Double {
    /// Two decimals, for the log's details.
    fileprivate var formatted2: String { String(format: "%.2f", self) }
}
