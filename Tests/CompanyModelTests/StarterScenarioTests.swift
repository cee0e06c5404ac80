import CompanyModel
import SimulationKernel
import Testing

/// The starter that `bigclient init` prints is read by users as documentation: what its
/// comments say must be what the reader makes of it.
@Suite("The starter scenario of bigclient init")
struct StarterScenarioTests {
    static func starter() throws -> Scenario {
        try ScenarioReader.read(text: StarterScenario.text, fileName: "my-company.json5")
    }

    @Test("it is a valid scenario with the two policies, indulge the baseline")
    func isValid() throws {
        let scenario = try Self.starter()
        #expect(scenario.name == "my-company")
        #expect(scenario.policyNames == ["indulge", "standard"])
        #expect(scenario.baseline == "indulge")
        #expect(scenario.keyClientGroupName == "key")
    }

    @Test("the sections it calls the defaults equal the Swift types' defaults")
    func claimedDefaults() throws {
        let scenario = try Self.starter()
        // "simulation: { // the defaults …"
        #expect(scenario.simulation == SimulationSettings())
        // "technicians: { // the defaults"
        #expect(scenario.technicians == TechnicianSettings())
        // "regular: { // … the group defaults"
        #expect(scenario.clients["regular"] == ClientGroup())
        // "keyClient: { // the default traits"
        #expect(scenario.clients["key"]?.keyClient == KeyClientTraits())
        // Fields it leaves out take their defaults too.
        #expect(scenario.calendar == CalendarSettings())
        #expect(scenario.newClients == NewClientSettings())
        #expect(scenario.money == MoneySettings())
    }

    @Test("its policies are the canonical study's: indulge's privileges, the standard terms and their response")
    func policiesAreTheCanonicalOnes() throws {
        let scenario = try Self.starter()
        let indulge = try #require(scenario.policies["indulge"])
        #expect(indulge.keyClientTerms == KeyClientTerms.privileged)
        #expect(indulge.response == nil)
        let standard = try #require(scenario.policies["standard"])
        // "keyClientTerms left out = the standard terms (no priority, no rush, no discount, …)"
        #expect(standard.keyClientTerms == KeyClientTerms.standard)
        #expect(standard.response == KeyClientResponse.defaultForStandardTerms)
        #expect(scenario.policies == Policy.defaultPolicies)
    }

    @Test("the standard policy's comment quotes the default backlog threshold")
    func backlogThreshold() throws {
        let scenario = try Self.starter()
        let threshold = try #require(scenario.policies["standard"]).backlogThresholdDays
        #expect(threshold == Policy().backlogThresholdDays)
        #expect(StarterScenario.text.contains("exceeds backlogThresholdDays (\(JSONValue.format(threshold)))"))
    }

    @Test("its worked figures follow from its numbers: capacity, demand, the key client's share")
    func workedFigures() throws {
        let scenario = try Self.starter()
        let format = JSONValue.format
        // "count: 12, // technicians on duty: 12 × 35 h = 420 h/week of capacity"
        let week = Double(scenario.calendar.workingWeekdays.count) * scenario.calendar.shiftLengthHours
        let count = scenario.technicians.count
        #expect(StarterScenario.text.contains(
            "\(count) × \(format(week)) h = \(format(Double(count) * week)) h/week of capacity"))

        // "ordersPerWeek: 8, // 8 orders × 18 h = 144 h/week: 40 % of the 360 h/week of demand"
        let key = try #require(scenario.clients["key"])
        let keyHours = Double(key.count) * key.ordersPerWeek * key.workHours.mean
        let allHours = scenario.clients.values.reduce(0) { $0 + Double($1.count) * $1.ordersPerWeek * $1.workHours.mean }
        let share = Int((100 * keyHours / allHours).rounded())
        #expect(StarterScenario.text.contains(
            "\(format(key.ordersPerWeek)) orders × \(format(key.workHours.mean)) h = \(format(keyHours)) h/week: "
            + "\(share) % of the \(format(allHours)) h/week of demand"))

        // "reducesVolume: { probability: 0.65, volumeFactor: 0.85, … }, // or it stays: it orders 15 % less"
        let stays = try #require(scenario.policies["standard"]?.response?.outcomes.first { $0.kind == .reducesVolume })
        #expect(StarterScenario.text.contains("orders \(Int(((1 - stays.volumeFactor) * 100).rounded())) % less, "
            + "and abuses staff less (× \(JSONValue.format(stays.abuseFactor)))"))
    }

    @Test("the choices it lists for each enumeration are the reader's")
    func enumerationChoices() {
        let text = StarterScenario.text
        #expect(text.contains("(" + Policy.KeyPriority.allCases.map(\.rawValue).joined(separator: " | ") + ")"))
        #expect(text.contains("(" + Policy.Discipline.allCases.map(\.rawValue).joined(separator: " | ") + ")"))
        #expect(text.contains("(" + Policy.OvertimeTrigger.allCases.map(\.rawValue).joined(separator: " | ") + ")"))
    }
}
