import CompanyModel
import SimulationKernel
import Testing

/// When orders arrive (office hours on working days, or any time), and the morning replanning
/// under preemptive priority.
@Suite("Mechanism: arrival profile and morning replanning")
struct MechanismArrivalProfileTests {
    @Test("with office hours, every order arrives on a working day between officeStartHour and officeEndHour")
    func ordersArriveInOfficeHoursOnly() throws {
        var scenario = TestScenarios.calm(technicians: 3, keyOrdersPerWeek: 10, regularClients: 6, regularOrdersPerWeek: 4,
                                          horizonDays: 140)
        scenario.calendar.officeStartHour = 9
        scenario.calendar.officeEndHour = 17.5
        scenario.calendar.closeOn(dayNumbers: [1, 33])   // day index 32 (Friday of week 5) is a holiday
        let calendar = try workingCalendar(of: scenario)
        let arrivals = try MechanismTrace(scenario).named("arrival")
        // 20 weeks × (10 + 24) orders a week, less the holidays': a Poisson count.
        #expect(arrivals.count > 500)
        for record in arrivals {
            let day = Int(record.timeHours / 24)
            let hour = record.timeHours - Double(day) * 24
            #expect(calendar.isWorkingDay(dayIndex: day), "an order on day \(day), a rest day")
            #expect(hour >= 9 && hour <= 17.5, "an order at \(hour) h")
        }
        // The weekly rate is kept: 34 orders in an ordinary week, none on a holiday. Days 7–139
        // are 19 weeks, one of them with the holiday: 18.8 weeks of office hours. The count is
        // Poisson (sd = √mean ≈ 25): a band of ±4 sd fails with probability < 10^-4.
        let ordinary = arrivals.filter { $0.timeHours >= 7 * 24 && $0.timeHours < 140 * 24 && !(32 * 24..<33 * 24).contains($0.timeHours) }
        let expected = 34.0 * (18 + 4.0 / 5)
        #expect(abs(Double(ordinary.count) - expected) < 4 * expected.squareRoot(), "\(ordinary.count) orders, expected ≈ \(expected)")
    }

    @Test("with anyTime arrivals, orders also come at night and on weekends (the 24/7 process)")
    func anyTimeArrivalsKeepTheContinuousProcess() throws {
        var scenario = TestScenarios.calm(technicians: 3, keyOrdersPerWeek: 10, regularClients: 6, regularOrdersPerWeek: 4,
                                          horizonDays: 70)
        scenario.calendar.arrivals = .anyTime
        let arrivals = try MechanismTrace(scenario).named("arrival")
        #expect(arrivals.contains { Int($0.timeHours / 24) % 7 >= 5 }, "weekend orders")
        #expect(arrivals.contains { $0.timeHours.truncatingRemainder(dividingBy: 24) < 6 }, "night orders")
    }

    @Test("morning replanning: a key order placed after the shift displaces regular work at the next shift start")
    func keyOrdersWaitingAtShiftStartPreemptRegularWork() throws {
        // Office hours run three hours past the shift (08:00–15:00 shift, orders until 18:00):
        // key orders placed after 15:00 wait overnight. Two technicians always busy on long
        // regular orders (40 h), so no one is free in the morning.
        var scenario = TestScenarios.calm(technicians: 2, keyOrdersPerWeek: 6, regularClients: 4, regularOrdersPerWeek: 4,
                                          keyWorkHours: 3, regularWorkHours: 40, horizonDays: 70)
        var policy = Policy()
        policy.keyClientTerms.priority = .preemptive
        scenario = scenario.only(policy)
        let shiftStart = scenario.calendar.shiftStartHour
        let shiftEnd = shiftStart + scenario.calendar.shiftLengthHours
        let trace = try MechanismTrace(scenario)
        let lateKeyOrders = trace.orderLives.filter { life in
            let hour = life.arrival.timeHours.truncatingRemainder(dividingBy: 24)
            return life.client == 0 && hour > shiftEnd
        }
        #expect(lateKeyOrders.count >= 5, "key orders placed after the shift")
        // Each starts when the next shift starts, by displacing the regular order its technician
        // had just picked up — unless both technicians hold key orders then (key orders never
        // displace each other), which happens rarely at this load.
        var replanned = 0
        for life in lateKeyOrders {
            guard let start = life.starts.first,
                  abs(start.timeHours.truncatingRemainder(dividingBy: 24) - shiftStart) < 1e-9 else { continue }
            if trace.named("preempt").contains(where: { $0.timeHours == start.timeHours && $0.technician == start.technician }) {
                replanned += 1
            }
        }
        #expect(replanned >= 5)
        #expect(Double(replanned) >= 0.7 * Double(lateKeyOrders.count), "\(replanned) of \(lateKeyOrders.count) replanned")
    }
}
