"""Synthetic Persian pages with their ground truth, for OCR, orientation and classification tests and benches.

A page is a letter of the Social Security organisation as a branch receives or writes it: the organisation's name, a
date and a letter number in Persian digits, a title naming the document's type, and a body with names, national IDs,
insured numbers, Jalali dates and Latin codes (dossier barcodes, tracking codes) inside Persian lines. It is drawn in
one of several fonts (the bundled Vazirmatn; Noto Naskh Arabic, DejaVu Sans and the FarsiWeb Nazli from Debian's
fonts-noto-core, fonts-dejavu-core and fonts-farsiweb, installed by `installer/setup.sh --test`) at several sizes,
then degraded as a scanner and a copier would (paper shade, noise, blur, JPEG) and, if asked, fed turned by a
quarter turn. Pages without text (a stamp and a signature, an ID card on the platen, a blank back) say so: their
ground truth has no text and no turn, because nobody can tell which way is up.

Every line is right-aligned and the lines are written top to bottom, so the ground truth is the lines in reading
order, each as written (logical order), joined by newlines: what `scanstation ocr` should print.
"""

from __future__ import annotations

import io
import random
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np
import uharfbuzz as hb
from PIL import Image, ImageDraw, ImageFilter, ImageFont

from scanstation.core.digits import to_persian
from scanstation.core.resources import resource

_DEBIAN_FONTS = Path("/usr/share/fonts/truetype")
FONTS: dict[str, Path] = {
    "vazirmatn": resource("fonts", "Vazirmatn-Regular.ttf"),
    "vazirmatn-bold": resource("fonts", "Vazirmatn-Bold.ttf"),
    "noto-naskh": _DEBIAN_FONTS / "noto" / "NotoNaskhArabic-Regular.ttf",
    "dejavu-sans": _DEBIAN_FONTS / "dejavu" / "DejaVuSans.ttf",
    "nazli": _DEBIAN_FONTS / "farsiweb" / "nazli.ttf",
}
TURNS = (0, 90, 180, 270)
PAPER_MM = {"A4": (210, 297), "A5": (148, 210)}

FIRST_NAMES = ["علی", "محمد", "حسین", "رضا", "مهدی", "فاطمه", "زهرا", "مریم", "سکینه", "غلامرضا", "یوسف", "کبری",
               "اکبر", "نرگس", "عباس", "لیلا", "کاظم", "صدیقه", "جواد", "معصومه"]
SURNAMES = ["محمدی", "احمدی", "حسینی", "کریمی", "رضایی", "موسوی", "جعفری", "قاسمی", "حسین‌زاده", "نوروزی",
            "صادقی", "یزدانی", "طاهری", "کاظمی", "شریفی", "بهرامی", "عسگری", "رحیمی", "ملکی", "فرهادی"]
CITIES = ["تهران", "اصفهان", "شیراز", "تبریز", "مشهد", "کرج", "قم", "اهواز", "رشت", "کرمان"]
EMPLOYERS = ["شرکت صنایع غذایی البرز", "کارخانه نساجی مهر", "شرکت ساختمانی پارس", "کارگاه تولیدی نور",
             "شرکت حمل و نقل سپهر", "فروشگاه زنجیره‌ای رفاه"]

