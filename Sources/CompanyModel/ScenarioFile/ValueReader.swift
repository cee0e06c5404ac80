/// Converts one JSON value at a known path into a Swift value, or says precisely why not.
///
/// The building block of `ObjectReader`, used directly for array elements.
struct ValueReader: Sendable {
    /// The file named in every error.
    let file: String

    func error(_ kind: ScenarioError.Kind, _ path: FieldPath, _ value: JSONValue?, _ requirement: String,
               suggestion: String? = nil) -> ScenarioError {
        ScenarioError(kind: kind, file: file, path: path.description, value: value?.messageText,
                      requirement: requirement, suggestion: suggestion)
    }

    /// A wrong-type error, with a hint when a number or boolean was written in quotes.
    func typeError(_ path: FieldPath, _ value: JSONValue, expected: String) -> ScenarioError {
        var requirement = "be \(expected)"
        if case .string(let text) = value {
            let trimmed = Self.trimmed(text)
            if (expected.hasPrefix("a number") || expected.hasPrefix("an integer")) && Double(trimmed) != nil {
                requirement += ", written without quotes"
            } else if expected.hasPrefix("true or false") && (trimmed == "true" || trimmed == "false") {
                requirement += ", written without quotes"
            }
        }
        return error(.wrongType, path, value, requirement)
    }

    func number(_ value: JSONValue, at path: FieldPath, _ rule: NumberRule) throws(ScenarioError) -> Double {
        guard case .number(let number) = value else { throw typeError(path, value, expected: "a number") }
        guard number.isFinite else { throw error(.outOfRange, path, value, "be a finite number") }
        if let violation = rule.violation(number) {
            throw error(.outOfRange, path, value, "be a number \(violation)")
        }
        return number
    }

    func integer(_ value: JSONValue, at path: FieldPath, _ rule: NumberRule) throws(ScenarioError) -> Int {
        guard case .number(let number) = value else { throw typeError(path, value, expected: "an integer") }
        guard number.isFinite else { throw error(.outOfRange, path, value, "be a finite number") }
        guard number == number.rounded() else { throw error(.wrongType, path, value, "be an integer") }
        if let violation = rule.violation(number) {
            throw error(.outOfRange, path, value, "be an integer \(violation)")
        }
        // Every rule used with integers is bounded well inside Int's range; this guards a rule
        // without an upper bound against 1e300.
        guard abs(number) < 9.0e15 else { throw error(.outOfRange, path, value, "be an integer below 9e15 in size") }
        return Int(number)
    }

    func bool(_ value: JSONValue, at path: FieldPath) throws(ScenarioError) -> Bool {
        guard case .bool(let flag) = value else { throw typeError(path, value, expected: "true or false") }
        return flag
    }

    func string(_ value: JSONValue, at path: FieldPath) throws(ScenarioError) -> String {
        guard case .string(let text) = value else { throw typeError(path, value, expected: "a string") }
        return text
    }

    func array(_ value: JSONValue, at path: FieldPath, of what: String) throws(ScenarioError) -> [JSONValue] {
        guard case .array(let elements) = value else { throw typeError(path, value, expected: "an array of \(what)") }
        return elements
    }

    /// One of an enumeration's raw values, with the allowed values and a "did you mean".
    func enumeration<E: RawRepresentable & CaseIterable>(_ value: JSONValue, at path: FieldPath,
                                                          as type: E.Type) throws(ScenarioError) -> E
    where E.RawValue == String {
        let allowed = E.allCases.map(\.rawValue)
        let listing = "be one of " + allowed.map { JSONValue.quoted($0) }.joined(separator: ", ")
        guard case .string(let text) = value else { throw error(.wrongType, path, value, listing) }
        guard let result = E(rawValue: text) else {
            throw error(.unknownEnumValue, path, value, listing,
                        suggestion: Spelling.suggestion(for: text, among: allowed))
        }
        return result
    }

    /// `text` without leading and trailing spaces, tabs and line breaks.
    private static func trimmed(_ text: String) -> Substring {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        let start = text.firstIndex(where: { !isSpace($0) }) ?? text.endIndex
        let end = text.lastIndex(where: { !isSpace($0) }).map(text.index(after:)) ?? start
        return text[start..<end]
    }
}
