// Placeholder until the WebhookServer target is written.
enum WebhookServerPlaceholder {}
