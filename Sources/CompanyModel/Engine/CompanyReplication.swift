import Foundation
import SimulationKernel

/// One simulated replication of the company under one policy: the heart of bigclient.
///
/// Why one mutable struct with a `while let` event loop: the whole state (orders, technicians,
/// clients, totals) sits in arrays of value types, the kernel's queue holds small enum events,
/// and handlers are plain methods. After warm-up an event allocates nothing: orders reuse
/// slots, queues and arrays keep their capacity.
///
/// Why noncopyable: a replication is built, run and read once, never copied, and saying so
/// lets its arrays be `OwnedArray`s, written in place with no copy-on-write check (a tenth of
/// an order-heavy run's instructions went to those checks; docs/performance.md).
///
/// The baseline policy runs until the decision day, then the studied policy. Everything random
/// comes from streams named by (seed, replication, stream id) (see `StreamLayout`), so all
/// policies share one history until the decision day.
struct CompanyReplication: ~Copyable {
    let scenario: Scenario
    let studied: Policy
    let studiedPolicyName: String
    var policy: Policy
    let calendar: WorkingCalendar
    let continuous: Bool
    let shiftHours: Double
    let horizonHours: Double
    let decisionHours: Double
    let seed: UInt64
    let replication: Int

    var sim = Simulation<CompanyEvent>(reservingCapacity: 256)
    var orders = OwnedArray<Order>(minimumCapacity: 256)
    var freeOrders = OwnedArray<Int32>(minimumCapacity: 256)
    /// Key-client orders when the policy gives them priority; otherwise empty.
    var keyQueue = EventQueue<Int32>(reservingCapacity: 64)
    var regularQueue = EventQueue<Int32>(reservingCapacity: 256)

    var technicians = OwnedArray<TechnicianState>()
    /// Technicians on duty with empty hands, and technicians on duty holding a regular order
    /// (the ones a preemptive policy may interrupt). Kept in step with `onDuty` and `order` by
    /// `refreshAvailability`, so finding the first of them costs O(1), not a scan of the staff.
    var idleOnDuty = IndexBitSet()
    var busyOnRegular = IndexBitSet()
    /// Whether `busyOnRegular` is kept: only a preemptive policy (baseline or studied) reads it.
    let tracksPreemptionCandidates: Bool
    /// Employed technicians not on leave (a running count: resignations and the day end ask
    /// for it, and a scan per resignation is quadratic in the staff).
    var presentTechnicianCount = 0
    var hazardStreams = OwnedArray<RandomStream>()
    /// False when sick leave, burn-out and resignation all have a zero base hazard.
    let drawsHazards: Bool
    var overtimeStreams = OwnedArray<RandomStream>()
    var sickLengthStreams = OwnedArray<RandomStream>()
    var burnoutLengthStreams = OwnedArray<RandomStream>()
    var overtimeEndHandles = OwnedArray<EventHandle?>()
    var quitsTonight = OwnedArray<Bool>()

    let groups: [ClientGroup]
    /// Per group, what each order reads, as plain numbers (see `GroupTerms`), and the work
    /// content distributions.
    let groupTerms: OwnedArray<GroupTerms>
    var workDistributions: OwnedArray<Distribution>
    let keyGroup: Int?
    let joinGroup: Int?
    var clients = OwnedArray<ClientState>()
    var decisionStream: RandomStream
    var newClientStream: RandomStream

    var termsEnforced = false
    var decisionScheduled = false
    var keyVolumeFactor = 1.0
    var keyAbuseFactor = 1.0

    var totals = Accumulators()
    var ordersInSystem = 0
    /// Remaining work of the open orders (technician-hours), kept as a running sum so the day
    /// end and the overtime triggers need not visit every order: a backlog can reach 10^6.
    var openWork = 0.0
    /// Due dates of the open key-client orders, earliest first, when a policy's overtime
    /// trigger asks for them ("key order at risk"); a queue with cancellation on delivery.
    let tracksKeyDueDates: Bool
    var openKeyDueDates = EventQueue<Int32>(reservingCapacity: 64)
    var lastBacklogChange = 0.0
    var windowStart = 0.0
    /// Deliveries and on-time deliveries per day, over the new-client window (a ring).
    var deliveriesByDay: OwnedArray<Int>
    var onTimeByDay: OwnedArray<Int>
    /// The day of the last delivery, and its slot in the two rings above.
    var deliveryDay = -1
    var deliverySlot = 0
    /// Company busy and contract hours at each week start, for the staffing rule.
    var busyHoursTotal = 0.0
    var contractHoursTotal = 0.0
    var weeklySnapshots: [(busy: Double, contract: Double)] = []

    /// Completion events that surfaced after their stint was paused (see `TechnicianState.stint`):
    /// not counted as events, as a cancelled event is not.
    var staleCompletions: UInt64 = 0

    var status = ReplicationResult.Status.ok
    /// The event log, only when tracing (a reference, so recording does not mutate the model
    /// and the log's strings are built only when it exists).
    let trace: TraceLog?
    var weeks: [WeeklyRecord]?
    var week = WeekAccumulator()

