"""Collaboration inside TwinSpaces and Groups: posts, forums, likes, meetings, polls, activity, notifications."""
