import Foundation
import CompanyModel

/// What can make a whole order or absence log unusable (an error, exit 65 or 66); a bad row
/// is a `RecordWarning` instead, and the row is skipped.
public enum RecordLogFailure: Error, Equatable, CustomStringConvertible {
    /// The file does not exist or cannot be read (exit 66).
    case unreadable(path: String, reason: String)
    /// No header, or a header and no rows (exit 65).
    case empty(path: String, what: String)
    /// Required columns absent from the header (exit 65).
    case missingColumns(path: String, missing: [String], required: [String], found: [String])
    /// A column named twice in the header (exit 65).
    case duplicateColumn(path: String, column: String)
    /// The CSV itself is broken where the reader cannot resynchronise (exit 65).
    case malformed(path: String, line: Int, reason: String)
    /// Every row was bad (exit 65): how many, and the first warnings.
    case noValidRows(path: String, rows: Int, first: [RecordWarning])

    /// True for the failures that mean "no input" (66) rather than "bad content" (65).
    public var isMissingInput: Bool {
        if case .unreadable = self { return true }
        return false
    }

    public var description: String {
        func shown(_ text: String) -> String { ScenarioError.printable(text) }
        switch self {
        case .unreadable(let path, let reason):
            return "\(shown(path)): \(reason)"
        case .empty(let path, let what):
            return what == "header"
                ? "\(shown(path)): the file is empty; a log starts with a header line naming its columns"
                : "\(shown(path)): the file has a header and no rows"
        case .missingColumns(let path, let missing, let required, let found):
            return "\(shown(path)): the header has no column \(missing.map { "'\($0)'" }.joined(separator: ", ")); "
                + "required: \(required.joined(separator: ", ")) (names are case-insensitive, in any order); "
                + "found: \(found.isEmpty ? "none" : found.map(shown).joined(separator: ", "))"
        case .duplicateColumn(let path, let column):
            return "\(shown(path)): the header names the column '\(shown(column))' twice; keep one"
        case .malformed(let path, let line, let reason):
            return "\(shown(path)): line \(line): \(reason)"
        case .noValidRows(let path, let rows, let first):
            return "\(shown(path)): none of its \(rows) row\(rows == 1 ? "" : "s") can be used; "
                + first.map { $0.reasonText }.joined(separator: "; ")
                + (rows > first.count ? "; …" : "")
        }
    }
}

/// One skipped row of an order or absence log: where it is, which column, the value found,
/// and what is allowed.
public struct RecordWarning: Sendable, Hashable, CustomStringConvertible {
    public var path: String
    public var line: Int
    /// The column (as the reader names it, lower case), or nil for the row as a whole.
    public var column: String?
    /// The bad value as found (possibly empty).
    public var value: String
    /// What is wrong and what is allowed.
    public var reason: String

    /// `line 7, column work_hours: '-2' …` (no file).
    var reasonText: String {
        "line \(line)" + (column.map { ", column \($0)" } ?? "")
            + (column == nil ? "" : ": '\(ScenarioError.printable(value, limit: 60))'") + ": \(reason)"
    }

    /// `orders.csv: line 7, column work_hours: '-2': work hours must be a number ≥ 0; the row is skipped`.
    public var description: String { "\(ScenarioError.printable(path)): \(reasonText); the row is skipped" }
}

/// The CSV part of reading a log: the bytes, the header (case-insensitive, trimmed), and the
/// rows with their line numbers. Uses the house's one CSV reader (`CSVReader`).
struct RecordTable {
    var path: String
    /// Lower-cased, trimmed header names, in file order.
    var columns: [String]
    var rows: [(line: Int, fields: [String])]
    /// Rows the table already refused (wrong field count, an unclosed quote).
    var warnings: [RecordWarning]

