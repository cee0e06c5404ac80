import Foundation
import CompanyModel

/// The rows of finished replications, appended to `replications.partial.csv` (and
/// `timeseries.partial.csv`) as tasks finish, so an interrupted run loses nothing finished.
///
/// Each task's rows go out in one `write(2)` on a file opened with O_APPEND, under a lock, so
/// rows of different tasks never interleave. Appending only ever follows a complete line: a
/// write that fails part-way (a full disk) is cut back at once to where it started, and a
/// file torn by a kill is cut back to its last complete row before appending resumes
/// (`cutTornTail`). Files are never opened through a symbolic link.
final class RowAppender: @unchecked Sendable {
    private let lock = NSLock()
    private let descriptor: Int32
    private let companionDescriptors: [Int32]
    let path: String
    let companionPaths: [String]
    /// Set by the first failed write: the files may no longer take rows (their task is run
    /// again on resume), so later appends fail too instead of writing after a gap.
    private var failure: AtomicFile.Failure?

    /// Opens (fresh: creates anew) the partial replications file and its companions (the
    /// outcome branches, the time series). A fresh start removes whatever is at the paths
    /// first, a symbolic link included (the link, never its target).
    init(path: String, header: String, companions: [(path: String, header: String)], fresh: Bool) throws(AtomicFile.Failure) {
        self.path = path
        companionPaths = companions.map(\.path)
        func open(_ path: String, header: String) throws(AtomicFile.Failure) -> Int32 {
            if fresh { unlink(path) }
            let flags = O_WRONLY | O_CREAT | O_APPEND | O_NOFOLLOW | O_CLOEXEC | (fresh ? O_EXCL : 0)
            let fd = Foundation.open(path, flags, 0o644)
            guard fd >= 0 else { throw Self.failure(path) }
            var info = stat()
            if fstat(fd, &info) == 0, info.st_size == 0, let reason = AtomicFile.writeAll(fd, Array(header.utf8)) {
                close(fd)
                throw .cannotWrite(path: path, reason: reason)
            }
            return fd
        }
        descriptor = try open(path, header: header)
        var opened: [Int32] = []
        for companion in companions {
            do {
                opened.append(try open(companion.path, header: companion.header))
            } catch {
                close(descriptor)
                for fd in opened { close(fd) }
                throw error
            }
        }
        companionDescriptors = opened
    }

    deinit {
        close(descriptor)
        for fd in companionDescriptors { close(fd) }
    }

    /// Appends one task's rows: the companions' rows first (in order), then the replication
    /// rows that mark the task done (a task whose rows are missing is run again on resume,
    /// its companion rows replaced by its new run's; see `ReplicationRows.read`).
    func append(rows: String, companions: [String]) throws(AtomicFile.Failure) {
        lock.lock(); defer { lock.unlock() }
        if let failure { throw failure }
        do {
            for (index, text) in companions.enumerated() where index < companionDescriptors.count && !text.isEmpty {
                try Self.write(companionDescriptors[index], text, path: companionPaths[index])
            }
            try Self.write(descriptor, rows, path: path)
        } catch {
            failure = error
            throw error
        }
    }

    /// Writes `text` at the end of `fd`; on failure, truncates the file back to its size before.
    static func write(_ fd: Int32, _ text: String, path: String) throws(AtomicFile.Failure) {
        let before = lseek(fd, 0, SEEK_END)
        if let reason = AtomicFile.writeAll(fd, Array(text.utf8)) {
            if before >= 0 { ftruncate(fd, before) }
            throw .cannotWrite(path: path, reason: reason)
        }
    }

