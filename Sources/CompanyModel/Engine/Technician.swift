import SimulationKernel

/// One technician slot: what its technician is doing, the day's and week's counters, and the
/// slot's own random streams and pending overtime end.
///
/// Why one record and not parallel arrays: everything about technician `t` is in one place,
/// so a new field cannot be forgotten in one of several arrays, and the day end's pass over
/// the staff reads one record per technician. The streams belong to the slot, not the person:
/// a replacement hire continues them (`rehire`), so every policy draws the same numbers for
/// the slot whoever fills it.
struct Technician {
    /// Daily hazards, overtime acceptance, and the lengths of sick and burn-out leaves.
    var streams: TechnicianStreams
    /// False between a resignation and the arrival of the replacement.
    var employed = true
    /// False while on sick leave, burn-out leave or annual leave.
    var present = true
    var leaveEndsHours = 0.0
    /// The first day of the current sick or burn-out leave: the salary continuation depends on
    /// how long the leave has lasted (`SickPaySettings`).
    var absenceStartDay = 0
    /// True while on paid annual leave (then `present` is false, but the days are no absence).
    var onAnnualLeave = false
    /// Working days of annual leave due and not yet taken: raised when one of the slot's leave
    /// blocks begins, lowered by each working day on leave; a block that begins during a sick
    /// leave is taken on the return.
    var annualLeaveDaysOwed = 0
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
    /// The part of `contractHoursThisWeek` worked in the measurement window: the share of the
    /// week's structural band premium (a contract above the first band) the window is charged.
    var windowContractHoursThisWeek = 0.0
    /// Contract (shift) hours plus overtime hours worked this week, for the caps.
    var hoursThisWeek = 0.0
    /// Shift hours this week, and overtime hours this week: the premium bands are settled on
    /// them at the week's end.
    var contractHoursThisWeek = 0.0
    var overtimeHoursThisWeek = 0.0
    /// The part of `overtimeHoursThisWeek` worked in the measurement window (spells ended since
    /// the decision day, which zeroes it): the share of the week's band premiums the window is
    /// charged.
    var windowOvertimeHoursThisWeek = 0.0
    var hoursToday = 0.0
    var restDaysWorkedThisWeek = 0
    /// Voluntary overtime (evenings and rest-day shifts) in the quota's current year.
    var overtimeHoursThisYear = 0.0
    /// This shift end's two overtime uniforms (evening, rest day), drawn for every slot before
    /// anyone is asked, so the order in which technicians are asked moves no draw.
    var eveningDraw = 1.0
    var restDayDraw = 1.0
    /// The scheduled end of the current evening extension or rest-day shift, cancelled when
    /// the overtime ends early.
    var overtimeEnd: EventHandle? = nil
    /// Set by an abuse incident that makes the technician quit: the day end's resignation
    /// draw then always resigns, and clears it.
    var quitsTonight = false

    init(streams: TechnicianStreams) { self.streams = streams }

    /// The slot's next technician, hired at `hours` with `productivity`: a fresh record that
    /// keeps what belongs to the slot: its streams; the stint numbering, so a predecessor's
    /// completion never matches; and, unchanged, the overtime-end handle and the quit flag,
    /// which are cleared where they are used (`endOvertime`, the day end), not by a hire.
    mutating func rehire(atHours hours: Double, productivity: Double) {
        var next = Technician(streams: streams)
        next.stint = stint
        next.overtimeEnd = overtimeEnd
        next.quitsTonight = quitsTonight
        next.hiredAtHours = hours
        next.productivity = productivity
        self = next
    }
}

/// The four random streams of a technician slot (`StreamLayout`).
struct TechnicianStreams {
    var hazards: RandomStream
    var overtime: RandomStream
    /// Where leave lengths are read: never drawn from, each leave reads the part keyed by
    /// the day it starts (`RandomStream.keyed`), so the same leave has the same length under
    /// every policy, whatever leaves came before it.
    let sickLength: RandomStream
    let burnoutLength: RandomStream

    init(seed: UInt64, replication: Int, technician t: Int) {
        hazards = RandomStream(masterSeed: seed, replication: replication, streamID: StreamLayout.technicianHazards(t))
        overtime = RandomStream(masterSeed: seed, replication: replication, streamID: StreamLayout.technicianOvertime(t))
        sickLength = RandomStream(masterSeed: seed, replication: replication, streamID: StreamLayout.technicianSickLength(t))
        burnoutLength = RandomStream(masterSeed: seed, replication: replication, streamID: StreamLayout.technicianBurnoutLength(t))
    }
}
