"""Why an input could not be ingested, and what was done to one that was, in Arabic, for the admin.

The reader and the command give their reasons in English (they are logged and printed for
operators, and tests match them). Editors read them on the preview and the run page: each kind of
reason has its Arabic sentence here, with its figures; what comes from outside the project (a JSON
parser's message, the database's refusal, the system's error) is kept after it as a quotation.
"""

import re
from typing import NamedTuple


class Reason(NamedTuple):
    text: str  # Arabic
    detail: str = ""  # the machine's own words, quoted as they are


NUMBER = r"(\d+)"
PATTERNS = [
    (r"empty input", "الملف فارغ"),
    (r"input holds only whitespace or invisible characters", "الملف لا يحوي إلا فراغات أو محارف لا تُرى"),
    (r"input holds only whitespace", "الملف لا يحوي إلا فراغات"),
    (r"binary data, not text", "بيانات ثنائية وليست نصاً"),
    (r"not valid UTF-8, UTF-16 or Windows-1256 text", "ليس نصاً بترميز UTF-8 أو UTF-16 أو Windows-1256"),
    (r"not valid UTF-8, and no Arabic text in it as Windows-1256", "ليس نصاً بترميز UTF-8، ولا نص عربياً فيه بترميز Windows-1256"),
    (r"no article text found in the HTML page", "لم يوجد نص مقال في صفحة HTML"),
    (r"no article text found", "لم يوجد نص مقال"),
    (r"contains NUL characters, which no text column can hold", "يحوي محارف NUL لا يمكن حفظها"),
    (rf"larger than the {NUMBER} MB limit for one page", "أكبر من حد الصفحة الواحدة ({0} م.ب)"),
    (rf"JSON file larger than {NUMBER} MB: use JSON Lines \(one record a line\)",
     "ملف JSON أكبر من {0} م.ب: استعمل JSON Lines (سجل في كل سطر)"),
    (rf"unpacks to more than {NUMBER} MB \(the limit for one input\)", "يتجاوز بعد فك ضغطه {0} م.ب (حد الملف الواحد)"),
    (rf"record of {NUMBER} MB is larger than the 5 MB limit", "سجل حجمه {0} م.ب، أكبر من حد 5 م.ب"),
    (r"record larger than the 5 MB limit", "سجل أكبر من حد 5 م.ب"),
    (r"invalid JSON: nested too deeply", "JSON غير صالح: متداخل إلى عمق لا يُقرأ"),
    (r"nested too deeply to be read", "متداخل إلى عمق لا يُقرأ"),
    (r"invalid JSON: (.+)", "JSON غير صالح"),
    (r"a JSON record must be an object", "سجل JSON يجب أن يكون كائناً"),
    (r"record has neither a title nor a text field", "السجل بلا عنوان ولا نص"),
    (r"a symbolic link to a directory: not followed \(name the directory itself\)",
     "رابط رمزي إلى مجلد لا يُتبع (سمِّ المجلد نفسه)"),
    (r"a symbolic link: not followed \(name the file itself to ingest it\)", "رابط رمزي لا يُتبع (سمِّ الملف نفسه)"),
    (r"no such file or directory", "لا ملف ولا مجلد بهذا الاسم"),
    (r"unsafe path in the zip archive \(absolute or '\.\.'\); not read", "مسار غير آمن داخل أرشيف zip (مطلق أو فيه '..')، فلم يُقرأ"),
    (r"not a readable zip archive \((.+)\)", "ليس أرشيف zip مقروءاً"),
    (rf"member of {NUMBER} MB is larger than the {NUMBER} MB limit", "ملف داخل الأرشيف حجمه {0} م.ب، أكبر من حد {1} م.ب"),
    (r"the database refused it: (.+)", "رفضته قاعدة البيانات"),
    (r"cannot be read \((.+)\)", "تعذرت قراءته"),
    # Notes: what was done to an input that was ingested.
    (r"byline cut to (\d+) characters", "قُصّ اسم الكاتب إلى أقصى طول للحقل ({0})"),
    (r"dateline cut to (\d+) characters", "قُصّ سطر المكان والتاريخ إلى أقصى طول للحقل ({0})"),
    (r"section cut to (\d+) characters", "قُصّ اسم القسم إلى أقصى طول للحقل ({0})"),
    (r"external_id cut to (\d+) characters", "قُصّ معرّف المصدر إلى أقصى طول للحقل ({0})"),
    (r"source_name cut to (\d+) characters", "قُصّ اسم الملف إلى أقصى طول للحقل ({0})"),
    (r"a cited name cut to (\d+) characters", "قُصّ اسم منفذ مذكور إلى أقصى طول للحقل ({0})"),
    (r"invalid UTF-8 bytes replaced with U\+FFFD", "استُبدلت علامة � ببايتات UTF-8 غير صالحة"),
    (r"publication date (\d{4}-\d\d-\d\d) is in the future: left unknown", "تاريخ النشر {0} في المستقبل، فتُرك مجهولاً"),
    (r"URL ignored, not an http\(s\) address: (.+)", "أُهمل الرابط، فليس عنوان http(s)"),
    (r"the record lists (\d+) URLs; the first web address is kept", "في السجل أكثر من رابط ({0})، وحُفظ أولها"),
]  # fmt: skip
COMPILED = [(re.compile(pattern + r"\Z", re.DOTALL), text) for pattern, text in PATTERNS]


def in_arabic(reason: str) -> Reason:  # also for notes
    """The Arabic sentence for a reason; figures go into it, outside words into its detail."""
    for pattern, text in COMPILED:
        if match := pattern.match(reason):
            groups = match.groups()
            if groups and not all(group.isdigit() for group in groups):
                return Reason(text, groups[-1])
            return Reason(text.format(*groups))
    return Reason("تعذر إدخاله", reason)