    /// Cuts the file at `path` back to its first `completeBytes` bytes (the last complete row),
    /// when it is longer.
    static func cutTornTail(_ path: String, completeBytes: Int) throws(AtomicFile.Failure) {
        let fd = Foundation.open(path, O_WRONLY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else { throw failure(path) }
        defer { close(fd) }
        if ftruncate(fd, off_t(completeBytes)) != 0 { throw .cannotWrite(path: path, reason: String(cString: strerror(errno))) }
    }

    static func failure(_ path: String) -> AtomicFile.Failure {
        let code = errno
        if code == ELOOP {
            return .cannotWrite(path: path, reason: "it is a symbolic link, and bigclient does not write through links in its output folder; remove it")
        }
        return .cannotWrite(path: path, reason: String(cString: strerror(code)))
    }
}

/// The rows of a replications file (`replications.csv` of a shard, or a partial file), parsed
/// and checked against the plan they belong to.
///
/// Two readings, one parser: `merge` is strict (a damaged shard is refused, naming the file,
/// line and field: a merge must never report a full count over changed or missing rows),
/// while a resume is forgiving with its own partial file (a row that does not read is dropped
/// and its task run again, which always gives the right answer).
struct ReplicationRows {
    struct Key: Hashable {
        var point: Int
        var policy: String
        var replication: Int
    }

    enum Reading {
        /// Every row must be valid; duplicates are refused.
        case strict
        /// Invalid rows are dropped (and counted); a later row replaces an earlier one.
        case forgiving
    }

    var results: [Key: ReplicationResult] = [:]
    /// The outcome branches of each replication, from the outcomes file (when one was read).
    var branches: [Key: [OutcomeBranch]] = [:]
    /// Rows dropped by a forgiving reading (a replication whose branches do not read counts
    /// as one).
    var droppedRows = 0
    /// Bytes of an incomplete last row (or series row, or outcome row), which are not part of
    /// the data.
    var tornBytes = 0
    var seriesTornBytes = 0
    var outcomesTornBytes = 0
    var completeBytes = 0
    var seriesCompleteBytes = 0
    var outcomesCompleteBytes = 0

    enum Failure: Error, CustomStringConvertible {
        case unreadable(String, String)
        case malformed(String, String)
        case damaged(file: String, line: Int, field: String, problem: String)
        case stopped

        var description: String {
            switch self {
            case .unreadable(let path, let reason): return "cannot read \(ScenarioError.printable(path)): \(reason)"
            case .malformed(let path, let reason):
                return "\(ScenarioError.printable(path)) is not a bigclient replications file: \(reason)"
            case .damaged(let file, let line, let field, let problem):
                return "\(ScenarioError.printable(file)), line \(line), field \(ScenarioError.printable(field)): \(problem)"
            case .stopped: return "stopped"
            }
        }
    }

    /// Reads the replications file at `path` (and, if given, its time series) made under
    /// `manifest`'s plan.
    ///
    /// With `outcomesPath`, every replication must have its branches there, with probabilities
    /// that sum to 1: a strict reading refuses one without, a forgiving one drops it (its task
    /// is run again).
    ///
    /// `dialect` is the files' CSV dialect: RFC 4180 for the partial files (always), the
    /// manifest's for a folder's finished files; the text is converted back to RFC 4180 before
    /// it is parsed, so both read through the one parser.
    static func read(path: String, seriesPath: String?, outcomesPath: String? = nil, manifest: SweepManifest, reading: Reading,
                     dialect: CSVDialect = .rfc4180, shouldStop: () -> Bool = { false }) throws(Failure) -> ReplicationRows {
        var rows = ReplicationRows()
        let parameterCount = manifest.parameterNames.count
        let parsed = try parse(path, dialect: dialect, shouldStop: shouldStop)
        rows.completeBytes = parsed.completeBytes
        rows.tornBytes = parsed.tornBytes
        if reading == .strict { try refuseTornTail(parsed, file: path) }
        guard let header = parsed.records.first else { return rows }
        let metricNames = Metric.allCases.map(\.name)
        let fixed = parameterCount + 4
        guard header.count == fixed + metricNames.count, Array(header[fixed...]) == metricNames,
              header[parameterCount] == "point" else {
            throw .malformed(path, "unexpected columns (made by another version or another sweep?)")
        }
        var lineOfKey: [Key: Int] = [:]
        for (record, line) in zip(parsed.records, parsed.lines).dropFirst() {
            do throws(Failure) {
                let (key, result) = try row(record, header: header, manifest: manifest, file: path, line: line)
                if reading == .strict, let first = lineOfKey[key] {
                    throw .damaged(file: path, line: line, field: "policy",
                                   problem: "point \(key.point), policy '\(ScenarioError.printable(key.policy))', replication \(key.replication) appears twice (first on line \(first))")
                }
                lineOfKey[key] = line
                rows.results[key] = result
            } catch {
                if reading == .strict { throw error }
                rows.droppedRows += 1
            }
        }
        if shouldStop() { throw .stopped }
        if let seriesPath, access(seriesPath, F_OK) == 0 {
            let series = try parse(seriesPath, dialect: dialect, shouldStop: shouldStop)
            rows.seriesCompleteBytes = series.completeBytes
            rows.seriesTornBytes = series.tornBytes
            try rows.attachSeries(series, manifest: manifest, file: seriesPath, reading: reading)
        }
        if shouldStop() { throw .stopped }
        if let outcomesPath {
            let outcomes: CSVReader.Parsed
            if access(outcomesPath, F_OK) == 0 {
                outcomes = try parse(outcomesPath, dialect: dialect, shouldStop: shouldStop)
            } else if reading == .forgiving {
                outcomes = CSVReader.Parsed(records: [], lines: [], completeBytes: 0, tornBytes: 0)
            } else {
                throw .unreadable(outcomesPath, "missing (every replication's outcome branches are kept there)")
            }
            rows.outcomesCompleteBytes = outcomes.completeBytes
            rows.outcomesTornBytes = outcomes.tornBytes
            try rows.attachBranches(outcomes, manifest: manifest, file: outcomesPath, reading: reading)
        }
        if shouldStop() { throw .stopped }
        return rows
    }

