import Experiments

/// `bigclient merge`: combines the shards of one sweep into the files a single run writes.
enum MergeCommand {
    static let spec = CommandSpec(
        name: "merge",
        summary: "Merge the output folders of 'sweep --shard K/N' runs into the files a single run would write.",
        positionals: [("DIR", "output folders of the shards")],
        lastPositionalRepeats: true,
        options: [.init(name: "--out", valueName: "DIR", help: "where to write the merged files (required)")],
        flags: [])

    static func run(_ arguments: ParsedArguments) throws -> ExitCode {
        guard let out = arguments.value("--out") else { throw CommandLineError.missingValue(option: "--out", valueName: "DIR") }
        do {
            let manifest = try SweepMerge.merge(directories: arguments.positionals, into: out)
            Console.out("Merged \(arguments.positionals.count) shard folders of '\(manifest.scenarioName)' (\(manifest.pointValues.count) points × \(manifest.policies.count) policies × \(manifest.replications) replications) into \(out)/")
            return .success
        } catch {
            throw SweepFailure(message: error.description, exitCode: error.isInputProblem ? .noInput : .cannotCreate)
        }
    }
}
