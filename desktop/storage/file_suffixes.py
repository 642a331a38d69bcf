"""The names' endings of the files units and the office exchange: a unit's report (报送文件) and
the office's review of it (审核意见), kept apart from the code that reads and signs them."""

REPORT_SUFFIX = ".otr"
REVIEW_SUFFIX = ".otv"
SUFFIXES = (REPORT_SUFFIX, REVIEW_SUFFIX)
