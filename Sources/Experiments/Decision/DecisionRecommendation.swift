/// The decision in words a manager reads: which policy, what it is worth, up to which chance of
/// the harshest response it pays off, what each response would do, and what knowing the response
/// in advance would be worth.
///
/// Why careful wording: a recommendation is read without its tables, so every number carries its
/// interval, a difference whose interval holds 0 is called "not clear", and the value of
/// information is flagged as an upward-biased estimate. Written for a metric in euros (profit);
/// the numbers use the project's report formatting (`TextReport.number`).
public struct DecisionRecommendation: Sendable, Hashable {
    /// The policy with the best expected value (highest, or lowest for a lower-is-better metric).
    public var policy: String
    public var text: String
}

extension DecisionAnalysis {
    /// The recommendation for this analysis of `quantity` (e.g. "profit", in euros).
    /// `outcome`: the outcome whose break-even chance to state (default: the policy's first, the
    /// harshest); `client`: how to name the client in the text.
    public func recommendation(quantity: String = "profit", outcome: String? = nil, client: String = "the key client") -> DecisionRecommendation {
        let base = baseline.policy
        let level = "\(Int((confidence * 100).rounded())) % confidence"
        let means = policies.map { SampleSummary($0.weightedValues, confidence: confidence).mean }
        func bestIndex(among indices: [Int]) -> Int? {
            indices.min { higherIsBetter ? means[$0] > means[$1] : means[$0] < means[$1] }
        }
        let best = bestIndex(among: Array(policies.indices))!
        guard let subject = best == 0 ? bestIndex(among: Array(policies.indices.dropFirst())) : best else {
            return DecisionRecommendation(policy: base, text: "Only '\(base)' was simulated: there is nothing to choose between.")
        }
        let name = policies[subject].policy
        var sentences: [String] = []

        // 1. The choice and its worth against the baseline.
        let d = differences(policy: name)
        let worth = "\(Self.eurosInterval(d.weighted.differences)) over '\(base)'"
        let clarity = d.weighted.verdict == .noClearDifference
            ? "the difference is not clear at \(level), so the choice rests on the means alone"
            : "a clear difference at \(level)"
        if best == subject {
            sentences.append("Choose '\(name)': expected \(quantity) \(worth); \(clarity).")
        } else {
            sentences.append("Keep '\(base)': no other policy has a better expected \(quantity); the closest, '\(name)', gives \(worth); \(clarity).")
        }

        // 2. Up to which chance of the harshest response it pays off.
        let possible = policies[subject].outcomes.filter { $0.probability > 0 }
        if possible.count > 1 {
            let k = outcome ?? policies[subject].outcomes[0].name
            let be = breakEven(policy: name, outcome: k)
            let declared = "(declared: \(TextReport.percent(be.declaredProbability)))"
            let it = best == subject ? "It pays off" : "'\(name)' would pay off"
            let chance = "the chance that \(client)'s response is '\(k)'"
            switch be.answer {
            case .crossing(let q, let betterBelow):
                let side = betterBelow ? "below" : "above"
                let condition = best == subject ? "as long as \(chance) stays" : "only if \(chance) were"
                sentences.append("\(it) \(condition) \(side) \(TextReport.percent(q)) \(Self.setText(be)) \(declared).")
            case .alwaysBetter:
                sentences.append("By the means, \(best == subject ? "it pays off" : "'\(name)' would pay off") whatever \(chance) \(declared)\(Self.remainingDoubt(be)).")
            case .alwaysWorse:
                sentences.append("By the means, \(best == subject ? "it does not pay off" : "'\(name)' does not pay off") whatever \(chance) \(declared)\(Self.remainingDoubt(be)).")
            case .noDifference, .noOtherOutcome:
                break
            }

            // 3. What each response would do.
            let parts = d.conditional.filter { $0.probability > 0 }.enumerated().map { i, c in
                (i == 0 ? "If \(client)'s response to '\(name)' is '\(c.outcome)', \(quantity) changes by " : "if '\(c.outcome)', by ")
                    + Self.eurosInterval(c.comparison.differences)
            }
            sentences.append(parts.joined(separator: "; ") + " against '\(base)'.")
        }

        // 4. The value of knowing the response in advance.
        let voi = valueOfInformation
        if voi.changesNoChoice {
            sentences.append("Knowing \(client)'s real intention before convening it would not change the choice: '\(voi.bestPolicy)' is best whatever its response.")
        } else {
            let varying = policies.indices.filter { p in policies[p].outcomes.filter { $0.probability > 0 }.count > 1 }
            let cases = voi.pieces.map { piece in
                let condition = varying.map { "'\(piece.outcomes[$0])' to '\(policies[$0].policy)'" }.joined(separator: ", ")
                return "if it would answer \(condition), choose '\(piece.bestPolicy)'"
            }
            let value = voi.interval.halfWidth.isNaN ? TextReport.euros(voi.value)
                : "\(TextReport.euros(voi.value)) [\(TextReport.number(voi.interval.lower.rounded())); \(TextReport.number(voi.interval.upper.rounded()))]"
            sentences.append("Knowing \(client)'s real intention before convening it would be worth \(value) (an estimate biased upward, more so with few replications): \(cases.joined(separator: "; ")).")
        }
        return DecisionRecommendation(policy: policies[best].policy, text: sentences.joined(separator: " "))
    }

    static func eurosInterval(_ s: SampleSummary) -> String {
        if s.halfWidth.isNaN { return TextReport.euros(s.mean, signed: true) }
        return "\(TextReport.euros(s.mean, signed: true)) [\(TextReport.number(s.lower.rounded(), signed: true)); \(TextReport.number(s.upper.rounded(), signed: true))]"
    }

    /// Fieller's set within [0, 1], in percent, saying when it was cut there or is not bounded.
    static func setText(_ be: OutcomeBreakEven) -> String {
        if be.interval.isEmpty { return "[no interval]" }
        var text = pieces(be)
        if case .interval = be.confidenceSet {
            if be.intervalWasClipped { text += " (cut to 0–100 %)" }
        } else {
            text += " (the data do not bound it)"
        }
        return text
    }

    static func pieces(_ be: OutcomeBreakEven) -> String {
        be.interval.map { "[\(TextReport.percent($0.lowerBound)); \(TextReport.percent($0.upperBound))]" }.joined(separator: " ∪ ")
    }

    /// For "always better/worse": the break-even chances the data still allow, if any.
    static func remainingDoubt(_ be: OutcomeBreakEven) -> String {
        be.interval.isEmpty ? "" : "; the data do not rule out a break-even in \(pieces(be))"
    }
}
