import Foundation
import Testing

/// Files written by a version with other metric columns are refused by name, never read
/// silently into the wrong columns: `--resume` and `merge` check the header.
@Suite("bigclient binary: files of a version with other columns")
struct ColumnChangeBinaryTests {
    static let run = ["run", "scenarios/small-shop.json5", "--replications", "2", "--horizon-days", "60", "--warmup-days", "10",
                      "--jobs", "1", "--quiet"]

    /// Rewrites a CSV file of plain fields without one column, as a version without that
    /// metric wrote it.
    static func drop(column: String, in file: URL, to target: URL) throws {
        let lines = try String(contentsOf: file, encoding: .utf8).split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        let index = try #require(lines[0].firstIndex(of: Substring(column)))
        let text = lines.map { fields in fields.enumerated().filter { $0.offset != index }.map(\.element).joined(separator: ",") }
            .joined(separator: "\n") + "\n"
        try text.write(to: target, atomically: true, encoding: .utf8)
    }

    @Test("--resume and merge refuse rows without the columns of this version (wip_value_eur), naming the file")
    func olderColumnsAreRefused() throws {
        let root = try BinaryRunner.scratchDirectory("columns")
        defer { try? FileManager.default.removeItem(at: root) }
        let whole = root.appendingPathComponent("whole")
        let first = try BinaryRunner.run(Self.run + ["--out", whole.path])
        #expect(first.status == 0, "\(first.stderr)")

        let old = root.appendingPathComponent("old")
        try FileManager.default.createDirectory(at: old, withIntermediateDirectories: true)
        for (final, partial) in [("replications.csv", "replications.partial.csv"), ("outcomes.csv", "outcomes.partial.csv")] {
            try Self.drop(column: "wip_value_eur", in: whole.appendingPathComponent(final), to: old.appendingPathComponent(partial))
        }
        try FileManager.default.copyItem(at: whole.appendingPathComponent("sweep.json"), to: old.appendingPathComponent("sweep.partial.json"))
        let resume = try BinaryRunner.run(Self.run + ["--out", old.path, "--resume"])
        #expect(resume.status == 65, "\(resume.stderr)")
        #expect(resume.stderr.contains("replications.partial.csv") && resume.stderr.contains("unexpected columns"), "\(resume.stderr)")

        let shard = root.appendingPathComponent("shard")
        try FileManager.default.copyItem(at: whole, to: shard)
        for file in ["replications.csv", "outcomes.csv"] {
            let url = shard.appendingPathComponent(file)
            try Self.drop(column: "wip_value_eur", in: url, to: url)
        }
        let merge = try BinaryRunner.run(["merge", shard.path, "--out", root.appendingPathComponent("merged").path])
        #expect(merge.status != 0)
        #expect(merge.stderr.contains("replications.csv") && merge.stderr.contains("unexpected columns"), "\(merge.stderr)")
    }
}
