import Foundation
import Testing

/// Nothing lost, ever: a torn partial file, a full disk, a second writer, a stale lock, a
/// planted symbolic link and leftovers of a killed run all end in files byte-identical to an
/// uninterrupted run (or in a clear refusal), through the built binary.
@Suite("bigclient binary: recovery of the output folder")
struct RecoveryBinaryTests {
    static let run = ["run", "scenarios/small-shop.json5", "--replications", "6", "--horizon-days", "120", "--warmup-days", "20",
                      "--jobs", "1", "--timeseries", "--quiet"]
    static let files = ["replications.csv", "outcomes.csv", "summary.csv", "comparison.csv", "decision.csv", "timeseries.csv", "sweep.json"]

    static func expectSameFiles(_ a: URL, _ b: URL, sourceLocation: SourceLocation = #_sourceLocation) throws {
        for file in files {
            #expect(try Data(contentsOf: a.appendingPathComponent(file)) == Data(contentsOf: b.appendingPathComponent(file)),
                    "\(file)", sourceLocation: sourceLocation)
        }
    }

    /// The folder of a run killed in the middle of an append, made from a finished run's
    /// files: the rows (and weeks) of replications `0..<keptTasks` in the order a run appends
    /// them (task by task, every policy), then the first `tornBytes` of the next task's row.
    static func tornCopy(of whole: URL, into dir: URL, keptTasks: Int, tornBytes: Int) throws {
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        for (final, partial) in [("replications.csv", "replications.partial.csv"), ("outcomes.csv", "outcomes.partial.csv"),
                                 ("timeseries.csv", "timeseries.partial.csv")] {
            let text = try String(contentsOf: whole.appendingPathComponent(final), encoding: .utf8)
            let lines = text.split(separator: "\n").map(String.init)
            // No swept parameters: point, policy, replication are the first three columns.
            func replication(_ line: String) -> Int { Int(line.split(separator: ",")[2])! }
            var cut = lines[0] + "\n"
            for task in 0..<keptTasks {
                for line in lines.dropFirst() where replication(line) == task { cut += line + "\n" }
            }
            if final == "replications.csv", let next = lines.dropFirst().first(where: { replication($0) == keptTasks }) {
                cut += String(next.prefix(tornBytes))
            }
            try cut.write(to: dir.appendingPathComponent(partial), atomically: true, encoding: .utf8)
        }
        try FileManager.default.copyItem(at: whole.appendingPathComponent("sweep.json"), to: dir.appendingPathComponent("sweep.partial.json"))
    }

    @Test("a partial file cut mid-line, or at a row's end without its line break, resumes to the files of an uninterrupted run",
          arguments: [(keptTasks: 2, tornBytes: 17), (keptTasks: 1, tornBytes: 1), (keptTasks: 4, tornBytes: 0)])
    func tornPartialResumes(keptTasks: Int, tornBytes: Int) throws {
        let root = try BinaryRunner.scratchDirectory("torn")
        defer { try? FileManager.default.removeItem(at: root) }
        let whole = root.appendingPathComponent("whole")
        #expect(try BinaryRunner.run(Self.run + ["--out", whole.path]).status == 0)
        let torn = root.appendingPathComponent("torn")
        try Self.tornCopy(of: whole, into: torn, keptTasks: keptTasks, tornBytes: tornBytes)
        if tornBytes == 0 {
            // A complete last row without its line break: the row itself is the torn part.
            let path = torn.appendingPathComponent("replications.partial.csv")
            var text = try String(contentsOf: path, encoding: .utf8)
            text.removeLast()
            try text.write(to: path, atomically: true, encoding: .utf8)
        }
        let resumed = try BinaryRunner.run(Self.run + ["--out", torn.path, "--resume"])
        #expect(resumed.status == 0, "\(resumed.stderr)")
        #expect(resumed.stderr.contains("cut an incomplete last row"), "the cut is reported: \(resumed.stderr)")
        try Self.expectSameFiles(whole, torn)
        let left = try FileManager.default.contentsOfDirectory(atPath: torn.path)
        #expect(!left.contains("replications.partial.csv") && !left.contains(".bigclient.lock"), "\(left)")
    }

    @Test("outcome branches of a task killed between its branches and its replication row are run again, not doubled")
    func tornOutcomesResume() throws {
        let root = try BinaryRunner.scratchDirectory("torn-outcomes")
        defer { try? FileManager.default.removeItem(at: root) }
        let whole = root.appendingPathComponent("whole")
        #expect(try BinaryRunner.run(Self.run + ["--out", whole.path]).status == 0)
        let torn = root.appendingPathComponent("torn")
        try Self.tornCopy(of: whole, into: torn, keptTasks: 3, tornBytes: 0)
        // The next task's branches, written in full, and half a row of the one after: its
        // replication row never came, so the task is run again and its branches replaced.
        let outcomes = try String(contentsOf: whole.appendingPathComponent("outcomes.csv"), encoding: .utf8)
            .split(separator: "\n").dropFirst().map(String.init)
        func replication(_ line: String) -> Int { Int(line.split(separator: ",")[2])! }
        let path = torn.appendingPathComponent("outcomes.partial.csv")
        var text = try String(contentsOf: path, encoding: .utf8)
        for line in outcomes where replication(line) == 3 { text += line + "\n" }
        text += String(outcomes.first { replication($0) == 4 }!.prefix(20))
        try text.write(to: path, atomically: true, encoding: .utf8)
        let resumed = try BinaryRunner.run(Self.run + ["--out", torn.path, "--resume"])
        #expect(resumed.status == 0, "\(resumed.stderr)")
        #expect(resumed.stderr.contains("cut an incomplete last row (20 bytes)"), "\(resumed.stderr)")
        try Self.expectSameFiles(whole, torn)
    }

    @Test("a full disk ends with 74; once space is freed, --resume gives the files of an uninterrupted run",
          .enabled(if: SmallDisk.isAvailable, "needs root to mount a small tmpfs"))
    func fullDiskThenResume() throws {
        let root = try BinaryRunner.scratchDirectory("full")
        defer { try? FileManager.default.removeItem(at: root) }
        let command = ["run", "scenarios/small-shop.json5", "--replications", "40", "--horizon-days", "400", "--warmup-days", "91", "--jobs", "1",
                       "--timeseries", "--quiet"]
        let whole = root.appendingPathComponent("whole")
        #expect(try BinaryRunner.run(command + ["--out", whole.path]).status == 0)
        let disk = try SmallDisk(kilobytes: 256)
        defer { disk.remove() }
        let out = disk.url.appendingPathComponent("out")
        let full = try BinaryRunner.run(command + ["--out", out.path])
        #expect(full.status == 74, "\(full.stderr)")
        #expect(full.stderr.contains("No space left on device"), "\(full.stderr)")
        #expect(!full.stderr.contains("Fatal error"))
        try disk.grow(kilobytes: 65_536)
        let resumed = try BinaryRunner.run(command + ["--out", out.path, "--resume"])
        #expect(resumed.status == 0, "\(resumed.stderr)")
        try Self.expectSameFiles(whole, out)
    }

    @Test("two writers into one folder: the second exits 73 naming the holder; a lock left by a dead process is taken over")
    func secondWriterRefused() throws {
        let root = try BinaryRunner.scratchDirectory("lock")
        defer { try? FileManager.default.removeItem(at: root) }
        let out = root.appendingPathComponent("out")
        let long = ["run", "scenarios/historic-client.json5", "--replications", "2000", "--jobs", "1", "--quiet", "--yes",
                    "--out", out.path]
        let (first, _) = try BinaryRunner.start(long)
        defer { if first.isRunning { kill(first.processIdentifier, SIGKILL) } }
        let lock = out.appendingPathComponent(".bigclient.lock").path
        BinaryRunner.wait(seconds: 30) { ((try? String(contentsOfFile: lock, encoding: .utf8)) ?? "").contains("pid") }
        let second = try BinaryRunner.run(["run", "scenarios/small-shop.json5", "--replications", "2", "--seed", "8", "--out", out.path])
        #expect(second.status == 73, "\(second.stderr)")
        #expect(second.stderr.contains("in use by another bigclient run"), "\(second.stderr)")
        #expect(second.stderr.contains("pid \(first.processIdentifier)"), "the holder is named: \(second.stderr)")
        kill(first.processIdentifier, SIGKILL)   // dies holding the lock: its file stays behind
        first.waitUntilExit()
        #expect(FileManager.default.fileExists(atPath: lock))
        let after = try BinaryRunner.run(Self.run + ["--out", out.path])
        #expect(after.status == 0, "\(after.stderr)")
        #expect(after.stderr.contains("took over the lock of a bigclient run that is no longer running (pid \(first.processIdentifier)"),
                "\(after.stderr)")
        #expect(!FileManager.default.fileExists(atPath: lock), "the lock is released at the end")
    }

    @Test("check, trace, run and init with stdout on /dev/full exit 74, without a trap",
          arguments: [["check", "scenarios/small-shop.json5"], ["trace", "scenarios/small-shop.json5"], ["init"],
                      ["run", "scenarios/small-shop.json5", "--replications", "2", "--horizon-days", "60", "--warmup-days", "10"]])
    func fullStandardOutput(arguments: [String]) throws {
        let root = try BinaryRunner.scratchDirectory("devfull")
        defer { try? FileManager.default.removeItem(at: root) }
        let extra = arguments[0] == "run" ? ["--out", root.path] : []
        let process = Process()
        process.executableURL = BinaryRunner.executableURL
        process.arguments = arguments + extra
        process.currentDirectoryURL = BinaryRunner.repositoryRoot
        process.standardOutput = FileHandle(forWritingAtPath: "/dev/full")
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 74, "\(stderr)")
        #expect(stderr.contains("cannot write to standard output: No space left on device"), "\(stderr)")
        #expect(!stderr.contains("Fatal error"), "\(stderr)")
    }

    @Test("a symbolic link where the partial file goes is not followed: its target is untouched, fresh or resumed")
    func symlinkNotFollowed() throws {
        let root = try BinaryRunner.scratchDirectory("link")
        defer { try? FileManager.default.removeItem(at: root) }
        let target = root.appendingPathComponent("precious.txt")
        try "precious\n".write(to: target, atomically: true, encoding: .utf8)
        let out = root.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        let link = out.appendingPathComponent("replications.partial.csv")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: target)
        let fresh = try BinaryRunner.run(Self.run + ["--out", out.path])
        #expect(fresh.status == 0, "\(fresh.stderr)")
        #expect(try String(contentsOf: target, encoding: .utf8) == "precious\n")
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("summary.csv").path))

        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: target)
        try FileManager.default.copyItem(at: out.appendingPathComponent("sweep.json"), to: out.appendingPathComponent("sweep.partial.json"))
        let resumed = try BinaryRunner.run(Self.run + ["--out", out.path, "--resume"])
        #expect(resumed.status == 65, "\(resumed.stderr)")
        #expect(resumed.stderr.contains("symbolic link"), "\(resumed.stderr)")
        #expect(try String(contentsOf: target, encoding: .utf8) == "precious\n")
    }

    @Test("--resume of a complete run, or of one killed while it installed its files, simulates nothing and gives the same files")
    func resumeOfACompleteRun() throws {
        let root = try BinaryRunner.scratchDirectory("complete")
        defer { try? FileManager.default.removeItem(at: root) }
        let whole = root.appendingPathComponent("whole")
        #expect(try BinaryRunner.run(Self.run + ["--out", whole.path]).status == 0)
        let again = root.appendingPathComponent("again")
        try FileManager.default.copyItem(at: whole, to: again)
        let resumed = try BinaryRunner.run(Self.run + ["--out", again.path, "--resume"])
        #expect(resumed.status == 0, "\(resumed.stderr)")
        #expect(resumed.stderr.contains("was complete: its files are rebuilt from its replications.csv, nothing is simulated again"),
                "\(resumed.stderr)")
        try Self.expectSameFiles(whole, again)

        // Killed after the commit's marker, with two files still staged: the next open installs them.
        let killed = root.appendingPathComponent("killed")
        try FileManager.default.copyItem(at: whole, to: killed)
        let staging = killed.appendingPathComponent(".bigclient-commit")
        try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
        for name in ["summary.csv", "run.json"] {
            try FileManager.default.moveItem(at: killed.appendingPathComponent(name), to: staging.appendingPathComponent(name))
        }
        try "install replications.csv\ninstall summary.csv\ninstall run.json\nremove replications.partial.csv\n"
            .write(to: staging.appendingPathComponent("COMMIT"), atomically: true, encoding: .utf8)
        let finished = try BinaryRunner.run(Self.run + ["--out", killed.path, "--resume"])
        #expect(finished.status == 0, "\(finished.stderr)")
        #expect(finished.stderr.contains("finished installing the result files"), "\(finished.stderr)")
        #expect(finished.stderr.contains("nothing is simulated again"), "\(finished.stderr)")
        try Self.expectSameFiles(whole, killed)
    }

    @Test("temporary files of a killed run and an unfinished commit are cleaned or finished by the next run")
    func leftoversRepaired() throws {
        let root = try BinaryRunner.scratchDirectory("left")
        defer { try? FileManager.default.removeItem(at: root) }
        let whole = root.appendingPathComponent("whole")
        #expect(try BinaryRunner.run(Self.run + ["--out", whole.path]).status == 0)
        let out = root.appendingPathComponent("out")
        try Self.tornCopy(of: whole, into: out, keptTasks: 3, tornBytes: 0)
        try "half".write(to: out.appendingPathComponent(".summary.csv.tmp-4242"), atomically: true, encoding: .utf8)
        // A staging folder without its marker: a commit killed before it began to install.
        let staging = out.appendingPathComponent(".bigclient-commit")
        try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
        try "stale".write(to: staging.appendingPathComponent("summary.csv"), atomically: true, encoding: .utf8)
        let resumed = try BinaryRunner.run(Self.run + ["--out", out.path, "--resume"])
        #expect(resumed.status == 0, "\(resumed.stderr)")
        #expect(resumed.stderr.contains("removed 1 temporary file left by an interrupted run"), "\(resumed.stderr)")
        try Self.expectSameFiles(whole, out)
        let names = try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
        #expect(names == ["comparison.csv", "decision.csv", "outcomes.csv", "replications.csv", "report.html", "run.json", "summary.csv", "sweep.json",
                          "timeseries.csv"], "\(names)")
    }

    /// One damage to the first row of shard 1's `replications.csv` (fields: technicians.count,
    /// point, policy, replication, status, profit_eur, …), and what the refusal must name.
    struct Damage: Sendable, CustomStringConvertible {
        var name: String
        var field: Int
        var value: String?
        var fieldName: String
        var line = 2
        var description: String { name }
    }

    static let damages = [
        Damage(name: "text in a metric", field: 5, value: "abc", fieldName: "profit_eur"),
        Damage(name: "NaN in a metric", field: 5, value: "NaN", fieldName: "profit_eur"),
        Damage(name: "inf in a metric", field: 5, value: "inf", fieldName: "profit_eur"),
        Damage(name: "1e999 in a metric", field: 6, value: "1e999", fieldName: "revenue_eur"),
        Damage(name: "a replication outside the plan", field: 3, value: "99", fieldName: "replication"),
        Damage(name: "a replication of the other shard", field: 3, value: "1", fieldName: "replication"),
        Damage(name: "a point outside the plan", field: 1, value: "7", fieldName: "point"),
        Damage(name: "a policy outside the plan", field: 2, value: "bogus", fieldName: "policy"),
        Damage(name: "a parameter value that is not its point's", field: 0, value: "9", fieldName: "technicians.count"),
        Damage(name: "a row twice", field: -1, value: nil, fieldName: "policy", line: -1),
    ]

    @Test("merge refuses a damaged shard row with exit 65, naming the file, the line and the field", arguments: damages)
    func mergeRefusesDamage(damage: Damage) throws {
        let root = try BinaryRunner.scratchDirectory("damage")
        defer { try? FileManager.default.removeItem(at: root) }
        var shards: [URL] = []
        for k in 1...2 {
            let dir = root.appendingPathComponent("s\(k)")
            let made = try BinaryRunner.run(["sweep", "scenarios/small-shop.json5", "--vary", "technicians.count=4,5", "--replications", "3",
                                             "--horizon-days", "60", "--warmup-days", "10", "--quiet", "--shard", "\(k)/2", "--out", dir.path])
            #expect(made.status == 0, "\(made.stderr)")
            shards.append(dir)
        }
        let file = shards[0].appendingPathComponent("replications.csv")
        var lines = try String(contentsOf: file, encoding: .utf8).split(separator: "\n").map(String.init)
        var line = damage.line
        if let value = damage.value {
            var fields = lines[1].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            fields[damage.field] = value
            lines[1] = fields.joined(separator: ",")
        } else {
            lines.append(lines[1])
            line = lines.count
        }
        try (lines.joined(separator: "\n") + "\n").write(to: file, atomically: true, encoding: .utf8)
        let merged = root.appendingPathComponent("merged")
        let merge = try BinaryRunner.run(["merge", shards[0].path, shards[1].path, "--out", merged.path])
        #expect(merge.status == 65, "\(merge.stderr)")
        #expect(merge.stderr.contains("\(file.path), line \(line), field \(damage.fieldName):"), "\(merge.stderr)")
        #expect(!FileManager.default.fileExists(atPath: merged.appendingPathComponent("summary.csv").path))
    }

    @Test("merge --out onto one of its input shards is refused (64) and leaves the shard as it was")
    func mergeOntoInputRefused() throws {
        let root = try BinaryRunner.scratchDirectory("onto")
        defer { try? FileManager.default.removeItem(at: root) }
        let dir = root.appendingPathComponent("s1")
        let made = try BinaryRunner.run(["sweep", "scenarios/small-shop.json5", "--vary", "technicians.count=4,5", "--replications", "2",
                                         "--horizon-days", "60", "--warmup-days", "10", "--quiet", "--shard", "1/1", "--out", dir.path])
        #expect(made.status == 0, "\(made.stderr)")
        let before = try Data(contentsOf: dir.appendingPathComponent("replications.csv"))
        let merge = try BinaryRunner.run(["merge", dir.path, "--out", dir.path + "/."])
        #expect(merge.status == 64, "\(merge.stderr)")
        #expect(merge.stderr.contains("it is the input folder"), "\(merge.stderr)")
        #expect(try Data(contentsOf: dir.appendingPathComponent("replications.csv")) == before)
    }

    @Test("merge onto a full disk exits 74", .enabled(if: SmallDisk.isAvailable, "needs root to mount a small tmpfs"))
    func mergeFullDisk() throws {
        let root = try BinaryRunner.scratchDirectory("mergefull")
        defer { try? FileManager.default.removeItem(at: root) }
        let dir = root.appendingPathComponent("s1")
        let made = try BinaryRunner.run(["sweep", "scenarios/small-shop.json5", "--vary", "technicians.count=4,5", "--replications", "20",
                                         "--horizon-days", "200", "--warmup-days", "10", "--quiet", "--timeseries", "--out", dir.path])
        #expect(made.status == 0, "\(made.stderr)")
        let disk = try SmallDisk(kilobytes: 64)
        defer { disk.remove() }
        let merge = try BinaryRunner.run(["merge", dir.path, "--out", disk.url.appendingPathComponent("merged").path])
        #expect(merge.status == 74, "\(merge.stderr)")
        #expect(merge.stderr.contains("No space left on device"), "\(merge.stderr)")
    }
}

