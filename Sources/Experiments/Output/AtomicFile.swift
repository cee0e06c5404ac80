import Foundation
import CompanyModel

/// Writing result files so that a crash, Ctrl-C or full disk never leaves a half-written file:
/// the bytes go to a temporary file in the same directory, are flushed, and the temporary file
/// is renamed over the target (rename(2) is atomic within a file system).
public enum AtomicFile {
    public enum Failure: Error, Equatable, CustomStringConvertible {
        /// The directory cannot be created or is not a directory (exit 73).
        case cannotCreateDirectory(path: String, reason: String)
        /// Writing or renaming failed (disk full, permissions): exit 74.
        case cannotWrite(path: String, reason: String)
        /// Another live process holds the folder's lock (`OutputFolder`): exit 73.
        case inUse(path: String, holder: String)

        public var description: String {
            switch self {
            case .cannotCreateDirectory(let path, let reason):
                "cannot create the output directory \(ScenarioError.printable(path)): \(reason)"
            case .cannotWrite(let path, let reason): "cannot write \(ScenarioError.printable(path)): \(reason)"
            case .inUse(let path, let holder):
                "the output directory \(ScenarioError.printable(path)) is in use by another bigclient run "
                    + "(\(ScenarioError.printable(holder, limit: 400))). Wait for it to end, or write elsewhere with --out; "
                    + "if that run is a copy of this one (a task started twice), stop one of them"
            }
        }
    }

    /// Creates `path` and its missing parents (like `mkdir -p`), with the system's reason on
    /// failure ("Permission denied", "Read-only file system", "Not a directory").
    public static func createDirectory(_ path: String) throws(Failure) {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            if !isDirectory.boolValue { throw .cannotCreateDirectory(path: path, reason: "a file with that name exists") }
            return
        }
        var prefix = path.hasPrefix("/") ? "/" : ""
        for component in path.split(separator: "/") {
            prefix += (prefix.isEmpty || prefix.hasSuffix("/") ? "" : "/") + component
            if mkdir(prefix, 0o755) != 0 && errno != EEXIST {
                throw .cannotCreateDirectory(path: path, reason: String(cString: strerror(errno)))
            }
        }
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw .cannotCreateDirectory(path: path, reason: "a file with that name exists")
        }
    }

    /// Writes `text` to `path` atomically, through `.NAME.tmp-PID` beside it.
    public static func write(_ text: String, to path: String) throws(Failure) {
        let url = URL(fileURLWithPath: path)
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).tmp-\(ProcessInfo.processInfo.processIdentifier)").path
        unlink(temporary)   // a leftover of a killed process that had our pid
        do {
            try writeNew(text, to: temporary, reportedAs: path)
        } catch {
            unlink(temporary)
            throw error
        }
        if rename(temporary, path) != 0 {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw .cannotWrite(path: path, reason: reason)
        }
    }

    /// Writes `text` into a file that must not exist yet, and flushes it to disk. Never follows
    /// a symbolic link: one planted where the file goes makes the write fail, it does not
    /// redirect it.
    public static func writeNew(_ text: String, to path: String, reportedAs shownPath: String? = nil) throws(Failure) {
        let shown = shownPath ?? path
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw .cannotWrite(path: shown, reason: String(cString: strerror(errno))) }
        var failure = writeAll(descriptor, Array(text.utf8))
        if failure == nil, fsync(descriptor) != 0, errno != EINVAL { failure = String(cString: strerror(errno)) }
        if close(descriptor) != 0, failure == nil { failure = String(cString: strerror(errno)) }
        if let failure { throw .cannotWrite(path: shown, reason: failure) }
    }

    /// Writes every byte, retrying after a signal; the system's reason when it cannot.
    static func writeAll(_ descriptor: Int32, _ bytes: [UInt8]) -> String? {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress! + offset, $0.count - offset) }
            if written < 0 {
                if errno == EINTR { continue }
                return String(cString: strerror(errno))
            }
            offset += written
        }
        return nil
    }

    /// Flushes a directory's entries (the renames into it) to disk; best effort.
    static func syncDirectory(_ path: String) {
        let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        fsync(descriptor)
        close(descriptor)
    }

    /// True for the names `write` gives its temporary files (`.NAME.tmp-PID`).
    static func isTemporaryName(_ name: String) -> Bool {
        guard name.hasPrefix("."), let range = name.range(of: ".tmp-", options: .backwards) else { return false }
        let pid = name[range.upperBound...]
        return range.lowerBound > name.index(after: name.startIndex) && !pid.isEmpty && pid.allSatisfy(\.isASCII) && pid.allSatisfy(\.isNumber)
    }

    /// Removes a file if it exists (best effort).
    public static func remove(_ path: String) {
        unlink(path)
    }

}
