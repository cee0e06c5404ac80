import Foundation
import SimulationKernel

/// Shifts and voluntary overtime.
extension CompanyReplication {
    /// The next working day's shift start. Day by day, not `nextShiftStart(after:)`: with a
    /// 24-hour shift the calendar joins consecutive days into one stretch, but the model needs
    /// one shift (and one pay day) per working day.
    mutating func scheduleNextShiftStart(after time: Double) {
        let today = SimTime(hours: time).dayIndex   // time may be −1: rounds down
        let day = calendar.nextWorkingDay(after: today)
        guard let next = calendar.shiftStart(dayIndex: day) else { return }
        if next.hours <= horizonHours { sim.schedule(.shiftStart, at: next) }
    }

    mutating func handleShiftStart() {
        let dayIndex = SimTime.dayIndex(ofHours: now)
        let end = calendar.shiftEnd(dayIndex: dayIndex)?.hours ?? (now + shiftHours)
        for t in staff.technicians.indices where staff.technicians[t].employed && staff.technicians[t].present {
            // An evening extension that runs up to this shift (a shift starting at midnight
            // after a 24-hour day) ends here and is paid; clearing the flag alone left its
            // hours unpaid and uncounted, because its own end event then found no overtime.
            if staff.technicians[t].inOvertime { endOvertime(technician: t) }
            staff.technicians[t].onDuty = true
            staff.technicians[t].dutyEndsHours = end
            staff.technicians[t].hoursThisWeek += end - now
            staff.technicians[t].contractHoursThisWeek += end - now
            if inWindow { staff.technicians[t].windowContractHoursThisWeek += end - now }
            staff.technicians[t].hoursToday += end - now
            refreshAvailability(t)
        }
        for t in staff.technicians.indices where staff.technicians[t].onDuty {
            if staff.technicians[t].order >= 0 { resumeWork(technician: t) } else { dispatch(technician: t) }
        }
        sim.schedule(.shiftEnd, at: .hours(end))
        scheduleNextShiftStart(after: now)
    }

    /// In continuous (24/7) mode a present technician is always on duty: from the start, after
    /// a leave, when hired. The caller hands out work (`dispatch`) when some may be waiting.
    mutating func startContinuousDuty(technician t: Int) {
        staff.technicians[t].onDuty = true
        staff.technicians[t].dutyEndsHours = .infinity
        refreshAvailability(t)
    }

    /// Whether the policy's overtime trigger fires now.
    mutating func overtimeTriggered() -> Bool {
        switch policy.overtimeTrigger {
        case .never:
            return false
        case .keyAtRisk:
            return backlog.keyOrderDue(notAfter: now + SimTime.hours(days: policy.riskWindowDays))
        case .backlog:
            let present = staff.presentCount
            return backlog.openWorkHours > policy.backlogThresholdDays * Double(max(present, 1)) * shiftHours
        }
    }

    func acceptanceProbability(stress: Double) -> Double {
        let overtime = scenario.technicians.overtime
        return overtime.baseAcceptance * exp(-overtime.acceptanceStressSensitivity * stress)
    }

    mutating func handleShiftEnd() {
        let triggered = overtimeTriggered()
        let overtime = scenario.technicians.overtime
        let extra = overtime.eveningExtensionHours
        let tomorrow = SimTime.dayIndex(ofHours: now) + 1
        let restDayTomorrow = !calendar.isWorkingDay(dayIndex: tomorrow)
        // Tomorrow may be worked only if the week (Monday to Sunday) keeps another rest day off:
        // with a Monday–Saturday calendar, Sunday is the week's only rest and is never offered.
        let weekStart = tomorrow - tomorrow % 7
        var restDaysInWeek = 0
        if restDayTomorrow {
            for day in weekStart..<(weekStart + 7) where !calendar.isWorkingDay(dayIndex: day) { restDaysInWeek += 1 }
        }
        let workWaiting = backlog.queuedCount > 0
        for t in staff.technicians.indices {
            // Fixed draws per technician and shift end, used or not (common random numbers).
            let eveningDraw = staff.technicians[t].streams.overtime.nextUniform()
            let restDayDraw = restDayTomorrow ? staff.technicians[t].streams.overtime.nextUniform() : 1
            guard staff.technicians[t].onDuty, !staff.technicians[t].inOvertime else { continue }
            let hasWork = staff.technicians[t].order >= 0 || workWaiting
            var eveningHours = 0.0
            if triggered, hasWork, extra > 0,
               staff.technicians[t].hoursToday + extra <= overtime.dailyCapHours + 1e-9,
               staff.technicians[t].hoursThisWeek + extra <= overtime.weeklyCapHours + 1e-9,
               eveningDraw < acceptanceProbability(stress: staff.technicians[t].stress) {
                eveningHours = extra
                if staff.technicians[t].order >= 0, pauseWork(technician: t) { /* finished exactly at shift end */ }
                staff.technicians[t].inOvertime = true
                staff.technicians[t].restDayShift = false
                staff.technicians[t].overtimeStartHours = now
                staff.technicians[t].dutyEndsHours = now + extra
                staff.technicians[t].overtimeEnd = sim.scheduleCancellable(.overtimeEnd(technician: Int32(t)), at: .hours(now + extra))
                trace?.record(at: now, .overtime(eveningHours: extra), technician: t)
                if staff.technicians[t].order >= 0 { resumeWork(technician: t) } else { dispatch(technician: t) }
            } else {
                pauseWork(technician: t)
                staff.technicians[t].onDuty = false
                refreshAvailability(t)
            }
            if triggered, policy.restDayOvertime, restDayTomorrow, staff.technicians[t].employed, staff.technicians[t].present,
               staff.technicians[t].restDaysWorkedThisWeek == 0, restDaysInWeek >= 2,
               // This evening's extension counts too: it is paid into the week when it ends.
               staff.technicians[t].hoursThisWeek + eveningHours + overtime.restDayShiftHours <= overtime.weeklyCapHours + 1e-9,
               restDayDraw < acceptanceProbability(stress: staff.technicians[t].stress) {
                let start = SimTime.hours(days: Double(tomorrow)) + scenario.calendar.shiftStartHour
                if start < horizonHours {
                    staff.technicians[t].restDaysWorkedThisWeek += 1   // booked: the weekly rest rule holds
                    sim.schedule(.restDayShiftStart(technician: Int32(t)), at: .hours(start))
                }
            }
        }
    }

