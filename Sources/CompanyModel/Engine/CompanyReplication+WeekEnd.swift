import SimulationKernel

/// Week ends: the weekly series (`timeseries.csv`), the utilisation snapshot the staffing rule
/// reads, the settlement of the overtime band premiums, and the satisfaction of clients whose
/// orders are overdue.
extension CompanyReplication {
    mutating func closeWeek(index: Int) {
        changeBacklog(by: 0)
        observeOverdueOrders()
        staff.weeklySnapshots.append((staff.busyHoursTotal, staff.contractHoursTotal))
        if measurement.weeks != nil {
            measurement.weeks!.append(WeeklyRecord(
                week: index,
                backlogOrders: measurement.week.backlogArea / SimTime.hoursPerWeek,
                overtimeHours: measurement.week.overtimeHours,
                absentTechnicians: measurement.week.absentTechnicianDays / Double(SimTime.daysPerWeek),
                activeClients: Double(market.activeClientCount),
                revenueEur: measurement.week.revenue,
                meanStress: measurement.week.stressSamples > 0 ? measurement.week.stressSum / Double(measurement.week.stressSamples) : .nan))
        }
        measurement.week = WeekAccumulator()
        for t in staff.technicians.indices {
            settleBandPremium(technician: t)
            staff.technicians[t].hoursThisWeek = 0
            staff.technicians[t].contractHoursThisWeek = 0
            staff.technicians[t].windowContractHoursThisWeek = 0
            staff.technicians[t].restDaysWorkedThisWeek = 0
        }
    }

    /// Charges the window with one technician's band premiums of the week (at its end, or the
    /// horizon's), split as `bandPremium(weeklyHours:)` says. The structural part goes to the
    /// salaries, in proportion to the week's contract hours worked in the window; the overtime
    /// part to overtime pay, in proportion to the week's overtime hours worked in the window: a
    /// week that straddles the decision day pays in the window only for its hours after that
    /// day; a week wholly in the window pays it all (the share is then exactly 1).
    mutating func settleBandPremium(technician t: Int) {
        let contractHours = staff.technicians[t].contractHoursThisWeek
        let overtimeHours = staff.technicians[t].overtimeHoursThisWeek
        let windowContract = staff.technicians[t].windowContractHoursThisWeek
        let windowHours = staff.technicians[t].windowOvertimeHoursThisWeek
        let structural = bandPremium(weeklyHours: contractHours)
        if windowContract > 0 && structural > 0 {
            measurement.totals.salary += windowContract == contractHours ? structural : structural * (windowContract / contractHours)
        }
        if windowHours > 0 {
            let premium = bandPremium(weeklyHours: contractHours + overtimeHours) - structural
            measurement.totals.overtimePay += windowHours == overtimeHours ? premium : premium * (windowHours / overtimeHours)
        }
        staff.technicians[t].overtimeHoursThisWeek = 0
        staff.technicians[t].windowOvertimeHoursThisWeek = 0
        staff.technicians[t].windowContractHoursThisWeek = 0
    }

    /// Each open order already past its due date counts as one observation of its client, at
    /// the days it is overdue so far (`Market.observe`): overdue work drives churn before it
    /// is delivered. Once a week, over the order pool (free slots skipped): nothing is done per
    /// event and nothing is allocated.
    mutating func observeOverdueOrders() {
        for o in backlog.orders.indices where backlog.orders[o].isOpen && now > backlog.orders[o].dueHours + 1e-9 {
            market.observe(client: Int(backlog.orders[o].client), daysLate: SimTime.days(hours: now - backlog.orders[o].dueHours))
        }
    }
}
