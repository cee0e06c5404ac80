import Foundation
import SimulationKernel

/// One simulated replication of the company under one policy: the heart of bigclient.
///
/// Why one mutable struct with a `while let` event loop: the whole state sits in arrays of
/// value types, the kernel's queue holds small enum events, and handlers are plain methods.
/// After warm-up an event allocates nothing: orders reuse slots, queues and arrays keep their
/// capacity. The state is grouped into four parts: the `staff` (one `Technician` record per
/// slot), the `backlog` of open orders, the `market` of clients, and the `measurement`; the
/// handlers, which read across parts, are in `CompanyReplication+*.swift` by event.
///
/// Why noncopyable: a replication is built, run and read once, never copied, and saying so
/// lets its arrays be `OwnedArray`s, written in place with no copy-on-write check (a tenth of
/// an order-heavy run's instructions went to those checks; docs/performance.md).
///
/// The baseline policy runs until the decision day, then the studied policy. Everything random
/// comes from streams named by (seed, replication, stream id) (see `StreamLayout`), so all
/// policies share one history until the decision day.
struct CompanyReplication: ~Copyable {
    // What the replication runs under.
    let scenario: Scenario
    let studied: Policy
    let studiedPolicyName: String
    /// The outcomes of the key client's response to the studied policy's terms that can happen
    /// (positive probability); empty when the terms are the baseline's.
    let responseOutcomes: [KeyClientOutcome]
    /// The outcome this replication applies (a branch), or nil to draw it (`--sample-outcomes`).
    let forcedOutcome: Int?
    /// The baseline until the decision day, then `studied`.
    var policy: Policy
    let calendar: WorkingCalendar
    /// Whether orders arrive in office hours (`calendar.arrivals`), and then the calendar whose
    /// "shift" is the office day; for 24/7 arrivals `officeHours` is a copy of `calendar`, unused.
    ///
    /// Why a flag and a plain value, not an optional: reading an optional calendar on every
    /// arrival copied it out of the model (about 28 instructions an arrival, 1.6 % of the M/M/8
    /// benchmark, docs/performance.md).
    let arrivalsInOfficeHours: Bool
    let officeHours: WorkingCalendar
    /// Who takes annual leave when; nil in continuous mode or with `daysPerYear: 0`.
    let annualLeave: AnnualLeaveSchedule?
    let continuous: Bool
    let shiftHours: Double
    let horizonHours: Double
    let decisionHours: Double
    let seed: UInt64
    let replication: Int

    // Its state, in named parts: noncopyable structs stored inline, so a part costs nothing
    // over separate fields and is written in place.
    var sim = Simulation<CompanyEvent>(reservingCapacity: 256)
    var staff: Staff
    var backlog: Backlog
    var market: Market
    var measurement: Measurement

    var decisionScheduled = false
    var status = ReplicationResult.Status.ok
    /// The event log, only when tracing (a reference, so recording does not mutate the model
    /// and the log's events are built only when it exists).
    let trace: TraceLog?

    /// `calendar` is `scenario.calendar.workingCalendar(horizonDays:)` and `officeHours`
    /// `scenario.calendar.officeCalendar(horizonDays:)`, built once by the caller
    /// (`CompanySimulation`) rather than per replication.
    init(scenario: Scenario, policy studiedName: String, seed: UInt64, replication: Int, trace: Bool, timeseries: Bool,
         outcome: Int? = nil, calendar: WorkingCalendar, officeHours: WorkingCalendar?) {
        self.scenario = scenario
        // Everything here is computed from locals, and the parts' optionals (`weeks`) are set
        // unconditionally: Swift 6.3.1 miscompiles the init of a noncopyable struct that reads
        // `self` before it is whole *and* sets a defaulted optional in an `if`
        // (`if timeseries { weeks = [] }`): a crash in release builds only. A 24-line
        // reproduction is in docs/performance.md, "Noncopyable state".
        let studied = scenario.policies[studiedName]!
        let baseline = scenario.policies[scenario.baseline]!
        self.studied = studied
        self.studiedPolicyName = studiedName
        responseOutcomes = scenario.responseOutcomes(policy: studiedName)
        forcedOutcome = outcome
        self.policy = baseline
        let technicians = scenario.technicians
        staff = Staff(
            tracksPreemptionCandidates: studied.keyClientTerms.priority == .preemptive || baseline.keyClientTerms.priority == .preemptive,
            drawsHazards: technicians.sickLeave.baseDailyHazard > 0 || technicians.burnout.baseDailyHazard > 0
                || technicians.resignation.baseDailyHazard > 0)
        backlog = Backlog(tracksKeyDueDates: studied.overtimeTrigger == .keyAtRisk || baseline.overtimeTrigger == .keyAtRisk)
        self.seed = seed
        self.replication = replication
        let continuous = scenario.calendar.mode == .continuous
        self.continuous = continuous
        self.calendar = calendar
        arrivalsInOfficeHours = officeHours != nil
        self.officeHours = officeHours ?? calendar
        annualLeave = continuous ? nil : AnnualLeaveSchedule(daysPerYear: scenario.technicians.annualLeave.daysPerYear,
                                                              workingDaysPerWeek: calendar.workingDaysPerWeek)
        shiftHours = continuous ? SimTime.hoursPerDay : scenario.calendar.shiftLengthHours
        horizonHours = SimTime.hours(days: scenario.simulation.horizonDays)
        decisionHours = SimTime.hours(days: scenario.simulation.effectiveDecisionDay)
        market = Market(scenario: scenario, seed: seed, replication: replication,
                        arrivalHoursPerWeek: scenario.calendar.arrivalHoursPerWeek)
        self.trace = trace ? TraceLog() : nil
        measurement = Measurement(timeseries: timeseries)

        let initialStaff = technicians.count + baseline.extraTechnicians
        for _ in 0..<initialStaff { addTechnician(hiredAtHours: -1e9) }
        // No managers in `continuous` mode: it exists for the textbook queues, where nobody
        // but the servers works, and they would cost a day-end loop for nothing.
        let managers = scenario.managers
        for m in 0..<(continuous ? 0 : managers.count) {
            staff.managers.append(Manager(role: m < managers.accountManagers ? .accountManager : .productionManager,
                                          streams: ManagerStreams(seed: seed, replication: replication, manager: m)))
        }
        for g in market.groups.indices {
            for _ in 0..<market.groups[g].count { market.addClient(group: g) }
        }
        applyStartingLevels()
    }

