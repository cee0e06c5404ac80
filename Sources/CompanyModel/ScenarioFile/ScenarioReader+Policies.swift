/// `policies` (by name) and `baseline`.
extension ScenarioReader {
    static func readPolicies(_ root: inout ObjectReader) throws(ScenarioError) -> [String: Policy] {
        guard var map = try root.object("policies", expected: "an object mapping policy names to policies") else {
            return Policy.defaultPolicies
        }
        var policies: [String: Policy] = [:]
        for name in map.presentKeys {
            guard isValidEntryName(name) else {
                throw ScenarioError(kind: .outOfRange, file: map.file, path: map.path.description,
                                    value: JSONValue.quoted(name),
                                    requirement: "use policy names of 1 to 64 letters, digits, '_' or '-'")
            }
            var reader = try ObjectReader(map.raw(name) ?? .null, at: map.path.key(name), file: map.file,
                                          expected: "a policy (an object)")
            policies[name] = try readPolicy(&reader)
        }
        guard !policies.isEmpty else {
            throw ScenarioError(kind: .outOfRange, file: map.file, path: map.path.description, value: "{}",
                                requirement: "name at least one policy (leave policies out for the default "
                                    + "policies " + quotedList(Policy.defaultPolicies.keys) + ")")
        }
        return policies
    }

    static func readPolicy(_ reader: inout ObjectReader) throws(ScenarioError) -> Policy {
        var policy = Policy()
        let hours = NumberRule.atLeast(0, cap: 1_000)
        policy.keyPriority = try reader.enumeration("keyPriority", default: policy.keyPriority)
        policy.discipline = try reader.enumeration("discipline", default: policy.discipline)
        policy.switchPenaltyHours = try reader.number("switchPenaltyHours", default: policy.switchPenaltyHours, hours)
        policy.acceptRush = try reader.bool("acceptRush", default: policy.acceptRush)
        policy.rushSurcharge = try reader.number("rushSurcharge", default: policy.rushSurcharge, .interval(0, 10))
        policy.overtimeTrigger = try reader.enumeration("overtimeTrigger", default: policy.overtimeTrigger)
        policy.riskWindowDays = try reader.number("riskWindowDays", default: policy.riskWindowDays,
                                                  .atLeast(0, cap: maximumHorizonDays))
        policy.backlogThresholdDays = try reader.number("backlogThresholdDays", default: policy.backlogThresholdDays,
                                                        .atLeast(0, cap: maximumHorizonDays))
        policy.restDayOvertime = try reader.bool("restDayOvertime", default: policy.restDayOvertime)
        policy.extraTechnicians = try reader.integer("extraTechnicians", default: policy.extraTechnicians,
                                                     .atLeast(0, cap: Double(maximumTechnicians)))
        policy.enforceStandardTerms = try reader.bool("enforceStandardTerms", default: policy.enforceStandardTerms)
        policy.meetingManagerHours = try reader.number("meetingManagerHours", default: policy.meetingManagerHours, hours)
        policy.meetingTechnicianHours = try reader.number("meetingTechnicianHours", default: policy.meetingTechnicianHours,
                                                          hours)
        try reader.finish()
        return policy
    }

    /// The baseline: as written (it must name a policy), else the only policy, else
    /// `Policy.defaultBaseline` (`indulge`) if there is one.
    static func resolveBaseline(_ value: JSONValue?, policies: [String: Policy], file: String) throws(ScenarioError) -> String {
        let names = policies.keys.sorted()
        let listing = quotedList(names)
        guard let value else {
            if names.count == 1 { return names[0] }
            if policies[Policy.defaultBaseline] != nil { return Policy.defaultBaseline }
            throw ScenarioError(kind: .missingField, file: file, path: "baseline",
                                requirement: "with several policies, say which is the status quo: one of \(listing)")
        }
        let path = FieldPath.root.key("baseline")
        let name = try ValueReader(file: file).string(value, at: path)
        guard policies[name] != nil else {
            throw ScenarioError(kind: .crossField, file: file, path: path.description, value: value.messageText,
                                requirement: "name one of the policies: \(listing)",
                                suggestion: Spelling.suggestion(for: name, among: names))
        }
        return name
    }
}
