import SimulationKernel

/// `clients` (groups by name) and `newClients`.
extension ScenarioReader {
    /// Largest client count of one group.
    static let maximumClientsPerGroup = 100_000

    static func readClients(_ root: inout ObjectReader) throws(ScenarioError) -> [String: ClientGroup] {
        guard var map = try root.object("clients", expected: "an object mapping group names to client groups") else {
            return ClientGroup.defaultGroups
        }
        var groups: [String: ClientGroup] = [:]
        for name in map.presentKeys {
            guard isValidEntryName(name) else {
                throw ScenarioError(kind: .outOfRange, file: map.file, path: map.path.description,
                                    value: JSONValue.quoted(name),
                                    requirement: "use group names of 1 to 64 letters, digits, '_' or '-'")
            }
            var reader = try ObjectReader(map.raw(name) ?? .null, at: map.path.key(name), file: map.file,
                                          expected: "a client group (an object)")
            groups[name] = try readClientGroup(&reader)
        }
        guard !groups.isEmpty else {
            throw ScenarioError(kind: .outOfRange, file: map.file, path: map.path.description, value: "{}",
                                requirement: "name at least one client group (leave clients out for the default "
                                    + "groups " + quotedList(ClientGroup.defaultGroups.keys) + ")")
        }
        return groups
    }

    /// One group: `ClientGroup()` defaults, or `ClientGroup.keyClientDefaults` for a key-client
    /// group (one client, `KeyClientTraits()`).
    static func readClientGroup(_ reader: inout ObjectReader) throws(ScenarioError) -> ClientGroup {
        let isKeyClient = try reader.bool("isKeyClient", default: ClientGroup().isKeyClient)
        var group = isKeyClient ? ClientGroup.keyClientDefaults : ClientGroup()
        group.count = try reader.integer("count", default: group.count,
                                         .atLeast(0, cap: Double(maximumClientsPerGroup)))
        if group.isKeyClient && group.count != 1 {
            throw reader.error(.crossField, "count", "be 1 in the key-client group (isKeyClient: true): "
                               + "the key client is one client")
        }
        group.ordersPerWeek = try reader.number("ordersPerWeek", default: group.ordersPerWeek, .atLeast(0, cap: 10_000))
        group.workHours = try reader.distribution("workHours", default: group.workHours, nonNegative: true)
        group.priceEurPerHour = try reader.number("priceEurPerHour", default: group.priceEurPerHour, .atLeast(0, cap: 1e6))
        group.leadTimeDays = try reader.number("leadTimeDays", default: group.leadTimeDays,
                                               .atLeast(0, cap: maximumHorizonDays))
        group.latePenaltyFraction = try reader.number("latePenaltyFraction", default: group.latePenaltyFraction, .fraction)
        if var churn = try reader.object("churn") {
            group.churn = try readChurn(&churn)
        }
        if var traits = try reader.object("keyClient") {
            guard group.isKeyClient else {
                throw reader.error(.crossField, "keyClient", "appear only in the key-client group: add isKeyClient: true "
                                   + "to this group, or remove keyClient")
            }
            group.keyClient = try readKeyClientTraits(&traits)
        }
        try reader.finish()
        return group
    }

    static func readChurn(_ reader: inout ObjectReader) throws(ScenarioError) -> ChurnSettings {
        var churn = ChurnSettings()
        churn.baseMonthly = try reader.number("baseMonthly", default: churn.baseMonthly, .fraction)
        churn.sensitivity = try reader.number("sensitivity", default: churn.sensitivity, .fraction)
        churn.exponent = try reader.number("exponent", default: churn.exponent, .above(0, cap: sanityCap))
        churn.toleranceDays = try reader.number("toleranceDays", default: churn.toleranceDays,
                                                .above(0, cap: maximumHorizonDays))
        churn.smoothing = try reader.number("smoothing", default: churn.smoothing, .fraction)
        try reader.finish()
        if churn.baseMonthly + churn.sensitivity > 1 {
            throw ScenarioError(kind: .crossField, file: reader.file, path: reader.path.key("sensitivity").description,
                                value: JSONValue.format(churn.sensitivity),
                                requirement: "be ≤ 1 − baseMonthly (\(JSONValue.format(1 - churn.baseMonthly))): "
                                    + "the monthly churn probability baseMonthly + sensitivity·(1 − satisfaction)^exponent "
                                    + "cannot exceed 1")
        }
        return churn
    }

    static func readKeyClientTraits(_ reader: inout ObjectReader) throws(ScenarioError) -> KeyClientTraits {
        var traits = KeyClientTraits()
        traits.rushFraction = try reader.number("rushFraction", default: traits.rushFraction, .fraction)
        traits.rushLeadTimeDays = try reader.number("rushLeadTimeDays", default: traits.rushLeadTimeDays,
                                                    .atLeast(0, cap: maximumHorizonDays))
        traits.abuseProbabilityPerLateOrder = try reader.number("abuseProbabilityPerLateOrder",
                                                                default: traits.abuseProbabilityPerLateOrder, .fraction)
        try reader.rejectMoved("discount", to: "policies.<policy>.keyClientTerms.discount",
                               why: "the discount is part of the commercial terms: the baseline policy's is the status quo")
        try reader.rejectMoved("onEnforcement", to: "policies.<policy>.response",
                               why: "the key client's response is declared with each policy that changes its terms")
        try reader.finish()
        return traits
    }

    static func readNewClients(_ root: inout ObjectReader) throws(ScenarioError) -> NewClientSettings {
        var settings = NewClientSettings()
        guard var reader = try root.object("newClients") else { return settings }
        settings.baseRatePerMonth = try reader.number("baseRatePerMonth", default: settings.baseRatePerMonth,
                                                      .atLeast(0, cap: 10_000))
        settings.onTimeExponent = try reader.number("onTimeExponent", default: settings.onTimeExponent,
                                                    .atLeast(0, cap: sanityCap))
        settings.onTimeWindowDays = try reader.number("onTimeWindowDays", default: settings.onTimeWindowDays,
                                                      .above(0, cap: maximumHorizonDays))
        settings.joinGroup = try reader.optionalString("joinGroup", default: settings.joinGroup)
        try reader.finish()
        return settings
    }
}
