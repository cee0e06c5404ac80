import Foundation
import CompanyModel

/// `sweep.json`: the plan of a sweep (or shard of one), so that `merge` and `--resume` can
/// check that files belong together and rebuild exactly what a single run writes.
public struct SweepManifest: Codable, Sendable, Equatable {
    public var tool = "bigclient"
    public var version: String
    public var scenarioName: String
    public var scenarioSHA256: String
    public var design: String
    public var parameterNames: [String]
    public var pointValues: [[String]]
    public var policies: [String]
    public var replications: Int
    public var seed: UInt64
    public var confidence: Double
    public var timeseries: Bool
    /// "K/N"; "1/1" for an unsharded run.
    public var shard: String
    /// `run --precision`: "metric relative from initial"; `replications` is then the cap.
    /// Absent otherwise (and from files of earlier versions).
    public var precision: String?
    /// "branches" (every outcome of the key client's response simulated) or "sampled"
    /// (`--sample-outcomes`).
    public var outcomes: String
    /// The dialect of the folder's finished CSV files (`--csv-dialect`); absent for RFC 4180
    /// (the default, and every file of earlier versions). Partial row files are always RFC 4180.
    /// Not part of the plan: shards must agree on it (`merge` says so), a resume may change it.
    public var csvDialect: CSVDialect?

    /// The dialect of the finished CSV files.
    public var dialect: CSVDialect {
        get { csvDialect ?? .rfc4180 }
        set { csvDialect = newValue == .rfc4180 ? nil : newValue }
    }

    public init(version: String, scenarioName: String, scenarioSHA256: String, design: String, parameterNames: [String],
                pointValues: [[String]], policies: [String], replications: Int, seed: UInt64, confidence: Double,
                timeseries: Bool, shard: String, precision: String? = nil, outcomes: OutcomeMode = .branches,
                dialect: CSVDialect = .rfc4180) {
        self.version = version
        self.scenarioName = scenarioName
        self.scenarioSHA256 = scenarioSHA256
        self.design = design
        self.parameterNames = parameterNames
        self.pointValues = pointValues
        self.policies = policies
        self.replications = replications
        self.seed = seed
        self.confidence = confidence
        self.timeseries = timeseries
        self.shard = shard
        self.precision = precision
        self.outcomes = outcomes.rawValue
        self.dialect = dialect
    }

    /// Everything but the shard: what every shard of one sweep shares.
    public var fingerprint: SweepManifest {
        var copy = self
        copy.shard = ""
        copy.csvDialect = nil
        return copy
    }

    /// The settings in which `self` differs from `other`, each as "name: other's → self's",
    /// for a refused resume or merge to say which one.
    public func differences(from other: SweepManifest) -> [String] {
        func field<T: Equatable>(_ name: String, _ a: T, _ b: T, _ show: (T) -> String) -> String? {
            a == b ? nil : "\(name) \(show(b)) before, \(show(a)) now"
        }
        func list(_ values: [String]) -> String { "[" + values.joined(separator: ", ") + "]" }
        return [
            field("bigclient version", version, other.version) { $0 },
            field("scenario name", scenarioName, other.scenarioName) { "'\($0)'" },
            field("scenario file (SHA-256)", scenarioSHA256, other.scenarioSHA256) { String($0.prefix(12)) },
            field("design", design, other.design) { $0 },
            field("swept parameters", parameterNames, other.parameterNames, list),
            field("points", pointValues, other.pointValues) { "\($0.count) points" + ($0.count < 6 ? " " + $0.map(list).joined(separator: " ") : "") },
            field("policies", policies, other.policies, list),
            field("replications", replications, other.replications) { String($0) },
            field("seed", seed, other.seed) { String($0) },
            field("confidence", confidence, other.confidence) { "\($0)" },
            field("--timeseries", timeseries, other.timeseries) { $0 ? "on" : "off" },
            field("shard", shard, other.shard) { $0 },
            field("--precision", precision, other.precision) { $0 ?? "none" },
            field("outcomes", outcomes, other.outcomes) { $0 == OutcomeMode.sampled.rawValue ? "sampled (--sample-outcomes)" : $0 },
        ].compactMap { $0 }.map { ScenarioError.printable($0) }
    }

    public var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return (try? String(decoding: encoder.encode(self), as: UTF8.self)).map { $0 + "\n" } ?? "{}\n"
    }

    public static func read(_ path: String) throws -> SweepManifest {
        try JSONDecoder().decode(SweepManifest.self, from: Data(contentsOf: URL(fileURLWithPath: path)))
    }
}

/// `--shard K/N`: this process runs the tasks whose index i (points × replications, in order)
/// satisfies i mod N = K − 1. Interleaving spreads slow and fast points over the shards.
public struct Shard: Hashable, Sendable, CustomStringConvertible {
    public var index: Int
    public var count: Int

    public static let whole = Shard(index: 1, count: 1)

    public init(index: Int, count: Int) {
        self.index = index
        self.count = count
    }

    /// Parses "K/N" with 1 ≤ K ≤ N ≤ 100,000.
    public init?(_ text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let k = Int(parts[0]), let n = Int(parts[1]), n >= 1, n <= 100_000, k >= 1, k <= n else { return nil }
        index = k
        count = n
    }

    public func owns(task: Int) -> Bool { task % count == index - 1 }
    public var description: String { "\(index)/\(count)" }
}
