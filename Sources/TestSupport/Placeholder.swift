// Placeholder until the TestSupport target is written.
enum TestSupportPlaceholder {}
