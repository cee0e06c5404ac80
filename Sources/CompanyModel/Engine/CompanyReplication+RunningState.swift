import SimulationKernel

/// The availability sets of the staff, which depend on the orders technicians hold, and the
/// debug check of every running value against a scan. (The backlog's own running values are
/// in `Backlog`; why running values at all: `Staff` and `Backlog`.)
extension CompanyReplication {
    /// Puts technician `t` in or out of the two availability sets after its duty or its order
    /// changed. Every write of `onDuty` or `order` is followed by a call (checked after every
    /// event in debug builds by `checkAvailability`).
    @inline(__always) mutating func refreshAvailability(_ t: Int) {
        let state = staff.technicians[t]
        staff.idleOnDuty.set(t, state.onDuty && state.order < 0)
        if staff.tracksPreemptionCandidates {
            staff.busyOnRegular.set(t, state.onDuty && state.order >= 0 && !backlog.orders[Int(state.order)].isKey)
        }
    }

    /// The lowest-numbered technician on duty with empty hands (the model's tie rule: the first
    /// free technician takes the order).
    @inline(__always) mutating func firstIdleTechnician() -> Int? { staff.idleOnDuty.lowest() }

    /// The lowest-numbered technician on duty working on a regular order.
    mutating func firstTechnicianOnRegularOrder() -> Int? { staff.busyOnRegular.lowest() }

    #if DEBUG
    /// The running values must equal what a scan would find.
    func checkAvailability() {
        for t in staff.technicians.indices {
            let state = staff.technicians[t]
            let idle = state.onDuty && state.order < 0
            let regular = state.onDuty && state.order >= 0 && !backlog.orders[Int(state.order)].isKey
            assert(staff.idleOnDuty.contains(t) == idle, "technician \(t): idle set out of step (onDuty \(state.onDuty), order \(state.order))")
            assert(staff.busyOnRegular.contains(t) == (regular && staff.tracksPreemptionCandidates), "technician \(t): regular-order set out of step")
            // A completion is pending only for a stint in progress: on duty, an order in hand.
            assert(!state.completionPending || (state.onDuty && state.order >= 0), "technician \(t): completion pending without a stint")
        }
        let present = staff.technicians.indices.filter { staff.technicians[$0].employed && staff.technicians[$0].present }.count
        assert(staff.presentCount == present, "present count \(staff.presentCount), but \(present) technicians are present")
        var scanned = 0.0
        for o in backlog.orders.indices where backlog.orders[o].remainingHours > 0 { scanned += backlog.orders[o].remainingHours }
        assert(abs(backlog.openWork - scanned) <= 1e-6 * max(1, scanned), "open work \(backlog.openWork) h, but the orders hold \(scanned) h")
    }
    #endif
}
