// The `calendar` section of a scenario file, read by ScenarioFile/ScenarioReader+Simulation.swift.

/// The working calendar: `mode` "shifts" (working weekdays, one daily shift, holidays) or
/// "continuous" (24/7, for textbook reductions).
public struct CalendarSettings: Sendable, Hashable {
    public enum Mode: String, Sendable, Hashable, CaseIterable { case shifts, continuous }
    public var mode: Mode = .shifts
    /// 0 = Monday … 6 = Sunday.
    public var workingWeekdays: [Int] = [0, 1, 2, 3, 4]
    public var shiftStartHour: Double = 8
    public var shiftLengthHours: Double = 7
    /// Day-of-year numbers (1…365) of public holidays, repeating yearly. Default: France's
    /// fixed-date holidays (1 Jan, 1 May, 8 May, 14 Jul, 15 Aug, 1 Nov, 11 Nov, 25 Dec).
    public var holidays: [Int] = [1, 121, 128, 195, 227, 305, 315, 359]

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
}
