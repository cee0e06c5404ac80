// The `policies.<policy>.keyClientTerms` section of a scenario file, read by
// ScenarioFile/ScenarioReader+Negotiation.swift.

/// The commercial terms a policy gives the key client: what it is promised, and what it pays.
///
/// The baseline policy's terms are the status quo. Why the terms are a value of their own: the
/// key client *responds* to any change of them (`KeyClientResponse`), so the model must know
/// exactly which fields are promises to the client (these) and which are the company's own
/// operations (discipline, overtime, staffing), which the client does not see.
///
/// The defaults are the standard terms everyone else has: no priority, no rush service, no
/// discount, no surcharge, no escalation meetings.
public struct KeyClientTerms: Sendable, Hashable {
    /// Its orders' place in the queue.
    public var priority: Policy.KeyPriority = .none
    /// Whether its rush orders are accepted as rush (short lead time). If not, they arrive as
    /// ordinary orders with the standard lead time.
    public var acceptRush: Bool = false
    /// Price surcharge on accepted rush orders, a fraction of the price.
    public var rushSurcharge: Double = 0
    /// Price discount on all its orders, a fraction of the list price.
    public var discount: Double = 0
    /// Price surcharge on all its orders, a fraction of the list price ("priority if it pays
    /// 15 %"). Price = list × (1 − discount + surcharge), × (1 + rushSurcharge) for rush.
    public var surcharge: Double = 0
    /// Manager hours of an escalation meeting, held on demand for each accepted rush order and
    /// each late order (0: no meetings on demand).
    public var meetingManagerHours: Double = 0
    /// Technician hours an escalation adds to a rush order's work (rescheduling).
    public var meetingTechnicianHours: Double = 0

    public init() {}

    /// The field names of the terms that differ from `other`, in the file's spelling (for the
    /// message that asks for a response).
    public func differences(from other: KeyClientTerms) -> [String] {
        var names: [String] = []
        if priority != other.priority { names.append("priority") }
        if acceptRush != other.acceptRush { names.append("acceptRush") }
        if rushSurcharge != other.rushSurcharge { names.append("rushSurcharge") }
        if discount != other.discount { names.append("discount") }
        if surcharge != other.surcharge { names.append("surcharge") }
        if meetingManagerHours != other.meetingManagerHours { names.append("meetingManagerHours") }
        if meetingTechnicianHours != other.meetingTechnicianHours { names.append("meetingTechnicianHours") }
        return names
    }

    /// The price factor on its list price: 1 − discount + surcharge.
    public var priceFactor: Double { 1 - discount + surcharge }
}

extension KeyClientTerms {
    /// The privileges of the canonical study's status quo: preemptive priority, rush orders
    /// accepted at no surcharge, a 15 % discount, meetings on demand (3 manager hours, 1
    /// technician hour added to a rush order).
    public static var privileged: KeyClientTerms {
        var terms = KeyClientTerms()
        terms.priority = .preemptive
        terms.acceptRush = true
        terms.discount = 0.15
        terms.meetingManagerHours = 3
        terms.meetingTechnicianHours = 1
        return terms
    }

    /// The standard terms everyone else has (the defaults).
    public static var standard: KeyClientTerms { KeyClientTerms() }
}
