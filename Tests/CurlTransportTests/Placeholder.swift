import Testing

@Test func placeholderCurlTransportTests() {}
