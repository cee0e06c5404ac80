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
}
