import Testing
import SimulationKernel

/// The continuous (24/7) calendar: every instant is working time, so working time is elapsed time.
@Suite("WorkingCalendar: continuous mode")
struct CalendarContinuousTests {
    let calendar = WorkingCalendar.continuous

    @Test func properties() throws {
        #expect(calendar.isContinuous)
        #expect(calendar.workingWeekdays == Array(0...6))
        #expect(calendar.holidayDayIndices.isEmpty)
        #expect(calendar.workingHoursPerWeek == 168)
        #expect(calendar.averageWorkingHoursPerYear == 365 * 24)
        #expect(calendar.description == "continuous (24/7)")
        // Building the same calendar by hand gives the continuous calendar.
        let byHand = try WorkingCalendar(workingWeekdays: [6, 5, 4, 3, 2, 1, 0], shiftStartHour: 0,
                                         shiftLengthHours: 24)
        #expect(byHand == calendar)
        #expect(byHand.isContinuous)
        // Whatever the start date: a 24/7 calendar has no weeks to align.
        let later = try WorkingCalendar(workingWeekdays: Array(0...6), shiftStartHour: 0, shiftLengthHours: 24,
                                        startDate: CivilDate(iso: "2031-06-02")!, holidays: .none)
        #expect(later == calendar && later.isContinuous)
    }

    @Test(arguments: [0, 1, 5, 6, 364, 365, 10_000])
    func everyDayIsWorking(day: Int) {
        #expect(calendar.isWorkingDay(dayIndex: day))
        #expect(!calendar.isHoliday(dayIndex: day))
        #expect(!calendar.isRestDay(dayIndex: day))
        #expect(calendar.shiftStart(dayIndex: day) == .days(Double(day)))
        #expect(calendar.shiftEnd(dayIndex: day) == .days(Double(day + 1)))
        #expect(calendar.workingDays(fromDay: day, toDay: day + 10) == 10)
        #expect(calendar.nextWorkingDay(after: day) == day + 1)
    }

    @Test func everyInstantIsWorkingTime() {
        var random = RandomStream(masterSeed: 1, replication: 0, streamID: 0)
        for _ in 0..<2_000 {
            let t = SimTime(hours: random.nextUniform() * 20_000)
            let u = SimTime(hours: t.hours + random.nextUniform() * 5_000)
            let h = random.nextUniform() * 3_000
            #expect(calendar.isWorkingTime(t))
            #expect(calendar.workResumes(atOrAfter: t) == t)
            #expect(calendar.nextShiftStart(after: t) == .infinity)
            #expect(calendar.endOfCurrentShift(t) == .infinity)
            #expect(calendar.workingHours(from: t, to: u) == u.hours - t.hours)
            #expect(calendar.instant(afterWorkingHours: h, from: t) == t + .hours(h))
        }
        #expect(calendar.isWorkingTime(.zero))
        #expect(calendar.isWorkingTime(.days(5) + .hours(23.999)))   // Saturday night
        #expect(calendar.instant(afterWorkingHours: 0, from: .hours(3)) == .hours(3))
        #expect(calendar.workingHours(from: .hours(5), to: .hours(2)) == 0)
    }
}
