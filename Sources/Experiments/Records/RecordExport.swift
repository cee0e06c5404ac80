import CompanyModel
import SimulationKernel

/// One replication's order and absence logs as a firm would keep them (`bigclient trace
/// --records DIR`), derived from its event log: `orders.csv` and `absences.csv`, in the format
/// `OrderLog` and `AbsenceLog` read (results/README.md, "Order and absence logs").
///
/// Why from the event log and not from the model's state: the trace is the model's one
/// account of what happened, so the logs cannot say something the trace does not.
///
/// Identities the trace does not carry are rebuilt here:
/// - the order id is the arrival's rank (1, 2, …): the trace's `order` column is a slot of the
///   model's order pool, reused after a delivery;
/// - a client is its group and ordinal in it (`regular-07`): the initial clients of each group
///   in the scenario's group order (sorted by name), then each `new client` in the joining
///   group, as the model creates them;
/// - a technician is the slot (`technician-03`): a replacement takes the slot of the person
///   who resigned.
///
/// Orders open at the start (`startingState`) arrived before the log begins and are left out,
/// with their deliveries. Annual leave is not an absence and is left out.
public enum RecordExport {
    public struct Logs: Sendable, Equatable {
        public var orders: String
        public var absences: String
        public var orderCount: Int
        public var deliveredCount: Int
        public var absenceCount: Int
        public var censoredAbsenceCount: Int
    }

    public static let ordersHeader = "order,client,group,received,work_hours,due,delivered,rush"
    public static let absencesHeader = "person,kind,start,end,days"

    public static func logs(from log: [TraceRecord], scenario: Scenario) -> Logs {
        let start = scenario.calendar.startDate
        // The end of the observation: the horizon, or where a runaway stopped the replication.
        var endHours = SimTime.hours(days: scenario.simulation.horizonDays)
        if let runaway = log.first(where: { if case .runaway = $0.kind { true } else { false } }) { endHours = runaway.timeHours }

        // Clients: names and groups, as the model numbers them.
        var clientNames: [String] = []
        var clientGroups: [String] = []
        var created: [String: Int] = [:]
        func addClient(_ group: String) {
            let ordinal = created[group, default: 0]
            created[group] = ordinal + 1
            clientNames.append("\(group)-\(twoDigits(ordinal))")
            clientGroups.append(group)
        }
        for group in scenario.clientGroupNames {
            for _ in 0..<(scenario.clients[group]?.count ?? 0) { addClient(group) }
        }
        func client(_ c: Int) -> (name: String, group: String) {
            c >= 0 && c < clientNames.count ? (clientNames[c], clientGroups[c]) : ("client-\(c)", "")
        }

        struct OrderRow { var client: Int; var received: Double; var work: Double; var due: Double; var rush: Bool; var delivered: Double? }
        var orders: [OrderRow] = []
        var slotOrder: [Int: Int] = [:]   // pool slot → index in `orders` while open

        struct Absence { var person: String; var kind: String; var startHours: Double; var days: Double; var endHours: Double?; var censoredAt: Double? }
        var absences: [Absence] = []
        var openAbsence: [String: Int] = [:]   // person → index in `absences`

        func technician(_ t: Int) -> String { "technician-\(twoDigits(t))" }
        func manager(_ who: TraceEvent.ManagerID) -> String {
            who.isProductionManager ? "production-manager" : "account-manager-\(who.accountManager)"
        }
        func kindName(_ leave: TraceEvent.Leave) -> String? {
            switch leave {
            case .sickLeave: "sick"
            case .burnout: "burnout"
            case .annualLeave: nil
            }
        }
        func begin(_ person: String, _ leave: TraceEvent.Leave, days: Double, at hours: Double) {
            guard let kind = kindName(leave) else { return }
            openAbsence[person] = absences.count
            absences.append(Absence(person: person, kind: kind, startHours: hours, days: days, endHours: nil, censoredAt: nil))
        }
        func finish(_ person: String, at hours: Double, left: Bool) {
            guard let index = openAbsence.removeValue(forKey: person) else { return }
            if left { absences[index].censoredAt = hours } else { absences[index].endHours = hours }
        }

        for record in log {
            switch record.kind {
            case .arrival(let work, let due, let rush):
                slotOrder[record.order] = orders.count
                orders.append(OrderRow(client: record.client, received: record.timeHours, work: work, due: due, rush: rush, delivered: nil))
            case .openAtStart:
                slotOrder[record.order] = nil
            case .deliver:
                if let index = slotOrder.removeValue(forKey: record.order) { orders[index].delivered = record.timeHours }
            case .newClient:
                if record.client == clientNames.count, let group = scenario.joiningGroupName { addClient(group) }
            case .leave(let leave, let days):
                begin(technician(record.technician), leave, days: days, at: record.timeHours)
            case .back:
                finish(technician(record.technician), at: record.timeHours, left: false)
            case .resign, .letGo:
                finish(technician(record.technician), at: record.timeHours, left: true)
            case .managerLeave(let leave, let days, let who):
                begin(manager(who), leave, days: days, at: record.timeHours)
            case .managerBack(let who):
                finish(manager(who), at: record.timeHours, left: false)
            case .managerResign(let who):
                finish(manager(who), at: record.timeHours, left: true)
            default:
                break
            }
        }

        func time(_ hours: Double) -> String { RecordTime(hours: hours, from: start).description }
        func date(ofHours hours: Double) -> CivilDate { start.adding(days: SimTime.dayIndex(ofHours: hours)) }
        func twoDecimals(_ value: Double) -> String { CSVFormat.number((value * 100).rounded() / 100) }

        var orderText = ordersHeader + "\n"
        for (index, order) in orders.enumerated() {
            let (name, group) = client(order.client)
            orderText += CSVFormat.row([
                String(index + 1), CSVFormat.text(name), CSVFormat.text(group), time(order.received), twoDecimals(order.work),
                time(order.due), order.delivered.map(time) ?? "", order.rush ? "true" : "false",
            ])
        }
        var absenceText = absencesHeader + "\n"
        var censored = 0
        for absence in absences {
            // A leave begins at a day end (midnight): its first day is the day that starts
            // then. The person is back from the day that starts at the `back` day end.
            let first = date(ofHours: absence.startHours)
            var end = ""
            var days = absence.days
            if let back = absence.endHours {
                end = date(ofHours: back).adding(days: -1).description
            } else {
                days = ((absence.censoredAt ?? endHours) - absence.startHours) / SimTime.hoursPerDay
                censored += 1
            }
            absenceText += CSVFormat.row([CSVFormat.text(absence.person), absence.kind, first.description, end, twoDecimals(max(0, days))])
        }
        return Logs(orders: orderText, absences: absenceText, orderCount: orders.count,
                    deliveredCount: orders.filter { $0.delivered != nil }.count,
                    absenceCount: absences.count, censoredAbsenceCount: censored)
    }

    static func twoDigits(_ n: Int) -> String { n < 10 ? "0\(n)" : String(n) }
}
