/// The values a numeric scenario field accepts, and how to say so in a message.
///
/// Two-sided ranges of meaning (fractions, hours in a day) are phrased as one interval,
/// `in [0, 1]`; a range that is a lower bound plus a sanity cap (counts, horizons) is phrased by
/// the side that was violated, `≥ 1` or `≤ 10000`, so the common mistake reads naturally.
struct NumberRule: Sendable {
    enum Bound: Sendable {
        case none
        case inclusive(Double)
        case exclusive(Double)
    }

    let lower: Bound
    let upper: Bound
    /// Phrase a two-sided range as one interval rather than by the violated side.
    let asInterval: Bool

    init(lower: Bound, upper: Bound, asInterval: Bool) {
        self.lower = lower
        self.upper = upper
        self.asInterval = asInterval
    }

    /// Any finite number.
    static let finite = NumberRule(lower: .none, upper: .none, asInterval: false)
    /// ≥ 0.
    static let nonNegative = NumberRule(lower: .inclusive(0), upper: .none, asInterval: false)
    /// > 0.
    static let positive = NumberRule(lower: .exclusive(0), upper: .none, asInterval: false)
    /// A fraction or probability, [0, 1].
    static let fraction = NumberRule(lower: .inclusive(0), upper: .inclusive(1), asInterval: true)
    /// A daily hazard, [0, 1).
    static let hazard = NumberRule(lower: .inclusive(0), upper: .exclusive(1), asInterval: true)

    /// [low, high], phrased as an interval.
    static func interval(_ low: Double, _ high: Double) -> NumberRule {
        NumberRule(lower: .inclusive(low), upper: .inclusive(high), asInterval: true)
    }

    /// `low ≤ x ≤ cap`, the cap being a sanity limit: phrased by the violated side.
    static func atLeast(_ low: Double, cap: Double) -> NumberRule {
        NumberRule(lower: .inclusive(low), upper: .inclusive(cap), asInterval: false)
    }

    /// `low < x ≤ cap`, the cap being a sanity limit: phrased by the violated side.
    static func above(_ low: Double, cap: Double) -> NumberRule {
        NumberRule(lower: .exclusive(low), upper: .inclusive(cap), asInterval: false)
    }

    /// Nil when `value` is allowed; else what it must be, phrased to follow "a number " or
    /// "an integer " (`≥ 1`, `in [0, 1]`). Callers reject non-finite values first.
    func violation(_ value: Double) -> String? {
        let lowOK: Bool
        switch lower {
        case .none: lowOK = true
        case .inclusive(let bound): lowOK = value >= bound
        case .exclusive(let bound): lowOK = value > bound
        }
        let highOK: Bool
        switch upper {
        case .none: highOK = true
        case .inclusive(let bound): highOK = value <= bound
        case .exclusive(let bound): highOK = value < bound
        }
        if lowOK && highOK { return nil }
        if asInterval, let interval = intervalText { return "in \(interval)" }
        return lowOK ? upperText : lowerText
    }

    private var lowerText: String? {
        switch lower {
        case .none: return nil
        case .inclusive(let bound): return "≥ \(JSONValue.format(bound))"
        case .exclusive(let bound): return "> \(JSONValue.format(bound))"
        }
    }

    private var upperText: String? {
        switch upper {
        case .none: return nil
        case .inclusive(let bound): return "≤ \(JSONValue.format(bound))"
        case .exclusive(let bound): return "< \(JSONValue.format(bound))"
        }
    }

    private var intervalText: String? {
        let open: String, low: Double
        switch lower {
        case .none: return nil
        case .inclusive(let bound): open = "["; low = bound
        case .exclusive(let bound): open = "("; low = bound
        }
        let close: String, high: Double
        switch upper {
        case .none: return nil
        case .inclusive(let bound): close = "]"; high = bound
        case .exclusive(let bound): close = ")"; high = bound
        }
        return "\(open)\(JSONValue.format(low)), \(JSONValue.format(high))\(close)"
    }
}
