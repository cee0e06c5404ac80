import SimulationKernel

/// Reads scenario files: JSON5 text → `JSONValue` tree → validated `Scenario`.
///
/// The file's field paths are the Swift property paths (`technicians.overtime.weeklyCapHours`,
/// `clients.<group>.ordersPerWeek`, `policies.<policy>.keyClientTerms.priority`; one exception:
/// `response.<outcome>` is the element of `KeyClientResponse.outcomes` with that `kind`); every
/// field is optional
/// and takes the default of the Swift type's initialiser, except that:
/// - a file without `clients` gets the default pair `ClientGroup.defaultGroups` (`key`, `regular`);
/// - a file without `policies` gets `Policy.defaultPolicies` (`indulge`, `standard`);
/// - a missing `baseline` is the only policy if there is one, else `Policy.defaultBaseline`
///   (`indulge`) if it exists;
/// - a missing `name` is the file name without its extension;
/// - a key-client group (`isKeyClient: true`) starts from `ClientGroup.keyClientDefaults`
///   (`count: 1`, `keyClient: {}`).
///
/// The defaults are written once, as the initial values of the Swift types (and the few
/// static defaults above, beside their types in Scenario/): each read falls back to the value
/// the type already holds, never to a literal of its own.
///
/// Every problem is a `ScenarioError` naming the file, the field path, the bad value and what
/// is allowed; unknown fields are errors with a "did you mean".
public enum ScenarioReader {
    /// The top-level objects whose keys are names the file chooses (client groups, policies)
    /// rather than fields: a file that leaves one out gets its default entries, and one that
    /// writes it gets exactly the entries written. (A sweep path may create a missing field,
    /// never an entry of these.)
    public static let namedMaps: Set<String> = ["clients", "policies"]

    /// Reads and validates the scenario file at `path`.
    ///
    /// - Throws: `ScenarioError` — `fileNotFound` or `unreadable` (``ScenarioError/isMissingInput``),
    ///   `notUTF8`, or any error of ``read(text:fileName:)``. Messages start with `path` as given.
    public static func load(contentsOf path: String) throws(ScenarioError) -> Scenario {
        try read(text: ScenarioText.load(path), fileName: path)
    }

    /// Parses and validates scenario text; `fileName` names the source in messages and gives the
    /// default `name`.
    public static func read(text: String, fileName: String) throws(ScenarioError) -> Scenario {
        try decode(parse(text: text, fileName: fileName), fileName: fileName)
    }

    /// The tree of scenario text, checked for syntax and duplicate keys but not for meaning:
    /// what a sweep patches (at a field's dot path) before handing it to ``decode(_:fileName:)``.
    public static func parse(text: String, fileName: String) throws(ScenarioError) -> JSONValue {
        try ScenarioText.parse(text, fileName: fileName)
    }

    /// The tree of the scenario file at `path` (see ``parse(text:fileName:)``).
    public static func parse(contentsOf path: String) throws(ScenarioError) -> JSONValue {
        try parse(text: ScenarioText.load(path), fileName: path)
    }

    /// Validates a tree and builds the scenario.
    public static func decode(_ value: JSONValue, fileName: String) throws(ScenarioError) -> Scenario {
        var root = try ObjectReader(value, at: .root, file: fileName,
                                    expected: "an object (a scenario file is one JSON5 object: { … })")
        let name = try readName(&root, fileName: fileName)
        let description = try root.string("description", default: "")
        let simulation = try readSimulation(&root)
        let calendar = try readCalendar(&root)
        let technicians = try readTechnicians(&root)
        let clients = try readClients(&root)
        let newClients = try readNewClients(&root)
        let money = try readMoney(&root)
        let managers = try readManagers(&root)
        let policies = try readPolicies(&root)
        let startingState = try readStartingState(&root)
        let baselineValue = root.raw("baseline")
        // The `sweep` section belongs to `bigclient sweep` (Experiments' SweepSpec reads it);
        // a scenario with one is still a valid scenario for `run` and `check`.
        _ = root.raw("sweep")
        try root.finish()

        let baseline = try resolveBaseline(baselineValue, policies: policies, file: fileName)
        var scenario = Scenario(name: name, description: description, simulation: simulation, calendar: calendar,
                                technicians: technicians, clients: clients, newClients: newClients, money: money,
                                policies: policies, baseline: baseline)
        scenario.managers = managers
        scenario.startingState = startingState
        try checkCrossFieldRules(scenario, file: fileName)
        return scenario
    }

    // MARK: - Top-level fields

    /// `name`, or the file name without directory and extension (characters a directory name
    /// should not hold replaced by `-`).
    static func readName(_ root: inout ObjectReader, fileName: String) throws(ScenarioError) -> String {
        guard root.has("name") else {
            let base = fileName.split(separator: "/", omittingEmptySubsequences: false).last.map(String.init) ?? fileName
            var stem = base
            if let dot = base.lastIndex(of: "."), dot != base.startIndex { stem = String(base[..<dot]) }
            let cleaned = String(stem.map { isNameCharacter($0) ? $0 : "-" })
            _ = root.raw("name")
            return cleaned.isEmpty || cleaned.hasPrefix(".") ? "scenario" : cleaned
        }
        let name = try root.string("name", default: "")
        guard !name.isEmpty, !name.hasPrefix("."), name.count <= 100, name.allSatisfy(isNameCharacter) else {
            throw root.error(.outOfRange, "name", "be 1 to 100 letters, digits, '_', '-' or '.', not starting with '.' "
                             + "(it names the results directory)")
        }
        return name
    }

    /// Letters, digits, `_`, `-`, `.`: safe in a directory name and in CSV cells.
    static func isNameCharacter(_ character: Character) -> Bool {
        character.isLetter || character.isNumber || character == "_" || character == "-" || character == "."
    }

    /// Client group and policy names appear in dot paths (`clients.key.count`), CSV columns and
    /// command lines: letters, digits, `_` and `-`, at most 64.
    static func isValidEntryName(_ name: String) -> Bool {
        !name.isEmpty && name.count <= 64
            && name.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }
    }

    /// Names in sorted order, each in single quotes, for messages: `'indulge', 'standard'`.
    static func quotedList(_ names: some Sequence<String>) -> String {
        names.sorted().map { "'\($0)'" }.joined(separator: ", ")
    }

    static func readMoney(_ root: inout ObjectReader) throws(ScenarioError) -> MoneySettings {
        var money = MoneySettings()
        guard var reader = try root.object("money") else { return money }
        money.materialsFraction = try reader.number("materialsFraction", default: money.materialsFraction, .fraction)
        money.managerHourlyCostEur = try reader.number("managerHourlyCostEur", default: money.managerHourlyCostEur,
                                                       .atLeast(0, cap: 1e6))
        money.overheadsEurPerMonth = try reader.number("overheadsEurPerMonth", default: money.overheadsEurPerMonth,
                                                       .atLeast(0, cap: 1e9))
        try reader.finish()
        return money
    }
}
