import Testing
import Foundation

/// The built binary, run as a subprocess: output, errors and exit statuses as users see them.
@Suite("bigclient binary: command line")
struct CommandLineBinaryTests {
    @Test("--help lists the commands and exits 0")
    func help() throws {
        let outcome = try BinaryRunner.run(["--help"])
        #expect(outcome.status == 0)
        #expect(outcome.stdout.contains("Usage: bigclient <command>"))
        #expect(outcome.stdout.contains("bench"))
    }

    @Test("--version prints the version")
    func version() throws {
        let outcome = try BinaryRunner.run(["--version"])
        #expect(outcome.status == 0)
        #expect(outcome.stdout.hasPrefix("bigclient "))
    }

    @Test("an unknown command exits 64 with a suggestion and the usage")
    func unknownCommand() throws {
        let outcome = try BinaryRunner.run(["bnech"])
        #expect(outcome.status == 64)
        #expect(outcome.stderr.contains("error: unknown command 'bnech'. Did you mean 'bench'?"))
        #expect(outcome.stderr.contains("See 'bigclient --help'."))
    }

    @Test("an unknown option exits 64 and names the closest option")
    func unknownOption() throws {
        let outcome = try BinaryRunner.run(["bench", "--hold-event", "10"])
        #expect(outcome.status == 64)
        #expect(outcome.stderr.contains("unknown option '--hold-event' for 'bench'. Did you mean '--hold-events'?"))
    }

    @Test("a bad value exits 64 and says what is allowed")
    func badValue() throws {
        let outcome = try BinaryRunner.run(["bench", "--days", "-5"])
        #expect(outcome.status == 64)
        #expect(outcome.stderr.contains("the value '-5' is invalid for '--days'"))
    }

    @Test("no command at all is a usage error")
    func noCommand() throws {
        let outcome = try BinaryRunner.run([])
        #expect(outcome.status == 64)
    }

    @Test("bench runs small workloads and reports events per second")
    func bench() throws {
        let outcome = try BinaryRunner.run(["bench", "--hold-events", "20000", "--days", "2000", "--replications", "2", "--jobs", "2"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.contains("events/s"))
        #expect(outcome.stdout.contains("kernel: hold, 1000 pending"))
        #expect(outcome.stdout.contains("kernel: M/M/8, 2 priority classes"))
        #expect(outcome.stdout.contains("model: historic-client: 2 reps × 2 policies, 2 jobs"))
        #expect(outcome.stdout.contains("Parallel speed-up"))
    }
}
