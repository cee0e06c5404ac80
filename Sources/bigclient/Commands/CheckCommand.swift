import Foundation
import CompanyModel
import Experiments

/// `bigclient check`: validates a scenario, then prints derived figures per policy.
enum CheckCommand {
    static let spec = CommandSpec(
        name: "check",
        summary: "Validate a scenario, then print offered load, capacity, utilisation and key-client shares per policy.",
        positionals: [("SCENARIO", "scenario file (JSON5)")],
        options: [],
        flags: [])

    static func run(_ arguments: ParsedArguments) throws -> ExitCode {
        let path = arguments.positionals[0]
        // Parsed once: the tree serves the scenario and its sweep section.
        let tree: JSONValue
        let scenario: Scenario
        do {
            tree = try ScenarioReader.parse(contentsOf: path)
            scenario = try ScenarioReader.decode(tree, fileName: path)
        } catch {
            throw ScenarioFailure(error: error)
        }
        var lines = [
            "\(path): valid scenario '\(scenario.name)'",
            "  \(scenario.technicians.count) technicians, \(scenario.clients.values.reduce(0) { $0 + $1.count }) clients in \(scenario.clients.count) groups, policies: \(scenario.policyNames.joined(separator: ", ")) (baseline \(scenario.baseline))",
            "  horizon \(format(scenario.simulation.horizonDays)) days, warm-up \(format(scenario.simulation.warmupDays)) days, decision day \(format(scenario.simulation.effectiveDecisionDay)), \(scenario.simulation.replications) replications, seed \(scenario.simulation.seed)",
            "",
            "  policy            offered h/week  capacity h/week  utilisation  key share of demand  key share of revenue",
        ]
        var warnings: [String] = []
        for name in scenario.policyNames {
            guard let f = scenario.figures(for: name) else { continue }
            lines.append("  " + name.padding(toLength: 16, withPad: " ", startingAt: 0)
                + String(format: "  %14.4g  %15.4g  %11.3g  %19.1f%%  %20.1f%%", f.offeredHoursPerWeek, f.capacityHoursPerWeek,
                         f.utilisation, 100 * f.keyShareOfDemand, 100 * f.keyShareOfRevenue))
            if f.utilisation >= 1 {
                warnings.append("warning: policy '\(name)': utilisation \(String(format: "%.3g", f.utilisation)) ≥ 1 — demand exceeds contract capacity, the backlog will grow unless overtime covers it (replications stop as 'runaway' beyond simulation.maxBacklogOrders = \(scenario.simulation.maxBacklogOrders))")
            }
        }
        if let sweep = try sweepSummary(path: path, tree: tree, scenario: scenario) { lines += ["", sweep] }
        lines.append("")
        lines.append("  Key-client share of revenue vs. concentration thresholds: 10 % disclosure (IFRS 8, ASC 280), 20–25 % lender flag, ≈ 30 % economic dependence.")
        Console.out(lines.joined(separator: "\n"))
        for warning in warnings { Console.error(warning) }
        return .success
    }

    /// Checks the file's `sweep` section the way `bigclient sweep` will read it (paths, values,
    /// design, every point a valid scenario), so a broken section is found before the sweep.
    static func sweepSummary(path: String, tree: JSONValue, scenario: Scenario) throws -> String? {
        let section: SweepSection
        do {
            guard let read = try SweepSection.read(tree, fileName: path) else { return nil }
            section = read
        } catch {
            throw SweepFailure(message: error.description, exitCode: .dataError)
        }
        let design = section.design ?? .grid
        let plan: SweepPlan
        do {
            plan = try SweepPlan.make(tree: tree, fileName: path, parameters: section.parameters, design: design,
                                      samples: section.samples ?? 0, seed: scenario.simulation.seed)
        } catch {
            throw SweepFailure(message: "\(path): sweep.vary must lead to valid scenarios: \(error.description)", exitCode: .dataError)
        }
        return "  sweep section: \(plan.scenarios.count) points (\(design.rawValue)) over \(plan.parameterNames.joined(separator: ", ")); run it with 'bigclient sweep \(path)'"
    }

    static func format(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(format: "%.2f", value)
    }
}
