import Testing
import SimulationKernel

/// Hand-worked examples for `WorkingCalendar`. Day 0 is Monday of week 1 and day-of-year 1;
/// the standard shift is 08:00–15:00, Monday to Friday.
@Suite("WorkingCalendar: hand-worked examples")
struct CalendarTests {
    /// The instant `hour`:00 on day `day`.
    static func at(day: Int, hour: Double) -> SimTime { .days(Double(day)) + .hours(hour) }

    let standard = WorkingCalendar.standard

    @Test func standardPreset() {
        #expect(standard.workingWeekdays == [0, 1, 2, 3, 4])
        #expect(standard.shiftStartHour == 8)
        #expect(standard.shiftLengthHours == 7)
        #expect(standard.shiftEndHour == 15)
        #expect(standard.holidays.isEmpty)
        #expect(!standard.isContinuous)
        #expect(standard.workingDaysPerWeek == 5)
        #expect(standard.workingHoursPerWeek == 35)
        #expect(standard.averageWorkingHoursPerYear == 35.0 * 365 / 7)
        #expect(standard.description == "Mon–Fri 08:00–15:00")
    }

    @Test func fridayAfternoonTaskResumesMonday() {
        let friday13 = Self.at(day: 4, hour: 13)
        let done = standard.instant(afterWorkingHours: 5, from: friday13)
        // 2 h on Friday (13–15), 3 h on Monday of week 2 (day 7, 08–11).
        #expect(done == Self.at(day: 7, hour: 11))
        #expect(standard.workingHours(from: friday13, to: done) == 5)
    }

    @Test func fridayAfternoonTaskSkipsMondayHoliday() throws {
        // Monday of week 2 is day 7, day-of-year 8.
        let calendar = try WorkingCalendar(workingWeekdays: [0, 1, 2, 3, 4], shiftStartHour: 8,
                                           shiftLengthHours: 7, holidays: [8])
        #expect(calendar.isHoliday(dayIndex: 7))
        #expect(calendar.isRestDay(dayIndex: 7))
        let friday13 = Self.at(day: 4, hour: 13)
        let done = calendar.instant(afterWorkingHours: 5, from: friday13)
        #expect(done == Self.at(day: 8, hour: 11))   // Tuesday 11:00
        #expect(calendar.workingHours(from: friday13, to: done) == 5)
        #expect(calendar.nextShiftStart(after: friday13) == Self.at(day: 8, hour: 8))
    }

    @Test func shiftBoundaries() {
        let start = Self.at(day: 0, hour: 8), end = Self.at(day: 0, hour: 15)
        #expect(standard.isWorkingTime(start))                  // start is working time
        #expect(!standard.isWorkingTime(end))                   // end is not
        #expect(standard.isWorkingTime(SimTime(hours: end.hours.nextDown)))
        #expect(!standard.isWorkingTime(SimTime(hours: start.hours.nextDown)))
        #expect(standard.shiftStart(dayIndex: 0) == start)
        #expect(standard.shiftEnd(dayIndex: 0) == end)
        #expect(standard.shiftStart(dayIndex: 5) == nil)        // Saturday
        #expect(standard.shiftEnd(dayIndex: 6) == nil)          // Sunday

        #expect(standard.endOfCurrentShift(start) == end)
        #expect(standard.endOfCurrentShift(Self.at(day: 0, hour: 12)) == end)
        #expect(standard.endOfCurrentShift(end) == nil)
        #expect(standard.endOfCurrentShift(Self.at(day: 5, hour: 10)) == nil)

        // nextShiftStart is strictly after t; workResumes accepts t itself.
        #expect(standard.nextShiftStart(after: start) == Self.at(day: 1, hour: 8))
        #expect(standard.nextShiftStart(after: SimTime(hours: start.hours.nextDown)) == start)
        #expect(standard.nextShiftStart(after: .zero) == start)
        #expect(standard.nextShiftStart(after: end) == Self.at(day: 1, hour: 8))
        #expect(standard.workResumes(atOrAfter: start) == start)
        #expect(standard.workResumes(atOrAfter: Self.at(day: 0, hour: 9.5)) == Self.at(day: 0, hour: 9.5))
        #expect(standard.workResumes(atOrAfter: end) == Self.at(day: 1, hour: 8))
        #expect(standard.workResumes(atOrAfter: Self.at(day: 4, hour: 15)) == Self.at(day: 7, hour: 8))
        #expect(standard.workResumes(atOrAfter: Self.at(day: 5, hour: 9)) == Self.at(day: 7, hour: 8))
        #expect(standard.nextShiftStart(after: .infinity) == .infinity)
        #expect(standard.workResumes(atOrAfter: .infinity) == .infinity)
    }

