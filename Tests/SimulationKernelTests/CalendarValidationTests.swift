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
        Invalid(holidays: [0], field: .holidays, value: "0"),
        Invalid(holidays: [1, 366], field: .holidays, value: "366"),
        Invalid(holidays: [-5], field: .holidays, value: "-5"),
        Invalid(holidays: Array(1...365), field: .holidays, value: "all 365 days of the year"),
    ]

    @Test(arguments: invalid)
    func rejected(_ input: Invalid) {
        do {
            let calendar = try WorkingCalendar(workingWeekdays: input.weekdays, shiftStartHour: input.start,
                                               shiftLengthHours: input.length, holidays: input.holidays)
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
            try WorkingCalendar(workingWeekdays: [0], shiftStartHour: 0, shiftLengthHours: 30, holidays: [])
        }
        let error = CalendarError(field: .holidays, value: "366", requirement: "contain days of the year in 1...365")
        #expect(error.description == "holidays must contain days of the year in 1...365 (got 366)")
    }

    @Test func boundaryValuesAccepted() throws {
        let wholeDay = try WorkingCalendar(workingWeekdays: [6], shiftStartHour: 0, shiftLengthHours: 24, holidays: [365])
        #expect(wholeDay.shiftEndHour == 24)
        let lateNight = try WorkingCalendar(workingWeekdays: [5, 6], shiftStartHour: 23.5, shiftLengthHours: 0.5, holidays: [1])
        #expect(lateNight.isWorkingTime(.days(5) + .hours(23.75)))
        #expect(!lateNight.isWorkingTime(.days(6)))
        // 364 holidays leave one working day-of-year: accepted.
        let oneDay = try WorkingCalendar(workingWeekdays: [0], shiftStartHour: 8, shiftLengthHours: 1,
                                         holidays: Array(2...365))
        // Day-of-year 1 is a Monday in year 0, then again in year 7 (day 2555).
        #expect(oneDay.nextWorkingDay(after: 0) == 2555)
        #expect(oneDay.workingDays(fromDay: 0, toDay: 2555 * 3) == 3)
        #expect(oneDay.instant(afterWorkingHours: 1.5, from: .hours(8)) == .days(2555) + .hours(8.5))
    }
}
