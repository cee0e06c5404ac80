import CompanyModel
import Testing

/// The JSON5 reader on its own: the forms of the JSON5 spec it accepts and the values they give,
/// the line and column of its refusals, duplicate keys after escapes, numbers bit for bit, and
/// nesting limits. (JSON5SyntaxTests covers the messages through the scenario reader.)
@Suite("JSON5 parser: values, positions, numbers, limits")
struct JSON5ParserTests {
    typealias Support = ScenarioReaderTestSupport

    static func tree(_ text: String) throws -> JSONValue {
        try ScenarioReader.parse(text: text, fileName: "scenarios/x.json5")
    }

    /// The member `a` of the object `text`.
    static func member(_ text: String) throws -> JSONValue? {
        guard case .object(let fields) = try tree(text) else { return nil }
        return fields["a"]
    }

    // MARK: - Accepted

    struct Accepted: Sendable, CustomTestStringConvertible {
        var what: String
        var text: String
        var value: JSONValue
        var testDescription: String { what }
    }

    static let accepted: [Accepted] = [
        Accepted(what: "an identifier escape in an unquoted key", text: "{ \\u0063ount: 3 }", value: .object(["count": .number(3)])),
        Accepted(what: "escapes after the first character of a key", text: "{ co\\u0075nt: 3 }", value: .object(["count": .number(3)])),
        Accepted(what: "U+2028 and U+2029 as whitespace", text: "{\u{2028}a:\u{2029}1 }", value: .object(["a": .number(1)])),
        Accepted(what: "U+2028 and U+2029 raw in a string", text: "{ a: 'x\u{2028}y\u{2029}' }",
                 value: .object(["a": .string("x\u{2028}y\u{2029}")])),
        Accepted(what: "a line continuation at U+2028", text: "{ a: 'one \\\u{2028}two' }", value: .object(["a": .string("one two")])),
        Accepted(what: "a line continuation at CRLF", text: "{ a: 'one \\\r\ntwo' }", value: .object(["a": .string("one two")])),
        Accepted(what: "the \\v escape", text: "{ a: 'x\\vy' }", value: .object(["a": .string("x\u{0B}y")])),
        Accepted(what: "0e5 is zero", text: "{ a: 0e5 }", value: .object(["a": .number(0)])),
        Accepted(what: "other exponents of zero", text: "[0E5, 0e-5, 0.e+2, 0.0e1, .0e3]",
                 value: .array(Array(repeating: .number(0), count: 5))),
        Accepted(what: "a no-break space, a byte-order mark and Unicode spaces as whitespace",
                 text: "{\u{00A0}a:\u{3000}1,\u{2003}b:\u{FEFF}2 }\u{FEFF}", value: .object(["a": .number(1), "b": .number(2)])),
        Accepted(what: "a surrogate pair of escapes", text: "{ a: '\\uD83D\\uDE00' }", value: .object(["a": .string("😀")])),
        Accepted(what: "a backslash before another character stands for it", text: "{ a: '\\a\\/\\'\\\"' }",
                 value: .object(["a": .string("a/'\"")])),
        Accepted(what: "hexadecimal escapes", text: "{ a: '\\x41\\u00e9' }", value: .object(["a": .string("Aé")])),
        Accepted(what: "literals and a nested tree", text: "// c\n[true, false, null, { b: [] }, /* c */ 'x',]",
                 value: .array([.bool(true), .bool(false), .null, .object(["b": .array([])]), .string("x")])),
        Accepted(what: "signed infinities", text: "[Infinity, -Infinity, +Infinity]",
                 value: .array([.number(.infinity), .number(-.infinity), .number(.infinity)])),
    ]

    @Test("a form of the JSON5 spec gives its value", arguments: accepted)
    func acceptedForm(_ form: Accepted) throws {
        #expect(try Self.tree(form.text) == form.value)
    }

    @Test("NaN with or without a sign is a NaN")
    func nan() throws {
        for text in ["{ a: NaN }", "{ a: -NaN }", "{ a: +NaN }"] {
            guard case .number(let number)? = try Self.member(text) else {
                Issue.record("no number for \(text)")
                continue
            }
            #expect(number.isNaN)
        }
    }

    @Test("a multi-megabyte string is read whole")
    func longString() throws {
        let body = String(repeating: "aé😀\\n", count: 500_000)
        guard case .string(let text)? = try Self.member("{ a: '\(body)' }") else {
            Issue.record("no string")
            return
        }
        #expect(text.unicodeScalars.count == 2_000_000)
        #expect(text.hasPrefix("aé😀\naé😀\n"))
    }

    // MARK: - Numbers

