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
        staff.shiftDay = dayIndex
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
        if policy.keyClientTerms.priority == .preemptive { replanMorning() }
        sim.schedule(.shiftEnd, at: .hours(end))
        scheduleNextShiftStart(after: now)
    }

    /// The morning replanning under preemptive priority: key-client orders still waiting once
    /// everyone has picked up their work (orders that came in after yesterday's shift) take
    /// the place of regular work in progress, as an arrival would during the shift. Each
    /// displacement is a preemption (switch penalty, stress).
    mutating func replanMorning() {
        while !backlog.keyQueue.isEmpty, let t = firstTechnicianOnRegularOrder() {
            preempt(technician: t)
            guard staff.technicians[t].order < 0, let next = backlog.keyQueue.popMin() else { break }
            startWork(technician: t, order: Int(next.payload))
        }
    }

    /// In continuous (24/7) mode a present technician is always on duty: from the start, after
    /// a leave, when hired. The caller hands out work (`dispatch`) when some may be waiting.
    mutating func startContinuousDuty(technician t: Int) {
        staff.technicians[t].onDuty = true
        staff.technicians[t].dutyEndsHours = .infinity
        refreshAvailability(t)
    }

    /// The overtime the policy's trigger asks for now, in hours: the key-client work due within
    /// `riskWindowDays` that normal hours cannot finish by its due dates (`keyAtRisk`,
    /// `Backlog.keyWorkAtRisk`), or the open work beyond `backlogThresholdDays` of the present
    /// staff's shifts (`backlog`); 0 when it does not fire.
    mutating func overtimeNeedHours() -> Double {
        switch policy.overtimeTrigger {
        case .never:
            return 0
        case .keyAtRisk:
            let limit = now + SimTime.hours(days: policy.riskWindowDays)
            guard backlog.keyOrderDue(notAfter: limit) else { return 0 }
            return backlog.keyWorkAtRisk(notAfter: limit, now: now, calendar: calendar)
        case .backlog:
            let present = staff.presentCount
            return max(0, backlog.openWorkHours - policy.backlogThresholdDays * Double(max(present, 1)) * shiftHours)
        }
    }

    /// Who is asked first when overtime is needed (0 first; nil: not asked, no work to do).
    /// Technicians holding work at risk (a key order normal hours cannot finish in time) come first, then those next in line for the
    /// waiting work (empty hands: they take it from the queue), then those holding other work.
    /// With the `backlog` trigger all open work is the excess, so anyone holding work comes
    /// first, then those who would take waiting work.
    func overtimeRank(technician t: Int, riskLimit: Double, workWaiting: Bool) -> Int? {
        let o = Int(staff.technicians[t].order)
        switch policy.overtimeTrigger {
        case .never:
            return nil
        case .keyAtRisk:
            if o >= 0 {
                let atRisk = backlog.orders[o].isKey && backlog.orders[o].dueHours <= riskLimit
                    && backlog.shortfall(order: o, now: now, calendar: calendar) > 0
                return atRisk ? 0 : 2
            }
            return workWaiting ? 1 : nil
        case .backlog:
            if o >= 0 { return 0 }
            return workWaiting ? 1 : nil
        }
    }

    func acceptanceProbability(stress: Double) -> Double {
        let overtime = scenario.technicians.overtime
        return overtime.baseAcceptance * exp(-overtime.acceptanceStressSensitivity * stress)
    }

    /// Whether `hours` more of voluntary overtime keep the technician within the annual quota.
    func withinQuota(technician t: Int, hours: Double) -> Bool {
        staff.technicians[t].overtimeHoursThisYear + hours <= scenario.technicians.overtime.annualQuotaHours + 1e-9
    }

    /// The shift ends: overtime sized to need, then everyone else goes home.
    ///
    /// Every slot draws its uniforms first (common random numbers: the same numbers whoever is
    /// asked). Work in hand is credited, so the need is what is really left. Then, while the
    /// need is not covered, technicians are asked in rank order (`overtimeRank`, slot order
    /// within a rank) for an evening extension, each acceptance covering
    /// `eveningExtensionHours`; what the evenings leave is offered as rest-day shifts the
    /// same way (`restDayShiftHours` each). More technicians for the same demand therefore
    /// never mean more overtime: the need shrinks with the backlog, and no one is asked once
    /// it is covered.
    mutating func handleShiftEnd() {
        let overtime = scenario.technicians.overtime
        let extra = overtime.eveningExtensionHours
        // The shift's own day: a shift ending at midnight ends on the next day's clock, after
        // that midnight's day end (which closed the day's hours and stress). It gets no
        // evening extension (that would be night work on the next day's account), and its
        // "tomorrow" is the day after the shift, not the day after that.
        let tomorrow = staff.shiftDay + 1
        let endsAtMidnight = now >= SimTime.hours(days: Double(tomorrow)) - 1e-9
        let restDayTomorrow = !calendar.isWorkingDay(dayIndex: tomorrow)
        for t in staff.technicians.indices {
            staff.technicians[t].eveningDraw = staff.technicians[t].streams.overtime.nextUniform()
            staff.technicians[t].restDayDraw = restDayTomorrow ? staff.technicians[t].streams.overtime.nextUniform() : 1
        }
        for t in staff.technicians.indices where staff.technicians[t].onDuty && !staff.technicians[t].inOvertime {
            pauseWork(technician: t)
        }
        var need = overtimeNeedHours()
        guard need > 0 else {
            sendHome()
            return
        }
        let riskLimit = now + SimTime.hours(days: policy.riskWindowDays)
        if extra > 0, !endsAtMidnight {
            for rank in 0..<3 where need > 0 {
                for t in staff.technicians.indices where need > 0 {
                    guard staff.technicians[t].onDuty, !staff.technicians[t].inOvertime,
                          // Live: an extension started before may have taken the last waiting order.
                          overtimeRank(technician: t, riskLimit: riskLimit, workWaiting: backlog.queuedCount > 0) == rank,
                          staff.technicians[t].hoursToday + extra <= overtime.dailyCapHours + 1e-9,
                          staff.technicians[t].hoursThisWeek + extra <= overtime.weeklyCapHours + 1e-9,
                          withinQuota(technician: t, hours: extra),
                          staff.technicians[t].eveningDraw < acceptanceProbability(stress: staff.technicians[t].stress)
                    else { continue }
                    startEveningExtension(technician: t, hours: extra)
                    need -= extra
                }
            }
        }
        sendHome()
        guard need > 0, policy.restDayOvertime, restDayTomorrow, restDayShiftAllowed(on: tomorrow) else { return }
        let start = SimTime.hours(days: Double(tomorrow)) + scenario.calendar.shiftStartHour
        guard start < horizonHours else { return }
        let hours = min(overtime.restDayShiftHours, overtime.dailyCapHours)
        let workWaiting = backlog.queuedCount > 0
        for rank in 0..<3 where need > 0 {
            for t in staff.technicians.indices where need > 0 {
                let evening = staff.technicians[t].inOvertime ? extra : 0   // paid into the week when it ends
                guard staff.technicians[t].employed, staff.technicians[t].present,
                      staff.technicians[t].restDaysWorkedThisWeek == 0,
                      overtimeRank(technician: t, riskLimit: riskLimit, workWaiting: workWaiting) == rank,
                      staff.technicians[t].hoursThisWeek + evening + hours <= overtime.weeklyCapHours + 1e-9,
                      withinQuota(technician: t, hours: evening + hours),
                      staff.technicians[t].restDayDraw < acceptanceProbability(stress: staff.technicians[t].stress)
                else { continue }
                staff.technicians[t].restDaysWorkedThisWeek += 1   // booked: the weekly rest rule holds
                sim.schedule(.restDayShiftStart(technician: Int32(t)), at: .hours(start))
                need -= hours
            }
        }
    }

    /// A rest-day shift may be worked on `day` only if its week (Monday to Sunday) keeps
    /// another rest day off: with a Monday–Saturday calendar, Sunday is the week's only rest
    /// and is never offered.
    func restDayShiftAllowed(on day: Int) -> Bool {
        let weekStart = day - day % 7
        var restDaysInWeek = 0
        for d in weekStart..<(weekStart + 7) where !calendar.isWorkingDay(dayIndex: d) { restDaysInWeek += 1 }
        return restDaysInWeek >= 2
    }

    /// An evening extension of `hours` starts now: the technician goes on with the order in
    /// hand, or takes the next waiting one.
    mutating func startEveningExtension(technician t: Int, hours: Double) {
        staff.technicians[t].inOvertime = true
        staff.technicians[t].restDayShift = false
        staff.technicians[t].overtimeStartHours = now
        staff.technicians[t].dutyEndsHours = now + hours
        staff.technicians[t].overtimeEnd = sim.scheduleCancellable(.overtimeEnd(technician: Int32(t)), at: .hours(now + hours))
        trace?.record(at: now, .overtime(eveningHours: hours), technician: t)
        if staff.technicians[t].order >= 0 { resumeWork(technician: t) } else { dispatch(technician: t) }
    }

    /// Everyone on duty who is not working overtime goes off duty (work in hand is kept).
    mutating func sendHome() {
        for t in staff.technicians.indices where staff.technicians[t].onDuty && !staff.technicians[t].inOvertime {
            pauseWork(technician: t)
            staff.technicians[t].onDuty = false
            refreshAvailability(t)
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
        staff.technicians[t].overtimeHoursThisYear += hours
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
