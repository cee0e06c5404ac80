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
        set(.overtimeHours, t.overtimeHours)
        set(.restDaysWorked, Double(t.restDaysWorked))
        set(.sickLeaveEpisodes, Double(t.sickLeaves))
        set(.burnoutEpisodes, Double(t.burnouts))
        set(.absenceDays, Double(t.absenceDays))
        set(.resignations, Double(t.resignations))
        set(.preemptions, Double(t.preemptions))
        set(.abuseIncidents, Double(t.abuseIncidents))
        set(.onTimeRate, ratio(Double(t.onTimeDeliveries), t.deliveries))
        set(.meanLatenessDays, ratio(t.latenessDaysSum, t.deliveries))
        set(.keyMeanWaitHours, ratio(t.keyWaitSum, t.keyWaitCount))
        set(.otherMeanWaitHours, ratio(t.otherWaitSum, t.otherWaitCount))
        set(.keyMeanFlowHours, ratio(t.keyFlowSum, t.keyFlowCount))
        set(.otherMeanFlowHours, ratio(t.otherFlowSum, t.otherFlowCount))
        set(.clientsLost, Double(t.clientsLost))
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
}
