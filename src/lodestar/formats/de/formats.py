"""Dates and numbers as a German reader writes them: 15.09.2026, 9.078.154,29."""

DATE_FORMAT = "j. F Y"
SHORT_DATE_FORMAT = "d.m.Y"
DATETIME_FORMAT = "j. F Y, H:i"
SHORT_DATETIME_FORMAT = "d.m.Y H:i"
MONTH_DAY_FORMAT = "j. F"
DECIMAL_SEPARATOR = ","
THOUSAND_SEPARATOR = "."
NUMBER_GROUPING = 3
FIRST_DAY_OF_WEEK = 1

# Lodestar's own named formats, beside Django's (read by the `day` filter of lodestar.web.formatting):
# a date written short in a sentence, and dates with their weekday.
MEDIUM_DATE_FORMAT = "d.m.Y"
MEDIUM_DATETIME_FORMAT = "d.m.Y, H:i"
MEDIUM_MONTH_DAY_FORMAT = "j. F"
WEEKDAY_MONTH_DAY_FORMAT = "D, j. F"
LONG_WEEKDAY_MONTH_DAY_FORMAT = "l, j. F"
LONG_WEEKDAY_DATE_FORMAT = "l, j. F Y"
