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

    public init() {}
}
