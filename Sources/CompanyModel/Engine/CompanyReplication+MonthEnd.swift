import Foundation
import SimulationKernel

/// Month ends and clients: churn, new clients, and clients lost.
extension CompanyReplication {
    mutating func handleMonthEnd() {
        for c in market.clients.indices where market.clients[c].active {
            let churn = market.groups[Int(market.clients[c].group)].churn
            let draw = market.clients[c].churnStream.nextUniform()
            let probability = min(1, churn.baseMonthly + churn.sensitivity * pow(1 - market.clients[c].satisfaction, churn.exponent))
            if draw < probability { loseClient(c, reason: .churn) }
        }
        let settings = scenario.newClients
        let rate = settings.baseRatePerMonth * pow(market.onTime.onTimeRate, settings.onTimeExponent)
        // One draw per month even when the rate is 0 (Poisson by inversion for rates ≤ 30).
        let arrivals = Int((try? Distribution.poisson(mean: rate))?.sample(using: &market.newClientStream) ?? 0)
        if let g = market.joinGroup {
            for _ in 0..<arrivals {
                guard let c = market.addClient(group: g) else { break }
                trace?.record(at: now, .newClient, client: c)
                if inWindow { measurement.totals.clientsGained += 1 }
                scheduleNextArrival(client: c, now: now)
            }
        }
        if now + Self.monthHours <= horizonHours { sim.schedule(.monthEnd, at: .hours(now + Self.monthHours)) }
    }

    mutating func loseClient(_ c: Int, reason: TraceEvent.ClientLoss) {
        guard market.clients[c].active else { return }
        market.clients[c].active = false
        if inWindow {
            measurement.totals.clientsLost += 1
            if market.clients[c].isKey { measurement.totals.keyClientLost = 1 }
        }
        trace?.record(at: now, .clientLost(reason), client: c)
    }
}