    /// Outcome rows onto their replications. A task run again after an interruption writes its
    /// branches again: an outcome that a replication already has starts its list anew, so the
    /// re-run's branches replace the first run's.
    private mutating func attachBranches(_ parsed: CSVReader.Parsed, manifest: SweepManifest, file: String,
                                         reading: Reading) throws(Failure) {
        let parameterCount = manifest.parameterNames.count
        if reading == .strict { try Self.refuseTornTail(parsed, file: file) }
        var found: [Key: [OutcomeBranch]] = [:]
        var lineOf: [Key: Int] = [:]
        if let header = parsed.records.first {
            let fixed = parameterCount + 6
            let metricNames = Metric.allCases.map(\.name)
            guard header.count == fixed + metricNames.count, Array(header[fixed...]) == metricNames,
                  header[parameterCount + 3] == "outcome" else {
                throw .malformed(file, "unexpected columns (made by another version or another sweep?)")
            }
            for (record, line) in zip(parsed.records, parsed.lines).dropFirst() {
                func damaged(_ field: Int, _ problem: String) -> Failure {
                    .damaged(file: file, line: line, field: field < header.count ? header[field] : "(whole row)", problem: problem)
                }
                do throws(Failure) {
                    guard record.count == header.count else { throw damaged(header.count, "\(record.count) fields, \(header.count) expected") }
                    // The replication columns read as a replications row does: the same checks.
                    let core = Array(record[0..<(parameterCount + 3)]) + [record[parameterCount + 5]] + Array(record[fixed...])
                    let coreHeader = Array(header[0..<(parameterCount + 3)]) + [header[parameterCount + 5]] + Array(header[fixed...])
                    let (key, result) = try Self.row(core, header: coreHeader, manifest: manifest, file: file, line: line)
                    let name = record[parameterCount + 3]
                    guard !name.isEmpty, name.utf8.count <= 64 else { throw damaged(parameterCount + 3, "an outcome name of 1 to 64 characters is expected") }
                    guard let probability = Self.number(record[parameterCount + 4]), probability > 0, probability <= 1 else {
                        throw damaged(parameterCount + 4, "'\(ScenarioError.printable(record[parameterCount + 4]))' is not a probability in (0, 1]")
                    }
                    let branch = OutcomeBranch(name: name, probability: probability, result: result)
                    if let existing = found[key], existing.contains(where: { $0.name == name }) {
                        if reading == .strict {
                            throw damaged(parameterCount + 3, "outcome '\(ScenarioError.printable(name))' of point \(key.point), policy '\(ScenarioError.printable(key.policy))', replication \(key.replication) appears twice (first on line \(lineOf[key] ?? 0))")
                        }
                        found[key] = [branch]
                    } else {
                        found[key, default: []].append(branch)
                    }
                    if lineOf[key] == nil { lineOf[key] = line }
                } catch {
                    if reading == .strict { throw error }
                }
            }
        }
        for key in results.keys.sorted(by: { ($0.point, $0.policy, $0.replication) < ($1.point, $1.policy, $1.replication) }) {
            let list = found[key] ?? []
            let total = list.reduce(0) { $0 + $1.probability }
            if list.isEmpty || abs(total - 1) > 1e-9 {
                if reading == .strict {
                    throw .damaged(file: file, line: lineOf[key] ?? 0, field: "probability",
                                   problem: list.isEmpty
                                       ? "point \(key.point), policy '\(ScenarioError.printable(key.policy))', replication \(key.replication) has no outcome rows"
                                       : "the outcome probabilities of point \(key.point), policy '\(ScenarioError.printable(key.policy))', replication \(key.replication) sum to \(total), not 1")
                }
                results[key] = nil
                droppedRows += 1
                continue
            }
            branches[key] = list
        }
    }

