import Testing
import SimulationKernel

/// Every invalid input is rejected with a `CalendarError` that names the field and the value.
@Suite("WorkingCalendar: validation")
struct CalendarValidationTests {
    struct Invalid: Sendable, CustomStringConvertible {
        var weekdays = [0, 1, 2, 3, 4]
        var start = 8.0
        var length = 7.0
        var holidays: [Int] = []
        /// Days from Monday 4 January 2027 to the start date.
        var startDay = 0
        var span = 364
        let field: CalendarError.Field
        let value: String
        var description: String { "\(field.rawValue) = \(value)" }
    }

    static let invalid: [Invalid] = [
        Invalid(weekdays: [], field: .workingWeekdays, value: "[]"),
        Invalid(weekdays: [0, 7], field: .workingWeekdays, value: "7"),
        Invalid(weekdays: [-1], field: .workingWeekdays, value: "-1"),
        Invalid(start: -0.5, field: .shiftStartHour, value: "-0.5"),
        Invalid(start: 24, length: 1, field: .shiftStartHour, value: "24.0"),
        Invalid(start: .nan, field: .shiftStartHour, value: "nan"),
        Invalid(start: .infinity, field: .shiftStartHour, value: "inf"),
        Invalid(start: -.infinity, field: .shiftStartHour, value: "-inf"),
        Invalid(length: 0, field: .shiftLengthHours, value: "0.0"),
        Invalid(length: -3, field: .shiftLengthHours, value: "-3.0"),
        Invalid(start: 0, length: 30, field: .shiftLengthHours, value: "30.0"),
        Invalid(start: 20, length: 6, field: .shiftLengthHours, value: "6.0 with start 20.0"),
        Invalid(length: .nan, field: .shiftLengthHours, value: "nan"),
        Invalid(length: .infinity, field: .shiftLengthHours, value: "inf"),
        Invalid(holidays: Array(1...364), field: .holidays,
                value: "every working weekday of the 364 days from 2027-01-04"),
        Invalid(startDay: 2, field: .startDate, value: "2027-01-06 (a Wednesday)"),
        Invalid(startDay: -1, field: .startDate, value: "2027-01-03 (a Sunday)"),
        Invalid(span: 0, field: .coveredDays, value: "0"),
    ]

    @Test(arguments: invalid)
    func rejected(_ input: Invalid) {
        do {
            let start = WorkingCalendar.defaultStartDate
            let calendar = try WorkingCalendar(
                workingWeekdays: input.weekdays, shiftStartHour: input.start, shiftLengthHours: input.length,
                startDate: start.adding(days: input.startDay),
                holidays: PublicHolidays(set: .none, extraDates: input.holidays.map { start.adding(days: $0 - 1) }),
                coveredDays: input.span)
            Issue.record("accepted \(calendar)")
        } catch {
            #expect(error.field == input.field)
            #expect(error.value == input.value)
            #expect(error.description.hasPrefix("\(input.field.rawValue) must "))
            #expect(error.description.hasSuffix("(got \(input.value))"))
        }
    }

    @Test func messageExample() {
        #expect(throws: CalendarError(field: .shiftLengthHours, value: "30.0",
                                      requirement: "be in (0, 24] with start + length ≤ 24 (no overnight shifts)")) {
            try WorkingCalendar(workingWeekdays: [0], shiftStartHour: 0, shiftLengthHours: 30)
        }
        let error = CalendarError(field: .startDate, value: "2027-01-06 (a Wednesday)",
                                  requirement: "be a Monday, such as 2027-01-04 or 2027-01-11")
        #expect(error.description == "startDate must be a Monday, such as 2027-01-04 or 2027-01-11 (got 2027-01-06 (a Wednesday))")
    }

    @Test func boundaryValuesAccepted() throws {
        let wholeDay = try WorkingCalendar(workingWeekdays: [6], shiftStartHour: 0, shiftLengthHours: 24, holidayNumbers: [364])
        #expect(wholeDay.shiftEndHour == 24)
        let lateNight = try WorkingCalendar(workingWeekdays: [5, 6], shiftStartHour: 23.5, shiftLengthHours: 0.5, holidayNumbers: [1])
        #expect(lateNight.isWorkingTime(.days(5) + .hours(23.75)))
        #expect(!lateNight.isWorkingTime(.days(6)))
        // Holidays on every day of the span but its first leave one working day: accepted. Day 0
        // (a Monday) works, then again when the 364-day span repeats.
        let oneDay = try WorkingCalendar(workingWeekdays: [0], shiftStartHour: 8, shiftLengthHours: 1,
                                         holidayNumbers: Array(2...364))
        #expect(oneDay.nextWorkingDay(after: 0) == 364)
        #expect(oneDay.workingDays(fromDay: 0, toDay: 364 * 3) == 3)
        #expect(oneDay.instant(afterWorkingHours: 1.5, from: .hours(8)) == .days(364) + .hours(8.5))
    }
}
