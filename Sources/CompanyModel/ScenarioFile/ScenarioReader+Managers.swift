/// `managers`: account managers and the production manager.
extension ScenarioReader {
    static func readManagers(_ root: inout ObjectReader) throws(ScenarioError) -> ManagerSettings {
        var settings = ManagerSettings()
        guard var reader = try root.object("managers") else { return settings }
        settings.accountManagers = try reader.integer("accountManagers", default: settings.accountManagers,
                                                      .interval(0, Double(StreamLayout.maxManagers - 1)))
        settings.productionManagers = try reader.integer("productionManagers", default: settings.productionManagers,
                                                         .interval(0, 1))
        settings.technicianShareOfAbuse = try reader.number("technicianShareOfAbuse", default: settings.technicianShareOfAbuse,
                                                            .fraction)
        settings.stressPerMeetingHour = try reader.number("stressPerMeetingHour", default: settings.stressPerMeetingHour,
                                                          .atLeast(0, cap: sanityCap))
        try reader.finish()
        return settings
    }
}
