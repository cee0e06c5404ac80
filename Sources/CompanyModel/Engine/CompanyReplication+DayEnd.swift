import Foundation
import SimulationKernel

/// Day ends: stress, the daily hazards (sick leave, burn-out, resignation), returns from
/// leave, annual leave, daily pay and absence costs; every seventh closes the week (`+WeekEnd`).
///
/// Pay and absence (docs/model.md, "Money"): the salary of a working day is paid to a
/// technician who was present or on annual leave that day; a technician on sick or burn-out
/// leave costs, per calendar day counted in `absence_days`, the disruption cost, and on working
/// days the employer's share of the daily salary (`SickPaySettings`), not the full salary.
extension CompanyReplication {
    mutating func handleDayEnd() {
        let dayIndex = Int(SimTime.days(hours: now).rounded()) - 1   // the day that ends now
        let workingDay = continuous || calendar.isWorkingDay(dayIndex: dayIndex)
        // Plain numbers, read once: copying `scenario.technicians` copied its distributions.
        let stress = scenario.technicians.stress
        let dailySalary = shiftHours * scenario.technicians.hourlyCostEur
        let disruptionCost = scenario.technicians.absenceDisruptionEurPerDay
        let sickPay = scenario.technicians.sickPay
        // An absence counted tonight is tomorrow's (a leave starts and ends at a day end).
        let tomorrow = dayIndex + 1
        let tomorrowWorking = continuous || calendar.isWorkingDay(dayIndex: tomorrow)
        let resignation = (base: scenario.technicians.resignation.baseDailyHazard, sensitivity: scenario.technicians.resignation.stressSensitivity)
        let burnout = (base: scenario.technicians.burnout.baseDailyHazard, sensitivity: scenario.technicians.burnout.stressSensitivity)
        let sickLeave = (base: scenario.technicians.sickLeave.baseDailyHazard, sensitivity: scenario.technicians.sickLeave.stressSensitivity)
        let presentCount = staff.presentCount
        let backlogDaysPerTechnician = backlog.openWorkHours / (Double(max(presentCount, 1)) * shiftHours)
        let backlogExcess = min(stress.backlogPressureCapDays, max(0, backlogDaysPerTechnician - stress.backlogThresholdDays))
        var stressSum = 0.0
        var employedCount = 0

        for t in staff.technicians.indices {
            // Three hazard draws per technician per day, whatever happens (common random
            // numbers), unless every hazard is zero: then no draw can matter, and the hazard
            // streams serve nothing else, so skipping them changes no result.
            let (sickDraw, burnoutDraw, resignDraw) = Self.dailyHazardDraws(drawn: staff.drawsHazards, from: &staff.technicians[t].streams.hazards)
            guard staff.technicians[t].employed else { continue }
            employedCount += 1
            if staff.technicians[t].present {
                let worked = workingDay || staff.technicians[t].workedRestDayToday
                let decay = worked ? stress.decayPerWorkday : stress.decayPerRestDay
                var s = staff.technicians[t].stress * (1 - decay)
                s += stress.perOvertimeHour * staff.technicians[t].overtimeHoursToday
                s += staff.technicians[t].workedRestDayToday ? stress.perRestDayWorked : 0
                s += stress.perPreemption * Double(staff.technicians[t].preemptionsToday)
                s += stress.perAbuseIncident * Double(staff.technicians[t].abuseToday)
                s += workingDay ? stress.perBacklogDay * backlogExcess : 0
                staff.technicians[t].stress = max(0, s)
            } else {
                staff.technicians[t].stress *= 1 - stress.decayPerRestDay
            }
            staff.technicians[t].overtimeHoursToday = 0
            staff.technicians[t].workedRestDayToday = false
            staff.technicians[t].preemptionsToday = 0
            staff.technicians[t].abuseToday = 0
            staff.technicians[t].hoursToday = 0
            // A ramp only rises to 1 and stays there (a hire starts a new one), so a
            // technician at full productivity needs no recomputation.
            if staff.technicians[t].productivity != 1 {
                staff.technicians[t].productivity = productivity(hiredAtHours: staff.technicians[t].hiredAtHours, now: now)
            }
            stressSum += staff.technicians[t].stress

            if inWindow && workingDay && (staff.technicians[t].present || staff.technicians[t].onAnnualLeave) {
                measurement.totals.salary += dailySalary
            }
            if staff.technicians[t].present {
                let s = staff.technicians[t].stress
                if staff.technicians[t].quitsTonight || hazardOccurs(draw: resignDraw, resignation.base, resignation.sensitivity, s) {
                    resign(technician: t)
                    continue
                }
                if hazardOccurs(draw: burnoutDraw, burnout.base, burnout.sensitivity, s) {
                    let days = leaveDays(.burnout, lengths: staff.technicians[t].streams.burnoutLength, day: dayIndex)
                    startLeave(.burnout, technician: t, days: days)
                    if inWindow { measurement.totals.burnouts += 1 }
                } else if hazardOccurs(draw: sickDraw, sickLeave.base, sickLeave.sensitivity, s) {
                    let days = leaveDays(.sickLeave, lengths: staff.technicians[t].streams.sickLength, day: dayIndex)
                    startLeave(.sickLeave, technician: t, days: days)
                    if inWindow { measurement.totals.sickLeaves += 1 }
                }
            } else if staff.technicians[t].onAnnualLeave {
                if workingDay { staff.technicians[t].annualLeaveDaysOwed -= 1 }
                if staff.technicians[t].annualLeaveDaysOwed <= 0 {
                    staff.technicians[t].onAnnualLeave = false
                    staff.technicians[t].present = true
                    staff.presentCount += 1
                    trace?.record(at: now, .back, technician: t)
                }
            } else if staff.technicians[t].leaveEndsHours <= now + 1e-9 {
                staff.technicians[t].present = true
                staff.presentCount += 1
                trace?.record(at: now, .back, technician: t)
                if continuous {
                    startContinuousDuty(technician: t)
                    dispatch(technician: t)
                }
            }
            if let annualLeave {
                staff.technicians[t].annualLeaveDaysOwed += annualLeave.blockDays(slot: t, beginningOn: tomorrow)
                if staff.technicians[t].present && staff.technicians[t].annualLeaveDaysOwed > 0 {
                    startAnnualLeave(technician: t)
                }
            }
            if !staff.technicians[t].present && !staff.technicians[t].onAnnualLeave {
                measurement.week.absentTechnicianDays += 1
                if inWindow {
                    measurement.totals.absenceDays += 1
                    measurement.totals.absenceCost += disruptionCost
                    if tomorrowWorking {
                        let leaveDay = tomorrow - staff.technicians[t].absenceStartDay + 1
                        measurement.totals.absenceCost += dailySalary * sickPay.rate(onLeaveDay: leaveDay)
                    }
                }
            }
        }
        for t in staff.technicians.indices { staff.technicians[t].quitsTonight = false }
        managersDayEnd(dayIndex: dayIndex, workingDay: workingDay, backlogExcess: backlogExcess)
        // The overtime quota's year: 365 days at a time from the start date.
        if (dayIndex + 1) % 365 == 0 {
            for t in staff.technicians.indices { staff.technicians[t].overtimeHoursThisYear = 0 }
        }
        if employedCount > 0 {
            measurement.week.stressSum += stressSum / Double(employedCount)
            measurement.week.stressSamples += 1
            if inWindow {
                measurement.totals.stressSum += stressSum / Double(employedCount)
                measurement.totals.stressSamples += 1
            }
        }
        if workingDay {
            // Hours the present staff could work: technicians on leave are not available, so
            // they must not make the company look idle (and stop replacements) while they are away.
            staff.contractHoursTotal += Double(staff.presentCount) * shiftHours
        }
        market.onTime.begin(day: dayIndex + 1)
        if (dayIndex + 1) % SimTime.daysPerWeek == 0 { closeWeek(index: (dayIndex + 1) / SimTime.daysPerWeek - 1) }
        if now + SimTime.hoursPerDay <= horizonHours { sim.schedule(.dayEnd, at: .hours(now + SimTime.hoursPerDay)) }
        scheduleDecisionIfDue(before: now + SimTime.hoursPerDay)
    }

