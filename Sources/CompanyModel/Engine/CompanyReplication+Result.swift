/// Turns the window's totals into the replication's metrics.
extension CompanyReplication {
    mutating func result() -> ReplicationResult {
        // Settle the band premiums of the week the horizon cuts short.
        for t in staff.technicians.indices { settleBandPremium(technician: t) }
        let end = min(now, horizonHours)
        let span = end - max(measurement.lastBacklogChange, measurement.windowStart)
        if span > 0 { measurement.totals.backlogArea += Double(backlog.ordersInSystem) * span }
        measurement.lastBacklogChange = end
        let window = max(end - measurement.windowStart, 1e-9)
        let t = measurement.totals
        func ratio(_ a: Double, _ b: Int) -> Double { b > 0 ? a / Double(b) : .nan }
        // Fixed overheads, pro rata over the window in the model's months (365/12 days).
        let overheads = scenario.money.overheadsEurPerMonth * (max(end - measurement.windowStart, 0) / Self.monthHours)
        let costs = t.salary + t.overtimePay + t.absenceCost + t.meetingCost + t.hiringCost + t.materials + overheads
        var values = [Double](repeating: .nan, count: Metric.allCases.count)
        func set(_ metric: Metric, _ value: Double) { values[metric.rawValue] = value }
        set(.profitEur, t.revenue - costs)
        set(.revenueEur, t.revenue)
        set(.salaryCostEur, t.salary)
        set(.overtimeCostEur, t.overtimePay)
        set(.absenceCostEur, t.absenceCost)
        set(.meetingCostEur, t.meetingCost)
        set(.hiringCostEur, t.hiringCost)
        set(.materialsCostEur, t.materials)
        set(.latePenaltiesEur, t.latePenalties)
        set(.wipValueEur, workInProgressValue(at: end))
        set(.overtimeHours, t.overtimeHours)
        set(.restDaysWorked, Double(t.restDaysWorked))
        set(.sickLeaveEpisodes, Double(t.sickLeaves))
        set(.burnoutEpisodes, Double(t.burnouts))
        set(.absenceDays, Double(t.absenceDays))
        set(.resignations, Double(t.resignations))
        set(.preemptions, Double(t.preemptions))
        set(.abuseIncidents, Double(t.abuseIncidents))
        set(.accountManagerAbuseIncidents, Double(t.accountManagerAbuse))
        set(.accountManagerMeetingHours, t.accountManagerMeetingHours)
        set(.accountManagerMeanStress, ratio(t.accountManagerStressSum, t.accountManagerStressSamples))
        set(.accountManagerAbsenceDays, Double(t.accountManagerAbsenceDays))
        set(.accountManagerBurnoutEpisodes, Double(t.accountManagerBurnouts))
        set(.accountManagerResignations, Double(t.accountManagerResignations))
        set(.productionManagerMeanStress, ratio(t.productionManagerStressSum, t.productionManagerStressSamples))
        set(.onTimeRate, ratio(Double(t.onTimeDeliveries), t.deliveries))
        set(.meanLatenessDays, ratio(t.latenessDaysSum, t.deliveries))
        set(.keyOnTimeRate, ratio(Double(t.keyOnTimeDeliveries), t.keyDeliveries))
        set(.otherOnTimeRate, ratio(Double(t.onTimeDeliveries - t.keyOnTimeDeliveries), t.deliveries - t.keyDeliveries))
        set(.keyMeanLatenessDays, ratio(t.keyLatenessDaysSum, t.keyDeliveries))
        set(.otherMeanLatenessDays, ratio(t.latenessDaysSum - t.keyLatenessDaysSum, t.deliveries - t.keyDeliveries))
        set(.keyMeanWaitHours, ratio(t.keyWaitSum, t.keyWaitCount))
        set(.otherMeanWaitHours, ratio(t.otherWaitSum, t.otherWaitCount))
        set(.keyMeanFlowHours, ratio(t.keyFlowSum, t.keyFlowCount))
        set(.otherMeanFlowHours, ratio(t.otherFlowSum, t.otherFlowCount))
        set(.clientsLost, Double(t.clientsLost))
        set(.clientsGained, Double(t.clientsGained))
        set(.activeClientsEnd, Double(market.activeClientCount))
        set(.keyClientLost, Double(t.keyClientLost))
        set(.keyClientPresent, measurement.keyClientPresentAtDecision ? 1 : 0)
        set(.keyRevenueShare, t.revenue > 0 ? t.keyRevenue / t.revenue : .nan)
        set(.meanBacklogOrders, t.backlogArea / window)
        set(.throughputOrders, Double(t.deliveries))
        set(.meanStress, ratio(t.stressSum, t.stressSamples))
        set(.events, Double(sim.eventsProcessed - measurement.staleCompletions))
        return ReplicationResult(values: values, status: status, weeks: measurement.weeks ?? [],
                                 outcome: measurement.outcomeIndex >= 0 ? measurement.outcomeIndex : nil)
    }

    /// The open orders' value at `end` (the horizon, or where a runaway stopped): Σ price ×
    /// work done ÷ total work, the price before any late penalty. Profit is cash (revenue at
    /// delivery), so a policy that leaves more work half done at the horizon looks worse by
    /// profit alone than it is; this is the correction, reported apart, never added to profit.
    /// The work in a technician's hands counts up to `end`, the stint not yet credited
    /// included. Once per replication.
    func workInProgressValue(at end: Double) -> Double {
        func value(_ order: Order, extraDone: Double) -> Double {
            guard order.totalWorkHours > 0 else { return 0 }
            let done = min(order.totalWorkHours, max(0, order.totalWorkHours - order.remainingHours + extraDone))
            return order.priceEur * done / order.totalWorkHours
        }
        var total = 0.0
        for o in backlog.orders.indices where backlog.orders[o].isOpen { total += value(backlog.orders[o], extraDone: 0) }
        // A stint in progress has done work that `pauseWork` has not yet credited.
        for t in staff.technicians.indices where staff.technicians[t].order >= 0 && staff.technicians[t].onDuty {
            let order = backlog.orders[Int(staff.technicians[t].order)]
            let stint = max(0, end - staff.technicians[t].stintStartHours) * staff.technicians[t].productivity
            total += value(order, extraDone: stint) - value(order, extraDone: 0)
        }
        return total
    }
}