# The types a letter can be (codes of taxonomy.toml), each with its title and sentences; {name}, {nid}, {ins}, {date},
# {code}, {city}, {employer}, {n}, {days}, {percent}, {amount} are filled per page.
LETTER_TYPES: dict[str, tuple[str, list[str]]] = {
    "COMMISSION-DISABILITY": ("رأی کمیسیون پزشکی بدوی", [
        "کمیسیون پزشکی در جلسه مورخ {date} پرونده بیمه شده {name} به کد ملی {nid} را بررسی کرد.",
        "میزان از کارافتادگی کلی بیمه شده {percent} درصد تعیین می‌شود و از تاریخ {date} قابل اجرا است.",
        "این رأی ظرف مدت {days} روز از تاریخ ابلاغ قابل اعتراض در کمیسیون پزشکی تجدید نظر است.",
        "مدارک پزشکی و گزارش پزشک معالج به شماره {n} پیوست پرونده {code} است.",
    ]),
    "PENSION": ("درخواست برقراری مستمری بازنشستگی", [
        "بیمه شده {name} به شماره بیمه {ins} با {n} سال سابقه پرداخت حق بیمه درخواست بازنشستگی دارد.",
        "سوابق پرداخت حق بیمه ایشان از تاریخ {date} تا کنون در کارگاه {employer} ثبت شده است.",
        "مستمری ماهانه بر اساس میانگین دستمزد دو سال آخر به مبلغ {amount} ریال محاسبه می‌شود.",
        "خواهشمند است دستور فرمایید پرونده {code} برای برقراری مستمری به واحد مستمری‌ها ارسال شود.",
    ]),
    "SICK-LEAVE": ("گواهی استراحت پزشکی و غرامت دستمزد", [
        "بیمه شده {name} به کد ملی {nid} از تاریخ {date} به مدت {days} روز استراحت پزشکی دارد.",
        "پرداخت غرامت دستمزد ایام بیماری پس از تأیید پزشک معتمد سازمان انجام می‌شود.",
        "گواهی پزشک معالج به شماره نظام پزشکی {n} در شهر {city} صادر شده است.",
        "کارفرما {employer} حضور نداشتن بیمه شده در محل کار را تأیید کرده است.",
    ]),
    "EMPLOYMENT": ("سوابق اشتغال و لیست حق بیمه", [
        "لیست حق بیمه کارگاه {employer} به کد کارگاه {n} برای ماه {date} دریافت شد.",
        "نام بیمه شده {name} با شماره بیمه {ins} و {days} روز کارکرد در لیست آمده است.",
        "حق بیمه سهم کارفرما و بیمه شده به مبلغ {amount} ریال پرداخت شده است.",
        "رسید پرداخت با کد پیگیری {code} در سامانه ثبت شده است.",
    ]),
    "CORRESPONDENCE": ("نامه دبیرخانه شعبه", [
        "بازگشت به نامه شماره {n} مورخ {date} درباره پرونده فنی آقای {name} به استحضار می‌رساند.",
        "پرونده به شماره {code} پس از بررسی در واحد امور بیمه شدگان به بایگانی شعبه {city} فرستاده شد.",
        "رونوشت این نامه برای اطلاع به اداره کل استان ارسال می‌شود.",
        "خواهشمند است نتیجه را تا تاریخ {date} به این شعبه اعلام فرمایید.",
    ]),
    "REQUEST": ("درخواست بیمه شده", [
        "اینجانب {name} به کد ملی {nid} و شماره بیمه {ins} درخواست صدور گواهی سابقه بیمه دارم.",
        "سوابق من در کارگاه {employer} از تاریخ {date} به مدت {n} ماه ثبت نشده است.",
        "لطفاً سوابق یاد شده را بررسی و نتیجه را به نشانی اینجانب در شهر {city} اعلام فرمایید.",
        "شماره تماس اینجانب {nid} و کد پستی {ins} است.",
    ]),
    "CERTIFICATE": ("گواهی سابقه پرداخت حق بیمه", [
        "گواهی می‌شود {name} فرزند {first} به شماره بیمه {ins} نزد این سازمان بیمه است.",
        "سابقه پرداخت حق بیمه ایشان تا تاریخ {date} جمعاً {n} روز است.",
        "این گواهی بنا به درخواست بیمه شده برای ارائه به {employer} صادر شده و فاقد ارزش دیگری است.",
        "اعتبار گواهی با کد رهگیری {code} در سامانه سازمان قابل بررسی است.",
    ]),
}


@dataclass(frozen=True)
class SyntheticPage:
    """A page image and what a perfect reader would say of it."""
    image: Image.Image
    text: str | None        # the lines in reading order, as written; None: a page without text
    turn: int | None        # the clockwise turn (PIL: rotate by -turn) that makes it upright; None: cannot be told
    kind: str               # "letter", "stamp-signature", "id-card", "blank-back"
    doc_type: str | None    # the taxonomy code the letter is, for type suggestions
    font: str | None = None
    size_pt: float | None = None
    dpi: int = 300
    jpeg: int | None = None  # the JPEG quality it went through; save as JPEG with it to keep that loss

    @property
    def lines(self) -> list[str]:
        return self.text.split("\n") if self.text else []

    def save(self, path: Path) -> Path:
        """Writes the image at its dpi (PNG, TIFF or JPEG by the suffix)."""
        kw: dict[str, object] = {"dpi": (self.dpi, self.dpi)}
        if path.suffix.lower() in (".jpg", ".jpeg"):
            kw["quality"] = self.jpeg or 90
        self.image.save(path, **kw)
        return path


