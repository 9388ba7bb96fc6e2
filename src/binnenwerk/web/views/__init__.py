"""Web pages: they read through selectors and write through services, never on their own."""
