/// Reads JSON5 text into a `JSONValue` tree, with the line and column of every refusal.
///
/// Why our own parser: a scenario file is written by hand, so a refusal must say where and what
/// ("line 3, column 12: expected a value after ':', found ','"), and a key written twice must be
/// refused rather than one of the two silently kept. One recursive-descent reader that builds
/// the tree while it checks gives both from the same scan, so the verdict and the place cannot
/// disagree, and no message depends on another library's error wording.
///
/// The grammar is that of *The JSON5 Data Interchange Format*, version 1.0.0 (spec.json5.org),
/// which borrows its identifiers, strings and numbers from ECMAScript 5.1:
/// - whitespace: tab, line feed, vertical tab, form feed, carriage return, space, U+00A0,
///   U+2028, U+2029, U+FEFF (so a byte-order mark anywhere) and every Unicode space separator
///   (Zs); `//` line comments and `/* */` block comments (not nested);
/// - objects and arrays with an optional trailing comma; keys quoted, or unquoted as an
///   ECMAScript IdentifierName whose `\uXXXX` escapes are resolved (`\u0063ount` is `count`);
/// - strings in double or single quotes, with the escapes `\' \" \\ \b \f \n \r \t \v`, `\xHH`,
///   `\uXXXX` (surrogate pairs combined), a backslash before any other character standing for
///   that character, and a backslash before a line terminator continuing the line; U+2028 and
///   U+2029 may appear unescaped;
/// - numbers: decimal (`1`, `1.5`, `.5`, `5.`, `0e5`, `1E-3`), hexadecimal (`0x1F`), an explicit
///   `+` or `-`, `Infinity` and `NaN`; literals `true`, `false`, `null`.
///
/// Refused beyond the spec, because a scenario has no use for them and they break what reads
/// the tree or prints a message: a NUL character (raw, `\0`, `\x00` or `\u0000`), an unpaired
/// surrogate escape, an unescaped control character in a string, a decimal number whose
/// magnitude `Double` cannot hold (it would become infinity or zero), a hexadecimal number of
/// more than 16 significant digits, a key twice in one object, and containers nested more than
/// ``maximumDepth`` levels (the recursion stays far inside any thread's stack).
///
/// Numbers become the `Double` that `Double(String)` makes of the decimal literal (correctly
/// rounded); hexadecimal ones are read as a `UInt64` and converted (rounded to nearest); the sign
/// is applied last, so `-0` is `-0.0`.
///
/// ```swift
/// let tree = try JSON5Parser.parse("{ technicians: { count: 8, }, // eight\n }")
/// // .object(["technicians": .object(["count": .number(8)])])
/// ```
///
/// - Complexity: O(n) in the length of the text, which is held once as an array of scalars.
struct JSON5Parser {
    /// Nesting limit: scenario files nest six levels at most.
    static let maximumDepth = 128

    /// The tree of `text`.
    ///
    /// - Throws: `Failure`: the first syntax problem with its position; else the first key
    ///   that occurs twice in one object; `emptyDocument` for nothing but whitespace and comments.
    static func parse(_ text: String) throws(Failure) -> JSONValue {
        var parser = JSON5Parser(text)
        return try parser.document()
    }

    // MARK: - State

    private let scalars: [Unicode.Scalar]
    private var index = 0
    private(set) var position = TextPosition.start
    /// Reported only when the whole text is otherwise valid: a syntax error comes first.
    private var firstDuplicateKey: Failure?
    /// Open objects and arrays, innermost last, for "… is not closed" at the end of the file.
    private(set) var openContainers: [(kind: String, position: TextPosition)] = []

    private init(_ text: String) {
        scalars = Array(text.unicodeScalars)
    }

    var current: Unicode.Scalar? { index < scalars.count ? scalars[index] : nil }

    func peek(_ offset: Int) -> Unicode.Scalar? {
        index + offset < scalars.count ? scalars[index + offset] : nil
    }

    private mutating func advance() {
        position.advance(over: scalars[index])
        index += 1
    }

    func fail(_ message: String, at place: TextPosition? = nil) -> Failure {
        .syntax(message, at: place ?? position)
    }

    // MARK: - Document and trivia

    private mutating func document() throws(Failure) -> JSONValue {
        try skipTrivia()
        if current == nil { throw .emptyDocument }
        let value = try value(after: "at the start of the file", path: .root, depth: 0)
        try skipTrivia()
        if current != nil {
            throw fail("expected the end of the file after the top-level value, found \(found())")
        }
        if let firstDuplicateKey { throw firstDuplicateKey }
        return value
    }

