import Foundation
import Experiments

/// One self-rewriting line on stderr: replications done, rate, time left. Only on a terminal.
final class ProgressLine: @unchecked Sendable {
    private let enabled: Bool
    private let lock = NSLock()
    private var lastPrint = -1.0
    private var printed = false

    init(enabled: Bool) { self.enabled = enabled }

    func update(_ progress: Experiment.Progress) {
        guard enabled else { return }
        lock.lock(); defer { lock.unlock() }
        guard progress.seconds - lastPrint >= 0.2 || progress.replicationsDone == progress.replicationsPlanned else { return }
        lastPrint = progress.seconds
        let rate = progress.seconds > 0 ? Double(progress.replicationsDone) / progress.seconds : 0
        let left = rate > 0 ? Double(progress.replicationsPlanned - progress.replicationsDone) / rate : 0
        let line = String(format: "\r  %d/%d replications  %.1f/s  ETA %.0f s   ", progress.replicationsDone,
                          progress.replicationsPlanned, rate, left)
        Console.errorFragment(line)
        printed = true
    }

    func finish() {
        guard enabled, printed else { return }
        Console.errorFragment("\r\u{1B}[K")
    }
}
