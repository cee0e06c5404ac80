import CompanyModel
import Foundation
import SimulationKernel
import Testing

/// The real calendar's consequences for the company: annual leave, salary continuation, a
/// contract above the legal week, fixed overheads, and the capacity `check` shows.
@Suite("Mechanism: calendar, leave and pay")
struct MechanismCalendarTests {
    static func close(_ a: Double, _ b: Double, _ tolerance: Double = 1e-6) -> Bool {
        abs(a - b) <= tolerance * max(1, abs(a), abs(b))
    }

    /// The day of a record's time (records at a day end belong to the day that starts then).
    static func day(_ record: TraceRecord) -> Int { Int((record.timeHours / 24).rounded(.down)) }

    @Test("each technician takes exactly daysPerYear working days of annual leave in a leave year, and works no shift on them")
    func annualLeaveDaysAndNoWork() throws {
        var scenario = TestScenarios.calm(technicians: 4, keyOrdersPerWeek: 10, regularClients: 6, regularOrdersPerWeek: 3,
                                          horizonDays: 3 * 364, decisionDay: 7)
        scenario.calendar.holidays = .france
        scenario.technicians.annualLeave.daysPerYear = 25
        let calendar = try workingCalendar(of: scenario)
        let trace = try MechanismTrace(scenario)
        var weeksBySlot: [Set<Int>] = []
        for t in 0..<scenario.technicians.count {
            let own = trace.records.filter { $0.technician == t }
            // Blocks that begin in the second leave year (weeks 52…103), and the "back" that ends each.
            let blocks = own.filter { $0.event == "annual leave" && (364..<728).contains(Self.day($0)) }
            #expect(blocks.count == 5, "technician \(t): \(blocks.count) blocks")
            var leaveDays = 0
            for block in blocks {
                let start = Self.day(block)
                #expect(start % 7 == 0, "a block begins on a Monday")
                let back = try #require(own.first { $0.event == "back" && $0.timeHours > block.timeHours })
                // From the night before the Monday to the day end of the block's last working day.
                let days = (start..<Self.day(back)).filter(calendar.isWorkingDay(dayIndex:)).count
                #expect(block.details == "\(days).00 days", "technician \(t): the block owes \(block.details), runs \(days) working days")
                leaveDays += days
                // No order is started or delivered by the technician while on leave.
                let away = own.filter { $0.timeHours > block.timeHours && $0.timeHours < back.timeHours
                                        && ($0.event == "start" || $0.event == "deliver" || $0.event == "overtime") }
                #expect(away.isEmpty, "technician \(t) worked on leave: \(away.prefix(2))")
            }
            #expect(leaveDays == 25, "technician \(t): \(leaveDays) working days of leave in year 2")
            weeksBySlot.append(Set(blocks.map { Self.day($0) / 7 - 52 }))
        }
        // Leave is no absence, and is paid: the salaries are those of a company without leave.
        #expect(trace.result[.absenceDays] == 0 && trace.result[.absenceCostEur] == 0)
        var noLeave = scenario
        noLeave.technicians.annualLeave.daysPerYear = 0
        let without = try MechanismTrace(noLeave).result
        #expect(trace.result[.salaryCostEur] == without[.salaryCostEur])
        // The slots' schedules differ (golden-ratio offsets), and repeat every leave year.
        #expect(Set(weeksBySlot).count == 4)
        let slot0 = Set(trace.records.filter { $0.technician == 0 && $0.event == "annual leave" && Self.day($0) < 364 }
                        .map { Self.day($0) / 7 })
        #expect(slot0 == weeksBySlot[0] && slot0.contains(0), "slot 0's first block begins on day 0")
    }

    @Test("a 40-day sick leave costs the disruption every day and the legal share of the salary on working days, by hand")
    func sickLeaveCostByHand() throws {
        // One technician, often ill (a daily hazard of 0.5), for 40 days each time; no holidays.
        var scenario = TestScenarios.calm(technicians: 1, keyOrdersPerWeek: 2, regularClients: 1, regularOrdersPerWeek: 1,
                                          horizonDays: 200, decisionDay: 0)
        scenario.technicians.sickLeave.baseDailyHazard = 0.5
        scenario.technicians.sickLeave.stressSensitivity = 0
        scenario.technicians.sickLeave.durationDays = try .constant(40)
        let first = try #require(MechanismTrace(scenario).named("sick leave").first)
        // The leave starts at the day end that begins day s; its day k is day s + k − 1. Stop
        // the run at its return (the day end of day s + 39), before any second leave.
        let s = Int((first.timeHours / 24).rounded())
        scenario.simulation.horizonDays = Double(s + 40)
        let r = try MechanismTrace(scenario).result
        let daily = 7 * scenario.technicians.hourlyCostEur   // 280 €
        func working(_ days: ClosedRange<Int>) -> Int { days.filter { (s + $0 - 1) % 7 < 5 }.count }
        // Days 1–7 nothing (the waiting days), 8–37 at 40 %, 38–40 at 16.67 %, and 200 € a day.
        let byHand = 40 * 200 + daily * (0.4 * Double(working(8...37)) + 0.1667 * Double(working(38...40)))
        #expect(r[.absenceDays] == 40)
        #expect(Self.close(r[.absenceCostEur], byHand), "absence cost \(r[.absenceCostEur]), by hand \(byHand) (leave from day \(s))")
        // Salary is paid for the working days before the leave, not during it.
        #expect(r[.salaryCostEur] == daily * Double((0..<s).filter { $0 % 7 < 5 }.count))
        // The doc's example, a leave that starts on a Monday: 22 working days at 40 %, 3 at 16.67 %.
        #expect(Self.close(40 * 200 + daily * (0.4 * 22 + 0.1667 * 3), 10_604.028))
    }

