import Testing

@Test func placeholderWebhookServerTests() {}
