import Foundation
import Testing
import Experiments
import SimulationKernel

/// The order and absence log readers (`OrderLog`, `AbsenceLog`): the accepted forms, and every
/// kind of bad input, each named by file, line, column and value.
@Suite("Record logs")
struct RecordLogTests {
    static let header = "order,client,group,received,work_hours,due,delivered,rush\n"

    static func orders(_ body: String, header: String = header) throws(RecordLogFailure) -> OrderLog {
        try OrderLog.parse(Array((header + body).utf8), path: "orders.csv")
    }

    static func absences(_ text: String) throws(RecordLogFailure) -> AbsenceLog {
        try AbsenceLog.parse(Array(text.utf8), path: "absences.csv")
    }

    @Test("dates: YYYY-MM-DD, THH:MM, THH:MM:SS, a space for the T; nothing else")
    func dates() throws {
        #expect(RecordTime(text: "2027-01-04")?.description == "2027-01-04")
        #expect(RecordTime(text: "2027-01-04T09:13")?.description == "2027-01-04T09:13:00")
        #expect(RecordTime(text: "2027-01-04 09:13:27")?.description == "2027-01-04T09:13:27")
        #expect(RecordTime(text: "2027-01-04") == RecordTime(text: "2027-01-04T00:00"))
        for bad in ["2027-1-4", "2027-02-29", "2027-01-04T24:00", "2027-01-04T09:60", "2027-01-04T09:13Z",
                    "2027-01-04T09:13:00+01:00", "2027-01-04T09:13:00.5", "04/01/2027", "", "2027-01-04X09:13"] {
            #expect(RecordTime(text: bad) == nil, "\(bad)")
        }
        let start = CivilDate(iso: "2027-01-04")!
        #expect(RecordTime(hours: 33.2167, from: start).description == "2027-01-05T09:13:00")
        #expect(RecordTime(hours: 23.9999, from: start).description == "2027-01-05T00:00:00")
        #expect(RecordTime(text: "2027-01-05T09:13")!.hours(sinceStartOf: start) == 33 + 13.0 / 60)
    }

    @Test("a good log: typed rows, header names case-insensitive and in any order, extra columns kept")
    func goodLog() throws {
        let log = try Self.orders("""
            x1,2027-01-04 09:13,key-00,12.5,2027-01-08T17:00,,TRUE,Key,north
            x2,2027-01-05T10:00:30,regular-01,3,2027-01-12,2027-01-06,false,regular,south
            """ + "\n", header: "Order,Received,CLIENT,Work_Hours,due,Delivered,rush,group,Segment\n")
        #expect(log.rows.count == 2)
        #expect(log.warnings.isEmpty)
        #expect(log.extraColumns == ["segment"])
        let first = log.rows[0]
        #expect(first.order == "x1" && first.client == "key-00" && first.group == "Key" && first.rush)
        #expect(first.received.description == "2027-01-04T09:13:00")
        #expect(first.workHours == 12.5)
        #expect(first.delivered == nil && first.onTime == nil)
        #expect(first.extra["segment"] == "north")
        #expect(log.rows[1].line == 3 && log.rows[1].onTime == true)
        #expect(log.rows[1].leadTimeHours == 24 - 10 - 0.5 / 60)
    }

    @Test("only the required columns: order, group and rush optional; no final line break; a byte-order mark")
    func minimal() throws {
        let text = "\u{FEFF}client,received,work_hours,due,delivered\r\nacme,2027-01-04,2,,\r\nacme,2027-01-05,1.5,2027-01-06,2027-01-05T12:00"
        let log = try OrderLog.parse(Array(text.utf8), path: "o.csv")
        #expect(log.rows.count == 2 && log.warnings.isEmpty)
        #expect(log.rows[0].order == nil && log.rows[0].group == nil && !log.rows[0].rush && log.rows[0].due == nil)
    }

