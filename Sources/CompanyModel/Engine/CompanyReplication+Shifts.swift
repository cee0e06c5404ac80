import Foundation
import SimulationKernel

/// Shifts and voluntary overtime.
extension CompanyReplication {
    mutating func scheduleNextShiftStart(after time: Double) {
        let next = calendar.nextShiftStart(after: SimTime(hours: time))
        if next.hours <= horizonHours { sim.schedule(.shiftStart, at: next) }
    }

    mutating func handleShiftStart() {
        let dayIndex = Int(now / 24)
        let end = calendar.shiftEnd(dayIndex: dayIndex)?.hours ?? (now + shiftHours)
        for t in technicians.indices where technicians[t].employed && technicians[t].present {
            technicians[t].onDuty = true
            technicians[t].inOvertime = false
            technicians[t].dutyEndsHours = end
            technicians[t].hoursThisWeek += end - now
            technicians[t].hoursToday += end - now
        }
        for t in technicians.indices where technicians[t].onDuty {
            if technicians[t].order >= 0 { resumeWork(technician: t) } else { dispatch(technician: t) }
        }
        sim.schedule(.shiftEnd, at: .hours(end))
        scheduleNextShiftStart(after: now)
    }

    /// Whether the policy's overtime trigger fires now.
    func overtimeTriggered() -> Bool {
        switch policy.overtimeTrigger {
        case .never:
            return false
        case .keyAtRisk:
            let limit = now + policy.riskWindowDays * 24
            // Only open key-client orders matter; the scan is per shift end, not per event.
            // Delivered orders keep their slot with no work left, so they never count.
            for o in orders.indices where orders[o].isKey && orders[o].remainingHours > 0 && orders[o].dueHours <= limit {
                return true
            }
            return false
        case .backlog:
            let present = technicians.filter { $0.employed && $0.present }.count
            return openWorkHours() > policy.backlogThresholdDays * Double(max(present, 1)) * shiftHours
        }
    }

    /// Remaining work of all open orders, in technician-hours.
    func openWorkHours() -> Double {
        var total = 0.0
        for o in orders.indices where orders[o].remainingHours > 0 { total += orders[o].remainingHours }
        return total
    }

    func acceptanceProbability(stress: Double) -> Double {
        let overtime = scenario.technicians.overtime
        return overtime.baseAcceptance * exp(-overtime.acceptanceStressSensitivity * stress)
    }

    mutating func handleShiftEnd() {
        let triggered = overtimeTriggered()
        let overtime = scenario.technicians.overtime
        let extra = overtime.eveningExtensionHours
        let tomorrow = Int(now / 24) + 1
        let restDayTomorrow = !calendar.isWorkingDay(dayIndex: tomorrow)
        let workWaiting = queuedOrders > 0
        for t in technicians.indices {
            // Fixed draws per technician and shift end, used or not (common random numbers).
            let eveningDraw = overtimeStreams[t].nextUniform()
            let restDayDraw = restDayTomorrow ? overtimeStreams[t].nextUniform() : 1
            guard technicians[t].onDuty, !technicians[t].inOvertime else { continue }
            let hasWork = technicians[t].order >= 0 || workWaiting
            let accept = acceptanceProbability(stress: technicians[t].stress)
            var eveningHours = 0.0
            if triggered, hasWork, extra > 0,
               technicians[t].hoursToday + extra <= overtime.dailyCapHours + 1e-9,
               technicians[t].hoursThisWeek + extra <= overtime.weeklyCapHours + 1e-9,
               eveningDraw < accept {
                eveningHours = extra
                if technicians[t].order >= 0, pauseWork(technician: t) { /* finished exactly at shift end */ }
                technicians[t].inOvertime = true
                technicians[t].restDayShift = false
                technicians[t].overtimeStartHours = now
                technicians[t].dutyEndsHours = now + extra
                overtimeEndHandles[t] = sim.scheduleCancellable(.overtimeEnd(technician: Int32(t)), at: .hours(now + extra))
                record("overtime", technician: t, details: "evening \(extra.formatted2)h")
                if technicians[t].order >= 0 { resumeWork(technician: t) } else { dispatch(technician: t) }
            } else {
                pauseWork(technician: t)
                technicians[t].onDuty = false
            }
            if triggered, policy.restDayOvertime, restDayTomorrow, technicians[t].employed, technicians[t].present,
               technicians[t].restDaysWorkedThisWeek == 0,
               // This evening's extension counts too: it is paid into the week when it ends.
               technicians[t].hoursThisWeek + eveningHours + overtime.restDayShiftHours <= overtime.weeklyCapHours + 1e-9,
               restDayDraw < accept {
                let start = Double(tomorrow) * 24 + scenario.calendar.shiftStartHour
                if start < horizonHours {
                    technicians[t].restDaysWorkedThisWeek += 1   // booked: the weekly rest rule holds
                    sim.schedule(.restDayShiftStart(technician: Int32(t)), at: .hours(start))
                }
            }
        }
    }

