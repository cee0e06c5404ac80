import Foundation

/// Text for `report.html`: HTML escaping, and the report's one way of writing numbers and money.
///
/// Why here: every string that reaches the page (a policy or scenario name, an outcome, a swept
/// value, a sentence of the recommendation) passes through `escape`, so a name such as
/// `<b>&co</b>` shows as written and cannot change the page. Numbers are the text report's
/// (`TextReport.number`), so the page and the report agree.
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

    /// Numbers as the text report writes them (`TextReport.number`, which never signs a zero).
    static func number(_ x: Double, signed: Bool = false) -> String { TextReport.number(x, signed: signed) }

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
        return TextReport.interval(mean: mean, lower: lower, upper: upper, signed: signed) + " €"
    }

    /// A value of any metric with its interval, no unit.
    static func interval(_ s: SampleSummary, signed: Bool = false) -> String { TextReport.interval(s, signed: signed) }

    /// A share in whole percent ("—" when undefined).
    static func percent(_ x: Double) -> String { x.isNaN ? "—" : TextReport.percent(x) }

    /// An SVG coordinate: one decimal, fixed, so pages are byte-identical across runs.
    static func coordinate(_ x: Double) -> String {
        guard x.isFinite else { return "0" }
        let text = String(format: "%.1f", x)
        return text == "-0.0" ? "0.0" : text
    }
}
