/// The event loop: a clock and a queue of future events of a model-defined type.
///
/// Why the model pulls events instead of registering callbacks: the model owns its state and a
/// `Simulation<Event>`, and writes `while let event = sim.nextEvent(until: horizon) { … }`
/// with a `switch` over its own `Event` enum. No closure or existential dispatch sits on the hot
/// path, and the generic code specialises to the model's event type (SimPy's `step`, without
/// the callbacks).
///
/// Run semantics, precisely:
/// - `now` starts at 0 (or at `start`) and only moves forward, to the time of each event taken.
/// - Events at equal times are taken in the order they were scheduled.
/// - `nextEvent(until: limit)` takes the earliest event with time ≤ `limit`; if there is none,
///   it sets `now` to `limit` (when finite) and returns `nil`. Events after `limit` stay pending,
///   so a run can be continued in several legs.
/// - Scheduling before `now`, or at a non-finite time, is a programming error and traps with a
///   message naming both times.
public struct Simulation<Event> {
    /// The current simulated time.
    @inlinable public var now: SimTime { clock }
    /// Number of events taken from the queue so far (cancelled ones are not counted).
    @inlinable public var eventsProcessed: UInt64 { processed }

    @usableFromInline var clock: SimTime
    @usableFromInline var processed: UInt64 = 0
    @usableFromInline var queue: EventQueue<Event>

    public init(start: SimTime = .zero, reservingCapacity capacity: Int = 64) {
        clock = start
        queue = EventQueue(reservingCapacity: capacity)
    }

    /// Number of pending (not cancelled) events.
    @inlinable public var pendingCount: Int { queue.count }

    /// Schedules `event` at the absolute time `time`. It cannot be cancelled: use
    /// `scheduleCancellable` for events that may be withdrawn (cheaper this way).
    ///
    /// - Precondition: `time` is finite and not before `now`.
    /// - Complexity: O(log n), no allocation after warm-up.
    @inlinable @inline(__always)
    public mutating func schedule(_ event: Event, at time: SimTime) {
        checkSchedulable(time)
        queue.push(event, at: time.hours)
    }

    /// Schedules `event` after `delay` from now; it cannot be cancelled.
    ///
    /// - Precondition: `delay` is finite and ≥ 0.
    @inlinable
    public mutating func schedule(_ event: Event, after delay: SimTime) {
        schedule(event, at: SimTime(hours: clock.hours + delay.hours))
    }

    /// Schedules `event` at `time` and returns a handle that can cancel it.
    ///
    /// - Precondition: `time` is finite and not before `now`.
    @inlinable @discardableResult
    public mutating func scheduleCancellable(_ event: Event, at time: SimTime) -> EventHandle {
        checkSchedulable(time)
        return queue.pushCancellable(event, at: time.hours)
    }

    /// Schedules `event` after `delay` and returns a handle that can cancel it.
    @inlinable @discardableResult
    public mutating func scheduleCancellable(_ event: Event, after delay: SimTime) -> EventHandle {
        scheduleCancellable(event, at: SimTime(hours: clock.hours + delay.hours))
    }

    @inlinable @inline(__always)
    func checkSchedulable(_ time: SimTime) {
        precondition(time.hours >= clock.hours && time.hours.isFinite,
                     "Simulation.schedule: cannot schedule at \(time.hours) h: it is before now (\(clock.hours) h) or not finite")
    }

    /// Cancels a pending event; returns `false` if it already fired or was cancelled.
    ///
    /// - Complexity: O(1).
    @inlinable @discardableResult
    public mutating func cancel(_ handle: EventHandle) -> Bool { queue.cancel(handle) }

    /// The time of the next pending event, if any.
    @inlinable public mutating func nextEventTime() -> SimTime? {
        queue.minimumTime().map(SimTime.init(hours:))
    }

    /// Takes the next event due no later than `limit`, advancing `now` to its time.
    /// Returns `nil` (and moves `now` to a finite `limit`) when no such event is pending.
    ///
    /// - Complexity: O(log n).
    @inlinable @inline(__always)
    public mutating func nextEvent(until limit: SimTime) -> Event? {
        guard let (time, event) = queue.popMin(notAfter: limit.hours) else {
            if limit.hours.isFinite && limit.hours > clock.hours { clock = limit }
            return nil
        }
        clock = SimTime(hours: time)
        processed &+= 1
        return event
    }

    /// Takes the next event whatever its time, or `nil` when the queue is empty.
    @inlinable
    public mutating func step() -> Event? { nextEvent(until: .infinity) }

    /// Runs events up to and including time `limit`, handing each to `handle`, which may
    /// schedule and cancel further events. A convenience for small models and tests; fast
    /// models write the `while let` loop themselves.
    @inlinable
    public mutating func run(until limit: SimTime, _ handle: (inout Simulation<Event>, Event) -> Void) {
        while let event = nextEvent(until: limit) { handle(&self, event) }
    }
}
