import Testing

@Test func placeholderWithingsAPITests() {}
