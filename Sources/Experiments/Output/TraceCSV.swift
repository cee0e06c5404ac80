import CompanyModel

/// What `bigclient trace` prints: one replication's event log as RFC 4180 CSV, one row per
/// event (its fields and wording are `TraceRecord`'s).
public enum TraceCSV {
    public static func render(_ log: [TraceRecord]) -> String {
        var text = TraceRecord.csvHeader + "\n"
        for record in log { text += CSVFormat.row(record.csvFields.map(CSVFormat.text)) }
        return text
    }
}
