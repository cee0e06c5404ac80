import SimulationKernel

/// Staffing: resignations, the rule that decides whether to replace, and hires.
extension CompanyReplication {
    mutating func resign(technician t: Int) {
        leaveEmployment(technician: t)
        if inWindow { measurement.totals.resignations += 1 }
        let utilisation = recentUtilisation()
        // Replace when the remaining staff is busy, or when open work already exceeds a week of
        // their shifts (a backlog the smaller team cannot absorb).
        let present = Double(max(staff.presentCount, 1))
        let overloaded = backlog.openWorkHours > present * shiftHours * 5
        let replace = utilisation >= scenario.technicians.hiring.replaceAboveUtilisation || overloaded
        trace?.record(at: now, .resign(utilisation: utilisation, replaced: replace), technician: t)
        if replace {
            let at = now + SimTime.hours(days: scenario.technicians.hiring.delayDays)
            if at <= horizonHours { sim.schedule(.hire(technician: Int32(t)), at: .hours(at)) }
        }
    }

    /// A technician stops working for the company (a resignation, or let go): off duty, work in
    /// hand back to the queue, no longer employed or present.
    mutating func leaveEmployment(technician t: Int) {
        if staff.technicians[t].inOvertime { endOvertime(technician: t) }
        if staff.technicians[t].onDuty { pauseWork(technician: t) }
        staff.technicians[t].onDuty = false
        refreshAvailability(t)
        returnOrder(technician: t)
        staff.technicians[t].employed = false
        if staff.technicians[t].present { staff.presentCount -= 1 }
        staff.technicians[t].present = false
        // One let go during annual leave leaves it too (a resignation needs presence).
        staff.technicians[t].onAnnualLeave = false
        staff.technicians[t].annualLeaveDaysOwed = 0
    }

    /// Busy hours over contract hours in the last 8 weeks (or since the start).
    func recentUtilisation() -> Double {
        let base = staff.weeklySnapshots.count >= 8 ? staff.weeklySnapshots[staff.weeklySnapshots.count - 8] : (busy: 0.0, contract: 0.0)
        let contract = staff.contractHoursTotal - base.contract
        guard contract > 0 else { return 1 }
        return (staff.busyHoursTotal - base.busy) / contract
    }

    mutating func handleHire(technician t: Int) {
        let rampStart = productivity(hiredAtHours: now, now: now)
        staff.technicians[t].rehire(atHours: now, productivity: rampStart)
        staff.presentCount += 1
        if inWindow { measurement.totals.hiringCost += scenario.technicians.hiring.costEur }
        trace?.record(at: now, .hire(extraTechnician: false), technician: t)
        if continuous {
            startContinuousDuty(technician: t)
            dispatch(technician: t)
        } else {
            refreshAvailability(t)   // the fresh state is off duty with empty hands
        }
    }
}
