import Testing

@Test func placeholderConfigFileTests() {}