    /// Whitespace and comments.
    private mutating func skipTrivia() throws(Failure) {
        while let scalar = current {
            if Self.isWhitespace(scalar) {
                advance()
                continue
            }
            guard scalar == "/" else { return }
            let start = position
            switch peek(1) {
            case "/":
                while let c = current, !Self.isLineTerminator(c) { advance() }
            case "*":
                advance()
                advance()
                while true {
                    guard let c = current else {
                        throw fail("unterminated comment: the /* opened at \(start) has no closing */")
                    }
                    advance()
                    if c == "*" && current == "/" {
                        advance()
                        break
                    }
                }
            default:
                throw fail("unexpected '/': comments start with // or /*")
            }
        }
    }

    // MARK: - Values

    /// The value at the current position; `context` ("after ':'") completes "expected a value …".
    private mutating func value(after context: String, path: FieldPath, depth: Int) throws(Failure) -> JSONValue {
        guard let scalar = current else {
            throw fail("expected a value \(context), found \(found())")
        }
        switch scalar {
        case "{", "[":
            guard depth < Self.maximumDepth else {
                throw fail("values are nested more than \(Self.maximumDepth) levels deep")
            }
            return scalar == "{" ? try object(path: path, depth: depth) : try array(path: path, depth: depth)
        case "\"", "'":
            return .string(try string())
        case "0"..."9", "-", "+", ".":
            return .number(try number())
        default:
            guard Self.isIdentifierStart(scalar) else {
                throw fail("expected a value \(context), found \(found())")
            }
            let start = position
            let word = plainWord()
            switch word {
            case "true": return .bool(true)
            case "false": return .bool(false)
            case "null": return .null
            case "Infinity": return .number(.infinity)
            case "NaN": return .number(.nan)
            default:
                let shown = ScenarioError.printable(word)
                throw fail("expected a value \(context), found '\(shown)' (text needs quotes: \"\(shown)\")", at: start)
            }
        }
    }

    private mutating func object(path: FieldPath, depth: Int) throws(Failure) -> JSONValue {
        open("object")
        var fields: [String: JSONValue] = [:]
        var keyPositions: [String: TextPosition] = [:]
        var afterComma = false
        while true {
            if try closes(with: "}") { return .object(fields) }
            let keyStart = position
            let key: String
            switch current {
            case "\"", "'":
                key = try string()
            case let scalar? where Self.isIdentifierStart(scalar) || scalar == "\\":
                key = try identifierName()
            default:
                var message = "expected a key or '}'" + (afterComma ? " after ','" : "") + ", found \(found())"
                if let scalar = current, ("0"..."9").contains(scalar) {
                    message += " (keys that start with a digit need quotes)"
                }
                throw fail(message)
            }
            let firstPosition = keyPositions[key]
            if let firstPosition, firstDuplicateKey == nil {
                firstDuplicateKey = .duplicateKey(key, objectPath: path.description, at: keyStart, firstAt: firstPosition)
            }
            try skipTrivia()
            guard current == ":" else {
                throw fail("expected ':' after the key \(Self.quotedKey(key)), found \(found())")
            }
            advance()
            try skipTrivia()
            let member = try value(after: "after ':'", path: path.key(key), depth: depth + 1)
            if firstPosition == nil {
                fields[key] = member
                keyPositions[key] = keyStart
            }
            try skipTrivia()
            switch current {
            case ",":
                advance()
                afterComma = true
            case "}":
                continue
            default:
                var message = "expected ',' or '}' after the value of \(Self.quotedKey(key)), found \(found())"
                if let scalar = current, Self.isIdentifierStart(scalar) || scalar == "\"" || scalar == "'" {
                    message += " (is a comma missing?)"
                }
                throw fail(message)
            }
        }
    }

    private mutating func array(path: FieldPath, depth: Int) throws(Failure) -> JSONValue {
        open("array")
        var elements: [JSONValue] = []
        let place = path.isRoot ? "the top-level array" : ScenarioError.printable(path.description)
        while true {
            if try closes(with: "]") { return .array(elements) }
            if current == "," {
                throw fail("expected a value or ']' in \(place), found ','")
            }
            elements.append(try value(after: "in \(place)", path: path.index(elements.count), depth: depth + 1))
            try skipTrivia()
            switch current {
            case ",":
                advance()
            case "]":
                continue
            default:
                throw fail("expected ',' or ']' after element \(elements.count - 1) of \(place), found \(found())")
            }
        }
    }

    /// Past the opening bracket of a `kind` ("object", "array") container.
    private mutating func open(_ kind: String) {
        openContainers.append((kind: kind, position: position))
        advance()
    }

    /// Whether, after whitespace and comments, the innermost container ends with `bracket`;
    /// if so, past it.
    private mutating func closes(with bracket: Unicode.Scalar) throws(Failure) -> Bool {
        try skipTrivia()
        guard current == bracket else { return false }
        advance()
        openContainers.removeLast()
        return true
    }

    // MARK: - Strings and keys

