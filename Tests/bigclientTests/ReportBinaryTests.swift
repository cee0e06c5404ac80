import Foundation
import Testing

/// `report.html` through the built binary: `run` writes it, `bigclient report DIR` rebuilds it
/// byte for byte, `merge` of shards writes the page one run writes, and the errors exit as
/// docs/troubleshooting.md says.
@Suite("bigclient binary: report.html")
struct ReportBinaryTests {
    static let short = ["--replications", "3", "--horizon-days", "200", "--warmup-days", "91", "--quiet"]

    static func page(_ dir: URL) throws -> Data { try Data(contentsOf: dir.appendingPathComponent("report.html")) }

    @Test("run writes report.html; 'report DIR' rebuilds it byte-identical after it is deleted")
    func runThenRebuild() throws {
        let root = try BinaryRunner.scratchDirectory("report")
        defer { try? FileManager.default.removeItem(at: root) }
        let out = root.appendingPathComponent("run")
        let run = try BinaryRunner.run(["run", "scenarios/small-shop.json5", "--out", out.path] + Self.short)
        #expect(run.status == 0, "\(run.stderr)")
        let written = try Self.page(out)
        let html = String(decoding: written, as: UTF8.self)
        for id in ["recommendation", "profit-distribution", "difference-by-outcome", "risk", "value-of-information", "side-effects", "about"] {
            #expect(html.contains("<section id=\"\(id)\">"), "\(id)")
        }
        #expect(!html.contains("http") && !html.contains("src=") && !html.contains("<script"))
        try FileManager.default.removeItem(at: out.appendingPathComponent("report.html"))
        let rebuilt = try BinaryRunner.run(["report", out.path])
        #expect(rebuilt.status == 0, "\(rebuilt.stderr)")
        #expect(try Self.page(out) == written)
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent(".bigclient-commit").path))
    }

    @Test("merge of two shards writes the page one sweep writes; a shard has none")
    func mergeGivesTheSamePage() throws {
        let root = try BinaryRunner.scratchDirectory("report")
        defer { try? FileManager.default.removeItem(at: root) }
        let sweep = ["sweep", "scenarios/small-shop.json5", "--vary", "technicians.count=4,5"] + Self.short
        let whole = root.appendingPathComponent("whole")
        #expect(try BinaryRunner.run(sweep + ["--out", whole.path]).status == 0)
        var shards: [String] = []
        for k in 1...2 {
            let dir = root.appendingPathComponent("shard\(k)")
            #expect(try BinaryRunner.run(sweep + ["--out", dir.path, "--shard", "\(k)/2"]).status == 0)
            #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("report.html").path))
            shards.append(dir.path)
        }
        let refused = try BinaryRunner.run(["report", shards[0]])
        #expect(refused.status == 66)
        #expect(refused.stderr.contains("shard 1/2"))
        let merged = root.appendingPathComponent("merged")
        let merge = try BinaryRunner.run(["merge"] + shards + ["--out", merged.path])
        #expect(merge.status == 0, "\(merge.stderr)")
        #expect(try Self.page(merged) == Self.page(whole))
        #expect(String(decoding: try Self.page(whole), as: UTF8.self).contains("<section id=\"sweep\">"))
    }

    @Test("report errors: a missing folder or sweep.json (66), a damaged row (65), help lists the command")
    func errors() throws {
        let root = try BinaryRunner.scratchDirectory("report")
        defer { try? FileManager.default.removeItem(at: root) }
        let missing = try BinaryRunner.run(["report", root.appendingPathComponent("nope").path])
        #expect(missing.status == 66)
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("nope").path), "a mistyped DIR is not created")
        let empty = try BinaryRunner.run(["report", root.path])
        #expect(empty.status == 66)
        #expect(empty.stderr.contains("no sweep.json"))
        let out = root.appendingPathComponent("run")
        #expect(try BinaryRunner.run(["run", "scenarios/small-shop.json5", "--out", out.path] + Self.short).status == 0)
        let rows = out.appendingPathComponent("replications.csv")
        var text = try String(contentsOf: rows, encoding: .utf8)
        text = text.replacingOccurrences(of: ",ok,", with: ",ok,abc,", options: [], range: text.range(of: ",ok,"))
        try text.write(to: rows, atomically: true, encoding: .utf8)
        let damaged = try BinaryRunner.run(["report", out.path])
        #expect(damaged.status == 65, "\(damaged.stderr)")
        #expect(try BinaryRunner.run(["report"]).status == 64)
        let help = try BinaryRunner.run(["--help"])
        #expect(help.stdout.contains("report"))
        let one = try BinaryRunner.run(["help", "report"])
        #expect(one.status == 0 && one.stdout.contains("bigclient report DIR"))
    }
}
