import SimulationKernel

/// One order in the company's system, from arrival to delivery.
///
/// Its random attributes (work content, rush, the draws that decide abuse and quitting) are
/// drawn when it arrives, from the client's own streams, so they are the same whatever the
/// policy does later (common random numbers).
struct Order {
    var client: Int32
    var group: Int32
    var isKey: Bool
    var arrivalHours: Double
    var dueHours: Double
    /// Work still to do, technician-hours (a preemption's switch penalty and meeting hours
    /// included).
    var remainingHours: Double
    /// When a technician first started it; −1 while it has only waited.
    var firstStartHours: Double
    /// Revenue at delivery before any late penalty: hours × price × (1 − discount) × (1 + surcharge).
    var priceEur: Double
    var abuseDraw: Double
    var quitDraw: Double
    /// Its entry among the open key-client due dates, when those are tracked.
    var dueDateHandle: EventHandle? = nil
}

/// What a technician is doing right now.
struct TechnicianState {
    /// False between a resignation and the arrival of the replacement.
    var employed = true
    /// False while on sick leave or burn-out leave.
    var present = true
    var leaveEndsHours = 0.0
    /// On shift or on accepted overtime.
    var onDuty = false
    var dutyEndsHours = 0.0
    var inOvertime = false
    var overtimeStartHours = 0.0
    var restDayShift = false
    /// The order in hand, or −1.
    var order: Int32 = -1
    var stintStartHours = 0.0
    /// Numbers the technician's stints of work. A completion event carries the stint it ends;
    /// pausing the work (shift end, preemption, absence) leaves that event in the queue, stale,
    /// and its handler ignores it. Why not cancel it: cancellable events keep a slot table up
    /// to date at every push and pop, and completions are half of all events (about 6 % of an
    /// order-heavy run, docs/performance.md). Kept across a rehire, so an old event never
    /// matches the new technician's stints.
    var stint: UInt32 = 0
    /// Whether a completion is scheduled for the current stint.
    var completionPending = false
    var stress = 0.0
    var hiredAtHours = -1.0e9
    var productivity = 1.0
    // Per day and per week counters.
    var overtimeHoursToday = 0.0
    var workedRestDayToday = false
    var preemptionsToday = 0
    var abuseToday = 0
    /// Contract (shift) hours plus overtime hours worked this week, for the caps.
    var hoursThisWeek = 0.0
    /// Shift hours this week, and overtime hours this week: the premium bands are settled on
    /// them at the week's end.
    var contractHoursThisWeek = 0.0
    var overtimeHoursThisWeek = 0.0
    var hoursToday = 0.0
    var restDaysWorkedThisWeek = 0
}

/// A client's state: active or churned, satisfaction, and its order rate.
struct ClientState {
    var group: Int32
    var isKey: Bool
    var active = true
    var satisfaction = 1.0
    var ordersPerHour: Double
    var arrivalStream: RandomStream
    var workStream: RandomStream
    var attributeStream: RandomStream
    var churnStream: RandomStream
}

