import Testing
import SimulationKernel

/// `WorkingCalendar` against a naive day-by-day reference, and its algebraic properties
/// (round trip, monotonicity), on random instants drawn from a fixed stream.
@Suite("WorkingCalendar: properties against a reference")
struct CalendarPropertyTests {
    /// A calendar built from raw parameters, answering by brute force over days. Holidays are
    /// day numbers of the 364-day span the calendar repeats (`init(…holidayNumbers:)`).
    struct Case: Sendable, CustomStringConvertible {
        let name: String
        let weekdays: [Int]
        let start: Double
        let length: Double
        let holidays: [Int]
        var description: String { name }

        var calendar: WorkingCalendar {
            try! WorkingCalendar(workingWeekdays: weekdays, shiftStartHour: start,
                                 shiftLengthHours: length, holidayNumbers: holidays)
        }

        func isWorkingDay(_ day: Int) -> Bool {
            weekdays.contains(((day % 7) + 7) % 7) && !holidays.contains(((day % 364) + 364) % 364 + 1)
        }

        func day(_ hours: Double) -> Int { Int((hours / 24).rounded(.down)) }

        func isWorkingTime(_ t: Double) -> Bool {
            let d = day(t)
            return isWorkingDay(d) && t >= Double(d) * 24 + start && t < Double(d) * 24 + start + length
        }

        func workingHours(_ a: Double, _ b: Double) -> Double {
            guard b > a else { return 0 }
            var total = 0.0
            for d in day(a)...day(b) where isWorkingDay(d) {
                total += max(0, min(b, Double(d) * 24 + start + length) - max(a, Double(d) * 24 + start))
            }
            return total
        }

        func instant(_ h: Double, from t: Double) -> Double {
            if h == 0 { return t }
            var remaining = h
            var d = day(t)
            while true {
                if isWorkingDay(d) {
                    let begin = max(t, Double(d) * 24 + start), end = Double(d) * 24 + start + length
                    if end > begin {
                        if remaining <= end - begin { return begin + remaining }
                        remaining -= end - begin
                    }
                }
                d += 1
            }
        }

        /// A shift start is a working instant whose immediate past is not working time.
        func nextShiftStart(after t: Double) -> Double {
            var d = day(t)
            while true {
                let s = Double(d) * 24 + start
                let joined = start == 0 && length == 24 && isWorkingDay(d - 1)
                if isWorkingDay(d) && !joined && s > t { return s }
                d += 1
            }
        }

        func endOfCurrentShift(_ t: Double) -> Double? {
            guard isWorkingTime(t) else { return nil }
            var d = day(t)
            if start == 0 && length == 24 { while isWorkingDay(d + 1) { d += 1 } }
            return Double(d) * 24 + start + length
        }
    }

    static let cases: [Case] = [
        Case(name: "standard", weekdays: [0, 1, 2, 3, 4], start: 8, length: 7, holidays: []),
        Case(name: "office with holidays", weekdays: [0, 1, 2, 3, 4], start: 8.5, length: 8,
             holidays: [1, 2, 8, 100, 121, 125, 359, 360, 364]),
        Case(name: "weekend late shift", weekdays: [5, 6], start: 22, length: 2, holidays: [6, 7, 200]),
        Case(name: "24 h Mon–Fri", weekdays: [0, 1, 2, 3, 4], start: 0, length: 24, holidays: [3, 50]),
        Case(name: "24 h every day with holidays", weekdays: Array(0...6), start: 0, length: 24, holidays: [10, 11, 300]),
        Case(name: "odd shift", weekdays: [1, 3, 6], start: 6.25, length: 9.5, holidays: [2, 90, 364]),
        Case(name: "Mondays, all but one a year off", weekdays: [0], start: 9, length: 8,
             holidays: Array(stride(from: 8, through: 364, by: 7))),
        Case(name: "early shift", weekdays: [0, 1, 2, 3, 4, 5], start: 0, length: 6, holidays: [1]),
    ]

    /// Tolerance for comparing hours computed along different rounding paths.
    static func close(_ x: Double, _ y: Double) -> Bool { abs(x - y) <= 1e-7 * max(1, abs(x), abs(y)) }

