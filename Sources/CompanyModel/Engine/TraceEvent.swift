/// What one line of a replication's event log (`bigclient trace`) says happened, with the
/// figures that go with it.
///
/// Why an enum with typed payloads: the model states what happened in numbers (hours, days,
/// a utilisation), and the text of the log's `event` and `details` columns is made from them
/// in one place (`TraceEvent+Rendering.swift`), so the wording cannot drift between call
/// sites and a test can read the figures without parsing them back out of text. Times are
/// hours from the start, as everywhere in the model.
public enum TraceEvent: Sendable, Hashable {
    /// An order arrived: its work content, its due time, and whether it is a rush order.
    case arrival(workHours: Double, dueHours: Double, rush: Bool)
    /// An order open at time 0, part of the scenario's starting backlog (`startingState`): its
    /// work content, when it arrived (before time 0) and its due time (overdue when < 0).
    case openAtStart(workHours: Double, arrivalHours: Double, dueHours: Double)
    /// A technician started (or restarted, after a preemption or return) an order.
    case start
    /// A key-client order interrupted the technician's regular order, which went back to the
    /// queue.
    case preempt
    /// A technician who left (leave, resignation) handed the order back.
    case returned
    /// An order was delivered: `lateDays` after its due date, or `nil` when on time.
    case deliver(lateDays: Double?)
    /// A late key-client order ended in an abuse incident against the technician.
    case abuse
    /// A technician accepted an evening extension of `eveningHours` hours.
    case overtime(eveningHours: Double)
    /// A technician started a rest-day (weekend or holiday) shift.
    case restDayShift
    /// An evening extension or rest-day shift ended after `hours` hours of overtime.
    case overtimeEnd(hours: Double)
    /// A technician went on leave for `days` days.
    case leave(Leave, days: Double)
    /// A technician came back from leave.
    case back
    /// A technician resigned; `utilisation` is the recent utilisation the replacement rule
    /// read, and `replaced` whether a replacement was scheduled.
    case resign(utilisation: Double, replaced: Bool)
    /// A technician was hired: a replacement, or an extra technician of the studied policy.
    case hire(extraTechnician: Bool)
    /// A new client joined.
    case newClient
    /// A client left.
    case clientLost(ClientLoss)
    /// The decision day: the studied policy, named `policy`, replaced the baseline.
    case decision(policy: String)
    /// The key client responded to the studied policy's terms with `outcome` (the response's
    /// outcome name), changing its volume and abuse by these factors while it stays.
    case keyClientResponds(outcome: String, volumeFactor: Double, abuseFactor: Double)
    /// A technician the studied policy no longer employs (fewer extra technicians than the
    /// baseline) was let go on the decision day.
    case letGo
    /// Account managers and the production manager (`who` says which): an abuse incident
    /// from the key client, a leave, a return, a resignation, a replacement.
    case managerAbuse(who: ManagerID)
    case managerLeave(Leave, days: Double, who: ManagerID)
    case managerBack(who: ManagerID)
    case managerResign(who: ManagerID)
    case managerHire(who: ManagerID)
    /// The backlog exceeded the scenario's limit with `ordersInSystem` orders; the
    /// replication stopped.
    case runaway(ordersInSystem: Int)

    /// A manager: an account manager (numbered from 0, the key client's first) or the
    /// production manager.
    public struct ManagerID: Sendable, Hashable {
        public var isProductionManager: Bool
        public var accountManager: Int
        public init(isProductionManager: Bool, accountManager: Int) {
            self.isProductionManager = isProductionManager
            self.accountManager = accountManager
        }
        /// "account manager 0", "production manager".
        public var description: String { isProductionManager ? "production manager" : "account manager \(accountManager)" }
    }

    /// The kinds of leave: two absences, and paid annual leave (not an absence).
    public enum Leave: Sendable, Hashable {
        case sickLeave
        case burnout
        case annualLeave
    }

    /// Why a client left.
    public enum ClientLoss: Sendable, Hashable {
        /// The monthly churn draw, driven by satisfaction.
        case churn
        /// The key client, leaving in response to the studied policy's terms (at once, or
        /// the months its `leavesLater` outcome said after the decision day).
        case respondedToTerms
    }
}
