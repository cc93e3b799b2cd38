import Testing

@Test func placeholderWithingsEmulatorTests() {}
