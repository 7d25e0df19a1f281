"""The lifecycles: countries, the validation checklist, notifications, and the workflows' guards."""
