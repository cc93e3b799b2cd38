import Testing

@testable import ConfigFile

/// The libyaml-based composer: the tree the configuration decoder reads, and its refusals.
@Suite struct YAMLComposerTests {
    private func root(_ yaml: String) throws -> YAMLNode {
        try #require(try YAMLComposer.compose(yaml))
    }

    private func pairs(_ node: YAMLNode) throws -> [(key: YAMLNode, value: YAMLNode)] {
        guard case .mapping(let pairs) = node.content else {
            Issue.record("expected a mapping, got \(node.content)")
            return []
        }
        return pairs
    }

    @Test func mappingsKeepFileOrderAndLines() throws {
        let pairs = try pairs(root("b: 1\na:\n  - x\n  - {y: 2}\n"))
        #expect(pairs.map { $0.key.text } == ["b", "a"])
        #expect(pairs.map { $0.key.line } == [1, 2])
        guard case .sequence(let items) = pairs[1].value.content else {
            Issue.record("expected a list")
            return
        }
        #expect(items.map(\.line) == [3, 4])
        #expect(items[0].text == "x")
        #expect(try self.pairs(items[1]).map { $0.value.text } == ["2"])
    }

    @Test func emptyTextAndCommentsHaveNoRoot() throws {
        #expect(try YAMLComposer.compose("") == nil)
        #expect(try YAMLComposer.compose("# only a comment\n") == nil)
    }

    @Test func nullIsPlainOnly() throws {
        let values = try pairs(root("a: ~\nb: null\nc:\nd: \"~\"\ne: 'null'\nf: !!str null\ng: NULL\n"))
        #expect(values.map(\.value.isNull) == [true, true, true, false, false, false, true])
    }

    @Test(arguments: [
        ("12", 12), ("+12", 12), ("-7", -7), ("1_000", 1000), ("0x1F", 31), ("0o17", 15), ("0b101", 5),
    ])
    func plainIntegers(text: String, value: Int) throws {
        #expect(try pairs(root("n: \(text)\n"))[0].value.integer == value)
    }

    @Test(arguments: ["\"12\"", "0x", "12abc", "1.5", "0xZZ", "''"])
    func notPlainIntegers(text: String) throws {
        #expect(try pairs(root("n: \(text)\n"))[0].value.integer == nil)
    }

    @Test func aliasesAreResolved() throws {
        let pairs = try pairs(root("base: &b {host: broker}\ncopy: *b\nword: &w hello\nagain: *w\n"))
        #expect(try self.pairs(pairs[1].value).map { $0.value.text } == ["broker"])
        #expect(pairs[3].value.text == "hello")
    }

    @Test func undefinedAliasIsASyntaxError() {
        #expect(throws: YAMLSyntaxError(kind: .syntax, problem: "found undefined alias nope", line: 1, column: 4)) {
            try YAMLComposer.compose("a: *nope\n")
        }
    }

    @Test func aKeyTwiceNamesTheFirstLine() {
        #expect(throws: YAMLSyntaxError(kind: .duplicatedKey("port"), problem: "duplicated key", line: 2)) {
            try YAMLComposer.compose("mqtt:\n  port: 1\n  host: x\n  port: 2\n")
        }
    }

    @Test func theSameKeyInTwoSectionsIsFine() throws {
        #expect(try pairs(root("a: {port: 1}\nb: {port: 2}\n")).count == 2)
    }

    @Test func secondDocumentIsRefused() {
        #expect(throws: YAMLSyntaxError.self) { try YAMLComposer.compose("a: 1\n---\nb: 2\n") }
    }

    @Test func libyamlProblemsCarryLineAndColumn() {
        #expect(
            throws: YAMLSyntaxError(
                kind: .syntax, problem: "mapping values are not allowed in this context", line: 2, column: 10)
        ) {
            try YAMLComposer.compose("mqtt:\n  host: a: b\n")
        }
    }

    @Test func controlCharactersAreAnEncodingError() throws {
        let error = try #require(throws: YAMLSyntaxError.self) { try YAMLComposer.compose("a: \u{1}\n") }
        #expect(error.kind == .encoding)
    }

    @Test func nonTextKeysStayNodes() throws {
        let key = try pairs(root("? [a, b]\n: 1\n"))[0].key
        #expect(key.text == nil)
    }

    @Test func deepNestingDoesNotCrash() throws {
        let depth = 5_000
        let yaml = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
        // The composer keeps its own stack, so depth costs no recursion; count the levels it built.
        var node = try #require(try YAMLComposer.compose(yaml))
        var levels = 1
        while case .sequence(let items) = node.content, let inner = items.first {
            node = inner
            levels += 1
        }
        #expect(levels == depth)
    }
}
