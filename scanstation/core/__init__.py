"""Domain model, workflow rules, roles, audit chain and helpers. Imports no higher layer."""
