import Foundation
import SimulationKernel

/// Day ends: stress, the daily hazards (sick leave, burn-out, resignation), returns from
/// leave, daily pay and absence costs; every seventh closes the week (`+WeekEnd`).
extension CompanyReplication {
    mutating func handleDayEnd() {
        let dayIndex = Int(SimTime.days(hours: now).rounded()) - 1   // the day that ends now
        let workingDay = continuous || calendar.isWorkingDay(dayIndex: dayIndex)
        // Plain numbers, read once: copying `scenario.technicians` copied its distributions.
        let stress = scenario.technicians.stress
        let dailySalary = shiftHours * scenario.technicians.hourlyCostEur
        let absenceCost = scenario.technicians.absenceCostEurPerDay
        let resignation = (base: scenario.technicians.resignation.baseDailyHazard, sensitivity: scenario.technicians.resignation.stressSensitivity)
        let burnout = (base: scenario.technicians.burnout.baseDailyHazard, sensitivity: scenario.technicians.burnout.stressSensitivity)
        let sickLeave = (base: scenario.technicians.sickLeave.baseDailyHazard, sensitivity: scenario.technicians.sickLeave.stressSensitivity)
        let presentCount = presentTechnicianCount
        let backlogDaysPerTechnician = openWorkHours() / (Double(max(presentCount, 1)) * shiftHours)
        let backlogExcess = min(stress.backlogPressureCapDays, max(0, backlogDaysPerTechnician - stress.backlogThresholdDays))
        var stressSum = 0.0
        var employedCount = 0

        for t in technicians.indices {
            // Three hazard draws per technician per day, whatever happens (common random
            // numbers), unless every hazard is zero: then no draw can matter, and the hazard
            // streams serve nothing else, so skipping them changes no result.
            var sickDraw = 1.0, burnoutDraw = 1.0, resignDraw = 1.0
            if drawsHazards {
                sickDraw = hazardStreams[t].nextUniform()
                burnoutDraw = hazardStreams[t].nextUniform()
                resignDraw = hazardStreams[t].nextUniform()
            }
            guard technicians[t].employed else { continue }
            employedCount += 1
            if technicians[t].present {
                let worked = workingDay || technicians[t].workedRestDayToday
                let decay = worked ? stress.decayPerWorkday : stress.decayPerRestDay
                var s = technicians[t].stress * (1 - decay)
                s += stress.perOvertimeHour * technicians[t].overtimeHoursToday
                s += technicians[t].workedRestDayToday ? stress.perRestDayWorked : 0
                s += stress.perPreemption * Double(technicians[t].preemptionsToday)
                s += stress.perAbuseIncident * Double(technicians[t].abuseToday)
                s += workingDay ? stress.perBacklogDay * backlogExcess : 0
                technicians[t].stress = max(0, s)
            } else {
                technicians[t].stress *= 1 - stress.decayPerRestDay
            }
            technicians[t].overtimeHoursToday = 0
            technicians[t].workedRestDayToday = false
            technicians[t].preemptionsToday = 0
            technicians[t].abuseToday = 0
            technicians[t].hoursToday = 0
            // A ramp only rises to 1 and stays there (a hire starts a new one), so a
            // technician at full productivity needs no recomputation.
            if technicians[t].productivity != 1 {
                technicians[t].productivity = productivity(hiredAtHours: technicians[t].hiredAtHours, now: now)
            }
            stressSum += technicians[t].stress

            if inWindow && workingDay { totals.salary += dailySalary }
            if technicians[t].present {
                let s = technicians[t].stress
                if quitsTonight[t] || hazardOccurs(draw: resignDraw, resignation.base, resignation.sensitivity, s) {
                    resign(technician: t)
                    continue
                }
                if hazardOccurs(draw: burnoutDraw, burnout.base, burnout.sensitivity, s) {
                    let days = max(1, scenario.technicians.burnout.durationDays.sample(using: &burnoutLengthStreams[t]))
                    startLeave(.burnout, technician: t, days: days)
                    if inWindow { totals.burnouts += 1 }
                } else if hazardOccurs(draw: sickDraw, sickLeave.base, sickLeave.sensitivity, s) {
                    let days = max(1, scenario.technicians.sickLeave.durationDays.sample(using: &sickLengthStreams[t]))
                    startLeave(.sickLeave, technician: t, days: days)
                    if inWindow { totals.sickLeaves += 1 }
                }
            } else if technicians[t].leaveEndsHours <= now + 1e-9 {
                technicians[t].present = true
                presentTechnicianCount += 1
                trace?.record(at: now, .back, technician: t)
                if continuous {
                    startContinuousDuty(technician: t)
                    dispatch(technician: t)
                }
            }
            if !technicians[t].present {
                week.absentTechnicianDays += 1
                if inWindow {
                    totals.absenceDays += 1
                    totals.absenceCost += absenceCost
                }
            }
        }
        for t in quitsTonight.indices { quitsTonight[t] = false }
        if employedCount > 0 {
            week.stressSum += stressSum / Double(employedCount)
            week.stressSamples += 1
            if inWindow {
                totals.stressSum += stressSum / Double(employedCount)
                totals.stressSamples += 1
            }
        }
        if workingDay {
            // Hours the present staff could work: technicians on leave are not available, so
            // they must not make the company look idle (and stop replacements) while they are away.
            contractHoursTotal += Double(presentTechnicianCount) * shiftHours
        }
        // Clear the delivery counters of the day that now leaves the on-time window.
        let nextDay = dayIndex + 1
        deliveriesByDay[nextDay % deliveriesByDay.count] = 0
        onTimeByDay[nextDay % onTimeByDay.count] = 0
        if (dayIndex + 1) % SimTime.daysPerWeek == 0 { closeWeek(index: (dayIndex + 1) / SimTime.daysPerWeek - 1) }
        if now + SimTime.hoursPerDay <= horizonHours { sim.schedule(.dayEnd, at: .hours(now + SimTime.hoursPerDay)) }
        scheduleDecisionIfDue(before: now + SimTime.hoursPerDay)
    }

