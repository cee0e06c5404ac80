import Foundation
import Testing
import Experiments
import SimulationKernel
@testable import bigclient

/// `bigclient trace --records DIR`: the order and absence logs, read back by the readers that
/// `bigclient fit` will use, and checked against the event log of the same replication.
@Suite("bigclient binary: order and absence logs")
struct RecordsBinaryTests {
    static let scenario = "scenarios/records/small-shop-half-year.json5"

    @Test("trace --records writes both logs; the reader reads them back without warnings; orders and deliveries match the trace")
    func exportReadsBack() throws {
        let directory = try BinaryRunner.scratchDirectory("records")
        defer { try? FileManager.default.removeItem(at: directory) }
        for replication in ["0", "14"] {
            let out = directory.appendingPathComponent("r\(replication)").path
            let export = try BinaryRunner.run(["trace", Self.scenario, "--replication", replication, "--records", out])
            #expect(export.status == 0, "\(export.stderr)")
            let orders = try OrderLog.read(path: out + "/orders.csv")
            let absences = try AbsenceLog.read(path: out + "/absences.csv")
            #expect(orders.warnings.isEmpty, "\(orders.warnings)")
            #expect(absences.warnings.isEmpty, "\(absences.warnings)")
            #expect(export.stdout.contains("\(orders.rows.count) orders"))

            let trace = try BinaryRunner.run(["trace", Self.scenario, "--replication", replication])
            #expect(trace.status == 0)
            let records = try CSVReader.records(Array(trace.stdout.utf8)).records.dropFirst()
            let arrivals = records.filter { $0[2] == "arrival" }
            let deliveries = records.filter { $0[2] == "deliver" }
            #expect(orders.rows.count == arrivals.count)
            #expect(orders.rows.filter { $0.delivered != nil }.count == deliveries.count)   // no starting backlog here
            // Receipts and deliveries at the trace's times (to the minute), order by order.
            let start = CivilDate(iso: "2027-01-04")!
            for (row, arrival) in zip(orders.rows, arrivals) {
                #expect(abs(row.received.hours(sinceStartOf: start) - Double(arrival[0])!) <= 1.0 / 120 + 1e-9)
            }
            let deliveredTimes = orders.rows.compactMap { $0.delivered?.hours(sinceStartOf: start) }.sorted()
            let traceTimes = deliveries.map { Double($0[0])! }.sorted()
            for (a, b) in zip(deliveredTimes, traceTimes) { #expect(abs(a - b) <= 1.0 / 120 + 1e-9) }
            // Absences: one per sick or burn-out leave of the trace.
            let leaves = records.filter { ["sick leave", "burn-out", "manager sick leave", "manager burn-out"].contains($0[2]) }
            #expect(absences.rows.count == leaves.count)
        }
    }

    @Test("the example logs in scenarios/records are what the documented command writes")
    func examplesAreCurrent() throws {
        let directory = try BinaryRunner.scratchDirectory("records-example")
        defer { try? FileManager.default.removeItem(at: directory) }
        let export = try BinaryRunner.run(["trace", Self.scenario, "--replication", "14", "--records", directory.path])
        #expect(export.status == 0)
        for name in ["orders.csv", "absences.csv"] {
            let fresh = try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
            let shipped = try String(contentsOf: BinaryRunner.repositoryRoot.appendingPathComponent("scenarios/records/" + name), encoding: .utf8)
            #expect(fresh == shipped, "\(name) differs: regenerate it (scenarios/records/README.md)")
        }
    }

    @Test("--records where a file is: exit 73, named; help trace documents every column")
    func badRecordsDirectory() throws {
        let directory = try BinaryRunner.scratchDirectory("records-bad")
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("taken")
        try "x".write(to: file, atomically: true, encoding: .utf8)
        let outcome = try BinaryRunner.run(["trace", Self.scenario, "--records", file.path])
        #expect(outcome.status == 73)
        #expect(outcome.stderr.contains("cannot create the output directory \(file.path): a file with that name exists"))
        let help = try BinaryRunner.run(["help", "trace"])
        for column in ["order", "client", "group", "received", "work_hours", "due", "delivered", "rush",
                       "person", "kind", "start", "end", "days"] {
            #expect(help.stdout.contains("\n  \(column) "), "\(column)")
        }
    }

    @Test("the reader's refusals map to the house's statuses: 66 missing, 65 bad content")
    func exitStatuses() throws {
        do {
            _ = try OrderLog.read(path: "no/such/orders.csv")
            Issue.record("no error")
        } catch {
            let (message, status) = ErrorReport.of(error)
            #expect(status == .noInput && message == "no/such/orders.csv: file not found")
        }
        do {
            _ = try OrderLog.parse(Array("client,received\na,2027-01-04\n".utf8), path: "o.csv")
            Issue.record("no error")
        } catch {
            let (message, status) = ErrorReport.of(error)
            #expect(status == .dataError && message.hasPrefix("o.csv: the header has no column 'work_hours', 'due', 'delivered'"))
        }
    }
}
