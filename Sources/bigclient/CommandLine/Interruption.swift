import Foundation

/// Ctrl-C (SIGINT) and SIGTERM: the first one asks the running command to stop cleanly
/// (finished replications stay on disk, no file is half-written, exit 130); a second one ends
/// the process at once. A command that holds nothing worth keeping (`bench`, whose kernel
/// benchmarks are timed without a stop test in their loops) ends at the first.
enum Interruption {
    nonisolated(unsafe) private static var requested: sig_atomic_t = 0
    nonisolated(unsafe) private static var endsAtOnce: sig_atomic_t = 0
    /// Written by the handler itself (write(2) is async-signal-safe; building a string is not).
    nonisolated(unsafe) private static var atOnceMessage: [UInt8] = []

    /// From now on the first signal ends the process with 130 after printing `message`.
    static func endAtOnce(saying message: String) {
        atOnceMessage = Array(("error: " + message + "\n").utf8)
        endsAtOnce = 1
    }

    static func install() {
        // A process may start with these signals blocked (a launcher's threads often block
        // them, and a child inherits the mask): unblock them, before any worker thread exists,
        // or a stop request would wait forever.
        var unblock = sigset_t()
        sigemptyset(&unblock)
        sigaddset(&unblock, SIGINT)
        sigaddset(&unblock, SIGTERM)
        sigprocmask(SIG_UNBLOCK, &unblock, nil)
        for signalNumber in [SIGINT, SIGTERM] {
            signal(signalNumber) { number in
                if Interruption.endsAtOnce != 0 {
                    Interruption.atOnceMessage.withUnsafeBytes { _ = write(STDERR_FILENO, $0.baseAddress, $0.count) }
                    _exit(128 + number)
                }
                if Interruption.requested != 0 {
                    // Second signal: stop now, with the conventional status.
                    _exit(128 + number)
                }
                Interruption.requested = 1
            }
        }
    }

    static var isRequested: Bool { requested != 0 }
}