    /// A strict reading refuses a file that ends inside a row: it was cut while written.
    private static func refuseTornTail(_ parsed: CSVReader.Parsed, file: String) throws(Failure) {
        guard parsed.tornBytes > 0 else { return }
        throw .damaged(file: file, line: (parsed.lines.last ?? 0) + 1, field: "(whole row)",
                       problem: "the file ends inside a row (\(parsed.tornBytes) bytes without a line break): it was cut while written")
    }

    private static func parse(_ path: String, dialect: CSVDialect, shouldStop: () -> Bool) throws(Failure) -> CSVReader.Parsed {
        var info = stat()
        if lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFLNK {
            throw .unreadable(path, "it is a symbolic link, and bigclient does not read through links in its output folder")
        }
        guard let data = FileManager.default.contents(atPath: path) else { throw .unreadable(path, "missing or unreadable") }
        let parsed: CSVReader.Parsed
        do { parsed = try CSVReader.records(dialect.restore([UInt8](data)), shouldStop: shouldStop) } catch {
            throw .malformed(path, error.description)
        }
        if shouldStop() { throw .stopped }
        return parsed
    }

    /// One replication row, checked: every key inside the plan, every metric a finite number
    /// or empty (an undefined value).
    static func row(_ record: [String], header: [String], manifest: SweepManifest, file: String,
                            line: Int) throws(Failure) -> (Key, ReplicationResult) {
        let parameterCount = manifest.parameterNames.count
        func damaged(_ field: Int, _ problem: String) -> Failure {
            .damaged(file: file, line: line, field: field < header.count ? header[field] : "#\(field + 1)", problem: problem)
        }
        guard record.count == header.count else {
            throw .damaged(file: file, line: line, field: "(whole row)", problem: "\(record.count) fields, \(header.count) expected")
        }
        guard let point = Int(record[parameterCount]), manifest.pointValues.indices.contains(point) else {
            throw damaged(parameterCount, "'\(ScenarioError.printable(record[parameterCount]))' is not a point of the plan (0 to \(manifest.pointValues.count - 1))")
        }
        if Array(record[0..<parameterCount]) != manifest.pointValues[point] {
            throw damaged(0, "the parameter values differ from point \(point) of the plan (\(manifest.pointValues[point].joined(separator: ", ")))")
        }
        let policy = record[parameterCount + 1]
        guard manifest.policies.contains(policy) else {
            throw damaged(parameterCount + 1, "'\(ScenarioError.printable(policy))' is not a policy of the plan (\(manifest.policies.joined(separator: ", ")))")
        }
        guard let replication = Int(record[parameterCount + 2]), (0..<manifest.replications).contains(replication) else {
            throw damaged(parameterCount + 2, "'\(ScenarioError.printable(record[parameterCount + 2]))' is not a replication of the plan (0 to \(manifest.replications - 1))")
        }
        if let shard = Shard(manifest.shard), !shard.owns(task: point * manifest.replications + replication) {
            throw damaged(parameterCount + 2, "replication \(replication) of point \(point) does not belong to shard \(manifest.shard)")
        }
        guard let status = ReplicationResult.Status(rawValue: record[parameterCount + 3]) else {
            throw damaged(parameterCount + 3, "'\(ScenarioError.printable(record[parameterCount + 3]))' is not a status (ok or runaway)")
        }
        var values: [Double] = []
        values.reserveCapacity(record.count - parameterCount - 4)
        for index in (parameterCount + 4)..<record.count {
            guard let value = number(record[index]) else {
                throw damaged(index, "'\(ScenarioError.printable(record[index]))' is not a finite number (an undefined value is an empty cell)")
            }
            values.append(value)
        }
        return (Key(point: point, policy: policy, replication: replication), ReplicationResult(values: values, status: status))
    }

