import Foundation
import Experiments

/// The one progress display of every command that runs replications (through the
/// `ReplicationScheduler`): on a terminal, a line that rewrites itself (at most five times a
/// second); without one — a batch job, a CI log, `2> file` — plain lines on stderr, from 10 s
/// on: one every 10 s, and one at each further tenth of the work, so a long run is never
/// silent, a short one prints nothing, and a log holds at most a line per 10 s plus ten.
/// Nothing with `--quiet`.
final class ProgressDisplay: @unchecked Sendable {
    enum Mode { case off, terminal, log }

    private let mode: Mode
    /// What the tasks are: "replications", "point-replications (12 points)", "validation replications".
    private let unit: String
    private let lock = NSLock()
    private var lastPrint = 0.0
    private var lastTenth = 0
    private var printed = false

    static let terminalInterval = 0.2
    static let logInterval = 10.0

    init(quiet: Bool, unit: String = "replications") {
        mode = quiet ? .off : (isatty(STDERR_FILENO) != 0 ? .terminal : .log)
        self.unit = unit
    }

    func update(_ progress: ReplicationScheduler.Progress) {
        guard mode != .off, progress.planned > 0 else { return }
        lock.lock(); defer { lock.unlock() }
        let rate = progress.seconds > 0 ? Double(progress.done) / progress.seconds : 0
        let left = rate > 0 ? Double(progress.planned - progress.done) / rate : 0
        let complete = progress.done == progress.planned
        switch mode {
        case .off:
            return
        case .terminal:
            guard progress.seconds - lastPrint >= Self.terminalInterval || complete else { return }
            Console.errorFragment(String(format: "\r  %d/%d %@  %.1f/s  ETA %.0f s   ", progress.done, progress.planned, unit, rate, left))
        case .log:
            let tenth = progress.done * 10 / progress.planned
            let due = progress.seconds - lastPrint >= Self.logInterval || (progress.seconds >= Self.logInterval && tenth > lastTenth)
            guard due else { return }
            lastTenth = tenth
            Console.error(String(format: "progress: %d/%d %@ (%d %%), %.1f/s, about %@ left", progress.done, progress.planned, unit,
                                 progress.done * 100 / progress.planned, rate, Self.duration(left)))
        }
        lastPrint = progress.seconds
        printed = true
    }

    /// Clears the terminal line (a log keeps its lines).
    func finish() {
        guard mode == .terminal, printed else { return }
        Console.errorFragment("\r\u{1B}[K")
    }

    static func duration(_ seconds: Double) -> String {
        if seconds >= 3_600 { return String(format: "%.1f h", seconds / 3_600) }
        if seconds >= 60 { return String(format: "%.0f min", seconds / 60) }
        return String(format: "%.0f s", seconds)
    }
}
