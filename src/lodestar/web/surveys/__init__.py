"""The survey pages: a participant answers an open role-clarity survey."""
