import SimulationKernel

/// Week ends: the weekly series (`timeseries.csv`), the utilisation snapshot the staffing rule
/// reads, and the settlement of the overtime band premiums.
extension CompanyReplication {
    mutating func closeWeek(index: Int) {
        changeBacklog(by: 0)
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
            let premium = weeklyBandPremium(contractHours: staff.technicians[t].contractHoursThisWeek,
                                            overtimeHours: staff.technicians[t].overtimeHoursThisWeek)
            if inWindow { measurement.totals.overtimePay += premium }
            staff.technicians[t].hoursThisWeek = 0
            staff.technicians[t].contractHoursThisWeek = 0
            staff.technicians[t].overtimeHoursThisWeek = 0
            staff.technicians[t].restDaysWorkedThisWeek = 0
        }
    }
}
