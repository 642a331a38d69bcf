"""Started by every Python a stub run of the suite launches (the CLI as a subprocess): teach its
chinesecalendar the stub year too (tests/holiday_stub)."""

import os

if os.environ.get("ONETHIRD_TEST_HOLIDAY_STUB") == "1":
    from tests.holiday_stub import install

    install()
