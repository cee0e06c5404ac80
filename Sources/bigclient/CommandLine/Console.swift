import Foundation

/// Where the commands write: stdout for results, stderr for errors and progress.
///
/// Why plain write(2) and not `FileHandle.write`: Foundation's `write(_:)` traps on any error
/// (a full disk behind `> file`, `/dev/full`, a closed descriptor), so `bigclient check >
/// /dev/full` died with "Fatal error: 'try!' expression unexpectedly raised an error". Here a
/// failed write is remembered instead: the command goes on (its result files are written
/// atomically and do not depend on the terminal), later writes to that stream are skipped, and
/// `CommandRunner` ends with exit 74 and the reason on stderr. A closed pipe on stdout (`|
/// head`) ends the process quietly by SIGPIPE, as Unix filters do; a broken stderr only
/// silences the progress and messages.
enum Console {
    /// The first failed write to stdout, with the system's reason.
    nonisolated(unsafe) private(set) static var outputFailure: String?
    nonisolated(unsafe) private static var errorStreamBroken = false
    private static let lock = NSLock()

    static func out(_ text: String) {
        write(text + "\n", to: STDOUT_FILENO)
    }

    static func error(_ text: String) {
        write(text + "\n", to: STDERR_FILENO)
    }

    /// Text on stderr without a line break (a progress line rewriting itself).
    static func errorFragment(_ text: String) {
        write(text, to: STDERR_FILENO)
    }

    /// Writes all of `text` to `descriptor`, or records why it could not.
    static func write(_ text: String, to descriptor: Int32) {
        lock.lock(); defer { lock.unlock() }
        if descriptor == STDOUT_FILENO, outputFailure != nil { return }
        if descriptor == STDERR_FILENO, errorStreamBroken { return }
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeMutableBytes { buffer in
                Foundation.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
            }
            if written >= 0 {
                offset += written
                continue
            }
            let code = errno
            if code == EINTR { continue }
            if code == EPIPE, descriptor == STDOUT_FILENO {
                // The reader is gone: end as `yes | head` does, by the signal itself.
                signal(SIGPIPE, SIG_DFL)
                raise(SIGPIPE)
            }
            if descriptor == STDOUT_FILENO {
                outputFailure = String(cString: strerror(code))
            } else {
                errorStreamBroken = true
            }
            return
        }
    }

    /// A closed pipe must surface as EPIPE, not kill the process with SIGPIPE wherever it
    /// writes (a progress line on a closed stderr must not stop a run).
    static func install() {
        signal(SIGPIPE, SIG_IGN)
    }
}