/// A tmpfs of a given size, mounted for one test (Linux, as root); a full disk on demand.
struct SmallDisk {
    let url: URL

    static var isAvailable: Bool {
        guard getuid() == 0, FileManager.default.isExecutableFile(atPath: "/bin/mount") else { return false }
        guard let probe = try? SmallDisk(kilobytes: 64) else { return false }
        probe.remove()
        return true
    }

    init(kilobytes: Int) throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("bigclient-disk-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        guard Self.mount(["-t", "tmpfs", "-o", "size=\(kilobytes)k", "tmpfs", url.path]) else {
            try? FileManager.default.removeItem(at: url)
            throw CocoaError(.fileWriteUnknown)
        }
    }

    func grow(kilobytes: Int) throws {
        guard Self.mount(["-o", "remount,size=\(kilobytes)k", url.path]) else { throw CocoaError(.fileWriteUnknown) }
    }

    func remove() {
        _ = Self.run("/bin/umount", [url.path])
        try? FileManager.default.removeItem(at: url)
    }

    static func mount(_ arguments: [String]) -> Bool { run("/bin/mount", arguments) }

    static func run(_ tool: String, _ arguments: [String]) -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }
}

/// The edges around the files that issue #13 listed: the checks that come before simulating,
/// the work gate of `breakeven`, and what the terminal is shown.
@Suite("bigclient binary: output edges")
struct OutputEdgeBinaryTests {
    @Test("run --precision with an unwritable --out is refused (73) before simulating")
    func precisionUnwritableFolderFirst() throws {
        let started = Date()
        let outcome = try BinaryRunner.run(["run", "scenarios/historic-client.json5", "--precision", "0.0001", "--metric", "profit_eur",
                                            "--replications", "500", "--yes", "--out", "/proc/bigclient-out"])
        #expect(outcome.status == 73, "\(outcome.stderr)")
        #expect(outcome.stderr.contains("cannot create the output directory /proc/bigclient-out"), "\(outcome.stderr)")
        // 500 replications of two policies take minutes in a debug build; a refusal, an instant.
        #expect(Date().timeIntervalSince(started) < 20)
    }

