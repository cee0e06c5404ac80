import CompanyModel

/// A scenario field's address: `technicians.count`, `clients.key.ordersPerWeek`,
/// `technicians.overtime.premiumBands[1].premium`.
///
/// Why paths on the JSON tree rather than on Swift properties: every field a user can write in
/// a scenario file can be swept, with no list to maintain; patching the tree and decoding it
/// again reuses every validation rule of the reader, so a swept value is checked exactly like a
/// written one, and errors name the path.
public struct ParameterPath: Hashable, Sendable, CustomStringConvertible {
    public enum Component: Hashable, Sendable {
        case key(String)
        case index(Int)
    }

    public let components: [Component]
    public let text: String

    public var description: String { text }

    public enum Failure: Error, Equatable, CustomStringConvertible {
        case malformed(String, reason: String)
        case notFound(path: String, at: String, available: [String])
        case notAnObject(path: String, at: String, found: String)
        case indexOutOfRange(path: String, at: String, count: Int)
        case notALeaf(path: String, found: String)

        public var description: String {
            switch self {
            case .malformed(let path, let reason):
                return "'\(path)' is not a field path: \(reason) (write it like technicians.count or technicians.overtime.premiumBands[1].premium)"
            case .notFound(let path, let at, let available):
                let suggestion = closestName(to: at.split(separator: ".").last.map(String.init) ?? at, among: available)
                return "'\(path)': the scenario file has no '\(at)'" + (suggestion.map { ". Did you mean '\($0)'?" } ?? "")
                    + (available.isEmpty ? "" : " (there: \(available.sorted().joined(separator: ", ")))")
            case .notAnObject(let path, let at, let found):
                return "'\(path)': '\(at)' is \(found), not an object"
            case .indexOutOfRange(let path, let at, let count):
                return "'\(path)': '\(at)' has \(count) elements (indices 0…\(max(count - 1, 0)))"
            case .notALeaf(let path, let found):
                return "'\(path)' is \(found): sweep a single value inside it (e.g. '\(path).mean')"
            }
        }
    }

    /// Parses `a.b[2].c`. Keys are letters, digits, `_` and `-`.
    public init(_ text: String) throws(Failure) {
        var components: [Component] = []
        var current = ""
        var index = text.startIndex
        func flushKey() throws(Failure) {
            guard !current.isEmpty else { throw .malformed(text, reason: "an empty name") }
            components.append(.key(current))
            current = ""
        }
        while index < text.endIndex {
            let character = text[index]
            switch character {
            case ".":
                if current.isEmpty, case .index = components.last {} else { try flushKey() }
            case "[":
                if !current.isEmpty { try flushKey() }
                guard let close = text[index...].firstIndex(of: "]"),
                      let number = Int(text[text.index(after: index)..<close]), number >= 0 else {
                    throw .malformed(text, reason: "an index must be a whole number in brackets")
                }
                components.append(.index(number))
                index = close
            default:
                guard character.isLetter || character.isNumber || character == "_" || character == "-" else {
                    throw .malformed(text, reason: "unexpected character '\(character)'")
                }
                current.append(character)
            }
            index = text.index(after: index)
        }
        if !current.isEmpty { components.append(.key(current)) }
        guard case .key = components.first else { throw .malformed(text, reason: "it must start with a field name") }
        if text.hasSuffix(".") { throw .malformed(text, reason: "it ends with '.'") }
        self.components = components
        self.text = text
    }

    /// The tree with the value at this path replaced by `value`.
    ///
    /// The path must lead through existing objects and arrays, except its last key, which may
    /// be absent (the field then takes the swept value instead of its default). Naming a group
    /// or policy the file does not have is an error, as is replacing an object or array whole.
    public func patch(_ tree: JSONValue, with value: JSONValue) throws(Failure) -> JSONValue {
        try patch(tree, at: 0, with: value)
    }

    /// The value at this path in the tree, if the file writes it.
    public func value(in tree: JSONValue) -> JSONValue? {
        var node = tree
        for component in components {
            switch (component, node) {
            case (.key(let key), .object(let fields)):
                guard let next = fields[key] else { return nil }
                node = next
            case (.index(let i), .array(let elements)):
                guard i < elements.count else { return nil }
                node = elements[i]
            default:
                return nil
            }
        }
        return node
    }

    private func prefix(_ count: Int) -> String {
        var text = ""
        for component in components.prefix(count) {
            switch component {
            case .key(let key): text += text.isEmpty ? key : "." + key
            case .index(let i): text += "[\(i)]"
            }
        }
        return text
    }

    private func patch(_ node: JSONValue, at depth: Int, with value: JSONValue) throws(Failure) -> JSONValue {
        if depth == components.count {
            switch node {
            case .object, .array: throw .notALeaf(path: text, found: node.typeDescription)
            default: return value
            }
        }
        let isLast = depth == components.count - 1
        switch (components[depth], node) {
        case (.key(let key), .object(var fields)):
            if let child = fields[key] {
                fields[key] = try patch(child, at: depth + 1, with: value)
            } else if isLast {
                fields[key] = value
            } else {
                throw .notFound(path: text, at: prefix(depth + 1), available: Array(fields.keys))
            }
            return .object(fields)
        case (.index(let i), .array(var elements)):
            guard i < elements.count else { throw .indexOutOfRange(path: text, at: prefix(depth), count: elements.count) }
            elements[i] = try patch(elements[i], at: depth + 1, with: value)
            return .array(elements)
        case (.key, _):
            throw .notAnObject(path: text, at: prefix(depth), found: node.typeDescription)
        case (.index, _):
            throw .notAnObject(path: text, at: prefix(depth), found: node.typeDescription + " (an index needs an array)")
        }
    }
}

/// The closest name, for "did you mean": the scenario reader's own rule, so paths and fields
/// suggest alike.
func closestName(to word: String, among candidates: [String]) -> String? {
    Spelling.suggestion(for: word, among: candidates)
}
