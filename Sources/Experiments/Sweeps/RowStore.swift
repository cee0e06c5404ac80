import Foundation
import CompanyModel

/// The rows of finished replications, appended to `replications.partial.csv` (and
/// `timeseries.partial.csv`) as tasks finish, so an interrupted sweep loses nothing finished;
/// and read back, from partial or final files, to rebuild the results.
///
/// Each task's rows go out in one `write(2)` on a file opened with O_APPEND, under a lock, so
/// rows of different tasks never interleave; a process killed mid-write can leave at most one
/// torn last line, which reading ignores (its task is simply run again on resume).
final class RowAppender: @unchecked Sendable {
    private let lock = NSLock()
    private let descriptor: Int32
    private let seriesDescriptor: Int32?
    let path: String

    init(path: String, header: String, seriesPath: String?, seriesHeader: String, fresh: Bool) throws(AtomicFile.Failure) {
        self.path = path
        func open(_ path: String, header: String) throws(AtomicFile.Failure) -> Int32 {
            let flags = O_WRONLY | O_CREAT | O_APPEND | (fresh ? O_TRUNC : 0)
            let fd = Foundation.open(path, flags, 0o644)
            guard fd >= 0 else { throw .cannotWrite(path: path, reason: String(cString: strerror(errno))) }
            var info = stat()
            if fstat(fd, &info) == 0, info.st_size == 0 { try Self.write(fd, header, path: path) }
            return fd
        }
        descriptor = try open(path, header: header)
        seriesDescriptor = try seriesPath.map { (p: String) throws(AtomicFile.Failure) -> Int32 in try open(p, header: seriesHeader) }
    }

    deinit {
        close(descriptor)
        if let seriesDescriptor { close(seriesDescriptor) }
    }

    func append(rows: String, series: String) throws(AtomicFile.Failure) {
        lock.lock(); defer { lock.unlock() }
        if let seriesDescriptor, !series.isEmpty { try Self.write(seriesDescriptor, series, path: path) }
        try Self.write(descriptor, rows, path: path)
    }

    static func write(_ fd: Int32, _ text: String, path: String) throws(AtomicFile.Failure) {
        let data = Array(text.utf8)
        var offset = 0
        while offset < data.count {
            let written = data[offset...].withUnsafeBytes { Foundation.write(fd, $0.baseAddress!, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                throw .cannotWrite(path: path, reason: String(cString: strerror(errno)))
            }
            offset += written
        }
    }
}

/// Rows of `replications.csv` parsed back into results.
struct ParsedRows {
    struct Key: Hashable {
        var point: Int
        var policy: String
        var replication: Int
    }

    var results: [Key: ReplicationResult] = [:]

    enum Failure: Error, CustomStringConvertible {
        case unreadable(String, String)
        case malformed(String, String)
        var description: String {
            switch self {
            case .unreadable(let path, let reason): return "cannot read \(path): \(reason)"
            case .malformed(let path, let reason): return "\(path) is not a bigclient replications file: \(reason)"
            }
        }
    }

    /// Reads a replications file (final or partial) and, if given, its time series.
    static func read(path: String, parameterCount: Int, seriesPath: String?) throws -> ParsedRows {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw Failure.unreadable(path, "missing or not UTF-8")
        }
        let (records, _) = try CSVReader.records(text)
        guard let header = records.first else { return ParsedRows() }
        let metricNames = Metric.allCases.map(\.name)
        let fixed = parameterCount + 4
        guard header.count == fixed + metricNames.count, Array(header[fixed...]) == metricNames,
              header[parameterCount] == "point" else {
            throw Failure.malformed(path, "unexpected columns (made by another version or another sweep?)")
        }
        var weeks: [Key: [WeeklyRecord]] = [:]
        if let seriesPath, let seriesText = try? String(contentsOfFile: seriesPath, encoding: .utf8) {
            let (seriesRecords, _) = try CSVReader.records(seriesText)
            for row in seriesRecords.dropFirst() where row.count == parameterCount + 10 {
                guard let point = Int(row[parameterCount]), let replication = Int(row[parameterCount + 2]),
                      let week = Int(row[parameterCount + 3]) else { continue }
                let numbers = row[(parameterCount + 4)...].map { Double($0) ?? .nan }
                weeks[Key(point: point, policy: row[parameterCount + 1], replication: replication), default: []].append(
                    WeeklyRecord(week: week, backlogOrders: numbers[0], overtimeHours: numbers[1], absentTechnicians: numbers[2],
                                 activeClients: numbers[3], revenueEur: numbers[4], meanStress: numbers[5]))
            }
        }
        var parsed = ParsedRows()
        for row in records.dropFirst() {
            guard row.count == header.count, let point = Int(row[parameterCount]), let replication = Int(row[parameterCount + 2]),
                  let status = ReplicationResult.Status(rawValue: row[parameterCount + 3]) else {
                throw Failure.malformed(path, "a row with \(row.count) fields or a bad index: \(row.prefix(fixed).joined(separator: ","))")
            }
            let key = Key(point: point, policy: row[parameterCount + 1], replication: replication)
            let values = row[fixed...].map { $0.isEmpty ? Double.nan : (Double($0) ?? .nan) }
            parsed.results[key] = ReplicationResult(values: values, status: status, weeks: weeks[key] ?? [])
        }
        return parsed
    }

    mutating func merge(_ other: ParsedRows) -> [Key] {
        var duplicates: [Key] = []
        for (key, value) in other.results {
            if results[key] != nil { duplicates.append(key) }
            results[key] = value
        }
        return duplicates
    }
}
