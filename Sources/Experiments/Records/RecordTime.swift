import SimulationKernel

/// A local date and time in a firm's records (no time zone): what the order and absence logs
/// hold in their date columns, to the second.
///
/// Why a type of its own and not `Date`: the logs are civil, local times as a firm writes
/// them (`2027-01-04T09:13:00`), and the model's clock is hours from `calendar.startDate`
/// midnight; a time zone would only add daylight-saving hours that neither side has.
public struct RecordTime: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var date: CivilDate
    /// Seconds after midnight, 0 ..< 86,400.
    public var secondOfDay: Int
    /// False when the text was a date alone (`YYYY-MM-DD`): the time is then midnight.
    public var hasTimeOfDay: Bool

    public init(date: CivilDate, secondOfDay: Int = 0, hasTimeOfDay: Bool = true) {
        self.date = date
        self.secondOfDay = secondOfDay
        self.hasTimeOfDay = hasTimeOfDay
    }

    /// What the date columns accept, for messages.
    public static let allowedForms = "a date YYYY-MM-DD, or a date and local time YYYY-MM-DDTHH:MM or YYYY-MM-DDTHH:MM:SS (a space may replace the T; no time zone)"

    /// Parses `YYYY-MM-DD`, `YYYY-MM-DDTHH:MM` or `YYYY-MM-DDTHH:MM:SS`, with a space allowed
    /// instead of the `T`; nil for anything else (a day that does not exist, 24:00, a time zone,
    /// fractions of a second).
    public init?(text raw: String) {
        let text = raw.trimmingSpaces
        let utf8 = Array(text.utf8)
        guard utf8.count == 10 || utf8.count == 16 || utf8.count == 19 else { return nil }
        guard let date = CivilDate(iso: String(decoding: utf8[0..<10], as: UTF8.self)) else { return nil }
        guard utf8.count > 10 else {
            self.init(date: date, secondOfDay: 0, hasTimeOfDay: false)
            return
        }
        guard utf8[10] == UInt8(ascii: "T") || utf8[10] == UInt8(ascii: " ") || utf8[10] == UInt8(ascii: "t"),
              utf8[13] == UInt8(ascii: ":") else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            guard utf8[range].allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return nil }
            return Int(String(decoding: utf8[range], as: UTF8.self))
        }
        guard let hour = number(11..<13), let minute = number(14..<16), hour < 24, minute < 60 else { return nil }
        var second = 0
        if utf8.count == 19 {
            guard utf8[16] == UInt8(ascii: ":"), let s = number(17..<19), s < 60 else { return nil }
            second = s
        }
        self.init(date: date, secondOfDay: hour * 3600 + minute * 60 + second, hasTimeOfDay: true)
    }

    /// The time `hours` after midnight of `start` (the model's clock), to the minute (rounded).
    public init(hours: Double, from start: CivilDate) {
        let minutes = Int((hours * 60).rounded())
        let day = minutes >= 0 ? minutes / 1440 : -((-minutes + 1439) / 1440)
        self.init(date: start.adding(days: day), secondOfDay: (minutes - day * 1440) * 60, hasTimeOfDay: true)
    }

    /// Seconds since 1970-01-01 00:00 (local), for differences.
    public var secondsSinceEpoch: Int { date.daysSinceEpoch * 86_400 + secondOfDay }

    /// Hours from `other` to this time (negative when this is earlier).
    public func hours(since other: RecordTime) -> Double { Double(secondsSinceEpoch - other.secondsSinceEpoch) / 3600 }

    /// Hours since midnight of `start`: the model's clock for a scenario starting that day.
    public func hours(sinceStartOf start: CivilDate) -> Double {
        Double(secondsSinceEpoch - start.daysSinceEpoch * 86_400) / 3600
    }

    /// `2027-01-04T09:13:00`, or `2027-01-04` for a date read without a time.
    public var description: String {
        guard hasTimeOfDay else { return date.description }
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(date.description)T\(two(secondOfDay / 3600)):\(two(secondOfDay / 60 % 60)):\(two(secondOfDay % 60))"
    }

    public static func < (a: RecordTime, b: RecordTime) -> Bool { a.secondsSinceEpoch < b.secondsSinceEpoch }
    /// Equal when they are the same instant (`2027-01-04` equals `2027-01-04T00:00`).
    public static func == (a: RecordTime, b: RecordTime) -> Bool { a.secondsSinceEpoch == b.secondsSinceEpoch }
    public func hash(into hasher: inout Hasher) { hasher.combine(secondsSinceEpoch) }
}

extension String {
    /// Without leading and trailing spaces and tabs (a spreadsheet's padding).
    var trimmingSpaces: String {
        var scalars = Substring(self)
        while let first = scalars.first, first == " " || first == "\t" { scalars.removeFirst() }
        while let last = scalars.last, last == " " || last == "\t" { scalars.removeLast() }
        return String(scalars)
    }
}
