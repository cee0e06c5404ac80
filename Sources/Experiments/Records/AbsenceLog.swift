import SimulationKernel

/// A firm's absence log, read from CSV (`bigclient trace --records` writes one; results/README.md,
/// "Order and absence logs", describes the format): one row per sick or burn-out leave, with
/// the person, the first day, the last day (empty while still running: right-censored) and
/// the length in days.
///
/// Bad rows are skipped with a `RecordWarning`, as in `OrderLog`.
public struct AbsenceLog: Sendable {
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case sick
        case burnout
    }

    public struct Row: Sendable, Hashable {
        /// The line of the file the row starts on (the header is line 1).
        public var line: Int
        /// Who was absent (`technician-03`, `account-manager-1`).
        public var person: String
        public var kind: Kind
        /// The first day of absence.
        public var start: CivilDate
        /// The last day of absence, nil while the absence was still running when the log was
        /// taken (right-censored).
        public var end: CivilDate?
        /// The `days` column: the leave's length in calendar days (observed so far when
        /// censored); nil when the file has no such column or the cell is empty.
        public var days: Double?
        /// The other columns, by lower-cased name, as written.
        public var extra: [String: String]

        /// True when `end` is empty: the leave had not ended when the log was taken.
        public var isCensored: Bool { end == nil }
        /// The length in days: `days` when given, else from the dates (`end` − `start` + 1);
        /// nil for a censored row without `days` (its length needs the date the log was taken).
        public var durationDays: Double? {
            if let days { return days }
            return end.map { Double($0.daysSinceEpoch - start.daysSinceEpoch + 1) }
        }
    }

    public var path: String
    public var rows: [Row]
    /// The columns beyond the known ones (lower case, file order).
    public var extraColumns: [String]
    public var warnings: [RecordWarning]
    public var skippedRows: Int { warnings.count }

    public static let requiredColumns = ["person", "kind", "start", "end"]
    public static let optionalColumns = ["days"]

    /// Reads the absence log at `path`.
    /// - Throws: `RecordLogFailure`: `.unreadable` (exit 66), any other case (exit 65).
    public static func read(path: String) throws(RecordLogFailure) -> AbsenceLog {
        try parse(RecordTable.read(path: path), path: path)
    }

    public static func parse(_ bytes: [UInt8], path: String) throws(RecordLogFailure) -> AbsenceLog {
        let table = try RecordTable(bytes: bytes, path: path, required: requiredColumns)
        let extraIndices = table.extraIndices(known: requiredColumns + optionalColumns)
        var log = AbsenceLog(path: path, rows: [], extraColumns: extraIndices.map(\.name), warnings: table.warnings)
        for (line, fields) in table.rows {
            let cells = RecordCells(table: table, line: line, fields: fields)
            do throws(RecordCells.Bad) {
                let person = try cells.required("person", what: "the person's name or id")
                let kindText = cells.text("kind") ?? ""
                guard let kind = Self.kind(kindText) else {
                    throw cells.bad("kind", kindText, "the kind must be sick or burnout (also 'sick leave', 'burn-out')")
                }
                let start = try cells.time("start", optional: false)!.date
                let end = try cells.time("end", optional: true)?.date
                if let end, end < start {
                    throw cells.bad("end", cells.text("end") ?? "", "the absence ends before it starts (\(start)); a negative duration is not allowed")
                }
                let days = try cells.nonNegative("days", what: "the length in days", optional: true)
                log.rows.append(Row(line: line, person: person, kind: kind, start: start, end: end, days: days,
                                    extra: cells.extra(extraIndices)))
            } catch {
                log.warnings.append(error.warning)
            }
        }
        log.warnings.sort { $0.line < $1.line }
        guard !log.rows.isEmpty else {
            throw .noValidRows(path: path, rows: log.warnings.count, first: Array(log.warnings.prefix(3)))
        }
        return log
    }

    static func kind(_ text: String) -> Kind? {
        switch text.lowercased() {
        case "sick", "sick leave", "sick-leave", "sickness": .sick
        case "burnout", "burn-out", "burn out": .burnout
        default: nil
        }
    }
}