def _jalali(rnd: random.Random) -> str:
    return to_persian(f"{rnd.randint(1395, 1404)}/{rnd.randint(1, 12):02d}/{rnd.randint(1, 29):02d}")


def national_id(rnd: random.Random) -> str:
    """A valid 10-digit national ID (mod-11 check digit), Latin digits."""
    while True:
        body = "".join(str(rnd.randint(0, 9)) for _ in range(9))
        total = sum(int(body[i]) * (10 - i) for i in range(9))
        remainder = total % 11
        check = remainder if remainder < 2 else 11 - remainder
        if check < 10 and len(set(body)) > 1:
            return body + str(check)


def _fill(sentence: str, rnd: random.Random) -> str:
    first = rnd.choice(FIRST_NAMES)
    code = rnd.choice([f"SS-{rnd.randint(1, 99):04d}-{rnd.randint(1395, 1404)}-{rnd.randint(1, 999999):06d}",
                       "-".join(f"{rnd.randint(0, 9999):04d}" for _ in range(3)),
                       f"TR{rnd.randint(100000, 999999)}"])
    return sentence.format(
        name=f"{rnd.choice(FIRST_NAMES)} {rnd.choice(SURNAMES)}", first=first, nid=to_persian(national_id(rnd)),
        ins=to_persian(str(rnd.randint(10 ** 7, 10 ** 10 - 1))), date=_jalali(rnd), code=code,
        city=rnd.choice(CITIES), employer=rnd.choice(EMPLOYERS), n=to_persian(rnd.randint(12, 9999)),
        days=to_persian(rnd.randint(3, 90)), percent=to_persian(rnd.choice([33, 50, 66, 75])),
        amount=to_persian(f"{rnd.randint(5, 900) * 100_000:,}").replace(",", "٬"))


def letter_lines(rnd: random.Random, doc_type: str, paragraphs: int) -> list[str]:
    """The logical lines of a letter before wrapping: head, title, then body sentences in paragraphs."""
    title, sentences = LETTER_TYPES[doc_type]
    head = ["بسمه تعالی", "سازمان تأمین اجتماعی",
            f"اداره کل تأمین اجتماعی استان {rnd.choice(CITIES)} - شعبه {to_persian(rnd.randint(1, 40))}",
            f"تاریخ: {_jalali(rnd)}",
            f"شماره: {to_persian(rnd.randint(1000, 99999))}/ص/{to_persian(rnd.randint(1395, 1404))}",
            f"موضوع: {title}"]
    body = []
    for _ in range(paragraphs):
        body.append(" ".join(_fill(s, rnd) for s in rnd.sample(sentences, k=rnd.randint(2, len(sentences)))))
    body.append(f"{rnd.choice(FIRST_NAMES)} {rnd.choice(SURNAMES)} - رئیس شعبه")
    return head + body


class _Face:
    """A font at one size, with DejaVu Sans for the words it has no glyph for (Noto Naskh Arabic has no Latin letters,
    no slash and no hyphen), as a word processor falls back to another font."""

    def __init__(self, name: str, px: int) -> None:
        self.font = ImageFont.truetype(str(FONTS[name]), px)
        self.fallback = ImageFont.truetype(str(FONTS["dejavu-sans"]), px) if name != "dejavu-sans" else self.font
        self.size = px
        hb_font = hb.Font(hb.Face(FONTS[name].read_bytes()))
        self._covers = lambda word: all(hb_font.get_nominal_glyph(ord(c)) for c in word if c != "\u200c")

    def for_word(self, word: str) -> ImageFont.FreeTypeFont:
        return self.font if self._covers(word) else self.fallback

    def length(self, line: str) -> float:
        space = self.font.getlength(" ")
        return sum(self.for_word(w).getlength(w, direction="rtl") for w in line.split(" ")) + space * line.count(" ")

    def draw(self, draw: ImageDraw.ImageDraw, right: int, top: int, line: str, fill: object) -> None:
        """The line right-aligned at `right`; word by word (right to left, each word shaped by raqm in its font)
        when a word needs the fallback, else in one piece."""
        baseline = top + self.font.getmetrics()[0]
        if self._covers(line):
            draw.text((right, baseline), line, font=self.font, fill=fill, anchor="rs", direction="rtl")
            return
        x = right
        for word in line.split(" "):
            font = self.for_word(word)
            draw.text((x, baseline), word, font=font, fill=fill, anchor="rs", direction="rtl")
            x -= font.getlength(word, direction="rtl") + self.font.getlength(" ")


