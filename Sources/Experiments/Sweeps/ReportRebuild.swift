import Foundation
import CompanyModel

/// `bigclient report DIR`: rebuilds `DIR/report.html` from the files in DIR, read as `merge`
/// reads a shard (`sweep.json`, then every row of `replications.csv` and `outcomes.csv`,
/// strictly), so the page is byte-identical to the one `run`, `sweep` or `merge` wrote there.
public enum ReportRebuild {
    public enum Failure: Error, CustomStringConvertible {
        /// DIR, or one of its files, is missing or unreadable.
        case missing(String)
        /// DIR holds one shard (or an unfinished run): there is no whole result to report on.
        case notWhole(String)
        /// A row of the files does not read, or does not belong to the plan.
        case damaged(String)
        case output(AtomicFile.Failure)

        public var description: String {
            switch self {
            case .missing(let reason), .notWhole(let reason), .damaged(let reason): return reason
            case .output(let failure): return failure.description
            }
        }
    }

    /// Checks that `directory` holds a whole result and returns its plan and tables.
    public static func tables(in directory: String) throws(Failure) -> (manifest: SweepManifest, tables: ResultTables) {
        let shown = ScenarioError.printable(directory)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) else {
            throw .missing("\(shown): no such folder")
        }
        guard isDirectory.boolValue else { throw .missing("\(shown) is not a folder: give the output folder of 'bigclient run', 'sweep' or 'merge'") }
        let manifestPath = directory + "/sweep.json"
        guard access(manifestPath, F_OK) == 0 else {
            let partial = access(directory + "/" + SweepRunner.partialManifestName, F_OK) == 0
            throw partial ? .notWhole("\(shown) holds an unfinished run (\(SweepRunner.partialManifestName)): finish it with the same command and --resume; it writes report.html itself")
                : .missing("\(shown) has no sweep.json: it is not the output folder of 'bigclient run', 'sweep' or 'merge'")
        }
        let manifest: SweepManifest
        do { manifest = try SweepManifest.read(manifestPath) } catch {
            throw .damaged("\(ScenarioError.printable(manifestPath)) does not read as the plan of a bigclient run: \(error.localizedDescription)")
        }
        guard manifest.shard == Shard.whole.description else {
            throw .notWhole("\(shown) holds shard \(manifest.shard) of a sweep, not the whole result: merge all the shards ('bigclient merge DIR... --out DIR'), which writes report.html")
        }
        for name in ["replications.csv", "outcomes.csv"] + (manifest.timeseries ? ["timeseries.csv"] : [])
        where access(directory + "/" + name, R_OK) != 0 {
            throw .missing("\(shown) has no readable \(name): rerun the command that wrote the folder (with --resume, it rebuilds the files from the rows kept)")
        }
        let rows: ReplicationRows
        do {
            rows = try SweepMerge.finalRows(in: directory, manifest: manifest)
        } catch .unreadable(let path, let reason) {
            throw .missing(ReplicationRows.Failure.unreadable(path, reason).description)
        } catch {
            throw .damaged("\(error); the files in \(shown) were edited or damaged: rerun the command that wrote them")
        }
        let expected = manifest.pointValues.count * manifest.policies.count * manifest.replications
        guard rows.results.count == expected else {
            throw .notWhole("\(shown)/replications.csv has \(rows.results.count) of the \(expected) rows its sweep.json plans: rerun the command that wrote the folder")
        }
        return (manifest, SweepMerge.wholeTables(manifest: manifest, rows: rows))
    }

    /// Rebuilds `report.html` in `folder` (opened, and so locked, by the caller) as one atomic
    /// commit; returns the page.
    @discardableResult
    public static func rebuild(into folder: OutputFolder) throws(Failure) -> String {
        let (manifest, tables) = try tables(in: folder.path)
        let page = HTMLReport.render(tables, manifest: manifest)
        do { try folder.commit([(HTMLReport.fileName, page)], removing: []) } catch { throw .output(error) }
        return page
    }
}
