// Placeholder until the WithingsEmulator target is written.
enum WithingsEmulatorPlaceholder {}