    /// A cell as `CSVFormat` writes it: empty (undefined, read as NaN) or a finite decimal.
    static func number(_ text: String) -> Double? {
        if text.isEmpty { return .nan }
        guard text.utf8.allSatisfy({ ($0 >= 48 && $0 <= 57) || $0 == 43 || $0 == 45 || $0 == 46 || $0 == 69 || $0 == 101 }),
              let value = Double(text), value.isFinite else { return nil }
        return value
    }

    /// Weekly rows onto their replications. A task run again after an interruption writes its
    /// weeks again: a week number that does not follow the last one read for that key starts
    /// the series anew, so a re-run's weeks replace the first run's instead of doubling them.
    private mutating func attachSeries(_ parsed: CSVReader.Parsed, manifest: SweepManifest, file: String,
                                       reading: Reading) throws(Failure) {
        let parameterCount = manifest.parameterNames.count
        if reading == .strict { try Self.refuseTornTail(parsed, file: file) }
        let header = parsed.records.first ?? []
        var weeks: [Key: [WeeklyRecord]] = [:]
        for (record, line) in zip(parsed.records, parsed.lines).dropFirst() {
            func damaged(_ field: Int, _ problem: String) -> Failure {
                .damaged(file: file, line: line, field: field < header.count ? header[field] : "(whole row)", problem: problem)
            }
            guard record.count == parameterCount + 10, let point = Int(record[parameterCount]),
                  let replication = Int(record[parameterCount + 2]), let week = Int(record[parameterCount + 3]) else {
                if reading == .strict { throw damaged(record.count, "\(record.count) fields or a bad point, replication or week") }
                continue
            }
            var numbers: [Double] = []
            for index in (parameterCount + 4)..<record.count {
                guard let value = Self.number(record[index]) else {
                    if reading == .strict {
                        throw damaged(index, "'\(ScenarioError.printable(record[index]))' is not a finite number (an undefined value is an empty cell)")
                    }
                    numbers = []
                    break
                }
                numbers.append(value)
            }
            guard numbers.count == 6 else { continue }
            let key = Key(point: point, policy: record[parameterCount + 1], replication: replication)
            guard results[key] != nil else {
                if reading == .strict { throw damaged(parameterCount, "a week of point \(point), policy '\(ScenarioError.printable(key.policy))', replication \(replication), which has no row in the replications file") }
                continue
            }
            let entry = WeeklyRecord(week: week, backlogOrders: numbers[0], overtimeHours: numbers[1], absentTechnicians: numbers[2],
                                     activeClients: numbers[3], revenueEur: numbers[4], meanStress: numbers[5])
            if let last = weeks[key]?.last, week <= last.week {
                if reading == .strict { throw damaged(parameterCount + 3, "week \(week) of this replication appears twice or out of order") }
                weeks[key] = [entry]
            } else {
                weeks[key, default: []].append(entry)
            }
        }
        for (key, series) in weeks { results[key]?.weeks = series }
    }

    /// Adds `other`'s rows (and branches); returns the keys present in both.
    mutating func merge(_ other: ReplicationRows) -> [Key] {
        var duplicates: [Key] = []
        for (key, value) in other.results {
            if results[key] != nil { duplicates.append(key) }
            results[key] = value
        }
        for (key, value) in other.branches { branches[key] = value }
        return duplicates
    }
}