    // MARK: - Set-up helpers

    /// Adds a technician in the next slot, with that slot's streams.
    mutating func addTechnician(hiredAtHours: Double) {
        var technician = Technician(streams: TechnicianStreams(seed: seed, replication: replication,
                                                               technician: staff.technicians.count))
        technician.hiredAtHours = hiredAtHours
        technician.productivity = productivity(hiredAtHours: hiredAtHours, now: max(0, hiredAtHours))
        staff.technicians.append(technician)
        staff.presentCount += 1
    }

    func productivity(hiredAtHours: Double, now: Double) -> Double {
        let hiring = scenario.technicians.hiring
        let rampHours = SimTime.hours(days: hiring.rampDays)
        guard rampHours > 0 else { return 1 }
        let progress = (now - hiredAtHours) / rampHours
        if progress >= 1 { return 1 }
        return hiring.rampStartProductivity + (1 - hiring.rampStartProductivity) * max(0, progress)
    }

    // MARK: - The loop

    /// Runs to the horizon. `shouldStop` is asked every few thousand events and at every day
    /// end; when it says yes, the run ends at once and returns `nil` (an interrupted
    /// replication has no result).
    mutating func run(shouldStop: () -> Bool = { false }) -> ReplicationResult? {
        for c in market.clients.indices { scheduleNextArrival(client: c, now: 0) }
        if continuous {
            for t in staff.technicians.indices { startContinuousDuty(technician: t) }
        } else {
            // Leave blocks that begin on day 0 (the day ends start the later ones, the night before).
            if let annualLeave {
                for t in staff.technicians.indices {
                    staff.technicians[t].annualLeaveDaysOwed += annualLeave.blockDays(slot: t, beginningOn: 0)
                    if staff.technicians[t].annualLeaveDaysOwed > 0 { startAnnualLeave(technician: t) }
                }
            }
            scheduleNextShiftStart(after: -1)
        }
        // After the duties are set up, so a technician on duty at time 0 takes work at once.
        openStartingBacklog()
        sim.schedule(.dayEnd, at: .days(1))
        sim.schedule(.monthEnd, at: .hours(Self.monthHours))
        scheduleDecisionIfDue(before: SimTime.hoursPerDay)
        let horizon = SimTime(hours: horizonHours)
        var eventsSincePoll = 0

        while let event = sim.nextEvent(until: horizon) {
            // Asked every few thousand events and at every day end: a day of ten thousand
            // technicians is a few events but milliseconds of work.
            eventsSincePoll &+= 1
            if case .dayEnd = event { eventsSincePoll = Self.stopPollInterval }
            if eventsSincePoll >= Self.stopPollInterval {
                eventsSincePoll = 0
                if shouldStop() { return nil }
            }
            switch event {
            case .arrival(let client): handleArrival(client: Int(client))
            case .completion(let t, let stint): handleCompletion(technician: Int(t), stint: stint)
            case .shiftStart: handleShiftStart()
            case .shiftEnd: handleShiftEnd()
            case .overtimeEnd(let t): endOvertime(technician: Int(t))
            case .restDayShiftStart(let t): startRestDayShift(technician: Int(t))
            case .dayEnd: handleDayEnd()
            case .monthEnd: handleMonthEnd()
            case .decision: handleDecision()
            case .keyClientLeaves: handleKeyClientLeaves()
            case .hire(let t): handleHire(technician: Int(t))
            case .managerHire(let m): handleManagerHire(manager: Int(m))
            }
            if backlog.ordersInSystem > scenario.simulation.maxBacklogOrders {
                status = .runaway
                trace?.record(at: now, .runaway(ordersInSystem: backlog.ordersInSystem))
                break
            }
            #if DEBUG
            // The scan is O(staff + orders) per event: on for the small models of the tests,
            // off for big ones, which would take hours in a debug build.
            if staff.technicians.count <= 64 && backlog.orders.count <= 4_096 { checkAvailability() }
            #endif
        }
        return result()
    }

    /// Events between two questions to `shouldStop`: often enough that a stop request is
    /// honoured within milliseconds, rarely enough to cost nothing measurable.
    static let stopPollInterval = 4096

    /// A month is a twelfth of a 365-day year.
    static let monthHours = 365 * SimTime.hoursPerDay / 12

    var now: Double { sim.now.hours }

    /// Schedules the decision once the day end at `limit` is already queued, so a decision at
    /// midnight comes after that midnight's day end (ties run in scheduling order): the day
    /// that ends then belongs to the warm-up, not to the measurement window.
    mutating func scheduleDecisionIfDue(before limit: Double) {
        guard !decisionScheduled, decisionHours <= limit else { return }
        decisionScheduled = true
        sim.schedule(.decision, at: .hours(max(decisionHours, now)))
    }

    /// Whether the measurement window (from the decision day) has begun.
    var inWindow: Bool { now >= measurement.windowStart }
}
