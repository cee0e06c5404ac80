import Foundation

/// The result folder of one command, held for the whole run: one writer at a time, leftovers
/// of a killed run repaired, and the final files installed as one set.
///
/// Why a lock: a restarted Kubernetes pod or a Slurm task run twice writes into the same
/// `--out` as its first incarnation. Without one, both appended rows to one partial file and
/// each run's `run.json` described files that were half the other's. The lock is `flock(2)` on
/// `.bigclient.lock` inside the folder, taken without waiting: the kernel releases it when its
/// holder dies, however it dies, so a lock left by a killed process is recognised (the file is
/// there, the lock on it is not) and taken over. The file holds the holder's pid, host, start
/// time and command, for the message a second writer gets.
///
/// Why a staged commit: the final files (`replications.csv`, `summary.csv`, …, `run.json`)
/// must never mix two runs. They are written complete into `.bigclient-commit/`, then a
/// marker listing what to install and what to remove is written, and only then are the files
/// renamed into place (rename(2) is atomic within a file system). A crash before the marker
/// leaves the old files untouched and the staging folder is discarded on the next open; a
/// crash after it is finished ("rolled forward") on the next open, by any command that writes
/// there. `merge` refuses a shard folder with an unfinished commit.
public final class OutputFolder: @unchecked Sendable {
    public let path: String
    /// What opening found and repaired, one sentence each, for the user (stderr).
    public private(set) var notes: [String] = []
    private var lockDescriptor: Int32

    public static let lockName = ".bigclient.lock"
    public static let stagingName = ".bigclient-commit"
    static let markerName = "COMMIT"

    /// Creates the folder if needed, takes its lock, and repairs what a killed run left.
    ///
    /// - Parameter command: the command line, recorded in the lock for a second writer's message.
    /// - Throws: `.cannotCreateDirectory` when the folder cannot be created or written (73),
    ///   `.inUse` when another live process holds it (73), `.cannotWrite` (74).
    public init(_ path: String, command: String) throws(AtomicFile.Failure) {
        self.path = path
        try AtomicFile.createDirectory(path)
        let (descriptor, previousHolder) = try Self.lock(path, holder: Self.holderText(command))
        lockDescriptor = descriptor
        if let previousHolder {
            notes.append("took over the lock of a bigclient run that is no longer running (\(previousHolder))")
        }
        do {
            try recoverCommit()
            removeTemporaries()
        } catch {
            release()
            throw error
        }
    }

    deinit { release() }

    /// Gives the folder back: the lock file is removed, then unlocked (in that order, so a
    /// process waiting on the old file sees it gone and takes a new one; see `lock`).
    public func release() {
        guard lockDescriptor >= 0 else { return }
        unlink(file(Self.lockName))
        close(lockDescriptor)
        lockDescriptor = -1
    }

    public func file(_ name: String) -> String { path.hasSuffix("/") ? path + name : path + "/" + name }

    // MARK: Commit

    /// Installs `files` (name, text) as one set, in order (put the record that describes the
    /// others, `run.json` or `sweep.json`, last), and removes `removing` (stale finals, partial
    /// files) in the same commit.
    ///
    /// - Returns: false when `shouldStop` asked to stop before anything in the folder changed
    ///   (the staging folder is discarded); true when the set is installed.
    @discardableResult
    public func commit(_ files: [(name: String, text: String)], removing: [String],
                       shouldStop: () -> Bool = { false }) throws(AtomicFile.Failure) -> Bool {
        let staging = file(Self.stagingName)
        discardStaging()
        guard mkdir(staging, 0o755) == 0 else { throw .cannotWrite(path: staging, reason: Self.reason()) }
        for (name, text) in files {
            if shouldStop() {
                discardStaging()
                return false
            }
            do {
                try AtomicFile.writeNew(text, to: staging + "/" + name)
            } catch {
                discardStaging()
                throw error
            }
        }
        let marker = files.map { "install \($0.name)\n" }.joined() + removing.map { "remove \($0)\n" }.joined()
        do {
            try AtomicFile.writeNew(marker, to: staging + "/" + Self.markerName)
        } catch {
            discardStaging()
            throw error
        }
        AtomicFile.syncDirectory(staging)
        try rollForward()
        return true
    }

