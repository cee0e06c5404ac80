/// Reads RFC 4180 CSV text back into rows of fields (quoted fields, doubled quotes, commas and
/// line breaks inside quotes). Used to rebuild summaries from `replications.csv` (merge,
/// resume), so it must read back exactly what `CSVFormat` writes.
public enum CSVReader {
    public struct Failure: Error, Equatable, CustomStringConvertible {
        public var line: Int
        public var reason: String
        public var description: String { "line \(line): \(reason)" }
    }

    /// All records; a final line without its line break is returned in `incompleteTail`
    /// instead of as a record (an interrupted append), so callers can ignore it.
    public static func records(_ text: String) throws(Failure) -> (records: [[String]], incompleteTail: String?) {
        var records: [[String]] = []
        var field = ""
        var record: [String] = []
        var inQuotes = false
        var line = 1
        var recordStart = text.startIndex
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            if inQuotes {
                if character == "\"" {
                    let next = text.index(after: index)
                    if next < text.endIndex, text[next] == "\"" {
                        field.append("\"")
                        index = next
                    } else {
                        inQuotes = false
                    }
                } else {
                    if character == "\n" { line += 1 }
                    field.append(character)
                }
            } else {
                switch character {
                case "\"":
                    guard field.isEmpty else { throw Failure(line: line, reason: "a quote inside an unquoted field") }
                    inQuotes = true
                case ",":
                    record.append(field)
                    field = ""
                case "\n", "\r\n":
                    record.append(field)
                    records.append(record)
                    record = []
                    field = ""
                    line += 1
                    recordStart = text.index(after: index)
                case "\r":
                    break
                default:
                    field.append(character)
                }
            }
            index = text.index(after: index)
        }
        if recordStart < text.endIndex {
            return (records, String(text[recordStart...]))
        }
        return (records, nil)
    }
}
