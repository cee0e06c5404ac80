/// A ticket for a scheduled event, used only to cancel it.
///
/// Why a slot and a generation: cancelling must be O(1) and allocate nothing. The queue keeps a
/// generation counter per slot; cancelling bumps it, and the stale heap entry is dropped when it
/// reaches the top (lazy deletion). A handle whose event already fired or was cancelled no
/// longer matches its slot's generation, so cancelling it again is a harmless no-op.
public struct EventHandle: Hashable, Sendable {
    @usableFromInline let slot: UInt32
    @usableFromInline let generation: UInt32

    @inlinable init(slot: UInt32, generation: UInt32) {
        self.slot = slot
        self.generation = generation
    }
}
