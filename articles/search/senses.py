"""Words that light stemming joins across meanings, indexed apart from the stem they would be cut to.

Light stemming cuts a suffix off every word, and for some words what is left is another word:
العمليات (operations) becomes عمل (work), الرياضة (sport) the stem of الرياض, الدولية (international)
that of الدول (countries), السيولة (liquidity) that of السيول (floods). A query for one then matches
every article of the other: the ranking puts the exact form first, but counts, facets, body-only
matches and every sort by date take them all.

The pairs were read from `python -m evaluation.stem_collisions` (forms whose usage, measured by word
vectors trained on the corpus, is far from their stem's commonest form), by a person who kept
only the pairs of two meanings: related words used in other contexts (وطن/وطني، ملك/ملكي،
شعب/شعبية) stay joined, and so do forms that are as often another word of the stem (طلبه is
"students" and "his request", عمله "currency" and "his work"). Each family below gets a lexeme of
its own, and its forms with a pronoun attached (عملياتها) follow them. Forms are folded as the
analyzer folds them, without the article.
"""

from articles.arabic import fold

FAMILIES = {
    # lexeme: the forms indexed under it (folded, no article)         stem they left, its meaning
    "عمليه": "عملية عمليات",  # عمل: work
    "جمعيه": "جمعية جمعيات",  # جمع / جمعة: gathering, Friday
    "جمعه": "جمعة",  # جمع: to gather, a plural
    "رياضه": "رياضة رياضي رياضية رياضيين رياضيون رياضات",  # رياض: Riyadh, gardens
    "جمهوري": "جمهورية جمهوري جمهوريين جمهوريون جمهوريات",  # جمهور: the public, an audience
    "تحتيه": "تحتية",  # تحت: under
    "بنيه": "بنية",  # بن: son of
    "سيوله": "سيولة",  # سيول: floods, Seoul
    "جامعه": "جامعة جامعات جامعي جامعية جامعيين",  # جامع: a mosque
    "دولي": "دولي دولية دوليين دوليون",  # دول: countries, a state
    "سعودي": "سعودي سعودية سعوديين سعوديون",  # سعود: Saud, a name
    "مدني": "مدني مدنية مدنيين مدنيون",  # مدن: cities
    "مركزي": "مركزي مركزية",  # مركز: a centre
    "رئيسي": "رئيسي رئيسية",  # رئيس: a president
    "حالي": "حالي حالية حاليا",  # حال / حالة: a state, a case
    "داخلي": "داخلي داخلية",  # داخل: inside
    "خارجي": "خارجي خارجية",  # خارج: outside
    "اجتماعي": "اجتماعي اجتماعية اجتماعيا",  # اجتماع: a meeting
    "مقابله": "مقابلة مقابلات",  # مقابل: against, in return
    "خلفيه": "خلفية خلفيات",  # خلف: behind
    "حمله": "حملة حملات",  # حمل: carrying, pregnancy
    "كميه": "كمية كميات",  # كم: how many
    "محلي": "محلي محلية محليين",  # محل: a shop, a place
    "بلديه": "بلدية بلديات",  # بلد: a country
    "صلاحيه": "صلاحية صلاحيات",  # صلاح: Salah, righteousness
    "اليه": "آلية آليات",  # ال: nothing (آلية keeps its alef and is cut to ال)
    "امانه": "أمانة أمانات",  # أمان: safety
    "رسمي": "رسمي رسمية رسميا",  # رسم: a fee, a drawing
    "ذكري": "ذكرى ذكريات",  # ذكر: to mention, male
    "جنيه": "جنيه جنيهات",  # جن: jinn
    "ديون": "ديون",  # دي: nothing (دين is debt and religion; the plural is only debt)
    "ملايين": "ملايين",  # ملا: a mullah
    "مائه": "مائة",  # ماء: water
    "ايه": "آية آيات",  # اي: أيها, the vocative
    # Read from the next 200 pairs of the list (stop 39; the 200 commonest are above).
    "دوري": "دوري",  # دور: a role (the league, and the periodic)
    "دوريه": "دورية دوريات",  # دور: a role (a patrol, periodic)
    "قويه": "قوية",  # قو: forces (قوات)
    "طريقه": "طريقة",  # طريق: a road
    "واقعه": "واقعة",  # واقع: reality
    "مسءوليه": "مسؤولية مسؤوليات",  # مسؤول: an official
    "مساعده": "مساعدة مساعدات",  # مساعد: an assistant
    "تنفيذي": "تنفيذي تنفيذية تنفيذيين",  # تنفيذ: carrying out
    "خطه": "خطة",  # خط: a line
    "سنه": "سنة",  # سن: age
    "صادرات": "صادرات",  # صادر: issued
    "رابطه": "رابطة",  # رابط: a link
    "شريفين": "شريفين",  # شريف: Sharif, a name
    "موافقه": "موافقة موافقات",  # موافق: corresponding to (in dates)
    "حريه": "حرية حريات",  # حر: free, heat
    "كلمه": "كلمة كلمات",  # كلم: a kilometre
    "اهلي": "أهلي",  # أهل: people, family (the club al-Ahli)
    "اهليه": "أهلية",  # أهل: people, family (civil)
    "نفسيه": "نفسية",  # نفس: self
    "عاده": "عادة عادات",  # عاد: he returned
    "جنسيه": "جنسية جنسيات",  # جنسي: sexual
    "صله": "صلة",  # صلى: he prayed
    "دعوي": "دعوى",  # دعوة: an invitation (a lawsuit)
    "خبره": "خبرة خبرات",  # خبر: news
    "امراه": "امرأة",  # أمر، أمراء: a matter, princes
    "مءسسه": "مؤسسة مؤسسات",  # مؤسس: a founder
    "قاءمه": "قائمة",  # قائم: standing, in charge
    "اوقيه": "أوقية",  # أوقات: times (an ounce)
    "عنصري": "عنصري عنصرية عنصريين",  # عنصر: an element
    "تامين": "تأمين",  # تام: complete (insurance)
    "طاءفي": "طائفي طائفية طائفيين",  # الطائف: Taif
    "مقاطعه": "مقاطعة",  # مقاطع: clips
    "اثري": "أثري أثرية",  # أثر: an effect
    "تعليمات": "تعليمات",  # تعليم: education
    "مالكي": "مالكي",  # مالك: an owner, Malik
    "بعثه": "بعثة بعثات",  # بعث: the Baath
    "حزمه": "حزمة",  # حزم: resolve (عاصفة الحزم)
    "كليه": "كلية كليات",  # كلي: total
    "معدات": "معدات",  # معدة: a stomach
    "دقيقه": "دقيقة",  # دقيق: flour, precise
    "ملابسات": "ملابسات",  # ملابس: clothes
    "انديه": "أندية",  # اند: nothing
    "حاجه": "حاجة",  # حاج: a pilgrim
    "عينه": "عينة عينات",  # عين: an eye
    "عدوي": "عدوى",  # عدو: an enemy
    "زياده": "زيادة زيادات",  # زياد: Ziad, a name
    "قضيه": "قضية",  # قضى: he spent, he judged
    "شرطه": "شرطة",  # شرط: a condition
    "عربه": "عربة عربات",  # عرب: Arabs, and عربية
    # Pairs 201 to 400 of the same list.
    "غابه": "غابة غابات",  # غاب: he was absent
    "سيره": "سيرة",  # سير: progress, a walk
    "رايه": "راية رايات",  # رأي: an opinion
    "فقره": "فقرة فقرات",  # فقر: poverty
    "عبادي": "عبادي",  # عبادة: worship (al-Abadi)
    "عماده": "عمادة",  # عماد: Imad, a name
    "عقبات": "عقبات",  # عقب: after
    "اطارات": "إطارات",  # إطار: a framework (tyres)
    "اجره": "أجرة",  # أجرى: he conducted
    "شهره": "شهرة",  # شهر: a month
    "نظريه": "نظرية نظريات",  # نظر: a look
    "مظاهره": "مظاهرة مظاهرات",  # مظاهر: appearances
    "دعايه": "دعاية",  # دعا: he called
    "مدرجات": "مدرجات",  # مدرجة: listed
    "جمله": "جملة",  # جمل: camels
    "طبقه": "طبقة طبقات",  # طبق: a dish, applied
    "نفقات": "نفقة نفقات",  # نفق: a tunnel
    "قبيله": "قبيلة",  # قبيل: shortly before
    "راحه": "راحة",  # راح: he went
    "تذكره": "تذكرة",  # تذكر: to remember
    "صفه": "صفة صفات",  # صف: a row
    "نقابه": "نقابة نقابات",  # نقاب: a niqab
    "تربيه": "تربية",  # تربة: soil
    "شرعيه": "شرعية",  # شرع: he began, sharia
    "امسيه": "أمسية أمسيات",  # أمس: yesterday
    "اشتراكي": "اشتراكي اشتراكية اشتراكيين",  # اشتراك: a subscription
    "سمعه": "سمعة",  # سمع: he heard
    "سعه": "سعة",  # سعي: seeking
    "مداخله": "مداخلة مداخلات",  # مداخل: entrances
    "عمده": "عمدة",  # عمد: deliberately
    "بطوله": "بطولة بطولات",  # بطول: with the length of
    "كمين": "كمين",  # كم: how many (an ambush)
    "رحله": "رحلة رحلات",  # رحل: he departed
    "مدنين": "مدنين",  # مدن: cities (Medenine)
    "اقليه": "أقلية أقليات",  # أقل: less
    "طاءفه": "طائفة",  # الطائف: Taif
    "وفاه": "وفاة",  # وفاء: Wafa, loyalty
    "سمات": "سمة سمات",  # سم: poison
    "مواصلات": "مواصلات",  # مواصلة: continuing
    "اوديه": "أودية",  # أودي: Audi
    "ناجين": "ناجين ناجون",  # ناجي: Naji, a name
    "عقيده": "عقيدة",  # عقيد: a colonel
    "شبهه": "شبهة شبهات",  # شبه: quasi-
    "منطقه": "منطقة",  # منطق: logic
    "جلاله": "جلالة",  # جلال: Jalal, a name
    "عرفات": "عرفات",  # عرف: he knew, custom
    "معاهده": "معاهدة معاهدات",  # معاهد: institutes
    "قريه": "قرية قرى",  # قرون: centuries
}

SENSES = {fold(form): fold(lexeme) for lexeme, forms in FAMILIES.items() for form in forms.split()}
