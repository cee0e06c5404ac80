import Testing
import SimulationKernel

/// Counts live instances, to prove that the array releases exactly what it holds.
private final class Tracked {
    nonisolated(unsafe) static var live = 0
    let value: Int
    init(_ value: Int) { self.value = value; Tracked.live += 1 }
    deinit { Tracked.live -= 1 }
}

@Suite("Owned array", .serialized)
struct OwnedArrayTests {
    @Test("random appends, pops and in-place writes agree with an Array, across growth", arguments: [1, 2, 3])
    func againstReference(seed: UInt64) {
        var stream = RandomStream(masterSeed: seed, replication: 0, streamID: 0)
        var owned = OwnedArray<Int>()
        var reference: [Int] = []
        for step in 0..<5_000 {
            let u = stream.nextUniform()
            if u < 0.55 {
                owned.append(step)
                reference.append(step)
            } else if u < 0.8 {
                let popped = owned.popLast()
                #expect(popped == reference.popLast())
            } else if !reference.isEmpty {
                let i = Int(stream.nextUniform() * Double(reference.count))
                owned[i] += 7
                reference[i] += 7
            }
            #expect(owned.count == reference.count)
            #expect(owned.isEmpty == reference.isEmpty)
        }
        #expect(owned.elements == reference)
        #expect(Array(owned.indices) == Array(reference.indices))
    }

    @Test("the initialisers and contains(where:)")
    func initialisers() {
        let repeated = OwnedArray(repeating: 2.5, count: 4)
        #expect(repeated.elements == [2.5, 2.5, 2.5, 2.5])
        let copied = OwnedArray([3, 1, 4, 1, 5])
        #expect(copied.elements == [3, 1, 4, 1, 5])
        let hasFour = copied.contains(where: { $0 == 4 })
        let hasAboveFive = copied.contains(where: { $0 > 5 })
        #expect(hasFour && !hasAboveFive)
        let empty = OwnedArray<Int>(repeating: 0, count: 0)
        #expect(empty.isEmpty && empty.elements.isEmpty)
        var reserved = OwnedArray<Int>(minimumCapacity: 100)
        #expect(reserved.popLast() == nil)
        reserved.append(9)
        #expect(reserved[0] == 9)
    }

    @Test("elements holding references are released exactly once: popped, overwritten, and when the array goes")
    func releasesElements() {
        let before = Tracked.live
        do {
            var owned = OwnedArray<Tracked>()
            for i in 0..<100 { owned.append(Tracked(i)) }   // several doublings
            #expect(Tracked.live == before + 100)
            let last = owned.popLast()
            #expect(last?.value == 99)
            owned[0] = Tracked(1_000)                       // the old element 0 goes
            #expect(owned[0].value == 1_000)
            #expect(owned[98].value == 98)
            #expect(Tracked.live == before + 100)           // 99 held + the popped one, still referenced by `last`
            _ = last
        }
        #expect(Tracked.live == before)
    }
}
