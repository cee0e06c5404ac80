import SimulationKernel

/// Stream ids of every source of randomness in one replication (technicians and managers by
/// slot), and the keys that number
/// clients and leaves inside their streams.
///
/// Why fixed ids and stable keys: a stream is derived from (seed, replication, stream id,
/// key) only, never from the policy, the outcome branch or the sweep point, so every policy
/// and point sees the same random inputs. Technicians own a range of ids by slot (a
/// replacement continues its slot's streams). Clients share four streams, one per kind of
/// draw, and each client reads the part keyed by its group's *name* and its ordinal in the
/// group (`clientKey`): renaming a group, or changing another group's `count`, leaves a
/// client's numbers unchanged. A leave's length is read from the part keyed by the day it
/// starts, so the same leave has the same length under every policy, however many leaves
/// the histories held before it.
enum StreamLayout {
    static let keyClientDecision = 1
    static let newClients = 2
    static let clientArrivals = 3
    static let clientWork = 4
    static let clientAttributes = 5
    static let clientChurn = 6
    /// The orders open at time 0 (`startingState.backlogDays`), keyed by group.
    static let startingBacklog = 7
    static let technicianBase = 16
    static let technicianStride = 4          // daily hazards, overtime acceptance, sick and burn-out lengths
    static let maxTechnicians = 20_000
    static let managerBase = technicianBase + technicianStride * maxTechnicians
    static let managerStride = 3             // daily hazards, sick and burn-out lengths
    static let maxManagers = 1_001
    /// Clients one group can hold: the ordinal takes the low 20 bits of a client's key.
    static let maxClientsPerGroup = 1 << 20

    static func technicianHazards(_ t: Int) -> Int { technicianBase + technicianStride * t }
    static func technicianOvertime(_ t: Int) -> Int { technicianBase + technicianStride * t + 1 }
    static func technicianSickLength(_ t: Int) -> Int { technicianBase + technicianStride * t + 2 }
    static func technicianBurnoutLength(_ t: Int) -> Int { technicianBase + technicianStride * t + 3 }

    static func managerHazards(_ m: Int) -> Int { managerBase + managerStride * m }
    static func managerSickLength(_ m: Int) -> Int { managerBase + managerStride * m + 1 }
    static func managerBurnoutLength(_ m: Int) -> Int { managerBase + managerStride * m + 2 }

    /// The key of client `ordinal` (0, 1, …, in the order the group's clients are created) of
    /// the group whose key is `groupKey`.
    static func clientKey(groupKey: UInt64, ordinal: Int) -> UInt64 { groupKey << 20 | UInt64(ordinal) }

    /// Keys for the groups named `names`, in that order: 26 bits of the FNV-1a hash of the
    /// name's UTF-8 bytes, so a key depends on the name alone. Two names whose keys collide
    /// (odds about n²/2^27 for n groups) are told apart deterministically: the later name in
    /// byte order hashes again with a counter appended, so only the pair's later member
    /// depends on the other's presence.
    static func groupKeys(names: [String]) -> [UInt64] {
        var taken = Set<UInt64>()
        var keys = [UInt64](repeating: 0, count: names.count)
        for i in names.indices.sorted(by: { Array(names[$0].utf8).lexicographicallyPrecedes(Array(names[$1].utf8)) }) {
            var attempt = 0
            var key = groupHash(names[i], attempt: attempt)
            while taken.contains(key) {
                attempt += 1
                key = groupHash(names[i], attempt: attempt)
            }
            taken.insert(key)
            keys[i] = key
        }
        return keys
    }

    /// FNV-1a (64-bit) of the name's bytes, then of `attempt`'s bytes when it is not 0,
    /// folded to 26 bits (xor of the high and low halves keeps every byte's influence).
    static func groupHash(_ name: String, attempt: Int) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        func mix(_ byte: UInt8) {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01b3
        }
        for byte in name.utf8 { mix(byte) }
        if attempt != 0 {
            mix(0)
            for byte in String(attempt).utf8 { mix(byte) }
        }
        return ((hash >> 32) ^ hash) & ((1 << 26) - 1)
    }
}

