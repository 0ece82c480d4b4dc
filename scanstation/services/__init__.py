"""Use cases: one function per thing a person does. Each checks the role, audits, commits once."""