def _wrap(text: str, face: _Face, width: float) -> list[str]:
    words, lines, line = text.split(" "), [], ""
    for word in words:
        trial = f"{line} {word}" if line else word
        if line and face.length(trial) > width:
            lines.append(line)
            line = word
        else:
            line = trial
    return lines + ([line] if line else [])


def _degrade(img: Image.Image, rnd: random.Random, noise: float, blur: float, jpeg: int | None) -> Image.Image:
    if blur:
        img = img.filter(ImageFilter.GaussianBlur(blur))
    if noise:
        arr = np.asarray(img, dtype=np.float32)
        arr = arr + np.random.default_rng(rnd.randint(0, 2 ** 31)).normal(0, noise, arr.shape)
        img = Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8), img.mode)
    if jpeg:
        buf = io.BytesIO()
        img.save(buf, "JPEG", quality=jpeg)
        img = Image.open(io.BytesIO(buf.getvalue()))
        img.load()
    return img


def _paper(dpi: int, paper: str, mode: str, shade: int) -> Image.Image:
    w, h = (round(mm / 25.4 * dpi) for mm in PAPER_MM[paper])
    return Image.new(mode, (w, h), shade if mode == "L" else (shade, shade, shade - 6))


def turned(page: SyntheticPage, turn: int) -> SyntheticPage:
    """The page as fed turned: turning its image clockwise by `turn` degrees makes it upright again (lossless)."""
    ops = {0: None, 90: Image.Transpose.ROTATE_90, 180: Image.Transpose.ROTATE_180, 270: Image.Transpose.ROTATE_270}
    op = ops[turn]
    image = page.image.transpose(op) if op is not None else page.image.copy()
    return replace(page, image=image, turn=None if page.turn is None else (page.turn + turn) % 360)


def letter(seed: int = 0, font: str = "vazirmatn", size_pt: float = 12, dpi: int = 300, doc_type: str | None = None,
           noise: float = 0.0, blur: float = 0.0, jpeg: int | None = None, turn: int = 0, paper: str = "A4",
           mode: str = "L", paragraphs: int = 3) -> SyntheticPage:
    """A letter page. `noise` is the standard deviation of Gaussian grey noise, `blur` a Gaussian radius in pixels,
    `jpeg` a JPEG quality the page goes through, `turn` how it was fed (see `turned`)."""
    rnd = random.Random(seed)
    doc_type = doc_type or rnd.choice(sorted(LETTER_TYPES))
    shade = rnd.randint(236, 250)
    img = _paper(dpi, paper, mode, shade)
    draw = ImageDraw.Draw(img)
    px = round(size_pt / 72 * dpi)
    face, title_face = _Face(font, px), _Face(font, round(px * 1.25))
    margin = round(dpi * 20 / 25.4)
    width = img.width - 2 * margin
    ink = rnd.randint(10, 50)
    fill = ink if mode == "L" else (ink, ink, ink + 40)
    y, drawn = margin, []
    for index, logical in enumerate(letter_lines(rnd, doc_type, paragraphs)):
        f = title_face if index in (1, 5) else face
        for line in _wrap(logical, f, width):
            if y + px * 1.7 > img.height - margin:
                break
            f.draw(draw, img.width - margin, y, line, fill)
            drawn.append(line)
            y += round(f.size * 1.75)
        y += round(px * (0.9 if index >= 5 else 0.2))
    page = SyntheticPage(image=_degrade(img, rnd, noise, blur, jpeg), text="\n".join(drawn), turn=0, kind="letter",
                         doc_type=doc_type, font=font, size_pt=size_pt, dpi=dpi, jpeg=jpeg)
    return turned(page, turn) if turn else page


