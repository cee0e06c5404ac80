/// Reads RFC 4180 CSV back into rows of fields (quoted fields, doubled quotes, commas and line
/// breaks inside quotes). Used to rebuild summaries from `replications.csv` (merge, resume), so
/// it must read back exactly what `CSVFormat` writes.
///
/// It works on the file's bytes, not on `Character`s: the separators are ASCII, so a byte
/// scan finds them in UTF-8 text without grapheme breaking (which made reading a sweep's
/// time series take seconds), and it knows where the last complete record ends in bytes, the
/// point to which a torn append is cut back (`RowAppender`).
public enum CSVReader {
    public struct Failure: Error, Equatable, CustomStringConvertible {
        public var line: Int
        public var reason: String
        public var description: String { "line \(line): \(reason)" }
    }

    public struct Parsed: Sendable, Equatable {
        public var records: [[String]]
        /// The line on which each record starts (1 for the header).
        public var lines: [Int]
        /// Bytes up to the end of the last complete record (its line break included).
        public var completeBytes: Int
        /// Bytes after it: a last record without its line break, or inside an unclosed quote
        /// (an interrupted append). Not returned as a record.
        public var tornBytes: Int
    }

    /// All complete records of `bytes`. `shouldStop` is asked every 4,096 records; when it
    /// says stop, the records read so far are returned with `completeBytes` where reading stopped.
    public static func records(_ bytes: [UInt8], shouldStop: () -> Bool = { false }) throws(Failure) -> Parsed {
        var parsed = Parsed(records: [], lines: [], completeBytes: 0, tornBytes: 0)
        var record: [String] = []
        var field: [UInt8] = []
        var inQuotes = false
        var quotedField = false
        var line = 1
        var recordLine = 1
        var index = 0
        let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), newline = UInt8(ascii: "\n"), cr = UInt8(ascii: "\r")
        func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }
        while index < bytes.count {
            let byte = bytes[index]
            if inQuotes {
                if byte == quote {
                    if index + 1 < bytes.count, bytes[index + 1] == quote {
                        field.append(quote)
                        index += 1
                    } else {
                        inQuotes = false
                    }
                } else {
                    if byte == newline { line += 1 }
                    field.append(byte)
                }
            } else {
                switch byte {
                case quote:
                    guard field.isEmpty, !quotedField else { throw Failure(line: line, reason: "a quote inside an unquoted field") }
                    inQuotes = true
                    quotedField = true
                case comma:
                    record.append(text(field))
                    field.removeAll(keepingCapacity: true)
                    quotedField = false
                case newline:
                    record.append(text(field))
                    field.removeAll(keepingCapacity: true)
                    quotedField = false
                    parsed.records.append(record)
                    parsed.lines.append(recordLine)
                    record = []
                    line += 1
                    recordLine = line
                    parsed.completeBytes = index + 1
                    if parsed.records.count % 4_096 == 0, shouldStop() { return parsed }
                case cr:
                    break   // "\r\n" ends a record like "\n"
                default:
                    field.append(byte)
                }
            }
            index += 1
        }
        parsed.tornBytes = bytes.count - parsed.completeBytes
        return parsed
    }
}
