"""The disclaimer reader's labelled cases, written by the team (never copied from the corpus or the
seeds): `python -m evaluation.disclaimer_cases_source` writes evaluation/disclaimer_cases.json.

Each case is a short page: a headline, a story and the notes a copying site adds, in one
phrasing. Expected attributions are (kind, outlet): a gazetteer slug, "+name" for an outlet the
gazetteer does not know (a placeholder named so), or None for a credit that names nobody
(«وكالات»). An empty list: the page credits no one (an outlet is only mentioned).

The held-out half was written first, before the reader was changed, and is scored once per
change; the development half is what the reader was tuned on. Held-out phrasings are mostly
combinations the development half does not have: the reader is measured on wordings it has not
seen.
"""

import json
from pathlib import Path

STORIES = {
    "coast": (
        "بلدية المدينة الساحلية تعلن توسعة الكورنيش الشمالي",
        "أعلنت بلدية المدينة الساحلية اليوم عن خطة لتوسعة الكورنيش الشمالي تشمل ممرات للدراجات ومساحات خضراء، "
        "على أن يبدأ التنفيذ مطلع العام المقبل وتستمر الأعمال ثمانية عشر شهراً.",
    ),
    "gold": (
        "الذهب يرتفع في التعاملات المبكرة مع تراجع الدولار",
        "ارتفعت أسعار الذهب في التعاملات المبكرة اليوم مع تراجع الدولار، وقال متعاملون إن المستثمرين يترقبون "
        "بيانات التضخم الأمريكية المقرر صدورها نهاية الأسبوع.",
    ),
    "league": (
        "تأجيل الجولة المقبلة من الدوري أسبوعاً",
        "أعلن الاتحاد المحلي لكرة القدم تأجيل مباريات الجولة المقبلة من الدوري أسبوعاً واحداً بسبب ارتباط "
        "المنتخب بمعسكر خارجي استعداداً للتصفيات القارية.",
    ),
    "heat": (
        "تحذير من موجة حر شديدة في المناطق الوسطى",
        "حذرت هيئة الأرصاد من موجة حر شديدة تضرب المناطق الوسطى خلال الأيام الثلاثة المقبلة، ودعت السكان "
        "إلى تجنب التعرض المباشر للشمس في ساعات الظهيرة.",
    ),
    "school": (
        "مدرسة جديدة تفتح أبوابها في القرية الجبلية",
        "افتتحت وزارة التعليم أمس مدرسة جديدة في القرية الجبلية تستوعب أربعمئة طالب، بعد سنوات من انتظار "
        "الأهالي الذين كان أبناؤهم يقطعون مسافات طويلة يومياً.",
    ),
    "water": (
        "اتفاقية لإنشاء محطة تحلية بطاقة مئتي ألف متر مكعب",
        "وقعت الحكومة اتفاقية مع شركة أجنبية لإنشاء محطة لتحلية مياه البحر بطاقة مئتي ألف متر مكعب يومياً، "
        "في خطوة تهدف إلى سد العجز المائي في أشهر الصيف.",
    ),
    "sleep": (
        "دراسة: قلة النوم تضعف تركيز طلاب الجامعات",
        "كشفت دراسة حديثة أن ساعات النوم القليلة ترتبط بضعف التركيز لدى طلاب الجامعات، وأوصى الباحثون بألا "
        "تقل ساعات النوم عن سبع ساعات في الليلة.",
    ),
    "winter": (
        "موسم شتوي بأكثر من مئة فعالية في خمس مدن",
        "أطلقت الهيئة العامة للسياحة موسماً شتوياً يتضمن أكثر من مئة فعالية ثقافية وترفيهية في خمس مدن، "
        "ويتوقع المنظمون أن يجذب الموسم مليون زائر.",
    ),
    "fire": (
        "السيطرة على حريق في مستودع للأخشاب",
        "تمكنت فرق الدفاع المدني من السيطرة على حريق اندلع في مستودع للأخشاب بالمنطقة الصناعية، دون أن "
        "يسفر عن إصابات، وفتحت الشرطة تحقيقاً في أسبابه.",
    ),
    "rates": (
        "البنك المركزي يثبت أسعار الفائدة للمرة الثالثة",
        "أعلن البنك المركزي تثبيت أسعار الفائدة للمرة الثالثة على التوالي، مشيراً إلى أن معدلات التضخم ما "
        "زالت ضمن النطاق المستهدف رغم ارتفاع أسعار الغذاء.",
    ),
    "flights": (
        "رحلات مباشرة إلى ثلاث عواصم أوروبية الشهر المقبل",
        "بدأت شركة الطيران الوطنية بيع تذاكر رحلات مباشرة إلى ثلاث عواصم أوروبية اعتباراً من الشهر المقبل، "
        "بمعدل أربع رحلات أسبوعياً لكل وجهة.",
    ),
    "dig": (
        "اكتشاف قرية من العصر الحجري في الوادي الشرقي",
        "عثر علماء آثار على بقايا قرية تعود إلى العصر الحجري في الوادي الشرقي، تضم أدوات حجرية وبقايا "
        "مواقد، ويرجحون أنها كانت مأهولة قبل تسعة آلاف عام.",
    ),
}


def page(story: str, *, note: str = "", inline: str = "", byline: str = "", caption: str = "") -> str:
    """A page: headline, optional byline and caption, the story (with `inline` joined to it), notes."""
    title, body = STORIES[story]
    parts = [title]
    if byline:
        parts.append(byline)
    if caption:
        parts.append(caption)
    parts.append(f"{body} {inline}".strip() if inline and not inline.startswith("\n") else body)
    if inline.startswith("\n"):
        parts.append(inline.strip())
    if note:
        parts.append(note)
    return "\n\n".join(parts) + "\n"


