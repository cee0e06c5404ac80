import Foundation
import SimulationKernel

/// One line of a replication's event log (`bigclient trace`).
public struct TraceRecord: Sendable, Hashable {
    public var timeHours: Double
    /// What happened, with its figures.
    public var kind: TraceEvent
    /// −1 when not applicable.
    public var order: Int
    public var client: Int
    public var technician: Int

    public init(timeHours: Double, kind: TraceEvent, order: Int = -1, client: Int = -1, technician: Int = -1) {
        self.timeHours = timeHours
        self.kind = kind
        self.order = order
        self.client = client
        self.technician = technician
    }

    /// The `event` column (`kind`'s name).
    public var event: String { kind.name }
    /// The `details` column (`kind`'s figures in words).
    public var details: String { kind.details }

    public static let csvHeader = "time_hours,day,event,order,client,technician,details"

    /// The record's columns in `csvHeader`'s order, as text not yet quoted for CSV (the writer
    /// quotes: only `details` can hold a comma). The time has four decimals; the day is the
    /// index of the day the time falls in; an index that does not apply is empty.
    public var csvFields: [String] {
        func index(_ i: Int) -> String { i >= 0 ? String(i) : "" }
        return [String(format: "%.4f", timeHours), String(SimTime.dayIndex(ofHours: timeHours)), event,
                index(order), index(client), index(technician), details]
    }
}
