/// Stream ids of every source of randomness in one replication.
///
/// Why fixed ids: a stream is derived from (seed, replication, stream id) only, never from
/// the policy or the sweep point, so every policy and point sees the same random inputs.
/// Technicians and clients get ranges of their own; a new client or a replacement hire takes
/// the next id in its range, the same in every policy up to the point where histories differ.
enum StreamLayout {
    static let keyClientDecision = 1
    static let newClients = 2
    static let technicianBase = 16
    static let technicianStride = 4          // daily hazards, overtime acceptance, sick and burn-out lengths
    static let maxTechnicians = 20_000
    static let clientBase = technicianBase + technicianStride * maxTechnicians
    static let clientStride = 4              // arrivals, work, attributes, churn
    static var maxClients: Int { (Int(RandomStreamLimits.maxStreamID) - clientBase) / clientStride }

    static func technicianHazards(_ t: Int) -> Int { technicianBase + technicianStride * t }
    static func technicianOvertime(_ t: Int) -> Int { technicianBase + technicianStride * t + 1 }
    static func technicianSickLength(_ t: Int) -> Int { technicianBase + technicianStride * t + 2 }
    static func technicianBurnoutLength(_ t: Int) -> Int { technicianBase + technicianStride * t + 3 }
    static func clientArrivals(_ c: Int) -> Int { clientBase + clientStride * c }
    static func clientWork(_ c: Int) -> Int { clientBase + clientStride * c + 1 }
    static func clientAttributes(_ c: Int) -> Int { clientBase + clientStride * c + 2 }
    static func clientChurn(_ c: Int) -> Int { clientBase + clientStride * c + 3 }
}

import SimulationKernel
enum RandomStreamLimits {
    static var maxStreamID: UInt64 { RandomStream.maxStreamID }
}
