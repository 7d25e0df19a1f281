"""Recognition: the eTwinning School label, European Prizes and ambassadors."""
