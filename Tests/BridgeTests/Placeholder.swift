import Testing

@Test func placeholderBridgeTests() {}