# (id, class, phrasing, page, expected). Classes: boundary, cue, kind, resolution, mention, known
# (a phrasing the reader handled before, kept so it is not lost).
HELD_OUT = [
    # --- republication, first publication and automatic copying -----------------------------
    (
        "h001",
        "cue",
        "first-published-report",
        page("coast", note="نُشر هذا التقرير للمرة الأولى على موقع عالميات."),
        [("previously_published_on", "alamiyat")],
    ),
    (
        "h002",
        "cue",
        "first-published-origin",
        page("gold", note="نُشرت هذه المادة في الأصل على موقع «المشهد اليمني»."),
        [("previously_published_on", "+المشهد اليمني")],
    ),
    (
        "h003",
        "cue",
        "first-published-origin",
        page("league", note="نشر هذا الخبر في الأصل على صحيفة سبق"),
        [("previously_published_on", "sabq")],
    ),
    (
        "h004",
        "cue",
        "previously-appeared",
        page("heat", note="سبق أن نُشر هذا المقال في صحيفة الشرق الأوسط."),
        [("previously_published_on", "aawsat")],
    ),
    (
        "h005",
        "cue",
        "previously-appeared",
        page("school", note="سبق نشر هذه المادة على موقع رصيف 22"),
        [("previously_published_on", "+رصيف 22")],
    ),
    (
        "h006",
        "cue",
        "automatic-copy",
        page("water", note="تم نقل هذا الخبر آلياً من موقع اليوم السابع"),
        [("republished_from", "youm7")],
    ),
    (
        "h007",
        "cue",
        "automatic-copy",
        page("sleep", note="هذا المحتوى منقول تلقائياً من مصدره: موقع مصراوي"),
        [("republished_from", "+مصراوي")],
    ),
    (
        "h008",
        "boundary",
        "automatic-copy-run-on",
        page("winter", note="الخبر منقول آلياً من موقع دنيا الوطن ولا يعبر عن رأي الموقع"),
        [("republished_from", "+دنيا الوطن")],
    ),
    (
        "h009",
        "boundary",
        "site-disclaims-run-on",
        page("fire", note="هذا الخبر منقول من موقع البوابة نيوز ولا يعبر بالضرورة عن سياسة الموقع."),
        [("republished_from", "+البوابة نيوز")],
    ),
    (
        "h010",
        "cue",
        "rights-footer",
        page("rates", note="جميع الحقوق محفوظة لمصدر الخبر: صحيفة الرياض"),
        [("republished_from", "alriyadh")],
    ),
    (
        "h011",
        "cue",
        "rights-footer",
        page("flights", note="حقوق النشر محفوظة لمصدر الخبر الأصلي - موقع عربي 21"),
        [("republished_from", "+عربي 21")],
    ),
    (
        "h012",
        "cue",
        "republished-with-permission",
        page("dig", note="أعيد نشر هذا المقال بإذن من مجلة المجلة."),
        [("republished_from", "+المجلة")],
    ),
    (
        "h013",
        "cue",
        "read-at-source",
        page("coast", note="اقرأ الخبر كاملاً من مصدره: جريدة الوطن السعودية"),
        [("republished_from", "alwatan-sa")],
    ),
    (
        "h014",
        "known",
        "note-line-quoted",
        page("gold", note='* نقلا عن "الحياة" اللندنية'),
        [("republished_from", "alhayat")],
    ),
    (
        "h015",
        "boundary",
        "note-type-noun-quoted",
        page("league", note='نقلاً عن صحيفة "الاقتصادية"'),
        [("republished_from", "aleqt")],
    ),
    (
        "h016",
        "boundary",
        "note-type-noun-quoted",
        page("heat", note="(نقلاً عن موقع «الموجز»)"),
        [("republished_from", "+الموجز")],
    ),
    (
        "h017",
        "cue",
        "adapted-paraphrase",
        page("school", note="عن موقع هسبريس بتصرف"),
        [("republished_from", "hespress")],
    ),
    (
        "h018",
        "cue",
        "source-label",
        page("water", note="مصدر الخبر: وكالة الأناضول"),
        [("republished_from", "anadolu")],
    ),
    ("h019", "kind", "agencies-unnamed", page("sleep", note="المصدر: وكالات"), [("wire_credit", None)]),
    ("h020", "kind", "agencies-unnamed", page("winter", note="المصدر : وكالات الأنباء"), [("wire_credit", None)]),
    (
        "h021",
        "known",
        "source-label",
        page("fire", note="المصدر: سكاي نيوز عربية"),
        [("republished_from", "skynewsarabia")],
    ),
    (
        "h022",
        "boundary",
        "source-label-descriptor",
        page("rates", note="المصدر: القبس الكويتية"),
        [("republished_from", "alqabas")],
    ),
    # --- original source ---------------------------------------------------------------------
    (
        "h023",
        "boundary",
        "original-source-of-report",
        page("flights", note="المصدر الأصلي للتقرير: موقع الجزيرة نت"),
        [("original_source", "aljazeera")],
    ),
    (
        "h024",
        "boundary",
        "original-source-of-report",
        page("dig", note="المصدر الأصلي لهذا الخبر: عكاظ"),
        [("original_source", "okaz")],
    ),
    (
        "h025",
        "known",
        "original-source",
        page("coast", note="المصدر الأصلي هو موقع إيلاف"),
        [("original_source", "elaph")],
    ),
    (
        "h026",
        "cue",
        "original-source-main",
        page("gold", note="المصدر الرئيسي للخبر: وكالة رويترز"),
        [("original_source", "reuters")],
    ),
    (
        "h027",
        "mention",
        "original-source-responsible",
        page("league", note="المصدر الأصلي هو المسؤول عن صحة الخبر ودقته."),
        [],
    ),
    # --- adapted by the site's editors ----------------------------------------------------------
    (
        "h028",
        "boundary",
        "editors-checked-run-on",
        page(
            "heat",
            note="تم نشر هذا الخبر بواسطة موقع عالميات وقد قام فريق التحرير في إشراق 24 بالتأكد منه وربما تم التعديل فيه.",
        ),
        [("republished_from", "alamiyat"), ("adapted_by", "ishraq-24")],
    ),
    (
        "h029",
        "known",
        "quoted-and-adapted",
        page(
            "school", note="اقتبس فريق التحرير في إشراق 24 هذا الخبر وعدّل فيه، وسبق نشره على عالميات"
        ),
        [("adapted_by", "ishraq-24"), ("previously_published_on", "alamiyat")],
    ),
    (
        "h030",
        "cue",
        "edited-by-team",
        page("water", note="حرّر هذا الخبر وأعدّه للنشر فريق تحرير موقع الخليج 365"),
        [("adapted_by", "+الخليج 365")],
    ),
    (
        "h031",
        "cue",
        "rewritten-by-team",
        page("sleep", note="أعاد فريق التحرير في موقع نبض صياغة هذا الخبر."),
        [("adapted_by", "+نبض")],
    ),
    # --- translation ---------------------------------------------------------------------------
    (
        "h032",
        "kind",
        "translation-by-about",
        page("winter", note="ترجمة: فريق التحرير عن صحيفة الغارديان"),
        [("translated_from", "the-guardian")],
    ),
    (
        "h033",
        "kind",
        "translation-special",
        page("fire", note="عن موقع واشنطن بوست - ترجمة خاصة"),
        [("translated_from", "washington-post")],
    ),
    (
        "h034",
        "kind",
        "translation-special",
        page("rates", note="ترجمة خاصة عن مجلة فورين بوليسي"),
        [("translated_from", "+فورين بوليسي")],
    ),
    (
        "h035",
        "kind",
        "translation-this-article",
        page("flights", note="هذا المقال مترجم من صحيفة نيويورك تايمز الأمريكية."),
        [("translated_from", "nyt")],
    ),
    (
        "h036",
        "kind",
        "translated-to-arabic",
        page("dig", note="نقله إلى العربية: قسم الترجمة، عن موقع فايننشال تايمز"),
        [("translated_from", "ft")],
    ),
    # --- wire credits --------------------------------------------------------------------------
    ("h037", "known", "dateline-agency", page("coast", byline="الرياض (واس) -"), [("wire_credit", "spa")]),
    ("h038", "known", "byline-agency", page("gold", byline="لندن - رويترز"), [("wire_credit", "reuters")]),
    (
        "h039",
        "cue",
        "agency-code-in-sentence",
        page("league", inline="وكانت وكالة الأنباء الألمانية (د.ب.أ) قد ذكرت أن المعسكر سيقام في أوروبا."),
        [("quoted_source", "dpa")],
    ),
    (
        "h040",
        "cue",
        "agency-code-in-sentence",
        page("heat", inline="وكانت وكالة فرانس برس (أ ف ب) قد أشارت إلى موجة مماثلة العام الماضي."),
        [("quoted_source", "afp")],
    ),
    ("h041", "known", "agency-code-end", page("school", note="(أ ش أ)"), [("wire_credit", "mena")]),
    ("h042", "kind", "agencies-byline", page("water", byline="عواصم - وكالات"), [("wire_credit", None)]),
    # --- quoted sources --------------------------------------------------------------------------
    (
        "h043",
        "cue",
        "as-reported-by-site",
        page("sleep", inline="وذلك بحسب ما أورده موقع بي بي سي عربي في تقرير مطول."),
        [("quoted_source", "bbc-arabic")],
    ),
    (
        "h044",
        "cue",
        "as-conveyed-by",
        page("winter", inline="وفق ما نقلته صحيفة القدس العربي عن مصادر في الهيئة."),
        [("quoted_source", "alquds-alarabi")],
    ),
    (
        "h045",
        "cue",
        "as-conveyed-by",
        page("fire", inline="وذلك حسبما نقلت قناة «العربية» عن مصدر في الدفاع المدني."),
        [("quoted_source", "alarabiya")],
    ),
    ("h046", "known", "according-to-quoted", page("rates", inline='وفق "فرانس برس".'), [("quoted_source", "afp")]),
    (
        "h047",
        "cue",
        "statement-to",
        page("flights", inline="وقال المتحدث باسم الشركة في تصريح لـ«الشرق الأوسط» إن الطلب مرتفع."),
        [("quoted_source", "aawsat")],
    ),
    (
        "h048",
        "cue",
        "reported-newspaper",
        page("dig", inline="وذكرت صحيفة «الغد» الأردنية أن البعثة ستواصل الحفر."),
        [("quoted_source", "alghad")],
    ),
    (
        "h049",
        "cue",
        "according-to-what-published",
        page("coast", inline="وفقاً لما نشرته مجلة «فوربس الشرق الأوسط»."),
        [("quoted_source", "+فوربس الشرق الأوسط")],
    ),
    (
        "h050",
        "cue",
        "agency-conveyed-from-official",
        page("gold", inline="ونقلت وكالة بلومبرغ عن محللين قولهم إن الارتفاع مؤقت."),
        [("quoted_source", "bloomberg")],
    ),
    (
        "h051",
        "boundary",
        "site-quoted-run-on",
        page("league", inline="بحسب ما أورده موقع كووورة الرياضي اليوم الثلاثاء."),
        [("quoted_source", "+كووورة")],
    ),
    (
        "h052",
        "boundary",
        "channel-quoted-run-on",
        page("heat", inline="وفق ما أفادت به قناة روتانا خليجية مساء أمس."),
        [("quoted_source", "+روتانا خليجية")],
    ),
    # --- mentions: an outlet the story is about, not a source ------------------------------------
    (
        "h053",
        "mention",
        "local-branch-of",
        page("school", inline="وإذاعة «صوت الجبل» هي الفرع المحلي لإذاعة مونت كارلو الدولية."),
        [],
    ),
    (
        "h054",
        "mention",
        "office-of-channel",
        page("water", inline="وكانت السلطات قد أغلقت مكتب قناة الجزيرة في العاصمة العام الماضي."),
        [],
    ),
    (
        "h055",
        "mention",
        "outlet-as-subject",
        page("sleep", inline="وفازت صحيفة الغارديان البريطانية بجائزة عن تغطيتها للملف نفسه."),
        [],
    ),
    (
        "h056",
        "mention",
        "editor-of-newspaper",
        page("winter", inline="وحضر الافتتاح رئيس تحرير صحيفة عكاظ وعدد من الإعلاميين."),
        [],
    ),
    (
        "h057",
        "mention",
        "criticized-coverage",
        page("fire", inline="وانتقد المسؤول تغطية قناة الحدث للحريق ووصفها بالمبالغة."),
        [],
    ),
    (
        "h058",
        "mention",
        "program-on-channel",
        page("rates", inline="وسيظهر المحافظ في برنامج حواري على شاشة قناة المملكة مساء الخميس."),
        [],
    ),
    (
        "h059",
        "mention",
        "weekday-after-preposition",
        page("flights", inline="وقال مدير المبيعات يوم الاثنين إن الحجوزات تجاوزت التوقعات."),
        [],
    ),
    ("h060", "mention", "social-platform", page("dig", inline="ونشرت البعثة صوراً للموقع على حسابها في منصة إكس."), []),
    # --- resolution ----------------------------------------------------------------------------
    (
        "h061",
        "resolution",
        "longer-unknown-name",
        page("coast", note="نقلاً عن موقع النهار نيوز"),
        [("republished_from", "+النهار نيوز")],
    ),
    (
        "h062",
        "resolution",
        "longer-unknown-name",
        page("gold", note="المصدر: موقع الوطن نيوز"),
        [("republished_from", "+الوطن نيوز")],
    ),
    (
        "h063",
        "resolution",
        "longest-known",
        page("league", note="المصدر: صحيفة الجزيرة السعودية"),
        [("republished_from", "al-jazirah")],
    ),
    ("h064", "resolution", "longest-known", page("heat", note="نقلاً عن اليوم السابع"), [("republished_from", "youm7")]),
    (
        "h065",
        "resolution",
        "article-variant",
        page("school", note="نقلاً عن صحيفة الديلي تلغراف"),
        [("republished_from", "+ديلي تلغراف")],
    ),
    (
        "h066",
        "resolution",
        "abbreviation-dots",
        page("water", note="المصدر: شبكة إن.بي.سي الأمريكية"),
        [("republished_from", "+إن بي سي")],
    ),
    ("h067", "resolution", "domain-name", page("sleep", note="المصدر: sabq.org"), [("republished_from", "sabq")]),
    ("h068", "resolution", "latin-name", page("winter", note="Source: Reuters"), [("republished_from", "reuters")]),
    # --- more phrasings of the same parts, in combinations ---------------------------------------
    (
        "h069",
        "cue",
        "first-published-report",
        page("fire", note="ظهر هذا التقرير أولاً على موقع «أخبار الآن»"),
        [("previously_published_on", "+أخبار الآن")],
    ),
    (
        "h070",
        "cue",
        "automatic-copy",
        page("rates", note="جرى جلب هذا الخبر آلياً من موقع الشروق"),
        [("republished_from", "alshorouk")],
    ),
    (
        "h071",
        "boundary",
        "copied-from-run-on",
        page("flights", note="تم نسخ هذا الخبر من موقع سبق والمسؤولية عن محتواه تقع على عاتق ناشره"),
        [("republished_from", "sabq")],
    ),
    (
        "h072",
        "kind",
        "translation-by-about",
        page("dig", note="ترجمة وتحرير: فريق الموقع، عن موقع دويتشه فيله"),
        [("translated_from", "dw-arabic")],
    ),
    (
        "h073",
        "cue",
        "rights-footer",
        page("coast", note="© جميع الحقوق محفوظة لصحيفة الاتحاد"),
        [("republished_from", "alittihad")],
    ),
    (
        "h074",
        "cue",
        "as-conveyed-by",
        page("gold", inline="على ما ذكرته وكالة أنباء الإمارات (وام) صباح اليوم."),
        [("quoted_source", "wam")],
    ),
    (
        "h075",
        "mention",
        "agency-as-subject",
        page("league", inline="واحتفلت وكالة الأنباء القطرية بمرور خمسين عاماً على تأسيسها."),
        [],
    ),
    (
        "h076",
        "boundary",
        "quoted-name-then-descriptor",
        page("heat", note="نقلاً عن «الشروق» الجزائرية"),
        [("republished_from", "echorouk")],
    ),
    (
        "h077",
        "known",
        "previously-published",
        page("school", note="الخبر منشور سابقاً على موقع سبق"),
        [("previously_published_on", "sabq")],
    ),
    (
        "h078",
        "cue",
        "source-label-site",
        page("water", note="المصدر: موقع قناة الحرة"),
        [("republished_from", "alhurra")],
    ),
    (
        "h079",
        "resolution",
        "sharq-collision",
        page("sleep", note="نقلاً عن الشرق القطرية"),
        [("republished_from", "al-sharq-qatar")],
    ),
    (
        "h080",
        "cue",
        "reported-channel-inline",
        page("winter", inline="وأفادت قناة سكاي نيوز عربية بأن المنظمين يتوقعون إقبالاً كبيراً."),
        [("quoted_source", "skynewsarabia")],
    ),
    ("h081", "mention", "ad-for-site", page("fire", note="تابعوا آخر الأخبار على تطبيق الموقع"), []),
    (
        "h082",
        "kind",
        "translation-special",
        page("rates", note="بتصرف عن وكالة بلومبرغ - ترجمة خاصة"),
        [("translated_from", "bloomberg")],
    ),
    (
        "h083",
        "cue",
        "first-published-origin",
        page("flights", note="نُشر المقال أصلاً في صحيفة فايننشال تايمز"),
        [("previously_published_on", "ft")],
    ),
    (
        "h084",
        "boundary",
        "name-then-clause",
        page("dig", note="هذا الخبر منقول من موقع عالميات وقد تم التأكد من صحته"),
        [("republished_from", "alamiyat")],
    ),
    (
        "h085",
        "mention",
        "journalist-of",
        page("coast", inline="وقالت الصحفية في جريدة الرياض سارة محمد إن المشروع طال انتظاره."),
        [],
    ),
    (
        "h086",
        "cue",
        "quoted-in-interview",
        page("gold", inline="وقال الخبير في مقابلة مع قناة العربية إن الأسعار ستواصل الصعود."),
        [("quoted_source", "alarabiya")],
    ),
    (
        "h087",
        "known",
        "agency-conveyed",
        page("league", inline="ونقلت وكالة رويترز عن مسؤول في الاتحاد أن القرار نهائي."),
        [("quoted_source", "reuters")],
    ),
    ("h088", "resolution", "misspelt-known", page("heat", note="المصدر: أسوشييتدبريس"), [("republished_from", "ap")]),
    (
        "h089",
        "cue",
        "reprinted-from",
        page("school", note="أعيد نشره عن صحيفة البيان الإماراتية"),
        [("republished_from", "albayan")],
    ),
    (
        "h090",
        "kind",
        "agencies-plus-named",
        page("water", note="المصدر: وكالات + الجزيرة نت"),
        [("wire_credit", None), ("republished_from", "aljazeera")],
    ),
    (
        "h091",
        "mention",
        "outlet-in-title-of-story",
        page("sleep", inline="واستشهدت الدراسة بأرقام سبق أن عرضها فيلم وثائقي على منصة نتفليكس."),
        [],
    ),
    (
        "h092",
        "cue",
        "adapted-from",
        page("winter", note="مقتبس من موقع إندبندنت عربية"),
        [("republished_from", "independent-arabia")],
    ),
    (
        "h093",
        "cue",
        "previously-appeared",
        page("fire", note="كان هذا التقرير قد نُشر في موقع المونيتور بالإنجليزية"),
        [("previously_published_on", "+المونيتور")],
    ),
    (
        "h094",
        "boundary",
        "name-then-date",
        page("rates", note="المصدر: صحيفة الخليج، 12 مارس 2024"),
        [("republished_from", "alkhaleej")],
    ),
    (
        "h095",
        "mention",
        "branch-genitive",
        page("flights", inline="ويذكر أن قناة الشرق للأخبار هي الذراع التلفزيونية لمجموعة إعلامية كبرى."),
        [],
    ),
    (
        "h096",
        "cue",
        "photo-credit",
        page("dig", caption="فريق البعثة أثناء الحفر في الموقع الأثري شرق الوادي (الصورة: رويترز)"),
        [("photo_credit", "reuters")],
    ),
    (
        "h097",
        "cue",
        "statement-to",
        page("coast", inline="وأكد رئيس البلدية في حديث إلى صحيفة «عكاظ» أن التمويل متوفر."),
        [("quoted_source", "okaz")],
    ),
    ("h098", "kind", "agencies-unnamed-variant", page("gold", note="المصادر: وكالات"), [("wire_credit", None)]),
    (
        "h099",
        "cue",
        "originally-in-language",
        page("league", note="نشرت النسخة الأصلية من هذا الخبر على موقع ESPN"),
        [("previously_published_on", "+ESPN")],
    ),
    (
        "h100",
        "resolution",
        "article-variant",
        page("heat", note="المصدر: الديلي ميل البريطانية"),
        [("republished_from", "+ديلي ميل")],
    ),
    (
        "h101",
        "mention",
        "channel-launch",
        page("school", inline="وأطلقت قناة ماجد للأطفال حملة توعوية بالتزامن مع افتتاح المدرسة."),
        [],
    ),
    (
        "h102",
        "cue",
        "for-more-read",
        page("water", note="للمزيد اقرأ التقرير الأصلي على موقع عرب نيوز"),
        [("original_source", "arab-news")],
    ),
]


