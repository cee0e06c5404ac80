import Foundation

/// A textbook multi-server queue built directly on the kernel: Poisson arrivals per class,
/// exponential service, c identical servers, non-preemptive priority between classes (class 0
/// first) and FIFO within a class. With one class it is the M/M/c queue of Erlang C.
///
/// Why it lives in the kernel: it is domain-free, it checks the kernel against queueing theory
/// (tests compare its waits with Erlang C and the priority formulas), and it is the reference
/// workload of `bigclient bench` (two classes, c = 8, λ = 2 and 4 per day, mean service 1 day).
/// Service times are drawn at arrival from the class's own stream, so common random numbers
/// hold across variants of the model.
public struct PriorityQueueingModel {
    public struct Configuration: Sendable {
        /// Arrival rate of each class, per time unit; class 0 has the highest priority.
        public var arrivalRates: [Double]
        /// Mean service time, in time units (the same for every class).
        public var meanServiceTime: Double
        public var servers: Int
        /// Length of the run, in time units.
        public var horizon: Double
        /// Waits of customers arriving before this time are not recorded.
        public var warmup: Double

        public init(arrivalRates: [Double], meanServiceTime: Double, servers: Int, horizon: Double, warmup: Double) {
            self.arrivalRates = arrivalRates
            self.meanServiceTime = meanServiceTime
            self.servers = servers
            self.horizon = horizon
            self.warmup = warmup
        }

        /// The benchmark of docs/performance.md: two classes, c = 8, λ = 2 and 4 per day, service 1 day.
        public static func benchmark(days: Double = 1_000_000, warmupDays: Double = 1_000) -> Configuration {
            Configuration(arrivalRates: [2, 4], meanServiceTime: 1, servers: 8, horizon: days, warmup: warmupDays)
        }
    }

    public struct Result: Sendable {
        /// Mean wait in queue per class, over customers who arrived after the warm-up and
        /// started service before the horizon.
        public var meanWait: [Double]
        public var customersServed: [Int]
        public var eventsProcessed: UInt64
    }

    enum Event {
        case arrival(classIndex: Int)
        case departure
    }

    struct Waiting {
        var arrival: Double
        var service: Double
    }

    let configuration: Configuration

    public init(_ configuration: Configuration) {
        precondition(!configuration.arrivalRates.isEmpty && configuration.arrivalRates.allSatisfy { $0 > 0 },
                     "PriorityQueueingModel: arrival rates must be > 0 (got \(configuration.arrivalRates))")
        precondition(configuration.servers >= 1, "PriorityQueueingModel: servers must be ≥ 1 (got \(configuration.servers))")
        precondition(configuration.meanServiceTime > 0, "PriorityQueueingModel: mean service must be > 0")
        self.configuration = configuration
    }

    /// Runs one replication; streams are (seed, replication, 2k) for class k's arrivals and
    /// (seed, replication, 2k + 1) for its service times.
    public func run(seed: UInt64, replication: Int) -> Result {
        let classes = configuration.arrivalRates.count
        var arrivalStreams = (0..<classes).map { RandomStream(masterSeed: seed, replication: replication, streamID: 2 * $0) }
        var serviceStreams = (0..<classes).map { RandomStream(masterSeed: seed, replication: replication, streamID: 2 * $0 + 1) }
        var queues = (0..<classes).map { _ in RingBuffer<Waiting>(capacity: 256) }
        var waitSum = [Double](repeating: 0, count: classes)
        var served = [Int](repeating: 0, count: classes)
        var busy = 0
        let horizon = SimTime(hours: configuration.horizon)
        let warmup = configuration.warmup
        let meanService = configuration.meanServiceTime

        var sim = Simulation<Event>(reservingCapacity: configuration.servers + classes + 8)
        for k in 0..<classes {
            sim.schedule(.arrival(classIndex: k), at: SimTime(hours: -log(arrivalStreams[k].nextUniform()) / configuration.arrivalRates[k]))
        }

        // The loop is written out flat (no nested function capturing the counters), so the
        // optimiser keeps the counters in registers.
        let servers = configuration.servers
        let rates = configuration.arrivalRates
        while let event = sim.nextEvent(until: horizon) {
            let now = sim.now.hours
            var next: Waiting
            var k: Int
            switch event {
            case .arrival(let classIndex):
                k = classIndex
                let customer = Waiting(arrival: now, service: -log(serviceStreams[k].nextUniform()) * meanService)
                sim.schedule(.arrival(classIndex: k), at: SimTime(hours: now - log(arrivalStreams[k].nextUniform()) / rates[k]))
                if busy < servers {
                    next = customer
                } else {
                    queues[k].append(customer)
                    continue
                }
            case .departure:
                busy -= 1
                var found: Waiting?
                k = 0
                while k < classes {
                    if let waiting = queues[k].popFirst() { found = waiting; break }
                    k += 1
                }
                guard let waiting = found else { continue }
                next = waiting
            }
            if next.arrival >= warmup {
                waitSum[k] += now - next.arrival
                served[k] += 1
            }
            busy += 1
            sim.schedule(.departure, at: SimTime(hours: now + next.service))
        }
        let means = (0..<classes).map { served[$0] > 0 ? waitSum[$0] / Double(served[$0]) : .nan }
        return Result(meanWait: means, customersServed: served, eventsProcessed: sim.eventsProcessed)
    }
}
