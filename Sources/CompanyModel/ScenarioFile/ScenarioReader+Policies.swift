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
        if var terms = try reader.object("keyClientTerms") { policy.keyClientTerms = try readKeyClientTerms(&terms) }
        if let value = reader.raw("response") {
            var response = try ObjectReader(value, at: reader.path.key("response"), file: reader.file,
                                            expected: "an object of outcomes (leaves, leavesLater, reducesVolume, accepts)")
            policy.response = try readKeyClientResponse(&response)
        }
        policy.discipline = try reader.enumeration("discipline", default: policy.discipline)
        policy.switchPenaltyHours = try reader.number("switchPenaltyHours", default: policy.switchPenaltyHours, hours)
        policy.overtimeTrigger = try reader.enumeration("overtimeTrigger", default: policy.overtimeTrigger)
        policy.riskWindowDays = try reader.number("riskWindowDays", default: policy.riskWindowDays,
                                                  .atLeast(0, cap: maximumHorizonDays))
        policy.backlogThresholdDays = try reader.number("backlogThresholdDays", default: policy.backlogThresholdDays,
                                                        .atLeast(0, cap: maximumHorizonDays))
        policy.restDayOvertime = try reader.bool("restDayOvertime", default: policy.restDayOvertime)
        policy.extraTechnicians = try reader.integer("extraTechnicians", default: policy.extraTechnicians,
                                                     .atLeast(0, cap: Double(maximumTechnicians)))
        let terms = "the commercial terms are grouped in keyClientTerms"
        try reader.rejectMoved("keyPriority", to: "keyClientTerms.priority", why: terms)
        try reader.rejectMoved("acceptRush", to: "keyClientTerms.acceptRush", why: terms)
        try reader.rejectMoved("rushSurcharge", to: "keyClientTerms.rushSurcharge", why: terms)
        try reader.rejectMoved("meetingManagerHours", to: "keyClientTerms.meetingManagerHours", why: terms)
        try reader.rejectMoved("meetingTechnicianHours", to: "keyClientTerms.meetingTechnicianHours", why: terms)
        try reader.rejectMoved("enforceStandardTerms", to: "keyClientTerms and response",
                               why: "a policy enforces the standard terms by leaving keyClientTerms at its defaults, "
                                   + "and declares the key client's response to them")
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
