import Foundation
import CompanyModel
import Experiments

/// `bigclient fit`: a scenario fragment from a firm's order log (and absence log).
enum FitCommand {
    static let spec = CommandSpec(
        name: "fit",
        summary: "Estimate the scenario's client groups (count, order rate, work content ranked over the model's families, lead times) and staff absence from an order log (and an absence log); print a commented scenario fragment.",
        positionals: [("ORDERS.csv", "order log: client, received, work_hours, due, delivered (results/README.md, \"Order and absence logs\")")],
        options: [
            .init(name: "--absences", valueName: "ABSENCES.csv", help: "absence log: person, kind, start, end (end empty while running)"),
            .init(name: "--group-by", valueName: "COLUMN", help: "the column naming each order's client group (default: group)"),
            .init(name: "--groups", valueName: "MAP.json5", help: "client groups by hand: { groupName: [\"client\", …], … } (clients not listed: unassigned)"),
            .init(name: "--key-group", valueName: "NAME", help: "the group that is the key client (default: a group named key)"),
            .init(name: "--people", valueName: "N", help: "people employed over the period, for absence rates (default: those in the absence log)"),
            .init(name: "--resamples", valueName: "B", help: "parametric-bootstrap resamples of the goodness-of-fit p-values (default 200)"),
            .init(name: "--out", valueName: "FRAGMENT.json5", help: "also write the fragment to this file (atomically)"),
        ],
        flags: [])

    static func run(_ arguments: ParsedArguments) throws -> ExitCode {
        let ordersPath = arguments.positionals[0]
        let resamples = try arguments.integer("--resamples", in: 1...100_000) ?? GoodnessOfFit.defaultResamples
        let people = try arguments.integer("--people", in: 1...1_000_000)
        let orders = try OrderLog.read(path: ordersPath)
        for w in orders.warnings { Console.error("warning: \(w)") }
        if orders.skippedRows > 0 { Console.error("warning: \(ordersPath): \(orders.skippedRows) row\(orders.skippedRows == 1 ? "" : "s") skipped") }
        let groupBy = arguments.value("--group-by")
        if let column = groupBy?.lowercased(), column != "group", !orders.extraColumns.contains(column) {
            throw CommandLineError.invalidValue(option: "--group-by", value: column,
                                                allowed: "a column of \(ordersPath): group" + orders.extraColumns.map { ", \($0)" }.joined())
        }
        var clientGroups: [String: String]?
        if let mapPath = arguments.value("--groups") {
            if groupBy != nil { throw CommandLineError.conflictingOptions("--groups", "--group-by") }
            clientGroups = try Self.groups(path: mapPath)
            let unlisted = Set(orders.rows.map(\.client)).subtracting(clientGroups!.keys)
            if !unlisted.isEmpty {
                Console.error("warning: \(mapPath): \(unlisted.count) client\(unlisted.count == 1 ? "" : "s") of \(ordersPath) in no group (e.g. \(unlisted.sorted().prefix(3).joined(separator: ", "))): they form the group 'unassigned'")
            }
        }
        let analysis = OrderLogAnalysis(orders, groupBy: groupBy, clientGroups: clientGroups, resamples: resamples)
        let keyGroup = arguments.value("--key-group") ?? (analysis.groups.contains { $0.name == "key" } ? "key" : nil)
        if let keyGroup, !analysis.groups.contains(where: { $0.name == keyGroup }) {
            throw CommandLineError.invalidValue(option: "--key-group", value: keyGroup,
                                                allowed: "one of the log's groups: " + analysis.groups.map(\.name).joined(separator: ", "))
        }
        var absences: AbsenceLogAnalysis?
        let absencesPath = arguments.value("--absences")
        if let absencesPath {
            let log = try AbsenceLog.read(path: absencesPath)
            for w in log.warnings { Console.error("warning: \(w)") }
            let counted = Set(log.rows.map(\.person)).count
            if people == nil {
                Console.error("warning: --people not given: absence rates use the \(counted) people who appear in \(absencesPath); people never absent make the true rates lower")
            }
            absences = AbsenceLogAnalysis(log, people: people ?? max(counted, 1), days: analysis.weeks * 7)
        }
        let fragment = ScenarioFragment.render(orders: analysis, absences: absences, ordersPath: ordersPath, absencesPath: absencesPath,
                                               keyGroup: keyGroup)
        if let out = arguments.value("--out") { try AtomicFile.write(fragment, to: out) }
        Console.out(String(fragment.dropLast()))
        return .success
    }

    /// `--groups MAP.json5`: an object from group name to a list of client names.
    static func groups(path: String) throws -> [String: String] {
        let tree = try ScenarioReader.parse(contentsOf: path)
        guard case .object(let groups) = tree else {
            throw ScenarioError(kind: .wrongType, file: path, value: tree.typeDescription, requirement: "be an object { groupName: [\"client\", …], … }")
        }
        var map: [String: String] = [:]
        for (group, value) in groups.sorted(by: { $0.key < $1.key }) {
            guard case .array(let clients) = value else {
                throw ScenarioError(kind: .wrongType, file: path, path: group, value: value.typeDescription, requirement: "be a list of client names")
            }
            for client in clients {
                guard case .string(let name) = client else {
                    throw ScenarioError(kind: .wrongType, file: path, path: group, value: client.typeDescription, requirement: "list client names as strings")
                }
                if let other = map[name] {
                    throw ScenarioError(kind: .outOfRange, file: path, path: group, value: name, requirement: "not list a client already in group '\(other)'")
                }
                map[name] = group
            }
        }
        return map
    }
}
