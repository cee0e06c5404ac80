import CompanyModel
import Testing

/// The `startingState` section: absent is the empty, calm start; each field is read with its
/// range; a bad value is named with its file, path, value and range.
@Suite("Scenario reader: startingState")
struct ScenarioReaderStartingStateTests {
    @Test("a file without startingState starts empty and calm")
    func absentIsEmptyAndCalm() throws {
        let scenario = try ScenarioReader.read(text: "{}", fileName: "x.json5")
        #expect(scenario.startingState == StartingState())
        #expect(scenario.startingState.isEmptyAndCalm)
        #expect(scenario.startingState.stress == 0 && scenario.startingState.backlogDays == 0
                && scenario.startingState.satisfaction == 1)
    }

    @Test("the fields are read as given")
    func fieldsRead() throws {
        let scenario = try ScenarioReader.read(text: "{ startingState: { stress: 0.5, backlogDays: 4, satisfaction: 0.85 } }",
                                               fileName: "x.json5")
        #expect(scenario.startingState.stress == 0.5)
        #expect(scenario.startingState.backlogDays == 4)
        #expect(scenario.startingState.satisfaction == 0.85)
        #expect(!scenario.startingState.isEmptyAndCalm)
        #expect(scenario.fieldValue(at: "startingState.backlogDays") == .number(4))
    }

    @Test("bad values name the file, the field, the value and the range", arguments: [
        ("{ startingState: { satisfaction: 1.5 } }", "startingState.satisfaction", "1.5"),
        ("{ startingState: { stress: -0.1 } }", "startingState.stress", "-0.1"),
        ("{ startingState: { backlogDays: 400 } }", "startingState.backlogDays", "400"),
    ])
    func badValues(text: String, path: String, value: String) {
        let message = ScenarioReaderTestSupport.message(text)
        #expect(message.hasPrefix("scenarios/x.json5: \(path) must be"), "\(message)")
        #expect(message.contains(value), "\(message)")
    }

    @Test("an unknown field gets a did-you-mean")
    func unknownField() {
        let message = ScenarioReaderTestSupport.message("{ startingState: { backlog: 3 } }")
        #expect(message.contains("startingState.backlog"), "\(message)")
        #expect(message.contains("startingState.backlogDays"), "\(message)")
    }
}
