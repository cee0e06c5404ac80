import CompanyModel
import Experiments

/// `bigclient report`: rebuilds DIR/report.html from the files in DIR (after a merge made
/// elsewhere, an upgrade, or a deleted page), byte-identical to the one the run wrote.
enum ReportCommand {
    static let spec = CommandSpec(
        name: "report",
        summary: "Rebuild DIR/report.html (the self-contained HTML report) from the result files in DIR.",
        positionals: [("DIR", "output folder of 'run', 'sweep' or 'merge' (a whole result, not one shard)")],
        options: [],
        flags: [])

    static func run(_ arguments: ParsedArguments) throws -> ExitCode {
        let directory = arguments.positionals[0]
        // Checked before the folder is opened, so that a mistyped DIR is reported (66), not created.
        _ = try ReportRebuild.tables(in: directory)
        let folder = try OutputFolder.open(directory)
        defer { folder.release() }
        try ReportRebuild.rebuild(into: folder)
        Console.out("Wrote \(ScenarioError.printable(directory))/\(HTMLReport.fileName)")
        return .success
    }
}
