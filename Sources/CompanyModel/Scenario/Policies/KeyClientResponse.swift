// The `policies.<policy>.response` section of a scenario file, read by
// ScenarioFile/ScenarioReader+Negotiation.swift.

/// How the key client responds, on the decision day, to a policy whose terms differ from the
/// baseline's: a discrete distribution over outcomes (probabilities summing to 1).
///
/// Why a distribution declared with the policy: the client's reaction is the one input nobody
/// can measure beforehand, and it differs by offer (a client that would leave over standard
/// terms may accept "priority for a 15 % fee"). Making it a required part of every terms change
/// means a policy can never withdraw privileges for free.
public struct KeyClientResponse: Sendable, Hashable {
    /// Outcomes in canonical order, harshest first (`leaves`, `leavesLater`, `reducesVolume`,
    /// `accepts`); those the file omits are absent. The sampled outcome is the first whose
    /// cumulative probability exceeds the client's one uniform draw, so the same draw gives
    /// the harsher outcome under the harsher offer (see docs/model.md, "The negotiation").
    public var outcomes: [KeyClientOutcome]

    public init(outcomes: [KeyClientOutcome]) { self.outcomes = outcomes }

    /// The outcomes with positive probability: those simulated as branches.
    public var possibleOutcomes: [KeyClientOutcome] { outcomes.filter { $0.probability > 0 } }

    /// The mean volume factor over the outcomes in which it stays (at first), weighted by their
    /// probabilities; 1 when it always leaves at once.
    public var stayingVolumeFactor: Double {
        let staying = outcomes.filter { $0.kind != .leaves && $0.probability > 0 }
        let weight = staying.reduce(0) { $0 + $1.probability }
        return weight > 0 ? staying.reduce(0) { $0 + $1.probability * $1.volumeFactor } / weight : 1
    }

    /// The outcome the uniform draw `u` ∈ [0, 1) selects among the possible ones.
    public func sample(_ u: Double) -> Int {
        let possible = possibleOutcomes
        var cumulative = 0.0
        for (index, outcome) in possible.enumerated() {
            cumulative += outcome.probability
            if u < cumulative { return index }
        }
        return possible.count - 1
    }
}

/// One possible response of the key client, with its probability.
public struct KeyClientOutcome: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// Goes at once. Its orders already placed are still worked and billed (they are
        /// contracts), and then it orders nothing more.
        case leaves
        /// Stays on the new terms for `months` months, then leaves as `leaves` does.
        case leavesLater
        /// Stays on the new terms, with its order rate × `volumeFactor` (and abuse × `abuseFactor`).
        case reducesVolume
        /// Stays on the new terms; its abuse probability × `abuseFactor`.
        case accepts
    }

    public var kind: Kind
    public var probability: Double
    /// Multiplier on its order rate from the decision day on (staying outcomes).
    public var volumeFactor: Double = 1
    /// Multiplier on its abuse probability from the decision day on (staying outcomes).
    public var abuseFactor: Double = 1
    /// For `leavesLater`: months (of 365/12 days) it stays before it leaves.
    public var months: Double = 0

    public init(kind: Kind, probability: Double) {
        self.kind = kind
        self.probability = probability
    }

    /// The name written in `outcomes.csv` and the reports: the field name of the file.
    public var name: String { kind.rawValue }

    /// The baseline's single outcome, and a policy's whose terms are the baseline's.
    public static let statusQuoName = "status-quo"
}
