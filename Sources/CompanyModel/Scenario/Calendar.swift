// The `calendar` section of a scenario file, read by ScenarioFile/ScenarioReader+Simulation.swift.

import SimulationKernel

/// The working calendar: `mode` "shifts" (a start date, working weekdays, one daily shift,
/// public holidays as dates) or "continuous" (24/7, for textbook reductions).
public struct CalendarSettings: Sendable, Hashable {
    public enum Mode: String, Sendable, Hashable, CaseIterable { case shifts, continuous }
    public var mode: Mode = .shifts
    /// The date of day 0; a Monday, because the model's weeks are the 7-day blocks from day 0.
    public var startDate: CivilDate = WorkingCalendar.defaultStartDate
    /// 0 = Monday … 6 = Sunday.
    public var workingWeekdays: [Int] = [0, 1, 2, 3, 4]
    public var shiftStartHour: Double = 8
    public var shiftLengthHours: Double = 7
    /// France's eleven public holidays (Code du travail L3133-1), movable feasts included.
    public var holidays: PublicHolidays = .france

    /// When clients place orders: during office hours on working days, or at any time.
    public enum Arrivals: String, Sendable, Hashable, CaseIterable {
        /// A Poisson process running only in office hours on working days (not holidays), at
        /// the rate that gives `ordersPerWeek` in an ordinary week.
        case officeHours
        /// A Poisson process running 24/7 (the only profile of `continuous` mode).
        case anyTime
    }
    /// The arrival profile in `shifts` mode; `continuous` mode always uses `anyTime`.
    public var arrivals: Arrivals = .officeHours
    /// Office hours, when orders arrive with `arrivals: officeHours`: from 08:00 to 18:00, a
    /// judgement (orders placed after the shift wait for the next morning's replanning).
    public var officeStartHour: Double = 8
    public var officeEndHour: Double = 18

    /// The arrival profile in force: `anyTime` in `continuous` mode.
    public var effectiveArrivals: Arrivals { mode == .continuous ? .anyTime : arrivals }

    /// Hours of an ordinary week (no holiday) in which orders arrive: a client's order rate
    /// per arrival hour is its `ordersPerWeek` over these.
    public var arrivalHoursPerWeek: Double {
        switch effectiveArrivals {
        case .anyTime: 168
        case .officeHours: Double(Set(workingWeekdays).count) * (officeEndHour - officeStartHour)
        }
    }

    public init() {}

    /// Days a run's calendar computes: the horizon plus a year and a week, so that every query
    /// a run makes (the next shift after the horizon, a leave that runs past it) falls inside
    /// the span, and at least the kernel's default 28 years.
    static func coveredDays(horizonDays: Double) -> Int {
        max(WorkingCalendar.defaultCoveredDays, Int(horizonDays.rounded(.up)) + 372)
    }

    /// The kernel calendar these settings describe for a run of `horizonDays`; `continuous`
    /// mode gives the 24/7 calendar (no holidays). Nil only for settings the reader refuses.
    public func workingCalendar(horizonDays: Double) -> WorkingCalendar? {
        if mode == .continuous { return .continuous }
        return try? WorkingCalendar(workingWeekdays: workingWeekdays, shiftStartHour: shiftStartHour,
                                    shiftLengthHours: shiftLengthHours, startDate: startDate, holidays: holidays,
                                    coveredDays: Self.coveredDays(horizonDays: horizonDays))
    }

    /// The office calendar orders arrive on with `arrivals: officeHours` (its "shift" is the
    /// office day, its days the working days), or nil for 24/7 arrivals.
    public func officeCalendar(horizonDays: Double) -> WorkingCalendar? {
        guard effectiveArrivals == .officeHours else { return nil }
        return try? WorkingCalendar(workingWeekdays: workingWeekdays, shiftStartHour: officeStartHour,
                                    shiftLengthHours: officeEndHour - officeStartHour, startDate: startDate, holidays: holidays,
                                    coveredDays: Self.coveredDays(horizonDays: horizonDays))
    }
}
