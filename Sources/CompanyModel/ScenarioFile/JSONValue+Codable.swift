/// `JSONValue` from and to any Codable format; with Foundation's `JSONDecoder` and
/// `allowsJSON5`, it is how scenario text becomes a tree (see `ScenarioReader.parse`).
extension JSONValue: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
            return
        }
        // Each attempt moves on only when the value is of another type; any other failure (a
        // number Foundation cannot represent, a bad escape in a string) is the answer.
        do {
            self = .bool(try container.decode(Bool.self))
            return
        } catch DecodingError.typeMismatch {
        } catch {
            throw UnreadableJSONValue(error, at: decoder.codingPath)
        }
        do {
            self = .number(try container.decode(Double.self))
            return
        } catch DecodingError.typeMismatch {
        } catch {
            throw UnreadableJSONValue(error, at: decoder.codingPath)
        }
        do {
            self = .string(try container.decode(String.self))
            return
        } catch DecodingError.typeMismatch {
        } catch {
            throw UnreadableJSONValue(error, at: decoder.codingPath)
        }
        do {
            self = .array(try container.decode([JSONValue].self))
            return
        } catch DecodingError.typeMismatch {
        } catch {
            throw UnreadableJSONValue(error, at: decoder.codingPath)
        }
        do {
            self = .object(try container.decode([String: JSONValue].self))
        } catch {
            throw UnreadableJSONValue(error, at: decoder.codingPath)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let flag): try container.encode(flag)
        case .number(let number): try container.encode(number)
        case .string(let text): try container.encode(text)
        case .array(let elements): try container.encode(elements)
        case .object(let fields): try container.encode(fields)
        }
    }
}

/// A value Foundation's scanner accepted but could not convert (a number out of `Double`'s
/// range, a string with an unsupported escape), with the field path where it happened.
struct UnreadableJSONValue: Error, CustomStringConvertible {
    let path: String
    let detail: String

    init(_ error: any Error, at codingPath: [any CodingKey]) {
        if let inner = error as? UnreadableJSONValue {
            self = inner
            return
        }
        var path = FieldPath.root
        for key in codingPath {
            // Foundation names array positions "Index n" and gives them an intValue.
            if let index = key.intValue, key.stringValue.hasPrefix("Index ") {
                path = path.index(index)
            } else {
                path = path.key(key.stringValue)
            }
        }
        self.path = path.description
        detail = "\(error)"
    }

    var description: String { "\(path): \(detail)" }
}
