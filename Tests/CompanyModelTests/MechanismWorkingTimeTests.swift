import CompanyModel
import SimulationKernel
import Testing

/// Working-time rules: the daily and weekly caps, the weekly rest, shifts.
@Suite("Mechanism: working time")
struct MechanismWorkingTimeTests {
    /// A busy company (about 120 % of contract capacity: 4 × 35 h against 16 × 6 h of key work
    /// and 12 × 6 h of regular work a week) that asks for overtime whenever work is open:
    /// backlog trigger at 0 days, acceptance 0.8 whatever the stress.
    static func overworked(restDays: Bool, weeklyCap: Double = 48, holidays: [Int] = [], horizonDays: Double = 70) -> Scenario {
        var scenario = TestScenarios.calm(technicians: 4, keyOrdersPerWeek: 16, regularClients: 6,
                                          regularOrdersPerWeek: 2, horizonDays: horizonDays, decisionDay: 7)
        scenario.calendar.closeOn(dayNumbers: holidays)
        scenario.technicians.overtime.baseAcceptance = 0.8
        scenario.technicians.overtime.acceptanceStressSensitivity = 0
        scenario.technicians.overtime.weeklyCapHours = weeklyCap
        var policy = Policy()
        policy.overtimeTrigger = .backlog
        policy.backlogThresholdDays = 0
        policy.restDayOvertime = restDays
        return scenario.only(policy)
    }

    /// Hours worked per technician, per day and per week, rebuilt from the log: the shift of each
    /// working day (every technician is present: no hazards) plus each "overtime end"'s hours,
    /// on the day the overtime started.
    static func hoursWorked(_ trace: MechanismTrace, _ scenario: Scenario) throws
        -> (perDay: [Int: [Int: Double]], perWeek: [Int: [Int: Double]]) {
        let calendar = try workingCalendar(of: scenario)
        let days = Int(scenario.simulation.horizonDays)
        let technicians = 0..<scenario.technicians.count
        var perDay: [Int: [Int: Double]] = [:]
        for t in technicians {
            for day in 0..<days where calendar.isWorkingDay(dayIndex: day) {
                perDay[t, default: [:]][day, default: 0] += scenario.calendar.shiftLengthHours
            }
            for spell in trace.overtimeSpells(of: t) where spell.upperBound.isFinite {
                perDay[t, default: [:]][Int(spell.lowerBound / 24), default: 0] += spell.upperBound - spell.lowerBound
            }
        }
        var perWeek: [Int: [Int: Double]] = [:]
        for (t, byDay) in perDay {
            for (day, hours) in byDay { perWeek[t, default: [:]][day / 7, default: 0] += hours }
        }
        return (perDay, perWeek)
    }

    @Test("with evening overtime only, no technician works more than the daily cap or the weekly cap")
    func eveningOvertimeRespectsCaps() throws {
        // Cap 44 h: four evenings of 2 h bring the week to 43 h, so a fifth must be refused.
        let scenario = Self.overworked(restDays: false, weeklyCap: 44)
        let trace = try MechanismTrace(scenario)
        #expect(trace.count("overtime") > 20, "the set-up should give plenty of overtime")
        let (perDay, perWeek) = try Self.hoursWorked(trace, scenario)
        let overtime = scenario.technicians.overtime
        for (t, byDay) in perDay {
            for (day, hours) in byDay {
                #expect(hours <= overtime.dailyCapHours + 1e-9, "technician \(t) worked \(hours) h on day \(day)")
            }
        }
        var weeksAtCap = 0
        for (t, byWeek) in perWeek {
            for (week, hours) in byWeek {
                #expect(hours <= overtime.weeklyCapHours + 1e-9, "technician \(t) worked \(hours) h in week \(week)")
                if hours > 43 - 1e-9 { weeksAtCap += 1 }
            }
        }
        #expect(weeksAtCap > 0, "the cap should bind in some week")
        // The same bound, as overtime only: at most cap − contract hours per technician per week.
        for t in 0..<scenario.technicians.count {
            var byWeek: [Int: Double] = [:]
            for record in trace.named("overtime end") where record.technician == t {
                byWeek[Int(record.timeHours / 168), default: 0] += MechanismTrace.hours(of: record)
            }
            for (week, hours) in byWeek {
                #expect(hours <= overtime.weeklyCapHours - 35 + 0.01, "technician \(t): \(hours) h of overtime in week \(week)")
            }
        }
    }

