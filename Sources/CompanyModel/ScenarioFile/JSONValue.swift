/// A JSON (or JSON5) value as a tree: what a scenario file says, before it is given meaning.
///
/// Why a tree and not `Decodable` types: the reader needs to know which keys were present (to
/// apply defaults and to reject unknown fields with a "did you mean"), and sweeps patch a field
/// at a dot path in the tree and decode it again. Numbers are `Double`s as `JSON5Parser` reads
/// them, non-finite ones (JSON5's `NaN`, `Infinity`) included; the scenario reader rejects those
/// wherever it reads a number, naming the field.
public indirect enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    /// The JSON type in words, for messages: "a number", "an object", ….
    public var typeDescription: String {
        switch self {
        case .null: return "null"
        case .bool: return "a boolean"
        case .number: return "a number"
        case .string: return "a string"
        case .array: return "an array"
        case .object: return "an object"
        }
    }

    /// The value as a user would recognise it in a message: numbers and short arrays as
    /// written (`0`, `0.25`, `[1, 2]`), strings in double quotes, objects and long arrays
    /// summarised (`an object`, `an array of 40 values`).
    public var messageText: String {
        switch self {
        case .null: return "null"
        case .bool(let flag): return flag ? "true" : "false"
        case .number(let number): return JSONValue.format(number)
        case .string(let text): return JSONValue.quoted(text)
        case .object: return "an object"
        case .array(let elements):
            let scalars = elements.allSatisfy {
                if case .array = $0 { return false }
                if case .object = $0 { return false }
                return true
            }
            let inline = "[" + elements.map(\.messageText).joined(separator: ", ") + "]"
            if scalars && inline.count <= 40 { return inline }
            return elements.count == 1 ? "an array of 1 value" : "an array of \(elements.count) values"
        }
    }

    /// `12.0` → `"12"`, `0.25` → `"0.25"`, `nan` → `"NaN"`, `-inf` → `"-Infinity"`: numbers
    /// as a scenario file writes them.
    public static func format(_ number: Double) -> String {
        if number.isNaN { return "NaN" }
        if number.isInfinite { return number < 0 ? "-Infinity" : "Infinity" }
        if number == number.rounded(), abs(number) < 1e15 { return String(Int64(number)) }
        return "\(number)"
    }

    /// A string in double quotes with JSON escapes, shortened past 60 characters.
    static func quoted(_ text: String) -> String {
        var pieces: [String] = []
        var length = 0
        for scalar in text.unicodeScalars {
            let piece: String
            switch scalar {
            case "\"": piece = "\\\""
            case "\\": piece = "\\\\"
            case "\n": piece = "\\n"
            case "\r": piece = "\\r"
            case "\t": piece = "\\t"
            default:
                // Control characters, and the invisible ones that reorder or hide text on a
                // terminal (bidirectional overrides such as U+202E, zero-width marks).
                let v = scalar.value
                if v < 0x20 || (0x7F...0x9F).contains(v) || (0x200B...0x200F).contains(v) || (0x2028...0x202E).contains(v)
                    || (0x2060...0x2069).contains(v) || v == 0xFEFF {
                    let hex = String(v, radix: 16, uppercase: true)
                    piece = "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
                } else {
                    piece = String(scalar)
                }
            }
            pieces.append(piece)
            length += piece.unicodeScalars.count
            if length > 60 { break }   // enough to know it will be shortened
        }
        // Shortened past 60 characters, never inside an escape. Scalars are counted, so
        // thousands of combining marks on one letter are not one short "character".
        guard length > 60 else { return "\"" + pieces.joined() + "\"" }
        var body = "", kept = 0
        for piece in pieces {
            if kept + piece.unicodeScalars.count > 57 { break }
            body += piece
            kept += piece.unicodeScalars.count
        }
        return "\"" + body + "…\""
    }
}
