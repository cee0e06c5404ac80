import Testing
import CompanyModel
import Experiments

@Suite("Sweep paths and values")
struct SweepPathTests {
    static let tree: JSONValue = .object([
        "technicians": .object([
            "count": .number(12),
            "overtime": .object(["premiumBands": .array([
                .object(["fromWeeklyHours": .number(35), "premium": .number(0.25)]),
                .object(["fromWeeklyHours": .number(43), "premium": .number(0.5)]),
            ])]),
        ]),
        "clients": .object(["key": .object(["ordersPerWeek": .number(12)])]),
    ])

    @Test("nested paths and list indices patch the right value", arguments: [
        ("technicians.count", JSONValue.number(8)),
        ("technicians.overtime.premiumBands[1].premium", .number(0.75)),
        ("clients.key.ordersPerWeek", .number(20)),
        ("clients.key.leadTimeDays", .number(7)),   // absent last key: added
    ])
    func patches(path: String, value: JSONValue) throws {
        let p = try ParameterPath(path)
        let patched = try p.patch(Self.tree, with: value)
        #expect(p.value(in: patched) == value)
        #expect(patched != Self.tree)
    }

    @Test("every error names the path and what exists there")
    func errors() throws {
        #expect(throws: ParameterPath.Failure.self) { try ParameterPath("") }
        #expect(throws: ParameterPath.Failure.self) { try ParameterPath("a..b") }
        #expect(throws: ParameterPath.Failure.self) { try ParameterPath("a[x]") }
        #expect(throws: ParameterPath.Failure.self) { try ParameterPath("[0].a") }
        #expect(throws: ParameterPath.Failure.self) { try ParameterPath("a b") }
        func message(_ path: String) -> String {
            do {
                _ = try ParameterPath(path).patch(Self.tree, with: .number(1))
                return "no error"
            } catch {
                return error.description
            }
        }
        #expect(message("clients.kye.ordersPerWeek").contains("no 'clients.kye'. Did you mean 'key'?"))
        #expect(message("technicians.overtime.premiumBands[5].premium").contains("has 2 elements"))
        #expect(message("technicians.count.value").contains("is a number, not an object"))
        #expect(message("technicians.overtime").contains("sweep a single value inside it"))
        #expect(message("technicians.count[0]").contains("an index needs an array"))
    }

    @Test("values: lists, ranges with a step, ranges with a count, words")
    func values() throws {
        #expect(try SweepParameter(argument: "a=8,10,12").values == [.number(8), .number(10), .number(12)])
        #expect(try SweepParameter(argument: "a=0.1:0.6:0.1").values.count == 6)
        #expect(try SweepParameter(argument: "a=0.1:0.6:0.1").values[2] == .number(0.3))
        #expect(try SweepParameter(argument: "a=0.1:0.6/6").values == [0.1, 0.2, 0.3, 0.4, 0.5, 0.6].map(JSONValue.number))
        #expect(try SweepParameter(argument: "a=none,priority").values == [.string("none"), .string("priority")])
        #expect(try SweepParameter(argument: "a=2:4").range == 2...4)
        for bad in ["a", "a=", "a=1,,2", "a=3:1", "a=1:2:0", "a=1:2/0", "a=x:2"] {
            #expect(throws: SweepParameter.Failure.self, "\(bad)") { try SweepParameter(argument: bad) }
        }
    }
}

@Suite("Sweep designs")
struct SweepDesignTests {
    static let a = SweepParameter(path: try! ParameterPath("a"), values: [.number(1), .number(2), .number(3)], range: 1...3)
    static let b = SweepParameter(path: try! ParameterPath("b"), values: [.string("x"), .string("y")])

    @Test("a grid has every combination, the last parameter varying fastest")
    func grid() {
        let points = SweepDesign.points(.grid, parameters: [Self.a, Self.b], base: [.number(2), .string("x")], samples: 0, seed: 1)
        #expect(points.count == 6)
        #expect(points[0] == [.number(1), .string("x")])
        #expect(points[1] == [.number(1), .string("y")])
        #expect(points[5] == [.number(3), .string("y")])
    }

    @Test("one at a time: the base point, then each parameter alone through its other values")
    func oneAtATime() {
        let points = SweepDesign.points(.oat, parameters: [Self.a, Self.b], base: [.number(2), .string("x")], samples: 0, seed: 1)
        #expect(points == [[.number(2), .string("x")], [.number(1), .string("x")], [.number(3), .string("x")], [.number(2), .string("y")]])
    }

    @Test("a Latin hypercube puts exactly one sample in each stratum of each parameter, reproducibly")
    func latinHypercube() {
        let c = SweepParameter(path: try! ParameterPath("c"), values: [], range: 10...20)
        let n = 25
        let points = SweepDesign.points(.lhs, parameters: [Self.a, c], base: [.null, .null], samples: n, seed: 7)
        #expect(points.count == n)
        for (column, range) in [(0, 1.0...3.0), (1, 10.0...20.0)] {
            let strata = points.map { point -> Int in
                guard case .number(let x) = point[column] else { return -1 }
                return min(n - 1, Int((x - range.lowerBound) / (range.upperBound - range.lowerBound) * Double(n)))
            }
            #expect(Set(strata) == Set(0..<n), "column \(column): one sample per stratum")
        }
        #expect(SweepDesign.points(.lhs, parameters: [Self.a, c], base: [.null, .null], samples: n, seed: 7) == points)
        #expect(SweepDesign.points(.lhs, parameters: [Self.a, c], base: [.null, .null], samples: n, seed: 8) != points)
    }
}
