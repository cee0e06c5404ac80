import Foundation
import Testing

/// The negotiation through the built binary: outcome branches and sampled outcomes in the
/// files, and the closed-form break-even of an outcome probability written to breakeven.csv.
@Suite("bigclient binary: the key client's response")
struct NegotiationBinaryTests {
    static let run = ["run", "scenarios/historic-client.json5", "--replications", "4", "--horizon-days", "200",
                      "--warmup-days", "40", "--jobs", "2", "--quiet"]

    static func rows(_ url: URL) throws -> [[String]] {
        try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
    }

    @Test("branches write both outcomes of 'standard' per replication; --sample-outcomes one, of probability 1")
    func outcomeRows() throws {
        let root = try BinaryRunner.scratchDirectory("negotiation")
        defer { try? FileManager.default.removeItem(at: root) }
        let branches = root.appendingPathComponent("branches"), sampled = root.appendingPathComponent("sampled")
        #expect(try BinaryRunner.run(Self.run + ["--out", branches.path]).status == 0)
        #expect(try BinaryRunner.run(Self.run + ["--out", sampled.path, "--sample-outcomes"]).status == 0)
        let b = try Self.rows(branches.appendingPathComponent("outcomes.csv")).dropFirst()
        let s = try Self.rows(sampled.appendingPathComponent("outcomes.csv")).dropFirst()
        // Columns: point, policy, replication, outcome, probability, status, …
        #expect(b.filter { $0[1] == "standard" }.map { "\($0[2]) \($0[3]) \($0[4])" }
                == (0..<4).flatMap { ["\($0) leaves 0.35", "\($0) reducesVolume 0.65"] })
        #expect(b.filter { $0[1] == "indulge" }.allSatisfy { $0[3] == "status-quo" && $0[4] == "1" })
        #expect(s.count == 8 && s.allSatisfy { $0[4] == "1" })
        // The sampled run of each replication is one of its branches, bit for bit.
        for row in s where row[1] == "standard" {
            let branch = try #require(b.first { $0[1] == "standard" && $0[2] == row[2] && $0[3] == row[3] })
            #expect(Array(branch[5...]) == Array(row[5...]))
        }
        let manifest = try String(contentsOf: sampled.appendingPathComponent("sweep.json"), encoding: .utf8)
        #expect(manifest.contains("\"outcomes\" : \"sampled\""))
        let decision = try String(contentsOf: branches.appendingPathComponent("decision.csv"), encoding: .utf8)
        #expect(decision.contains(",evpi,") && decision.contains(",breakeven_probability,standard,leaves,"))
        let sampledDecision = try String(contentsOf: sampled.appendingPathComponent("decision.csv"), encoding: .utf8)
        #expect(!sampledDecision.contains(",evpi,") && sampledDecision.contains(",drawn_share,standard,"))
    }

    @Test("breakeven of the leave probability: closed form, written to breakeven.csv; another policy's response is refused (64)")
    func closedFormBreakEven() throws {
        let root = try BinaryRunner.scratchDirectory("breakeven")
        defer { try? FileManager.default.removeItem(at: root) }
        let search = ["breakeven", "scenarios/priority-for-a-fee.json5", "--metric", "profit_eur", "--replications", "4",
                      "--horizon-days", "200", "--warmup-days", "40", "--jobs", "2", "--out", root.path]
        let found = try BinaryRunner.run(search + ["--vary", "policies.standard.response.leaves.probability=0:1", "--policy", "standard"])
        #expect(found.status == 0, "\(found.stderr)")
        #expect(found.stdout.contains("Closed form"), "\(found.stdout)")
        let rows = try Self.rows(root.appendingPathComponent("breakeven.csv"))
        #expect(rows[0] == ["parameter", "policy", "baseline", "metric", "method", "kind", "value", "mean_diff", "ci_low", "ci_high"])
        #expect(rows.dropFirst().allSatisfy { $0[4] == "closed form" })
        #expect(rows.filter { $0[5] == "evaluation" }.count == 11)
        let other = try BinaryRunner.run(search + ["--vary", "policies.fee.response.leaves.probability=0:1", "--policy", "standard"])
        #expect(other.status == 64, "\(other.stderr)")
        #expect(other.stderr.contains("response to 'fee'"), "\(other.stderr)")
    }

    @Test("trace --outcome shows a branch: the client leaves in one, responds and stays in the other; a wrong name is 64")
    func traceBranch() throws {
        let trace = ["trace", "scenarios/historic-client.json5", "--policy", "standard", "--replication", "1"]
        let leaves = try BinaryRunner.run(trace + ["--outcome", "leaves"])
        let stays = try BinaryRunner.run(trace + ["--outcome", "reducesVolume"])
        #expect(leaves.status == 0 && stays.status == 0)
        #expect(leaves.stdout.contains("left in response to the new terms"))
        #expect(!stays.stdout.contains("left in response to the new terms"))
        #expect(stays.stdout.contains("key client responds,,,,\"reducesVolume: volume × 0.85, abuse × 0.3\""), "\(stays.stdout.prefix(300))")
        // The branches share the history: the logs agree up to the decision record.
        let before = { (text: String) in text.components(separatedBy: "\n").prefix { !$0.contains(",decision,") } }
        #expect(before(leaves.stdout) == before(stays.stdout))
        let wrong = try BinaryRunner.run(trace + ["--outcome", "leave"])
        #expect(wrong.status == 64)
        #expect(wrong.stderr.contains("Did you mean 'leaves'?"))
        let baseline = try BinaryRunner.run(["trace", "scenarios/historic-client.json5", "--outcome", "leaves"])
        #expect(baseline.status == 64 && baseline.stderr.contains("does not respond"))
    }

    @Test("breakeven with several policies needs --policy (64); a field of a policy it does not run is warned about")
    func breakEvenPolicy() throws {
        let root = try BinaryRunner.scratchDirectory("breakeven-policy")
        defer { try? FileManager.default.removeItem(at: root) }
        let base = ["breakeven", "scenarios/priority-for-a-fee.json5", "--metric", "profit_eur", "--replications", "2",
                    "--horizon-days", "120", "--warmup-days", "20", "--iterations", "1", "--jobs", "2", "--out", root.path]
        let ambiguous = try BinaryRunner.run(base + ["--vary", "technicians.count=10:14"])
        #expect(ambiguous.status == 64)
        #expect(ambiguous.stderr.contains("needs --policy") && ambiguous.stderr.contains("fee, standard"), "\(ambiguous.stderr)")
        // The fee's surcharge cannot move standard − indulge; at surcharge 0 the fee has the
        // baseline's terms, and its response is simply unused.
        let unrelated = try BinaryRunner.run(base + ["--vary", "policies.fee.keyClientTerms.surcharge=0:0.3", "--policy", "standard"])
        #expect(unrelated.status == 0, "\(unrelated.stderr)")
        #expect(unrelated.stderr.contains("warning: policies.fee.keyClientTerms.surcharge belongs to policy 'fee'"), "\(unrelated.stderr)")
        #expect(unrelated.stdout.contains("No crossing"), "\(unrelated.stdout)")
    }

    @Test("breakeven --policy: the baseline is refused (64, naming the others); a usage error comes without the warning; a field of the baseline, of the compared policy or of the company is not warned about; breakeven.csv in excel-eu")
    func breakEvenPolicyChoices() throws {
        let root = try BinaryRunner.scratchDirectory("breakeven-choices")
        defer { try? FileManager.default.removeItem(at: root) }
        let base = ["breakeven", "scenarios/priority-for-a-fee.json5", "--metric", "profit_eur", "--replications", "2",
                    "--horizon-days", "120", "--warmup-days", "20", "--iterations", "1", "--jobs", "2", "--out", root.path]
        let baseline = try BinaryRunner.run(base + ["--vary", "technicians.count=10:14", "--policy", "indulge"])
        #expect(baseline.status == 64, "\(baseline.stderr)")
        #expect(baseline.stderr.hasPrefix("error: the value 'indulge' is invalid for '--policy': 'indulge' is the baseline")
                && baseline.stderr.contains("name one of fee, standard"), "\(baseline.stderr)")
        let unknown = try BinaryRunner.run(base + ["--vary", "technicians.count=10:14", "--policy", "fees"])
        #expect(unknown.status == 64 && unknown.stderr.contains("Did you mean 'fee'?"), "\(unknown.stderr)")
        // A bad option after a warned-about path: the usage error alone.
        let usage = try BinaryRunner.run(base + ["--vary", "policies.fee.keyClientTerms.surcharge=0:0.3", "--policy", "standard",
                                                 "--iterations", "0"])
        #expect(usage.status == 64, "\(usage.stderr)")
        #expect(usage.stderr.hasPrefix("error: the value '0' is invalid for '--iterations'") && !usage.stderr.contains("warning:"),
                "\(usage.stderr)")
        for path in ["policies.indulge.extraTechnicians=0:2", "policies.standard.extraTechnicians=0:2", "technicians.count=10:14"] {
            let quiet = try BinaryRunner.run(base + ["--vary", path, "--policy", "standard", "--csv-dialect", "excel-eu"])
            #expect(quiet.status == 0, "\(path): \(quiet.stderr)")
            #expect(!quiet.stderr.contains("belongs to policy"), "\(path): \(quiet.stderr)")
        }
        let csv = try String(contentsOf: root.appendingPathComponent("breakeven.csv"), encoding: .utf8)
        #expect(csv.hasPrefix("parameter;policy;baseline;metric;method;kind;value;mean_diff;ci_low;ci_high\n"), "\(csv.prefix(100))")
        #expect(csv.contains(";standard;indulge;profit_eur;bisection;"), "\(csv)")
        let numbers = csv.split(separator: "\n").dropFirst().flatMap { $0.split(separator: ";", omittingEmptySubsequences: false).dropFirst(6) }
        #expect(numbers.allSatisfy { !$0.contains(".") } && numbers.contains { $0.contains(",") }, "\(csv)")
    }
}
