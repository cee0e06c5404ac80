import SimulationKernel

/// Staffing: resignations, the rule that decides whether to replace, and hires.
extension CompanyReplication {
    mutating func resign(technician t: Int) {
        if technicians[t].inOvertime { endOvertime(technician: t) }
        if technicians[t].onDuty { pauseWork(technician: t) }
        technicians[t].onDuty = false
        refreshAvailability(t)
        returnOrder(technician: t)
        technicians[t].employed = false
        technicians[t].present = false
        presentTechnicianCount -= 1
        if inWindow { totals.resignations += 1 }
        let utilisation = recentUtilisation()
        // Replace when the remaining staff is busy, or when open work already exceeds a week of
        // their shifts (a backlog the smaller team cannot absorb).
        let present = Double(max(presentTechnicianCount, 1))
        let overloaded = openWorkHours() > present * shiftHours * 5
        let replace = utilisation >= scenario.technicians.hiring.replaceAboveUtilisation || overloaded
        trace?.record(at: now, .resign(utilisation: utilisation, replaced: replace), technician: t)
        if replace {
            let at = now + SimTime.hours(days: scenario.technicians.hiring.delayDays)
            if at <= horizonHours { sim.schedule(.hire(technician: Int32(t)), at: .hours(at)) }
        }
    }

    /// Busy hours over contract hours in the last 8 weeks (or since the start).
    func recentUtilisation() -> Double {
        let base = weeklySnapshots.count >= 8 ? weeklySnapshots[weeklySnapshots.count - 8] : (busy: 0.0, contract: 0.0)
        let contract = contractHoursTotal - base.contract
        guard contract > 0 else { return 1 }
        return (busyHoursTotal - base.busy) / contract
    }

    mutating func handleHire(technician t: Int) {
        let stint = technicians[t].stint
        technicians[t] = TechnicianState()
        technicians[t].stint = stint   // an event of the predecessor's stints never matches
        presentTechnicianCount += 1
        technicians[t].hiredAtHours = now
        technicians[t].productivity = productivity(hiredAtHours: now, now: now)
        if inWindow { totals.hiringCost += scenario.technicians.hiring.costEur }
        trace?.record(at: now, .hire(extraTechnician: false), technician: t)
        if continuous {
            startContinuousDuty(technician: t)
            dispatch(technician: t)
        } else {
            refreshAvailability(t)   // the fresh state is off duty with empty hands
        }
    }
}
