import Foundation

/// The classic "hold" benchmark of event-list performance (Vaucher & Duval, 1975): keep
/// `pendingEvents` events in the queue; repeatedly take the earliest and schedule a new one
/// an exponential time later. It measures the queue and the loop alone, with nothing else.
public struct HoldModel: Sendable {
    public var pendingEvents: Int
    public var events: Int

    public init(pendingEvents: Int, events: Int) {
        precondition(pendingEvents >= 1 && events >= 0, "HoldModel: pendingEvents ≥ 1 and events ≥ 0 required (got \(pendingEvents), \(events))")
        self.pendingEvents = pendingEvents
        self.events = events
    }

    /// Runs the hold loop; returns the number of events processed and the final clock
    /// (returned so the optimiser cannot drop the work).
    public func run(seed: UInt64) -> (eventsProcessed: UInt64, finalTime: Double) {
        var random = RandomStream(masterSeed: seed, replication: 0, streamID: 0)
        var sim = Simulation<Int32>(reservingCapacity: pendingEvents + 1)
        for _ in 0..<pendingEvents { sim.schedule(0, after: SimTime(hours: -log(random.nextUniform()))) }
        for _ in 0..<events {
            guard sim.step() != nil else { break }
            sim.schedule(0, after: SimTime(hours: -log(random.nextUniform())))
        }
        return (sim.eventsProcessed, sim.now.hours)
    }
}
