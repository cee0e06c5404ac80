import Foundation

/// From a file name to checked text, and from text to a `JSONValue` tree.
///
/// Foundation's `JSONDecoder` with `allowsJSON5` decodes; `JSON5SyntaxLocator` adds what it
/// lacks: the line and column of a syntax error, and the refusal of duplicate keys.
enum ScenarioText {
    /// The text of the file at `path`.
    ///
    /// - Throws: `fileNotFound`, `unreadable` (a directory, no permission, an I/O error), or
    ///   `notUTF8` with the line and column of the first bad byte.
    static func load(_ path: String) throws(ScenarioError) -> String {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw ScenarioError(kind: .fileNotFound, file: path, requirement: "file not found")
        }
        if isDirectory.boolValue {
            throw ScenarioError(kind: .unreadable, file: path, requirement: "it is a directory, not a scenario file")
        }
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            let reason = FileManager.default.isReadableFile(atPath: path) ? "\(error.localizedDescription)" : "permission denied"
            throw ScenarioError(kind: .unreadable, file: path, requirement: reason)
        }
        return try utf8Text(data, fileName: path)
    }

    /// `data` as a string, or a `notUTF8` error at the first byte that is not UTF-8.
    static func utf8Text(_ data: Data, fileName: String) throws(ScenarioError) -> String {
        let bytes = [UInt8](data)
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            throw ScenarioError(kind: .notUTF8, file: fileName,
                                requirement: "the file is UTF-16 text; save it as UTF-8", line: 1, column: 1)
        }
        var line = 1, column = 1, offset = 0
        var decoder = UTF8()
        var iterator = bytes.makeIterator()
        var scalars = String.UnicodeScalarView()
        var previousWasCR = false
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                offset += UTF8.width(scalar)
                scalars.append(scalar)
                if scalar == "\n" {
                    if !previousWasCR {
                        line += 1
                    }
                    column = 1
                } else if scalar == "\r" {
                    line += 1
                    column = 1
                } else {
                    column += 1
                }
                previousWasCR = scalar == "\r"
            case .emptyInput:
                return String(scalars)
            case .error:
                let byte = String(bytes[offset], radix: 16, uppercase: true)
                throw ScenarioError(kind: .notUTF8, file: fileName,
                                    requirement: "the file is not UTF-8 text (byte 0x\(byte.count == 1 ? "0" : "")\(byte)); "
                                        + "save it as UTF-8",
                                    line: line, column: column)
            }
        }
    }

    /// The tree of `text`: syntax checked (with line and column), duplicate keys refused.
    static func parse(_ text: String, fileName: String) throws(ScenarioError) -> JSONValue {
        let report = JSON5SyntaxLocator.scan(text)
        if report.isEmpty, let problem = report.problem {
            throw ScenarioError(kind: .syntax, file: fileName, requirement: problem.message)
        }
        let decoder = JSONDecoder()
        decoder.allowsJSON5 = true
        let value: JSONValue
        do {
            value = try decoder.decode(JSONValue.self, from: Data(text.utf8))
        } catch {
            if let problem = report.problem {
                throw ScenarioError(kind: .syntax, file: fileName, requirement: problem.message,
                                    line: problem.position.line, column: problem.position.column)
            }
            // Foundation refused something the locator accepts (a number such as 0e5 it cannot
            // convert, for instance): say where, in Foundation's words.
            if let unreadable = error as? UnreadableJSONValue {
                let place = unreadable.path.isEmpty ? "the top-level value" : "the value of \(unreadable.path)"
                // Foundation's error is an internal dump; say what usually causes it instead.
                throw ScenarioError(kind: .syntax, file: fileName, path: unreadable.path,
                                    requirement: "\(place) cannot be read: " + Self.explain(unreadable.detail))
            }
            throw ScenarioError(kind: .syntax, file: fileName, requirement: "not valid JSON5 (\(error))")
        }
        if let duplicate = report.duplicateKey {
            throw ScenarioError(kind: .duplicateKey, file: fileName, path: duplicate.objectPath,
                                value: duplicate.key, requirement: duplicate.message,
                                line: duplicate.position.line, column: duplicate.position.column)
        }
        return value
    }

    /// Plain words for the decoder's internal errors.
    static func explain(_ detail: String) -> String {
        if detail.contains("NullValue") { return "it contains a \\u0000 (NUL) escape, which is not supported; remove it" }
        if detail.contains("Surrogate") { return "it contains a \\u escape of half a surrogate pair (\\ud800–\\udfff alone); write the character itself" }
        if detail.contains("numberIsNotRepresentable") { return "a number is written in a form that cannot be read (e.g. 0e5); write it plainly (0)" }
        return "the text is not valid JSON5 there"
    }
}
