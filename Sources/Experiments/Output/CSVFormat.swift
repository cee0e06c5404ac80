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

    public static func text(_ value: String) -> String {
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    public static func row(_ fields: [String]) -> String { fields.joined(separator: ",") + "\n" }
}

import Foundation
