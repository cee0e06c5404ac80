/// When work can happen: working weekdays, one daily shift, and yearly public holidays.
///
/// Why: the company's people only work during their shift on working days, so service times are
/// measured in *working hours* and a task started on Friday afternoon finishes on Monday (or on
/// Tuesday if Monday is a holiday). The calendar turns "h working hours from t" into a simulated
/// instant and back, and answers "is this working time?" for every event, so every query is
/// O(1) and allocation-free.
///
/// The model:
/// - **Days and years.** Day 0 is Monday of week 1 and day-of-year 1 of year 0. Every year has
///   exactly 365 days (leap days are ignored), so day-of-year is `dayIndex mod 365 + 1` and the
///   weekday of 1 January moves on by one day each year.
/// - **Working weekdays**: a non-empty subset of 0 = Monday … 6 = Sunday.
/// - **One shift per working day**, `[shiftStartHour, shiftStartHour + shiftLengthHours)`, with
///   `0 ≤ start`, `0 < length` and `start + length ≤ 24`. There are no overnight shifts: a shift
///   ends by midnight of the day it starts. Shift starts are working time, shift ends are not.
/// - **Holidays**: day-of-year numbers 1…365 that repeat every year. A holiday is a rest day even
///   if it falls on a working weekday; a holiday on a weekend changes nothing (no "in lieu" days).
/// - **Shifts as stretches of work.** Shift-level queries (`nextShiftStart(after:)`,
///   `endOfCurrentShift(_:)`) treat a shift as a maximal stretch of uninterrupted working time.
///   For the usual partial-day shift that is one working day's shift; with a 24-hour shift
///   (start 0, length 24) consecutive working days join into one shift that runs from midnight
///   after a rest day to midnight before the next rest day.
/// - **Continuous**: `WorkingCalendar.continuous` is 24/7 with no holidays; every instant is
///   working time, `workingHours(from:to:)` is plain elapsed time and the simulator reduces to
///   textbook queues. Any calendar built with all seven weekdays, a 0 + 24 h shift and no
///   holidays *is* the continuous calendar (equal, and `isContinuous`).
///
/// Times passed to queries must satisfy `|t.hours| ≤ WorkingCalendar.maximumHours` (about 114
/// million years); where documented, `SimTime.infinity` ("never") is accepted and maps to
/// `.infinity`. Days before day 0 follow the same periodic pattern.
///
/// ```swift
/// let office = try WorkingCalendar(workingWeekdays: [0, 1, 2, 3, 4], shiftStartHour: 8,
///                                  shiftLengthHours: 7, holidays: [1, 8])
/// let fridayAfternoon = SimTime.days(4) + .hours(13)        // Friday of week 1, 13:00
/// office.isWorkingTime(fridayAfternoon)                     // true
/// let done = office.instant(afterWorkingHours: 5, from: fridayAfternoon)
/// // 2 h on Friday; Monday (day 7, day-of-year 8) is a holiday: 3 h on Tuesday → 11:00
/// done == .days(8) + .hours(11)                             // true
/// office.workingHours(from: fridayAfternoon, to: done)      // 5.0
/// ```
public struct WorkingCalendar: Sendable, Hashable {
    /// Days in every simulated year (leap days are ignored).
    public static let daysPerYear = 365

    /// Largest `|hours|` a query accepts for a finite time: about 114 million years, where a
    /// `Double` still resolves well under a second and day indices fit easily in an `Int`.
    @inlinable public static var maximumHours: Double { 1e12 }

    /// Bit `w` set ⇔ weekday `w` (0 = Monday) is a working weekday.
    @usableFromInline let weekdayMask: UInt8
    /// Hour of day at which each working day's shift starts, in [0, 24).
    public let shiftStartHour: Double
    /// Length of each working day's shift, in hours: in (0, 24].
    public let shiftLengthHours: Double
    /// `shiftStartHour + shiftLengthHours`, at most 24 (no overnight shifts).
    public let shiftEndHour: Double
    @usableFromInline let holidaySet: DayOfYearSet
    /// True for the 24/7 calendar without holidays, where every instant is working time.
    public let isContinuous: Bool
    /// True for a 24-hour shift (start 0, length 24): consecutive working days form one shift.
    @usableFromInline let shiftsJoinAtMidnight: Bool
    let cycle: WorkingDayCycle

    /// 24/7, no shifts, no holidays: every instant is working time.
    public static let continuous = WorkingCalendar(
        validatedWeekdayMask: 0x7F, shiftStartHour: 0, shiftLengthHours: 24, holidays: DayOfYearSet())

    /// Monday to Friday, 08:00 to 15:00 (7 h), no holidays: 35 working hours a week.
    public static let standard = WorkingCalendar(
        validatedWeekdayMask: 0x1F, shiftStartHour: 8, shiftLengthHours: 7, holidays: DayOfYearSet())

