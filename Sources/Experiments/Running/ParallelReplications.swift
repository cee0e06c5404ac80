import Foundation
import Dispatch
import CompanyModel

/// Runs (policy, replication) tasks on `jobs` threads and returns the results in task order.
///
/// Why the results cannot depend on the thread count: each task is a pure function of
/// (scenario, policy, seed, replication) — it builds its own random streams — and its result
/// goes into the slot of its index. Threads only decide *when* a task runs, never what it
/// computes or where its result lands. Workers take the next task index from a shared counter,
/// so a slow replication never idles the other cores.
struct ParallelReplications {
    struct Task: Sendable {
        var policy: Int
        var replication: Int
    }

    let models: [CompanySimulation]
    let seed: UInt64
    let timeseries: Bool

    func run(_ tasks: [Task], jobs: Int, progress: @Sendable (Int) -> Void) -> [ReplicationResult] {
        let slots = ResultSlots(count: tasks.count)
        let workers = max(1, min(jobs, tasks.count))
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while let index = slots.claimNext() {
                let task = tasks[index]
                let result = models[task.policy].run(replication: task.replication, seed: seed, timeseries: timeseries)
                let done = slots.store(result, at: index)
                progress(done)
            }
        }
        return slots.results()
    }
}

/// The shared task counter and result slots, behind a lock (touched once per replication,
/// never per event, so the lock costs nothing measurable).
final class ResultSlots: @unchecked Sendable {
    private let lock = NSLock()
    private var next = 0
    private var finished = 0
    private var slots: [ReplicationResult?]

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func claimNext() -> Int? {
        lock.lock(); defer { lock.unlock() }
        guard next < slots.count else { return nil }
        next += 1
        return next - 1
    }

    func store(_ result: ReplicationResult, at index: Int) -> Int {
        lock.lock(); defer { lock.unlock() }
        slots[index] = result
        finished += 1
        return finished
    }

    func results() -> [ReplicationResult] {
        lock.lock(); defer { lock.unlock() }
        return slots.map { $0! }
    }
}
