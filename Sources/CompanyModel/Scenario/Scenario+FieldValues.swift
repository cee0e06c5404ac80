extension Scenario {
    /// The value of the field at a dot path (`technicians.sickLeave.baseDailyHazard`,
    /// `clients.key.ordersPerWeek`, `technicians.overtime.premiumBands[1].premium`) as a
    /// scenario file writes it: a number, a boolean, a string (an enumeration's raw value), or
    /// `null` for an optional left empty. Nil when the path names no such value: an unknown
    /// field, an object, a list, a distribution.
    ///
    /// What a sweep takes as the base value of a field the file leaves out: its default.
    ///
    /// Why by reflection: the file's field paths are the Swift property paths (but for a
    /// response's outcomes, looked up by name; see
    /// ScenarioFile/ScenarioReader.swift; Tests/CompanyModelTests/ParameterReferenceTests.swift
    /// checks it for every row of docs/model.md's parameter reference), so the properties are
    /// the list of fields, and a hand-written table would be a second one to keep in step.
    ///
    /// - Complexity: O(fields along the path); meant for setting up sweeps, not for hot loops.
    public func fieldValue(at path: String) -> JSONValue? {
        var subject: Any = self
        for part in path.split(separator: ".", omittingEmptySubsequences: false) {
            // `name[1][2]`: a key, then indices.
            let pieces = part.split(separator: "[", omittingEmptySubsequences: false)
            guard let name = pieces.first, !name.isEmpty,
                  let child = Self.member(String(name), of: subject) else { return nil }
            subject = child
            for piece in pieces.dropFirst() {
                guard piece.hasSuffix("]"), let index = Int(piece.dropLast()), index >= 0,
                      let element = Self.element(index, of: subject) else { return nil }
                subject = element
            }
        }
        return Self.scalar(subject)
    }

    /// `subject` without its optional wrapping; nil for an empty optional.
    private static func unwrapped(_ subject: Any) -> Any? {
        let mirror = Mirror(reflecting: subject)
        guard mirror.displayStyle == .optional else { return subject }
        return mirror.children.first.map { $0.value }
    }

    /// A struct's stored property, or a dictionary's entry (client groups, policies), or a
    /// response's outcome by its name (the file writes `response.leaves`, Swift keeps the
    /// outcomes in a list).
    private static func member(_ name: String, of subject: Any) -> Any? {
        guard let subject = unwrapped(subject) else { return nil }
        if let response = subject as? KeyClientResponse {
            return response.outcomes.first { $0.name == name }
        }
        let mirror = Mirror(reflecting: subject)
        switch mirror.displayStyle {
        case .struct:
            return mirror.children.first { $0.label == name }?.value
        case .dictionary:
            for entry in mirror.children {
                let pair = Array(Mirror(reflecting: entry.value).children)
                if pair.count == 2, pair[0].value as? String == name { return pair[1].value }
            }
            return nil
        default:
            return nil
        }
    }

    private static func element(_ index: Int, of subject: Any) -> Any? {
        guard let subject = unwrapped(subject) else { return nil }
        let mirror = Mirror(reflecting: subject)
        guard mirror.displayStyle == .collection, index < mirror.children.count else { return nil }
        return mirror.children[mirror.children.index(mirror.children.startIndex, offsetBy: index)].value
    }

    private static func scalar(_ subject: Any) -> JSONValue? {
        guard let value = unwrapped(subject) else { return .null }
        switch value {
        case let number as Double: return .number(number)
        case let number as Int: return .number(Double(number))
        case let number as UInt64: return .number(Double(number))
        case let flag as Bool: return .bool(flag)
        case let text as String: return .string(text)
        default:
            if let raw = (value as? any RawRepresentable)?.rawValue as? String { return .string(raw) }
            return nil
        }
    }
}
