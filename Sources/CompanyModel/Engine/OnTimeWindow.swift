import SimulationKernel

/// Deliveries and on-time deliveries per day over the last few days, as two rings: the
/// on-time rate that draws new clients (`newClients.onTimeWindowDays`).
struct OnTimeWindow: ~Copyable {
    var deliveriesByDay: OwnedArray<Int>
    var onTimeByDay: OwnedArray<Int>
    /// The day of the last delivery, and its slot in the two rings.
    var deliveryDay = -1
    var deliverySlot = 0

    /// A window of `days` days (at least one).
    init(days: Int) {
        deliveriesByDay = OwnedArray(repeating: 0, count: days)
        onTimeByDay = OwnedArray(repeating: 0, count: days)
    }

    /// Counts a delivery on `day`.
    @inline(__always) mutating func recordDelivery(day: Int, onTime: Bool) {
        if day != deliveryDay {   // a remainder is an integer division: once a day, not per order
            deliveryDay = day
            deliverySlot = day % deliveriesByDay.count
        }
        deliveriesByDay[deliverySlot] += 1
        if onTime { onTimeByDay[deliverySlot] += 1 }
    }

    /// Clears the counters of the day that leaves the window as `day` begins.
    mutating func begin(day: Int) {
        deliveriesByDay[day % deliveriesByDay.count] = 0
        onTimeByDay[day % onTimeByDay.count] = 0
    }

    /// The share of the window's deliveries that were on time; 1 when there were none.
    var onTimeRate: Double {
        var delivered = 0, onTime = 0
        for day in deliveriesByDay.indices {
            delivered += deliveriesByDay[day]
            onTime += onTimeByDay[day]
        }
        return delivered > 0 ? Double(onTime) / Double(delivered) : 1
    }
}