    @Test("breakeven goes through the work gate: over the limit without --yes it is refused with the estimate (64)")
    func breakevenWorkGate() throws {
        let command = ["breakeven", "scenarios/small-shop.json5", "--vary", "technicians.count=3:8", "--metric", "profit_eur",
                       "--replications", "50", "--integer", "--confirm-above", "0.000001"]
        let refused = try BinaryRunner.run(command)
        #expect(refused.status == 64, "\(refused.stderr)")
        #expect(refused.stderr.contains("this run is large: about"), "\(refused.stderr)")
    }

    @Test("command-line values reach the terminal escaped, as scenario values do")
    func commandLineValuesEscaped() throws {
        let outcome = try BinaryRunner.run(["run", "scenarios/small-shop.json5", "--policy", "\u{1B}[2Jgone\u{202E}"])
        #expect(outcome.status == 64, "\(outcome.stderr)")
        #expect(!outcome.stderr.contains("\u{1B}") && !outcome.stderr.contains("\u{202E}"), "\(outcome.stderr.debugDescription)")
        #expect(outcome.stderr.contains("\\u{1b}[2Jgone\\u{202e}"), "\(outcome.stderr)")
        let option = try BinaryRunner.run(["run", "scenarios/small-shop.json5", "--replications", "\u{1B}]0;title\u{07}"])
        #expect(option.status == 64)
        #expect(!option.stderr.contains("\u{1B}") && !option.stderr.contains("\u{07}"), "\(option.stderr.debugDescription)")
    }
}
