/// The growing event log of one traced replication.
///
/// Why a class that the model calls as `trace?.record(…)`: when there is no log, optional
/// chaining skips the call and the building of its event, and the model's state is not
/// touched. (A method on the model with autoclosures made Swift copy the whole replication,
/// several kilobytes, at some call sites: 7 % of the instructions of an order-heavy run.)
final class TraceLog {
    var records: [TraceRecord] = []

    func record(at time: Double, _ event: TraceEvent, order: Int = -1, client: Int = -1, technician: Int = -1) {
        records.append(TraceRecord(timeHours: time, kind: event, order: order, client: client, technician: technician))
    }
}
