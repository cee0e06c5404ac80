/// A priority queue of future events, ordered by (time, insertion sequence).
///
/// Why this shape:
/// - **Deterministic ties.** Events at the same time leave in the order they were scheduled
///   (first in, first out), so a run depends only on its inputs, never on heap layout.
/// - **One comparison per step.** Each entry carries a 128-bit key: the time's bits mapped to an
///   order-preserving unsigned integer, then the insertion sequence. Comparing keys is a single
///   branch-free 128-bit comparison that already breaks ties.
/// - **No allocation per event.** Entries are value types in one contiguous array-backed binary
///   heap (Williams, 1964), removed with Floyd's bottom-up method (1964: the hole goes down to a
///   leaf, then the last entry climbs back, about half the comparisons of the textbook sift). The
///   array never shrinks, so after warm-up pushing and popping allocate nothing.
/// - **O(1) cancellation** by lazy deletion, and only for events that ask for it: a cancellable
///   event takes a slot that records its sequence number; `cancel` clears the record and the
///   stale entry is discarded when it surfaces. Ordinary events skip that bookkeeping.
/// - **A taken event leaves the heap late.** Handling an event usually schedules the next one,
///   so `popMin` only marks the root as taken, and the next push puts its entry in the root's
///   place and sifts it down: one sift and one storage write access instead of two, as in the
///   "hold" operation of Vaucher & Duval (1975). Any other mutation removes the taken root first.
///   The cost: a taken payload stays in storage until then (a reference payload lives a little
///   longer).
///
/// ```swift
/// var queue = EventQueue<String>()
/// let h = queue.pushCancellable("b", at: 2)
/// queue.push("a", at: 1)
/// queue.cancel(h)
/// queue.popMin()   // (time: 1, payload: "a")
/// queue.popMin()   // nil: "b" was cancelled
/// ```
///
/// Sift operations run on an unsafe buffer (no bounds checks) behind this safe API; the
/// randomized tests compare it with a sorted-array reference and `checkInvariants()`.
/// A binary heap was measured against a 4-ary one on the benchmark models (docs/performance.md).
public struct EventQueue<Payload> {
    @usableFromInline
    struct Entry {
        /// `orderedBits(time) << 64 | sequence << 24 | slot`: the ordering (time, then the
        /// unique sequence) and the cancellation slot in one integer, so an entry is 16 bytes
        /// plus the payload and comparing two entries is one 128-bit comparison.
        @usableFromInline var key: UInt128
        @usableFromInline var payload: Payload

        @inlinable
        init(key: UInt128, payload: Payload) {
            self.key = key
            self.payload = payload
        }

        @inlinable var time: Double { EventQueue.time(fromKey: key) }
        @inlinable var sequence: UInt64 { UInt64(truncatingIfNeeded: key) >> 24 }
        @inlinable var slot: UInt32 { UInt32(truncatingIfNeeded: key) & EventQueue.noSlot }
    }

    /// The slot field of an event that cannot be cancelled (24 bits, all ones).
    @usableFromInline static var noSlot: UInt32 { 0xFF_FFFF }
    /// Sequence numbers have 40 bits: about 10^12 events per queue.
    @usableFromInline static var maxSequence: UInt64 { 1 << 40 }

    /// `entries[0 ..< heapCount]` is the heap; entries beyond are spare storage.
    @usableFromInline var entries: ContiguousArray<Entry> = []
    @usableFromInline var heapCount = 0
    /// The sequence number of the pending event that owns each slot, or `UInt64.max` once that
    /// event is cancelled or gone. A slotted entry is live iff its sequence matches.
    @usableFromInline var slotOwners: ContiguousArray<UInt64> = []
    @usableFromInline var freeSlots: ContiguousArray<UInt32> = []
    @usableFromInline var nextSequence: UInt64 = 0
    @usableFromInline var liveCount = 0
    /// True when `entries[0]` was returned by `popMin` but is still in the heap: not live, its
    /// slot already freed, waiting to be overwritten by the next push.
    @usableFromInline var rootTaken = false

