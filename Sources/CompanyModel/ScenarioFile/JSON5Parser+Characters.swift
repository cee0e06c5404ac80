extension JSON5Parser {
    // MARK: - Describing what was found

    /// What stands at the current position, for "found …": a word, a quoted character, or the
    /// end of the file with the innermost container left open.
    func found() -> String {
        guard let scalar = current else {
            var text = "the end of the file"
            if let open = openContainers.last {
                text += " (the \(open.kind) opened at \(open.position) is not closed)"
            }
            return text
        }
        if Self.isIdentifierPart(scalar) {
            var word = String.UnicodeScalarView()
            var offset = 0
            while let next = peek(offset), Self.isIdentifierPart(next) || next == ".", word.count < 30 {
                word.append(next)
                offset += 1
            }
            return "'\(String(word))'"
        }
        if scalar == "\"" || scalar == "'" { return "a string" }
        if scalar == " " { return "a space" }
        return Self.describe(scalar)
    }

    /// One character for a message: `'#'`, or `the character U+0000` when it is invisible.
    static func describe(_ scalar: Unicode.Scalar) -> String {
        switch scalar.properties.generalCategory {
        case .control, .format, .spaceSeparator, .lineSeparator, .paragraphSeparator, .privateUse, .surrogate,
             .unassigned, .nonspacingMark, .enclosingMark, .spacingMark:
            return "the character \(codePoint(scalar))"
        default:
            return "'\(Character(scalar))'"
        }
    }

    // MARK: - Character classes (the JSON5 spec, and ECMAScript 5.1 for identifiers)

    /// JSON5 WhiteSpace and LineTerminator: what may stand between tokens.
    static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "\t", "\n", "\u{0B}", "\u{0C}", "\r", " ", "\u{A0}", "\u{2028}", "\u{2029}", "\u{FEFF}":
            return true
        default:
            return scalar.value > 0x7F && scalar.properties.generalCategory == .spaceSeparator
        }
    }

    /// JSON5 LineTerminator: what ends a `//` comment.
    static func isLineTerminator(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "\n" || scalar == "\r" || scalar == "\u{2028}" || scalar == "\u{2029}"
    }

    /// ECMAScript 5.1 IdentifierStart without the escape: a Unicode letter, `$` or `_`.
    static func isIdentifierStart(_ scalar: Unicode.Scalar) -> Bool {
        if scalar == "$" || scalar == "_" { return true }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter, .letterNumber:
            return true
        default:
            return false
        }
    }

    /// ECMAScript 5.1 IdentifierPart without the escape: also combining marks, digits,
    /// connector punctuation, ZWNJ and ZWJ.
    static func isIdentifierPart(_ scalar: Unicode.Scalar) -> Bool {
        if isIdentifierStart(scalar) || scalar == "\u{200C}" || scalar == "\u{200D}" { return true }
        switch scalar.properties.generalCategory {
        case .decimalNumber, .nonspacingMark, .spacingMark, .connectorPunctuation:
            return true
        default:
            return false
        }
    }

    static func hexValue(_ scalar: Unicode.Scalar) -> UInt32? {
        switch scalar {
        case "0"..."9": return scalar.value - 0x30
        case "a"..."f": return scalar.value - 0x61 + 10
        case "A"..."F": return scalar.value - 0x41 + 10
        default: return nil
        }
    }

    /// At least four uppercase hexadecimal digits: `00E9`, `1F600`.
    static func hex4(_ value: UInt32) -> String {
        let hex = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    static func codePoint(_ scalar: Unicode.Scalar) -> String { "U+" + hex4(scalar.value) }
}
