import Foundation

/// Ctrl-C (SIGINT) and SIGTERM: the first one asks the running command to stop cleanly
/// (finished replications stay on disk, no file is half-written, exit 130); a second one ends
/// the process at once.
enum Interruption {
    nonisolated(unsafe) private static var requested: sig_atomic_t = 0

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