    /// Finishes a commit whose marker is written: removals first (a stale `timeseries.csv` must
    /// not outlive the commit that drops it), then the files, then the staging folder.
    private func rollForward() throws(AtomicFile.Failure) {
        let staging = file(Self.stagingName)
        let marker = staging + "/" + Self.markerName
        guard let text = try? String(contentsOfFile: marker, encoding: .utf8) else { return }
        let lines = text.split(separator: "\n").map(String.init)
        for line in lines where line.hasPrefix("remove ") {
            let name = String(line.dropFirst("remove ".count))
            if unlink(file(name)) != 0, errno != ENOENT { throw .cannotWrite(path: file(name), reason: Self.reason()) }
        }
        for line in lines where line.hasPrefix("install ") {
            let name = String(line.dropFirst("install ".count))
            let staged = staging + "/" + name
            guard access(staged, F_OK) == 0 else { continue }   // installed before a crash
            if rename(staged, file(name)) != 0 { throw .cannotWrite(path: file(name), reason: Self.reason()) }
        }
        AtomicFile.syncDirectory(path)
        unlink(marker)
        rmdir(staging)
    }

    /// On open: a staging folder with its marker is a commit to finish; without, one to drop.
    private func recoverCommit() throws(AtomicFile.Failure) {
        let staging = file(Self.stagingName)
        var info = stat()
        guard lstat(staging, &info) == 0 else { return }
        if access(staging + "/" + Self.markerName, F_OK) == 0 {
            try rollForward()
            notes.append("finished installing the result files of an earlier run that was stopped while it wrote them")
        } else {
            discardStaging()
        }
    }

    private func discardStaging() {
        let staging = file(Self.stagingName)
        var info = stat()
        guard lstat(staging, &info) == 0 else { return }
        if (info.st_mode & S_IFMT) != S_IFDIR {
            unlink(staging)
            return
        }
        for name in (try? FileManager.default.contentsOfDirectory(atPath: staging)) ?? [] { unlink(staging + "/" + name) }
        rmdir(staging)
    }

    /// `.NAME.tmp-PID` files of `AtomicFile.write` left by a process killed mid-write: with the
    /// lock held, none of them can belong to a live writer.
    private func removeTemporaries() {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        let stale = names.filter(AtomicFile.isTemporaryName)
        for name in stale { unlink(file(name)) }
        if !stale.isEmpty {
            notes.append("removed \(stale.count) temporary file\(stale.count == 1 ? "" : "s") left by an interrupted run")
        }
    }

    // MARK: Lock

    /// Opens and locks `.bigclient.lock`, writes `holder` into it, and returns the descriptor
    /// and the text a dead holder left, if any.
    ///
    /// The inode check after locking closes the race with a holder that removes the file as it
    /// releases it: a lock won on a file no longer in the folder is worth nothing, so try again.
    static func lock(_ directory: String, holder: String) throws(AtomicFile.Failure) -> (Int32, String?) {
        let lockPath = directory + "/" + lockName
        for _ in 0..<20 {
            let fd = open(lockPath, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o644)
            guard fd >= 0 else {
                let code = errno
                if code == ELOOP { throw .cannotCreateDirectory(path: directory, reason: "\(lockName) is a symbolic link; remove it") }
                throw .cannotCreateDirectory(path: directory, reason: "cannot write in it (\(String(cString: strerror(code))))")
            }
            if flock(fd, LOCK_EX | LOCK_NB) != 0 {
                let code = errno
                let text = readAll(fd)
                close(fd)
                if code == EWOULDBLOCK {
                    throw .inUse(path: directory, holder: text.isEmpty ? "another process" : text)
                }
                throw .cannotCreateDirectory(path: directory, reason: "cannot lock \(lockName) (\(String(cString: strerror(code))))")
            }
            var opened = stat(), named = stat()
            guard fstat(fd, &opened) == 0, lstat(lockPath, &named) == 0,
                  opened.st_dev == named.st_dev, opened.st_ino == named.st_ino else {
                close(fd)
                continue
            }
            let previous = readAll(fd)
            let bytes = Array(holder.utf8)
            guard ftruncate(fd, 0) == 0, bytes.withUnsafeBytes({ pwrite(fd, $0.baseAddress!, $0.count, 0) }) == bytes.count else {
                let reason = reason()
                close(fd)
                throw .cannotWrite(path: lockPath, reason: reason)
            }
            return (fd, previous.isEmpty ? nil : previous)
        }
        throw .inUse(path: directory, holder: "other processes that keep replacing \(lockName)")
    }

    static func holderText(_ command: String) -> String {
        var name = [CChar](repeating: 0, count: 256)
        let host = gethostname(&name, name.count) == 0
            ? String(decoding: name.prefix(while: { $0 != 0 }).map { UInt8(bitPattern: $0) }, as: UTF8.self) : "this host"
        let started = ISO8601DateFormatter().string(from: Date())
        return "pid \(getpid()) on \(host), started \(started): \(command)"
    }

    private static func readAll(_ fd: Int32) -> String {
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        var offset: off_t = 0
        while bytes.count < 65_536 {
            let count = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress!, $0.count, offset) }
            if count <= 0 { break }
            bytes += buffer[0..<count]
            offset += off_t(count)
        }
        return String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    static func reason() -> String { String(cString: strerror(errno)) }
}
