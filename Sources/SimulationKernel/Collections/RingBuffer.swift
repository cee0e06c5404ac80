/// A first-in-first-out queue of values in a growable circular buffer.
///
/// Why: waiting lines are pushed at the back and popped at the front millions of times per run.
/// `Array.removeFirst()` is O(n); this is O(1) and, once its capacity has grown to the longest
/// line seen, allocates nothing.
public struct RingBuffer<Element> {
    @usableFromInline var storage: ContiguousArray<Element?>
    @usableFromInline var head = 0
    @usableFromInline var size = 0

    @inlinable public init(capacity: Int = 16) {
        storage = ContiguousArray(repeating: nil, count: Swift.max(1, capacity))
    }

    @inlinable public var count: Int { size }
    @inlinable public var isEmpty: Bool { size == 0 }

    /// Appends at the back. - Complexity: amortised O(1).
    @inlinable public mutating func append(_ element: Element) {
        if size == storage.count { grow() }
        var index = head &+ size
        if index >= storage.count { index &-= storage.count }
        storage[index] = element
        size &+= 1
    }

    /// Removes the front element, or returns `nil` when empty. - Complexity: O(1).
    @inlinable public mutating func popFirst() -> Element? {
        guard size > 0 else { return nil }
        let element = storage[head]
        storage[head] = nil
        head &+= 1
        if head == storage.count { head = 0 }
        size &-= 1
        return element
    }

    /// The front element without removing it.
    @inlinable public var first: Element? { size > 0 ? storage[head] : nil }

    /// The element at `offset` from the front (0 = front). - Precondition: `offset < count`.
    @inlinable public subscript(offset: Int) -> Element {
        precondition(offset >= 0 && offset < size, "RingBuffer index \(offset) out of range 0..<\(size)")
        var index = head &+ offset
        if index >= storage.count { index &-= storage.count }
        return storage[index]!
    }

    /// Removes every element, keeping the capacity.
    @inlinable public mutating func removeAll() {
        while popFirst() != nil {}
        head = 0
    }

    @usableFromInline mutating func grow() {
        var bigger = ContiguousArray<Element?>(repeating: nil, count: storage.count * 2)
        for offset in 0..<size {
            var index = head + offset
            if index >= storage.count { index -= storage.count }
            bigger[offset] = storage[index]
        }
        storage = bigger
        head = 0
    }
}
