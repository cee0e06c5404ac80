/// A ticket for a scheduled event, used only to cancel it.
///
/// Why a slot and a sequence number: cancelling must be O(1) and allocate nothing. The queue
/// records, per slot, the sequence number of the event that holds it; cancelling clears the
/// record, and the stale heap entry is dropped when it reaches the top (lazy deletion). A handle
/// whose event already fired or was cancelled no longer matches its slot, so cancelling it again
/// is a harmless no-op, even after the slot has been reused (sequence numbers never repeat).
public struct EventHandle: Hashable, Sendable {
    @usableFromInline let slot: UInt32
    @usableFromInline let sequence: UInt64

    @inlinable init(slot: UInt32, sequence: UInt64) {
        self.slot = slot
        self.sequence = sequence
    }
}
