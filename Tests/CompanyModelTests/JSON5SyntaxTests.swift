import CompanyModel
import Testing

@Suite("Scenario files: JSON5 syntax errors with line and column")
struct JSON5SyntaxTests {
    typealias Support = ScenarioReaderTestSupport

    @Test("a missing value: line, column and what was expected")
    func missingValue() throws {
        let text = """
        {
          technicians: {
            count: ,
          }
        }
        """
        let error = try #require(Support.error(text))
        #expect(error.kind == .syntax)
        #expect(error.line == 3 && error.column == 12)
        #expect(error.description == "scenarios/x.json5: line 3, column 12: expected a value after ':', found ','")
    }

    @Test("a missing comma between members")
    func missingComma() throws {
        let text = """
        {
          name: "a"
          description: "b"
        }
        """
        #expect(Support.message(text) == "scenarios/x.json5: line 3, column 3: expected ',' or '}' after the value of "
                + "'name', found 'description' (is a comma missing?)")
    }

    @Test("a truncated file names the container left open")
    func truncated() throws {
        let text = "{\n  technicians: {\n    count: 3,\n"
        let error = try #require(Support.error(text))
        #expect(error.kind == .syntax)
        #expect(error.description == "scenarios/x.json5: line 4, column 1: expected a key or '}' after ',', found the end "
                + "of the file (the object opened at line 2, column 16 is not closed)")
        let midValue = try #require(Support.error("{ a: [1, 2"))
        #expect(midValue.line == 1 && midValue.column == 11)
        #expect(midValue.requirement.contains("the array opened at line 1, column 6 is not closed"))
    }

    @Test("unterminated strings and comments")
    func unterminated() throws {
        #expect(Support.message("{ name: \"abc }")
                == "scenarios/x.json5: line 1, column 15: unterminated string: the string opened at line 1, column 9 is not closed")
        let lineBreak = try #require(Support.error("{ name: 'abc\n' }"))
        #expect(lineBreak.line == 1 && lineBreak.column == 13)
        let comment = try #require(Support.error("{ /* never closed\n a: 1 }"))
        #expect(comment.line == 2 && comment.column == 8)
        #expect(comment.requirement == "unterminated comment: the /* opened at line 1, column 3 has no closing */")
    }

    @Test("duplicate keys are refused, with both positions")
    func duplicateKeys() throws {
        let text = "{\n  technicians: { count: 3,\n    count: 4 }\n}"
        let error = try #require(Support.error(text))
        #expect(error.kind == .duplicateKey)
        #expect(error.path == "technicians")
        #expect(error.value == "count")
        #expect(error.description == "scenarios/x.json5: line 3, column 5: duplicate key 'count' in technicians "
                + "(first at line 2, column 18)")
        #expect(Support.message("{ name: 'a', \"name\": 'b' }")
                == "scenarios/x.json5: line 1, column 14: duplicate key 'name' at the top level (first at line 1, column 3)")
        #expect(Support.error("{ clients: { a: { workHours: { type: 'constant', value: 1, value: 2 } } } }")?.path
                == "clients.a.workHours")
        #expect(Support.error("{ p: [{ a: 1 }, { a: 1, 'a': 2 }] }")?.path == "p[1]")
        // The same key in different objects is fine.
        #expect(throws: Never.self) {
            try ScenarioReader.parse(text: "{ a: { count: 1 }, b: { count: 2 } }", fileName: "x")
        }
    }

    @Test("unquoted text, leading zeros, trailing garbage, huge numbers")
    func otherProblems() throws {
        #expect(Support.message("{ calendar: { mode: continuous } }")
                == "scenarios/x.json5: line 1, column 21: expected a value after ':', found 'continuous' "
                + "(text needs quotes: \"continuous\")")
        #expect(Support.message("{ a: 007 }")
                == "scenarios/x.json5: line 1, column 6: numbers cannot have leading zeros (found 007)")
        #expect(Support.message("{} x")
                == "scenarios/x.json5: line 1, column 4: expected the end of the file after the top-level value, found 'x'")
        #expect(Support.message("{ a: 1e400 }")
                == "scenarios/x.json5: line 1, column 6: the number 1e400 is too large (the largest is about 1.8e308)")
        #expect(Support.error("{ a: 1e-400 }")?.line == 1)
        #expect(Support.error("{ a: 'x\\1' }")?.column == 8)
        #expect(Support.error("{ 1a: 2 }")?.column == 3)
        #expect(Support.error("{ a: 1,, }")?.column == 8)
    }

    @Test("columns count characters; CRLF ends a line once")
    func positions() throws {
        let crlf = try #require(Support.error("{\r\n  a: ,\r\n}"))
        #expect(crlf.line == 2 && crlf.column == 6)
        let unicode = try #require(Support.error("{ 'é': }"))
        #expect(unicode.line == 1 && unicode.column == 8)
    }

    @Test("empty files")
    func emptyFiles() throws {
        for text in ["", "   \n\t", "// only a comment\n/* and another */"] {
            let error = try #require(Support.error(text))
            #expect(error.kind == .syntax)
            #expect(error.line == nil)
            #expect(error.description == "scenarios/x.json5: the file is empty: a scenario is a JSON5 object, at least {}")
        }
    }

    static let invalid = [
        "{", "}", "{ a }", "{ a: }", "{ a 1 }", "{ a: 1 b: 2 }", "{ a: [1 2] }", "{ a: [1,, 2] }", "{ ,}", "[,]",
        "{ a: tru }", "{ a: 'x }", "{ a: \"x\ny\" }", "{ a: 1 } }", "{ a: 1 } // ok\n x", "{ a: 01 }",
        "{ a: 1.2.3 }", "{ a: - }", "{ a: 0x }", "{ a: .e1 }", "{ a: 1e }", "{ a: '\\u12' }", "{ a: '\\x4' }",
        "{ a-b: 1 }", "{ a: 1 /* open", "{ a: 1 } /", "{ a: 1e999 }", "{ a: 'x\ty' }", "{ a: # }", "{ a: 'x\\0' }",
        "{ a: 'x\u{0}' }", "{ a: '\\ud800' }", "{ a: '\\udc00\\ud800' }", "{ a: '\\9' }", "{ a: 1e-400 }",
        "{ a: 0x1FFFFFFFFFFFFFFFF }", "{ \\u0031a: 1 }", "{ a\\u002Db: 1 }", "{ a\\x41: 1 }",
    ]

    @Test("every refused text is refused with a line and column", arguments: invalid)
    func refusedWithPosition(text: String) throws {
        let error = try #require(Support.error(text))
        #expect(error.kind == .syntax)
        #expect(error.line != nil && error.column != nil, "no position for \(text.debugDescription): \(error)")
        #expect(!error.requirement.contains("Foundation") && !error.requirement.contains("DecodingError"))
    }

    @Test("valid JSON5 is accepted")
    func validJSON5() throws {
        let valid = [
            "{}", "{ a: 1, }", "{ 'a': 'b', \"c\": \"d\" }", "{ a: [1, 2,], }", "{ $a_1: 0x1F, b: -0x10 }",
            "{ a: .5, b: 5., c: +1, d: 1e3, e: 1E-3, f: -0 }", "{ a: Infinity, b: -Infinity, c: NaN }",
            "{ a: 'it\\'s', b: \"say \\\"hi\\\"\", c: '\\u00e9\\x41\\n\\t' }", "{ a: 'one \\\ntwo' }",
            "\u{FEFF}{ a: 1 }", "/* c */ { // c\n a: 1 } // end", "{ a: null, b: true, c: false }", "{ ä: 1 }",
            "{ \\u0061b: 1 }", "{ a: { b: { c: [[], {}] } } }", "{ a:\u{0B}1,\u{0C}b: 2 }", "[1, 2]", "3",
        ]
        for text in valid {
            #expect(throws: Never.self, "\(text.debugDescription)") {
                try ScenarioReader.parse(text: text, fileName: "x")
            }
        }
    }
}
