import CompanyModel

/// A scenario field's address: `technicians.count`, `clients.key.ordersPerWeek`,
/// `technicians.overtime.premiumBands[1].premium`.
///
/// Why paths on the JSON tree rather than on Swift properties: every field a user can write in
/// a scenario file can be swept, with no list to maintain; patching the tree and decoding it
/// again reuses every validation rule of the reader, so a swept value is checked exactly like a
/// written one, and errors name the path.
///
/// A field the file leaves out (it has its default) can be swept too: ``patch(_:with:)``
/// creates the objects on the way. Whether the field exists is the reader's to say: a misspelt
/// name comes back from it as an unknown field, with its "did you mean", and
/// ``Failure/unknownField(path:at:suggestion:known:)`` reports it as a path error (SweepPlan
/// does the translation with ``failure(for:)``).
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
        /// The scenario format has no field `at` (the reader said so, with its suggestion and
        /// the fields it knows there).
        case unknownField(path: String, at: String, suggestion: String?, known: [String])
        /// The file leaves `map` (`clients`, `policies`) to its default entries, so no entry of
        /// it can be patched: writing one would replace them all.
        case defaultEntries(path: String, map: String)
        /// The path indexes into a list the file does not write.
        case absentList(path: String, at: String)

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
            case .unknownField(let path, let at, let suggestion, let known):
                return "'\(path)': a scenario has no field '\(at)'" + (suggestion.map { ". Did you mean '\($0)'?" } ?? "")
                    + (known.isEmpty ? "" : " (known fields there: \(known.joined(separator: ", ")))")
            case .defaultEntries(let path, let map):
                return "'\(path)': the scenario file has no '\(map)', so it takes the default \(map); write them in the "
                    + "file to sweep one of them"
            case .absentList(let path, let at):
                return "'\(path)': the scenario file has no list '\(at)': write the list in the file to sweep one of "
                    + "its elements"
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
    /// Objects the file leaves out are created on the way (the field then takes the swept value
    /// instead of its default, and its neighbours keep theirs); whether the field exists is
    /// checked when the tree is decoded. Errors: naming a client group or policy the file does
    /// not write (or any entry of `clients` or `policies` when the file leaves the whole map to
    /// its defaults: writing one entry would replace them all), indexing a list the file does
    /// not write or past its end, and replacing an object or array whole.
    ///
    /// A key-client outcome's probability (`policies.P.response.leaves.probability`) is the one
    /// field that cannot change alone (the outcomes sum to 1): the policy's other outcomes are
    /// rescaled to keep their relative odds (`rebalancingOutcomes`).
    public func patch(_ tree: JSONValue, with value: JSONValue) throws(Failure) -> JSONValue {
        rebalancingOutcomes(try patch(tree, at: 0, with: value), original: tree)
    }

    /// The path error for a scenario that failed to decode after patching, if the reader
    /// refused a field on this path as unknown: a misspelt name on the way that the patch
    /// created, or a misspelt last key. Nil for every other error (a value out of range is the
    /// value's fault, not the path's).
    public func failure(for error: ScenarioError) -> Failure? {
        guard error.kind == .unknownField, !error.path.isEmpty,
              text == error.path || text.hasPrefix(error.path + ".") || text.hasPrefix(error.path + "[") else { return nil }
        let prefix = "known fields here: "
        let known = error.requirement.hasPrefix(prefix)
            ? error.requirement.dropFirst(prefix.count).components(separatedBy: ", ") : []
        return .unknownField(path: text, at: error.path, suggestion: error.suggestion, known: known)
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
            } else if depth == 1, case .key(let map) = components[0], ScenarioReader.namedMaps.contains(map) {
                throw .notFound(path: text, at: prefix(depth + 1), available: Array(fields.keys))
            } else if depth == 0, !isLast, ScenarioReader.namedMaps.contains(key) {
                throw .defaultEntries(path: text, map: key)
            } else if isLast {
                fields[key] = value
            } else if case .index = components[depth + 1] {
                throw .absentList(path: text, at: prefix(depth + 1))
            } else {
                fields[key] = try patch(.object([:]), at: depth + 1, with: value)
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
