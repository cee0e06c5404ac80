import Foundation
import SimulationKernel

/// Account managers and the production manager: their day end (stress, hazards, pay), the
/// key client's abuse and meetings that reach them, resignations and replacements.
///
/// The rules (docs/model.md, "Account managers and the production manager"):
/// - **Abuse.** A late key-client order ends in abuse with the usual probability p; the
///   incident lands on the technician who delivered it with probability
///   `technicianShareOfAbuse`, otherwise on the key client's account manager — the first
///   present account manager, or the production manager when none is present, or the
///   technician when no manager is. The order's one abuse uniform decides both (u < p·share:
///   the technician; p·share ≤ u < p: the manager), so no draw is added.
/// - **Meetings.** An escalation meeting's `meetingManagerHours` are shared equally by the key
///   client's account manager and the production manager (those present); each hour adds
///   `stressPerMeetingHour`.
/// - **Pay.** Their salaries are the same under every policy, a fixed cost that belongs to the
///   firm's overheads (`money.overheadsEurPerMonth`), so they are not charged again; what a
///   policy changes is charged: the disruption cost of each day of their leave
///   (`technicians.absenceDisruptionEurPerDay`) and the hiring cost of a replacement.
/// - **Stress and hazards** follow the technicians' rules and parameters, with abuse, meeting
///   hours and the backlog as the increments; a resignation is always replaced, after the
///   technicians' hiring delay, at their hiring cost.
extension CompanyReplication {
    /// The manager the key client reaches: its account manager, or nil when no manager is present.
    func keyClientManager() -> Int? {
        var production: Int?
        for m in staff.managers.indices where staff.managers[m].present {
            if staff.managers[m].role == .accountManager { return m }
            production = production ?? m
        }
        return production
    }

    func managerID(_ m: Int) -> TraceEvent.ManagerID {
        TraceEvent.ManagerID(isProductionManager: staff.managers[m].role == .productionManager, accountManager: m)
    }

    /// An abuse incident lands on manager `m`; `quits` when the order's quit draw says so.
    mutating func abuseManager(_ m: Int, quits: Bool, order o: Int, client c: Int) {
        staff.managers[m].abuseToday += 1
        if inWindow, staff.managers[m].role == .accountManager { measurement.totals.accountManagerAbuse += 1 }
        trace?.record(at: now, .managerAbuse(who: managerID(m)), order: o, client: c)
        if quits { staff.managers[m].quitsTonight = true }
    }

    /// The managers' share of an escalation meeting of `hours` manager-hours.
    mutating func managersAttendMeeting(hours: Double) {
        guard hours > 0, !staff.managers.isEmpty else { return }
        let account = keyClientManager().flatMap { staff.managers[$0].role == .accountManager ? $0 : nil }
        var production: Int?
        for m in staff.managers.indices where staff.managers[m].present && staff.managers[m].role == .productionManager {
            production = m
        }
        let attendees = (account == nil ? 0 : 1) + (production == nil ? 0 : 1)
        guard attendees > 0 else { return }
        let share = hours / Double(attendees)
        if let m = account {
            staff.managers[m].meetingHoursToday += share
            if inWindow { measurement.totals.accountManagerMeetingHours += share }
        }
        if let m = production { staff.managers[m].meetingHoursToday += share }
    }

