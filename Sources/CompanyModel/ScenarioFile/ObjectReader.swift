/// A cursor over one JSON object of a scenario file that knows its path.
///
/// Each accessor reads one field — the default when it is absent, an error naming the path when
/// it is malformed — and remembers that the field is known; ``finish()`` then rejects any key
/// that no accessor asked for, with a "did you mean" among the known ones. So the code that
/// reads a section is also the list of its fields, and the two cannot drift apart.
///
/// `null` counts as a value, not as absence: only fields whose Swift type is optional accept it.
struct ObjectReader {
    let path: FieldPath
    let values: ValueReader
    private let fields: [String: JSONValue]
    private var known: Set<String> = []

    /// - Throws: a wrong-type error unless `value` is an object; `expected` says what it should
    ///   be (`an object`, `an object mapping group names to client groups`).
    init(_ value: JSONValue, at path: FieldPath, file: String, expected: String = "an object") throws(ScenarioError) {
        self.path = path
        values = ValueReader(file: file)
        guard case .object(let fields) = value else {
            throw values.typeError(path, value, expected: expected)
        }
        self.fields = fields
    }

    var file: String { values.file }

    /// The keys present, sorted (for named maps such as `clients`).
    var presentKeys: [String] { fields.keys.sorted() }

    /// Whether the file gives `key` (without marking it known).
    func has(_ key: String) -> Bool { fields[key] != nil }

    /// The raw value of `key`, marking it known.
    mutating func raw(_ key: String) -> JSONValue? {
        known.insert(key)
        return fields[key]
    }

    /// Rejects the first unknown key (in sorted order).
    func finish() throws(ScenarioError) {
        for key in fields.keys.sorted() where !known.contains(key) {
            let candidates = known.sorted()
            let suggestion = Spelling.suggestion(for: key, among: candidates).map { path.key($0).description }
            let listing = candidates.isEmpty ? "this object takes no fields"
                : "known fields here: " + candidates.joined(separator: ", ")
            throw ScenarioError(kind: .unknownField, file: file, path: path.key(key).description,
                                requirement: listing, suggestion: suggestion)
        }
    }

    // MARK: - Scalars

    mutating func number(_ key: String, default fallback: Double, _ rule: NumberRule) throws(ScenarioError) -> Double {
        guard let value = raw(key) else { return fallback }
        return try values.number(value, at: path.key(key), rule)
    }

    /// A number that may be `null` (or absent: `fallback`).
    mutating func optionalNumber(_ key: String, default fallback: Double?, _ rule: NumberRule) throws(ScenarioError) -> Double? {
        guard let value = raw(key) else { return fallback }
        if case .null = value { return nil }
        return try values.number(value, at: path.key(key), rule)
    }

    /// A number without a default.
    mutating func requiredNumber(_ key: String, _ rule: NumberRule, why: String) throws(ScenarioError) -> Double {
        guard let value = raw(key) else { throw missing(key, why) }
        return try values.number(value, at: path.key(key), rule)
    }

    mutating func integer(_ key: String, default fallback: Int, _ rule: NumberRule) throws(ScenarioError) -> Int {
        guard let value = raw(key) else { return fallback }
        return try values.integer(value, at: path.key(key), rule)
    }

    mutating func requiredInteger(_ key: String, _ rule: NumberRule, why: String) throws(ScenarioError) -> Int {
        guard let value = raw(key) else { throw missing(key, why) }
        return try values.integer(value, at: path.key(key), rule)
    }

    mutating func bool(_ key: String, default fallback: Bool) throws(ScenarioError) -> Bool {
        guard let value = raw(key) else { return fallback }
        return try values.bool(value, at: path.key(key))
    }

    mutating func string(_ key: String, default fallback: String) throws(ScenarioError) -> String {
        guard let value = raw(key) else { return fallback }
        return try values.string(value, at: path.key(key))
    }

    /// A string that may be `null` (or absent: `fallback`).
    mutating func optionalString(_ key: String, default fallback: String?) throws(ScenarioError) -> String? {
        guard let value = raw(key) else { return fallback }
        if case .null = value { return nil }
        return try values.string(value, at: path.key(key))
    }

    mutating func enumeration<E: RawRepresentable & CaseIterable>(_ key: String, default fallback: E) throws(ScenarioError) -> E
    where E.RawValue == String {
        guard let value = raw(key) else { return fallback }
        return try values.enumeration(value, at: path.key(key), as: E.self)
    }

    // MARK: - Containers

    /// The nested object `key`, or nil when absent.
    mutating func object(_ key: String, expected: String = "an object") throws(ScenarioError) -> ObjectReader? {
        guard let value = raw(key) else { return nil }
        return try ObjectReader(value, at: path.key(key), file: file, expected: expected)
    }

    /// The array `key` with each element's path, or nil when absent.
    mutating func array(_ key: String, of what: String) throws(ScenarioError) -> [(value: JSONValue, path: FieldPath)]? {
        guard let value = raw(key) else { return nil }
        let elements = try values.array(value, at: path.key(key), of: what)
        return elements.enumerated().map { (value: $0.element, path: path.key(key).index($0.offset)) }
    }

    /// An array of integers (no range check: the caller's rule, e.g. the calendar's, applies).
    mutating func integers(_ key: String, default fallback: [Int]) throws(ScenarioError) -> [Int] {
        guard let elements = try array(key, of: "integers") else { return fallback }
        var result: [Int] = []
        result.reserveCapacity(elements.count)
        for element in elements {
            result.append(try values.integer(element.value, at: element.path, .finite))
        }
        return result
    }

    /// An array of numbers, each checked against `rule`.
    mutating func numbers(_ key: String, _ rule: NumberRule) throws(ScenarioError) -> [Double]? {
        guard let elements = try array(key, of: "numbers") else { return nil }
        var result: [Double] = []
        result.reserveCapacity(elements.count)
        for element in elements {
            result.append(try values.number(element.value, at: element.path, rule))
        }
        return result
    }

    /// Rejects a field that an earlier version read here and that now lives at `newPath`,
    /// saying where and why (so an old scenario file gets a migration note, not "unknown field").
    /// `section` names the heading of docs/model.md that explains the new fields.
    func rejectMoved(_ key: String, to newPath: String, why: String, section: String = "The negotiation") throws(ScenarioError) {
        guard has(key) else { return }
        throw ScenarioError(kind: .unknownField, file: file, path: path.key(key).description,
                            requirement: "this field has moved to \(newPath): \(why); see docs/model.md, \"\(section)\"")
    }

    // MARK: - Errors

    func missing(_ key: String, _ why: String) -> ScenarioError {
        ScenarioError(kind: .missingField, file: file, path: path.key(key).description, requirement: why)
    }

    /// An error about `key` of this object (its value, if present, is echoed).
    func error(_ kind: ScenarioError.Kind, _ key: String, _ requirement: String,
               suggestion: String? = nil) -> ScenarioError {
        values.error(kind, path.key(key), fields[key], requirement, suggestion: suggestion)
    }
}
