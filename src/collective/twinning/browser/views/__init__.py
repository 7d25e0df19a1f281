"""Classic UI views of the add-on (server-rendered, Barceloneta); see README.md."""
