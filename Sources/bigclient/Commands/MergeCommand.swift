import CompanyModel
import Experiments

/// `bigclient merge`: combines the shards of one sweep into the files a single run writes.
enum MergeCommand {
    static let spec = CommandSpec(
        name: "merge",
        summary: "Merge the output folders of 'sweep --shard K/N' runs into the files a single run would write.",
        positionals: [("DIR", "output folders of the shards")],
        lastPositionalRepeats: true,
        options: [.init(name: "--out", valueName: "DIR", help: "where to write the merged files (required)"),
                  .init(name: "--csv-dialect", valueName: "D",
                        help: "CSV files of the merge: rfc4180 or excel-eu (default: the shards' dialect, which must be one)")],
        flags: [])

    static func run(_ arguments: ParsedArguments) throws -> ExitCode {
        guard let out = arguments.value("--out") else { throw CommandLineError.missingValue(option: "--out", valueName: "DIR") }
        let dialect = try ExperimentOptions.csvDialect(arguments)
        if let input = arguments.positionals.first(where: { SweepMerge.sameFolder($0, out) }) {
            throw CommandLineError.invalidValue(option: "--out", value: out,
                                                allowed: "it is the input folder \(ScenarioError.printable(input)); write the merged files to a new folder")
        }
        let folder = try OutputFolder.open(out)
        defer { folder.release() }
        let manifest = try SweepMerge.merge(directories: arguments.positionals, into: folder, dialect: dialect)
        Console.out("Merged \(arguments.positionals.count) shard folders of '\(ScenarioError.printable(manifest.scenarioName))' (\(manifest.pointValues.count) points × \(manifest.policies.count) policies × \(manifest.replications) replications) into \(ScenarioError.printable(out))/")
        return .success
    }
}
