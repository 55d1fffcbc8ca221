"""One date style in Arabic, everywhere: «8 مايو 2023» and «8 مايو 2023، 14:05» (24-hour, in the
configured time zone). Django's own Arabic formats mix «6 ديسمبر، 2026» with the English default
«ديسمبر 6, 2026, 6:33 م» for dates with a time."""

DATE_FORMAT = "j F Y"
DATETIME_FORMAT = "j F Y، H:i"
TIME_FORMAT = "H:i"
YEAR_MONTH_FORMAT = "F Y"
MONTH_DAY_FORMAT = "j F"
SHORT_DATE_FORMAT = "j F Y"
SHORT_DATETIME_FORMAT = "j F Y، H:i"