    @inlinable public init() {}

    /// Creates an empty queue with room for `capacity` pending events before any reallocation.
    @inlinable public init(reservingCapacity capacity: Int) {
        entries.reserveCapacity(capacity)
    }

    /// Number of pending, not cancelled, events.
    ///
    /// - Complexity: O(1).
    @inlinable public var count: Int { liveCount }

    /// True when no live event is pending.
    @inlinable public var isEmpty: Bool { liveCount == 0 }

    /// Schedules `payload` at `time`; the event cannot be cancelled.
    ///
    /// - Precondition: `time` is not NaN.
    /// - Complexity: O(log n), allocation-free after warm-up.
    @inlinable @inline(__always)
    public mutating func push(_ payload: Payload, at time: Double) {
        insert(payload, at: time, slot: Self.noSlot)
    }

    /// Schedules `payload` at `time` and returns a handle that can cancel it until it is popped.
    ///
    /// - Complexity: O(log n), allocation-free after warm-up.
    @inlinable
    public mutating func pushCancellable(_ payload: Payload, at time: Double) -> EventHandle {
        let slot: UInt32
        if let reused = freeSlots.popLast() {
            slot = reused
        } else {
            precondition(slotOwners.count < Int(Self.noSlot), "EventQueue: more than \(Self.noSlot - 1) cancellable events pending")
            slot = UInt32(slotOwners.count)
            slotOwners.append(.max)
        }
        let sequence = nextSequence
        slotOwners[Int(slot)] = sequence
        insert(payload, at: time, slot: slot)
        return EventHandle(slot: slot, sequence: sequence)
    }

    /// Cancels a pending event.
    ///
    /// - Returns: `true` if the event was pending and is now cancelled; `false` if it had
    ///   already fired or been cancelled (a no-op).
    /// - Complexity: O(1).
    @inlinable @discardableResult
    public mutating func cancel(_ handle: EventHandle) -> Bool {
        let slot = Int(handle.slot)
        guard slot < slotOwners.count, slotOwners[slot] == handle.sequence else { return false }
        slotOwners[slot] = .max
        liveCount -= 1
        return true
    }

    /// Removes and returns the earliest live event, or `nil` if none is pending.
    ///
    /// - Complexity: O(log n) amortised (cancelled entries are discarded on the way).
    @inlinable
    public mutating func popMin() -> (time: Double, payload: Payload)? {
        popMin(notAfter: .infinity)
    }

