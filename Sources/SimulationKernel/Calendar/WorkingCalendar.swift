/// When work can happen: a start date, working weekdays, one daily shift, and public holidays
/// as real dates.
///
/// Why: the company's people only work during their shift on working days, so service times are
/// measured in *working hours* and a task started on Friday afternoon finishes on Monday (or on
/// Tuesday if Monday is Easter Monday). The calendar turns "h working hours from t" into a
/// simulated instant and back, and answers "is this working time?" for every event, so every
/// query is O(1) and allocation-free.
///
/// The model:
/// - **Days.** Day 0 is `startDate`, which must be a Monday: the model's weeks (pay bands, the
///   weekly series) are the 7-day blocks from day 0, so weekday = `dayIndex mod 7`. Day `d` is
///   the civil date `startDate + d days` in the Gregorian calendar, leap days included.
/// - **Working weekdays**: a non-empty subset of 0 = Monday … 6 = Sunday.
/// - **One shift per working day**, `[shiftStartHour, shiftStartHour + shiftLengthHours)`, with
///   `0 ≤ start`, `0 < length` and `start + length ≤ 24`. There are no overnight shifts: a shift
///   ends by midnight of the day it starts. Shift starts are working time, shift ends are not.
/// - **Holidays**: a `PublicHolidays` (a named set whose movable feasts follow Easter, plus extra
///   dates). A holiday is a rest day even if it falls on a working weekday; a holiday on a
///   weekend changes nothing (no "in lieu" days).
/// - **The covered span.** Holidays and working days are computed once, at construction, for
///   the `coveredDays` days from day 0 (rounded up to whole weeks; callers pass at least the
///   horizon plus a margin). Outside it, by rule, the span repeats: day `d` is a working day
///   exactly when day `d mod coveredDays` is. The default span, 28 years of 365.25 days
///   (10,227 days = 1,461 weeks), is the solar cycle after which weekdays and fixed dates
///   realign (within one century), so beyond it only the movable feasts are approximate.
///   Days before day 0 follow the same rule.
/// - **Shifts as stretches of work.** Shift-level queries (`nextShiftStart(after:)`,
///   `endOfCurrentShift(_:)`) treat a shift as a maximal stretch of uninterrupted working time.
///   For the usual partial-day shift that is one working day's shift; with a 24-hour shift
///   (start 0, length 24) consecutive working days join into one shift that runs from midnight
///   after a rest day to midnight before the next rest day.
/// - **Continuous**: `WorkingCalendar.continuous` is 24/7 with no holidays; every instant is
///   working time, `workingHours(from:to:)` is plain elapsed time and the simulator reduces to
///   textbook queues. Any calendar built with all seven weekdays, a 0 + 24 h shift and no
///   holiday in its span *is* the continuous calendar (equal, and `isContinuous`), whatever its
///   start date.
///
/// Times passed to queries must satisfy `|t.hours| ≤ WorkingCalendar.maximumHours` (about 114
/// million years); where documented, `SimTime.infinity` ("never") is accepted and maps to
/// `.infinity`.
///
/// ```swift
/// let office = try WorkingCalendar(workingWeekdays: [0, 1, 2, 3, 4], shiftStartHour: 8,
///                                  shiftLengthHours: 7, startDate: CivilDate(iso: "2027-03-22")!,
///                                  holidays: .france)
/// let fridayAfternoon = SimTime.days(4) + .hours(13)        // Friday 26 March 2027, 13:00
/// office.isWorkingTime(fridayAfternoon)                     // true
/// let done = office.instant(afterWorkingHours: 5, from: fridayAfternoon)
/// // 2 h on Friday; Monday 29 March (day 7) is Easter Monday: 3 h on Tuesday → 11:00
/// done == .days(8) + .hours(11)                             // true
/// office.workingHours(from: fridayAfternoon, to: done)      // 5.0
/// ```
public struct WorkingCalendar: Sendable, Hashable {
    /// Days in a year for averages over a year (`averageWorkingHoursPerYear`): 365, as the
    /// model's months (a twelfth of 365 days) count them.
    public static let daysPerYear = 365

