import Foundation
import SimulationKernel

/// Month ends and clients: churn, new clients, and clients lost.
extension CompanyReplication {
    mutating func handleMonthEnd() {
        for c in clients.indices where clients[c].active {
            let churn = groups[Int(clients[c].group)].churn
            let draw = clients[c].churnStream.nextUniform()
            let probability = min(1, churn.baseMonthly + churn.sensitivity * pow(1 - clients[c].satisfaction, churn.exponent))
            if draw < probability { loseClient(c, reason: .churn) }
        }
        let settings = scenario.newClients
        var delivered = 0, onTime = 0
        for day in deliveriesByDay.indices {
            delivered += deliveriesByDay[day]
            onTime += onTimeByDay[day]
        }
        let onTimeRate = delivered > 0 ? Double(onTime) / Double(delivered) : 1
        let rate = settings.baseRatePerMonth * pow(onTimeRate, settings.onTimeExponent)
        // One draw per month even when the rate is 0 (Poisson by inversion for rates ≤ 30).
        let arrivals = Int((try? Distribution.poisson(mean: rate))?.sample(using: &newClientStream) ?? 0)
        if let g = joinGroup {
            for _ in 0..<arrivals {
                guard let c = addClient(group: g) else { break }
                trace?.record(at: now, .newClient, client: c)
                scheduleNextArrival(client: c, now: now)
            }
        }
        if now + Self.monthHours <= horizonHours { sim.schedule(.monthEnd, at: .hours(now + Self.monthHours)) }
    }

    mutating func loseClient(_ c: Int, reason: TraceEvent.ClientLoss) {
        guard clients[c].active else { return }
        clients[c].active = false
        if inWindow {
            totals.clientsLost += 1
            if clients[c].isKey { totals.keyClientLost = 1 }
        }
        trace?.record(at: now, .clientLost(reason), client: c)
    }

    /// Active clients, counted without building an array: every week end asks, and must not
    /// allocate.
    var activeClientCount: Int {
        var count = 0
        for c in clients.indices where clients[c].active { count += 1 }
        return count
    }
}
