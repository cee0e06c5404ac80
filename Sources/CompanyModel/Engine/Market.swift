import Foundation
import SimulationKernel

/// The company's clients: their groups, each client's state and streams, the on-time record
/// that draws new clients, and where the key client stands after the decision.
struct Market: ~Copyable {
    let groups: [ClientGroup]
    /// Per group, what each order reads, as plain numbers (see `GroupTerms`), and the work
    /// content distributions.
    let groupTerms: OwnedArray<GroupTerms>
    var workDistributions: OwnedArray<Distribution>
    let keyGroup: Int?
    /// The group new clients join, if any.
    let joinGroup: Int?
    var clients = OwnedArray<ClientState>()
    /// Per group, its stream key (from its name) and the clients created in it so far.
    let groupKeys: [UInt64]
    var clientsCreated: [Int]
    /// The four client streams at the start of this replication's substream; a client reads
    /// the part keyed by its group and ordinal (`StreamLayout`).
    let clientStreamBases: (arrivals: RandomStream, work: RandomStream, attributes: RandomStream, churn: RandomStream)
    var newClientStream: RandomStream
    var onTime: OnTimeWindow
    /// The key client's one draw on the decision day (its response to new terms), and what
    /// its response changed while it stays.
    var decisionStream: RandomStream
    var keyVolumeFactor = 1.0
    var keyAbuseFactor = 1.0

    /// The scenario's groups, with no clients yet (`addClient`).
    /// Orders per arrival hour are `ordersPerWeek / arrivalHoursPerWeek` (168 for 24/7 arrivals).
    let arrivalHoursPerWeek: Double

    init(scenario: Scenario, seed: UInt64, replication: Int, arrivalHoursPerWeek: Double) {
        self.arrivalHoursPerWeek = arrivalHoursPerWeek
        let names = scenario.clientGroupNames
        let groups = names.map { scenario.clients[$0]! }
        self.groups = groups
        groupTerms = OwnedArray(groups.map(GroupTerms.init))
        workDistributions = OwnedArray(groups.map(\.workHours))
        keyGroup = groups.firstIndex(where: \.isKeyClient)
        joinGroup = scenario.joiningGroupName.flatMap { names.firstIndex(of: $0) }
        groupKeys = StreamLayout.groupKeys(names: names)
        clientsCreated = [Int](repeating: 0, count: groups.count)
        func stream(_ id: Int) -> RandomStream { RandomStream(masterSeed: seed, replication: replication, streamID: id) }
        clientStreamBases = (stream(StreamLayout.clientArrivals), stream(StreamLayout.clientWork),
                             stream(StreamLayout.clientAttributes), stream(StreamLayout.clientChurn))
        newClientStream = stream(StreamLayout.newClients)
        onTime = OnTimeWindow(days: max(1, Int(scenario.newClients.onTimeWindowDays.rounded(.up))))
        decisionStream = stream(StreamLayout.keyClientDecision)
    }

    /// Adds a client to group `g`, with the streams keyed by the group's name and the client's
    /// ordinal in it; returns its index, or nil when the group has no ordinals left.
    @discardableResult
    mutating func addClient(group g: Int) -> Int? {
        let ordinal = clientsCreated[g]
        guard ordinal < StreamLayout.maxClientsPerGroup else { return nil }
        clientsCreated[g] += 1
        let key = StreamLayout.clientKey(groupKey: groupKeys[g], ordinal: ordinal)
        let c = clients.count
        let group = groups[g]
        clients.append(ClientState(
            group: Int32(g), isKey: group.isKeyClient, ordersPerHour: group.ordersPerWeek / arrivalHoursPerWeek,
            arrivalStream: clientStreamBases.arrivals.keyed(key),
            workStream: clientStreamBases.work.keyed(key),
            attributeStream: clientStreamBases.attributes.keyed(key),
            churnStream: clientStreamBases.churn.keyed(key)))
        return c
    }

    /// One observation of how client `c` is served, which moves its satisfaction S (read by
    /// the month end's churn draw) towards a score x: S ← S + smoothing · (x − S), with x = 1
    /// for an order on time and x = exp(−days late / toleranceDays) for one late.
    ///
    /// Observations are each delivery (`deliver`), and at every week end each open order
    /// already past its due date (`observeOverdueOrders`), counted at the days it is overdue so
    /// far: a client whose work is stuck grows unhappy while it waits, not only once it comes.
    /// No random number is drawn, so the history stays the same for every policy up to the
    /// decision day.
    @inline(__always) mutating func observe(client c: Int, daysLate: Double) {
        let terms = groupTerms[Int(clients[c].group)]
        let score = daysLate > 0 ? exp(-daysLate / max(terms.toleranceDays, 1e-9)) : 1
        clients[c].satisfaction += terms.smoothing * (score - clients[c].satisfaction)
    }

    /// Active clients, counted without building an array: every week end asks, and must not
    /// allocate.
    var activeClientCount: Int {
        var count = 0
        for c in clients.indices where clients[c].active { count += 1 }
        return count
    }
}
