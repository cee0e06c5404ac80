extension EventQueue {
    /// Verifies the heap order, the live count and the slot bookkeeping; traps with a message
    /// naming the offending index. O(n): tests call it after every mutation.
    public func checkInvariants() {
        let heap = entries.prefix(heapCount)
        for index in heap.indices.dropFirst() {
            let parent = (index - 1) / 2
            precondition(heap[index].key > heap[parent].key,
                         "EventQueue heap order broken: entry \(index) (t=\(heap[index].time), seq=\(heap[index].sequence)) precedes its parent \(parent) (t=\(heap[parent].time), seq=\(heap[parent].sequence))")
        }
        // A taken root is no longer an event: it is neither live nor holds a slot.
        let pending = rootTaken ? heap.dropFirst() : heap[...]
        let live = pending.filter { $0.slot == Self.noSlot || slotOwners[Int($0.slot)] == $0.sequence }.count
        precondition(live == liveCount, "EventQueue live count \(liveCount) but \(live) live entries in the heap")
        let slotted = pending.filter { $0.slot != Self.noSlot }
        precondition(slotted.count + freeSlots.count == slotOwners.count,
                     "EventQueue slots leak: \(slotted.count) slotted entries + \(freeSlots.count) free ≠ \(slotOwners.count) slots")
        precondition(Set(slotted.map(\.slot)).count == slotted.count, "EventQueue: two entries share a slot")
    }
}