    /// Removes and returns the earliest live event if its time is ≤ `limit`; otherwise `nil`,
    /// and the queue keeps it. One pass: no separate peek.
    ///
    /// - Complexity: O(log n) amortised.
    @inlinable @inline(__always)
    public mutating func popMin(notAfter limit: Double) -> (time: Double, payload: Payload)? {
        dropTakenRoot()
        while heapCount > 0 {
            let root = entries[0]
            let slot = root.slot
            if slot != Self.noSlot, slotOwners[Int(slot)] != root.sequence {
                discardRoot(freeing: slot)   // cancelled
                continue
            }
            let time = root.time
            if time > limit { return nil }
            rootTaken = true
            if slot != Self.noSlot {
                slotOwners[Int(slot)] = .max
                freeSlots.append(slot)
            }
            liveCount &-= 1
            return (time, root.payload)
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
        dropTakenRoot()
        while heapCount > 0 {
            let slot = entries[0].slot
            if slot == Self.noSlot || slotOwners[Int(slot)] == entries[0].sequence { return entries[0].time }
            discardRoot(freeing: slot)
        }
        return nil
    }

    /// Removes every pending event; keeps the storage for reuse.
    @inlinable
    public mutating func removeAll() {
        entries.removeAll(keepingCapacity: true)
        heapCount = 0
        rootTaken = false
        freeSlots.removeAll(keepingCapacity: true)
        for slot in slotOwners.indices {
            slotOwners[slot] = .max
            freeSlots.append(UInt32(slot))
        }
        liveCount = 0
    }

    // MARK: - Keys

    /// Maps a double to an unsigned integer with the same order (negative numbers included).
    @inlinable @inline(__always)
    static func orderedBits(_ time: Double) -> UInt64 {
        let bits = (time + 0.0).bitPattern   // + 0.0 turns −0 into +0
        return bits & (1 << 63) == 0 ? bits | (1 << 63) : ~bits
    }

    @inlinable @inline(__always)
    static func time(fromKey key: UInt128) -> Double {
        let ordered = UInt64(truncatingIfNeeded: key >> 64)
        return Double(bitPattern: ordered & (1 << 63) != 0 ? ordered & ~(1 << 63) : ~ordered)
    }

    // MARK: - Heap mechanics

    @inlinable @inline(__always)
    mutating func insert(_ payload: Payload, at time: Double, slot: UInt32) {
        precondition(!time.isNaN && nextSequence < Self.maxSequence, "EventQueue: cannot schedule at NaN or more than 2^40 events")
        let low = nextSequence << 24 | UInt64(slot)
        let entry = Entry(key: UInt128(Self.orderedBits(time)) << 64 | UInt128(low), payload: payload)
        nextSequence &+= 1
        liveCount &+= 1
        if rootTaken {
            rootTaken = false
            entries.withUnsafeMutableBufferPointer { heap in Self.siftFromRoot(entry, in: heap, count: heapCount) }
            return
        }
        let index = heapCount
        heapCount &+= 1
        if index == entries.count { entries.append(entry) }
        entries.withUnsafeMutableBufferPointer { heap in Self.siftUp(entry, from: index, in: heap) }
    }

    /// Drops a cancelled root and returns its slot to the free list.
    @inlinable
    mutating func discardRoot(freeing slot: UInt32) {
        removeRoot()
        freeSlots.append(slot)
    }

    /// Removes a root that `popMin` marked as taken, if any.
    @inlinable @inline(__always)
    mutating func dropTakenRoot() {
        if rootTaken {
            rootTaken = false
            removeRoot()
        }
    }

    /// Removes the root: the last entry takes its place.
    @inlinable @inline(__always)
    mutating func removeRoot() {
        heapCount &-= 1
        let count = heapCount
        if count == 0 { return }
        entries.withUnsafeMutableBufferPointer { heap in Self.siftFromRoot(heap[count], in: heap, count: count) }
    }

    /// Puts `entry` in the root's place in `heap[0 ..< count]` by Floyd's bottom-up method: the
    /// hole goes down to a leaf along the smaller children, then `entry` climbs back.
    @inlinable @inline(__always)
    static func siftFromRoot(_ entry: Entry, in heap: UnsafeMutableBufferPointer<Entry>, count: Int) {
        var hole = 0
        while true {
            let left = hole &* 2 &+ 1
            if left >= count { break }
            var smaller = left
            if left &+ 1 < count {
                // Arithmetic, not a branch: which child is smaller is a coin toss the branch
                // predictor loses half the time.
                smaller &+= heap[left &+ 1].key < heap[left].key ? 1 : 0
            }
            heap[hole] = heap[smaller]
            hole = smaller
        }
        siftUp(entry, from: hole, in: heap)
    }

    /// Puts `entry` at `hole` or above it: parents with larger keys move down into the hole.
    @inlinable @inline(__always)
    static func siftUp(_ entry: Entry, from hole: Int, in heap: UnsafeMutableBufferPointer<Entry>) {
        var hole = hole
        while hole > 0 {
            let parent = (hole &- 1) >> 1
            if entry.key >= heap[parent].key { break }
            heap[hole] = heap[parent]
            hole = parent
        }
        heap[hole] = entry
    }
}
