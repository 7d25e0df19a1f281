"""Teacher validation: registered accounts wait for their national service."""
