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
    "جنيه": "جنيه جنيهات جنيها",  # جن: jinn
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
    "صله": "صلة صلات",  # صلى: he prayed
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
    "حاجه": "حاجة حاجات",  # حاج: a pilgrim
    "عينه": "عينة عينات",  # عين: an eye
    "عدوي": "عدوى",  # عدو: an enemy
    "زياده": "زيادة زيادات",  # زياد: Ziad, a name
    "قضيه": "قضية",  # قضى: he spent, he judged
    "شرطه": "شرطة شرطيين شرطيون",  # شرط: a condition
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
    "نقابه": "نقابة نقابات نقابي نقابية نقابيين",  # نقاب: a niqab
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
    # Pairs 301 to 640 of the same list, read on stop 46 (forms the analyzer still joined).
    "فرحات": "فرحات",  # فرحة: joy (Farhat, a name)
    "مارين": "مارين",  # مارة: passers-by (Marine, a name)
    "حضري": "حضري حضرية",  # حضر: he attended (urban)
    "قرشي": "قرشي",  # قرش: a shark, a piastre (al-Qurashi)
    "شقه": "شقة",  # شق: a crack (a flat)
    "ساره": "سارة",  # سار، ساري، سارية: pleasant, in force, a mast (Sarah)
    "هويه": "هوية هويات",  # هوى: he fell, a passion
    "جنين": "جنين",  # جنة: paradise (Jenin, a foetus)
    "جنون": "جنون",  # جنة: paradise (madness)
    "شاه": "شاه",  # شاي: tea (the Shah)
    "شاهين": "شاهين",  # شاي: tea (Shaheen, a name)
    "مشيره": "مشيرة",  # مشير: a field marshal (indicating)
    "اغنيه": "أغنية أغنيات",  # أغنى: richer (a song)
    "ظاهره": "ظاهرة",  # ظاهر: apparent (a phenomenon)
    "امثله": "أمثلة",  # أمثل: optimal (examples)
    "ملحه": "ملحة",  # ملح: salt (pressing)
    "تصفيات": "تصفيات",  # تصفية: liquidation, killing (qualifiers)
    "تمرين": "تمرين تمرينات تمارين",  # تمر: dates (training)
    "حوالات": "حوالة حوالات",  # حوالي: about (remittances)
    "تردي": "تردي",  # ترد: she replies (deterioration)
    "بشره": "بشرة",  # بشرية: human (skin)
    "ماري": "ماري",  # مارة: passers-by (Marie)
    "وثيقه": "وثيقة",  # وثيق: close (a document)
    "رءه": "رئة",  # رؤية: a vision (a lung)
    "ماسه": "ماسة",  # ماس: diamonds (pressing)
    "مثلي": "مثلي مثلية مثليين",  # مثل: like (homosexual)
    "فضه": "فضة",  # فض: dispersing (silver)
    "خانه": "خانة",  # خان: Khan (a box on a form)
    "سندات": "سندات",  # سند: support (bonds)
    "فرعون": "فرعون فراعنة",  # فرع: a branch (a pharaoh)
    "رياضيات": "رياضيات",  # رياضي: a sportsman (mathematics)
    "مرءي": "مرئي مرئية",  # مرء: a person (visible)
    "باقه": "باقة باقات",  # باقي: the rest (a bouquet, a package)
    "زينه": "زينة",  # زين: Zain (decoration)
    "تعدي": "تعدي",  # تعد: it counts as (an assault)
    "قمه": "قمة قمم",  # قم: Qom (a summit)
    "ذريه": "ذرية",  # ذرة: an atom, corn (offspring)
    "ظهيره": "ظهيرة",  # ظهير: a back, a full-back (noon)
    "محكمه": "محكمة",  # محكم: tight (a court)
    "دربي": "دربي",  # درب: a path (a derby)
    "تعرفه": "تعرفة",  # تعرف: to know (a tariff)
    "شريطه": "شريطة",  # شريط: a tape (provided that)
    "خزانه": "خزانة",  # خزان: a tank (a treasury)
    "جداره": "جدارة",  # جدار: a wall (merit)
    "حلبه": "حلبة",  # حلب: Aleppo (an arena)
    "مضاعفات": "مضاعفات",  # مضاعفة: doubling (complications)
    "ثمين": "ثمين ثمينة",  # ثمة: there is (precious)
    "فرضيه": "فرضية فرضيات",  # فرض: imposing (a hypothesis)
    "بولتون": "بولتون",  # بولت: Bolt (Bolton)
    "ايفون": "آيفون",  # إيف: Yves (the iPhone)
    "حلقه": "حلقة حلقات",  # حلق: a throat, shaving (an episode, a ring)
    "صدي": "صدى",  # صد: repelling (an echo)
    "اباده": "إبادة",  # أباد: he wiped out, and Abad (extermination)
    "قله": "قلة",  # قل: say (scarcity)
    "كعبي": "كعبي",  # كعبة: the Kaaba (al-Kaabi)
    "عوده": "عودة",  # عود: an oud, a stick (a return)
    "حافله": "حافلة حافلات",  # حافل: full of (a bus)
    "فقري": "فقري فقرية",  # فقر: poverty (vertebral)
    "مناظره": "مناظرة مناظرات",  # مناظر: scenes (a debate)
    "رياحي": "رياحي",  # رياح: winds (al-Riahi)
    "جاليه": "جالية جاليات",  # جال: he toured (a community abroad)
    "فضلات": "فضلات",  # فضل: grace, merit (waste)
    "سكين": "سكين سكاكين",  # سكة: a railway (a knife)
    "جولي": "جولي",  # جولة: a tour (Jolie)
    "اياد": "إياد",  # أيادي: hands (Iyad, a name)
    "مشين": "مشين",  # مشي: walking (shameful)
    "تسعين": "تسعين تسعينات",  # تسعى: she seeks (ninety, the nineties)
    "ماكين": "ماكين",  # ماك: Mac (McCain)
    "نجده": "نجدة",  # نجد: Najd (rescue)
    "حصانه": "حصانة",  # حصان: a horse (immunity)
    "تحليه": "تحلية",  # تحل: she solves (desalination)
    "سماحه": "سماحة",  # سماح: permission (His Eminence)
    "طهي": "طهي",  # طه: Taha (cooking)
    "هرمون": "هرمون هرمونات",  # هرم: a pyramid (a hormone)
    "سعوده": "سعودة",  # سعود: Saud (Saudization)
    "معونات": "معونة معونات",  # معه: with him (aid)
    "مباحثات": "مباحثات",  # مباحث: the investigations police (talks)
    "سلبي": "سلبي سلبية سلبيات",  # سلب: robbery (negative)
    "عبري": "عبري عبرية",  # عبرة: a lesson (Hebrew)
    "هاون": "هاون",  # ها: the demonstrative (a mortar)
    "تنس": "تنس",  # تنسى: she forgets (tennis)
    "نبات": "نبات نباتات",  # نبي: a prophet (a plant)
    "وسطيه": "وسطية",  # وسط: the middle (moderation)
    "قبلي": "قبلي قبلية",  # قبلة: a kiss, the qibla (tribal)
    "معاملات": "معاملة معاملات",  # معامل: laboratories (transactions)
    "ابيات": "أبيات",  # أب: a father (verses)
    "براون": "براون",  # برا: outside (Brown)
    "سني": "سني سنية سنيين",  # سن: age, a tooth (Sunni)
    "قاعه": "قاعة قاعات",  # قاع: a bottom (a hall)
    "دوامه": "دوامة",  # دوام: working hours (a whirlpool)
    "شاءعات": "شائعة شائعات",  # شائع: common (rumours)
    "نزعه": "نزعة",  # نزع: removing (a tendency)
    "بروين": "بروين",  # برو: pro (De Bruyne)
    "غربه": "غربة",  # غرب: the west (exile)
    "سنتات": "سنتات",  # سنتين: two years (cents)
    "برقيه": "برقية برقيات",  # برق: lightning (a cable)
    "قلمون": "قلمون",  # قلم: a pen (Qalamoun)
}

SENSES = {fold(form): fold(lexeme) for lexeme, forms in FAMILIES.items() for form in forms.split()}