    @Test("with rest-day overtime too, no technician works more than the weekly cap (48 h) in any week")
    func restDayOvertimeRespectsWeeklyCap() throws {
        let scenario = Self.overworked(restDays: true)
        let trace = try MechanismTrace(scenario)
        #expect(trace.count("rest-day shift") > 0)
        let (perDay, perWeek) = try Self.hoursWorked(trace, scenario)
        let overtime = scenario.technicians.overtime
        for (t, byDay) in perDay {
            for (day, hours) in byDay {
                #expect(hours <= overtime.dailyCapHours + 1e-9, "technician \(t) worked \(hours) h on day \(day)")
            }
        }
        for (t, byWeek) in perWeek {
            for (week, hours) in byWeek {
                #expect(hours <= overtime.weeklyCapHours + 1e-9, "technician \(t) worked \(hours) h in week \(week)")
            }
        }
    }

    @Test("a Friday evening extension and a Saturday shift together never break the weekly cap")
    func fridayEveningPlusSaturdayRespectsWeeklyCap() throws {
        // One technician, endless backlog, overtime always accepted; a 5 h Saturday shift.
        // Mon–Thu evenings: 35 + 8 = 43 h by Friday's shift end; the Friday evening (45 h) fits,
        // and a Saturday shift would fit on 43 h but not on 45 h.
        var scenario = TestScenarios.calm(technicians: 1, keyOrdersPerWeek: 10, regularClients: 1,
                                          regularOrdersPerWeek: 2, horizonDays: 14, decisionDay: 7)
        scenario.technicians.overtime.baseAcceptance = 1
        scenario.technicians.overtime.acceptanceStressSensitivity = 0
        scenario.technicians.overtime.restDayShiftHours = 5
        var policy = Policy()
        policy.overtimeTrigger = .backlog
        policy.backlogThresholdDays = 0
        policy.restDayOvertime = true
        scenario = scenario.only(policy)
        let trace = try MechanismTrace(scenario)
        let (_, perWeek) = try Self.hoursWorked(trace, scenario)
        for (week, hours) in perWeek[0] ?? [:] {
            #expect(hours <= 48 + 1e-9, "week \(week): \(hours) h")
        }
    }

