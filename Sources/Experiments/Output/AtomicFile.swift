import Foundation

/// Writing result files so that a crash, Ctrl-C or full disk never leaves a half-written file:
/// the bytes go to a temporary file in the same directory, are flushed, and the temporary file
/// is renamed over the target (rename(2) is atomic within a file system).
public enum AtomicFile {
    public enum Failure: Error, Equatable, CustomStringConvertible {
        /// The directory cannot be created or is not a directory (exit 73).
        case cannotCreateDirectory(path: String, reason: String)
        /// Writing or renaming failed (disk full, permissions): exit 74.
        case cannotWrite(path: String, reason: String)

        public var description: String {
            switch self {
            case .cannotCreateDirectory(let path, let reason): "cannot create the output directory \(path): \(reason)"
            case .cannotWrite(let path, let reason): "cannot write \(path): \(reason)"
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

    /// Writes `text` to `path` atomically.
    public static func write(_ text: String, to path: String) throws(Failure) {
        let url = URL(fileURLWithPath: path)
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).tmp-\(ProcessInfo.processInfo.processIdentifier)").path
        let data = Data(text.utf8)
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { throw .cannotWrite(path: path, reason: String(cString: strerror(errno))) }
        var failure: String?
        data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
            var offset = 0
            while offset < buffer.count {
                let written = Foundation.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    failure = String(cString: strerror(errno))
                    return
                }
                offset += written
            }
        }
        if failure == nil, fsync(descriptor) != 0, errno != EINVAL { failure = String(cString: strerror(errno)) }
        if close(descriptor) != 0, failure == nil { failure = String(cString: strerror(errno)) }
        if let failure {
            unlink(temporary)
            throw .cannotWrite(path: path, reason: failure)
        }
        if rename(temporary, path) != 0 {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw .cannotWrite(path: path, reason: reason)
        }
    }

    /// Removes a file if it exists (best effort).
    public static func remove(_ path: String) {
        unlink(path)
    }

}
