"""The settings the one-third rule is computed with."""

from __future__ import annotations

from dataclasses import dataclass

from desktop.domain.errors import ValidationError


@dataclass(frozen=True, slots=True)
class Rules:
    target: float = 1 / 3
    hours_per_day: float = 8.0
    count_weekend_promotion: bool = True

    def validated(self) -> Rules:
        if not 0 < self.target <= 1:
            raise ValidationError("target", "bad_fraction", value=self.target)
        if not 1 <= self.hours_per_day <= 24:
            raise ValidationError("hours_per_day", "bad_hours_per_day", value=self.hours_per_day)
        return self

    @property
    def minutes_per_day(self) -> float:
        return self.hours_per_day * 60
