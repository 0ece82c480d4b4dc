"""The Persian name of each quality-check reason, apart from the image maths so that reports and screens can name
reasons without loading numpy and OpenCV."""

from __future__ import annotations

REASON_TITLES = {
    "blank": "سفید",
    "skew": "کج",
    "blur": "تار",
    "too_dark": "تیره",
    "too_light": "کم‌رنگ",
    "low_resolution": "وضوح کم",
    "turned": "وارونه یا چرخیده",  # qc.toml turn_policy = "flag": put upright with one key on the capture bench
    "supervisor": "رد ناظر",  # put by a supervisor's rejection at step 7 (services/verification.reject_document)
}


def reason_title(reason: str) -> str:
    return REASON_TITLES.get(reason, reason)
