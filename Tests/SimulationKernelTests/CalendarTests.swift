import Testing
import SimulationKernel

/// Hand-worked examples for `WorkingCalendar`. Day 0 is Monday 4 January 2027 unless a test
/// says otherwise; the standard shift is 08:00–15:00, Monday to Friday.
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
        #expect(standard.holidayDayIndices.isEmpty)
        #expect(!standard.isContinuous)
        #expect(standard.workingDaysPerWeek == 5)
        #expect(standard.workingHoursPerWeek == 35)
        #expect(standard.averageWorkingHoursPerYear == 35.0 * 365 / 7)
        #expect(standard.description == "Mon–Fri 08:00–15:00 from 2027-01-04")
    }

    @Test func fridayAfternoonTaskResumesMonday() {
        let friday13 = Self.at(day: 4, hour: 13)
        let done = standard.instant(afterWorkingHours: 5, from: friday13)
        // 2 h on Friday (13–15), 3 h on Monday of week 2 (day 7, 08–11).
        #expect(done == Self.at(day: 7, hour: 11))
        #expect(standard.workingHours(from: friday13, to: done) == 5)
    }

    @Test func fridayAfternoonTaskSkipsMondayHoliday() throws {
        // Monday of week 2 is day 7: Easter Monday 2027 when day 0 is Monday 22 March 2027.
        let calendar = try WorkingCalendar(workingWeekdays: [0, 1, 2, 3, 4], shiftStartHour: 8,
                                           shiftLengthHours: 7, startDate: CivilDate(iso: "2027-03-22")!,
                                           holidays: .france)
        #expect(calendar.date(dayIndex: 7) == CivilDate(iso: "2027-03-29"))
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
                                              shiftLengthHours: 7, holidayNumbers: [8])
        #expect(withHoliday.workingHours(from: friday12, to: tuesday10) == 5)
        // Empty and reversed intervals hold no working time; the weekend holds none either.
        #expect(standard.workingHours(from: friday12, to: friday12) == 0)
        #expect(standard.workingHours(from: tuesday10, to: friday12) == 0)
        #expect(standard.workingHours(from: Self.at(day: 4, hour: 15), to: Self.at(day: 7, hour: 8)) == 0)
        #expect(standard.workingHours(from: .zero, to: .infinity) == .infinity)
    }

    @Test func spanWrap() throws {
        // Past its covered span (here 364 days) the calendar repeats it: day 364 is day 0 again.
        let calendar = try WorkingCalendar(workingWeekdays: [0, 1, 2, 3, 4], shiftStartHour: 8,
                                           shiftLengthHours: 7, holidayNumbers: [2])
        #expect(calendar.coveredDays == 364)
        #expect(calendar.isHoliday(dayIndex: 1) && calendar.isHoliday(dayIndex: 365) && calendar.isHoliday(dayIndex: -363))
        #expect(!calendar.isWorkingDay(dayIndex: 365))
        #expect(calendar.isWorkingDay(dayIndex: 364))
        // 3 h from Monday 14:00 of day 364: 1 h there, Tuesday is a holiday, 2 h on Wednesday.
        let done = calendar.instant(afterWorkingHours: 3, from: Self.at(day: 364, hour: 14))
        #expect(done == Self.at(day: 366, hour: 10))
        #expect(calendar.workingHours(from: Self.at(day: 364, hour: 14), to: done) == 3)
        #expect(calendar.nextWorkingDay(after: 364) == 366)
        #expect(calendar.nextShiftStart(after: Self.at(day: 364, hour: 15)) == Self.at(day: 366, hour: 8))
        // A span is whole weeks: 365 days are rounded up to 371.
        let rounded = try WorkingCalendar(workingWeekdays: [0], shiftStartHour: 8, shiftLengthHours: 7, coveredDays: 365)
        #expect(rounded.coveredDays == 371)
    }

    @Test func daysAreRealDates() throws {
        // Day 0 is Monday 4 January 2027; 2028 is a leap year.
        let calendar = try WorkingCalendar(workingWeekdays: [0, 1, 2, 3, 4], shiftStartHour: 8,
                                           shiftLengthHours: 7, holidays: .france)
        #expect(calendar.date(dayIndex: 0).description == "2027-01-04")
        #expect(calendar.date(dayIndex: -1).description == "2027-01-03")
        let leapDay = try #require(CivilDate(iso: "2028-02-29"))
        let index = calendar.dayIndex(of: leapDay)
        #expect(index == 421 && calendar.date(dayIndex: index) == leapDay)
        #expect(leapDay.weekday == 1 && index % 7 == 1)   // a Tuesday
        #expect(calendar.isWorkingDay(dayIndex: index))
        #expect(calendar.date(dayIndex: index + 1).description == "2028-03-01")
        // 1 January 2028 is a Saturday: a holiday on a weekend changes nothing.
        let newYear = calendar.dayIndex(of: CivilDate(iso: "2028-01-01")!)
        #expect(calendar.isHoliday(dayIndex: newYear) && newYear % 7 == 5)
        #expect(calendar.workingDays(fromDay: newYear - 5, toDay: newYear + 2)
                == WorkingCalendar.standard.workingDays(fromDay: newYear - 5, toDay: newYear + 2))
        // From day 0 to the end of 2027: ten holidays (1 January is before the start), four on a
        // weekend (1 and 8 May and 25 December, Saturdays; 15 August, a Sunday); the six on
        // weekdays are exactly the working days lost.
        let year2027 = 0..<calendar.dayIndex(of: CivilDate(iso: "2028-01-01")!)
        let holidays2027 = year2027.filter(calendar.isHoliday(dayIndex:))
        #expect(holidays2027.count == 10)
        #expect(holidays2027.filter { $0 % 7 >= 5 }.count == 4)
        let onWeekdays = holidays2027.filter { $0 % 7 < 5 }.count
        #expect(calendar.workingDays(fromDay: 0, toDay: year2027.upperBound)
                == WorkingCalendar.standard.workingDays(fromDay: 0, toDay: year2027.upperBound) - onWeekdays)
    }

    @Test func dayCounting() throws {
        #expect(standard.workingDays(fromDay: 0, toDay: 7) == 5)
        #expect(standard.workingDays(fromDay: 3, toDay: 10) == 5)
        #expect(standard.workingDays(fromDay: 5, toDay: 7) == 0)
        #expect(standard.workingDays(fromDay: 7, toDay: 0) == 0)
        #expect(standard.workingDays(fromDay: -7, toDay: 0) == 5)
        #expect(standard.nextWorkingDay(after: 4) == 7)
        #expect(standard.nextWorkingDay(after: -3) == 0)
        // 365 weeks of the standard calendar.
        #expect(standard.workingHours(from: .zero, to: .days(2555)) == 365 * 35)
        let holidays = [1, 100, 200, 359, 360]   // Mon, Fri, Mon, Thu, Fri of the 364-day span
        let calendar = try WorkingCalendar(workingWeekdays: [0, 1, 2, 3, 4], shiftStartHour: 8,
                                           shiftLengthHours: 7, holidayNumbers: holidays)
        #expect(calendar.workingDays(fromDay: 0, toDay: 364) == 260 - holidays.count)
        #expect(calendar.workingDays(fromDay: 0, toDay: 364 * 7) == 7 * (260 - holidays.count))
        #expect(abs(calendar.workingHours(from: .zero, to: .days(364)) - calendar.averageWorkingHoursPerYear * 364 / 365) < 1e-9)
        // A thousand years is as cheap as a day.
        let millennium = calendar.workingHours(from: .days(0.5), to: .days(365_000.5))
        let expected = Double(calendar.workingDays(fromDay: 1, toDay: 365_000)) * 7
        #expect(abs(millennium - expected) < 1e-6)
    }

    @Test func twentyFourHourShiftsJoinAcrossMidnight() throws {
        // Mon–Fri, 24 h a day, Wednesday of week 1 (day number 3) off.
        let calendar = try WorkingCalendar(workingWeekdays: [0, 1, 2, 3, 4], shiftStartHour: 0,
                                           shiftLengthHours: 24, holidayNumbers: [3])
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
                                           shiftLengthHours: 6)
        #expect(evenings.endOfCurrentShift(Self.at(day: 0, hour: 20)) == Self.at(day: 1, hour: 0))
        #expect(!evenings.isWorkingTime(Self.at(day: 1, hour: 0)))
        #expect(evenings.nextShiftStart(after: Self.at(day: 0, hour: 20)) == Self.at(day: 0, hour: 42))
    }

    @Test func aYearWithoutWorkingDays() throws {
        // Mondays only; a closure on every Monday of the first year, a 728-day span.
        let holidays = Array(stride(from: 1, through: 364, by: 7))
        let calendar = try WorkingCalendar(workingWeekdays: [0], shiftStartHour: 9,
                                           shiftLengthHours: 8, holidayNumbers: holidays, span: 728)
        #expect(calendar.workingDays(fromDay: 0, toDay: 364) == 0)
        #expect(calendar.nextWorkingDay(after: 0) == 364)
        #expect(calendar.workResumes(atOrAfter: .zero) == Self.at(day: 364, hour: 9))
        #expect(calendar.instant(afterWorkingHours: 10, from: .zero) == Self.at(day: 371, hour: 11))
        #expect(calendar.workingHours(from: .zero, to: Self.at(day: 371, hour: 11)) == 10)
    }

    @Test func equalityIgnoresOrderAndDuplicates() throws {
        let a = try WorkingCalendar(workingWeekdays: [4, 0, 2, 2], shiftStartHour: 9,
                                    shiftLengthHours: 8, holidayNumbers: [359, 1, 1])
        let b = try WorkingCalendar(workingWeekdays: [0, 2, 4], shiftStartHour: 9,
                                    shiftLengthHours: 8, holidayNumbers: [1, 359])
        #expect(a == b)
        #expect(a.hashValue == b.hashValue)
        #expect(a.workingWeekdays == [0, 2, 4])
        #expect(a.holidayDayIndices == [0, 358])
        #expect(a.description == "Mon,Wed,Fri 09:00–17:00 from 2027-01-04, holidays 3 dates")
        #expect(a != WorkingCalendar.standard)
        #expect(Set([a, b, .standard, .continuous]).count == 3)
    }
}
