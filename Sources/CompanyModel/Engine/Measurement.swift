/// What the replication measures: the window's totals, the current week, the weekly series
/// when asked for, and the events that do not count.
struct Measurement: ~Copyable {
    /// Totals over the measurement window, which starts on the decision day.
    var totals = Accumulators()
    var windowStart = 0.0
    /// When the number of orders in the system last changed (for its time-integral).
    var lastBacklogChange = 0.0
    var week = WeekAccumulator()
    /// The weekly series, only when asked for (`timeseries.csv`).
    var weeks: [WeeklyRecord]?
    /// Completion events that surfaced after their stint was paused (see `Technician.stint`):
    /// not counted as events, as a cancelled event is not.
    var staleCompletions: UInt64 = 0
    /// Whether the key client was still a client on the decision day (false also without one).
    var keyClientPresentAtDecision = false
    /// The response outcome of the decision day (its index among the studied policy's possible
    /// outcomes; applied only if the client was still there), −1 when the policy's terms are
    /// the baseline's.
    var outcomeIndex = -1

    /// `weeks` is set here, unconditionally, not in an `if`: see the note in
    /// `CompanyReplication.init` on Swift 6.3.1's noncopyable initialisers.
    init(timeseries: Bool) {
        weeks = timeseries ? [] : nil
    }
}