    @Test func instantEdgeCases() {
        let saturday = Self.at(day: 5, hour: 10)
        // Nothing to do is done at once, even outside working time.
        #expect(standard.instant(afterWorkingHours: 0, from: saturday) == saturday)
        // Work that ends exactly at the shift end completes at the shift end.
        #expect(standard.instant(afterWorkingHours: 7, from: Self.at(day: 0, hour: 8)) == Self.at(day: 0, hour: 15))
        #expect(standard.instant(afterWorkingHours: 14, from: Self.at(day: 0, hour: 8)) == Self.at(day: 1, hour: 15))
        // Started outside working time, work begins when it resumes.
        #expect(standard.instant(afterWorkingHours: 1, from: saturday) == Self.at(day: 7, hour: 9))
        #expect(standard.instant(afterWorkingHours: 1, from: Self.at(day: 2, hour: 3)) == Self.at(day: 2, hour: 9))
        // A whole working week from Monday 08:00 ends Friday 15:00.
        #expect(standard.instant(afterWorkingHours: 35, from: Self.at(day: 0, hour: 8)) == Self.at(day: 4, hour: 15))
        #expect(standard.instant(afterWorkingHours: .infinity, from: .zero) == .infinity)
        #expect(standard.instant(afterWorkingHours: 3, from: .infinity) == .infinity)
    }

    @Test func workingHoursAcrossWeekendAndHoliday() throws {
        let friday12 = Self.at(day: 4, hour: 12), tuesday10 = Self.at(day: 8, hour: 10)
        // Fri 12–15 (3 h) + Mon 08–15 (7 h) + Tue 08–10 (2 h).
        #expect(standard.workingHours(from: friday12, to: tuesday10) == 12)
        let withHoliday = try WorkingCalendar(workingWeekdays: [0, 1, 2, 3, 4], shiftStartHour: 8,
                                              shiftLengthHours: 7, holidays: [8])
        #expect(withHoliday.workingHours(from: friday12, to: tuesday10) == 5)
        // Empty and reversed intervals hold no working time; the weekend holds none either.
        #expect(standard.workingHours(from: friday12, to: friday12) == 0)
        #expect(standard.workingHours(from: tuesday10, to: friday12) == 0)
        #expect(standard.workingHours(from: Self.at(day: 4, hour: 15), to: Self.at(day: 7, hour: 8)) == 0)
        #expect(standard.workingHours(from: .zero, to: .infinity) == .infinity)
    }

    @Test func yearWrap() throws {
        let calendar = try WorkingCalendar(workingWeekdays: [0, 1, 2, 3, 4], shiftStartHour: 8,
                                           shiftLengthHours: 7, holidays: [1])
        #expect(calendar.dayOfYear(dayIndex: 0) == 1)
        #expect(calendar.dayOfYear(dayIndex: 364) == 365)
        #expect(calendar.dayOfYear(dayIndex: 365) == 1)
        #expect(calendar.dayOfYear(dayIndex: -1) == 365)
        #expect(calendar.yearIndex(dayIndex: 364) == 0)
        #expect(calendar.yearIndex(dayIndex: 365) == 1)
        #expect(calendar.yearIndex(dayIndex: -1) == -1)
        #expect(calendar.isHoliday(dayIndex: 0) && calendar.isHoliday(dayIndex: 365) && calendar.isHoliday(dayIndex: 730))
        // Day 365 is a Tuesday (365 = 52 × 7 + 1): a holiday on a working weekday.
        #expect(SimTime.days(365).weekday == 1)
        #expect(!calendar.isWorkingDay(dayIndex: 365))
        #expect(calendar.isWorkingDay(dayIndex: 364))   // Monday, day-of-year 365
        // 3 h from Monday 14:00 of day 364: 1 h there, Tuesday is New Year, 2 h on Wednesday.
        let done = calendar.instant(afterWorkingHours: 3, from: Self.at(day: 364, hour: 14))
        #expect(done == Self.at(day: 366, hour: 10))
        #expect(calendar.workingHours(from: Self.at(day: 364, hour: 14), to: done) == 3)
        #expect(calendar.nextWorkingDay(after: 364) == 366)
        #expect(calendar.nextShiftStart(after: Self.at(day: 364, hour: 15)) == Self.at(day: 366, hour: 8))
    }

