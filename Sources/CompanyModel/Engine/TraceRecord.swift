/// One line of a replication's event log (`bigclient trace`).
public struct TraceRecord: Sendable, Hashable {
    public var timeHours: Double
    public var event: String
    /// −1 when not applicable.
    public var order: Int
    public var client: Int
    public var technician: Int
    public var details: String

    public static let csvHeader = "time_hours,day,event,order,client,technician,details"
}
