import Foundation
import CompanyModel

/// The observed KPIs of a firm, as `bigclient calibrate --observed` reads them: a CSV file
/// with a header `kpi,observed` and one row per KPI (`ObservedKPI.all` lists the names and
/// units), e.g. `other_on_time_rate,0.78`.
public enum KPIFile {
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
        /// The file is missing or unreadable (exit 66) rather than malformed (65).
        public var isMissingInput = false
    }

    public static func read(path: String) throws(Failure) -> [(kpi: ObservedKPI, value: Double)] {
        let file = ScenarioError.printable(path)
        guard let data = FileManager.default.contents(atPath: path) else {
            throw Failure(description: "\(file): file not found or unreadable", isMissingInput: true)
        }
        let parsed: CSVReader.Parsed
        do { parsed = try CSVReader.records([UInt8](data)) } catch {
            throw Failure(description: "\(file): \(error.description)")
        }
        guard let header = parsed.records.first else { throw Failure(description: "\(file): the file is empty; expected a header 'kpi,observed'") }
        let names = header.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        guard let k = names.firstIndex(of: "kpi"), let v = names.firstIndex(of: "observed") else {
            throw Failure(description: "\(file): line \(parsed.lines.first ?? 1): the header must have the columns 'kpi' and 'observed' (got \(header.joined(separator: ", ")))")
        }
        var rows: [(kpi: ObservedKPI, value: Double)] = []
        for (record, line) in zip(parsed.records.dropFirst(), parsed.lines.dropFirst()) {
            if record.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) { continue }
            guard record.count > max(k, v) else {
                throw Failure(description: "\(file): line \(line): expected the columns kpi and observed, got \(record.count) field\(record.count == 1 ? "" : "s")")
            }
            let name = record[k].trimmingCharacters(in: .whitespaces)
            guard let kpi = ObservedKPI.named(name) else {
                throw Failure(description: "\(file): line \(line), column kpi: unknown KPI '\(name)'; allowed: \(ObservedKPI.all.map(\.name).joined(separator: ", "))")
            }
            let text = record[v].trimmingCharacters(in: .whitespaces)
            guard let value = Double(text), value.isFinite, value >= 0 else {
                throw Failure(description: "\(file): line \(line), column observed: '\(text)' is not a number ≥ 0 (\(kpi.name) is in \(kpi.unit))")
            }
            if kpi.unit.hasPrefix("fraction"), value > 1 {
                throw Failure(description: "\(file): line \(line), column observed: \(kpi.name) is a fraction between 0 and 1 (got \(text); write 0.78 for 78 %)")
            }
            if rows.contains(where: { $0.kpi == kpi }) {
                throw Failure(description: "\(file): line \(line): \(kpi.name) appears twice")
            }
            rows.append((kpi, value))
        }
        guard !rows.isEmpty else { throw Failure(description: "\(file): no KPI rows after the header") }
        return rows
    }
}
