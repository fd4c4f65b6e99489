"""policymap feature."""