    @Test func dayCounting() throws {
        #expect(standard.workingDays(fromDay: 0, toDay: 7) == 5)
        #expect(standard.workingDays(fromDay: 3, toDay: 10) == 5)
        #expect(standard.workingDays(fromDay: 5, toDay: 7) == 0)
        #expect(standard.workingDays(fromDay: 7, toDay: 0) == 0)
        #expect(standard.workingDays(fromDay: -7, toDay: 0) == 5)
        #expect(standard.nextWorkingDay(after: 4) == 7)
        #expect(standard.nextWorkingDay(after: -3) == 0)
        // One 7-year cycle (2555 days, 365 weeks) of the standard calendar.
        #expect(standard.workingHours(from: .zero, to: .days(2555)) == 365 * 35)
        let holidays = [1, 100, 200, 359, 360]
        let calendar = try WorkingCalendar(workingWeekdays: [0, 1, 2, 3, 4], shiftStartHour: 8,
                                           shiftLengthHours: 7, holidays: holidays)
        // Over 7 years each day of the year falls on each weekday once: 5 of 7 are working days.
        #expect(calendar.workingDays(fromDay: 0, toDay: 2555) == 1825 - 5 * holidays.count)
        #expect(calendar.workingHours(from: .zero, to: .days(2555)) == calendar.averageWorkingHoursPerYear * 7)
        // A thousand years is as cheap as a day.
        let millennium = calendar.workingHours(from: .days(0.5), to: .days(365_000.5))
        let expected = Double(calendar.workingDays(fromDay: 1, toDay: 365_000)) * 7
        #expect(abs(millennium - expected) < 1e-6)
    }

    @Test func twentyFourHourShiftsJoinAcrossMidnight() throws {
        // Mon–Fri, 24 h a day, Wednesday of week 1 (day-of-year 3) off.
        let calendar = try WorkingCalendar(workingWeekdays: [0, 1, 2, 3, 4], shiftStartHour: 0,
                                           shiftLengthHours: 24, holidays: [3])
        #expect(!calendar.isContinuous)
        #expect(calendar.isWorkingTime(.zero))
        #expect(calendar.endOfCurrentShift(Self.at(day: 0, hour: 10)) == Self.at(day: 2, hour: 0))
        #expect(calendar.nextShiftStart(after: Self.at(day: 0, hour: 10)) == Self.at(day: 3, hour: 0))
        #expect(calendar.endOfCurrentShift(Self.at(day: 3, hour: 0)) == Self.at(day: 5, hour: 0))
        // Midnight between two working days is inside a shift, not a shift start.
        #expect(calendar.nextShiftStart(after: Self.at(day: 3, hour: 0)) == Self.at(day: 7, hour: 0))
        #expect(calendar.nextShiftStart(after: Self.at(day: 5, hour: 12)) == Self.at(day: 7, hour: 0))
        #expect(calendar.workResumes(atOrAfter: Self.at(day: 2, hour: 12)) == Self.at(day: 3, hour: 0))
        #expect(calendar.endOfCurrentShift(Self.at(day: 2, hour: 12)) == nil)
        #expect(calendar.instant(afterWorkingHours: 30, from: Self.at(day: 1, hour: 12)) == Self.at(day: 3, hour: 18))
        // A shift ending at midnight but starting later does not join: each day is its own shift.
        let evenings = try WorkingCalendar(workingWeekdays: [0, 1, 2, 3, 4], shiftStartHour: 18,
                                           shiftLengthHours: 6, holidays: [])
        #expect(evenings.endOfCurrentShift(Self.at(day: 0, hour: 20)) == Self.at(day: 1, hour: 0))
        #expect(!evenings.isWorkingTime(Self.at(day: 1, hour: 0)))
        #expect(evenings.nextShiftStart(after: Self.at(day: 0, hour: 20)) == Self.at(day: 0, hour: 42))
    }

    @Test func aYearWithoutWorkingDays() throws {
        // Mondays only; holidays 1, 8, …, 365 are exactly the Mondays of year 0.
        let holidays = Array(stride(from: 1, through: 365, by: 7))
        let calendar = try WorkingCalendar(workingWeekdays: [0], shiftStartHour: 9,
                                           shiftLengthHours: 8, holidays: holidays)
        #expect(calendar.workingDays(fromDay: 0, toDay: 365) == 0)
        // Year 1 starts on Tuesday; its first Monday is day 371 (day-of-year 7).
        #expect(calendar.nextWorkingDay(after: 0) == 371)
        #expect(calendar.workResumes(atOrAfter: .zero) == Self.at(day: 371, hour: 9))
        #expect(calendar.instant(afterWorkingHours: 10, from: .zero) == Self.at(day: 378, hour: 11))
        #expect(calendar.workingHours(from: .zero, to: Self.at(day: 378, hour: 11)) == 10)
    }

    @Test func equalityIgnoresOrderAndDuplicates() throws {
        let a = try WorkingCalendar(workingWeekdays: [4, 0, 2, 2], shiftStartHour: 9,
                                    shiftLengthHours: 8, holidays: [359, 1, 1])
        let b = try WorkingCalendar(workingWeekdays: [0, 2, 4], shiftStartHour: 9,
                                    shiftLengthHours: 8, holidays: [1, 359])
        #expect(a == b)
        #expect(a.hashValue == b.hashValue)
        #expect(a.workingWeekdays == [0, 2, 4])
        #expect(a.holidays == [1, 359])
        #expect(a.description == "Mon,Wed,Fri 09:00–17:00, holidays [1, 359]")
        #expect(a != WorkingCalendar.standard)
        #expect(Set([a, b, .standard, .continuous]).count == 3)
    }
}