    /// The managers' part of the day end: stress, pay, hazards, returns and absences. Three
    /// hazard uniforms per slot per day, whatever happens (as for technicians).
    mutating func managersDayEnd(dayIndex: Int, workingDay: Bool, backlogExcess: Double) {
        guard !staff.managers.isEmpty else { return }
        let stress = scenario.technicians.stress
        let perMeetingHour = scenario.managers.stressPerMeetingHour
        let disruptionCost = scenario.technicians.absenceDisruptionEurPerDay
        let technicians = scenario.technicians
        var accountStress = 0.0, accountCount = 0, productionStress = 0.0, productionCount = 0
        for m in staff.managers.indices {
            let (sickDraw, burnoutDraw, resignDraw) = Self.dailyHazardDraws(drawn: staff.drawsHazards, from: &staff.managers[m].streams.hazards)
            guard staff.managers[m].employed else { continue }
            if staff.managers[m].present {
                var s = staff.managers[m].stress * (1 - (workingDay ? stress.decayPerWorkday : stress.decayPerRestDay))
                s += stress.perAbuseIncident * Double(staff.managers[m].abuseToday)
                s += perMeetingHour * staff.managers[m].meetingHoursToday
                s += workingDay ? stress.perBacklogDay * backlogExcess : 0
                staff.managers[m].stress = max(0, s)
            } else {
                staff.managers[m].stress *= 1 - stress.decayPerRestDay
            }
            staff.managers[m].abuseToday = 0
            staff.managers[m].meetingHoursToday = 0
            if staff.managers[m].role == .accountManager {
                accountStress += staff.managers[m].stress
                accountCount += 1
            } else {
                productionStress += staff.managers[m].stress
                productionCount += 1
            }
            if staff.managers[m].present {
                let s = staff.managers[m].stress
                let quits = staff.managers[m].quitsTonight
                staff.managers[m].quitsTonight = false
                if quits || hazardOccurs(draw: resignDraw, technicians.resignation.baseDailyHazard,
                                         technicians.resignation.stressSensitivity, s) {
                    resignManager(m)
                    continue
                }
                if hazardOccurs(draw: burnoutDraw, technicians.burnout.baseDailyHazard, technicians.burnout.stressSensitivity, s) {
                    startManagerLeave(m, .burnout, days: leaveDays(.burnout, lengths: staff.managers[m].streams.burnoutLength, day: dayIndex))
                    if inWindow, staff.managers[m].role == .accountManager { measurement.totals.accountManagerBurnouts += 1 }
                } else if hazardOccurs(draw: sickDraw, technicians.sickLeave.baseDailyHazard,
                                       technicians.sickLeave.stressSensitivity, s) {
                    startManagerLeave(m, .sickLeave, days: leaveDays(.sickLeave, lengths: staff.managers[m].streams.sickLength, day: dayIndex))
                }
            } else if staff.managers[m].leaveEndsHours <= now + 1e-9 {
                staff.managers[m].present = true
                trace?.record(at: now, .managerBack(who: managerID(m)))
            }
            if !staff.managers[m].present && inWindow {
                measurement.totals.absenceCost += disruptionCost
                if staff.managers[m].role == .accountManager { measurement.totals.accountManagerAbsenceDays += 1 }
            }
        }
        if inWindow {
            if accountCount > 0 {
                measurement.totals.accountManagerStressSum += accountStress / Double(accountCount)
                measurement.totals.accountManagerStressSamples += 1
            }
            if productionCount > 0 {
                measurement.totals.productionManagerStressSum += productionStress / Double(productionCount)
                measurement.totals.productionManagerStressSamples += 1
            }
        }
    }

    mutating func startManagerLeave(_ m: Int, _ kind: TraceEvent.Leave, days: Double) {
        staff.managers[m].present = false
        staff.managers[m].leaveEndsHours = now + SimTime.hours(days: days)
        trace?.record(at: now, .managerLeave(kind, days: days, who: managerID(m)))
    }

    /// A manager resigns; the replacement comes after the technicians' hiring delay.
    mutating func resignManager(_ m: Int) {
        staff.managers[m].employed = false
        staff.managers[m].present = false
        if inWindow, staff.managers[m].role == .accountManager { measurement.totals.accountManagerResignations += 1 }
        trace?.record(at: now, .managerResign(who: managerID(m)))
        let at = now + SimTime.hours(days: scenario.technicians.hiring.delayDays)
        if at <= horizonHours { sim.schedule(.managerHire(manager: Int32(m)), at: .hours(at)) }
    }

    mutating func handleManagerHire(manager m: Int) {
        staff.managers[m] = Manager(role: staff.managers[m].role, streams: staff.managers[m].streams)
        if inWindow { measurement.totals.hiringCost += scenario.technicians.hiring.costEur }
        trace?.record(at: now, .managerHire(who: managerID(m)))
    }
}
