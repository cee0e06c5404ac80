/// How numbers and text are written into CSV: RFC 4180, `.` as the decimal separator
/// whatever the locale, the shortest text that reads back to the same double (so files
/// summarised again, or merged, give bit-identical statistics), integers without a decimal
/// part, and an empty cell for an undefined value (never NaN or infinity).
public enum CSVFormat {
    public static func number(_ value: Double) -> String {
        guard value.isFinite else { return "" }
        if value == value.rounded(), abs(value) < 1e15 {
            return String(Int64(value))
        }
        return "\(value)"   // Swift's shortest round-trip representation, locale-independent
    }

    /// The field as RFC 4180 wants it: quoted, quotes doubled, when it holds a comma, a quote
    /// or a line break. Bytes are tested, not `Character`s: "\r\n" is one Character, equal to
    /// neither "\r" nor "\n", and a name holding it went out unquoted and broke its row.
    public static func text(_ value: String) -> String {
        guard value.utf8.contains(where: { $0 == 44 || $0 == 34 || $0 == 10 || $0 == 13 }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    public static func row(_ fields: [String]) -> String { fields.joined(separator: ",") + "\n" }
}

import Foundation
