extension EventQueue {
    /// Verifies the heap order, the live count and the slot bookkeeping; traps with a message
    /// naming the offending index. O(n): tests call it after every mutation.
    public func checkInvariants() {
        for index in entries.indices.dropFirst() {
            let parent = (index - 1) / 2
            precondition(!entries[index].precedes(entries[parent]),
                         "EventQueue heap order broken: entry \(index) (t=\(entries[index].time), seq=\(entries[index].sequence)) precedes its parent \(parent) (t=\(entries[parent].time), seq=\(entries[parent].sequence))")
        }
        let live = entries.filter { generations[Int($0.slot)] == $0.generation }.count
        precondition(live == liveCount, "EventQueue live count \(liveCount) but \(live) live entries in the heap")
        precondition(entries.count + freeSlots.count == generations.count,
                     "EventQueue slots leak: \(entries.count) entries + \(freeSlots.count) free ≠ \(generations.count) slots")
        precondition(Set(entries.map(\.slot)).count == entries.count, "EventQueue: two entries share a slot")
    }
}
