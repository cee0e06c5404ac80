/// A priority queue of future events, ordered by (time, insertion sequence).
///
/// Why this shape:
/// - **Deterministic ties.** Events at the same time leave in the order they were scheduled
///   (first in, first out), so a run depends only on its inputs, never on heap layout.
/// - **No allocation per event.** Entries are value types in one contiguous array-backed binary
///   heap (the classic implicit heap of Williams, 1964); the arrays keep their capacity, so after
///   warm-up pushing and popping allocates nothing.
/// - **O(1) cancellation** by lazy deletion: `cancel` bumps a per-slot generation counter and
///   the stale entry is discarded when it surfaces. The queue never searches for an entry.
///
/// ```swift
/// var queue = EventQueue<String>()
/// let h = queue.push("b", at: 2)
/// queue.push("a", at: 1)
/// queue.cancel(h)
/// queue.popMin()   // (time: 1, payload: "a")
/// queue.popMin()   // nil: "b" was cancelled
/// ```
///
/// Sift operations run on an unsafe buffer (no bounds checks) behind this safe API; the
/// randomized tests compare it with a sorted-array reference and `checkInvariants()`.
public struct EventQueue<Payload> {
    @usableFromInline
    struct Entry {
        @usableFromInline var time: Double
        @usableFromInline var sequence: UInt64
        @usableFromInline var slot: UInt32
        @usableFromInline var generation: UInt32
        @usableFromInline var payload: Payload

        @inlinable
        init(time: Double, sequence: UInt64, slot: UInt32, generation: UInt32, payload: Payload) {
            self.time = time
            self.sequence = sequence
            self.slot = slot
            self.generation = generation
            self.payload = payload
        }

        /// Strict (time, sequence) order; sequences are unique, so this is a total order.
        @inlinable @inline(__always)
        func precedes(_ other: Entry) -> Bool {
            time < other.time || (time == other.time && sequence < other.sequence)
        }
    }

    @usableFromInline var entries: ContiguousArray<Entry> = []
    /// Current generation of each slot; a pending entry is live iff its generation matches.
    @usableFromInline var generations: ContiguousArray<UInt32> = []
    @usableFromInline var freeSlots: ContiguousArray<UInt32> = []
    @usableFromInline var nextSequence: UInt64 = 0
    @usableFromInline var liveCount = 0

    @inlinable public init() {}

    /// Creates an empty queue with room for `capacity` pending events before any reallocation.
    @inlinable public init(reservingCapacity capacity: Int) {
        entries.reserveCapacity(capacity)
        generations.reserveCapacity(capacity)
        freeSlots.reserveCapacity(capacity)
    }

    /// Number of pending, not cancelled, events.
    ///
    /// - Complexity: O(1).
    @inlinable public var count: Int { liveCount }

    /// True when no live event is pending.
    @inlinable public var isEmpty: Bool { liveCount == 0 }

    /// Total number of events ever pushed; also the sequence number the next push will get.
    @inlinable public var pushedCount: UInt64 { nextSequence }

    /// Schedules `payload` at `time`.
    ///
    /// - Returns: a handle that can cancel this event until it is popped.
    /// - Complexity: O(log n) comparisons, amortised O(1) allocation-free after warm-up.
    @inlinable @discardableResult
    public mutating func push(_ payload: Payload, at time: Double) -> EventHandle {
        let slot: UInt32
        if let reused = freeSlots.popLast() {
            slot = reused
        } else {
            precondition(generations.count < Int(UInt32.max), "EventQueue: more than \(UInt32.max) pending events")
            slot = UInt32(generations.count)
            generations.append(0)
        }
        let generation = generations[Int(slot)]
        entries.append(Entry(time: time, sequence: nextSequence, slot: slot, generation: generation, payload: payload))
        nextSequence &+= 1
        liveCount += 1
        siftUp(from: entries.count - 1)
        return EventHandle(slot: slot, generation: generation)
    }

    /// Cancels a pending event.
    ///
    /// - Returns: `true` if the event was pending and is now cancelled; `false` if it had
    ///   already fired or been cancelled (a no-op).
    /// - Complexity: O(1).
    @inlinable @discardableResult
    public mutating func cancel(_ handle: EventHandle) -> Bool {
        let slot = Int(handle.slot)
        guard slot < generations.count, generations[slot] == handle.generation else { return false }
        generations[slot] &+= 1
        liveCount -= 1
        return true
    }

    /// Removes and returns the earliest live event, or `nil` if none is pending.
    ///
    /// - Complexity: O(log n) amortised (cancelled entries are discarded on the way).
    @inlinable
    public mutating func popMin() -> (time: Double, payload: Payload)? {
        while let top = removeTop() {
            let slot = Int(top.slot)
            freeSlots.append(top.slot)
            if generations[slot] == top.generation {
                generations[slot] &+= 1
                liveCount -= 1
                return (top.time, top.payload)
            }
        }
        return nil
    }

    /// Removes and returns the earliest live event; the queue must hold one.
    ///
    /// - Precondition: `!isEmpty`.
    @inlinable
    public mutating func removeMin() -> (time: Double, payload: Payload) {
        guard let next = popMin() else { preconditionFailure("EventQueue.removeMin() called on an empty queue") }
        return next
    }

    /// The time of the earliest live event, or `nil`. Mutating because it discards cancelled
    /// entries that sit at the top.
    ///
    /// - Complexity: O(1) unless cancelled entries must be discarded.
    @inlinable
    public mutating func minimumTime() -> Double? {
        while !entries.isEmpty {
            let slot = Int(entries[0].slot)
            if generations[slot] == entries[0].generation { return entries[0].time }
            _ = removeTop()
            freeSlots.append(UInt32(slot))
        }
        return nil
    }

    /// Removes every pending event; keeps the storage for reuse.
    @inlinable
    public mutating func removeAll() {
        entries.removeAll(keepingCapacity: true)
        freeSlots.removeAll(keepingCapacity: true)
        for slot in generations.indices {
            generations[slot] &+= 1
            freeSlots.append(UInt32(slot))
        }
        liveCount = 0
    }

    // MARK: - Heap mechanics

    @inlinable
    mutating func removeTop() -> Entry? {
        guard let last = entries.popLast() else { return nil }
        if entries.isEmpty { return last }
        let top = entries[0]
        siftDown(placing: last)
        return top
    }

    /// Moves the entry at `index` up to its place, shifting parents down into the hole.
    @inlinable
    mutating func siftUp(from index: Int) {
        entries.withUnsafeMutableBufferPointer { heap in
            var child = index
            let moving = heap[child]
            while child > 0 {
                let parent = (child &- 1) >> 1
                if !moving.precedes(heap[parent]) { break }
                heap[child] = heap[parent]
                child = parent
            }
            heap[child] = moving
        }
    }

    /// Places `moving` at the root hole and sifts it down, promoting the smaller child each step.
    @inlinable
    mutating func siftDown(placing moving: Entry) {
        entries.withUnsafeMutableBufferPointer { heap in
            let count = heap.count
            var hole = 0
            while true {
                let left = hole &* 2 &+ 1
                if left >= count { break }
                let right = left &+ 1
                let smaller = (right < count && heap[right].precedes(heap[left])) ? right : left
                if !heap[smaller].precedes(moving) { break }
                heap[hole] = heap[smaller]
                hole = smaller
            }
            heap[hole] = moving
        }
    }
}
