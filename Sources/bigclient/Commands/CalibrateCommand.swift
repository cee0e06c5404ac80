import Foundation
import CompanyModel
import Experiments

/// `bigclient calibrate`: the model's status quo beside the firm's observed KPIs.
enum CalibrateCommand {
    static let spec = CommandSpec(
        name: "calibrate",
        summary: "Run the scenario's baseline over the observed period and set each observed KPI beside the simulated mean and the range of single replications, flagging those the model rarely produces.",
        positionals: [("SCENARIO", "scenario file (JSON5)")],
        options: [
            .init(name: "--observed", valueName: "KPIS.csv", help: "the firm's KPIs: a header kpi,observed and one row per KPI (results/README.md lists the names)"),
            .init(name: "--days", valueName: "D", help: "days the observation covers, simulated after the scenario's warm-up (default: the scenario's measured window)"),
            .init(name: "--replications", valueName: "N", help: "replications of the baseline (default 200)"),
            ExperimentOptions.seedOption, ExperimentOptions.jobsOption, ExperimentOptions.confidenceOption,
        ],
        flags: [
            .init(name: "--strict", help: "exit 1 when a KPI is flagged"),
        ])

    static func run(_ arguments: ParsedArguments) throws -> ExitCode {
        let path = arguments.positionals[0]
        guard let observedPath = arguments.value("--observed") else {
            throw CommandLineError.missingOption(command: "calibrate", option: "--observed", valueName: "KPIS.csv",
                                                 reason: "the firm's observed KPIs to compare with")
        }
        let days = try arguments.number("--days", in: 7...36_500)
        let replications = try arguments.integer("--replications", in: 2...1_000_000) ?? Calibration.defaultReplications
        let scenario = try ScenarioReader.load(contentsOf: path)
        let observed = try KPIFile.read(path: observedPath)
        if let days, scenario.simulation.effectiveDecisionDay + days > 36_500 {
            throw CommandLineError.invalidValue(option: "--days", value: String(days), allowed: "a period that ends within 36,500 days of the start")
        }
        ConsoleNotes.print(scenario.warnings, file: path)
        let confidence = try ExperimentOptions.confidence(arguments) ?? scenario.simulation.confidence
        let calibration = try Calibration.run(scenario: scenario, observed: observed, days: days, replications: replications,
                                              seed: try ExperimentOptions.seed(arguments) ?? scenario.simulation.seed,
                                              confidence: confidence, jobs: try ExperimentOptions.jobs(arguments),
                                              shouldStop: { Interruption.isRequested })
        Console.out(calibration.render(scenarioName: scenario.name, confidence: confidence))
        let flagged = calibration.rows.contains { !$0.plausible }
        return flagged && arguments.has("--strict") ? .failure : .success
    }
}
