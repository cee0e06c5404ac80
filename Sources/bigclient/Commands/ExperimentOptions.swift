import Foundation
import CompanyModel
import Experiments
import SimulationKernel

/// The options `run`, `sweep` and `breakeven` share, declared and read once, so their help,
/// their parsing and their messages agree: the same bad value gets the same message and exit
/// status from every command.
enum ExperimentOptions {
    /// Simulation settings the command line may override; they are patched into the scenario
    /// tree, and the scenario's own rules judge them (`tree(_:path:)`).
    static let overrides: [(option: CommandSpec.Option, field: String)] = [
        (.init(name: "--horizon-days", valueName: "D", help: "override simulation.horizonDays"), "simulation.horizonDays"),
        (.init(name: "--warmup-days", valueName: "W", help: "override simulation.warmupDays (and the default decision day)"),
         "simulation.warmupDays"),
    ]

    static let replicationsOption = CommandSpec.Option(
        name: "--replications", valueName: "N", help: "replications per policy (and per point of a sweep; default: the scenario's)")
    static let seedOption = CommandSpec.Option(name: "--seed", valueName: "S", help: "master seed (default: the scenario's)")
    static let jobsOption = CommandSpec.Option(
        name: "--jobs", valueName: "J", help: "worker threads (default: the number of cores); results do not depend on it")
    static let confidenceOption = CommandSpec.Option(
        name: "--confidence", valueName: "C", help: "confidence level of the intervals, e.g. 0.95 (default: the scenario's)")

    static let csvDialectOption = CommandSpec.Option(
        name: "--csv-dialect", valueName: "D",
        help: "CSV files: rfc4180 (',' and '.' decimals; default) or excel-eu (';' and ',' decimals, for European spreadsheets); recorded in sweep.json, so merge, --resume and report read the folder back")

    static let common: [CommandSpec.Option] = [
        replicationsOption, seedOption, jobsOption,
        .init(name: "--out", valueName: "DIR", help: "output directory (default: results/<scenario name>)"),
        .init(name: "--policy", valueName: "P", help: "run only this policy, besides the baseline (repeatable)", repeatable: true),
    ] + overrides.map(\.option) + [confidenceOption, csvDialectOption, ConfirmHugeWork.option]

    static let flags: [CommandSpec.Flag] = [
        .init(name: "--resume", help: "continue an interrupted run in the same --out directory without redoing finished work"),
        .init(name: "--timeseries", help: "also write weekly series to timeseries.csv"),
        .init(name: "--sample-outcomes", help: "draw one outcome of the key client's response per replication instead of simulating every outcome (for comparison)"),
        .init(name: "--quiet", help: "no progress and no report; files only"),
        .init(name: "--yes", help: "run even when the estimated work exceeds an hour of CPU (or --confirm-above), or the memory"),
    ]

    /// The scenario file's tree, with the overrides patched in. The file is judged as written
    /// first (its own mistakes are its own, exit 65); then the patched tree, whose new
    /// mistakes are the command line's (exit 64), in the scenario's words.
    static func tree(_ arguments: ParsedArguments, path: String) throws -> JSONValue {
        let tree = try ScenarioReader.parse(contentsOf: path)
        guard overrides.contains(where: { arguments.value($0.option.name) != nil }) else { return tree }
        _ = try ScenarioReader.decode(tree, fileName: path)   // the file's own mistakes first
        var patched = tree
        var given: [(option: String, field: String, text: String)] = []
        for (option, field) in overrides {
            guard let text = arguments.value(option.name) else { continue }
            guard let number = Double(text), number.isFinite else {
                throw CommandLineError.invalidValue(option: option.name, value: text, allowed: "a number of days")
            }
            do {
                patched = try ParameterPath(field).patch(patched, with: .number(number))
            } catch {
                throw CommandLineError.invalidValue(option: option.name, value: text, allowed: error.description)
            }
            given.append((option.name, field, text))
        }
        do {
            _ = try ScenarioReader.decode(patched, fileName: path)
        } catch {
            let culprit = given.first { $0.field == error.path } ?? given[0]
            throw CommandLineError.invalidValue(option: culprit.option, value: culprit.text, allowed: error.problem)
        }
        return patched
    }

    /// `--sample-outcomes`: one drawn outcome per replication; else outcome branches.
    static func outcomeMode(_ arguments: ParsedArguments) -> OutcomeMode {
        arguments.has("--sample-outcomes") ? .sampled : .branches
    }

    /// `--metric M`, with "did you mean" for a misspelt name.
    static func metric(_ arguments: ParsedArguments) throws(CommandLineError) -> Metric? {
        guard let name = arguments.value("--metric") else { return nil }
        if let metric = Metric.allCases.first(where: { $0.name == name }) { return metric }
        let suggestion = Spelling.suggestion(for: name, among: Metric.allCases.map(\.name))
        throw .invalidValue(option: "--metric", value: name,
                            allowed: "a metric name such as profit_eur (results/README.md lists them all)"
                                + (suggestion.map { ". Did you mean '\($0)'?" } ?? ""))
    }

    /// `--csv-dialect D`, with "did you mean" for a misspelt name; nil when not given.
    static func csvDialect(_ arguments: ParsedArguments) throws(CommandLineError) -> CSVDialect? {
        guard let name = arguments.value("--csv-dialect") else { return nil }
        if let dialect = CSVDialect(rawValue: name) { return dialect }
        let suggestion = Spelling.suggestion(for: name, among: CSVDialect.allCases.map(\.rawValue))
        throw .invalidValue(option: "--csv-dialect", value: name,
                            allowed: CSVDialect.allowed + (suggestion.map { ". Did you mean '\($0)'?" } ?? ""))
    }

    static func replications(_ arguments: ParsedArguments, minimum: Int = 1) throws(CommandLineError) -> Int? {
        try arguments.integer("--replications", in: minimum...1_000_000)
    }

    static func seed(_ arguments: ParsedArguments) throws(CommandLineError) -> UInt64? {
        try arguments.integer("--seed", in: 0...Int(RandomStream.maxMasterSeed)).map(UInt64.init)
    }

    static func jobs(_ arguments: ParsedArguments) throws(CommandLineError) -> Int {
        try arguments.integer("--jobs", in: 1...1024) ?? ProcessInfo.processInfo.activeProcessorCount
    }

    static func confidence(_ arguments: ParsedArguments) throws(CommandLineError) -> Double? {
        try arguments.number("--confidence", in: 0.5...0.9999)
    }

    /// `--policy` names, each one of the scenario's ("did you mean" otherwise; exit 64).
    static func policies(_ arguments: ParsedArguments, in scenario: Scenario) throws -> [String] {
        let names = arguments.allValues("--policy")
        for name in names where scenario.policies[name] == nil {
            throw CompanySimulation.Failure.unknownPolicy(name, known: scenario.policyNames)
        }
        return names
    }
}
