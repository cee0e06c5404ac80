import Foundation
import CompanyModel
import Experiments

/// `bigclient check`: validates a scenario, then prints derived figures per policy.
enum CheckCommand {
    static let spec = CommandSpec(
        name: "check",
        summary: "Validate a scenario, then print offered load, capacity, utilisation and key-client shares per policy, and check the warm-up (MSER-5 on a pilot).",
        positionals: [("SCENARIO", "scenario file (JSON5)")],
        options: [],
        flags: [])

    static func run(_ arguments: ParsedArguments) throws -> ExitCode {
        let path = arguments.positionals[0]
        // Parsed once: the tree serves the scenario and its sweep section.
        let tree: JSONValue
        let scenario: Scenario
        tree = try ScenarioReader.parse(contentsOf: path)
        scenario = try ScenarioReader.decode(tree, fileName: path)
        let sweep = try sweepSummary(path: path, tree: tree, scenario: scenario)
        // The pilot honours Ctrl-C; interrupted, the report goes without its line.
        let warmup = WarmupCheck.run(scenario: scenario, jobs: ProcessInfo.processInfo.activeProcessorCount,
                                     shouldStop: { Interruption.isRequested })
        Console.out(CheckReport.render(path: path, scenario: scenario, sweepSummary: sweep?.summary, warmup: warmup?.summary))
        if let plan = sweep?.plan {
            ConsoleNotes.print(warningsOf: scenario, plan: plan, file: path)
        } else {
            ConsoleNotes.print(scenario.warnings, file: path)
        }
        if let warning = warmup?.warning(file: path, scenario: scenario) { Console.error(warning) }
        return .success
    }
    /// Checks the file's `sweep` section the way `bigclient sweep` will read it (paths, values,
    /// design, every point a valid scenario), so a broken section is found before the sweep;
    /// the plan serves the points' warnings, as `sweep` prints them.
    static func sweepSummary(path: String, tree: JSONValue, scenario: Scenario) throws -> (summary: String, plan: SweepPlan)? {
        let section: SweepSection
        guard let read = try SweepSection.read(tree, fileName: path) else { return nil }
        section = read
        let design = section.design ?? .grid
        let plan: SweepPlan
        do {
            plan = try SweepPlan.make(tree: tree, fileName: path, parameters: section.parameters, design: design,
                                      samples: section.samples ?? 0, seed: scenario.simulation.seed)
        } catch {
            throw CommandFailure(message: "\(path): sweep.vary must lead to valid scenarios: \(error.description)", status: .dataError)
        }
        return ("  sweep section: \(plan.scenarios.count) points (\(design.rawValue)) over \(plan.parameterNames.joined(separator: ", ")); run it with 'bigclient sweep \(path)'", plan)
    }
}
