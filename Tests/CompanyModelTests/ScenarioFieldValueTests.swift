import CompanyModel
import Testing

@Suite("Scenario.fieldValue: a field's value at its dot path")
struct ScenarioFieldValueTests {
    static let scenario = try! ScenarioReader.read(text: "{ technicians: { count: 7 } }", fileName: "x.json5")

    @Test("numbers, booleans, enumeration values and empty optionals, as a file writes them", arguments: [
        ("technicians.count", JSONValue.number(7)),
        ("technicians.sickLeave.baseDailyHazard", .number(0.002)),
        ("simulation.seed", .number(1)),
        ("calendar.mode", .string("shifts")),
        ("clients.key.isKeyClient", .bool(true)),
        ("clients.key.keyClient.rushFraction", .number(0.25)),
        ("policies.standard.discipline", .string("edd")),
        ("technicians.overtime.premiumBands[1].premium", .number(0.5)),
        ("simulation.decisionDay", .null),
        ("newClients.joinGroup", .null),
    ])
    func values(path: String, expected: JSONValue) {
        #expect(Self.scenario.fieldValue(at: path) == expected)
    }

    @Test("nil for what is not one value: unknown fields, objects, lists, distributions, absent entries", arguments: [
        "technicians.cuont", "technicians", "technicians.overtime.premiumBands", "technicians.overtime.premiumBands[2].premium",
        "clients.regular.workHours", "clients.vip.count", "clients.regular.keyClient.rushFraction", "", "technicians..count",
        "technicians.count[0]",
    ])
    func noValue(path: String) {
        #expect(Self.scenario.fieldValue(at: path) == nil)
    }
}
