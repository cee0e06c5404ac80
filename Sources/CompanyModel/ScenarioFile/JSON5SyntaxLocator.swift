/// Finds the first syntax problem in JSON5 text, with its line and column and what was expected,
/// and the first key that appears twice in one object.
///
/// Why it exists: Foundation's `JSONDecoder` (with `allowsJSON5`) decodes scenario files, but its
/// errors say only "the given data was not valid JSON", and it silently keeps one of two
/// duplicate keys — a classic way for an edit to be ignored. This scanner is a small
/// recursive-descent reader of the JSON5 grammar that builds nothing: it is run on every file
/// (it is cheap) for duplicate keys, and its syntax verdict is used only when Foundation rejects
/// the text, so Foundation stays the authority on what is valid.
///
/// Accepted, as by Foundation: `//` and `/* */` comments, trailing commas, unquoted identifier
/// keys, single-quoted strings, escaped line breaks in strings, hexadecimal numbers, leading or
/// trailing decimal points, an explicit `+`, `Infinity` and `NaN`, a byte-order mark at the
/// start. Rejected, as by Foundation: other whitespace than space, tab, line feed, carriage
/// return, vertical tab and form feed; unescaped control characters in strings; the escapes
/// `\v` and `\0`…`\9`; numbers with leading zeros; numbers beyond `Double`'s range.
///
/// Columns count Unicode scalars from 1; lines end at a line feed, a carriage return, or both.
struct JSON5SyntaxLocator {
    struct Position: Sendable, Hashable, CustomStringConvertible {
        var line: Int
        var column: Int
        var description: String { "line \(line), column \(column)" }
    }

    /// The first syntax problem: where, and what was expected (`expected a value after ':', found '}'`).
    struct Problem: Error, Sendable, Hashable {
        var position: Position
        var message: String
    }

    /// The first key that occurs twice in the same object.
    struct DuplicateKey: Sendable, Hashable {
        /// Where the second occurrence starts.
        var position: Position
        var firstPosition: Position
        var key: String
        /// The object's path, empty for the top level.
        var objectPath: String

        var message: String {
            let place = objectPath.isEmpty ? "at the top level" : "in \(objectPath)"
            return "duplicate key '\(key)' \(place) (first at \(firstPosition))"
        }
    }

    struct Report: Sendable, Hashable {
        /// True when the text holds nothing but whitespace and comments.
        var isEmpty: Bool
        var problem: Problem?
        /// Found before `problem`, if any.
        var duplicateKey: DuplicateKey?
    }

    /// Scans `text` once.
    static func scan(_ text: String) -> Report {
        var scanner = JSON5SyntaxLocator(text)
        do {
            try scanner.document()
            return Report(isEmpty: false, problem: nil, duplicateKey: scanner.duplicateKey)
        } catch {
            return Report(isEmpty: scanner.sawNothing, problem: error, duplicateKey: scanner.duplicateKey)
        }
    }

    // MARK: - State

    private let scalars: [Unicode.Scalar]
    private var index = 0
    private var line = 1
    private var column = 1
    private var duplicateKey: DuplicateKey?
    private var sawNothing = false
    /// Open objects and arrays, innermost last, for "… is not closed" at the end of the file.
    private var openContainers: [(kind: String, position: Position)] = []

    /// Nesting limit: scenario files nest six levels at most, and a bound keeps the recursion
    /// well inside a secondary thread's stack. (Foundation allows 512; deeper text it accepts is
    /// still decoded, only not checked for duplicate keys past this depth.)
    private static let maximumDepth = 128

    private init(_ text: String) {
        scalars = Array(text.unicodeScalars)
    }

    private var atEnd: Bool { index >= scalars.count }
    private var current: Unicode.Scalar? { atEnd ? nil : scalars[index] }
    private var position: Position { Position(line: line, column: column) }

    private func peek(_ offset: Int) -> Unicode.Scalar? {
        index + offset < scalars.count ? scalars[index + offset] : nil
    }

    private mutating func advance() {
        let scalar = scalars[index]
        index += 1
        if scalar == "\n" || (scalar == "\r" && current != "\n") {
            line += 1
            column = 1
        } else {
            column += 1
        }
    }

    private func fail(_ message: String, at position: Position? = nil) -> Problem {
        Problem(position: position ?? self.position, message: message)
    }

