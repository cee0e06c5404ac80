import CompanyModel
import SimulationKernel
import Testing

@Suite("Mechanism: preemption")
struct MechanismPreemptionTests {
    /// One technician, 24/7, every order exactly 4 h; key client 0, regular client 1.
    static func scenario(_ priority: Policy.KeyPriority, penalty: Double) throws -> Scenario {
        var scenario = TestScenarios.queue(servers: 1, keyRatePerHour: 0.05, otherRatePerHour: 0.08,
                                           work: try .constant(4), priority: priority,
                                           horizonHours: 24 * 60, warmupHours: 24 * 5)
        scenario.policies["only"]!.switchPenaltyHours = penalty
        return scenario
    }

    @Test("a preempted order goes back to the queue, restarts later, and costs its work plus the switch penalty")
    func preemptedOrderReturnsWithPenalty() throws {
        let penalty = 1.5
        let scenario = try Self.scenario(.preemptive, penalty: penalty)
        let trace = try MechanismTrace(scenario)
        let preempts = trace.named("preempt")
        #expect(preempts.count >= 5, "the set-up should preempt often")

        for (i, record) in trace.records.enumerated() where record.event == "preempt" {
            // Only regular work is interrupted, and by a key order started at once on that technician.
            #expect(record.client == 1)
            let next = try #require(trace.records.dropFirst(i + 1).first)
            #expect(next.event == "start" && next.client == 0 && next.technician == record.technician
                    && next.timeHours == record.timeHours)
            // Back in the queue by arrival time: the next regular order started is the interrupted one.
            let nextRegularStart = trace.records.dropFirst(i + 1).first { $0.event == "start" && $0.client == 1 }
            if let nextRegularStart { #expect(nextRegularStart.order == record.order) }
        }

        var preemptedAndDelivered = 0
        for life in trace.orderLives where life.delivery != nil {
            // Work content plus the switch penalty per interruption (one technician at productivity 1).
            let expected = life.workHours + penalty * Double(life.preemptions)
            #expect(abs(life.stintHours - expected) < 1e-6,
                    "order \(life.arrival.order) at \(life.arrival.timeHours) h: worked \(life.stintHours) h, expected \(expected) h")
            #expect(life.starts.count == life.preemptions + 1, "each interruption is followed by a restart")
            if life.preemptions > 0 { preemptedAndDelivered += 1 }
        }
        #expect(preemptedAndDelivered >= 3)

        // The metric counts the interruptions of the measurement window.
        #expect(trace.result[.preemptions] == Double(trace.count("preempt", from: scenario.decisionHours)))
        #expect(trace.result[.preemptions] > 0)
    }

    @Test("non-preemptive priority never interrupts work in progress")
    func priorityDoesNotPreempt() throws {
        let trace = try MechanismTrace(try Self.scenario(.priority, penalty: 1.5))
        #expect(trace.count("preempt") == 0)
        #expect(trace.result[.preemptions] == 0)
        for life in trace.orderLives where life.delivery != nil {
            #expect(life.starts.count == 1)
            #expect(abs(life.stintHours - life.workHours) < 1e-6)
        }
        // Yet key orders do jump the queue: some key order starts before an earlier regular one.
        let lives = trace.orderLives
        let jumped = lives.contains { key in
            guard key.client == 0, let keyStart = key.starts.first?.timeHours else { return false }
            return lives.contains { other in
                other.client == 1 && other.arrival.timeHours < key.arrival.timeHours
                    && (other.starts.first?.timeHours ?? .infinity) > keyStart
            }
        }
        #expect(jumped)
    }
}