    @Test("an evening extension that runs up to the next shift's start is ended and paid, not dropped")
    func extensionUpToTheNextShiftIsPaid() throws {
        // Shifts from midnight to 08:00 and a 16-hour extension: an evening spell that is not
        // ended early for lack of work ends exactly at the next day's shift start (and day end).
        // Before the fix, the shift start cleared the spell unpaid: 3 of 4 spells had no end.
        var scenario = Self.overworked(restDays: false, weeklyCap: 168, horizonDays: 21)
        scenario.calendar.shiftStartHour = 0
        scenario.calendar.shiftLengthHours = 8
        scenario.technicians.overtime.eveningExtensionHours = 16
        scenario.technicians.overtime.dailyCapHours = 24
        scenario.technicians.overtime.baseAcceptance = 1
        let trace = try MechanismTrace(scenario)
        let horizon = scenario.simulation.horizonDays * 24
        // Overtime is sized to need: not everyone is asked every evening, but spells are worked.
        #expect(trace.named("overtime").count >= 5)
        for t in 0..<scenario.technicians.count {
            let starts = trace.named("overtime").filter { $0.technician == t && $0.timeHours + 16 <= horizon }
            let ends = trace.named("overtime end").filter { $0.technician == t }
            #expect(ends.count == starts.count, "technician \(t): \(starts.count) spells begun, \(ends.count) ended and paid")
            // A spell ends early when no work is left; never later than its 16 hours.
            for end in ends { #expect(MechanismTrace.hours(of: end) <= 16 + 1e-9, "\(end.details)") }
        }
    }

    @Test("an order finished exactly at the shift end is not followed by a new one held overnight")
    func noOrderTakenAtTheShiftEnd() throws {
        // Orders exactly as long as a shift (7 h), no overtime: an order started at a shift's
        // start is completed exactly at its end, by an event that precedes the shift end's.
        // Orders at any time of day (some wait overnight and start with a shift).
        let shift = CalendarSettings().shiftLengthHours
        var scenario = TestScenarios.calm(technicians: 2, keyOrdersPerWeek: 12, regularClients: 4, regularOrdersPerWeek: 3,
                                          keyWorkHours: shift, regularWorkHours: shift, horizonDays: 42)
        scenario.calendar.arrivals = .anyTime
        let trace = try MechanismTrace(scenario)
        let end = scenario.calendar.shiftStartHour + scenario.calendar.shiftLengthHours
        let starts = trace.named("start")
        #expect(!starts.isEmpty)
        let atShiftEnd = starts.filter { abs($0.timeHours.truncatingRemainder(dividingBy: 24) - end) < 1e-9 }
        #expect(atShiftEnd.isEmpty, "orders taken at the shift end and held overnight: \(atShiftEnd.prefix(3))")
        // The work still gets done: deliveries land exactly at shift ends, one order per shift.
        #expect(trace.named("deliver").contains { abs($0.timeHours.truncatingRemainder(dividingBy: 24) - end) < 1e-9 })
    }

    @Test("a rest-day shift longer than the daily cap is cut to the cap")
    func restDayShiftRespectsDailyCap() throws {
        var scenario = Self.overworked(restDays: true, horizonDays: 28)
        scenario.technicians.overtime.restDayShiftHours = 12   // accepted by the reader: (0, 24]
        scenario.technicians.overtime.eveningExtensionHours = 0  // the need is left for Saturday
        let trace = try MechanismTrace(scenario)
        let saturdays = trace.named("overtime end").filter { Int($0.timeHours / 24) % 7 == 5 }
        #expect(!saturdays.isEmpty)
        for record in saturdays {
            #expect(MechanismTrace.hours(of: record) <= scenario.technicians.overtime.dailyCapHours + 1e-9,
                    "technician \(record.technician) worked \(record.details) on a Saturday")
        }
    }

    @Test("a technician works at most one rest-day shift a week, even with a mid-week holiday")
    func atMostOneRestDayShiftPerWeek() throws {
        // Every Wednesday is a holiday (day number 3, 10, …): Tuesday's shift end may book it,
        // and then Friday's must not book the Saturday.
        let wednesdays = Array(stride(from: 3, through: 70, by: 7))
        let scenario = Self.overworked(restDays: true, holidays: wednesdays)
        let trace = try MechanismTrace(scenario)
        let shifts = trace.named("rest-day shift")
        #expect(shifts.contains { Int($0.timeHours / 24) % 7 == 2 }, "some Wednesday holidays worked")
        #expect(shifts.contains { Int($0.timeHours / 24) % 7 == 5 }, "some Saturdays worked")
        var perWeek: [[Int]: Int] = [:]
        for record in shifts { perWeek[[record.technician, Int(record.timeHours / 168)], default: 0] += 1 }
        for (key, count) in perWeek {
            #expect(count <= 1, "technician \(key[0]) worked \(count) rest days in week \(key[1])")
        }
    }

