# Django's Vietnamese locale leaves NUMBER_GROUPING unset (0: no grouping), so `intcomma` and
# grouped numbers printed "1500000". Offices write 1.500.000 (core.vntext.format_number).
DECIMAL_SEPARATOR = ","
THOUSAND_SEPARATOR = "."
NUMBER_GROUPING = 3
