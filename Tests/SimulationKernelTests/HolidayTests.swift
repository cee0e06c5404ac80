import Testing
import SimulationKernel

/// Civil dates, Easter, and the named holiday sets, against dates checked by hand in published
/// calendars (service-public.fr lists the French holidays of each year).
@Suite("Civil dates and public holidays")
struct HolidayTests {
    static func date(_ text: String) -> CivilDate { CivilDate(iso: text)! }

    @Test func daysFromCivilAndBack() {
        #expect(Self.date("1970-01-01").daysSinceEpoch == 0)
        #expect(Self.date("2000-03-01").daysSinceEpoch == 11_017)
        #expect(Self.date("1969-12-31").daysSinceEpoch == -1)
        #expect(Self.date("2027-01-04").weekday == 0)      // Monday
        #expect(Self.date("2024-02-29").weekday == 3)      // Thursday
        // Every day of four centuries, both ways (1900 is not a leap year, 2000 is).
        var previous = Self.date("1899-12-31")
        for days in Self.date("1900-01-01").daysSinceEpoch...Self.date("2300-12-31").daysSinceEpoch {
            let d = CivilDate(daysSinceEpoch: days)
            #expect(d.daysSinceEpoch == days)
            #expect(d > previous)
            #expect(d.day == 1 ? previous.day == CivilDate.daysInMonth(previous.month, year: previous.year)
                               : d.day == previous.day + 1)
            previous = d
            if days % 97 == 0 { #expect(CivilDate(iso: d.description) == d) }
        }
    }

    @Test func invalidDatesAreRefused() {
        #expect(CivilDate(iso: "2027-02-29") == nil)
        #expect(CivilDate(iso: "2028-02-29") != nil)
        #expect(CivilDate(iso: "1900-02-29") == nil && CivilDate(iso: "2000-02-29") != nil)
        #expect(CivilDate(iso: "2027-13-01") == nil && CivilDate(iso: "2027-04-31") == nil)
        #expect(CivilDate(iso: "2027-1-04") == nil && CivilDate(iso: "27-01-04") == nil && CivilDate(iso: "2027/01/04") == nil)
        #expect(CivilDate(iso: "+027-01-04") == nil && CivilDate(iso: "") == nil)
    }

    /// (year, Easter Sunday, Easter Monday, Ascension, Whit Monday).
    static let movable: [(Int, String, String, String, String)] = [
        (2024, "2024-03-31", "2024-04-01", "2024-05-09", "2024-05-20"),
        (2025, "2025-04-20", "2025-04-21", "2025-05-29", "2025-06-09"),
        (2027, "2027-03-28", "2027-03-29", "2027-05-06", "2027-05-17"),
        (2038, "2038-04-25", "2038-04-26", "2038-06-03", "2038-06-14"),   // the latest Easter of the century
        (2285, "2285-03-22", "2285-03-23", "2285-04-30", "2285-05-11"),   // the earliest possible date
    ]

    @Test(arguments: movable.indices)
    func movableFeasts(_ i: Int) {
        let (year, easter, monday, ascension, whitMonday) = Self.movable[i]
        #expect(PublicHolidays.easterSunday(year: year) == Self.date(easter))
        let france = PublicHolidays.france.setDates(inYear: year)
        for feast in [monday, ascension, whitMonday] { #expect(france.contains(Self.date(feast)), "\(feast)") }
        #expect(!france.contains(Self.date(easter).adding(days: -2)))   // Good Friday: not in France
    }

    @Test func theSetsOf2027() {
        let france = PublicHolidays.france.setDates(inYear: 2027).map(\.description)
        #expect(france == ["2027-01-01", "2027-03-29", "2027-05-01", "2027-05-06", "2027-05-08", "2027-05-17",
                           "2027-07-14", "2027-08-15", "2027-11-01", "2027-11-11", "2027-12-25"])
        let alsace = PublicHolidays(set: .franceAlsaceMoselle).setDates(inYear: 2027).map(\.description)
        #expect(Set(alsace) == Set(france + ["2027-03-26", "2027-12-26"]) && alsace.count == 13)
        #expect(PublicHolidays.none.setDates(inYear: 2027).isEmpty)
        // 2008: Ascension on 1 May, counted once.
        #expect(PublicHolidays.france.setDates(inYear: 2008).count == 10)
    }

    @Test func extraDatesAndWeekendHolidays() throws {
        // Day 0 Monday 2 August 2027; 15 August is a Sunday, and the company closes on Monday 16th.
        let start = Self.date("2027-08-02")
        let plain = try WorkingCalendar(workingWeekdays: [0, 1, 2, 3, 4], shiftStartHour: 8, shiftLengthHours: 7,
                                        startDate: start, holidays: .france)
        #expect(plain.isHoliday(dayIndex: 13) && plain.isRestDay(dayIndex: 13))   // Sunday 15 August
        #expect(plain.workingDays(fromDay: 7, toDay: 21) == 10)                     // nothing lost to it
        let closed = try WorkingCalendar(workingWeekdays: [0, 1, 2, 3, 4], shiftStartHour: 8, shiftLengthHours: 7,
                                         startDate: start,
                                         holidays: PublicHolidays(set: .france, extraDates: [Self.date("2027-08-16")]))
        #expect(closed.isHoliday(dayIndex: 14) && !closed.isWorkingDay(dayIndex: 14))
        #expect(closed.workingDays(fromDay: 7, toDay: 21) == 9)
        #expect(closed.description == "Mon–Fri 08:00–15:00 from 2027-08-02, holidays france + 1 date")
        // A start date that is not a Monday is refused, with the Mondays around it.
        #expect(throws: CalendarError(field: .startDate, value: "2027-08-04 (a Wednesday)",
                                      requirement: "be a Monday, such as 2027-08-02 or 2027-08-09")) {
            try WorkingCalendar(workingWeekdays: [0], shiftStartHour: 8, shiftLengthHours: 7, startDate: Self.date("2027-08-04"))
        }
    }

    @Test func holidayQueriesAllocateNothingAndCoverTheSpan() throws {
        let calendar = try WorkingCalendar(workingWeekdays: [0, 1, 2, 3, 4], shiftStartHour: 8, shiftLengthHours: 7,
                                           holidays: .france, coveredDays: 40 * 365)
        #expect(calendar.coveredDays == 14_602)
        // Eleven a year, less those that coincide, over 40 years: every year's set is there.
        let lastYear = calendar.date(dayIndex: calendar.coveredDays - 1).year
        for year in 2028..<lastYear {
            let first = calendar.dayIndex(of: CivilDate(year: year, month: 1, day: 1)!)
            let last = calendar.dayIndex(of: CivilDate(year: year + 1, month: 1, day: 1)!)
            #expect((first..<last).filter(calendar.isHoliday(dayIndex:)).count
                    == PublicHolidays.france.setDates(inYear: year).count, "\(year)")
        }
    }
}
