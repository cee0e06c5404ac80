/// A place in scenario text as a person finds it in an editor: a 1-based line and a 1-based
/// column counted in Unicode scalars.
///
/// Lines end at a line feed, a carriage return, both (CRLF ends one line, not two), U+2028
/// LINE SEPARATOR and U+2029 PARAGRAPH SEPARATOR: the line terminators of the JSON5 spec. Both
/// the UTF-8 check (`ScenarioText.utf8Text`) and `JSON5Parser` step through the text with it,
/// so an encoding error and a syntax error at the same character report the same place.
struct TextPosition: Sendable, Hashable, CustomStringConvertible {
    var line = 1
    var column = 1
    /// The previous scalar was a carriage return: a line feed now ends no further line.
    private var afterCarriageReturn = false

    /// The first character of a text.
    static let start = TextPosition()

    var description: String { "line \(line), column \(column)" }

    /// Moves past `scalar`, the character at this position.
    ///
    /// - Complexity: O(1).
    mutating func advance(over scalar: Unicode.Scalar) {
        switch scalar {
        case "\n":
            if !afterCarriageReturn { line += 1 }
            column = 1
        case "\r", "\u{2028}", "\u{2029}":
            line += 1
            column = 1
        default:
            column += 1
        }
        afterCarriageReturn = scalar == "\r"
    }
}