DEVELOPMENT = [
    # --- republication, first publication and automatic copying -----------------------------
    (
        "d001",
        "cue",
        "first-published-report",
        page("dig", note="نُشر هذا التقرير أولاً على موقع عربي بوست"),
        [("previously_published_on", "+عربي بوست")],
    ),
    (
        "d002",
        "cue",
        "first-published-origin",
        page("coast", note="نشر في الأصل على موقع الجزيرة نت"),
        [("previously_published_on", "aljazeera")],
    ),
    (
        "d003",
        "cue",
        "first-published-article",
        page("gold", note="نشرت هذه المقالة أول مرة في صحيفة الحياة"),
        [("previously_published_on", "alhayat")],
    ),
    (
        "d004",
        "cue",
        "automatic-copy",
        page("league", note="تم نقل هذا الخبر آلياً من موقع هسبريس"),
        [("republished_from", "hespress")],
    ),
    (
        "d005",
        "cue",
        "automatic-copy",
        page("heat", note="هذا الخبر منقول تلقائياً من موقع صدى البلد"),
        [("republished_from", "+صدى البلد")],
    ),
    (
        "d006",
        "boundary",
        "automatic-copy-run-on",
        page("school", note="تم نقل هذا الخبر آليا من موقع الموجز ولا يعبر عن رأي الموقع"),
        [("republished_from", "+الموجز")],
    ),
    (
        "d007",
        "boundary",
        "site-disclaims-run-on",
        page("water", note="هذا الخبر منقول من موقع صدى البلد ولا يعبر عن وجهة نظر الموقع"),
        [("republished_from", "+صدى البلد")],
    ),
    (
        "d008",
        "cue",
        "rights-footer",
        page("sleep", note="جميع الحقوق محفوظة لمصدر الخبر: موقع الوئام"),
        [("republished_from", "alweeam")],
    ),
    (
        "d009",
        "cue",
        "rights-footer",
        page("winter", note="جميع الحقوق محفوظة لمصدر الخبر الأصلي «عاجل»"),
        [("republished_from", "3alyoum")],
    ),
    (
        "d010",
        "cue",
        "republished-with-permission",
        page("fire", note="أعيد نشر هذا المقال بإذن من موقع رصيف 22"),
        [("republished_from", "+رصيف 22")],
    ),
    (
        "d011",
        "cue",
        "read-at-source",
        page("rates", note="يمكنكم قراءة الخبر من مصدره الأصلي: صحيفة المدينة"),
        [("original_source", "almadina")],
    ),
    (
        "d012",
        "known",
        "note-line-quoted",
        page("flights", note='* نقلا عن "الشرق الأوسط"'),
        [("republished_from", "aawsat")],
    ),
    (
        "d013",
        "boundary",
        "note-type-noun-quoted",
        page("dig", note='نقلا عن صحيفة "الرياض"'),
        [("republished_from", "alriyadh")],
    ),
    (
        "d014",
        "boundary",
        "note-type-noun-quoted",
        page("coast", note='نقلاً عن موقع "صدى البلد"'),
        [("republished_from", "+صدى البلد")],
    ),
    (
        "d015",
        "cue",
        "adapted-paraphrase",
        page("gold", note="عن صحيفة الاقتصادية بتصرف"),
        [("republished_from", "aleqt")],
    ),
    (
        "d016",
        "cue",
        "source-label",
        page("league", note="مصدر الخبر: صحيفة الرياضية"),
        [("republished_from", "arriyadiyah")],
    ),
    ("d017", "kind", "agencies-unnamed", page("heat", note="المصدر: وكالات"), [("wire_credit", None)]),
    ("d018", "kind", "agencies-unnamed", page("school", note="المصدر: وكالات + مواقع"), [("wire_credit", None)]),
    ("d019", "known", "source-label", page("water", note="المصدر: العربية.نت"), [("republished_from", "alarabiya")]),
    (
        "d020",
        "boundary",
        "source-label-descriptor",
        page("sleep", note="المصدر: النهار اللبنانية"),
        [("republished_from", "annahar")],
    ),
    # --- original source ---------------------------------------------------------------------
    (
        "d021",
        "boundary",
        "original-source-of-report",
        page("winter", note="المصدر الأصلي للتقرير: صحيفة الغد"),
        [("original_source", "alghad")],
    ),
    (
        "d022",
        "boundary",
        "original-source-of-report",
        page("fire", note="المصدر الأصلي للخبر: موقع سبق"),
        [("original_source", "sabq")],
    ),
    ("d023", "known", "original-source", page("rates", note="المصدر الأصلي: واس"), [("original_source", "spa")]),
    (
        "d024",
        "cue",
        "original-source-main",
        page("flights", note="المصدر الأساسي للخبر: صحيفة عكاظ"),
        [("original_source", "okaz")],
    ),
    ("d025", "mention", "original-source-responsible", page("dig", note="والمصدر الأصلي وحده مسؤول عن صحة ما ورد في الخبر"), []),
    # --- adapted by the site's editors --------------------------------------------------------
    (
        "d026",
        "boundary",
        "editors-checked-run-on",
        page(
            "coast",
            note="تم نشر هذا الخبر بواسطة موقع سبق وقد قام فريق التحرير في إشراق 24 بالتأكد منه وربما تم التعديل فيه.",
        ),
        [("republished_from", "sabq"), ("adapted_by", "ishraq-24")],
    ),
    (
        "d027",
        "known",
        "quoted-and-adapted",
        page("gold", note="نقله فريق تحرير إشراق 24 بتصرّف، وهو منشور من قبل على سبق"),
        [("adapted_by", "ishraq-24"), ("previously_published_on", "sabq")],
    ),
    (
        "d028",
        "cue",
        "edited-by-team",
        page("league", note="أعدّ هذا الخبر للنشر فريق تحرير موقع نبض"),
        [("adapted_by", "+نبض")],
    ),
    (
        "d029",
        "cue",
        "rewritten-by-team",
        page("heat", note="أعاد فريق التحرير في إشراق 24 صياغة هذا الخبر"),
        [("adapted_by", "ishraq-24")],
    ),
    # --- translation -----------------------------------------------------------------------------
    (
        "d030",
        "kind",
        "translation-by-about",
        page("school", note="ترجمة: فريق التحرير عن صحيفة نيويورك تايمز"),
        [("translated_from", "nyt")],
    ),
    (
        "d031",
        "kind",
        "translation-special",
        page("water", note="عن موقع الغارديان - ترجمة خاصة"),
        [("translated_from", "the-guardian")],
    ),
    (
        "d032",
        "kind",
        "translation-special",
        page("sleep", note="ترجمة خاصة عن صحيفة وول ستريت جورنال"),
        [("translated_from", "wsj")],
    ),
    (
        "d033",
        "kind",
        "translation-this-article",
        page("winter", note="هذا المقال مترجم عن موقع بلومبرغ"),
        [("translated_from", "bloomberg")],
    ),
    (
        "d034",
        "known",
        "translated-from",
        page("fire", note="مترجم عن صحيفة الغارديان"),
        [("translated_from", "the-guardian")],
    ),
    # --- wire credits ----------------------------------------------------------------------------
    ("d035", "known", "dateline-agency", page("rates", byline="جدة (واس) -"), [("wire_credit", "spa")]),
    ("d036", "known", "byline-agency", page("flights", byline="باريس - أ ف ب"), [("wire_credit", "afp")]),
    (
        "d037",
        "cue",
        "agency-code-in-sentence",
        page("dig", inline="وكانت وكالة أسوشيتد برس (أ ب) قد نشرت صوراً للموقع."),
        [("quoted_source", "ap")],
    ),
    (
        "d038",
        "cue",
        "agency-code-in-sentence",
        page("coast", inline="وكانت وكالة الأنباء السعودية (واس) قد أعلنت الخطة قبل شهرين."),
        [("quoted_source", "spa")],
    ),
    ("d039", "known", "agency-code-end", page("gold", note="(رويترز)"), [("wire_credit", "reuters")]),
    ("d040", "kind", "agencies-byline", page("league", byline="القاهرة - وكالات"), [("wire_credit", None)]),
    # --- quoted sources ---------------------------------------------------------------------------
    (
        "d041",
        "cue",
        "as-reported-by-site",
        page("heat", inline="بحسب ما أورده موقع سكاي نيوز عربية."),
        [("quoted_source", "skynewsarabia")],
    ),
    (
        "d042",
        "cue",
        "as-conveyed-by",
        page("school", inline="وفق ما نقلته صحيفة عكاظ عن مصادر في الوزارة."),
        [("quoted_source", "okaz")],
    ),
    (
        "d043",
        "cue",
        "as-conveyed-by",
        page("water", inline="حسبما نقلت وكالة الأناضول عن مسؤول حكومي."),
        [("quoted_source", "anadolu")],
    ),
    ("d044", "known", "according-to-quoted", page("sleep", inline='بحسب "رويترز".'), [("quoted_source", "reuters")]),
    (
        "d045",
        "cue",
        "statement-to",
        page("winter", inline="وقال المدير في تصريح لـ«سبق» إن الموسم سيمدد."),
        [("quoted_source", "sabq")],
    ),
    (
        "d046",
        "cue",
        "reported-newspaper",
        page("fire", inline="وذكرت صحيفة «الوطن» أن التحقيق مستمر."),
        [("quoted_source", "alwatan-sa")],
    ),
    (
        "d047",
        "cue",
        "according-to-what-published",
        page("rates", inline="وفقاً لما نشرته صحيفة فايننشال تايمز."),
        [("quoted_source", "ft")],
    ),
    (
        "d048",
        "cue",
        "agency-conveyed-from-official",
        page("flights", inline="ونقلت وكالة الأنباء الكويتية عن مسؤول في الشركة أن الحجز متاح."),
        [("quoted_source", "kuna")],
    ),
    (
        "d049",
        "boundary",
        "site-quoted-run-on",
        page("dig", inline="بحسب ما أورده موقع أخبار الآن اليوم الأحد."),
        [("quoted_source", "+أخبار الآن")],
    ),
    (
        "d050",
        "boundary",
        "channel-quoted-run-on",
        page("coast", inline="وفق ما أفادت به قناة المملكة مساء الأحد."),
        [("quoted_source", "+المملكة")],
    ),
    # --- mentions -----------------------------------------------------------------------------------
    ("d051", "mention", "local-branch-of", page("gold", inline="وإذاعة «سوا» هي الفرع العربي لإذاعة صوت أمريكا."), []),
    (
        "d052",
        "mention",
        "office-of-channel",
        page("league", inline="وكانت الحكومة قد أغلقت مكتب قناة العربية العام الماضي."),
        [],
    ),
    ("d053", "mention", "outlet-as-subject", page("heat", inline="وفازت صحيفة الرياض بجائزة التميز الصحفي."), []),
    (
        "d054",
        "mention",
        "editor-of-newspaper",
        page("school", inline="وحضر الحفل رئيس تحرير صحيفة الوطن وعدد من الكتاب."),
        [],
    ),
    ("d055", "mention", "criticized-coverage", page("water", inline="وانتقد الوزير تغطية قناة الجزيرة للمشروع."), []),
    (
        "d056",
        "mention",
        "weekday-after-preposition",
        page("sleep", inline="وقال الباحث يوم الأربعاء إن النتائج أولية."),
        [],
    ),
    ("d057", "mention", "social-platform", page("winter", inline="ونشرت الهيئة البرنامج على حسابها في تويتر."), []),
    # --- resolution -----------------------------------------------------------------------------------
    (
        "d058",
        "resolution",
        "longer-unknown-name",
        page("fire", note="نقلاً عن موقع الرياض بوست"),
        [("republished_from", "+الرياض بوست")],
    ),
    (
        "d059",
        "resolution",
        "longest-known",
        page("rates", note="المصدر: الشرق الأوسط"),
        [("republished_from", "aawsat")],
    ),
    (
        "d060",
        "resolution",
        "article-variant",
        page("flights", note="نقلاً عن صحيفة الديلي ميل"),
        [("republished_from", "+ديلي ميل")],
    ),
    (
        "d061",
        "resolution",
        "abbreviation-dots",
        page("dig", note="المصدر: شبكة إيه.بي.سي"),
        [("republished_from", "+إيه بي سي")],
    ),
    ("d062", "resolution", "domain-name", page("coast", note="المصدر: www.youm7.com"), [("republished_from", "youm7")]),
    ("d063", "resolution", "latin-name", page("gold", note="Source: Al Jazeera"), [("republished_from", "aljazeera")]),
    ("d064", "resolution", "misspelt-known", page("league", note="المصدر: أسوشيتدبرس"), [("republished_from", "ap")]),
    (
        "d065",
        "resolution",
        "sharq-collision",
        page("heat", note="المصدر: صحيفة الشرق القطرية"),
        [("republished_from", "al-sharq-qatar")],
    ),
    # --- more ----------------------------------------------------------------------------------------
    (
        "d066",
        "cue",
        "previously-appeared",
        page("school", note="سبق نشر هذا التقرير على موقع عالميات"),
        [("previously_published_on", "alamiyat")],
    ),
    (
        "d067",
        "kind",
        "translated-to-arabic",
        page("water", note="نقلته إلى العربية: هيئة التحرير، عن صحيفة واشنطن بوست"),
        [("translated_from", "washington-post")],
    ),
    (
        "d068",
        "cue",
        "photo-credit",
        page("sleep", caption="طلاب في قاعة المحاضرات بالجامعة خلال الفصل الدراسي (الصورة: أ ف ب)"),
        [("photo_credit", "afp")],
    ),
    (
        "d069",
        "cue",
        "statement-to",
        page("winter", inline="وأوضح المنظم في حديث إلى «العربية» أن التذاكر نفدت."),
        [("quoted_source", "alarabiya")],
    ),
    (
        "d070",
        "cue",
        "quoted-in-interview",
        page("fire", inline="وقال مدير الدفاع المدني في مقابلة مع قناة الحرة إن الحريق محدود."),
        [("quoted_source", "alhurra")],
    ),
    ("d071", "mention", "channel-launch", page("rates", inline="وأطلقت قناة العربية برنامجاً اقتصادياً جديداً."), []),
    (
        "d072",
        "cue",
        "for-more-read",
        page("flights", note="للمزيد اقرأ الخبر الأصلي على موقع إيلاف"),
        [("original_source", "elaph")],
    ),
    (
        "d073",
        "boundary",
        "name-then-date",
        page("dig", note="المصدر: صحيفة البيان، 3 يناير 2024"),
        [("republished_from", "albayan")],
    ),
    (
        "d074",
        "cue",
        "rights-footer",
        page("coast", note="© حقوق النشر محفوظة لصحيفة الرياض"),
        [("republished_from", "alriyadh")],
    ),
    (
        "d075",
        "kind",
        "agencies-plus-named",
        page("gold", note="المصدر: وكالات + سكاي نيوز"),
        [("wire_credit", None), ("republished_from", "skynewsarabia")],
    ),
    (
        "d076",
        "cue",
        "adapted-from",
        page("league", note="مقتبس من صحيفة القدس العربي"),
        [("republished_from", "alquds-alarabi")],
    ),
    ("d077", "mention", "agency-as-subject", page("heat", inline="واحتفلت وكالة الأنباء السعودية بذكرى تأسيسها."), []),
    (
        "d078",
        "boundary",
        "copied-from-run-on",
        page("school", note="تم نسخ هذا الخبر من موقع هسبريس والمسؤولية على ناشره"),
        [("republished_from", "hespress")],
    ),
    (
        "d079",
        "cue",
        "reprinted-from",
        page("water", note="أعيد نشره عن صحيفة الخليج الإماراتية"),
        [("republished_from", "alkhaleej")],
    ),
    ("d080", "kind", "agencies-unnamed-variant", page("sleep", note="المصادر: وكالات أنباء"), [("wire_credit", None)]),
    (
        "d081",
        "cue",
        "reported-channel-inline",
        page("winter", inline="وأفادت قناة الميادين بأن الموسم سيبدأ الخميس."),
        [("quoted_source", "almayadeen")],
    ),
    (
        "d082",
        "mention",
        "journalist-of",
        page("fire", inline="وقال الصحفي في صحيفة الاتحاد أحمد علي إن الحريق كبير."),
        [],
    ),
    (
        "d083",
        "cue",
        "originally-in-language",
        page("rates", note="نشرت النسخة الأصلية من هذا التقرير على موقع CNBC"),
        [("previously_published_on", "+CNBC")],
    ),
    (
        "d084",
        "mention",
        "branch-genitive",
        page("flights", inline="وتعد قناة العربية الحدث الذراع الإخبارية الثانية للمجموعة."),
        [],
    ),
    (
        "d085",
        "cue",
        "first-published-report",
        page("dig", note="ظهر هذا المقال أولاً على موقع عربي 21"),
        [("previously_published_on", "+عربي 21")],
    ),
    (
        "d086",
        "cue",
        "automatic-copy",
        page("coast", note="جرى جلب هذا الخبر آلياً من موقع مصراوي"),
        [("republished_from", "+مصراوي")],
    ),
    (
        "d087",
        "kind",
        "translation-special",
        page("gold", note="بتصرف عن صحيفة فايننشال تايمز - ترجمة خاصة"),
        [("translated_from", "ft")],
    ),
    (
        "d088",
        "boundary",
        "quoted-name-then-descriptor",
        page("league", note="نقلاً عن «الراي» الكويتية"),
        [("republished_from", "alrai-kw")],
    ),
    (
        "d089",
        "cue",
        "source-label-site",
        page("heat", note="المصدر: موقع قناة الميادين"),
        [("republished_from", "almayadeen")],
    ),
    (
        "d090",
        "cue",
        "as-conveyed-by",
        page("school", inline="على ما ذكرته وكالة الأنباء الأردنية (بترا)."),
        [("quoted_source", "petra")],
    ),
    (
        "d091",
        "boundary",
        "name-then-clause",
        page("water", note="هذا الخبر منقول من موقع سبق وقد تم التحقق منه"),
        [("republished_from", "sabq")],
    ),
    (
        "d092",
        "resolution",
        "longer-unknown-name",
        page("sleep", note="المصدر: موقع عكاظ نيوز"),
        [("republished_from", "+عكاظ نيوز")],
    ),
    (
        "d093",
        "cue",
        "previously-appeared",
        page("winter", note="كان هذا المقال قد نشر في صحيفة الشرق الأوسط"),
        [("previously_published_on", "aawsat")],
    ),
    ("d094", "mention", "ad-for-site", page("fire", note="حمّل تطبيق الموقع لمتابعة آخر الأخبار"), []),
    (
        "d095",
        "mention",
        "outlet-in-title-of-story",
        page("rates", inline="وعرضت منصة شاهد فيلماً وثائقياً عن الأزمة."),
        [],
    ),
    ("d096", "known", "note-line", page("flights", note="* نقلاً عن الحياة"), [("republished_from", "alhayat")]),
    (
        "d097",
        "cue",
        "originally-in-language",
        page("dig", note="نشرت النسخة الإنجليزية من هذا التقرير على موقع Middle East Eye"),
        [("previously_published_on", "+Middle East Eye")],
    ),
    (
        "d098",
        "mention",
        "program-on-channel",
        page("coast", inline="وسيتحدث المسؤول في برنامج صباحي على قناة روتانا خليجية."),
        [],
    ),
    (
        "d099",
        "cue",
        "edited-by-team",
        page("gold", note="حرره فريق تحرير موقع الخليج 365"),
        [("adapted_by", "+الخليج 365")],
    ),
    (
        "d100",
        "resolution",
        "latin-name",
        page("league", note="Source: BBC Arabic"),
        [("republished_from", "bbc-arabic")],
    ),
    (
        "d101",
        "cue",
        "agency-code-in-sentence",
        page("heat", inline="وكانت وكالة رويترز (رويترز) قد نقلت تحذيرات مشابهة."),
        [("quoted_source", "reuters")],
    ),
    (
        "d102",
        "cue",
        "first-published-origin",
        page("school", note="نُشر أصلاً في مجلة المجلة"),
        [("previously_published_on", "+المجلة")],
    ),
]


def write(path: Path) -> None:
    cases = []
    for half, rows in (("held_out", HELD_OUT), ("development", DEVELOPMENT)):
        for key, cls, phrasing, text, expected in rows:
            cases.append({"id": key, "half": half, "class": cls, "phrasing": phrasing, "text": text,
                          "expected": [list(pair) for pair in expected]})  # fmt: skip
    about = __doc__.strip()
    path.write_text(json.dumps({"about": about, "cases": cases}, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    write(Path(__file__).with_name("disclaimer_cases.json"))