    /// A null character cannot be part of a key or a value: Foundation's decoder refuses it, and
    /// it would cut file names and messages short. Refused here, where its line and column are known.
    private func nullEscape(at position: Position) -> Problem {
        fail("the escape of a null character (\\u0000) is not supported: remove it", at: position)
    }

    // MARK: - Grammar

    private mutating func document() throws(Problem) {
        if current == "\u{FEFF}" { advance() }
        try skipTrivia()
        if atEnd {
            sawNothing = true
            throw fail("the file is empty: a scenario is a JSON5 object, at least {}")
        }
        try value(after: "at the start of the file", path: .root, depth: 0)
        try skipTrivia()
        if !atEnd {
            throw fail("expected the end of the file after the top-level value, found \(found())")
        }
    }

    private mutating func skipTrivia() throws(Problem) {
        while let scalar = current {
            switch scalar {
            case " ", "\t", "\n", "\r", "\u{0B}", "\u{0C}":
                advance()
            case "/":
                let start = position
                if peek(1) == "/" {
                    while let c = current, c != "\n", c != "\r" { advance() }
                } else if peek(1) == "*" {
                    advance()
                    advance()
                    while true {
                        guard let c = current else {
                            throw fail("unterminated comment: the /* opened at \(start) has no closing */")
                        }
                        if c == "*" && peek(1) == "/" {
                            advance()
                            advance()
                            break
                        }
                        advance()
                    }
                } else {
                    throw fail("unexpected '/': comments start with // or /*")
                }
            default:
                return
            }
        }
    }

    private mutating func value(after context: String, path: FieldPath, depth: Int) throws(Problem) {
        guard depth < Self.maximumDepth else {
            throw fail("values are nested more than \(Self.maximumDepth) levels deep")
        }
        guard let scalar = current else {
            throw fail("expected a value \(context), found \(found())")
        }
        switch scalar {
        case "{":
            try object(path: path, depth: depth)
        case "[":
            try array(path: path, depth: depth)
        case "\"", "'":
            _ = try string()
        case "0"..."9", "-", "+", ".":
            try number()
        default:
            guard Self.isIdentifierStart(scalar) else {
                throw fail("expected a value \(context), found \(found())")
            }
            let start = position
            let word = try identifier()
            switch word {
            case "true", "false", "null", "Infinity", "NaN":
                return
            default:
                throw fail("expected a value \(context), found '\(word)' (text needs quotes: \"\(word)\")", at: start)
            }
        }
    }

    private mutating func object(path: FieldPath, depth: Int) throws(Problem) {
        openContainers.append((kind: "object", position: position))
        advance()  // {
        var seen: [String: Position] = [:]
        var afterComma = false
        while true {
            try skipTrivia()
            if current == "}" {
                advance()
                openContainers.removeLast()
                return
            }
            let keyStart = position
            let key: String
            switch current {
            case "\"", "'":
                key = try string()
            case let scalar? where Self.isIdentifierStart(scalar) || scalar == "\\":
                key = try identifier()
            default:
                var message = "expected a key or '}'" + (afterComma ? " after ','" : "") + ", found \(found())"
                if let scalar = current, ("0"..."9").contains(scalar) {
                    message += " (keys that start with a digit need quotes)"
                }
                throw fail(message)
            }
            if let first = seen[key] {
                if duplicateKey == nil {
                    duplicateKey = DuplicateKey(position: keyStart, firstPosition: first, key: key,
                                                objectPath: path.description)
                }
            } else {
                seen[key] = keyStart
            }
            try skipTrivia()
            guard current == ":" else {
                throw fail("expected ':' after the key '\(key)', found \(found())")
            }
            advance()
            try skipTrivia()
            try value(after: "after ':'", path: path.key(key), depth: depth + 1)
            try skipTrivia()
            switch current {
            case ",":
                advance()
                afterComma = true
            case "}":
                continue
            default:
                var message = "expected ',' or '}' after the value of '\(key)', found \(found())"
                if let scalar = current, Self.isIdentifierStart(scalar) || scalar == "\"" || scalar == "'" {
                    message += " (is a comma missing?)"
                }
                throw fail(message)
            }
        }
    }

    private mutating func array(path: FieldPath, depth: Int) throws(Problem) {
        openContainers.append((kind: "array", position: position))
        advance()  // [
        var count = 0
        while true {
            try skipTrivia()
            if current == "]" {
                advance()
                openContainers.removeLast()
                return
            }
            let place = path.isRoot ? "the top-level array" : path.description
            if current == "," {
                throw fail("expected a value or ']' in \(place), found ','")
            }
            try value(after: "in \(place)", path: path.index(count), depth: depth + 1)
            count += 1
            try skipTrivia()
            switch current {
            case ",":
                advance()
            case "]":
                continue
            default:
                throw fail("expected ',' or ']' after element \(count - 1) of \(place), found \(found())")
            }
        }
    }