    init(scenario: Scenario, policy studiedName: String, seed: UInt64, replication: Int, trace: Bool, timeseries: Bool) {
        self.scenario = scenario
        // Everything here is computed from locals, and `weeks` is set unconditionally: Swift
        // 6.3.1 miscompiles the init of a noncopyable struct that reads `self` before it is
        // whole *and* sets a defaulted optional in an `if` (`if timeseries { weeks = [] }`):
        // a crash in release builds only. A 24-line reproduction is in the third session's
        // notes (docs/performance.md, "Noncopyable state").
        let studied = scenario.policies[studiedName]!
        let baseline = scenario.policies[scenario.baseline]!
        self.studied = studied
        self.studiedPolicyName = studiedName
        self.policy = baseline
        drawsHazards = scenario.technicians.sickLeave.baseDailyHazard > 0 || scenario.technicians.burnout.baseDailyHazard > 0
            || scenario.technicians.resignation.baseDailyHazard > 0
        tracksPreemptionCandidates = studied.keyPriority == .preemptive || baseline.keyPriority == .preemptive
        tracksKeyDueDates = studied.overtimeTrigger == .keyAtRisk || baseline.overtimeTrigger == .keyAtRisk
        self.seed = seed
        self.replication = replication
        let continuous = scenario.calendar.mode == .continuous
        self.continuous = continuous
        if continuous {
            calendar = .continuous
        } else {
            calendar = (try? WorkingCalendar(workingWeekdays: scenario.calendar.workingWeekdays,
                                             shiftStartHour: scenario.calendar.shiftStartHour,
                                             shiftLengthHours: scenario.calendar.shiftLengthHours,
                                             holidays: scenario.calendar.holidays)) ?? .standard
        }
        shiftHours = continuous ? SimTime.hoursPerDay : scenario.calendar.shiftLengthHours
        horizonHours = SimTime.hours(days: scenario.simulation.horizonDays)
        decisionHours = SimTime.hours(days: scenario.simulation.effectiveDecisionDay)
        let names = scenario.clientGroupNames
        let groups = names.map { scenario.clients[$0]! }
        self.groups = groups
        groupTerms = OwnedArray(groups.map(GroupTerms.init))
        workDistributions = OwnedArray(groups.map(\.workHours))
        keyGroup = groups.firstIndex(where: \.isKeyClient)
        joinGroup = scenario.joiningGroupName.flatMap { names.firstIndex(of: $0) }
        decisionStream = RandomStream(masterSeed: seed, replication: replication, streamID: StreamLayout.keyClientDecision)
        newClientStream = RandomStream(masterSeed: seed, replication: replication, streamID: StreamLayout.newClients)
        let window = max(1, Int(scenario.newClients.onTimeWindowDays.rounded(.up)))
        deliveriesByDay = OwnedArray(repeating: 0, count: window)
        onTimeByDay = OwnedArray(repeating: 0, count: window)
        self.trace = trace ? TraceLog() : nil
        weeks = timeseries ? [] : nil

        let initialStaff = scenario.technicians.count + baseline.extraTechnicians
        for _ in 0..<initialStaff { addTechnician(hiredAtHours: -1e9) }
        for (g, group) in groups.enumerated() {
            for _ in 0..<group.count { addClient(group: g) }
        }
    }

    // MARK: - Set-up helpers

    mutating func addTechnician(hiredAtHours: Double) {
        let t = technicians.count
        var state = TechnicianState()
        state.hiredAtHours = hiredAtHours
        state.productivity = productivity(hiredAtHours: hiredAtHours, now: max(0, hiredAtHours))
        technicians.append(state)
        presentTechnicianCount += 1
        hazardStreams.append(RandomStream(masterSeed: seed, replication: replication, streamID: StreamLayout.technicianHazards(t)))
        overtimeStreams.append(RandomStream(masterSeed: seed, replication: replication, streamID: StreamLayout.technicianOvertime(t)))
        sickLengthStreams.append(RandomStream(masterSeed: seed, replication: replication, streamID: StreamLayout.technicianSickLength(t)))
        burnoutLengthStreams.append(RandomStream(masterSeed: seed, replication: replication, streamID: StreamLayout.technicianBurnoutLength(t)))
        overtimeEndHandles.append(nil)
        quitsTonight.append(false)
    }

    @discardableResult
    mutating func addClient(group g: Int) -> Int? {
        let c = clients.count
        guard c < StreamLayout.maxClients else { return nil }
        let group = groups[g]
        clients.append(ClientState(
            group: Int32(g), isKey: group.isKeyClient, ordersPerHour: group.ordersPerWeek / SimTime.hoursPerWeek,
            arrivalStream: RandomStream(masterSeed: seed, replication: replication, streamID: StreamLayout.clientArrivals(c)),
            workStream: RandomStream(masterSeed: seed, replication: replication, streamID: StreamLayout.clientWork(c)),
            attributeStream: RandomStream(masterSeed: seed, replication: replication, streamID: StreamLayout.clientAttributes(c)),
            churnStream: RandomStream(masterSeed: seed, replication: replication, streamID: StreamLayout.clientChurn(c))))
        return c
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
        for c in clients.indices { scheduleNextArrival(client: c, now: 0) }
        if continuous {
            for t in technicians.indices { startContinuousDuty(technician: t) }
        } else {
            scheduleNextShiftStart(after: -1)
        }
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
            case .hire(let t): handleHire(technician: Int(t))
            }
            if ordersInSystem > scenario.simulation.maxBacklogOrders {
                status = .runaway
                trace?.record(at: now, .runaway(ordersInSystem: ordersInSystem))
                break
            }
            #if DEBUG
            // The scan is O(staff + orders) per event: on for the small models of the tests,
            // off for big ones, which would take hours in a debug build.
            if technicians.count <= 64 && orders.count <= 4_096 { checkAvailability() }
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
    var inWindow: Bool { now >= windowStart }

}

/// Sums over the current week, for `timeseries.csv`.
struct WeekAccumulator {
    var backlogArea = 0.0
    var overtimeHours = 0.0
    var absentTechnicianDays = 0.0
    var revenue = 0.0
    var stressSum = 0.0
    var stressSamples = 0
}
