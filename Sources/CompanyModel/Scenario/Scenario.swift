/// Everything one what-if study needs: the company, its clients, the policies to compare, and
/// how to simulate them. Read from a JSON5 file by `ScenarioReader`; every field has a default
/// (docs/model.md, "Parameter reference", lists them), so a short file is a valid scenario.
///
/// Units live in the names: `…Hours`, `…Days`, `…Eur`, `…PerWeek`; fractions are in [0, 1].
/// The JSON field paths are the Swift property paths (`technicians.count`,
/// `clients.key.ordersPerWeek`, `policies.standard.keyClientTerms.priority`), but for a
/// policy's `response`, whose outcomes are `KeyClientResponse.outcomes`, found by kind.
public struct Scenario: Sendable, Hashable {
    /// Short name; results go to `results/<name>/`.
    public var name: String
    /// One paragraph for humans.
    public var description: String
    public var simulation: SimulationSettings
    public var calendar: CalendarSettings
    public var technicians: TechnicianSettings
    /// Client groups by name (sorted by name wherever order matters, for determinism).
    /// At most one group has `isKeyClient == true` (a scenario without a key client is valid,
    /// see ScenarioFile/ScenarioReader+CrossFieldRules.swift).
    public var clients: [String: ClientGroup]
    public var newClients: NewClientSettings
    public var money: MoneySettings
    /// Account managers and the production manager (a section of its own, not in `init`: a
    /// scenario built in code gets the defaults).
    public var managers = ManagerSettings()
    /// Policies by name; `baseline` names the status quo.
    public var policies: [String: Policy]
    public var baseline: String
    /// Where the company stands at time 0 (`startingState`); the default is the empty, calm
    /// start. Not an `init` parameter: a scenario built in code starts empty and calm unless
    /// it sets this property.
    public var startingState = StartingState()

    public init(name: String, description: String, simulation: SimulationSettings, calendar: CalendarSettings,
                technicians: TechnicianSettings, clients: [String: ClientGroup], newClients: NewClientSettings,
                money: MoneySettings, policies: [String: Policy], baseline: String) {
        self.name = name
        self.description = description
        self.simulation = simulation
        self.calendar = calendar
        self.technicians = technicians
        self.clients = clients
        self.newClients = newClients
        self.money = money
        self.policies = policies
        self.baseline = baseline
    }

    /// Group names in a fixed order (sorted), for stream ids, reports and CSV columns.
    public var clientGroupNames: [String] { clients.keys.sorted() }
    /// The group new clients join: `newClients.joinGroup`, or else the first group (by name)
    /// that is not the key client; `nil` when there is none.
    public var joiningGroupName: String? {
        if let name = newClients.joinGroup { return name }
        return clientGroupNames.first { clients[$0]?.isKeyClient == false }
    }
    /// Policy names: the baseline first, then the others sorted.
    public var policyNames: [String] { [baseline] + policies.keys.filter { $0 != baseline }.sorted() }
    /// The name of the key-client group.
    public var keyClientGroupName: String? { clients.first(where: { $0.value.isKeyClient })?.key }
}