    @Test("a missing required column is an error naming the file and the column and listing the required ones")
    func missingColumn() {
        do {
            _ = try Self.orders("1,a,g,2027-01-04,2,2027-01-05,,false\n", header: "order,client,group,received,hours,due,delivered,rush\n")
            Issue.record("no error")
        } catch {
            #expect(error == .missingColumns(path: "orders.csv", missing: ["work_hours"], required: OrderLog.requiredColumns,
                                            found: ["order", "client", "group", "received", "hours", "due", "delivered", "rush"]))
            #expect(error.description.contains("orders.csv: the header has no column 'work_hours'; required: client, received, work_hours, due, delivered"))
            #expect(!error.isMissingInput)
        }
    }

    @Test("each bad cell: a warning naming file, line, column and value; the row skipped and counted")
    func badRows() throws {
        let log = try Self.orders("""
            1,a,g,2027-01-04T09:00,2,2027-01-05,,false
            2,a,g,2027-13-04T09:00,2,2027-01-05,,false
            3,a,g,2027-01-04T09:00,-1,2027-01-05,,false
            4,a,g,2027-01-04T09:00,"1,5",2027-01-05,,false
            5,a,g,2027-01-04T09:00,2,2027-01-03,,false
            6,a,g,2027-01-04T09:00,2,2027-01-05,2027-01-04T08:59,false
            7,a,g,2027-01-04T09:00,2,2027-01-05,,maybe
            1,a,g,2027-01-04T09:00,2,2027-01-05,,false
            9,,g,2027-01-04T09:00,2,2027-01-05,,false
            10,a,g,2027-01-04T09:00,2
            11,a,g,2027-01-04T09:00,two,2027-01-05,,false
            12,a,g,2027-01-04T09:00,2,2027-01-05,soon,false
            """ + "\n")
        #expect(log.rows.map(\.order) == ["1"])
        #expect(log.skippedRows == 11)
        let byLine = Dictionary(uniqueKeysWithValues: log.warnings.map { ($0.line, $0) })
        func check(_ line: Int, _ column: String?, _ value: String, _ words: String) {
            guard let warning = byLine[line] else { Issue.record("no warning on line \(line)"); return }
            #expect(warning.path == "orders.csv" && warning.column == column && warning.value == value, "\(warning)")
            #expect(warning.description.hasPrefix("orders.csv: line \(line)"), "\(warning)")
            if let column { #expect(warning.description.contains("column \(column): '\(value)'"), "\(warning)") }
            #expect(warning.description.contains(words), "\(warning)")
            #expect(warning.description.hasSuffix("the row is skipped"))
        }
        check(3, "received", "2027-13-04T09:00", "not a date: expected a date YYYY-MM-DD")
        check(4, "work_hours", "-1", "negative: work hours must be a number ≥ 0")
        check(5, "work_hours", "1,5", "use '.' as the decimal separator")
        check(6, "due", "2027-01-03", "the due date is before the order was received")
        check(7, "delivered", "2027-01-04T08:59", "the delivery is before the order was received")
        check(8, "rush", "maybe", "rush must be true or false")
        check(9, "order", "1", "appears twice (first on line 2)")
        check(10, "client", "", "the client's name is required")
        check(11, nil, "", "5 fields, the header has 8")
        check(12, "work_hours", "two", "not a number")
        check(13, "delivered", "soon", "not a date")
    }

    @Test("an unclosed quote: the rest is one broken row, warned; rows before it kept")
    func unclosedQuote() throws {
        let log = try Self.orders("1,a,g,2027-01-04,2,2027-01-05,,false\n2,\"a,g,2027-01-04,2,2027-01-05,,false\n")
        #expect(log.rows.count == 1 && log.skippedRows == 1)
        #expect(log.warnings[0].line == 3 && log.warnings[0].description.contains("never closed"))
    }

    @Test("every row bad, an empty file, a header alone: errors")
    func wholeFileErrors() {
        #expect(throws: RecordLogFailure.self) { try Self.orders("1,a,g,2027-01-04,-2,2027-01-05,,false\n") }
        do {
            _ = try Self.orders("1,a,g,2027-01-04,-2,2027-01-05,,false\n2,a,g,x,2,2027-01-05,,false\n")
            Issue.record("no error")
        } catch {
            guard case .noValidRows(let path, let rows, let first) = error else { Issue.record("\(error)"); return }
            #expect(path == "orders.csv" && rows == 2 && first.count == 2)
            #expect(error.description.contains("orders.csv: none of its 2 rows can be used; line 2, column work_hours: '-2'"))
        }
        #expect(throws: RecordLogFailure.empty(path: "o.csv", what: "header")) { try OrderLog.parse([], path: "o.csv") }
        #expect(throws: RecordLogFailure.empty(path: "o.csv", what: "header")) { try OrderLog.parse(Array("\n\n".utf8), path: "o.csv") }
        #expect(throws: RecordLogFailure.empty(path: "orders.csv", what: "rows")) { try Self.orders("") }
        #expect(throws: RecordLogFailure.duplicateColumn(path: "orders.csv", column: "client")) {
            try Self.orders("", header: "client,received,work_hours,due,delivered,Client\n")
        }
        #expect(throws: RecordLogFailure.malformed(path: "orders.csv", line: 2, reason: "a quote inside an unquoted field")) {
            try Self.orders("1,a\"b,g,2027-01-04,2,2027-01-05,,false\n")
        }
    }

    @Test("a missing file or a directory: unreadable (exit 66), named")
    func missingFile() {
        do {
            _ = try OrderLog.read(path: "/no/such/orders.csv")
            Issue.record("no error")
        } catch {
            #expect(error == .unreadable(path: "/no/such/orders.csv", reason: "file not found"))
            #expect(error.isMissingInput)
        }
        #expect(throws: RecordLogFailure.unreadable(path: "/tmp", reason: "a directory, not a CSV file")) { try AbsenceLog.read(path: "/tmp") }
    }

    @Test("absences: kinds, censored rows, durations; bad rows warned by line, column and value")
    func absenceLog() throws {
        let log = try Self.absences("""
            Person,Kind,Start,End,Days,Team
            technician-03,sick,2027-03-02,2027-03-04,2.4,a
            account-manager-1,Burn-out,2027-03-02 00:00,,12.5,b
            technician-04,sick leave,2027-03-02,2027-03-02,,a
            technician-05,annual,2027-03-02,2027-03-04,3,a
            technician-06,sick,2027-03-05,2027-03-04,3,a
            technician-07,sick,2027-03-02,2027-03-04,-3,a
            technician-08,sick,03/02/2027,2027-03-04,3,a
            ,sick,2027-03-02,2027-03-04,3,a
            """ + "\n")
        #expect(log.rows.count == 3 && log.skippedRows == 5)
        #expect(log.extraColumns == ["team"])
        #expect(log.rows[0].kind == .sick && log.rows[0].durationDays == 2.4 && !log.rows[0].isCensored)
        #expect(log.rows[1].kind == .burnout && log.rows[1].isCensored && log.rows[1].durationDays == 12.5)
        #expect(log.rows[2].durationDays == 1 && log.rows[2].extra["team"] == "a")
        let byLine = Dictionary(uniqueKeysWithValues: log.warnings.map { ($0.line, $0) })
        #expect(byLine[5]?.column == "kind" && byLine[5]?.value == "annual")
        #expect(byLine[5]?.description.contains("absences.csv: line 5, column kind: 'annual': the kind must be sick or burnout") == true)
        #expect(byLine[6]?.column == "end" && byLine[6]?.description.contains("a negative duration is not allowed") == true)
        #expect(byLine[7]?.column == "days" && byLine[7]?.value == "-3")
        #expect(byLine[8]?.column == "start" && byLine[8]?.value == "03/02/2027")
        #expect(byLine[9]?.column == "person")
        #expect(throws: RecordLogFailure.self) { try Self.absences("person,kind,start\nt,sick,2027-01-04\n") }
    }
}
