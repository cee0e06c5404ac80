import Foundation
import Testing

/// `bigclient validate` end to end: exit status, PASS lines, the Bonferroni statement, errors.
@Suite("bigclient binary: validate")
struct ValidateBinaryTests {
    @Test("validate --replications 5 (horizons × 0.1) exits 0, prints PASS lines and the Bonferroni statement")
    func passes() throws {
        let outcome = try BinaryRunner.run(["validate", "--replications", "5", "--horizon-scale", "0.1", "--jobs", "2"])
        #expect(outcome.status == 0, "\(outcome.stdout)\n\(outcome.stderr)")
        let lines = outcome.stdout.split(separator: "\n")
        let passLines = lines.filter { $0.contains(" PASS ") || $0.hasSuffix(" PASS") }
        #expect(passLines.count >= 50, "one PASS line per check")
        for name in ["mmc-fifo", "mmc-priority", "mm1-priority", "mm1-preemptive", "md1", "mg1-erlang2", "mg1-lognormal", "churn", "sick-leave"] {
            #expect(passLines.contains { $0.hasPrefix(name + " ") }, "\(name) has PASS lines")
        }
        #expect(!outcome.stdout.contains("FAIL"))
        #expect(outcome.stdout.contains("Bonferroni over all k = "))
        #expect(outcome.stdout.contains("1 − α/k"))
        #expect(outcome.stdout.contains("5 replications per case, seed 1"))
        #expect(outcome.stdout.contains("Result: PASS"))
        #expect(outcome.stderr.isEmpty, "no progress line when stderr is not a terminal")
    }

    @Test("validate: --help documents the options; bad values are usage errors (64); a missing directory is 66")
    func options() throws {
        let help = try BinaryRunner.run(["help", "validate"])
        #expect(help.status == 0)
        for option in ["--replications", "--seed", "--jobs", "--horizon-scale", "--scenarios"] {
            #expect(help.stdout.contains(option), "\(option) documented")
        }
        let one = try BinaryRunner.run(["validate", "--replications", "1"])
        #expect(one.status == 64, "\(one.stderr)")
        let scale = try BinaryRunner.run(["validate", "--horizon-scale", "2"])
        #expect(scale.status == 64, "\(scale.stderr)")
        let missing = try BinaryRunner.run(["validate", "--scenarios", "no/such/directory"])
        #expect(missing.status == 66, "\(missing.stderr)")
        #expect(missing.stderr.contains("no/such/directory"))
    }
}