def stamp_and_signature(seed: int = 0, dpi: int = 300, noise: float = 3.0) -> SyntheticPage:
    """A sheet with only a round stamp and a hand signature on it."""
    rnd = random.Random(seed)
    img = _paper(dpi, "A4", "L", rnd.randint(238, 250))
    draw = ImageDraw.Draw(img)
    r = dpi * rnd.uniform(0.5, 0.7)
    cx, cy = img.width * rnd.uniform(0.45, 0.7), img.height * rnd.uniform(0.55, 0.75)
    for k, width in ((1.0, dpi // 60), (0.72, dpi // 90)):
        draw.ellipse((cx - r * k, cy - r * k, cx + r * k, cy + r * k), outline=90, width=width)
    for i in range(12):  # the star in the middle of a seal
        a = i * np.pi / 6
        draw.line((cx, cy, cx + r * 0.4 * np.cos(a), cy + r * 0.4 * np.sin(a)), fill=90, width=dpi // 100)
    sx, sy = img.width * rnd.uniform(0.2, 0.35), cy + r * 0.3
    pts = [(sx + i * 6, sy + 60 * np.sin(i / rnd.uniform(7, 11)) + 25 * np.cos(i / 3.0)) for i in range(110)]
    draw.line(pts, fill=25, width=max(2, dpi // 100))
    return SyntheticPage(image=_degrade(img, rnd, noise, 0.6, None), text=None, turn=None, kind="stamp-signature",
                         doc_type=None, dpi=dpi)


def id_card(seed: int = 0, dpi: int = 300, noise: float = 3.0) -> SyntheticPage:
    """A national card (85.6 x 54 mm) on the platen under a white lid: a photo, an emblem, field bars and a few words,
    too little text to tell which way is up."""
    rnd = random.Random(seed)
    img = _paper(dpi, "A4", "L", 250)
    draw = ImageDraw.Draw(img)
    w, h = round(85.6 / 25.4 * dpi), round(54 / 25.4 * dpi)
    x, y = round(dpi * rnd.uniform(0.8, 2.5)), round(dpi * rnd.uniform(0.8, 3))
    draw.rounded_rectangle((x, y, x + w, y + h), radius=dpi // 10, fill=205, outline=150, width=3)
    draw.rectangle((x + w * 0.06, y + h * 0.25, x + w * 0.3, y + h * 0.85), fill=120)  # the photo
    draw.ellipse((x + w * 0.45, y + h * 0.05, x + w * 0.55, y + h * 0.2), outline=80, width=4)  # the emblem
    small = ImageFont.truetype(str(FONTS["vazirmatn"]), round(dpi * 0.07))
    draw.text((x + w * 0.94, y + h * 0.3), "کارت ملی", font=small, fill=40, anchor="ra", direction="rtl")
    for k in range(3):  # printed fields as bars
        draw.rectangle((x + w * 0.4, y + h * (0.5 + 0.13 * k), x + w * 0.92, y + h * (0.55 + 0.13 * k)), fill=110)
    page = SyntheticPage(image=_degrade(img, rnd, noise, 0.5, None), text=None, turn=None, kind="id-card",
                         doc_type="ID-CARD", dpi=dpi)
    return turned(page, rnd.choice(TURNS))


def blank_back(seed: int = 0, dpi: int = 300, noise: float = 3.0) -> SyntheticPage:
    """The back of a sheet: paper, dust and the faint show-through of the front, mirrored."""
    rnd = random.Random(seed)
    front = letter(seed, dpi=dpi).image.transpose(Image.Transpose.FLIP_LEFT_RIGHT)
    shade = rnd.randint(238, 250)
    faint = front.point(lambda v: shade - (255 - v) * 0.05)
    draw = ImageDraw.Draw(faint)
    for _ in range(40):
        draw.point((rnd.randrange(faint.width), rnd.randrange(faint.height)), fill=50)
    return SyntheticPage(image=_degrade(faint, rnd, noise, 0.0, None), text=None, turn=None, kind="blank-back",
                         doc_type=None, dpi=dpi)


def page_set(count: int = 24, seed: int = 0, dpi: int = 300, with_turns: bool = True,
             without_text: int = 0) -> list[SyntheticPage]:
    """A varied, reproducible set: every font, sizes 10-14 pt, clean to noisy, blurred, JPEG, every other one fed
    turned by 90, 180 and 270 in turn (when `with_turns`), then `without_text` pages with no text (stamp and signature, ID card, blank back in turn)."""
    rnd = random.Random(seed)
    fonts = sorted(FONTS)
    pages = []
    for i in range(count):
        turn = TURNS[1 + (i // 2) % 3] if with_turns and i % 2 else 0
        pages.append(letter(seed * 1000 + i, font=fonts[i % len(fonts)], size_pt=rnd.choice([10, 11, 12, 14]), dpi=dpi,
                            noise=rnd.choice([0, 4, 8, 12]), blur=rnd.choice([0, 0.5, 0.8, 1.2]),
                            jpeg=rnd.choice([None, None, 85, 70]), turn=turn))
    makers = (stamp_and_signature, id_card, blank_back)
    pages += [makers[i % 3](seed * 1000 + count + i, dpi=dpi) for i in range(without_text)]
    return pages