    /// What the reader must make of `literal`: `Double(String)` of the decimal text (without a
    /// `+`), or the hexadecimal digits as a `UInt64` converted, the sign applied last.
    static func expected(_ literal: String) -> Double? {
        var text = Substring(literal)
        var negative = false
        if let sign = text.first, sign == "+" || sign == "-" {
            negative = sign == "-"
            text = text.dropFirst()
        }
        let magnitude: Double?
        if text.hasPrefix("0x") || text.hasPrefix("0X") {
            magnitude = UInt64(text.dropFirst(2), radix: 16).map { Double($0) }
        } else {
            magnitude = Double(text)
        }
        return magnitude.map { negative ? -$0 : $0 }
    }

    @Test("numbers are exactly the Double of the literal, sign included", arguments: [
        "0.1", "1e-320", "2.2250738585072011e-308", "-0", "-0.0", "0x1F", ".5", "5.", "+1", "-.5e-3", "0e5", "-0e5",
        "1E+2", "0.30000000000000004", "9007199254740993", "123456789012345678901234567890", "1.7976931348623157e308",
        "4.9e-324", "-5e-324", "-0x10", "0X0", "-0x0", "0xFFFFFFFFFFFFFFFF", "0x20000000000001", "1.00000000000000011102230246251565",
    ])
    func exactDouble(literal: String) throws {
        let want = try #require(Self.expected(literal))
        guard case .number(let got)? = try Self.member("{ a: \(literal) }") else {
            Issue.record("no number for \(literal)")
            return
        }
        #expect(got.bitPattern == want.bitPattern, "\(literal): got \(got), want \(want)")
    }

    @Test("minus zero keeps its sign")
    func minusZero() throws {
        guard case .number(let zero)? = try Self.member("{ a: -0 }") else {
            Issue.record("no number")
            return
        }
        #expect(zero == 0 && zero.sign == .minus)
    }

    // MARK: - Refused, with line and column

    struct Refused: Sendable, CustomTestStringConvertible {
        var what: String
        var text: String
        var line: Int
        var column: Int
        /// The whole requirement, or nil to check the position only.
        var message: String?
        var testDescription: String { what }
    }

    static let nul = "a NUL character (\\u0000, the null character) is not supported in scenario text; remove it"

    static let refused: [Refused] = [
        Refused(what: "after CRLF", text: "{\r\n  a: 1,\r\n  b: }", line: 3, column: 6,
                message: "expected a value after ':', found '}'"),
        Refused(what: "after a lone CR", text: "{\r  a: 1,\r  b: }", line: 3, column: 6, message: nil),
        Refused(what: "after U+2028", text: "{ a: 1,\u{2028}  b: }", line: 2, column: 6, message: nil),
        Refused(what: "after U+2029 ending a comment", text: "// c\u{2029}{ a: }", line: 2, column: 6, message: nil),
        Refused(what: "after U+2028 inside a string", text: "{ a: 'x\u{2028}y', b }", line: 2, column: 7,
                message: "expected ':' after the key 'b', found '}'"),
        Refused(what: "after a character of four UTF-8 bytes", text: "{ 'é😀': , }", line: 1, column: 9,
                message: "expected a value after ':', found ','"),
        Refused(what: "after a combining mark (columns count scalars)", text: "{ 'e\u{301}': , }", line: 1, column: 9, message: nil),
        Refused(what: "a raw NUL in a string", text: "{\n  a: 'x\u{0}' }", line: 2, column: 8, message: nul),
        Refused(what: "the escape \\0", text: "{\n  a: 'x\\0' }", line: 2, column: 8, message: nul),
        Refused(what: "the escape \\u0000 in a key", text: "{ na\\u0000me: 1 }", line: 1, column: 5, message: nul),
        Refused(what: "the escape \\x00", text: "{ a: '\\x00' }", line: 1, column: 7, message: nul),
        Refused(what: "an unpaired high surrogate", text: "{\n  a: 'x\\ud800y' }", line: 2, column: 8,
                message: "the escape \\uD800 is half of a surrogate pair (\\uD800–\\uDFFF alone stand for no character); "
                    + "write the character itself"),
        Refused(what: "a low surrogate first", text: "{ a: '\\uDE00\\uD83D' }", line: 1, column: 7, message: nil),
        Refused(what: "a raw control character", text: "{ a: 'x\u{1}' }", line: 1, column: 8,
                message: "control character U+0001 in a string: write it as an escape (\\u0001)"),
        Refused(what: "an escaped digit", text: "{ a: 'x\\1' }", line: 1, column: 8,
                message: "invalid escape '\\1' in a string: write the digit without a backslash"),
        Refused(what: "an escape in a key that stands for a hyphen", text: "{ a\\u002Db: 1 }", line: 1, column: 4,
                message: "the escape \\u002D in an unquoted key stands for '-', which an unquoted key cannot hold there; "
                    + "put the key in quotes"),
        Refused(what: "leading zeros", text: "{ a: -007 }", line: 1, column: 6, message: "numbers cannot have leading zeros (found 007)"),
        Refused(what: "a decimal too large for a Double", text: "{\n a: -1e999 }", line: 2, column: 5,
                message: "the number -1e999 is too large (the largest is about 1.8e308)"),
        Refused(what: "a decimal too small for a Double", text: "{ a: 1e-400 }", line: 1, column: 6,
                message: "the number 1e-400 is too small to represent: write 0"),
        Refused(what: "a hexadecimal number of 17 digits", text: "{ a: 0x10000000000000000 }", line: 1, column: 6,
                message: "the hexadecimal number is too large"),
        Refused(what: "an unterminated string", text: "{ a: 'x\u{2028}", line: 2, column: 1,
                message: "unterminated string: the string opened at line 1, column 6 is not closed"),
        Refused(what: "an unterminated comment", text: "{ a: 1 /* x\r\n", line: 2, column: 1,
                message: "unterminated comment: the /* opened at line 1, column 8 has no closing */"),
    ]

