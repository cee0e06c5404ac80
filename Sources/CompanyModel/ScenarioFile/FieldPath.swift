/// Where a value sits in a scenario file, written as users and sweeps name fields:
/// `technicians.overtime.premiumBands[1].premium`, `clients.key.ordersPerWeek`.
struct FieldPath: Sendable, Hashable, CustomStringConvertible {
    let description: String

    /// The whole document.
    static let root = FieldPath(description: "")

    var isRoot: Bool { description.isEmpty }

    /// The member `name` of the object at this path.
    func key(_ name: String) -> FieldPath {
        FieldPath(description: isRoot ? name : description + "." + name)
    }

    /// The element `position` (0-based) of the array at this path.
    func index(_ position: Int) -> FieldPath {
        FieldPath(description: description + "[\(position)]")
    }
}
