import Foundation
import CompanyModel

/// `bigclient merge`: rebuilds, from the folders of the shards of one sweep, exactly the files a
/// single unsharded run writes (rows in canonical order, summaries recomputed from the rows).
public enum SweepMerge {
    public enum Failure: Error, CustomStringConvertible {
        case noManifest(String)
        case mismatch(String)
        case shards(String)
        case incomplete(String)
        case unreadable(String)
        /// A shard's rows are damaged (a number that does not read, a key outside the plan).
        case damaged(String)
        case output(AtomicFile.Failure)

        public var description: String {
            switch self {
            case .noManifest(let dir): return "\(dir) has no readable sweep.json: it is not the output of 'bigclient sweep'"
            case .mismatch(let reason): return "these folders are not shards of one sweep: \(reason)"
            case .shards(let reason): return reason
            case .incomplete(let reason): return "the shards are incomplete: \(reason)"
            case .unreadable(let reason), .damaged(let reason): return reason
            case .output(let failure): return failure.description
            }
        }
    }

    /// Merges the shard folders `directories` into `folder` (opened, and so locked, by the
    /// caller; it must not be one of the inputs, see `sameFolder`).
    @discardableResult
    ///
    /// The merged files are written in `dialect`, or, when it is nil, in the shards' dialect.
    public static func merge(directories: [String], into folder: OutputFolder, dialect: CSVDialect? = nil) throws(Failure) -> SweepManifest {
        var manifests: [(String, SweepManifest)] = []
        for dir in directories {
            if access(dir + "/" + OutputFolder.stagingName, F_OK) == 0 {
                throw .unreadable("\(ScenarioError.printable(dir)) holds an unfinished commit (\(OutputFolder.stagingName)): its run was stopped while it installed its files; run its command again with --resume to finish it")
            }
            guard let m = try? SweepManifest.read(dir + "/sweep.json") else { throw .noManifest(ScenarioError.printable(dir)) }
            manifests.append((dir, m))
        }
        let reference = manifests[0].1
        // Each folder is read in its own dialect, but shards of one sweep are written in one:
        // a mix is most likely folders of two different runs.
        for (dir, m) in manifests where m.dialect != reference.dialect {
            throw .mismatch("\(ScenarioError.printable(manifests[0].0)) is written in the CSV dialect \(reference.dialect.rawValue) and \(ScenarioError.printable(dir)) in \(m.dialect.rawValue) (see their sweep.json): merge shards written with the same --csv-dialect")
        }
        for (dir, m) in manifests where m.fingerprint != reference.fingerprint {
            throw .mismatch("\(ScenarioError.printable(dir)) differs from \(ScenarioError.printable(manifests[0].0)): \(m.fingerprint.differences(from: reference.fingerprint).joined(separator: "; "))")
        }
        let shards = manifests.compactMap { Shard($0.1.shard) }
        guard shards.count == manifests.count, let count = shards.first?.count, shards.allSatisfy({ $0.count == count }) else {
            throw .shards("the folders come from different shard counts: \(manifests.map(\.1.shard).joined(separator: ", "))")
        }
        let present = Set(shards.map(\.index))
        guard present.count == shards.count else { throw .shards("a shard appears twice: \(manifests.map(\.1.shard).sorted().joined(separator: ", "))") }
        let missing = (1...count).filter { !present.contains($0) }
        guard missing.isEmpty else {
            throw .shards("missing shard\(missing.count > 1 ? "s" : "") \(missing.map { "\($0)/\(count)" }.joined(separator: ", ")) — run them, then merge all \(count)")
        }
        var rows = ReplicationRows()
        for (dir, m) in manifests {
            let part: ReplicationRows
            do {
                part = try finalRows(in: dir, manifest: m)
            } catch .damaged(let file, let line, let field, let problem) {
                throw .damaged("shard \(m.shard) is damaged: " + ReplicationRows.Failure.damaged(file: file, line: line, field: field, problem: problem).description
                               + ". Run that shard again (without --resume) into a new folder, then merge")
            } catch {
                throw .unreadable("shard \(m.shard): \(error)")
            }
            let duplicates = rows.merge(part)
            if let d = duplicates.first {
                throw .mismatch("point \(d.point), policy \(d.policy), replication \(d.replication) appears in two shards")
            }
        }
        let expected = reference.pointValues.count * reference.policies.count * reference.replications
        guard rows.results.count == expected else {
            throw .incomplete("\(rows.results.count) of \(expected) replication rows — was a shard interrupted? finish it with --resume")
        }
        var merged = reference
        merged.shard = Shard.whole.description
        merged.dialect = dialect ?? reference.dialect
        let tables = wholeTables(manifest: merged, rows: rows)
        var files: [(name: String, text: String)] = [("replications.csv", tables.replicationsCSV),
                                                     ("outcomes.csv", tables.outcomesCSV(shouldStop: { false })!),
                                                     ("summary.csv", tables.summaryCSV), ("comparison.csv", tables.comparisonCSV),
                                                     ("decision.csv", tables.decisionCSV)]
        if merged.timeseries { files.append(("timeseries.csv", tables.timeseriesCSV)) }
        files = files.map { (name: $0.name, text: merged.dialect.render($0.text)) }
        files.append((HTMLReport.fileName, HTMLReport.render(tables, manifest: merged)))
        files.append(("sweep.json", merged.json))
        var removing = ["run.json", SweepRunner.partialManifestName, SweepRunner.partialName, SweepRunner.seriesPartialName,
                        SweepRunner.outcomesPartialName]
        if !merged.timeseries { removing.append("timeseries.csv") }
        do {
            try folder.commit(files, removing: removing)
        } catch {
            throw .output(error)
        }
        return merged
    }

