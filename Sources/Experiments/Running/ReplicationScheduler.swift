import Foundation
import Dispatch

/// Runs numbered tasks (a replication, or a replication of every policy) on `jobs` threads:
/// the one place where bigclient runs replications, for every command (`run`, `sweep`,
/// `breakeven`, `validate`, `bench`), so a stop request, progress and a per-task sink work the
/// same everywhere.
///
/// Why results cannot depend on the thread count: each task is a pure function of its index
/// (it builds its own random streams from the seed and the replication number), and its
/// result goes to the sink with its index. Threads only decide *when* a task runs, never what
/// it computes. Workers take the next index from a shared counter, so a slow replication never
/// idles the other cores.
///
/// ```swift
/// let scheduler = ReplicationScheduler(jobs: 2, shouldStop: { Interruption.isRequested })
/// var results = [ReplicationResult?](repeating: nil, count: n)
/// let finished = scheduler.run(count: n, work: { model.run(replication: $0, seed: 1, shouldStop: $1) },
///                              sink: { results[$0] = $1; return true })
/// // finished < n: stopped (or the sink refused); the finished tasks are in `results`.
/// ```
public struct ReplicationScheduler: Sendable {
    public struct Progress: Sendable {
        /// Tasks finished, those done before this run (a resume, an earlier batch) included.
        public var done: Int
        public var planned: Int
        public var seconds: Double

        public init(done: Int, planned: Int, seconds: Double) {
            self.done = done
            self.planned = planned
            self.seconds = seconds
        }
    }

    public var jobs: Int
    /// Polled before each task and passed into it (replications poll it every 4,096 events):
    /// when it returns true, no task starts and running ones give up their result.
    public var shouldStop: @Sendable () -> Bool
    public var progress: (@Sendable (Progress) -> Void)?

    public init(jobs: Int, shouldStop: @escaping @Sendable () -> Bool = { false },
                progress: (@Sendable (Progress) -> Void)? = nil) {
        self.jobs = max(1, jobs)
        self.shouldStop = shouldStop
        self.progress = progress
    }

    /// Runs tasks `0..<count`; `work(i, shouldStop)` computes task i, or returns nil when it
    /// stopped part-way. `sink(i, result)` receives each finished task, one call at a time, in
    /// finishing order; returning false stops the run (a write failed).
    ///
    /// - Parameters:
    ///   - alreadyDone, planned: for the progress figures only (done = alreadyDone + finished).
    /// - Returns: how many tasks reached the sink; fewer than `count` when stopped.
    @discardableResult
    public func run<Result>(count: Int, alreadyDone: Int = 0, planned: Int? = nil,
                            work: @Sendable (Int, @Sendable () -> Bool) -> Result?,
                            sink: (Int, Result) -> Bool) -> Int {
        guard count > 0 else { return 0 }
        let state = SchedulerState()
        let start = Date()
        let stop = shouldStop
        let total = planned ?? alreadyDone + count
        withoutActuallyEscaping(sink) { sink in
            let box = SinkBox(sink)
            DispatchQueue.concurrentPerform(iterations: min(jobs, count)) { _ in
                while !stop(), let index = state.claim(below: count) {
                    guard let result = work(index, stop) else { break }
                    guard let finished = state.deliver({ box.call(index, result) }) else { break }
                    progress?(Progress(done: alreadyDone + finished, planned: total, seconds: Date().timeIntervalSince(start)))
                }
            }
        }
        return state.finishedCount
    }
}

/// The shared counter and the serialised sink calls, behind one lock (taken once per task,
/// never per event, so it costs nothing measurable).
private final class SchedulerState: @unchecked Sendable {
    private let lock = NSLock()
    private var next = 0
    private var finished = 0
    private var refused = false

    func claim(below limit: Int) -> Int? {
        lock.lock(); defer { lock.unlock() }
        guard !refused, next < limit else { return nil }
        next += 1
        return next - 1
    }

    /// Calls `deliver` under the lock; the finished count, or nil once the sink has refused.
    func deliver(_ deliver: () -> Bool) -> Int? {
        lock.lock(); defer { lock.unlock() }
        guard !refused else { return nil }
        guard deliver() else {
            refused = true
            return nil
        }
        finished += 1
        return finished
    }

    var finishedCount: Int {
        lock.lock(); defer { lock.unlock() }
        return finished
    }
}

/// The caller's sink, which mutates its own state: called only under `SchedulerState`'s lock.
private final class SinkBox<Result>: @unchecked Sendable {
    let call: (Int, Result) -> Bool
    init(_ call: @escaping (Int, Result) -> Bool) { self.call = call }
}
