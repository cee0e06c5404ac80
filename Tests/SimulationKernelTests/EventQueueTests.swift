import Testing
import SimulationKernel

@Suite("Event queue")
struct EventQueueTests {
    /// A sorted-array reference: the obviously correct, slow priority queue.
    struct ReferenceQueue {
        var items: [(time: Double, sequence: Int, id: Int)] = []
        var nextSequence = 0
        mutating func push(id: Int, at time: Double) {
            items.append((time, nextSequence, id))
            nextSequence += 1
            items.sort { ($0.time, $0.sequence) < ($1.time, $1.sequence) }
        }
        mutating func cancel(id: Int) -> Bool {
            guard let index = items.firstIndex(where: { $0.id == id }) else { return false }
            items.remove(at: index)
            return true
        }
        mutating func pop() -> (time: Double, id: Int)? {
            items.isEmpty ? nil : { let first = items.removeFirst(); return (first.time, first.id) }()
        }
    }

    @Test("random push/pop/cancel sequences match a sorted-array reference", arguments: 0..<40)
    func matchesReference(seed: Int) {
        var random = RandomStream(masterSeed: 7, replication: seed, streamID: 0)
        var queue = EventQueue<Int>()
        var reference = ReferenceQueue()
        var handles: [Int: EventHandle] = [:]
        var nextID = 0
        for _ in 0..<600 {
            let u = random.nextUniform()
            if u < 0.5 {
                // Coarse times (multiples of 0.5) make ties frequent, exercising the tie-breaker.
                let time = (random.nextUniform() * 20).rounded() / 2
                // Every other event is cancellable, so both kinds of entry share the heap.
                if nextID % 2 == 0 {
                    handles[nextID] = queue.pushCancellable(nextID, at: time)
                } else {
                    queue.push(nextID, at: time)
                }
                reference.push(id: nextID, at: time)
                nextID += 1
            } else if u < 0.65, nextID > 0 {
                let id = Int(random.nextUniform() * Double(nextID)) / 2 * 2
                let cancelled = queue.cancel(handles[id]!)
                #expect(cancelled == reference.cancel(id: id), "cancel of \(id)")
            } else {
                let got = queue.popMin()
                let want = reference.pop()
                #expect(got?.payload == want?.id)
                #expect(got?.time == want?.time)
            }
            #expect(queue.count == reference.items.count)
            queue.checkInvariants()
        }
        while let want = reference.pop() {
            #expect(queue.popMin()?.payload == want.id)
        }
        #expect(queue.popMin() == nil)
        #expect(queue.isEmpty)
    }

    @Test("events at equal times pop in insertion order")
    func tiesAreFIFO() {
        var queue = EventQueue<Int>()
        for id in 0..<100 { queue.push(id, at: Double(id % 3)) }
        var popped: [Int] = []
        while let next = queue.popMin() { popped.append(next.payload) }
        let expected = (0..<100).filter { $0 % 3 == 0 } + (0..<100).filter { $0 % 3 == 1 } + (0..<100).filter { $0 % 3 == 2 }
        #expect(popped == expected)
    }

    @Test("cancelled events never fire, and cancelling twice or after firing is a no-op")
    func cancelledNeverFire() {
        var queue = EventQueue<String>()
        let a = queue.pushCancellable("a", at: 1)
        let b = queue.pushCancellable("b", at: 2)
        queue.push("c", at: 3)
        let firstCancel = queue.cancel(b)
        let secondCancel = queue.cancel(b)
        #expect(firstCancel)
        #expect(!secondCancel)
        #expect(queue.count == 2)
        #expect(queue.popMin()?.payload == "a")
        let lateCancel = queue.cancel(a)
        #expect(!lateCancel, "a already fired")
        #expect(queue.popMin()?.payload == "c")
        #expect(queue.popMin() == nil)
        queue.checkInvariants()
    }

    @Test("a stale handle cannot cancel a later event that reuses its slot")
    func slotReuseIsSafe() {
        var queue = EventQueue<Int>()
        let first = queue.pushCancellable(1, at: 1)
        _ = queue.popMin()
        let second = queue.pushCancellable(2, at: 2)
        let staleCancel = queue.cancel(first)
        #expect(!staleCancel)
        #expect(queue.popMin()?.payload == 2)
        let firedCancel = queue.cancel(second)
        #expect(!firedCancel)
    }

    @Test("negative, zero and positive times keep their order, ties included")
    func orderingOfTimes() {
        var queue = EventQueue<Int>()
        let times: [Double] = [3, -2.5, 0, -0.0, 1e300, -1e-300, 0, 7, -2.5]
        for (id, time) in times.enumerated() { queue.push(id, at: time) }
        var popped: [Int] = []
        while let next = queue.popMin() { popped.append(next.payload) }
        // Sorted by time, equal times (−2.5 twice, 0 / −0 / 0) in insertion order.
        #expect(popped == [1, 8, 5, 2, 3, 6, 0, 7, 4])
    }

    @Test("popMin(notAfter:) leaves later events in place")
    func popNotAfter() {
        var queue = EventQueue<Int>()
        queue.push(1, at: 5)
        #expect(queue.popMin(notAfter: 4) == nil)
        #expect(queue.count == 1)
        #expect(queue.popMin(notAfter: 5)?.payload == 1)
    }

    @Test("a copy is independent of the original, also while a taken event waits to be overwritten")
    func copiesAreIndependent() {
        var original = EventQueue<String>()
        for (id, time) in [("a", 1.0), ("b", 2), ("c", 3)] { original.push(id, at: time) }
        #expect(original.popMin()?.payload == "a")
        var copy = original
        original.push("d", at: 0.5)
        #expect(copy.count == 2)
        copy.push("e", at: 2.5)
        #expect(original.count == 3)
        original.checkInvariants()
        copy.checkInvariants()
        var fromOriginal: [String] = []
        while let next = original.popMin() { fromOriginal.append(next.payload) }
        var fromCopy: [String] = []
        while let next = copy.popMin() { fromCopy.append(next.payload) }
        #expect(fromOriginal == ["d", "b", "c"])
        #expect(fromCopy == ["b", "e", "c"])
    }

    @Test("after popMin, the taken event's slot and handle are released before its entry is overwritten")
    func takenEventReleasesItsSlot() {
        var queue = EventQueue<Int>()
        let first = queue.pushCancellable(1, at: 1)
        queue.push(2, at: 3)
        #expect(queue.popMin()?.payload == 1)
        #expect(queue.count == 1)
        let staleCancel = queue.cancel(first)
        #expect(!staleCancel)
        queue.checkInvariants()
        let second = queue.pushCancellable(3, at: 2)   // reuses the taken event's slot
        queue.checkInvariants()
        #expect(queue.minimumTime() == 2)
        let cancelled = queue.cancel(second)
        #expect(cancelled)
        #expect(queue.popMin()?.payload == 2)
        #expect(queue.minimumTime() == nil)
        queue.checkInvariants()
    }

    @Test("minimumTime skips cancelled entries at the top")
    func minimumTimeSkipsCancelled() {
        var queue = EventQueue<Int>()
        let h = queue.pushCancellable(1, at: 1)
        queue.push(2, at: 5)
        queue.cancel(h)
        #expect(queue.minimumTime() == 5)
        queue.removeAll()
        #expect(queue.isEmpty)
        #expect(queue.minimumTime() == nil)
        queue.checkInvariants()
    }
}
