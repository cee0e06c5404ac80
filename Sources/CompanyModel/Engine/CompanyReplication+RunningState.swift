import SimulationKernel

/// Running values the hot paths read instead of scanning: who is free, how many are present,
/// how much work is open, when the earliest open key-client order is due. A scan of every
/// technician per order, or of every order per day, made big scenarios (10,000 technicians, a
/// backlog of 10^6 orders over a century) take minutes instead of seconds (fuzz/README.md,
/// finding 9).
extension CompanyReplication {
    /// Puts technician `t` in or out of the two availability sets after its duty or its order
    /// changed. Every write of `onDuty` or `order` is followed by a call (checked after every
    /// event in debug builds by `checkAvailability`).
    @inline(__always) mutating func refreshAvailability(_ t: Int) {
        let state = technicians[t]
        idleOnDuty.set(t, state.onDuty && state.order < 0)
        if tracksPreemptionCandidates {
            busyOnRegular.set(t, state.onDuty && state.order >= 0 && !orders[Int(state.order)].isKey)
        }
    }

    /// The lowest-numbered technician on duty with empty hands (the model's tie rule: the first
    /// free technician takes the order).
    @inline(__always) mutating func firstIdleTechnician() -> Int? { idleOnDuty.lowest() }

    /// The lowest-numbered technician on duty working on a regular order.
    mutating func firstTechnicianOnRegularOrder() -> Int? { busyOnRegular.lowest() }

    /// Sets an open order's remaining work, keeping `openWork` in step.
    @inline(__always) mutating func setRemaining(order o: Int, to hours: Double) {
        openWork += hours - orders[o].remainingHours
        orders[o].remainingHours = hours
    }

    /// Remaining work of all open orders, in technician-hours (never negative: the running sum
    /// may drift by rounding, and is reset to exactly 0 whenever the system empties).
    func openWorkHours() -> Double { max(0, openWork) }

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

    #if DEBUG
    /// The running values must equal what a scan would find.
    func checkAvailability() {
        for t in technicians.indices {
            let state = technicians[t]
            let idle = state.onDuty && state.order < 0
            let regular = state.onDuty && state.order >= 0 && !orders[Int(state.order)].isKey
            assert(idleOnDuty.contains(t) == idle, "technician \(t): idle set out of step (onDuty \(state.onDuty), order \(state.order))")
            assert(busyOnRegular.contains(t) == (regular && tracksPreemptionCandidates), "technician \(t): regular-order set out of step")
            // A completion is pending only for a stint in progress: on duty, an order in hand.
            assert(!state.completionPending || (state.onDuty && state.order >= 0), "technician \(t): completion pending without a stint")
        }
        let present = technicians.indices.filter { technicians[$0].employed && technicians[$0].present }.count
        assert(presentTechnicianCount == present, "present count \(presentTechnicianCount), but \(present) technicians are present")
        var scanned = 0.0
        for o in orders.indices where orders[o].remainingHours > 0 { scanned += orders[o].remainingHours }
        assert(abs(openWork - scanned) <= 1e-6 * max(1, scanned), "open work \(openWork) h, but the orders hold \(scanned) h")
    }
    #endif
}
