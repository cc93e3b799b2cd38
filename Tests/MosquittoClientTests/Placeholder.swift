import Testing

@Test func placeholderMosquittoClientTests() {}