    mutating func startRestDayShift(technician t: Int) {
        // Never longer than the daily cap.
        let hours = min(scenario.technicians.overtime.restDayShiftHours, scenario.technicians.overtime.dailyCapHours)
        guard staff.technicians[t].employed, staff.technicians[t].present, !staff.technicians[t].onDuty,
              staff.technicians[t].hoursThisWeek + hours <= scenario.technicians.overtime.weeklyCapHours + 1e-9 else { return }
        staff.technicians[t].onDuty = true
        staff.technicians[t].inOvertime = true
        staff.technicians[t].restDayShift = true
        refreshAvailability(t)
        staff.technicians[t].overtimeStartHours = now
        staff.technicians[t].dutyEndsHours = now + hours
        staff.technicians[t].overtimeEnd = sim.scheduleCancellable(.overtimeEnd(technician: Int32(t)), at: .hours(now + hours))
        trace?.record(at: now, .restDayShift, technician: t)
        if staff.technicians[t].order >= 0 { resumeWork(technician: t) } else { dispatch(technician: t) }
    }

    /// Ends an evening extension or rest-day shift (at its scheduled end, or early when there
    /// is no work left) and pays it.
    mutating func endOvertime(technician t: Int) {
        guard staff.technicians[t].inOvertime else { return }
        if let handle = staff.technicians[t].overtimeEnd { sim.cancel(handle) }
        staff.technicians[t].overtimeEnd = nil
        pauseWork(technician: t)
        let hours = now - staff.technicians[t].overtimeStartHours
        staff.technicians[t].inOvertime = false
        staff.technicians[t].onDuty = false
        refreshAvailability(t)
        guard hours > 0 else { return }
        let dayIndex = SimTime.dayIndex(ofHours: staff.technicians[t].overtimeStartHours)
        let pay = overtimeBasePay(hours: hours, dayIndex: dayIndex, restDay: staff.technicians[t].restDayShift)
        staff.technicians[t].hoursThisWeek += hours
        staff.technicians[t].overtimeHoursThisWeek += hours
        staff.technicians[t].hoursToday += hours
        staff.technicians[t].overtimeHoursToday += hours
        measurement.week.overtimeHours += hours
        if staff.technicians[t].restDayShift { staff.technicians[t].workedRestDayToday = true }
        if inWindow {
            staff.technicians[t].windowOvertimeHoursThisWeek += hours
            measurement.totals.overtimeHours += hours
            measurement.totals.overtimePay += pay
            if staff.technicians[t].restDayShift { measurement.totals.restDaysWorked += 1 }
        }
        trace?.record(at: now, .overtimeEnd(hours: hours), technician: t)
    }

    /// Pay for overtime hours when they are worked: the hourly cost plus the weekend or
    /// holiday premium. The weekly band premiums are settled at the week's end
    /// (`bandPremium(weeklyHours:)`), when the week's total is known.
    func overtimeBasePay(hours: Double, dayIndex: Int, restDay: Bool) -> Double {
        let overtime = scenario.technicians.overtime
        var dayPremium = 0.0
        if calendar.isHoliday(dayIndex: dayIndex) { dayPremium = overtime.holidayPremium }
        else if restDay { dayPremium = overtime.weekendPremium }
        return hours * (1 + dayPremium) * scenario.technicians.hourlyCostEur
    }

    /// The band premiums of one technician's week of `weeklyHours` hours worked (contract and
    /// overtime together): each hour beyond a band's threshold earns that band's premium
    /// (Code du travail: +25 % from the 36th hour, +50 % from the 44th), whether it is a
    /// contract hour or an overtime hour. A 39 h contract (7.8 h × 5) thus earns 4 h × 25 %
    /// every week, the structural overtime of L3121-36; a week with a holiday (31.2 h) earns
    /// none. The week's premium is split at its contract hours C: `bandPremium(C)` is the
    /// structural part, charged with the salaries; the rest, `bandPremium(C + O) − bandPremium(C)`,
    /// is the overtime's (with C ≤ 35 the structural part is 0 and the overtime part is the
    /// premium of [C, C + O], as before this split).
    func bandPremium(weeklyHours: Double) -> Double {
        guard weeklyHours > 0 else { return 0 }
        let bands = scenario.technicians.overtime.premiumBands
        var premiumHours = 0.0
        // Segments [bandᵢ, bandᵢ₊₁) at premiumᵢ; indices rather than a new array (no allocation).
        for i in bands.indices {
            let segmentStart = bands[i].fromWeeklyHours
            let segmentEnd = i + 1 < bands.count ? bands[i + 1].fromWeeklyHours : .infinity
            let covered = min(weeklyHours, segmentEnd) - segmentStart
            if covered > 0 { premiumHours += covered * bands[i].premium }
        }
        return premiumHours * scenario.technicians.hourlyCostEur
    }
}
