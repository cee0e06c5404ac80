/// `policies.<policy>.keyClientTerms` and `policies.<policy>.response`: the negotiation.
extension ScenarioReader {
    static func readKeyClientTerms(_ reader: inout ObjectReader) throws(ScenarioError) -> KeyClientTerms {
        var terms = KeyClientTerms()
        let hours = NumberRule.atLeast(0, cap: 1_000)
        terms.priority = try reader.enumeration("priority", default: terms.priority)
        terms.acceptRush = try reader.bool("acceptRush", default: terms.acceptRush)
        terms.rushSurcharge = try reader.number("rushSurcharge", default: terms.rushSurcharge, .interval(0, 10))
        terms.discount = try reader.number("discount", default: terms.discount, .fraction)
        terms.surcharge = try reader.number("surcharge", default: terms.surcharge, .interval(0, 10))
        terms.meetingManagerHours = try reader.number("meetingManagerHours", default: terms.meetingManagerHours, hours)
        terms.meetingTechnicianHours = try reader.number("meetingTechnicianHours", default: terms.meetingTechnicianHours, hours)
        try reader.finish()
        return terms
    }

    /// The outcomes in canonical order (harshest first), each with its probability and its
    /// figures; the probabilities must sum to 1.
    static func readKeyClientResponse(_ reader: inout ObjectReader) throws(ScenarioError) -> KeyClientResponse {
        var outcomes: [KeyClientOutcome] = []
        let factor = NumberRule.atLeast(0, cap: sanityCap)
        for kind in KeyClientOutcome.Kind.allCases {
            guard var entry = try reader.object(kind.rawValue) else { continue }
            var outcome = KeyClientOutcome(kind: kind, probability: 0)
            outcome.probability = try entry.requiredNumber("probability", .fraction,
                                                           why: "the probability of this outcome, between 0 and 1")
            switch kind {
            case .leaves:
                break
            case .leavesLater:
                outcome.months = try entry.requiredNumber("months", .above(0, cap: 12 * maximumHorizonDays / 365),
                                                          why: "the months it stays on the new terms before it leaves")
                outcome.abuseFactor = try entry.number("abuseFactor", default: 1, factor)
            case .reducesVolume:
                outcome.volumeFactor = try entry.requiredNumber("volumeFactor", factor,
                                                                why: "the multiplier on its order rate (0.85 = 15 % fewer orders)")
                outcome.abuseFactor = try entry.number("abuseFactor", default: 1, factor)
            case .accepts:
                outcome.abuseFactor = try entry.number("abuseFactor", default: 1, factor)
            }
            try entry.finish()
            outcomes.append(outcome)
        }
        try reader.finish()
        guard !outcomes.isEmpty else {
            throw ScenarioError(kind: .missingField, file: reader.file, path: reader.path.description,
                                requirement: "declare at least one outcome: " + KeyClientOutcome.Kind.allCases.map(\.rawValue).joined(separator: ", "))
        }
        let total = outcomes.reduce(0) { $0 + $1.probability }
        if abs(total - 1) > 1e-9 {
            let terms = outcomes.map { "\($0.name) \(JSONValue.format($0.probability))" }.joined(separator: " + ")
            throw ScenarioError(kind: .crossField, file: reader.file, path: reader.path.description,
                                value: "\(terms) = \(JSONValue.format(total))",
                                requirement: "have outcome probabilities that sum to 1")
        }
        return KeyClientResponse(outcomes: outcomes)
    }

    /// Every studied policy whose terms differ from the baseline's declares the key client's
    /// response; the baseline (the status quo) declares none. Without a key client, the terms
    /// are the standard ones and there is no response.
    static func checkNegotiationRules(_ scenario: Scenario, file: String) throws(ScenarioError) {
        let hasKeyClient = scenario.clients.values.contains { $0.isKeyClient }
        let baseline = scenario.policies[scenario.baseline]!
        for name in scenario.policies.keys.sorted() {
            let policy = scenario.policies[name]!
            if !hasKeyClient {
                if let field = policy.keyClientTerms.differences(from: .standard).first {
                    throw ScenarioError(kind: .crossField, file: file, path: "policies.\(name).keyClientTerms.\(field)",
                                        requirement: "be left at the standard terms when no client group is the key client (isKeyClient: true)")
                }
                if policy.response != nil {
                    throw ScenarioError(kind: .crossField, file: file, path: "policies.\(name).response",
                                        requirement: "be left out when no client group is the key client (isKeyClient: true)")
                }
                continue
            }
            if name == scenario.baseline {
                if policy.response != nil {
                    throw ScenarioError(kind: .crossField, file: file, path: "policies.\(name).response",
                                        requirement: "be left out: '\(name)' is the baseline, whose terms are the status quo the key "
                                            + "client already has")
                }
                continue
            }
            let changed = policy.keyClientTerms.differences(from: baseline.keyClientTerms)
            if !changed.isEmpty, policy.response == nil {
                let listing = changed.map { "keyClientTerms.\($0)" }.joined(separator: ", ")
                throw ScenarioError(kind: .missingField, file: file, path: "policies.\(name).response",
                                    requirement: "policy '\(name)' changes the key client's terms from the baseline "
                                        + "'\(scenario.baseline)' (\(listing)), so the key client responds: add response with "
                                        + "the probabilities of leaves, leavesLater (months), reducesVolume (volumeFactor) "
                                        + "and accepts (abuseFactor), summing to 1")
            }
            // A response on a policy that keeps the baseline's terms is allowed and unused: a
            // sweep of a term (a surcharge from 0 up) passes through the baseline's value, and
            // at that point there is simply nothing to respond to. `check` says so.
            let abuse = scenario.clients.values.first { $0.isKeyClient }?.keyClient?.abuseProbabilityPerLateOrder ?? 0
            for outcome in policy.response?.outcomes ?? [] where abuse * outcome.abuseFactor > 1 {
                throw ScenarioError(kind: .crossField, file: file, path: "policies.\(name).response.\(outcome.name).abuseFactor",
                                    value: JSONValue.format(outcome.abuseFactor),
                                    requirement: "keep the key client's abuseProbabilityPerLateOrder × abuseFactor ≤ 1, a probability "
                                        + "(here \(JSONValue.format(abuse)) × \(JSONValue.format(outcome.abuseFactor)) = "
                                        + "\(JSONValue.format(abuse * outcome.abuseFactor)))")
            }
        }
    }
}
