/// A growable array with exactly one owner: a noncopyable value over one heap block.
///
/// Why not `Array`: an `Array` is copy-on-write, so every write through it first asks the
/// runtime whether its buffer is shared (`swift_isUniquelyReferenced`), and reading an element
/// that holds references returns a retained copy. A model's event handler writes a dozen
/// fields of orders, technicians and clients per event; those checks and copies were about a
/// tenth of the instructions of an order-heavy run (docs/performance.md). A noncopyable array
/// cannot be shared, so it needs no check, and elements are read and written in place.
///
/// What it keeps from `Array`: bounds are checked on every access (a precondition, as
/// `Array` does), and it grows by doubling. It frees its elements and its block when its owner
/// goes away.
public struct OwnedArray<Element>: ~Copyable {
    @usableFromInline var base: UnsafeMutablePointer<Element>
    @usableFromInline var storedCount: Int
    @usableFromInline var capacity: Int

    /// An empty array with room for `minimumCapacity` elements before it grows.
    @inlinable public init(minimumCapacity: Int = 0) {
        capacity = max(1, minimumCapacity)
        base = .allocate(capacity: capacity)
        storedCount = 0
    }

    /// `count` copies of `value`.
    @inlinable public init(repeating value: Element, count: Int) {
        precondition(count >= 0, "OwnedArray: negative count \(count)")
        capacity = max(1, count)
        base = .allocate(capacity: capacity)
        base.initialize(repeating: value, count: count)
        storedCount = count
    }

    /// The elements of `elements`, in order.
    @inlinable public init(_ elements: [Element]) {
        capacity = max(1, elements.count)
        base = .allocate(capacity: capacity)
        storedCount = 0
        for element in elements { append(element) }
    }

    deinit {
        base.deinitialize(count: storedCount)
        base.deallocate()
    }

    @inlinable public var count: Int { storedCount }
    @inlinable public var isEmpty: Bool { storedCount == 0 }
    @inlinable public var indices: Range<Int> { 0..<storedCount }

    /// The element at `index`, read and written in place (no copy, no uniqueness check).
    @inlinable public subscript(index: Int) -> Element {
        unsafeAddress {
            precondition(UInt(bitPattern: index) < UInt(bitPattern: storedCount), "OwnedArray: index \(index) out of range 0..<\(storedCount)")
            return UnsafePointer(base + index)
        }
        unsafeMutableAddress {
            precondition(UInt(bitPattern: index) < UInt(bitPattern: storedCount), "OwnedArray: index \(index) out of range 0..<\(storedCount)")
            return base + index
        }
    }

    @inlinable public mutating func append(_ element: Element) {
        if storedCount == capacity { grow() }
        (base + storedCount).initialize(to: element)
        storedCount += 1
    }

    /// Removes and returns the last element, or nil when empty.
    @inlinable public mutating func popLast() -> Element? {
        guard storedCount > 0 else { return nil }
        storedCount -= 1
        return (base + storedCount).move()
    }

    /// Whether an element satisfies `predicate`.
    @inlinable public func contains(where predicate: (Element) throws -> Bool) rethrows -> Bool {
        for i in 0..<storedCount where try predicate(base[i]) { return true }
        return false
    }

    /// The elements as an ordinary array (a copy), for reports and tests.
    @inlinable public var elements: [Element] {
        Array(UnsafeBufferPointer(start: base, count: storedCount))
    }

    /// Doubles the block; not inlined, as it runs a logarithmic number of times.
    @usableFromInline mutating func grow() {
        let newCapacity = capacity * 2
        let newBase = UnsafeMutablePointer<Element>.allocate(capacity: newCapacity)
        newBase.moveInitialize(from: base, count: storedCount)
        base.deallocate()
        base = newBase
        capacity = newCapacity
    }
}

/// Safe to send: the array has one owner, and its elements are sendable.
extension OwnedArray: @unchecked Sendable where Element: Sendable {}
