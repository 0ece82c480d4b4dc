"""Steps 11-12: the content-store adapters, the upload packages and the outbox worker."""