    /// The default covered span: 28 Gregorian years, 1,461 whole weeks.
    public static let defaultCoveredDays = 10_227

    /// The default start date: Monday 4 January 2027.
    public static let defaultStartDate = CivilDate(year: 2027, month: 1, day: 4)!

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
    /// The civil date of day 0 (a Monday).
    public let startDate: CivilDate
    /// The holiday rules the calendar was built from.
    public let publicHolidays: PublicHolidays
    /// Days computed at construction (a multiple of 7); the time line repeats this span.
    public let coveredDays: Int
    /// Bit `o` set ⇔ span offset `o` is a public holiday.
    @usableFromInline let holidayBits: [UInt64]
    /// True for the 24/7 calendar without holidays, where every instant is working time.
    public let isContinuous: Bool
    /// True for a 24-hour shift (start 0, length 24): consecutive working days form one shift.
    @usableFromInline let shiftsJoinAtMidnight: Bool
    let cycle: WorkingDayCycle

    /// 24/7, no shifts, no holidays: every instant is working time.
    public static let continuous = WorkingCalendar(
        validatedWeekdayMask: 0x7F, shiftStartHour: 0, shiftLengthHours: 24, startDate: defaultStartDate,
        holidays: .none, coveredDays: 7)

    /// Monday to Friday, 08:00 to 15:00 (7 h), no holidays: 35 working hours a week.
    public static let standard = WorkingCalendar(
        validatedWeekdayMask: 0x1F, shiftStartHour: 8, shiftLengthHours: 7, startDate: defaultStartDate,
        holidays: .none, coveredDays: 7)

    /// A calendar, validated.
    ///
    /// - Parameters:
    ///   - workingWeekdays: 0 = Monday … 6 = Sunday; at least one; duplicates are ignored.
    ///   - shiftStartHour: in [0, 24).
    ///   - shiftLengthHours: in (0, 24] with `shiftStartHour + shiftLengthHours ≤ 24`.
    ///   - startDate: the date of day 0; must be a Monday.
    ///   - holidays: the public holidays. Extra dates outside the covered span are ignored.
    ///     The span must keep at least one working day (there would be no working time at all).
    ///   - coveredDays: days computed at construction, ≥ 1, rounded up to whole weeks; the
    ///     time line repeats them (see the type's documentation).
    /// - Throws: `CalendarError` naming the first offending parameter, its value and the rule.
    /// - Complexity: O(`coveredDays`), once.
    public init(
        workingWeekdays: [Int], shiftStartHour: Double, shiftLengthHours: Double,
        startDate: CivilDate = WorkingCalendar.defaultStartDate, holidays: PublicHolidays = .none,
        coveredDays: Int = WorkingCalendar.defaultCoveredDays
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
        guard startDate.weekday == 0 else {
            let before = startDate.adding(days: -startDate.weekday), after = before.adding(days: 7)
            throw CalendarError(field: .startDate, value: "\(startDate) (a \(startDate.weekdayName))",
                                requirement: "be a Monday, such as \(before) or \(after)")
        }
        guard coveredDays >= 1 && coveredDays <= 10_000_000 else {
            throw CalendarError(field: .coveredDays, value: "\(coveredDays)", requirement: "be in 1...10000000")
        }
        let calendar = WorkingCalendar(validatedWeekdayMask: mask, shiftStartHour: shiftStartHour,
                                       shiftLengthHours: shiftLengthHours, startDate: startDate,
                                       holidays: holidays, coveredDays: coveredDays)
        guard calendar.cycle.workingDaysPerCycle > 0 else {
            throw CalendarError(field: .holidays, value: "every working weekday of the \(calendar.coveredDays) days from \(startDate)",
                                requirement: "leave at least one working day")
        }
        self = calendar
    }