    @Test("with a Monday–Saturday calendar, Sunday (the week's only rest day) is never worked: at most 6 days in a row")
    func sixDayWeekKeepsItsRestDay() throws {
        // A weekly cap high enough (80 h) that only the weekly rest can refuse a Sunday.
        var scenario = Self.overworked(restDays: true, weeklyCap: 80, horizonDays: 70)
        scenario.calendar.workingWeekdays = [0, 1, 2, 3, 4, 5]
        scenario.technicians.overtime.baseAcceptance = 1
        let trace = try MechanismTrace(scenario)
        #expect(trace.count("overtime") > 0, "overtime is offered and taken (so the rest-day rule is what refuses Sundays)")
        let sundays = trace.named("rest-day shift").filter { Int($0.timeHours / 24) % 7 == 6 }
        #expect(sundays.isEmpty, "Sunday shifts worked: \(sundays.prefix(3))")
        // With a holiday every Wednesday (day number 3, 10, …) the week has two rest days: one of
        // them may be worked, never both.
        var withHoliday = scenario
        withHoliday.calendar.closeOn(dayNumbers: Array(stride(from: 3, through: 70, by: 7)))
        let restShifts = try MechanismTrace(withHoliday).named("rest-day shift")
        #expect(restShifts.contains { Int($0.timeHours / 24) % 7 == 2 }, "some Wednesday holidays worked")
        var perWeek: [[Int]: Int] = [:]
        for record in restShifts { perWeek[[record.technician, Int(record.timeHours / 168)], default: 0] += 1 }
        for (key, count) in perWeek { #expect(count == 1, "technician \(key[0]) worked \(count) rest days in week \(key[1])") }
    }

    @Test("in shifts mode no work starts or ends outside a shift unless the technician is on overtime")
    func workHappensOnlyOnShiftOrOvertime() throws {
        let scenario = Self.overworked(restDays: true, holidays: [3, 24, 45], horizonDays: 56)
        let calendar = try workingCalendar(of: scenario)
        let trace = try MechanismTrace(scenario)
        let spells = Dictionary(uniqueKeysWithValues: trace.technicians.map { ($0, trace.overtimeSpells(of: $0)) })
        var onOvertime = 0
        for record in trace.records where record.event == "start" || record.event == "deliver" {
            let t = record.technician
            let time = record.timeHours
            let day = Int(time / 24)
            let onShift = calendar.isWorkingDay(dayIndex: day)
                && time >= Double(day) * 24 + scenario.calendar.shiftStartHour - 1e-9
                && time <= Double(day) * 24 + scenario.calendar.shiftStartHour + scenario.calendar.shiftLengthHours + 1e-9
            let inOvertime = spells[t, default: []].contains { $0.contains(time) }
            #expect(onShift || inOvertime, "\(record.event) of order \(record.order) by technician \(t) at \(time) h")
            if !onShift && inOvertime { onOvertime += 1 }
        }
        #expect(onOvertime > 0, "some work should happen on overtime")
    }

    @Test("with a 24-hour shift, technicians work on every working day, not only after a weekend")
    func twentyFourHourShiftsWorkEveryWorkingDay() throws {
        // A calendar the reader accepts: shift 00:00–24:00, no evening extension, caps to match.
        var scenario = TestScenarios.calm(technicians: 1, keyOrdersPerWeek: 10, horizonDays: 28, decisionDay: 7)
        scenario.calendar.shiftStartHour = 0
        scenario.calendar.shiftLengthHours = 24
        scenario.technicians.overtime.eveningExtensionHours = 0
        scenario.technicians.overtime.dailyCapHours = 24
        scenario.technicians.overtime.weeklyCapHours = 168
        let trace = try MechanismTrace(scenario)
        let weekdaysWithStarts = Set(trace.named("start").map { Int($0.timeHours / 24) % 7 })
        #expect(weekdaysWithStarts == Set(0...4), "orders started on weekdays \(weekdaysWithStarts.sorted())")
    }

    @Test("work paused at a shift end resumes at the next shift: delivery = start + work in working hours")
    func pausedWorkResumesNextShift() throws {
        // One technician, FIFO, no overtime, orders of 10 h (longer than a 7 h shift), holidays.
        var scenario = TestScenarios.calm(technicians: 1, keyOrdersPerWeek: 1, regularClients: 2,
                                          regularOrdersPerWeek: 0.5, keyWorkHours: 10, regularWorkHours: 10,
                                          horizonDays: 84, decisionDay: 7)
        scenario.calendar.closeOn(dayNumbers: [3, 17, 30])
        let calendar = try workingCalendar(of: scenario)
        let trace = try MechanismTrace(scenario)
        var overnight = 0
        for life in trace.orderLives {
            guard let delivery = life.delivery else { continue }
            let start = try #require(life.starts.first)
            #expect(life.starts.count == 1)
            let expected = calendar.instant(afterWorkingHours: life.workHours, from: SimTime(hours: start.timeHours))
            #expect(abs(delivery.timeHours - expected.hours) < 1e-6,
                    "order started at \(start.timeHours) h delivered at \(delivery.timeHours) h, expected \(expected.hours) h")
            if delivery.timeHours - start.timeHours > 24 { overnight += 1 }
        }
        #expect(overnight >= 5, "orders should span nights, weekends and holidays")
    }
}
