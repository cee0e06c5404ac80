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
                handles[nextID] = queue.push(nextID, at: time)
                reference.push(id: nextID, at: time)
                nextID += 1
            } else if u < 0.65, nextID > 0 {
                let id = Int(random.nextUniform() * Double(nextID))
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
        let a = queue.push("a", at: 1)
        let b = queue.push("b", at: 2)
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
        let first = queue.push(1, at: 1)
        _ = queue.popMin()
        let second = queue.push(2, at: 2)
        let staleCancel = queue.cancel(first)
        #expect(!staleCancel)
        #expect(queue.popMin()?.payload == 2)
        let firedCancel = queue.cancel(second)
        #expect(!firedCancel)
    }

    @Test("minimumTime skips cancelled entries at the top")
    func minimumTimeSkipsCancelled() {
        var queue = EventQueue<Int>()
        let h = queue.push(1, at: 1)
        queue.push(2, at: 5)
        queue.cancel(h)
        #expect(queue.minimumTime() == 5)
        queue.removeAll()
        #expect(queue.isEmpty)
        #expect(queue.minimumTime() == nil)
        queue.checkInvariants()
    }
}