    @Test("a refusal says where and what", arguments: refused)
    func refusal(_ case_: Refused) throws {
        let error = try #require(Support.error(case_.text))
        #expect(error.kind == .syntax)
        #expect(error.line == case_.line && error.column == case_.column, "\(error)")
        if let message = case_.message {
            #expect(error.requirement == message)
        }
    }

    // MARK: - Duplicate keys

    @Test("keys equal after escapes are duplicates", arguments: [
        ("{ count: 1, \\u0063ount: 2 }", 13), ("{ 'a': 1, \"\\u0061\": 2 }", 11), ("{ \"\\x61\": 1, a: 2 }", 14),
        ("{ a: 1, '\\a': 2 }", 9), ("{ \\u0061: 1, 'a': 2 }", 14),
    ])
    func escapedDuplicate(text: String, column: Int) throws {
        let error = try #require(Support.error(text))
        #expect(error.kind == .duplicateKey)
        #expect(error.line == 1 && error.column == column, "\(error)")
        #expect(error.requirement.hasPrefix("duplicate key '") && error.requirement.hasSuffix("at the top level (first at line 1, column 3)"))
    }

    @Test("the message of a duplicate key after an escape names the key as read")
    func duplicateMessage() {
        #expect(Support.message("{ technicians: { count: 1,\n  \\u0063ount: 2 } }")
                == "scenarios/x.json5: line 2, column 3: duplicate key 'count' in technicians (first at line 1, column 18)")
    }

    @Test("a key with a line break is quoted on one line in the message")
    func duplicateKeyPrintable() throws {
        let error = try #require(Support.error("{ 'a\\nb': 1, 'a\\nb': 2 }"))
        #expect(error.kind == .duplicateKey)
        #expect(error.value == "a\nb")
        #expect(!error.description.contains("\n"))
        #expect(error.requirement.hasPrefix("duplicate key 'a\\u{a}b' at the top level"))
    }

    @Test("a syntax error later in the file is reported before a duplicate key")
    func syntaxBeforeDuplicate() throws {
        let error = try #require(Support.error("{ a: 1, a: 2,\n b: }"))
        #expect(error.kind == .syntax)
        #expect(error.line == 2 && error.column == 5)
    }

    // MARK: - Nesting

    @Test("128 nested containers are read, 129 are refused at the 129th", arguments: ["[", "{a:"])
    func nestingLimit(opener: String) throws {
        let closer = opener == "[" ? "]" : "}"
        let inner = opener == "[" ? "" : "1"
        let fine = String(repeating: opener, count: 128) + inner + String(repeating: closer, count: 128)
        #expect(throws: Never.self) { try Self.tree(fine) }
        let deep = String(repeating: opener, count: 129) + inner + String(repeating: closer, count: 129)
        let error = try #require(Support.error(deep))
        #expect(error.requirement == "values are nested more than 128 levels deep")
        #expect(error.line == 1 && error.column == 128 * opener.count + 1)
    }

    @Test("100,000 nested containers are refused, not a stack overflow", arguments: ["[", "{a:", "{ a: ["])
    func veryDeepNesting(opener: String) throws {
        let error = try #require(Support.error("{ description:\n" + String(repeating: opener, count: 100_000)))
        #expect(error.kind == .syntax)
        #expect(error.line == 2)
        #expect(error.requirement == "values are nested more than 128 levels deep")
    }
}
