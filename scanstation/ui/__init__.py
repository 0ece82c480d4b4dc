"""The PySide6 window: one module per screen; every action calls a service through `operations`."""
