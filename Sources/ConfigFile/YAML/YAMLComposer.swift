import CYAML

/// Builds the node tree of a YAML text from libyaml's parser events: one document, aliases resolved,
/// a key written twice in one mapping rejected.
struct YAMLComposer {
    // A collection being read, with the anchor it will be stored under.
    private enum Frame {
        case sequence(items: [YAMLNode], line: Int, anchor: String?)
        case mapping(pairs: [(key: YAMLNode, value: YAMLNode)], key: YAMLNode?, line: Int, anchor: String?)
    }

    private var stack: [Frame] = []
    private var anchors: [String: YAMLNode] = [:]
    private var root: YAMLNode?
    private var documents = 0

    /// The document's root, nil for an empty text.
    static func compose(_ text: String) throws(YAMLSyntaxError) -> YAMLNode? {
        let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
        defer { parser.deallocate() }
        guard yaml_parser_initialize(parser) == 1 else {
            throw YAMLSyntaxError(kind: .syntax, problem: "out of memory")
        }
        defer { yaml_parser_delete(parser) }
        // libyaml reads the bytes in place while parsing, so they stay in one buffer until it is done.
        let bytes = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(1, text.utf8.count))
        defer { bytes.deallocate() }
        _ = bytes.initialize(from: text.utf8)
        yaml_parser_set_input_string(parser, bytes.baseAddress, text.utf8.count)
        var composer = YAMLComposer()
        var event = yaml_event_t()
        while true {
            guard yaml_parser_parse(parser, &event) == 1 else { throw Self.parserError(parser.pointee) }
            defer { yaml_event_delete(&event) }
            if event.type == YAML_STREAM_END_EVENT { return composer.root }
            try composer.apply(event)
        }
    }

    private mutating func apply(_ event: yaml_event_t) throws(YAMLSyntaxError) {
        let line = Int(event.start_mark.line) + 1
        switch event.type {
        case YAML_DOCUMENT_START_EVENT:
            documents += 1
            if documents > 1 {
                throw YAMLSyntaxError(
                    kind: .syntax, problem: "expected one document, found another (remove the second ---)", line: line,
                    column: Int(event.start_mark.column) + 1)
            }
        case YAML_SCALAR_EVENT:
            let scalar = event.data.scalar
            let text = String(
                decoding: UnsafeBufferPointer(start: scalar.value, count: Int(scalar.length)), as: UTF8.self)
            let plain = scalar.style == YAML_PLAIN_SCALAR_STYLE && scalar.tag == nil
            try add(YAMLNode(content: .scalar(text, plain: plain), line: line), anchor: Self.string(scalar.anchor))
        case YAML_ALIAS_EVENT:
            let name = Self.string(event.data.alias.anchor) ?? ""
            guard let node = anchors[name] else {
                throw YAMLSyntaxError(
                    kind: .syntax, problem: "found undefined alias \(name)", line: line,
                    column: Int(event.start_mark.column) + 1)
            }
            try add(node, anchor: nil)
        case YAML_SEQUENCE_START_EVENT:
            stack.append(.sequence(items: [], line: line, anchor: Self.string(event.data.sequence_start.anchor)))
        case YAML_MAPPING_START_EVENT:
            stack.append(
                .mapping(pairs: [], key: nil, line: line, anchor: Self.string(event.data.mapping_start.anchor)))
        case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
            switch stack.popLast() {
            case .sequence(let items, let start, let anchor)?:
                try add(YAMLNode(content: .sequence(items), line: start), anchor: anchor)
            case .mapping(let pairs, _, let start, let anchor)?:
                try add(YAMLNode(content: .mapping(pairs), line: start), anchor: anchor)
            case nil:
                break
            }
        default:
            break
        }
    }

    private mutating func add(_ node: YAMLNode, anchor: String?) throws(YAMLSyntaxError) {
        if let anchor { anchors[anchor] = node }
        switch stack.popLast() {
        case nil:
            root = node
        case .sequence(var items, let line, let anchor)?:
            items.append(node)
            stack.append(.sequence(items: items, line: line, anchor: anchor))
        case .mapping(var pairs, let key?, let line, let anchor)?:
            pairs.append((key: key, value: node))
            stack.append(.mapping(pairs: pairs, key: nil, line: line, anchor: anchor))
        case .mapping(let pairs, nil, let line, let anchor)?:
            if let text = node.text, let first = pairs.first(where: { $0.key.text == text }) {
                throw YAMLSyntaxError(kind: .duplicatedKey(text), problem: "duplicated key", line: first.key.line)
            }
            stack.append(.mapping(pairs: pairs, key: node, line: line, anchor: anchor))
        }
    }

    private static func parserError(_ parser: yaml_parser_t) -> YAMLSyntaxError {
        let problem = parser.problem.map { String(cString: $0) } ?? "the text is not valid YAML"
        if parser.error == YAML_READER_ERROR {
            return YAMLSyntaxError(kind: .encoding, problem: problem)
        }
        let mark = parser.problem_mark
        return YAMLSyntaxError(kind: .syntax, problem: problem, line: Int(mark.line) + 1, column: Int(mark.column) + 1)
    }

    private static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        pointer.map { String(cString: UnsafePointer($0)) }
    }
}
