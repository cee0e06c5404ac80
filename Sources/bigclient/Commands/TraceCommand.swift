import Foundation
import CompanyModel
import SimulationKernel

/// `bigclient trace`: one replication's event log as CSV on stdout.
enum TraceCommand {
    static let spec = CommandSpec(
        name: "trace",
        summary: "Print one replication's event log as CSV (time, event, order, client, technician, details).",
        positionals: [("SCENARIO", "scenario file (JSON5)")],
        options: [
            .init(name: "--policy", valueName: "P", help: "policy to simulate (default: the baseline)"),
            .init(name: "--replication", valueName: "R", help: "replication index (default 0)"),
            .init(name: "--seed", valueName: "S", help: "master seed (default: the scenario's)"),
        ],
        flags: [])

    static func run(_ arguments: ParsedArguments) throws -> ExitCode {
        let scenario = try ScenarioLoading.load(arguments.positionals[0])
        let replication = try arguments.integer("--replication", in: 0...1_000_000_000) ?? 0
        let seed = try arguments.integer("--seed", in: 0...Int(RandomStream.maxMasterSeed)).map(UInt64.init)
        let model = try ScenarioLoading.simulation(scenario, policy: arguments.value("--policy") ?? scenario.baseline)
        let (_, log) = model.trace(replication: replication, seed: seed)
        var text = TraceRecord.csvHeader + "\n"
        for record in log {
            text += String(format: "%.4f,%d,", record.timeHours, Int(record.timeHours / 24))
            text += [record.event, field(record.order), field(record.client), field(record.technician), record.details]
                .map(CSVField.escape).joined(separator: ",")
            text += "\n"
        }
        Console.write(text, to: STDOUT_FILENO)
        return .success
    }

    static func field(_ index: Int) -> String { index >= 0 ? String(index) : "" }
}

/// RFC 4180 quoting: fields with a comma, quote or line break are quoted, quotes doubled.
enum CSVField {
    static func escape(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