    /// Builds from validated parts (the presets and the public initialiser).
    init(validatedWeekdayMask mask: UInt8, shiftStartHour: Double, shiftLengthHours: Double, startDate: CivilDate,
         holidays: PublicHolidays, coveredDays: Int) {
        weekdayMask = mask
        self.shiftStartHour = shiftStartHour == 0 ? 0 : shiftStartHour   // no -0.0 in descriptions
        self.shiftLengthHours = shiftLengthHours
        shiftEndHour = self.shiftStartHour + shiftLengthHours
        self.startDate = startDate
        publicHolidays = holidays
        let span = (coveredDays + 6) / 7 * 7
        self.coveredDays = span
        let bits = Self.holidayBits(holidays, from: startDate, days: span)
        holidayBits = bits
        shiftsJoinAtMidnight = self.shiftStartHour == 0 && shiftEndHour == 24
        let noHoliday = bits.allSatisfy { $0 == 0 }
        isContinuous = mask == 0x7F && shiftsJoinAtMidnight && noHoliday
        cycle = WorkingDayCycle(lengthInDays: span) { day in
            mask & (1 << UInt8(day % 7)) != 0 && bits[day >> 6] & (1 << UInt64(day & 63)) == 0
        }
    }

    /// One bit per day of the span, set on the holidays' dates (the set's, year by year, and
    /// the extra dates that fall in the span).
    static func holidayBits(_ holidays: PublicHolidays, from start: CivilDate, days span: Int) -> [UInt64] {
        var bits = [UInt64](repeating: 0, count: (span + 63) / 64)
        func insert(_ date: CivilDate) {
            let offset = date.days(since: start)
            guard offset >= 0 && offset < span else { return }
            bits[offset >> 6] |= 1 << UInt64(offset & 63)
        }
        let lastYear = start.adding(days: span - 1).year
        if holidays.set != .none {
            for year in start.year...lastYear { holidays.setDates(inYear: year).forEach(insert) }
        }
        holidays.extraDates.forEach(insert)
        return bits
    }

    // Equality and hashing use the defining fields only; the tables are derived from them.
    // Continuous calendars are all equal, whatever their start date or span.
    public static func == (a: WorkingCalendar, b: WorkingCalendar) -> Bool {
        if a.isContinuous || b.isContinuous { return a.isContinuous && b.isContinuous }
        return a.weekdayMask == b.weekdayMask && a.shiftStartHour == b.shiftStartHour
            && a.shiftLengthHours == b.shiftLengthHours && a.startDate == b.startDate
            && a.coveredDays == b.coveredDays && a.holidayBits == b.holidayBits
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(isContinuous)
        guard !isContinuous else { return }
        hasher.combine(weekdayMask)
        hasher.combine(shiftStartHour)
        hasher.combine(shiftLengthHours)
        hasher.combine(startDate)
        hasher.combine(coveredDays)
        hasher.combine(holidayBits)
    }
}

extension WorkingCalendar {
    /// The working weekdays, 0 = Monday … 6 = Sunday, in increasing order (allocates).
    public var workingWeekdays: [Int] { (0...6).filter { weekdayMask & (1 << UInt8($0)) != 0 } }

    /// The day indices of the holidays in the covered span, in increasing order (allocates).
    public var holidayDayIndices: [Int] { (0..<coveredDays).filter(isHoliday(dayIndex:)) }

    /// Working days in a week, holidays ignored.
    public var workingDaysPerWeek: Int { weekdayMask.nonzeroBitCount }

    /// Nominal working hours in a week, holidays ignored (168 for the continuous calendar).
    public var workingHoursPerWeek: Double { Double(workingDaysPerWeek) * shiftLengthHours }

    /// Average working hours in a 365-day year, holidays included: the mean over the covered
    /// span.
    public var averageWorkingHoursPerYear: Double {
        Double(cycle.workingDaysPerCycle) * shiftLengthHours * Double(Self.daysPerYear) / Double(coveredDays)
    }
}
