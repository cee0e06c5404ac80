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
        case output(AtomicFile.Failure)

        public var description: String {
            switch self {
            case .noManifest(let dir): return "\(dir) has no readable sweep.json: it is not the output of 'bigclient sweep'"
            case .mismatch(let reason): return "these folders are not shards of one sweep: \(reason)"
            case .shards(let reason): return reason
            case .incomplete(let reason): return "the shards are incomplete: \(reason)"
            case .unreadable(let reason): return reason
            case .output(let failure): return failure.description
            }
        }

        /// Missing or unreadable inputs (exit 66) versus output problems (73/74).
        public var isInputProblem: Bool {
            if case .output = self { return false }
            return true
        }
    }

    @discardableResult
    public static func merge(directories: [String], into out: String) throws(Failure) -> SweepManifest {
        var manifests: [(String, SweepManifest)] = []
        for dir in directories {
            guard let m = try? SweepManifest.read(dir + "/sweep.json") else { throw .noManifest(dir) }
            manifests.append((dir, m))
        }
        let reference = manifests[0].1
        for (dir, m) in manifests where m.fingerprint != reference.fingerprint {
            throw .mismatch("\(dir) differs from \(manifests[0].0) (scenario, parameters, policies, replications or seed)")
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
        var rows = ParsedRows()
        for (dir, m) in manifests {
            do {
                let part = try ParsedRows.read(path: dir + "/replications.csv", parameterCount: m.parameterNames.count,
                                               seriesPath: m.timeseries ? dir + "/timeseries.csv" : nil)
                let duplicates = rows.merge(part)
                if let d = duplicates.first { throw Failure.mismatch("row point \(d.point), policy \(d.policy), replication \(d.replication) appears twice") }
            } catch let failure as Failure {
                throw failure
            } catch {
                throw .unreadable("\(dir): \(error)")
            }
        }
        let expected = reference.pointValues.count * reference.policies.count * reference.replications
        guard rows.results.count == expected else {
            throw .incomplete("\(rows.results.count) of \(expected) replication rows — was a shard interrupted? finish it with --resume")
        }
        let namesOnly = namesOnlyScenario(reference)
        var merged = reference
        merged.shard = Shard.whole.description
        let tables = SweepRunner.assemble(manifest: merged, scenarios: [namesOnly], rows: rows, only: nil)
        do {
            try AtomicFile.createDirectory(out)
            try AtomicFile.write(tables.replicationsCSV, to: out + "/replications.csv")
            try AtomicFile.write(tables.summaryCSV, to: out + "/summary.csv")
            try AtomicFile.write(tables.comparisonCSV, to: out + "/comparison.csv")
            if merged.timeseries { try AtomicFile.write(tables.timeseriesCSV, to: out + "/timeseries.csv") }
            try AtomicFile.write(merged.json, to: out + "/sweep.json")
        } catch {
            throw .output(error)
        }
        return merged
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
