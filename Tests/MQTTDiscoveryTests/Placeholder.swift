import Testing

@Test func placeholderMQTTDiscoveryTests() {}
