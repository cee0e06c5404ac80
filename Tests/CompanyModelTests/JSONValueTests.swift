import CompanyModel
import Testing

@Suite("JSONValue")
struct JSONValueTests {
    @Test("parse builds the tree of the text")
    func parseTree() throws {
        let tree = try ScenarioReader.parse(
            text: "{ a: 1.5, b: [true, null, 'x'], c: { d: -2 }, e: NaN }", fileName: "t.json5")
        guard case .object(let fields) = tree else {
            Issue.record("expected an object")
            return
        }
        #expect(fields["a"] == .number(1.5))
        #expect(fields["b"] == .array([.bool(true), .null, .string("x")]))
        #expect(fields["c"] == .object(["d": .number(-2)]))
        guard case .number(let nan)? = fields["e"] else {
            Issue.record("expected a number")
            return
        }
        #expect(nan.isNaN)
    }

    @Test("values as messages show them")
    func messageText() {
        #expect(JSONValue.number(12).messageText == "12")
        #expect(JSONValue.number(0.25).messageText == "0.25")
        #expect(JSONValue.number(-.infinity).messageText == "-Infinity")
        #expect(JSONValue.number(.nan).messageText == "NaN")
        #expect(JSONValue.number(1e20).messageText == "1e+20")
        #expect(JSONValue.string("say \"hi\"").messageText == "\"say \\\"hi\\\"\"")
        #expect(JSONValue.bool(false).messageText == "false")
        #expect(JSONValue.null.messageText == "null")
        #expect(JSONValue.object([:]).messageText == "an object")
        #expect(JSONValue.array([.number(1), .string("a")]).messageText == "[1, \"a\"]")
        #expect(JSONValue.array(Array(repeating: .number(123456), count: 20)).messageText == "an array of 20 values")
        #expect(JSONValue.array([.object([:])]).messageText == "an array of 1 value")
        #expect(JSONValue.string("x").typeDescription == "a string")
    }
}