    /// A quoted string; returns its value (escapes resolved) for duplicate-key checks.
    private mutating func string() throws(Problem) -> String {
        let start = position
        let quote = current!
        advance()
        var text = String.UnicodeScalarView()
        while true {
            guard let scalar = current else {
                throw fail("unterminated string: the string opened at \(start) is not closed")
            }
            if scalar == quote {
                advance()
                return String(text)
            }
            switch scalar {
            case "\\":
                try escape(into: &text)
            case "\n", "\r":
                throw fail("unterminated string: the string opened at \(start) is not closed before the end of the line "
                           + "(write \\n for a line break)")
            default:
                if scalar.value < 0x20 {
                    throw fail("control character \(Self.codePoint(scalar)) in a string: write it as an escape ("
                               + (scalar == "\t" ? "\\t" : "\\u" + Self.hex4(scalar.value)) + ")")
                }
                text.append(scalar)
                advance()
            }
        }
    }

    private mutating func escape(into text: inout String.UnicodeScalarView) throws(Problem) {
        let start = position
        advance()  // backslash
        guard let scalar = current else { return }  // the caller reports the unterminated string
        switch scalar {
        case "\n", "\u{2028}", "\u{2029}":
            advance()
        case "\r":
            advance()
            if current == "\n" { advance() }
        case "u":
            advance()
            var code: UInt32 = 0
            for _ in 0..<4 {
                guard let digit = current.flatMap(Self.hexValue) else {
                    throw fail("invalid escape: \\u needs four hexadecimal digits", at: start)
                }
                code = code * 16 + digit
                advance()
            }
            if code == 0 { throw nullEscape(at: start) }
            text.append(Unicode.Scalar(code) ?? "\u{FFFD}")
        case "x":
            advance()
            var code: UInt32 = 0
            for _ in 0..<2 {
                guard let digit = current.flatMap(Self.hexValue) else {
                    throw fail("invalid escape: \\x needs two hexadecimal digits", at: start)
                }
                code = code * 16 + digit
                advance()
            }
            if code == 0 { throw nullEscape(at: start) }
            text.append(Unicode.Scalar(UInt8(code)))
        case "0"..."9":
            throw fail("invalid escape '\\\(scalar)' in a string (write \\u0000 for a null character)", at: start)
        case "v":
            throw fail("the escape \\v is not supported: write \\u000B", at: start)
        default:
            let resolved: Unicode.Scalar
            switch scalar {
            case "b": resolved = "\u{08}"
            case "f": resolved = "\u{0C}"
            case "n": resolved = "\n"
            case "r": resolved = "\r"
            case "t": resolved = "\t"
            default: resolved = scalar
            }
            text.append(resolved)
            advance()
        }
    }

