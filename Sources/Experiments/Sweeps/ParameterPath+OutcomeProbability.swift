import CompanyModel

/// Sweeping the probability of one outcome of the key client's response.
///
/// Why: "how likely is it to leave?" is the question a user sweeps most, and the outcomes'
/// probabilities must sum to 1. Setting `policies.P.response.leaves.probability` to q rescales
/// the policy's other outcomes by (1 − q)/(1 − p), p the written value, so they keep their
/// relative odds: a sweep, a break-even search or an override means "leaves with probability q,
/// the rest as declared". (When the others have no probability left to scale, p = 1, they stay
/// as written and the reader says that the sum is not 1.)
extension ParameterPath {
    /// The policy name and outcome when this path is an outcome's probability.
    public var outcomeProbability: (policy: String, outcome: String)? {
        guard components.count == 5, case .key("policies") = components[0], case .key(let policy) = components[1],
              case .key("response") = components[2], case .key(let outcome) = components[3],
              case .key("probability") = components[4] else { return nil }
        return (policy, outcome)
    }

    func rebalancingOutcomes(_ patched: JSONValue, original: JSONValue) -> JSONValue {
        guard let (policy, outcome) = outcomeProbability,
              case .object(var root) = patched, case .object(var policies) = root["policies"],
              case .object(var entry) = policies[policy], case .object(var response) = entry["response"],
              case .object(let chosen) = response[outcome], case .number(let q) = chosen["probability"] else { return patched }
        let before = ParameterPath.probability(in: original, policy: policy, outcome: outcome) ?? 0
        guard before < 1, q >= 0, q <= 1 else { return patched }
        let scale = (1 - q) / (1 - before)
        for (name, value) in response where name != outcome {
            guard case .object(var other) = value, case .number(let p) = other["probability"] else { continue }
            other["probability"] = .number(p * scale)
            response[name] = .object(other)
        }
        entry["response"] = .object(response)
        policies[policy] = .object(entry)
        root["policies"] = .object(policies)
        return .object(root)
    }

    /// The written probability of `outcome` in `policy`'s response, if any.
    static func probability(in tree: JSONValue, policy: String, outcome: String) -> Double? {
        guard case .object(let root) = tree, case .object(let policies) = root["policies"],
              case .object(let entry) = policies[policy], case .object(let response) = entry["response"],
              case .object(let chosen) = response[outcome], case .number(let p) = chosen["probability"] else { return nil }
        return p
    }
}
