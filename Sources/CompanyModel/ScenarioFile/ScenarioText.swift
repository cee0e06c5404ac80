import Foundation

/// From a file name to checked text, and from text to a `JSONValue` tree (`JSON5Parser`).
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
        var position = TextPosition.start, offset = 0
        var decoder = UTF8()
        var iterator = bytes.makeIterator()
        var scalars = String.UnicodeScalarView()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                offset += UTF8.width(scalar)
                scalars.append(scalar)
                position.advance(over: scalar)
            case .emptyInput:
                return String(scalars)
            case .error:
                let byte = String(bytes[offset], radix: 16, uppercase: true)
                throw ScenarioError(kind: .notUTF8, file: fileName,
                                    requirement: "the file is not UTF-8 text (byte 0x\(byte.count == 1 ? "0" : "")\(byte)); "
                                        + "save it as UTF-8",
                                    line: position.line, column: position.column)
            }
        }
    }

    /// The tree of `text` (see `JSON5Parser` for the grammar): a syntax error with its line and
    /// column, else a duplicate key with both positions.
    static func parse(_ text: String, fileName: String) throws(ScenarioError) -> JSONValue {
        do {
            return try JSON5Parser.parse(text)
        } catch {
            let position = error.position
            switch error {
            case .duplicateKey(let key, let objectPath, _, _):
                throw ScenarioError(kind: .duplicateKey, file: fileName, path: objectPath, value: key,
                                    requirement: error.message, line: position?.line, column: position?.column)
            case .emptyDocument, .syntax:
                throw ScenarioError(kind: .syntax, file: fileName, requirement: error.message,
                                    line: position?.line, column: position?.column)
            }
        }
    }
}
