"""Chat notifications: a unit's webhook (Slack, Microsoft Teams, Mattermost, any JSON endpoint), posted to through Apprise."""
