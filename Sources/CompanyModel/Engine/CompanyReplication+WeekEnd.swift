import SimulationKernel

/// Week ends: the weekly series (`timeseries.csv`), the utilisation snapshot the staffing rule
/// reads, and the settlement of the overtime band premiums.
extension CompanyReplication {
    mutating func closeWeek(index: Int) {
        changeBacklog(by: 0)
        weeklySnapshots.append((busyHoursTotal, contractHoursTotal))
        if weeks != nil {
            weeks!.append(WeeklyRecord(
                week: index,
                backlogOrders: week.backlogArea / SimTime.hoursPerWeek,
                overtimeHours: week.overtimeHours,
                absentTechnicians: week.absentTechnicianDays / Double(SimTime.daysPerWeek),
                activeClients: Double(activeClientCount),
                revenueEur: week.revenue,
                meanStress: week.stressSamples > 0 ? week.stressSum / Double(week.stressSamples) : .nan))
        }
        week = WeekAccumulator()
        for t in technicians.indices {
            let premium = weeklyBandPremium(contractHours: technicians[t].contractHoursThisWeek,
                                            overtimeHours: technicians[t].overtimeHoursThisWeek)
            if inWindow { totals.overtimePay += premium }
            technicians[t].hoursThisWeek = 0
            technicians[t].contractHoursThisWeek = 0
            technicians[t].overtimeHoursThisWeek = 0
            technicians[t].restDaysWorkedThisWeek = 0
        }
    }
}
