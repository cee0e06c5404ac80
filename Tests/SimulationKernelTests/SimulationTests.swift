import Testing
import SimulationKernel

@Suite("Event loop")
struct SimulationTests {
    enum Event: Equatable { case ping(Int), stop }

    @Test("the clock moves to each event, and equal times keep scheduling order")
    func clockAndOrder() {
        var sim = Simulation<Event>()
        sim.schedule(.ping(2), at: .hours(2))
        sim.schedule(.ping(1), at: .hours(1))
        sim.schedule(.ping(3), at: .hours(2))
        var log: [(Double, Event)] = []
        while let event = sim.step() { log.append((sim.now.hours, event)) }
        #expect(log.map(\.0) == [1, 2, 2])
        #expect(log.map(\.1) == [.ping(1), .ping(2), .ping(3)])
        #expect(sim.eventsProcessed == 3)
    }

    @Test("run(until:) stops at the limit, leaves later events pending and can continue")
    func runUntil() {
        var sim = Simulation<Event>()
        for hour in 1...10 { sim.schedule(.ping(hour), at: .hours(Double(hour))) }
        var seen: [Int] = []
        sim.run(until: .hours(4)) { _, event in if case .ping(let k) = event { seen.append(k) } }
        #expect(seen == [1, 2, 3, 4])
        #expect(sim.now == .hours(4))
        #expect(sim.pendingCount == 6)
        sim.run(until: .hours(4.5)) { _, _ in Issue.record("no event is due before 5 h") }
        #expect(sim.now == .hours(4.5))
        sim.run(until: .infinity) { _, event in if case .ping(let k) = event { seen.append(k) } }
        #expect(seen == Array(1...10))
        #expect(sim.now == .hours(10))
    }

    @Test("handlers can schedule and cancel; a cancelled event is neither run nor counted")
    func scheduleAndCancelFromHandler() {
        var sim = Simulation<Event>()
        let doomed = sim.scheduleCancellable(.ping(99), at: .hours(5))
        sim.schedule(.stop, at: .hours(1))
        var fired: [Event] = []
        sim.run(until: .infinity) { sim, event in
            fired.append(event)
            if event == .stop {
                sim.cancel(doomed)
                sim.schedule(.ping(1), after: .hours(0.5))
            }
        }
        #expect(fired == [.stop, .ping(1)])
        #expect(sim.eventsProcessed == 2)
        #expect(sim.nextEventTime() == nil)
    }

    @Test("scheduling relative to now uses the current clock")
    func relativeScheduling() {
        var sim = Simulation<Event>(start: .days(2))
        sim.schedule(.ping(0), after: .hours(3))
        #expect(sim.nextEventTime() == .hours(51))
    }

    @Test("SimTime helpers convert days, weeks and weekdays")
    func simTimeHelpers() {
        let t = SimTime.weeks(1) + .days(2) + .hours(13.5)   // Wednesday of week 2, 13:30
        #expect(t.hours == 168 + 48 + 13.5)
        #expect(t.dayIndex == 9)
        #expect(t.weekIndex == 1)
        #expect(t.weekday == 2)
        #expect(t.hourOfDay == 13.5)
        #expect(SimTime.days(1).days == 1)
    }
}