    @Test("a 39 h contract (7.8 h × 5) earns 4 h at +25 % every full week, counted with the salaries; overtime on top earns from its first hour")
    func structuralOvertimeByHand() throws {
        var scenario = TestScenarios.calm(technicians: 2, keyOrdersPerWeek: 1, regularClients: 1, regularOrdersPerWeek: 1,
                                          horizonDays: 28, decisionDay: 7)
        scenario.calendar.shiftLengthHours = 7.8
        scenario.technicians.overtime.premiumBands = [PremiumBand(fromWeeklyHours: 35, premium: 0.25),
                                                      PremiumBand(fromWeeklyHours: 43, premium: 0.5)]
        let r = try MechanismTrace(scenario).result
        // Three full weeks in the window (days 7…27), two technicians, no holiday, no overtime.
        let hourly = scenario.technicians.hourlyCostEur
        let weekly = 39 * hourly + 4 * 0.25 * hourly     // 1,560 € + 40 €
        #expect(r[.overtimeHours] == 0)
        #expect(Self.close(r[.salaryCostEur], 2 * 3 * weekly), "salary \(r[.salaryCostEur]), by hand \(2 * 3 * weekly)")
        #expect(r[.overtimeCostEur] == 0)

        // With evening overtime the overtime hours all lie beyond 39 h: +25 % up to 43 h, +50 % after.
        var busy = MechanismWorkingTimeTests.overworked(restDays: false, horizonDays: 42)
        busy.calendar.shiftLengthHours = 7.8
        busy.technicians.overtime.premiumBands = [PremiumBand(fromWeeklyHours: 35, premium: 0.25)]
        let b = try MechanismTrace(busy).result
        #expect(b[.overtimeHours] > 20)
        #expect(Self.close(b[.overtimeCostEur], 1.25 * hourly * b[.overtimeHours]))
    }

    @Test("a contract of 35 h or less earns no structural premium: the band premium is as before")
    func noStructuralPremiumAtThirtyFiveHours() throws {
        let scenario = TestScenarios.calm(technicians: 2, horizonDays: 28, decisionDay: 7)
        let r = try MechanismTrace(scenario).result
        #expect(r[.salaryCostEur] == 2 * 15 * 7 * scenario.technicians.hourlyCostEur)
    }

    @Test("overheads lower profit by overheads × window months, in every policy alike")
    func overheadsLowerProfit() throws {
        var scenario = TestScenarios.calm(technicians: 3, horizonDays: 91, decisionDay: 30)
        let without = try MechanismTrace(scenario).result
        scenario.money.overheadsEurPerMonth = 30_000
        let with = try MechanismTrace(scenario).result
        let months = (91.0 - 30) / (365.0 / 12)
        #expect(Self.close(without[.profitEur] - with[.profitEur], 30_000 * months))
        #expect(with[.revenueEur] == without[.revenueEur] && with[.salaryCostEur] == without[.salaryCostEur])
    }

    @Test("check's capacity deducts public holidays and annual leave")
    func capacityCountsHolidaysAndLeave() throws {
        var scenario = TestScenarios.calm(technicians: 10, horizonDays: 364 + 91, decisionDay: 91)
        let plain = scenario.contractHoursPerWeek
        #expect(Self.close(plain, 35))
        scenario.calendar.holidays = .france
        let holidays = scenario.contractHoursPerWeek
        #expect(holidays < 35 && holidays > 33)
        scenario.technicians.annualLeave.daysPerYear = 25
        #expect(Self.close(scenario.contractHoursPerWeek, holidays - 25.0 / 52 * 7))
        let figures = try #require(scenario.figures(for: scenario.baseline))
        #expect(Self.close(figures.capacityHoursPerWeek, 10 * scenario.contractHoursPerWeek))
        scenario.calendar.mode = .continuous
        #expect(scenario.contractHoursPerWeek == 168)
    }
}
