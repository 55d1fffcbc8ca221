"""A light gazetteer for search: Arabic given names, and places whose names end like a suffix.

A transliterated name is spelled many ways (ترامب/ترمب, غوارديولا/جوارديولا): its vowels and some
of its consonants are the writer's choice. An Arabic name is a word of the language, a root in a
pattern, and has one spelling: a long vowel more or less is another pattern of the root, so another
name or another word (محمد/محمود, سلمان/سليمان, منصور/منظور, اشرف/اشراف). Given names have no
variants and are no one's variant (vocabulary.py).

Light stemming cuts what looks like a suffix, and many names end like one: حسين became حس, امين
ام, غازي غاز, فتحي فتح, البحرين بحر ("sea"), الغابون غاب, جدة جد, دبي دب. The analyzer keeps the
words listed here whole (KEEP_WHOLE in analysis.py), as Lucene's keyword marker protects words from
its stemmer. Places that are also a common adjective or noun stemmed usefully (مالي "financial",
الجديدة "new") are left out.

Written from general knowledge (the common given names of the Arab world, men's and women's;
countries, cities and regions), folded as the analyzer folds them.
"""

from articles.arabic import fold

GIVEN_NAMES = frozenset(
    fold(name)
    for name in """
    محمد أحمد محمود حامد حميد حمد حمدي حمدان حمود حماد حمادي مصطفى علي عليان حسن حسين حسان حسني
    حسنين حسام حسيب عمر عمرو عمير عمار عامر عمران عثمان سلمان سليمان سلمى سالم سليم سلامة سلام
    سعيد سعد سعود سعدي سعدون سعاد خالد خليل خليفة إبراهيم إسماعيل يوسف يونس موسى عيسى يحيى زكريا
    داود هارون إدريس أيوب يعقوب إسحاق عبدالله عبدالرحمن عبدالعزيز عبدالملك عبدالحميد عبدالمجيد
    عبدالكريم عبدالرحيم عبدالهادي عبداللطيف عبدالسلام عبدالناصر عبدالفتاح عبدالرزاق عبدالقادر
    فهد فيصل تركي نايف نواف مشعل متعب بندر سلطان منصور ناصر نصر نصار نصير جمال جميل جميلة كمال
    كامل ماجد مجيد مجدي وليد طلال طارق زياد زيد زيدان زايد رشيد راشد رشاد فارس فراس فؤاد فوزي
    فوزية هاني هشام هاشم هيثم ياسر ياسين أنس أيمن إيمان أمين أمينة أمل نبيل نبيلة عادل عدنان
    عزيز عزيزة عماد منير منيرة مروان مريم نور نورة نوري نجيب رامي ريم رنا رانيا سامي سامر سمير
    سميرة سامح سماح صالح صلاح قاسم كريم كريمة بشير بشار بشرى جعفر حيدر حمزة حبيب حازم رضا رياض
    رائد ربيع رجب شعبان رمضان صابر صبري صفوان ضياء طه عباس عدي عصام غازي غسان فاضل فهمي فتحي قيس
    لؤي مالك معاذ معتز مهدي مؤيد نادر نزار نضال وائل وسام وحيد يزيد هيفاء فاطمة عائشة خديجة زينب
    ليلى منى مها هدى هند دعاء أسماء أسامة حارث عبيد عبيدة مرزوق مبارك محسن شريف أشرف عاطف خيري جابر
    جبر جبريل عزام عزت عزمي علاء بهاء سناء وفاء رحمة نعمة نعمان غانم غنام جاسم جاسر قحطان مهند
    مراد مرتضى مصعب معمر نجم نجمة هلال بلال جلال سهيل سهيلة سهام سمر مشاري مساعد ثامر
    عبير ابتسام نجلاء نوال أمجد أنور منصف
    """.split()  # noqa: SIM905 - a block of names reads better than a list of 250 strings
)


PLACE_NAMES = frozenset(
    fold(name)
    for name in """
    مكة جدة الدوحة القاهرة غزة أنقرة الشارقة المنامة البصرة حماة الحديدة الرقة الفجيرة المدينة
    الإسكندرية اللاذقية الجيزة المنوفية القليوبية الدقهلية قسنطينة عنابة باتنة البليدة غرداية سوسة
    مصراتة درنة الكفرة العقبة قلقيلية الرملة الناصرة زحلة النبطية الحسكة القامشلي القنيطرة عفرين
    السليمانية الحلة العمارة الناصرية الرمادي الفلوجة سامراء بعقوبة صعدة حجة أبين شبوة المهرة أسمرة
    مقديشو كيسمايو طنجة وجدة تطوان العيون السمارة أكادير الظهران الأحساء الباحة بريدة عنيزة المجمعة
    القريات القنفذة بيشة الدرعية صلالة المحرق الجهراء الأحمدي الوكرة دبي أبوظبي عجمان القيوين كراتشي
    نيودلهي مومباي هلسنكي نيروبي جيبوتي هايتي زيمبابوي ملاوي بوروندي تشيلي أوروغواي باراغواي فيجي
    موناكو البحرين الأرجنتين الفلبين فلسطين الصين الكاميرون الغابون برلين بكين لشبونة سنغافورة
    مكسيكو كوناكري نيامي بانغي كيغالي أكرا لومي كوتونو دكار باماكو واغادوغو الإمارات بريتوريا
    فيلادلفيا ديترويت كاليفورنيا فلوريدا أتلانتا سياتل ميامي هيوستن بوسطن أريزونا الكويت طرابلس
    بنغازي سرت سبها زوارة غريان ترهونة القيروان صفاقس قابس بنزرت المنستير المهدية جندوبة القصرين
    قفصة تبسة بجاية مستغانم تلمسان البويرة المسيلة الأغواط ورقلة تمنراست أدرار بشار الناظور الحسيمة
    آسفي الصويرة ورزازات الراشيدية خريبكة سطات المحمدية تمارة سلا ميدلت إفران أبها
    """.split()  # noqa: SIM905
)


def _countries_ending_in_ya() -> frozenset[str]:
    """Countries (CLDR's Arabic names, and Britain, which CLDR calls the United Kingdom) whose name
    ends in يا: سوريا، روسيا، ألمانيا. Their adjective drops the يا for ي (سوري، الروسية، الألمان)."""
    from articles.known_names import countries

    return frozenset(name for name in countries() | {fold("بريطانيا")} if name.endswith("يا"))


# The stems of those adjectives (سور، روس، المان), of three letters or more (آسيا's would be اس).
# Light stemming cuts the adjective to this stem, which is often another word: سوري to سور ("a
# wall"), تركي to ترك ("left"). The analyzer indexes the adjective under stem + ي instead.
ADJECTIVE_STEMS = frozenset(name[:-2] for name in _countries_ending_in_ya() if len(name) >= 5)