    /// The rows of the final files in `dir` (a shard's, or a whole run's), read strictly: every
    /// row must read and belong to `manifest`'s plan. What `merge` and `report` both read.
    static func finalRows(in dir: String, manifest m: SweepManifest) throws(ReplicationRows.Failure) -> ReplicationRows {
        try ReplicationRows.read(path: dir + "/replications.csv", seriesPath: m.timeseries ? dir + "/timeseries.csv" : nil,
                                 outcomesPath: dir + "/outcomes.csv", manifest: m, reading: .strict, dialect: m.dialect)
    }

    /// The tables of every point and replication of `manifest` (whole) from `rows`, with the
    /// manifest's names only (`namesOnlyScenario`): what `merge` writes and `report` renders.
    static func wholeTables(manifest: SweepManifest, rows: ReplicationRows) -> ResultTables {
        SweepRunner.assemble(manifest: manifest, scenarios: [namesOnlyScenario(manifest)], rows: rows, only: nil)!
    }

    /// True when the two paths name one folder (the same device and inode), so that `merge
    /// --out` onto one of its own shards is refused before it overwrites it.
    public static func sameFolder(_ a: String, _ b: String) -> Bool {
        var x = stat(), y = stat()
        guard stat(a, &x) == 0, stat(b, &y) == 0 else { return false }
        return x.st_dev == y.st_dev && x.st_ino == y.st_ino
    }

    /// A scenario with the manifest's policy names and baseline: the statistics need only those
    /// (and the confidence, from the manifest), not the model's parameters.
    static func namesOnlyScenario(_ m: SweepManifest) -> Scenario {
        let policies = JSONValue.object(Dictionary(uniqueKeysWithValues: m.policies.map { ($0, JSONValue.object([:])) }))
        let tree = JSONValue.object(["name": .string(m.scenarioName.isEmpty ? "merged" : m.scenarioName), "policies": policies,
                                     "baseline": .string(m.policies[0])])
        if let scenario = try? ScenarioReader.decode(tree, fileName: "merge") { return scenario }
        return (try? ScenarioReader.decode(.object([:]), fileName: "merge"))!
    }
}
