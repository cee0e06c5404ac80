/// `startingState`: where the company stands at time 0 (`StartingState`).
extension ScenarioReader {
    /// Most open work accepted at time 0: a year of the whole staff's shifts. Beyond, the
    /// company would need years to clear it, which no warm-up or decision can mean.
    static let maximumStartingBacklogDays: Double = 365

    static func readStartingState(_ root: inout ObjectReader) throws(ScenarioError) -> StartingState {
        var state = StartingState()
        guard var reader = try root.object("startingState") else { return state }
        // Stress has no natural ceiling; the cap is the one every stress increment has.
        state.stress = try reader.number("stress", default: state.stress, .atLeast(0, cap: sanityCap))
        state.backlogDays = try reader.number("backlogDays", default: state.backlogDays,
                                              .atLeast(0, cap: maximumStartingBacklogDays))
        state.satisfaction = try reader.number("satisfaction", default: state.satisfaction, .fraction)
        try reader.finish()
        return state
    }
}
