import Foundation
import CompanyModel

/// A sweep ready to run: the points (one scenario each), their parameter values, and the
/// policies and replications every point runs.
///
/// All points are decoded before anything runs, so a bad value fails at once, naming the path
/// and the value, rather than after hours of simulation.
public struct SweepPlan: Sendable {
    public var parameterNames: [String]
    /// CSV text of each point's parameter values.
    public var pointValues: [[String]]
    public var scenarios: [Scenario]
    public var design: SweepDesign

    public enum Failure: Error, CustomStringConvertible {
        case parameter(SweepParameter.Failure)
        case point(index: Int, values: [String], error: ScenarioError)
        case tooManyPoints(Int)
        case design(String)

        public var description: String {
            switch self {
            case .parameter(let failure): return failure.description
            case .point(let index, let values, let error):
                return "sweep point \(index) (\(values.joined(separator: ", "))): \(error.description)"
            case .tooManyPoints(let count): return "the sweep has \(count == .max ? "more than 10^18" : String(count)) points; at most 100,000 are allowed"
            case .design(let reason): return reason
            }
        }
    }

    /// A plan of one point with no swept parameter: a plain `run`, executed by the same
    /// machinery (rows appended as replications finish, resumable, rebuilt from the rows).
    public static func single(_ scenario: Scenario) -> SweepPlan {
        SweepPlan(parameterNames: [], pointValues: [[]], scenarios: [scenario], design: .grid)
    }

    /// The largest sweep: 100,000 points (each a decoded scenario held in memory) over at most
    /// 100 fields.
    public static let maxPoints = 100_000
    public static let maxParameters = 100

    /// Builds the plan from the scenario's tree (`ScenarioReader.parse`) and the parameters.
    public static func make(tree: JSONValue, fileName: String, parameters: [SweepParameter], design: SweepDesign,
                            samples: Int, seed: UInt64) throws(Failure) -> SweepPlan {
        guard !parameters.isEmpty else { throw .design("a sweep needs at least one --vary PATH=VALUES") }
        // Bounds first, before anything is built: a list multiplied by mistake (or by a fuzzer)
        // must be refused at once, not expanded into billions of values.
        guard parameters.count <= maxParameters else {
            throw .design("a sweep varies at most \(maxParameters) fields (got \(parameters.count))")
        }
        let count = SweepDesign.pointCount(design, parameters: parameters, samples: samples)
        guard count <= maxPoints else { throw .tooManyPoints(count) }
        var parameters = parameters
        if design == .lhs {
            guard samples >= 2 else { throw .design("--design lhs needs --samples N with N ≥ 2") }
            for p in parameters where p.range == nil {
                throw .design("--design lhs needs a numeric range for '\(p.path)' (LO:HI)")
            }
        }
        // Base values (what the file says, or the default) for one-at-a-time designs, and
        // integer fields (a Latin hypercube rounds them), found by probing the reader.
        let defaults = try? ScenarioReader.decode(tree, fileName: fileName)
        var base: [JSONValue] = []
        for (i, p) in parameters.enumerated() {
            if let written = p.path.value(in: tree) {
                base.append(written)
            } else if design == .oat {
                guard let value = defaults?.fieldValue(at: p.path.text) else {
                    // No default to start from: a misspelt path says so with its "did you mean".
                    let probe: JSONValue
                    do { probe = try p.path.patch(tree, with: .null) } catch { throw .parameter(.path(error)) }
                    do {
                        _ = try ScenarioReader.decode(probe, fileName: fileName)
                    } catch {
                        if let failure = p.path.failure(for: error) { throw .parameter(.path(failure)) }
                    }
                    throw .design("--design oat needs a base value for '\(p.path)': write it in the scenario file")
                }
                base.append(value)
            } else {
                base.append(.null)
            }
            if design == .lhs, let probe = try? p.path.patch(tree, with: .number(0.5)) {
                do {
                    _ = try ScenarioReader.decode(probe, fileName: fileName)
                } catch {
                    if error.description.contains("integer") {
                        parameters[i].values = []
                        parameters[i].range = (p.range!.lowerBound.rounded())...(p.range!.upperBound.rounded())
                        parameters[i].isInteger = true
                    }
                }
            }
        }
        var points = SweepDesign.points(design, parameters: parameters, base: base, samples: samples, seed: seed)
        for (i, p) in parameters.enumerated() where p.isInteger {
            for k in points.indices {
                if case .number(let x) = points[k][i] { points[k][i] = .number(x.rounded()) }
            }
        }
        guard points.count <= maxPoints else { throw .tooManyPoints(points.count) }
        var scenarios: [Scenario] = []
        var values: [[String]] = []
        for (index, point) in points.enumerated() {
            var patched = tree
            for (p, value) in zip(parameters, point) {
                do {
                    patched = try p.path.patch(patched, with: value)
                } catch {
                    throw .parameter(.path(error))
                }
            }
            let texts = point.map(SweepParameter.csvText)
            do {
                scenarios.append(try ScenarioReader.decode(patched, fileName: fileName))
            } catch {
                // A misspelt field on a swept path is the path's fault, whatever the value.
                if let failure = parameters.lazy.compactMap({ $0.path.failure(for: error) }).first {
                    throw .parameter(.path(failure))
                }
                throw .point(index: index, values: texts, error: error)
            }
            values.append(texts)
        }
        return SweepPlan(parameterNames: parameters.map(\.path.text), pointValues: values, scenarios: scenarios, design: design)
    }
}