    static func read(path: String) throws(RecordLogFailure) -> [UInt8] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw .unreadable(path: path, reason: "file not found")
        }
        guard !isDirectory.boolValue else { throw .unreadable(path: path, reason: "a directory, not a CSV file") }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .unreadable(path: path, reason: "cannot be read (\(String(cString: strerror(errno))))")
        }
        return [UInt8](data)
    }

    init(bytes original: [UInt8], path: String, required: [String]) throws(RecordLogFailure) {
        self.path = path
        var bytes = original
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }   // a spreadsheet's byte-order mark
        if let last = bytes.last, last != UInt8(ascii: "\n") { bytes.append(UInt8(ascii: "\n")) }   // no final line break
        let parsed: CSVReader.Parsed
        do {
            parsed = try CSVReader.records(bytes)
        } catch {
            throw .malformed(path: path, line: error.line, reason: error.reason)
        }
        var records = Array(zip(parsed.lines, parsed.records))
        // Blank lines (one empty field) carry nothing.
        records.removeAll { $0.1.count == 1 && $0.1[0].trimmingSpaces.isEmpty }
        guard let header = records.first else { throw .empty(path: path, what: "header") }
        columns = header.1.map { $0.trimmingSpaces.lowercased() }
        var seen = Set<String>()
        for column in columns where !column.isEmpty {
            guard seen.insert(column).inserted else { throw .duplicateColumn(path: path, column: column) }
        }
        let missing = required.filter { !seen.contains($0) }
        guard missing.isEmpty else {
            throw .missingColumns(path: path, missing: missing, required: required, found: columns.filter { !$0.isEmpty })
        }
        warnings = []
        rows = []
        for (line, fields) in records.dropFirst() {
            if fields.count != columns.count {
                warnings.append(RecordWarning(path: path, line: line, column: nil, value: "",
                                              reason: "\(fields.count) field\(fields.count == 1 ? "" : "s"), the header has \(columns.count)"))
                continue
            }
            rows.append((line, fields))
        }
        if parsed.tornBytes > 0 {
            // Only an unclosed quote leaves bytes after the last record once a line break is added.
            let line = 1 + bytes[0..<parsed.completeBytes].filter { $0 == UInt8(ascii: "\n") }.count
            warnings.append(RecordWarning(path: path, line: line, column: nil, value: "",
                                          reason: "a quoted field is never closed (a '\"' without its pair); the rest of the file is one broken row"))
        }
        guard !rows.isEmpty || !warnings.isEmpty else { throw .empty(path: path, what: "rows") }
    }

    /// The index of `column` in the header.
    func index(_ column: String) -> Int? { columns.firstIndex(of: column) }

    /// The columns not in `known`, by index, for a row's `extra`.
    func extraIndices(known: [String]) -> [(name: String, index: Int)] {
        columns.enumerated().filter { !$0.element.isEmpty && !known.contains($0.element) }.map { ($0.element, $0.offset) }
    }
}

/// A row's cells, read with the per-column rules the logs share; the first bad cell is the
/// row's warning.
struct RecordCells {
    let table: RecordTable
    let line: Int
    let fields: [String]

    struct Bad: Error {
        let warning: RecordWarning
    }

    func text(_ column: String) -> String? { table.index(column).map { fields[$0].trimmingSpaces } }

    func bad(_ column: String, _ value: String, _ reason: String) -> Bad {
        Bad(warning: RecordWarning(path: table.path, line: line, column: column, value: value, reason: reason))
    }

    func required(_ column: String, what: String) throws(Bad) -> String {
        let value = text(column) ?? ""
        guard !value.isEmpty else { throw bad(column, value, "\(what) is required") }
        return value
    }

    /// A date or date-time; nil when the cell is empty and `optional`.
    func time(_ column: String, optional: Bool) throws(Bad) -> RecordTime? {
        let value = text(column) ?? ""
        if value.isEmpty {
            if optional { return nil }
            throw bad(column, value, "a date is required: \(RecordTime.allowedForms)")
        }
        guard let time = RecordTime(text: value) else {
            throw bad(column, value, "not a date: expected \(RecordTime.allowedForms)")
        }
        return time
    }

    /// A finite number ≥ 0 with `.` as the decimal separator; nil when empty and `optional`.
    func nonNegative(_ column: String, what: String, optional: Bool) throws(Bad) -> Double? {
        let value = text(column) ?? ""
        if value.isEmpty {
            if optional { return nil }
            throw bad(column, value, "\(what) is required: a number ≥ 0")
        }
        guard let number = Double(value), number.isFinite else {
            let hint = value.contains(",") ? " (use '.' as the decimal separator)" : ""
            throw bad(column, value, "not a number: \(what) must be a number ≥ 0\(hint)")
        }
        guard number >= 0 else { throw bad(column, value, "negative: \(what) must be a number ≥ 0") }
        return number
    }

    func extra(_ indices: [(name: String, index: Int)]) -> [String: String] {
        var extra: [String: String] = [:]
        for (name, index) in indices { extra[name] = fields[index] }
        return extra
    }
}
