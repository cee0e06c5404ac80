import CompanyModel
import Experiments
import Testing

/// The event log's text is part of what a refactor must not change (the results fingerprint
/// compares `bigclient trace` byte for byte), and a traced run shows only the kinds its
/// scenario happens to produce. So every kind is rendered here, through the same path as
/// `bigclient trace` (`csvFields`, quoted by `CSVFormat`), against the line it has always had.
@Suite("Trace events: rendering to the CSV log")
struct TraceEventRenderingTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let record: TraceRecord
        let line: String
        init(_ kind: TraceEvent, order: Int = -1, client: Int = -1, technician: Int = -1, _ line: String) {
            record = TraceRecord(timeHours: 30.5, kind: kind, order: order, client: client, technician: technician)
            self.line = line
        }
        var testDescription: String { line }
    }

    static let cases: [Case] = [
        Case(.arrival(workHours: 6, dueHours: 270.25, rush: false), order: 3, client: 5,
             "30.5000,1,arrival,3,5,,work 6.00h due 270.25h"),
        Case(.arrival(workHours: 4.126, dueHours: 78.5, rush: true), order: 3, client: 0,
             "30.5000,1,arrival,3,0,,work 4.13h due 78.50h rush"),
        Case(.start, order: 3, client: 5, technician: 2, "30.5000,1,start,3,5,2,"),
        Case(.preempt, order: 3, client: 5, technician: 2, "30.5000,1,preempt,3,5,2,"),
        Case(.returned, order: 3, client: 5, technician: 2, "30.5000,1,return,3,5,2,"),
        Case(.deliver(lateDays: nil), order: 3, client: 5, technician: 2, "30.5000,1,deliver,3,5,2,on time"),
        Case(.deliver(lateDays: 1.5), order: 3, client: 5, technician: 2, "30.5000,1,deliver,3,5,2,late 1.50d"),
        Case(.abuse, order: 3, client: 0, technician: 2, "30.5000,1,abuse,3,0,2,"),
        Case(.overtime(eveningHours: 2), technician: 2, "30.5000,1,overtime,,,2,evening 2.00h"),
        Case(.restDayShift, technician: 2, "30.5000,1,rest-day shift,,,2,"),
        Case(.overtimeEnd(hours: 1.75), technician: 2, "30.5000,1,overtime end,,,2,1.75h"),
        Case(.leave(.sickLeave, days: 3), technician: 2, "30.5000,1,sick leave,,,2,3.00 days"),
        Case(.leave(.burnout, days: 21.5), technician: 2, "30.5000,1,burn-out,,,2,21.50 days"),
        Case(.back, technician: 2, "30.5000,1,back,,,2,"),
        Case(.resign(utilisation: 0.8, replaced: true), technician: 2,
             #"30.5000,1,resign,,,2,"utilisation 0.80, replaced""#),
        Case(.resign(utilisation: 0.8, replaced: false), technician: 2,
             #"30.5000,1,resign,,,2,"utilisation 0.80, not replaced""#),
        Case(.hire(extraTechnician: false), technician: 2, "30.5000,1,hire,,,2,"),
        Case(.hire(extraTechnician: true), technician: 8, "30.5000,1,hire,,,8,extra technician"),
        Case(.newClient, client: 7, "30.5000,1,new client,,7,,"),
        Case(.clientLost(.churn), client: 7, "30.5000,1,client lost,,7,,churn"),
        Case(.clientLost(.respondedToTerms), client: 0,
             "30.5000,1,client lost,,0,,left in response to the new terms"),
        Case(.decision(policy: "standard"), "30.5000,1,decision,,,,policy standard"),
        Case(.decision(policy: #"say "no", politely"#), #"30.5000,1,decision,,,,"policy say ""no"", politely""#),
        Case(.keyClientResponds(outcome: "reducesVolume", volumeFactor: 0.8, abuseFactor: 1.5),
             #"30.5000,1,key client responds,,,,"reducesVolume: volume × 0.8, abuse × 1.5""#),
        Case(.letGo, technician: 12, "30.5000,1,let go,,,12,extra technician no longer employed"),
        Case(.runaway(ordersInSystem: 5001), "30.5000,1,runaway,,,,5001 orders in the system"),
    ]

    @Test("every kind of event renders to its CSV line", arguments: cases)
    func rendersLine(_ c: Case) {
        #expect(CSVFormat.row(c.record.csvFields.map(CSVFormat.text)) == c.line + "\n")
    }

    @Test("the cases above cover all twenty kinds")
    func coversEveryKind() {
        let names = Set(Self.cases.map(\.record.event))
        #expect(names == ["arrival", "start", "preempt", "return", "deliver", "abuse", "overtime", "rest-day shift",
                          "overtime end", "sick leave", "burn-out", "back", "resign", "hire", "new client",
                          "client lost", "decision", "key client responds", "let go", "runaway"])
    }

    @Test("a record has one field per header column, and the day is the one its time falls in")
    func fieldsMatchHeader() {
        let record = TraceRecord(timeHours: 47.99996, kind: .back, technician: 0)
        #expect(record.csvFields.count == TraceRecord.csvHeader.split(separator: ",").count)
        #expect(record.csvFields[0] == "48.0000")   // rounded to four decimals…
        #expect(record.csvFields[1] == "1")         // …but still on day 1
    }
}