    @Test(arguments: cases)
    func matchesReference(_ c: Case) {
        let calendar = c.calendar
        var random = RandomStream(masterSeed: 1, replication: 0, streamID: 0)
        for day in -800..<3_000 {
            #expect(calendar.isWorkingDay(dayIndex: day) == c.isWorkingDay(day), "day \(day)")
        }
        for _ in 0..<1_500 {
            let t = random.nextUniform() * 3 * 365 * 24
            let u = t + random.nextUniform() * 900 * 24 * random.nextUniform()
            let h = 2_000 * random.nextUniform() * random.nextUniform()
            let time = SimTime(hours: t)
            #expect(calendar.isWorkingTime(time) == c.isWorkingTime(t))
            #expect(calendar.nextShiftStart(after: time).hours == c.nextShiftStart(after: t))
            #expect(calendar.endOfCurrentShift(time)?.hours == c.endOfCurrentShift(t))
            #expect(Self.close(calendar.workingHours(from: time, to: SimTime(hours: u)), c.workingHours(t, u)))
            #expect(Self.close(calendar.instant(afterWorkingHours: h, from: time).hours, c.instant(h, from: t)))
        }
    }

    @Test(arguments: cases)
    func roundTripAndResultPlacement(_ c: Case) {
        let calendar = c.calendar
        var random = RandomStream(masterSeed: 1, replication: 0, streamID: 0)
        for _ in 0..<5_000 {
            let t = SimTime(hours: random.nextUniform() * 20 * 365 * 24)
            let h = random.nextUniform() < 0.2 ? random.nextUniform() : 10_000 * random.nextUniform() * random.nextUniform()
            let x = calendar.instant(afterWorkingHours: h, from: t)
            #expect(x >= t)
            #expect(Self.close(calendar.workingHours(from: t, to: x), h), "t = \(t), h = \(h), x = \(x)")
            // For h > 0 the work completes inside (shift start, shift end] of a working day.
            let day = SimTime(hours: x.hours.nextDown).dayIndex
            #expect(calendar.isWorkingDay(dayIndex: day))
            #expect(x > calendar.shiftStart(dayIndex: day)! && x <= calendar.shiftEnd(dayIndex: day)!)
            // Work resumes at a working instant with no working time in between.
            let resume = calendar.workResumes(atOrAfter: t)
            #expect(resume >= t && calendar.isWorkingTime(resume))
            #expect(calendar.workingHours(from: t, to: resume) == 0)
            #expect(calendar.instant(afterWorkingHours: 0, from: t) == t)
        }
    }

    @Test(arguments: cases)
    func monotonicity(_ c: Case) {
        let calendar = c.calendar
        var random = RandomStream(masterSeed: 1, replication: 0, streamID: 0)
        for _ in 0..<50 {
            let t = SimTime(hours: random.nextUniform() * 5 * 365 * 24)
            let hs = (0..<100).map { _ in 3_000 * random.nextUniform() }.sorted()
            let xs = hs.map { calendar.instant(afterWorkingHours: $0, from: t) }
            #expect(zip(xs, xs.dropFirst()).allSatisfy { $0 <= $1 })
            let ends = (0..<100).map { _ in SimTime(hours: t.hours + 20_000 * random.nextUniform()) }.sorted()
            let worked = ends.map { calendar.workingHours(from: t, to: $0) }
            #expect(zip(worked, worked.dropFirst()).allSatisfy { $0 <= $1 })
            let starts = (0..<100).map { _ in SimTime(hours: t.hours + 20_000 * random.nextUniform()) }.sorted()
            let finishes = starts.map { calendar.instant(afterWorkingHours: 50, from: $0) }
            #expect(zip(finishes, finishes.dropFirst()).allSatisfy { $0 <= $1 })
            let resumes = starts.map { calendar.workResumes(atOrAfter: $0) }
            #expect(zip(resumes, resumes.dropFirst()).allSatisfy { $0 <= $1 })
        }
    }

    @Test(arguments: cases)
    func additivityAndPeriodicity(_ c: Case) {
        let calendar = c.calendar
        var random = RandomStream(masterSeed: 1, replication: 0, streamID: 0)
        let cycle = 364.0 * 24   // the covered span, which the calendar repeats
        for _ in 0..<1_000 {
            let points = (0..<3).map { _ in random.nextUniform() * 4 * 365 * 24 }.sorted()
            let (a, b, m) = (SimTime(hours: points[0]), SimTime(hours: points[2]), SimTime(hours: points[1]))
            #expect(Self.close(calendar.workingHours(from: a, to: b),
                               calendar.workingHours(from: a, to: m) + calendar.workingHours(from: m, to: b)))
            let shifted = SimTime(hours: a.hours + cycle)
            #expect(Self.close(calendar.workingHours(from: shifted, to: SimTime(hours: b.hours + cycle)),
                               calendar.workingHours(from: a, to: b)))
            #expect(calendar.isWorkingTime(a) == calendar.isWorkingTime(SimTime(hours: a.hours - cycle)))
        }
    }
}