    /// A calendar, validated.
    ///
    /// - Parameters:
    ///   - workingWeekdays: 0 = Monday … 6 = Sunday; at least one; duplicates are ignored.
    ///   - shiftStartHour: in [0, 24).
    ///   - shiftLengthHours: in (0, 24] with `shiftStartHour + shiftLengthHours ≤ 24`.
    ///   - holidays: day-of-year numbers in 1…365, repeated every year; duplicates are ignored.
    ///     They may not cover all 365 days (there would be no working time at all). A list that
    ///     leaves no working day in some particular year is accepted: work then resumes in a
    ///     later year, and every query stays O(1).
    /// - Throws: `CalendarError` naming the first offending parameter, its value and the rule.
    public init(
        workingWeekdays: [Int], shiftStartHour: Double, shiftLengthHours: Double, holidays: [Int]
    ) throws(CalendarError) {
        guard !workingWeekdays.isEmpty else {
            throw CalendarError(field: .workingWeekdays, value: "[]",
                                requirement: "name at least one weekday (0 = Monday … 6 = Sunday)")
        }
        var mask: UInt8 = 0
        for weekday in workingWeekdays {
            guard (0...6).contains(weekday) else {
                throw CalendarError(field: .workingWeekdays, value: "\(weekday)",
                                    requirement: "contain weekdays in 0...6 (0 = Monday … 6 = Sunday)")
            }
            mask |= 1 << UInt8(weekday)
        }
        guard shiftStartHour >= 0 && shiftStartHour < 24 else {   // also rejects NaN and ±inf
            throw CalendarError(field: .shiftStartHour, value: "\(shiftStartHour)",
                                requirement: "be in [0, 24) (no overnight shifts)")
        }
        guard shiftLengthHours > 0 && shiftLengthHours <= 24 && shiftStartHour + shiftLengthHours <= 24 else {
            let got = shiftLengthHours > 0 && shiftLengthHours <= 24
                ? "\(shiftLengthHours) with start \(shiftStartHour)" : "\(shiftLengthHours)"
            throw CalendarError(field: .shiftLengthHours, value: got,
                                requirement: "be in (0, 24] with start + length ≤ 24 (no overnight shifts)")
        }
        var holidaySet = DayOfYearSet()
        for day in holidays {
            guard (1...Self.daysPerYear).contains(day) else {
                throw CalendarError(field: .holidays, value: "\(day)",
                                    requirement: "contain days of the year in 1...365")
            }
            holidaySet.insert(day)
        }
        guard holidaySet.count < Self.daysPerYear else {
            throw CalendarError(field: .holidays, value: "all 365 days of the year",
                                requirement: "leave at least one day of the year that is not a holiday")
        }
        self.init(validatedWeekdayMask: mask, shiftStartHour: shiftStartHour,
                  shiftLengthHours: shiftLengthHours, holidays: holidaySet)
    }

    /// Builds from validated parts (the presets and the public initialiser).
    init(validatedWeekdayMask mask: UInt8, shiftStartHour: Double, shiftLengthHours: Double, holidays: DayOfYearSet) {
        weekdayMask = mask
        self.shiftStartHour = shiftStartHour == 0 ? 0 : shiftStartHour   // no -0.0 in descriptions
        self.shiftLengthHours = shiftLengthHours
        shiftEndHour = self.shiftStartHour + shiftLengthHours
        holidaySet = holidays
        shiftsJoinAtMidnight = self.shiftStartHour == 0 && shiftEndHour == 24
        isContinuous = mask == 0x7F && shiftsJoinAtMidnight && holidays.isEmpty
        cycle = WorkingDayCycle { day in
            mask & (1 << UInt8(day % 7)) != 0 && !holidays.contains(day % Self.daysPerYear + 1)
        }
    }

    // Equality and hashing use the defining fields only; the cycle tables are derived from them.
    public static func == (a: WorkingCalendar, b: WorkingCalendar) -> Bool {
        a.weekdayMask == b.weekdayMask && a.shiftStartHour == b.shiftStartHour
            && a.shiftLengthHours == b.shiftLengthHours && a.holidaySet == b.holidaySet
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(weekdayMask)
        hasher.combine(shiftStartHour)
        hasher.combine(shiftLengthHours)
        hasher.combine(holidaySet)
    }
}

extension WorkingCalendar {
    /// The working weekdays, 0 = Monday … 6 = Sunday, in increasing order (allocates).
    public var workingWeekdays: [Int] { (0...6).filter { weekdayMask & (1 << UInt8($0)) != 0 } }

    /// The holidays as days of the year, in increasing order (allocates).
    public var holidays: [Int] { holidaySet.sortedMembers }

    /// Working days in a week, holidays ignored.
    public var workingDaysPerWeek: Int { weekdayMask.nonzeroBitCount }

    /// Nominal working hours in a week, holidays ignored (168 for the continuous calendar).
    public var workingHoursPerWeek: Double { Double(workingDaysPerWeek) * shiftLengthHours }

    /// Average working hours in a 365-day year, holidays included: the exact mean over the
    /// 7-year cycle in which weekdays and days of the year realign.
    public var averageWorkingHoursPerYear: Double {
        Double(cycle.workingDaysPerCycle) * shiftLengthHours / 7
    }
}