    /// A quoted string, escapes resolved.
    private mutating func string() throws(Failure) -> String {
        let start = position
        let quote = current!
        advance()
        var text = String.UnicodeScalarView()
        while true {
            guard let scalar = current else {
                throw fail("unterminated string: the string opened at \(start) is not closed")
            }
            switch scalar {
            case quote:
                advance()
                return String(text)
            case "\\":
                try escape(into: &text)
            case "\n", "\r":
                throw fail("unterminated string: the string opened at \(start) is not closed before the end of the line "
                           + "(write \\n for a line break)")
            case "\u{0}":
                throw Failure.nulCharacter(at: position)
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

    /// The escape at the backslash, appended to `text`; at the end of the text, nothing (the
    /// caller reports the unterminated string).
    private mutating func escape(into text: inout String.UnicodeScalarView) throws(Failure) {
        let start = position
        advance()  // backslash
        guard let scalar = current else { return }
        advance()
        switch scalar {
        case "\n", "\u{2028}", "\u{2029}":
            return  // a line continuation stands for nothing
        case "\r":
            if current == "\n" { advance() }
        case "u":
            text.append(try unicodeEscape(from: start))
        case "x":
            let code = try hexadecimal(digits: 2, escapeStart: start, what: "\\x needs two hexadecimal digits")
            if code == 0 { throw Failure.nulCharacter(at: start) }
            text.append(Unicode.Scalar(UInt8(code)))
        case "0":
            if let next = current, ("0"..."9").contains(next) {
                throw fail("invalid escape '\\0\(Character(next))' in a string: digits cannot follow \\0", at: start)
            }
            throw Failure.nulCharacter(at: start)
        case "1"..."9":
            throw fail("invalid escape '\\\(scalar)' in a string: write the digit without a backslash", at: start)
        case "\u{0}":
            throw Failure.nulCharacter(at: start)
        case "b": text.append("\u{08}")
        case "f": text.append("\u{0C}")
        case "n": text.append("\n")
        case "r": text.append("\r")
        case "t": text.append("\t")
        case "v": text.append("\u{0B}")
        default:
            text.append(scalar)  // \' \" \\ \/, and any other character stands for itself
        }
    }

    /// The character of a `\uXXXX` escape whose `\u` starts at `start` and has been read; a
    /// high surrogate takes the low surrogate escape that must follow it.
    private mutating func unicodeEscape(from start: TextPosition) throws(Failure) -> Unicode.Scalar {
        let what = "\\u needs four hexadecimal digits"
        let code = try hexadecimal(digits: 4, escapeStart: start, what: what)
        switch code {
        case 0:
            throw Failure.nulCharacter(at: start)
        case 0xD800...0xDBFF:
            if current == "\\", peek(1) == "u", let low = lowSurrogate(at: 2) {
                for _ in 0..<6 { advance() }
                return Unicode.Scalar(0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00))!
            }
            throw Failure.unpairedSurrogate(code, at: start)
        case 0xDC00...0xDFFF:
            throw Failure.unpairedSurrogate(code, at: start)
        default:
            return Unicode.Scalar(code)!
        }
    }

    /// The low surrogate written as four hexadecimal digits `offset` scalars ahead, if there is one.
    private func lowSurrogate(at offset: Int) -> UInt32? {
        var code: UInt32 = 0
        for k in 0..<4 {
            guard let digit = peek(offset + k).flatMap(Self.hexValue) else { return nil }
            code = code * 16 + digit
        }
        return (0xDC00...0xDFFF).contains(code) ? code : nil
    }

    /// `digits` hexadecimal digits of the escape that starts at `escapeStart`.
    private mutating func hexadecimal(digits: Int, escapeStart: TextPosition, what: String) throws(Failure) -> UInt32 {
        var code: UInt32 = 0
        for _ in 0..<digits {
            guard let digit = current.flatMap(Self.hexValue) else {
                throw fail("invalid escape: \(what)", at: escapeStart)
            }
            code = code * 16 + digit
            advance()
        }
        return code
    }

    /// An unquoted key: an ECMAScript IdentifierName, `\uXXXX` escapes resolved. An escape must
    /// stand for a character an unquoted key may hold there.
    private mutating func identifierName() throws(Failure) -> String {
        var text = String.UnicodeScalarView()
        while let scalar = current {
            let isFirst = text.isEmpty
            func allowed(_ scalar: Unicode.Scalar) -> Bool {
                isFirst ? Self.isIdentifierStart(scalar) : Self.isIdentifierPart(scalar)
            }
            if scalar == "\\" {
                let start = position
                guard peek(1) == "u" else {
                    throw fail("invalid escape in an unquoted key (only \\uXXXX is allowed)")
                }
                advance()
                advance()
                let resolved = try unicodeEscape(from: start)
                guard allowed(resolved) else {
                    throw fail("the escape \\u\(Self.hex4(resolved.value)) in an unquoted key stands for \(Self.describe(resolved)), "
                               + "which an unquoted key cannot hold there; put the key in quotes", at: start)
                }
                text.append(resolved)
            } else if allowed(scalar) {
                text.append(scalar)
                advance()
            } else {
                break
            }
        }
        return String(text)
    }

    /// Identifier characters without escapes: a literal (`true`, `NaN`) or a word to quote.
    private mutating func plainWord() -> String {
        var word = String.UnicodeScalarView()
        while let scalar = current, Self.isIdentifierPart(scalar) {
            word.append(scalar)
            advance()
        }
        return String(word)
    }

    // MARK: - Numbers

    private mutating func number() throws(Failure) -> Double {
        let start = position
        var negative = false
        if let sign = current, sign == "+" || sign == "-" {
            negative = sign == "-"
            advance()
        }
        let magnitude: Double
        if let scalar = current, scalar == "I" || scalar == "N" {
            let word = plainWord()
            guard word == "Infinity" || word == "NaN" else {
                throw fail("invalid number: expected Infinity or NaN after the sign, found '\(word)'", at: start)
            }
            magnitude = word == "NaN" ? .nan : .infinity
        } else if current == "0", let x = peek(1), x == "x" || x == "X" {
            magnitude = try hexadecimalNumber(start: start)
        } else {
            magnitude = try decimalNumber(start: start, sign: negative ? "-" : "")
        }
        return negative ? -magnitude : magnitude
    }

    /// `0x…` without its sign: a `UInt64` converted to the nearest `Double`.
    private mutating func hexadecimalNumber(start: TextPosition) throws(Failure) -> Double {
        advance()  // 0
        advance()  // x
        var value: UInt64 = 0
        var digits = 0
        var significant = 0
        while let digit = current.flatMap(Self.hexValue) {
            if significant > 0 || digit != 0 { significant += 1 }
            if significant <= 16 { value = value << 4 | UInt64(digit) }
            digits += 1
            advance()
        }
        guard digits > 0 else { throw fail("expected a hexadecimal digit after '0x', found \(found())") }
        try endOfNumber()
        if significant > 16 { throw fail("the hexadecimal number is too large", at: start) }
        return Double(value)
    }

    /// A decimal literal without its sign (`sign` only names it in messages), as `Double(String)`
    /// reads it.
    private mutating func decimalNumber(start: TextPosition, sign: String) throws(Failure) -> Double {
        let integerDigits = digitRun()
        if integerDigits.count > 1 && integerDigits.hasPrefix("0") {
            throw fail("numbers cannot have leading zeros (found \(Self.shortened(integerDigits)))", at: start)
        }
        var fractionDigits = ""
        if current == "." {
            advance()
            fractionDigits = digitRun()
        }
        guard !integerDigits.isEmpty || !fractionDigits.isEmpty else {
            throw fail("invalid number: expected a digit, found \(found())")
        }
        var exponent = ""
        if let e = current, e == "e" || e == "E" {
            advance()
            exponent = "e"
            if let exponentSign = current, exponentSign == "+" || exponentSign == "-" {
                exponent.unicodeScalars.append(exponentSign)
                advance()
            }
            let exponentDigits = digitRun()
            guard !exponentDigits.isEmpty else {
                throw fail("invalid number: expected a digit in the exponent, found \(found())")
            }
            exponent += exponentDigits
        }
        try endOfNumber()
        let literal = (integerDigits.isEmpty ? "0" : integerDigits)
            + (fractionDigits.isEmpty ? "" : "." + fractionDigits) + exponent
        guard let magnitude = Double(literal) else {
            preconditionFailure("Double(String) refused the well-formed decimal literal \(literal)")
        }
        let written = Self.shortened(sign + literal)
        if magnitude.isInfinite {
            throw fail("the number \(written) is too large (the largest is about 1.8e308)", at: start)
        }
        if magnitude == 0 && (integerDigits + fractionDigits).contains(where: { $0 != "0" }) {
            throw fail("the number \(written) is too small to represent: write 0", at: start)
        }
        return magnitude
    }

    /// The decimal digits at the current position.
    private mutating func digitRun() -> String {
        var digits = String.UnicodeScalarView()
        while let scalar = current, ("0"..."9").contains(scalar) {
            digits.append(scalar)
            advance()
        }
        return String(digits)
    }

    /// A number must not run into letters, digits or a second point (`1_0`, `1e5.`).
    private func endOfNumber() throws(Failure) {
        if let scalar = current, Self.isIdentifierPart(scalar) || scalar == "." {
            throw fail("unexpected '\(Character(scalar))' in a number")
        }
    }
}
