/// A firm's order log, read from CSV (`bigclient trace --records` writes one; results/README.md,
/// "Order and absence logs", describes the format): one row per order, with its client, when
/// it was received, its work content, its due date and when it was delivered.
///
/// Reading never stops at a bad row: the row is skipped with a `RecordWarning` (file, line,
/// column, value, what is allowed) and counted in `skippedRows`. Only a file that cannot be
/// used at all is an error (`RecordLogFailure`): missing, empty, a required column absent,
/// or no usable row.
public struct OrderLog: Sendable {
    public struct Row: Sendable, Hashable {
        /// The line of the file the row starts on (the header is line 1).
        public var line: Int
        /// The `order` column (an id), nil when the file has none.
        public var order: String?
        /// The client's name (`regular-07`): orders of one client share it.
        public var client: String
        /// The `group` column, nil when the file has none or the cell is empty.
        public var group: String?
        public var received: RecordTime
        /// Work content in hours (technician-hours), ≥ 0.
        public var workHours: Double
        /// The due date, nil when the cell is empty (no due date recorded).
        public var due: RecordTime?
        /// When the order was delivered, nil while it was open when the log was taken.
        public var delivered: RecordTime?
        /// The `rush` column; false when the file has none or the cell is empty.
        public var rush: Bool
        /// The other columns, by lower-cased name (`segment`), as written.
        public var extra: [String: String]

        /// Hours from receipt to delivery, nil while open.
        public var leadTimeHours: Double? { delivered.map { $0.hours(since: received) } }
        /// Hours from receipt to the due date, nil without a due date.
        public var promisedHours: Double? { due.map { $0.hours(since: received) } }
        /// Whether it was delivered by its due date; nil while open or without a due date.
        public var onTime: Bool? {
            guard let delivered, let due else { return nil }
            return delivered <= due
        }
    }

    /// The file read, as given.
    public var path: String
    /// The usable rows, in file order.
    public var rows: [Row]
    /// The columns beyond the known ones (lower case, file order): candidates to group by.
    public var extraColumns: [String]
    /// One per skipped row.
    public var warnings: [RecordWarning]
    public var skippedRows: Int { warnings.count }

    /// Columns the header must have (case-insensitive, any order).
    public static let requiredColumns = ["client", "received", "work_hours", "due", "delivered"]
    /// Columns read when present.
    public static let optionalColumns = ["order", "group", "rush"]

    /// Reads the order log at `path`.
    /// - Throws: `RecordLogFailure`: `.unreadable` (exit 66), any other case (exit 65).
    public static func read(path: String) throws(RecordLogFailure) -> OrderLog {
        try parse(RecordTable.read(path: path), path: path)
    }

    /// Reads an order log from its bytes; `path` names it in messages.
    public static func parse(_ bytes: [UInt8], path: String) throws(RecordLogFailure) -> OrderLog {
        let table = try RecordTable(bytes: bytes, path: path, required: requiredColumns)
        let extraIndices = table.extraIndices(known: requiredColumns + optionalColumns)
        var log = OrderLog(path: path, rows: [], extraColumns: extraIndices.map(\.name), warnings: table.warnings)
        var firstLineOfOrder: [String: Int] = [:]
        for (line, fields) in table.rows {
            let cells = RecordCells(table: table, line: line, fields: fields)
            do throws(RecordCells.Bad) {
                let order = cells.text("order").flatMap { $0.isEmpty ? nil : $0 }
                if table.index("order") != nil, order == nil { throw cells.bad("order", "", "the order id is required when the file has an order column") }
                if let order, let first = firstLineOfOrder[order] {
                    throw cells.bad("order", order, "the order id appears twice (first on line \(first)); ids must be unique")
                }
                let client = try cells.required("client", what: "the client's name")
                let received = try cells.time("received", optional: false)!
                let work = try cells.nonNegative("work_hours", what: "work hours", optional: false)!
                let due = try cells.time("due", optional: true)
                if let due, due < received {
                    throw cells.bad("due", cells.text("due") ?? "", "the due date is before the order was received (\(received)); it must be at or after it")
                }
                let delivered = try cells.time("delivered", optional: true)
                if let delivered, delivered < received {
                    throw cells.bad("delivered", cells.text("delivered") ?? "", "the delivery is before the order was received (\(received)); it must be at or after it")
                }
                let rush = try Self.rush(cells)
                let group = cells.text("group").flatMap { $0.isEmpty ? nil : $0 }
                if let order { firstLineOfOrder[order] = line }
                log.rows.append(Row(line: line, order: order, client: client, group: group, received: received, workHours: work,
                                    due: due, delivered: delivered, rush: rush, extra: cells.extra(extraIndices)))
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

    static func rush(_ cells: RecordCells) throws(RecordCells.Bad) -> Bool {
        let value = cells.text("rush") ?? ""
        switch value.lowercased() {
        case "", "false", "no", "0": return false
        case "true", "yes", "1": return true
        default: throw cells.bad("rush", value, "rush must be true or false (also yes/no, 1/0; empty is false)")
        }
    }
}
