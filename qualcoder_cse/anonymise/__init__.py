"""anonymise package."""