    private mutating func number() throws(Problem) {
        let start = position
        var literal = ""
        if let sign = current, sign == "+" || sign == "-" {
            if sign == "-" { literal = "-" }
            advance()
        }
        if let scalar = current, scalar == "I" || scalar == "N" {
            let word = try identifier()
            guard word == "Infinity" || word == "NaN" else {
                throw fail("invalid number: expected Infinity or NaN after the sign, found '\(word)'", at: start)
            }
            return
        }
        if current == "0", let x = peek(1), x == "x" || x == "X" {
            advance()
            advance()
            var digits = 0
            var significant = 0
            while let scalar = current, Self.hexValue(scalar) != nil {
                if significant > 0 || scalar != "0" { significant += 1 }
                digits += 1
                advance()
            }
            guard digits > 0 else { throw fail("expected a hexadecimal digit after '0x', found \(found())") }
            try endOfNumber()
            if significant > 16 { throw fail("the hexadecimal number is too large", at: start) }
            return
        }
        var integerDigits = ""
        var fractionDigits = ""
        var exponent = ""
        while let scalar = current, ("0"..."9").contains(scalar) {
            integerDigits.unicodeScalars.append(scalar)
            advance()
        }
        if integerDigits.count > 1 && integerDigits.hasPrefix("0") {
            throw fail("numbers cannot have leading zeros (found \(integerDigits))", at: start)
        }
        if current == "." {
            advance()
            while let scalar = current, ("0"..."9").contains(scalar) {
                fractionDigits.unicodeScalars.append(scalar)
                advance()
            }
        }
        guard !integerDigits.isEmpty || !fractionDigits.isEmpty else {
            throw fail("invalid number: expected a digit, found \(found())")
        }
        if let e = current, e == "e" || e == "E" {
            advance()
            exponent = "e"
            if let sign = current, sign == "+" || sign == "-" {
                exponent.unicodeScalars.append(sign)
                advance()
            }
            var digits = 0
            while let scalar = current, ("0"..."9").contains(scalar) {
                exponent.unicodeScalars.append(scalar)
                digits += 1
                advance()
            }
            guard digits > 0 else { throw fail("invalid number: expected a digit in the exponent, found \(found())") }
        }
        try endOfNumber()
        literal += (integerDigits.isEmpty ? "0" : integerDigits)
            + (fractionDigits.isEmpty ? "" : "." + fractionDigits) + exponent
        guard let number = Double(literal) else { return }
        if number.isInfinite {
            throw fail("the number \(literal) is too large (the largest is about 1.8e308)", at: start)
        }
        let nonzero = (integerDigits + fractionDigits).contains { $0 != "0" }
        if number == 0 && nonzero {
            throw fail("the number \(literal) is too small to represent: write 0", at: start)
        }
    }

    /// A number must not run into letters, digits or a second point (`1_0`, `1e5.`).
    private mutating func endOfNumber() throws(Problem) {
        if let scalar = current, Self.isIdentifierPart(scalar) || scalar == "." {
            throw fail("unexpected '\(Character(scalar))' in a number")
        }
    }

    /// An ECMAScript IdentifierName (unquoted key or keyword), `\uXXXX` escapes resolved.
    private mutating func identifier() throws(Problem) -> String {
        var text = String.UnicodeScalarView()
        var first = true
        while let scalar = current {
            if scalar == "\\" {
                let start = position
                guard peek(1) == "u" else { throw fail("invalid escape in an unquoted key (only \\uXXXX is allowed)") }
                advance()
                advance()
                var code: UInt32 = 0
                for _ in 0..<4 {
                    guard let digit = current.flatMap(Self.hexValue) else {
                        throw fail("invalid escape: \\u needs four hexadecimal digits", at: start)
                    }
                    code = code * 16 + digit
                    advance()
                }
                if code == 0 { throw nullEscape(at: start) }
                text.append(Unicode.Scalar(code) ?? "\u{FFFD}")
            } else if first ? Self.isIdentifierStart(scalar) : Self.isIdentifierPart(scalar) {
                text.append(scalar)
                advance()
            } else {
                break
            }
            first = false
        }
        return String(text)
    }

    // MARK: - Describing what was found

    /// What stands at the current position, for "found …": a word, a quoted character, or the
    /// end of the file with the innermost container left open.
    private func found() -> String {
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
        switch scalar.properties.generalCategory {
        case .control, .format, .spaceSeparator, .lineSeparator, .paragraphSeparator, .privateUse, .surrogate,
             .unassigned:
            return "the character \(Self.codePoint(scalar))"
        default:
            break
        }
        return "'\(Character(scalar))'"
    }

    // MARK: - Character classes

    private static func isIdentifierStart(_ scalar: Unicode.Scalar) -> Bool {
        if scalar == "$" || scalar == "_" { return true }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter, .letterNumber:
            return true
        default:
            return false
        }
    }

    private static func isIdentifierPart(_ scalar: Unicode.Scalar) -> Bool {
        if isIdentifierStart(scalar) || scalar == "\u{200C}" || scalar == "\u{200D}" { return true }
        switch scalar.properties.generalCategory {
        case .decimalNumber, .nonspacingMark, .spacingMark, .connectorPunctuation:
            return true
        default:
            return false
        }
    }

    private static func hexValue(_ scalar: Unicode.Scalar) -> UInt32? {
        switch scalar {
        case "0"..."9": return scalar.value - 0x30
        case "a"..."f": return scalar.value - 0x61 + 10
        case "A"..."F": return scalar.value - 0x41 + 10
        default: return nil
        }
    }

    private static func hex4(_ value: UInt32) -> String {
        let hex = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    private static func codePoint(_ scalar: Unicode.Scalar) -> String { "U+" + hex4(scalar.value) }
}
