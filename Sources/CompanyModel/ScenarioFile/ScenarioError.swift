/// Why a scenario file could not be used: which file, which field, the bad value and what is
/// allowed.
///
/// Why structured: the message is what an analyst reads to fix the file, and the parts are what
/// code needs — the command line picks its exit status from ``kind`` (66 when the input is
/// missing or unreadable, 65 for a bad scenario, see ``isMissingInput``), and tests and sweeps
/// can tell failures apart without parsing text.
///
/// Rendered forms (``description``), always starting with the file:
///
/// | kind | message |
/// |---|---|
/// | `fileNotFound` | `x.json5: file not found` |
/// | `unreadable` | `x.json5: cannot read the file (permission denied)` |
/// | `notUTF8` | `x.json5: line 3, column 7: the file is not UTF-8 text (byte 0xE9); save it as UTF-8` |
/// | `syntax` | `x.json5: line 12, column 9: expected a value after ':', found '}'` |
/// | `duplicateKey` | `x.json5: line 9, column 5: duplicate key 'count' in technicians (first at line 3, column 5)` |
/// | `unknownField` | `x.json5: unknown field 'technicans'. Did you mean 'technicians'?` |
/// | `missingField` | `x.json5: clients.a.workHours.sd is required: a lognormal distribution needs mean and sd` |
/// | `wrongType`, `outOfRange`, `unknownEnumValue`, `crossField` | `x.json5: technicians.count must be an integer ≥ 1 (got 0)` |
public struct ScenarioError: Error, CustomStringConvertible, Equatable, Sendable {
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// The file does not exist.
        case fileNotFound
        /// The file exists but cannot be read (permissions, a directory, an I/O error).
        case unreadable
        /// The bytes are not UTF-8 text.
        case notUTF8
        /// Not JSON5: a misplaced character, an unterminated string, a truncated or empty file.
        case syntax
        /// The same key twice in one object (JSON parsers silently keep one; we refuse).
        case duplicateKey
        /// A field the scenario format does not have (usually a typo).
        case unknownField
        /// A field that has no default was left out (a distribution parameter, a premium band's
        /// bound, the baseline among several policies).
        case missingField
        /// A value of the wrong JSON type, or a fractional number where an integer is needed.
        case wrongType
        /// A number outside its allowed range, or a name that cannot be used.
        case outOfRange
        /// A string that is not one of the allowed values of an enumeration.
        case unknownEnumValue
        /// A rule that ties several fields together (warm-up before the horizon, one key client, …).
        case crossField
    }

    public var kind: Kind
    /// The scenario file as the user named it (`scenarios/x.json5`).
    public var file: String
    /// The field at fault as a dot path (`technicians.overtime.premiumBands[1].premium`);
    /// empty for problems of the file as a whole.
    public var path: String
    /// The offending value as text (`0`, `"abc"`, `an array`), if there is one.
    public var value: String?
    /// What is allowed. For field errors it follows "<path> must " (`be an integer ≥ 1`); for
    /// `syntax` it is the whole problem (`expected a value after ':', found '}'`); for
    /// `unreadable` the reason; for `missingField` an explanation.
    public var requirement: String
    /// A likely intended spelling, for "did you mean".
    public var suggestion: String?
    /// 1-based position in the text, for syntax, encoding and duplicate-key errors.
    public var line: Int?
    public var column: Int?

    public init(kind: Kind, file: String, path: String = "", value: String? = nil, requirement: String,
                suggestion: String? = nil, line: Int? = nil, column: Int? = nil) {
        self.kind = kind
        self.file = file
        self.path = path
        self.value = value
        self.requirement = requirement
        self.suggestion = suggestion
        self.line = line
        self.column = column
    }

    /// True when the input could not be read at all (the command line exits with 66, not 65).
    public var isMissingInput: Bool { kind == .fileNotFound || kind == .unreadable }

    public var description: String { "\(Self.printable(file)): " + problem }

    /// The message without the file: what the command line shows when the value at fault came
    /// from an option (`--horizon-days 0`), not from the file.
    public var problem: String {
        var text = ""
        let path = Self.printable(self.path)
        if let line, let column { text += "line \(line), column \(column): " }
        let subject = path.isEmpty ? "the top level" : path
        switch kind {
        case .fileNotFound:
            text += "file not found"
        case .unreadable:
            text += "cannot read the file (\(requirement))"
        case .notUTF8, .syntax, .duplicateKey:
            text += requirement
        case .unknownField:
            text += "unknown field '\(path)'"
            if let suggestion {
                text += ". Did you mean '\(suggestion)'?"
            } else if !requirement.isEmpty {
                text += " (\(requirement))"
            }
            return text
        case .missingField:
            text += "\(subject) is required: \(requirement)"
        case .wrongType, .outOfRange, .unknownEnumValue, .crossField:
            text += "\(subject) must \(requirement)"
            if let value { text += " (got \(Self.printable(value)))" }
        }
        if let suggestion { text += ". Did you mean '\(Self.printable(suggestion))'?" }
        return text
    }

    /// Text from the file as it may be shown in a message: control characters, bidirectional
    /// overrides and other invisible characters escaped as \u{…}, and at most 120 characters
    /// (a key can be any string; a message must stay one readable line).
    public static func printable(_ text: String, limit: Int = 120) -> String {
        var out = ""
        var count = 0
        for scalar in text.unicodeScalars {
            if count >= limit { out += "…"; break }
            switch scalar.properties.generalCategory {
            case .control, .format, .lineSeparator, .paragraphSeparator, .surrogate, .privateUse, .unassigned:
                out += "\\u{\(String(scalar.value, radix: 16))}"
            case .nonspacingMark, .enclosingMark, .spacingMark:
                out += count == 0 ? "\\u{\(String(scalar.value, radix: 16))}" : String(scalar)
            default:
                out.unicodeScalars.append(scalar)
            }
            count += 1
        }
        return out
    }
}
