import Foundation
import CompanyModel
import Experiments
import SimulationKernel

/// `bigclient trace`: one replication's event log as CSV on stdout, or (`--records DIR`) its
/// order and absence logs as a firm would keep them (`RecordExport`).
enum TraceCommand {
    static let spec = CommandSpec(
        name: "trace",
        summary: "Print one replication's event log as CSV (time, event, order, client, technician, details).",
        positionals: [("SCENARIO", "scenario file (JSON5)")],
        options: [
            .init(name: "--policy", valueName: "P", help: "policy to simulate (default: the baseline)"),
            .init(name: "--replication", valueName: "R", help: "replication index (default 0)"),
            .init(name: "--seed", valueName: "S", help: "master seed (default: the scenario's)"),
            .init(name: "--outcome", valueName: "O", help: "the key client's response to simulate (a branch: leaves, leavesLater, reducesVolume or accepts, as the policy declares; default: the one its draw gives)"),
            .init(name: "--records", valueName: "DIR", help: "instead of the event log, write the replication's order log DIR/orders.csv and absence log DIR/absences.csv (below)"),
        ],
        flags: [],
        notes: [
            """
            With --records DIR, two CSV files (RFC 4180, '.' decimals, written atomically) that
            `bigclient fit` will read (results/README.md, "Order and absence logs"). Dates are local,
            from calendar.startDate; times to the minute.

            DIR/orders.csv, one row per order that arrived during the run, in arrival order:
              order       the order's number, 1, 2, ... in order of arrival (not the event log's
                          'order' column, a slot reused after delivery)
              client      the client: group name and ordinal in the group (regular-07, key-00)
              group       the client's group (a clients.<name> of the scenario)
              received    when it arrived, 2027-01-04T09:13:00
              work_hours  its work content, technician-hours (two decimals)
              due         its due date-time
              delivered   when it was delivered; empty while still open at the horizon
              rush        true for a rush order, else false
            Orders open at the start (startingState) are left out, with their deliveries.

            DIR/absences.csv, one row per sick or burn-out leave (annual leave is not an absence):
              person      technician-03 (a replacement takes the slot of the one who resigned),
                          account-manager-0 (the key client's first), production-manager
              kind        sick or burnout
              start       the first day absent, 2027-03-02
              end         the last day absent; empty when still running at the horizon, or when
                          the person left the company during it (right-censored)
              days        the leave's length in calendar days (two decimals); for a censored row,
                          the days observed until the horizon (or the departure)
            """,
        ])

    static func run(_ arguments: ParsedArguments) throws -> ExitCode {
        let scenario = try ScenarioReader.load(contentsOf: arguments.positionals[0])
        let replication = try arguments.integer("--replication", in: 0...1_000_000_000) ?? 0
        let seed = try arguments.integer("--seed", in: 0...Int(RandomStream.maxMasterSeed)).map(UInt64.init)
        let model = try CompanySimulation(scenario: scenario, policy: arguments.value("--policy") ?? scenario.baseline)
        var outcome: Int?
        if let name = arguments.value("--outcome") {
            let names = model.outcomes.map(\.name)
            guard let index = names.firstIndex(of: name) else {
                let allowed = names.isEmpty
                    ? "none: the policy '\(model.policyName)' keeps the baseline's terms, so the key client does not respond"
                    : "one of the policy's possible outcomes: " + names.joined(separator: ", ")
                        + (Spelling.suggestion(for: name, among: names).map { ". Did you mean '\($0)'?" } ?? "")
                throw CommandLineError.invalidValue(option: "--outcome", value: name, allowed: allowed)
            }
            outcome = index
        }
        let (_, log) = model.trace(replication: replication, seed: seed, outcome: outcome)
        guard let directory = arguments.value("--records") else {
            Console.write(TraceCSV.render(log), to: STDOUT_FILENO)
            return .success
        }
        let logs = RecordExport.logs(from: log, scenario: scenario)
        let folder = try OutputFolder.open(directory)
        defer { folder.release() }
        try folder.commit([("orders.csv", logs.orders), ("absences.csv", logs.absences)], removing: [])
        let shown = ScenarioError.printable(directory)
        Console.out("\(shown)/orders.csv: \(logs.orderCount) order\(logs.orderCount == 1 ? "" : "s") (\(logs.deliveredCount) delivered, "
            + "\(logs.orderCount - logs.deliveredCount) open at the horizon)")
        Console.out("\(shown)/absences.csv: \(logs.absenceCount) absence\(logs.absenceCount == 1 ? "" : "s") "
            + "(\(logs.censoredAbsenceCount) still running at the horizon or cut by a departure)")
        return .success
    }
}