    /// One person's three hazard uniforms of the day (sick leave, burn-out, resignation), for
    /// technicians and managers alike: always three, whatever happens (common random numbers),
    /// unless every hazard is zero (`Staff.drawsHazards`): then no draw can matter, the hazard
    /// streams serve nothing else, and 1 (never below a probability) changes no result.
    @inline(__always)
    static func dailyHazardDraws(drawn: Bool, from stream: inout RandomStream) -> (sick: Double, burnout: Double, resign: Double) {
        guard drawn else { return (1, 1, 1) }
        let sick = stream.nextUniform()
        let burnout = stream.nextUniform()
        return (sick, burnout, stream.nextUniform())
    }

    /// The length of a leave of `kind` starting on `day`, in days (at least 1), read from the
    /// part of the person's `lengths` stream keyed by that day (`RandomStream.keyed`).
    func leaveDays(_ kind: TraceEvent.Leave, lengths: RandomStream, day: Int) -> Double {
        var part = lengths.keyed(UInt64(day))
        let durations = kind == .burnout ? scenario.technicians.burnout.durationDays : scenario.technicians.sickLeave.durationDays
        return max(1, durations.sample(using: &part))
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

    /// A sick or burn-out leave begins tonight (at a day end), for `days` calendar days.
    mutating func startLeave(_ kind: TraceEvent.Leave, technician t: Int, days: Double) {
        staff.technicians[t].leaveEndsHours = now + SimTime.hours(days: days)
        staff.technicians[t].absenceStartDay = SimTime.dayIndex(ofHours: now)   // midnight: tomorrow
        trace?.record(at: now, .leave(kind, days: days), technician: t)
        stopWorking(technician: t)
    }

    /// Annual leave begins tonight, for the working days owed: the technician is no longer
    /// present (no shift, no overtime offer, no hazard), is paid salary, and is not absent.
    mutating func startAnnualLeave(technician t: Int) {
        staff.technicians[t].onAnnualLeave = true
        trace?.record(at: now, .leave(.annualLeave, days: Double(staff.technicians[t].annualLeaveDaysOwed)), technician: t)
        stopWorking(technician: t)
    }

    /// A present technician leaves work for a while: off duty, any overtime ended and paid, the
    /// order in hand back to the queue.
    mutating func stopWorking(technician t: Int) {
        staff.technicians[t].present = false
        staff.presentCount -= 1
        if staff.technicians[t].onDuty { pauseWork(technician: t) }
        if staff.technicians[t].inOvertime { endOvertime(technician: t) }
        staff.technicians[t].onDuty = false
        refreshAvailability(t)
        returnOrder(technician: t)
    }
}
