import Testing
import SimulationKernel

@Suite("Index bit set")
struct IndexBitSetTests {
    @Test("random inserts and removals agree with a reference set, lowest member included", arguments: [1, 2, 3, 42])
    func againstReference(seed: UInt64) {
        var stream = RandomStream(masterSeed: seed, replication: 0, streamID: 0)
        var bits = IndexBitSet()
        var reference = Set<Int>()
        for _ in 0..<5_000 {
            // Indices cluster low (as technicians do) but reach several words.
            let index = Int(stream.nextUniform() * stream.nextUniform() * 300)
            let member = stream.nextUniform() < 0.5
            bits.set(index, member)
            if member { reference.insert(index) } else { reference.remove(index) }
            let lowest = bits.lowest()
            #expect(lowest == reference.min())
            #expect(bits.contains(index) == member)
        }
        #expect(bits.members == reference.sorted())
    }

    @Test("an empty set has no lowest member; removing what was never added changes nothing")
    func edges() {
        var bits = IndexBitSet()
        var lowest = bits.lowest()
        let empty = bits.isEmpty()
        #expect(lowest == nil && empty)
        bits.set(1_000, false)
        lowest = bits.lowest()
        #expect(lowest == nil)
        #expect(!bits.contains(-1))
        bits.set(130, true)
        bits.set(64, true)
        lowest = bits.lowest()
        #expect(lowest == 64)
        bits.set(64, false)
        lowest = bits.lowest()
        #expect(lowest == 130)
        bits.set(0, true)   // below the remembered first word
        lowest = bits.lowest()
        #expect(lowest == 0)
    }
}
