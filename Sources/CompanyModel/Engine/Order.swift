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
    /// Whether the slot holds an open order (false once delivered and free for reuse): the
    /// week end's scan for overdue orders and the horizon's work-in-progress value visit the
    /// pool and must skip free slots. Set by `Backlog.allocate` and `Backlog.release`; it sits
    /// in the padding after `isKey`, so the order is no larger for it.
    var isOpen = false
    var arrivalHours: Double
    var dueHours: Double
    /// Work still to do, technician-hours (a preemption's switch penalty and meeting hours
    /// included).
    var remainingHours: Double
    /// All the work the order has needed so far, technician-hours: the drawn content plus the
    /// switch penalties and meeting hours added since, so that total − remaining is the work
    /// done (the horizon's work in progress is valued by it, `wip_value_eur`). Set by
    /// `Backlog.allocate` to the remaining work, raised by `Backlog.addWork`.
    var totalWorkHours = 0.0
    /// When a technician first started it; −1 while it has only waited.
    var firstStartHours: Double
    /// Revenue at delivery before any late penalty: hours × list price × the key client's
    /// terms (1 − discount + surcharge, × (1 + rush surcharge) for a rush order).
    var priceEur: Double
    /// Hours × list price: what materials follow (they follow the work, not the terms).
    var listPriceEur: Double
    var abuseDraw: Double
    var quitDraw: Double
    /// Its entry among the open key-client due dates, when those are tracked.
    var dueDateHandle: EventHandle? = nil
}
