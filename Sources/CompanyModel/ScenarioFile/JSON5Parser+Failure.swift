extension JSON5Parser {
    /// Why a text is not a tree: where, and what was expected or found.
    ///
    /// `ScenarioText.parse` turns it into a `ScenarioError` of kind `syntax` or `duplicateKey`.
    enum Failure: Error, Sendable, Hashable {
        /// Nothing but whitespace and comments.
        case emptyDocument
        /// A syntax problem: the whole message (`expected a value after ':', found '}'`).
        case syntax(String, at: TextPosition)
        /// `key` occurs twice in the object at `objectPath` (empty for the top level); `at` is
        /// where the second occurrence starts.
        case duplicateKey(String, objectPath: String, at: TextPosition, firstAt: TextPosition)

        /// The problem in words, without the position of a syntax problem (the caller shows it).
        var message: String {
            switch self {
            case .emptyDocument:
                return "the file is empty: a scenario is a JSON5 object, at least {}"
            case .syntax(let message, _):
                return message
            case .duplicateKey(let key, let objectPath, _, let first):
                let place = objectPath.isEmpty ? "at the top level" : "in \(ScenarioError.printable(objectPath))"
                return "duplicate key \(JSON5Parser.quotedKey(key)) \(place) (first at \(first))"
            }
        }

        /// Where the problem is; none for an empty document.
        var position: TextPosition? {
            switch self {
            case .emptyDocument: return nil
            case .syntax(_, let position), .duplicateKey(_, _, let position, _): return position
            }
        }

        /// A NUL character, raw or escaped, in a string or a key: it would cut file names and
        /// messages short downstream, and no scenario needs one.
        static func nulCharacter(at position: TextPosition) -> Failure {
            .syntax("a NUL character (\\u0000, the null character) is not supported in scenario text; remove it",
                    at: position)
        }

        /// A `\uXXXX` escape of half a surrogate pair without its other half: no character.
        static func unpairedSurrogate(_ code: UInt32, at position: TextPosition) -> Failure {
            .syntax("the escape \\u\(JSON5Parser.hex4(code)) is half of a surrogate pair (\\uD800–\\uDFFF alone stand "
                    + "for no character); write the character itself", at: position)
        }
    }

    /// A key as messages quote it: in single quotes, invisible characters escaped, shortened.
    static func quotedKey(_ key: String) -> String {
        "'" + ScenarioError.printable(key) + "'"
    }

    /// A long run of digits as messages show it: the first 40, then "…".
    static func shortened(_ literal: String) -> String {
        literal.unicodeScalars.count <= 40 ? literal : String(literal.unicodeScalars.prefix(40)) + "…"
    }
}
