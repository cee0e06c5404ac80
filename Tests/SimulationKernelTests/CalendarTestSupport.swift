import SimulationKernel

extension WorkingCalendar {
    /// A calendar for the tests written with day numbers: day number n (1-based) of every
    /// `span`-day stretch from day 0 (Monday 4 January 2027) is a holiday, i.e. day index n − 1
    /// of the covered span, which the calendar then repeats. With the default 364 days (52 weeks)
    /// the pattern repeats every 52 weeks, so a holiday stays on its weekday.
    init(workingWeekdays: [Int], shiftStartHour: Double, shiftLengthHours: Double,
         holidayNumbers: [Int], span: Int = 364) throws(CalendarError) {
        let start = WorkingCalendar.defaultStartDate
        try self.init(workingWeekdays: workingWeekdays, shiftStartHour: shiftStartHour,
                      shiftLengthHours: shiftLengthHours, startDate: start,
                      holidays: PublicHolidays(set: .none, extraDates: holidayNumbers.map { start.adding(days: $0 - 1) }),
                      coveredDays: span)
    }
}
