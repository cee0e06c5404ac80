import CompanyModel

/// One swept field and its values: `--vary PATH=VALUES`.
///
/// VALUES is a list (`8,10,12`, or words for enumerations: `none,priority`), a range with a
/// step (`0.1:0.6:0.1`, both ends included when the step lands on them), or a range with a
/// count (`0.1:0.6/6`: six values evenly spaced, ends included). A Latin hypercube needs a
/// range (`LO:HI`, or either range form, whose ends it uses).
public struct SweepParameter: Hashable, Sendable {
    public var path: ParameterPath
    public var values: [JSONValue]
    /// The continuous range, when the values were given as one.
    public var range: ClosedRange<Double>?
    /// Set by the plan for integer fields, whose Latin-hypercube values are rounded.
    public var isInteger = false

    public enum Failure: Error, Equatable, CustomStringConvertible {
        case malformed(String, reason: String)
        case path(ParameterPath.Failure)
        /// A problem in a scenario file's `sweep` section: `place` is "FILE: sweep.FIELD".
        case section(place: String, reason: String)

        public var description: String {
            switch self {
            case .malformed(let text, let reason): return "--vary '\(text)': \(reason)"
            case .path(let failure): return failure.description
            case .section(let place, let reason): return "\(place): \(reason)"
            }
        }

        /// The reason alone, without the `--vary` prefix (for messages about the file's section).
        var reason: String {
            switch self {
            case .malformed(_, let reason): return reason
            case .path(let failure): return failure.description
            case .section(_, let reason): return reason
            }
        }
    }

    public init(path: ParameterPath, values: [JSONValue], range: ClosedRange<Double>? = nil) {
        self.path = path
        self.values = values
        self.range = range
    }

    /// Parses `PATH=VALUES`.
    public init(argument: String) throws(Failure) {
        guard let equals = argument.firstIndex(of: "=") else {
            throw .malformed(argument, reason: "expected PATH=VALUES, e.g. technicians.count=8,10,12")
        }
        let pathText = String(argument[..<equals])
        do {
            path = try ParameterPath(pathText)
        } catch {
            throw .path(error)
        }
        (values, range) = try Self.parseValues(String(argument[argument.index(after: equals)...]), whole: argument)
    }

    /// Parses the VALUES part (also used for the scenario file's `sweep` section, where a
    /// value may be written as a string in this syntax).
    public static func parseValues(_ text: String, whole: String) throws(Failure) -> ([JSONValue], ClosedRange<Double>?) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { throw .malformed(whole, reason: "no values after '='") }
        if trimmed.contains(":") {
            let parts = trimmed.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
            if parts.count == 2, let slash = parts[1].firstIndex(of: "/") {
                guard let low = number(parts[0]), let high = number(String(parts[1][..<slash])),
                      let count = Int(parts[1][parts[1].index(after: slash)...]), count >= 1, count <= 10_000 else {
                    throw .malformed(whole, reason: "a range with a count is LO:HI/N with numbers and 1 ≤ N ≤ 10000")
                }
                guard low <= high else { throw .malformed(whole, reason: "LO must not exceed HI") }
                let values = count == 1 ? [low] : (0..<count).map { low + (high - low) * Double($0) / Double(count - 1) }
                return (values.map { .number(clean($0)) }, low...high)
            }
            if parts.count == 2 {
                guard let low = number(parts[0]), let high = number(parts[1]), low <= high else {
                    throw .malformed(whole, reason: "a range is LO:HI with numbers, LO ≤ HI (a list needs LO:HI:STEP or LO:HI/N)")
                }
                return ([.number(low), .number(high)], low...high)
            }
            guard parts.count == 3, let low = number(parts[0]), let high = number(parts[1]), let step = number(parts[2]) else {
                throw .malformed(whole, reason: "a range with a step is LO:HI:STEP with numbers")
            }
            guard step > 0, low <= high else { throw .malformed(whole, reason: "the step must be > 0 and LO ≤ HI") }
            let count = Int(((high - low) / step + 1e-9).rounded(.down)) + 1
            guard count <= 10_000 else { throw .malformed(whole, reason: "\(count) values is more than 10000") }
            return ((0..<count).map { .number(clean(low + Double($0) * step)) }, low...high)
        }
        let items = trimmed.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        guard !items.contains(where: \.isEmpty) else { throw .malformed(whole, reason: "an empty value in the list") }
        let values: [JSONValue] = items.map { item in
            if let n = number(item) { return .number(n) }
            if item == "true" { return .bool(true) }
            if item == "false" { return .bool(false) }
            let unquoted = item.count >= 2 && (item.hasPrefix("\"") && item.hasSuffix("\"") || item.hasPrefix("'") && item.hasSuffix("'"))
                ? String(item.dropFirst().dropLast()) : item
            return .string(unquoted)
        }
        let numbers = values.compactMap { if case .number(let n) = $0 { return n } else { return nil } }
        let range = numbers.count == values.count ? numbers.min()!...numbers.max()! : nil
        return (values, range)
    }

    static func number(_ text: String) -> Double? {
        guard let value = Double(text.trimmingCharacters(in: .whitespaces)), value.isFinite else { return nil }
        return value
    }

    /// Removes the floating-point dust of `low + k·step` (0.30000000000000004 → 0.3) by
    /// rounding to 12 significant digits, so CSV columns read as the user wrote them.
    static func clean(_ x: Double) -> Double {
        guard x != 0, x.isFinite else { return x }
        let digits = 12 - Int((log10(abs(x))).rounded(.up))
        let scale = pow(10.0, Double(max(min(digits, 300), -300)))
        let rounded = (x * scale).rounded() / scale
        return rounded.isFinite ? rounded : x
    }

    /// The value as written in CSV parameter columns.
    public static func csvText(_ value: JSONValue) -> String {
        switch value {
        case .number(let n): return CSVFormat.number(n)
        case .string(let s): return s
        case .bool(let b): return b ? "true" : "false"
        default: return value.messageText
        }
    }
}

import Foundation