    /// Whether a daily hazard strikes: `draw` < p, where p = 1 − e^(−h) is the probability of at
    /// least one event in a day at hazard h = base · e^(sensitivity · stress).
    ///
    /// One `exp` instead of two for the usual draw. Why: the day end asks this three times per
    /// technician per day, and with thousands of technicians the exponentials dominated the
    /// run. p never exceeds h, so a draw above h (with a margin wider than any rounding of
    /// 1 − e^(−h): relative 10^-9, absolute 10^-15) cannot be below p; any other draw gets the
    /// exact comparison, so the outcome is the same bit for bit.
    ///
    /// The zero-hazard test is inlined into the day end's loop (for a scenario without
    /// hazards it is all a technician-day costs here); the rest is an ordinary call.
    @inline(__always)
    func hazardOccurs(draw: Double, _ base: Double, _ sensitivity: Double, _ stress: Double) -> Bool {
        base > 0 && positiveHazardOccurs(draw: draw, base, sensitivity, stress)
    }

    func positiveHazardOccurs(draw: Double, _ base: Double, _ sensitivity: Double, _ stress: Double) -> Bool {
        let hazard = stress == 0 ? base : base * exp(sensitivity * stress)   // e^0 = 1 exactly
        if draw > hazard * (1 + 1e-9) + 1e-15 { return false }
        return draw < 1 - exp(-hazard)
    }

    mutating func startLeave(_ kind: TraceEvent.Leave, technician t: Int, days: Double) {
        technicians[t].present = false
        presentTechnicianCount -= 1
        technicians[t].leaveEndsHours = now + SimTime.hours(days: days)
        trace?.record(at: now, .leave(kind, days: days), technician: t)
        if technicians[t].onDuty { pauseWork(technician: t) }
        if technicians[t].inOvertime { endOvertime(technician: t) }
        technicians[t].onDuty = false
        refreshAvailability(t)
        returnOrder(technician: t)
    }
}