    mutating func startRestDayShift(technician t: Int) {
        let hours = scenario.technicians.overtime.restDayShiftHours
        guard technicians[t].employed, technicians[t].present, !technicians[t].onDuty,
              technicians[t].hoursThisWeek + hours <= scenario.technicians.overtime.weeklyCapHours + 1e-9 else { return }
        technicians[t].onDuty = true
        technicians[t].inOvertime = true
        technicians[t].restDayShift = true
        technicians[t].overtimeStartHours = now
        technicians[t].dutyEndsHours = now + hours
        overtimeEndHandles[t] = sim.scheduleCancellable(.overtimeEnd(technician: Int32(t)), at: .hours(now + hours))
        record("rest-day shift", technician: t)
        if technicians[t].order >= 0 { resumeWork(technician: t) } else { dispatch(technician: t) }
    }

    /// Ends an evening extension or rest-day shift (at its scheduled end, or early when there
    /// is no work left) and pays it.
    mutating func endOvertime(technician t: Int) {
        guard technicians[t].inOvertime else { return }
        if let handle = overtimeEndHandles[t] { sim.cancel(handle) }
        overtimeEndHandles[t] = nil
        pauseWork(technician: t)
        let hours = now - technicians[t].overtimeStartHours
        technicians[t].inOvertime = false
        technicians[t].onDuty = false
        guard hours > 0 else { return }
        let dayIndex = Int(technicians[t].overtimeStartHours / 24)
        let pay = overtimePay(hours: hours, weekHoursBefore: technicians[t].hoursThisWeek, dayIndex: dayIndex,
                              restDay: technicians[t].restDayShift)
        technicians[t].hoursThisWeek += hours
        technicians[t].hoursToday += hours
        technicians[t].overtimeHoursToday += hours
        week.overtimeHours += hours
        if technicians[t].restDayShift { technicians[t].workedRestDayToday = true }
        if inWindow {
            totals.overtimeHours += hours
            totals.overtimePay += pay
            if technicians[t].restDayShift { totals.restDaysWorked += 1 }
        }
        record("overtime end", technician: t, details: "\(hours.formatted2)h")
    }

    /// Pay for `hours` of overtime that start after `weekHoursBefore` hours this week: each hour
    /// at 1 + the premium of its weekly band, plus the weekend or holiday premium.
    func overtimePay(hours: Double, weekHoursBefore: Double, dayIndex: Int, restDay: Bool) -> Double {
        let overtime = scenario.technicians.overtime
        var dayPremium = 0.0
        if calendar.isHoliday(dayIndex: dayIndex) { dayPremium = overtime.holidayPremium }
        else if restDay { dayPremium = overtime.weekendPremium }
        // Segments of the week: [0, band₀) at no premium, then [bandᵢ, bandᵢ₊₁) at premiumᵢ.
        let from = weekHoursBefore, to = weekHoursBefore + hours
        let bands = overtime.premiumBands
        var pay = 0.0
        var segmentStart = 0.0
        var premium = 0.0
        for band in bands + [PremiumBand(fromWeeklyHours: .infinity, premium: 0)] {
            let segmentEnd = band.fromWeeklyHours
            let covered = min(to, segmentEnd) - max(from, segmentStart)
            if covered > 0 { pay += covered * (1 + premium + dayPremium) }
            segmentStart = segmentEnd
            premium = band.premium
        }
        return pay * scenario.technicians.hourlyCostEur
    }
}
