import SimulationKernel

/// The open orders: their pool, the two waiting lines, and running values over them.
///
/// Why running values: the day end and the overtime triggers ask for the open work and for
/// the earliest key-client due date, and a backlog can reach 10^6 orders; visiting them each
/// time made long runaway scenarios take minutes (fuzz/README.md, finding 9).
struct Backlog: ~Copyable {
    /// The order pool: a delivered order's slot is reused by a later arrival.
    var orders = OwnedArray<Order>(minimumCapacity: 256)
    var freeSlots = OwnedArray<Int32>(minimumCapacity: 256)
    /// Key-client orders when the policy gives them priority; otherwise empty.
    var keyQueue = EventQueue<Int32>(reservingCapacity: 64)
    var regularQueue = EventQueue<Int32>(reservingCapacity: 256)
    var ordersInSystem = 0
    /// Remaining work of the open orders (technician-hours), kept as a running sum so the day
    /// end and the overtime triggers need not visit every order.
    var openWork = 0.0
    /// Due dates of the open key-client orders, earliest first, when a policy's overtime
    /// trigger asks for them ("key order at risk"); a queue with cancellation on delivery.
    let tracksKeyDueDates: Bool
    var openKeyDueDates = EventQueue<Int32>(reservingCapacity: 64)

    init(tracksKeyDueDates: Bool) {
        self.tracksKeyDueDates = tracksKeyDueDates
    }

    /// Stores a new order in a free slot (or a new one) and returns its slot; the order is
    /// open, and its total work is its remaining work.
    @inline(__always) mutating func allocate(_ new: Order) -> Int {
        var order = new
        order.isOpen = true
        order.totalWorkHours = order.remainingHours
        if let slot = freeSlots.popLast() {
            orders[Int(slot)] = order
            return Int(slot)
        }
        orders.append(order)
        return orders.count - 1
    }

    /// The next waiting order: key-client orders first (when they have a line of their own).
    mutating func dequeue() -> Int? {
        if let next = keyQueue.popMin() { return Int(next.payload) }
        if let next = regularQueue.popMin() { return Int(next.payload) }
        return nil
    }

    /// Frees a delivered order's slot for a later arrival.
    @inline(__always) mutating func release(order o: Int) {
        orders[o].isOpen = false
        freeSlots.append(Int32(o))
    }

    var queuedCount: Int { keyQueue.count + regularQueue.count }

    /// Sets an open order's remaining work, keeping `openWork` in step.
    @inline(__always) mutating func setRemaining(order o: Int, to hours: Double) {
        openWork += hours - orders[o].remainingHours
        orders[o].remainingHours = hours
    }

    /// Adds work to an open order (a switch penalty, meeting hours): to its remaining work and
    /// to its total, so that the work done is unchanged.
    @inline(__always) mutating func addWork(order o: Int, hours: Double) {
        setRemaining(order: o, to: orders[o].remainingHours + hours)
        orders[o].totalWorkHours += hours
    }

    /// Remaining work of all open orders, in technician-hours (never negative: the running sum
    /// may drift by rounding, and is reset to exactly 0 whenever the system empties).
    var openWorkHours: Double { max(0, openWork) }

    /// Starts tracking a new key-client order's due date, when a policy needs it.
    @inline(__always) mutating func trackDueDate(order o: Int) {
        guard tracksKeyDueDates, orders[o].isKey else { return }
        orders[o].dueDateHandle = openKeyDueDates.pushCancellable(Int32(o), at: orders[o].dueHours)
    }

    /// Stops tracking a delivered order's due date.
    @inline(__always) mutating func untrackDueDate(order o: Int) {
        guard let handle = orders[o].dueDateHandle else { return }
        openKeyDueDates.cancel(handle)
        orders[o].dueDateHandle = nil
    }

    /// True when an open key-client order is due no later than `limit`.
    mutating func keyOrderDue(notAfter limit: Double) -> Bool {
        guard let earliest = openKeyDueDates.minimumTime() else { return false }
        return earliest <= limit
    }

    /// The key-client work at risk: over the open key orders due no later than `limit`, the
    /// work that normal hours cannot finish by the due date, Σ max(0, remaining − working
    /// hours from now to the due date) (an order is worked by one technician at a time; an
    /// order already late counts whole). A scan of the pool, but only at a shift end whose
    /// trigger fired (`keyOrderDue` first), never per event.
    func keyWorkAtRisk(notAfter limit: Double, now: Double, calendar: WorkingCalendar) -> Double {
        var hours = 0.0
        for o in orders.indices where orders[o].isKey && orders[o].dueDateHandle != nil && orders[o].dueHours <= limit {
            hours += shortfall(order: o, now: now, calendar: calendar)
        }
        return hours
    }

    /// The part of an open order's remaining work that normal hours cannot finish by its due date.
    func shortfall(order o: Int, now: Double, calendar: WorkingCalendar) -> Double {
        let due = orders[o].dueHours
        let normal = due > now ? calendar.workingHours(from: SimTime(hours: now), to: SimTime(hours: due)) : 0
        return max(0, orders[o].remainingHours - normal)
    }
}
