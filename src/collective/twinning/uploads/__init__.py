"""Safe uploads: what a Material file or image may be, and how it is stored and served."""
