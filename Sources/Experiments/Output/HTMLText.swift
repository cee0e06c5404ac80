import Foundation

/// Text for `report.html`: HTML escaping, and the report's one way of writing numbers and money.
///
/// Why here: every string that reaches the page (a policy or scenario name, an outcome, a swept
/// value, a sentence of the recommendation) passes through `escape`, so a name such as
/// `<b>&co</b>` shows as written and cannot change the page. Numbers are `TextReport.number`'s
/// (thousands grouped with a comma from 10,000, signed when a difference) with one correction:
/// a value that rounds to zero is written without a sign, never "-0" or "+0.000".
enum HTMLText {
    /// `text` with `&`, `<`, `>`, `"` and `'` written as entities: safe in element content and
    /// in quoted attribute values.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text.unicodeScalars {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(character)
            }
        }
        return out
    }

    /// A number as the text report writes it, never with the sign of a zero.
    static func number(_ x: Double, signed: Bool = false) -> String {
        let text = TextReport.number(x, signed: signed)
        guard let first = text.first, first == "-" || first == "+" else { return text }
        let digits = text.dropFirst()
        return digits.allSatisfy { $0 == "0" || $0 == "." || $0 == "," } ? String(digits) : text
    }

    /// Euros: `number` followed by " €"; "—" when undefined.
    static func euros(_ x: Double, signed: Bool = false) -> String {
        x.isNaN ? "—" : number(x, signed: signed) + " €"
    }

    /// "mean [lower; upper] €" (the mean alone when the interval is undefined).
    static func euros(_ s: SampleSummary, signed: Bool = false) -> String {
        euros(mean: s.mean, lower: s.lower, upper: s.upper, signed: signed)
    }

    static func euros(mean: Double, lower: Double, upper: Double, signed: Bool = false) -> String {
        if mean.isNaN { return "—" }
        if lower.isNaN || upper.isNaN { return euros(mean, signed: signed) }
        return "\(number(mean, signed: signed)) [\(number(lower, signed: signed)); \(number(upper, signed: signed))] €"
    }

    /// A value of any metric with its interval, no unit.
    static func interval(_ s: SampleSummary, signed: Bool = false) -> String {
        if s.n == 0 || s.mean.isNaN { return "—" }
        if s.halfWidth.isNaN { return number(s.mean, signed: signed) }
        return "\(number(s.mean, signed: signed)) [\(number(s.lower, signed: signed)); \(number(s.upper, signed: signed))]"
    }

    /// A share in whole percent ("—" when undefined).
    static func percent(_ x: Double) -> String { x.isNaN ? "—" : TextReport.percent(x) }

    /// An SVG coordinate: one decimal, fixed, so pages are byte-identical across runs.
    static func coordinate(_ x: Double) -> String {
        guard x.isFinite else { return "0" }
        let text = String(format: "%.1f", x)
        return text == "-0.0" ? "0.0" : text
    }
}
