"""Sign in, sign out, change password."""
