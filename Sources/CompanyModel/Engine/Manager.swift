import SimulationKernel

/// One manager slot: an account manager or the production manager, with the slot's streams.
///
/// Why a record of its own and not a `Technician`: managers do no production work (no shift
/// duty, orders or overtime), so they need only the parts of a technician that the day end
/// reads — presence, stress, the day's incidents and meeting hours — and their own streams
/// (`StreamLayout.managerHazards`), so that adding managers moves no technician's or client's
/// numbers. A replacement continues the slot's streams, as a technician's does.
struct Manager {
    enum Role: Sendable, Hashable {
        case accountManager
        case productionManager
    }

    let role: Role
    var streams: ManagerStreams
    var employed = true
    var present = true
    var leaveEndsHours = 0.0
    var stress = 0.0
    var abuseToday = 0
    var meetingHoursToday = 0.0
    var quitsTonight = false

    init(role: Role, streams: ManagerStreams) {
        self.role = role
        self.streams = streams
    }
}

/// A manager slot's streams: the daily hazard draws, and the bases keyed by day for the
/// lengths of sick and burn-out leaves (see `TechnicianStreams`).
struct ManagerStreams {
    var hazards: RandomStream
    let sickLength: RandomStream
    let burnoutLength: RandomStream

    init(seed: UInt64, replication: Int, manager m: Int) {
        hazards = RandomStream(masterSeed: seed, replication: replication, streamID: StreamLayout.managerHazards(m))
        sickLength = RandomStream(masterSeed: seed, replication: replication, streamID: StreamLayout.managerSickLength(m))
        burnoutLength = RandomStream(masterSeed: seed, replication: replication, streamID: StreamLayout.managerBurnoutLength(m))
    }
}
